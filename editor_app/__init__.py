"""Article Editor: a desktop editor for news articles."""

__version__ = "0.1.0"
