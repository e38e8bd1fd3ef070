"""Schema 3: the replay cache holds the live fold's own buckets (fold_minutes); the old SQL
aggregates go, and every show is folded from its log once. On a server, ids become 64-bit
(a database made before 0001 had them: a no-op then)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_IDS = {"shows": ("id",), "segments": ("id", "show_id"), "products": ("id", "show_id"), "events": ("id", "show_id")}


def upgrade() -> None:
    op.execute(sa.text("DROP TABLE IF EXISTS minute_aggregates"))
    op.execute(sa.text("DROP TABLE IF EXISTS replay_marks"))
    op.create_table(
        "replay_marks", sa.Column("show_id", Id, primary_key=True, autoincrement=False),
        sa.Column("closed_minute", sa.Integer, nullable=False), sa.Column("last_id", Id, nullable=False),
        sa.Column("ended_at", sa.Float, nullable=True))
    op.create_table(
        "fold_minutes", sa.Column("show_id", Id, primary_key=True, autoincrement=False),
        sa.Column("minute", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("bucket", sa.Text, nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in _IDS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.BigInteger())
    op.execute(sa.text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))


def downgrade() -> None:
    raise NotImplementedError("ControlRoom never downgrades a database")
