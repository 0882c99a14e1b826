"""The shipped sample article and the name errors planted in it, for any test to use.

The style checks need a realistic article with known mistakes; the sample is that
article, and ``resources/sample/planted-errors.json`` says which mistakes it holds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from editor_app.assets import read_resource_text, sample_article_text
from editor_app.model import Article
from editor_app.model.jsonformat import loads

PLANTED_ERRORS_FILE = ("sample", "planted-errors.json")
PLANTED_KINDS = frozenset({"variant", "real-word", "stylebook"})


@dataclass(frozen=True)
class PlantedError:
    """A wrong name form put in the sample on purpose, and what it should have been."""

    wrong: str
    right: str
    kind: str


def load_sample_article() -> Article:
    return loads(sample_article_text())


def planted_errors() -> tuple[PlantedError, ...]:
    records = json.loads(read_resource_text(*PLANTED_ERRORS_FILE))
    return tuple(
        PlantedError(wrong=record["wrong"], right=record["right"], kind=record["kind"])
        for record in records
    )


def all_text(article: Article) -> str:
    """Every checkable piece of the article, metadata included, one per line."""
    return "\n".join(text for _ref, text in article.segments())


def whole_word_pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` not glued to other letters: "Went" must not match inside "Wentworth"."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def count_whole_words(text: str, phrase: str) -> int:
    return len(whole_word_pattern(phrase).findall(text))
