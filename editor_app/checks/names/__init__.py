"""Name checking: the machinery behind the ``names.*`` rules.

``candidates`` finds the stretches of a paragraph that may be names; ``index``
settles them into mentions and counts them per paragraph; ``aggregate`` keeps
the article's totals current paragraph by paragraph; ``neighbours`` and
``variants`` find and judge two spellings of one name; ``bookmatch`` compares
names with the style book; ``reporting`` turns verdicts into issues; and
``analysis`` runs it all once per check for the three rules in
``editor_app.checks.rules.names``.
"""
