"""``python -m editor_app``: the same as the ``article-editor`` command."""

from editor_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
