"""Alembic migrations of the library schema, run by ``editor_app.library.migrate``.

Shipped inside the package (``env.py`` here, revisions in ``versions/``), so no
``alembic.ini`` is needed at run time.
"""
