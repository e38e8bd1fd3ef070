"""Events: everything that happens in a show. The show log is a list of these.

One flat shape for every kind keeps the log uniform (every stored row has the same
columns) and cheap to write; what each field means depends on the kind:

| kind               | user   | product | value          | qty           | ref          | text      |
|--------------------|--------|---------|----------------|---------------|--------------|-----------|
| viewers            |        |         | online now     | entries total |              |           |
| comment            | user   |         |                |               |              | text      |
| like               | user?  |         |                | count         |              |           |
| share/follow/join  | user?  |         |                |               |              |           |
| gift               | user   |         | value          | count         |              | gift name |
| order              | buyer  | sku     | amount         | quantity      | order id     |           |
| segment_started    |        |         |                |               | segment uid  | cause     |
| segment_extended   |        |         | seconds        |               | segment uid  |           |
| product_on/off_shelf, explaining_started | | sku |      |               |              |           |
| stock_adjusted     |        | sku     | new stock      | delta         |              | reason    |
| promo_repeated     |        | sku     |                |               |              | promo     |
| incident_opened/closed |    |         |                |               | incident id  | text      |
| checklist_ticked   |        |         | 1 ticked/0 not |               | item key     |           |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Feed events: high rate, batched on the way to the log, aggregated on replay.
VIEWERS = "viewers"
COMMENT = "comment"
LIKE = "like"
SHARE = "share"
FOLLOW = "follow"
JOIN = "join"
GIFT = "gift"
ORDER = "order"
FEED_KINDS = frozenset({VIEWERS, COMMENT, LIKE, SHARE, FOLLOW, JOIN, GIFT, ORDER})
INTERACTION_KINDS = frozenset({COMMENT, LIKE, SHARE, FOLLOW, GIFT})

# Operator events: committed before the command returns, folded one by one on replay.
SHOW_STARTED = "show_started"
SHOW_PAUSED = "show_paused"
SHOW_RESUMED = "show_resumed"
SHOW_ENDED = "show_ended"
SEGMENT_STARTED = "segment_started"
SEGMENT_EXTENDED = "segment_extended"
INTERACTION_MARKED = "interaction_marked"
PROMO_REPEATED = "promo_repeated"
PRODUCT_ON_SHELF = "product_on_shelf"
PRODUCT_OFF_SHELF = "product_off_shelf"
EXPLAINING_STARTED = "explaining_started"
STOCK_ADJUSTED = "stock_adjusted"
NOTE = "note"
INCIDENT_OPENED = "incident_opened"
INCIDENT_CLOSED = "incident_closed"
CHECKLIST_TICKED = "checklist_ticked"
HOST_MESSAGE = "host_message"
PLAN_EDITED = "plan_edited"
OPERATOR_KINDS = frozenset({
    SHOW_STARTED, SHOW_PAUSED, SHOW_RESUMED, SHOW_ENDED, SEGMENT_STARTED, SEGMENT_EXTENDED,
    INTERACTION_MARKED, PROMO_REPEATED, PRODUCT_ON_SHELF, PRODUCT_OFF_SHELF,
    EXPLAINING_STARTED, STOCK_ADJUSTED, NOTE, INCIDENT_OPENED, INCIDENT_CLOSED,
    CHECKLIST_TICKED, HOST_MESSAGE, PLAN_EDITED,
})

# Flags an order can carry: it is counted all the same, and surfaced as an oversell.
FLAG_UNKNOWN_PRODUCT = "unknown_product"
FLAG_OFF_SHELF = "off_shelf"
FLAG_SOLD_OUT = "sold_out"
FLAG_OVERSELL = "oversell"
# Orders typed in from the platform's dashboard (a total, not one buyer's order).
FLAG_MANUAL = "manual"


@dataclass(slots=True)
class Event:
    kind: str
    ts: float
    user: str | None = None
    product: str | None = None
    value: float | None = None
    qty: int | None = None
    ref: str | None = None
    text: str | None = None
    flag: str | None = None
    data: dict[str, Any] | None = None
    id: int | None = None

    @property
    def is_feed(self) -> bool:
        return self.kind in FEED_KINDS


EVENT_FIELDS = ("kind", "ts", "user", "product", "value", "qty", "ref", "text", "flag", "data")
