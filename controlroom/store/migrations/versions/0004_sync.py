"""Sync to an agency server: the table mapping a laptop's show to the server's (models SyncedShow).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "synced_shows",
        sa.Column("show_id", sa.BigInteger(), sa.ForeignKey("shows.id"), primary_key=True),
        sa.Column("origin", sa.String(36), nullable=False),
        sa.Column("origin_show_id", sa.BigInteger(), nullable=False),
        sa.Column("last_event_id", sa.BigInteger(), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("synced_at", sa.Float(), nullable=False),
        sa.UniqueConstraint("origin", "origin_show_id", name="uq_synced_shows_origin"),
    )


def downgrade() -> None:
    op.drop_table("synced_shows")
