"""The tables: shows, their plan segments, their product queue, and the append-only log."""

from __future__ import annotations

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# 64-bit ids on a server (an agency's log outgrows 2**31 rows); on SQLite INTEGER, so that an
# `INTEGER PRIMARY KEY` stays the rowid alias it always was (and autoincrements).
Id = BigInteger().with_variant(Integer, "sqlite")


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Show(Base):
    __tablename__ = "shows"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    room: Mapped[str] = mapped_column(Text, default="")
    host: Mapped[str] = mapped_column(Text, default="")
    controller: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[float] = mapped_column(Float)
    scheduled_at: Mapped[float | None] = mapped_column(Float, nullable=True)  # planned start (UTC)
    planned_minutes: Mapped[float] = mapped_column(Float)
    settings_json: Mapped[str] = mapped_column(Text, default="{}")


class SegmentRow(Base):
    """The show's current plan; segment runs in the log refer to `uid`."""

    __tablename__ = "segments"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    show_id: Mapped[int] = mapped_column(Id, ForeignKey("shows.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    planned_s: Mapped[float] = mapped_column(Float)
    product_sku: Mapped[str | None] = mapped_column(Text, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    gmv_target: Mapped[float | None] = mapped_column(Float, nullable=True)  # ¥; None: no target
    orders_target: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ProductRow(Base):
    """A product in the show's queue; `position` is the queue order."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    show_id: Mapped[int] = mapped_column(Id, ForeignKey("shows.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    price: Mapped[float] = mapped_column(Float)
    stock: Mapped[int] = mapped_column(Integer)
    selling_points: Mapped[str] = mapped_column(Text, default="")
    promo: Mapped[str] = mapped_column(Text, default="")


class EventRow(Base):
    """The show log. Append-only; one flat shape for every kind (see core/events.py)."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    show_id: Mapped[int] = mapped_column(Id)
    ts: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(24))
    user: Mapped[str | None] = mapped_column(Text, nullable=True)
    product: Mapped[str | None] = mapped_column(Text, nullable=True)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    qty: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    flag: Mapped[str | None] = mapped_column(String(24), nullable=True)
    data: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_events_show_kind_ts", "show_id", "kind", "ts"),)


class FoldMinute(Base):
    """A replay cache: one closed minute of the feed as the live fold produced it
    (core/metrics.py MinuteBucket as JSON, interacting users included). Minute -1 holds
    what was folded "after the end". Derived, never the truth: it can be dropped and
    rebuilt from `events` at any time."""

    __tablename__ = "fold_minutes"
    show_id: Mapped[int] = mapped_column(Id, primary_key=True)
    minute: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(Text)


class ReplayMark(Base):
    """How far the replay cache reaches: the feed events stamped before `closed_minute`
    with ids up to `last_id`, folded with the show's end at `ended_at`."""

    __tablename__ = "replay_marks"
    show_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    closed_minute: Mapped[int] = mapped_column(Integer)
    last_id: Mapped[int] = mapped_column(Id)
    ended_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class SyncedShow(Base):
    """On an agency server: a show shipped from a laptop (services/sync.py). `origin` is the
    laptop database's uuid and `origin_show_id` the show's id there; the server's own
    `show_id` is the server's. `last_event_id` is the laptop's id of the last event shipped,
    moved in the same transaction as the events it covers (so a crash rolls both back)."""

    __tablename__ = "synced_shows"
    show_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("shows.id"), primary_key=True)
    origin: Mapped[str] = mapped_column(String(36))
    origin_show_id: Mapped[int] = mapped_column(BigInteger)
    last_event_id: Mapped[int] = mapped_column(BigInteger, default=0)
    events: Mapped[int] = mapped_column(BigInteger, default=0)  # how many were shipped, for a check
    synced_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (UniqueConstraint("origin", "origin_show_id", name="uq_synced_shows_origin"),)
