"""Speed targets, measured as medians: ``python -m benchmarks`` (or ``./dev bench``).

Targets are goals to report, not test assertions; the figures go in the closing
note of the issue that sets them.
"""
