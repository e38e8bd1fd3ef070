"""Alembic migrations of the store, run from code by store/db.py (no alembic.ini)."""
