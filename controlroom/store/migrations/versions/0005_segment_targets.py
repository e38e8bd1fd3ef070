"""Segment targets (issue 13): a slot's GMV target (¥) and order target, both optional.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no default: a segment made before targets has none, and SQLite adds such
    # a column without rewriting the table.
    op.add_column("segments", sa.Column("gmv_target", sa.Float(), nullable=True))
    op.add_column("segments", sa.Column("orders_target", sa.Integer(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("ControlRoom never downgrades a database")
