"""Schema 1: shows, their plan and product queue, the event log, the old SQL replay cache.

Frozen: the tables as the first release made them (ids 64-bit on a server, INTEGER on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    meta = op.create_table("meta", sa.Column("key", sa.String(64), primary_key=True),
                           sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "shows", sa.Column("id", Id, primary_key=True), sa.Column("title", sa.Text, nullable=False),
        sa.Column("room", sa.Text, nullable=False), sa.Column("host", sa.Text, nullable=False),
        sa.Column("controller", sa.Text, nullable=False), sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("planned_minutes", sa.Float, nullable=False), sa.Column("settings_json", sa.Text, nullable=False))
    op.create_table(
        "segments", sa.Column("id", Id, primary_key=True),
        sa.Column("show_id", Id, sa.ForeignKey("shows.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False), sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("title", sa.Text, nullable=False),
        sa.Column("planned_s", sa.Float, nullable=False), sa.Column("product_sku", sa.Text, nullable=True),
        sa.Column("notes", sa.Text, nullable=False))
    op.create_table(
        "products", sa.Column("id", Id, primary_key=True),
        sa.Column("show_id", Id, sa.ForeignKey("shows.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False), sa.Column("sku", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False), sa.Column("role", sa.String(16), nullable=False),
        sa.Column("price", sa.Float, nullable=False), sa.Column("stock", sa.Integer, nullable=False),
        sa.Column("selling_points", sa.Text, nullable=False), sa.Column("promo", sa.Text, nullable=False))
    op.create_table(
        "events", sa.Column("id", Id, primary_key=True), sa.Column("show_id", Id, nullable=False),
        sa.Column("ts", sa.Float, nullable=False), sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("user", sa.Text), sa.Column("product", sa.Text), sa.Column("value", sa.Float),
        sa.Column("qty", sa.Integer), sa.Column("ref", sa.Text), sa.Column("text", sa.Text),
        sa.Column("flag", sa.String(24)), sa.Column("data", sa.Text))
    op.create_index("ix_events_show_kind_ts", "events", ["show_id", "kind", "ts"])
    counters = ("online_n", "entries_max", "joins", "comments", "negative_comments", "likes", "shares", "follows",
                "gifts", "interactors")
    op.create_table(
        "minute_aggregates", sa.Column("show_id", Id, primary_key=True, autoincrement=False),
        sa.Column("minute", sa.Integer, primary_key=True, autoincrement=False),
        *(sa.Column(name, sa.Float, nullable=False) for name in ("online_sum", "online_max", "online_min",
                                                                  "gift_value")),
        *(sa.Column(name, sa.Integer, nullable=False) for name in counters))
    op.create_table(
        "replay_marks", sa.Column("show_id", Id, primary_key=True, autoincrement=False),
        sa.Column("closed_minute", sa.Integer, nullable=False), sa.Column("last_id", Id, nullable=False))
    op.bulk_insert(meta, [{"key": "schema_version", "value": "1"}])


def downgrade() -> None:
    raise NotImplementedError("ControlRoom never downgrades a database")
