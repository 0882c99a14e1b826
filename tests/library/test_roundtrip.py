"""Any article saved into the library reads back equal (SQLite, moderate examples)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from editor_app.library import Library, open_library
from editor_app.model import Article
from tests.strategies import articles_with_ignores as articles


@pytest.fixture(scope="module")
def shared_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    path: Path = tmp_path_factory.mktemp("roundtrip") / "library.sqlite3"
    with open_library(path) as library:
        yield library


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=articles, second=articles)
def test_article_add_save_get_round_trip(
    shared_library: Library, first: Article, second: Article
) -> None:
    stored = shared_library.add_article(first)
    assert shared_library.get(stored.id).article == first
    shared_library.save(stored.id, second, expected_version=stored.version)
    assert shared_library.get(stored.id).article == second
    assert shared_library.revision(stored.id, 1) == first
