"""A child process for the durability test: saves one article over and over, printing the
number of each save once it has committed, until it is killed."""

from __future__ import annotations

import sys

from editor_app.library import open_library
from editor_app.model import Article
from tests.library.builders import build_article

PARAGRAPHS_PER_SAVE = 1000


def article_for(save: int) -> Article:
    """A big text that names its save in every paragraph, so a half-written one shows."""
    return build_article(
        f"Save number {save}",
        [
            f"Save {save}, paragraph {index}: the tide tables were checked again "
            "against the harbour master's notes and the pilots' logbook."
            for index in range(PARAGRAPHS_PER_SAVE)
        ],
    )


def main(path: str, article_id: int, first_save: int) -> None:
    with open_library(path, create=False) as library:
        version = library.get(article_id).version
        save = first_save
        while True:
            library.save(article_id, article_for(save), expected_version=version)
            version += 1
            print(save, flush=True)
            save += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
