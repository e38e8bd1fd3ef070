"""SQLAlchemy 2 declarative tables, and nothing else."""

from controlroom.models.tables import (
    Base,
    EventRow,
    FoldMinute,
    Meta,
    ProductRow,
    ReplayMark,
    SegmentRow,
    Show,
    SyncedShow,
)

__all__ = ["Base", "EventRow", "FoldMinute", "Meta", "ProductRow", "ReplayMark", "SegmentRow", "Show", "SyncedShow"]
