"""The rule registry, built by importing every module in ``editor_app.checks.rules``.

Adding a rule family is adding a module there; nothing else needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil

from editor_app.checks import rules as rules_package
from editor_app.checks.base import Rule


def rule_classes() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for module_info in sorted(pkgutil.iter_modules(rules_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{rules_package.__name__}.{module_info.name}")
        found.extend(getattr(module, "RULES", ()))
    ids = [rule.id for rule in found]
    duplicates = {rule_id for rule_id in ids if ids.count(rule_id) > 1}
    if duplicates:
        raise RuntimeError(f"rule ids used twice: {', '.join(sorted(duplicates))}")
    return found


def all_rules() -> list[Rule]:
    """A fresh instance of every rule, in a stable order."""
    return [rule_class() for rule_class in rule_classes()]
