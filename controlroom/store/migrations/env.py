"""Alembic's environment: always online, on the connection store/db.py hands in (it holds
the migration lock and the transaction)."""

from __future__ import annotations

from alembic import context

from controlroom.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
