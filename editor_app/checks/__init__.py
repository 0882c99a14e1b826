"""Style checks: names first, then spelling, house style and quotes.

Pure Python. ``base`` defines rules and findings, ``rules/`` holds one module per
rule family (registered by import), ``engine`` runs them with per-paragraph
caching, and ``setup`` builds a checker from the user's house style, style book
and dictionaries for the command line and the window alike.
"""
