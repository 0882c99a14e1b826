"""``article-editor``, ``article-editor FILE`` and ``--sample`` open the window (Qt is
loaded only here, so this test lives with the window tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app import cli


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, False)),
        (["story.md"], (Path("story.md"), False)),
        (["--sample"], (None, True)),
        (["open", "--sample"], (None, True)),
    ],
)
def test_open_routes_to_the_window(
    args: list[str], expected: tuple[Path | None, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[Path | None, bool]] = []

    def fake_run_gui(path: Path | None, sample: bool = False) -> int:
        opened.append((path, sample))
        return 0

    import editor_app.app

    monkeypatch.setattr(editor_app.app, "run_gui", fake_run_gui)
    assert cli.main(args) == 0
    assert opened == [expected]
