"""Deterministic synthetic news copy of any length, for timing."""

from __future__ import annotations

import random

_NAMES = ["Mira Sandoval", "Dana Hale", "Tomasz Wrona", "Ilse Brunnthaler", "Kofi Mensah"]
_WORDS = (
    "council minister said the plan would cost million over years and residents who "
    "attended meeting on Tuesday asked whether tram line budget vote delayed again "
    "officials told reporters talks continued late into night agreement reached after "
    "months of negotiations between ministry and unions about pay schedules"
).split()


def paragraphs(word_count: int, seed: int = 7) -> list[str]:
    """Paragraphs of 30–60 words totalling ``word_count`` words."""
    generator = random.Random(seed)
    out: list[str] = []
    remaining = word_count
    while remaining > 0:
        size = min(remaining, generator.randint(30, 60))
        words = [generator.choice(_WORDS) for _ in range(size - 3)]
        name = generator.choice(_NAMES)
        sentence = " ".join(words)
        out.append(f"“{sentence.capitalize()},” {name} said.")
        remaining -= size
    return out


def markdown_article(word_count: int) -> str:
    parts = ["---", "standfirst: A long read for timing", "byline: By Benchmark Desk", "---", ""]
    parts.append("# Benchmark article")
    for index, paragraph in enumerate(paragraphs(word_count)):
        if index and index % 25 == 0:
            parts.append(f"## Part {index // 25}")
        if index and index % 40 == 0:
            parts.append(f"> {paragraph}\n>\n> — Dana Hale")
        else:
            parts.append(paragraph)
    return "\n\n".join(parts) + "\n"
