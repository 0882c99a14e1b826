"""One module per rule family. Every module here that defines ``RULES`` (a tuple of
``Rule`` subclasses) is picked up by ``editor_app.checks.registry``."""
