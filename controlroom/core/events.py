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
| host_message       |        |         |                |               |              | message (flag "blink": it flashes) |
| plan_edited        |        |         |                | changes       | what edited  |           |
| plan_set           |        |         |                | segments      |              |           |
| product_added/updated |     | sku     |                |               |              |           |
| product_removed    |        | sku     |                |               |              |           |
| products_ordered   |        |         |                | products      |              |           |
| settings_changed   |        |         |                | settings      |              |           |

Edits (core/edit_log.py) carry what changed in `data`, enough to fold the plan, the
products and the settings forward from what the show was created with (the side
tables, never rewritten after creation):

| kind             | data                                                                  |
|------------------|-----------------------------------------------------------------------|
| plan_set         | {"segments": [{uid, kind, title, planned_s, product, notes}, …]}: the whole new plan |
| product_added    | {name, role, price, stock, selling_points, promo}: appended to the queue |
| product_updated  | the same fields (all of them), and "was": {field: old value} for the log |
| product_removed  | {name}                                                                |
| products_ordered | {"skus": [sku, …]}: the queue's new order                             |
| settings_changed | {name: value} of the settings that changed                            |
| plan_edited      | none: marks the end of one edit ("plan", "products", "settings"); folds to nothing. Older logs hold only this (their side tables hold the latest edit) |
| undone           | {"ids": [id, …]}: the events of the one action it takes back (core/undo.py); `text` names the action ("next segment") |
| any undoable kind | {"joined": true} on every event of a multi-event action but its first (the move-on of core/commands.py): one undo takes the whole action back |

A stock change of a product that has sold or had its stock adjusted is never an edit of
its starting stock: an import makes it a `stock_adjusted` with the reason "import".
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
PLAN_SET = "plan_set"
PRODUCT_ADDED = "product_added"
PRODUCT_UPDATED = "product_updated"
PRODUCT_REMOVED = "product_removed"
PRODUCTS_ORDERED = "products_ordered"
SETTINGS_CHANGED = "settings_changed"
UNDONE = "undone"
EDIT_KINDS = frozenset({
    PLAN_SET, PRODUCT_ADDED, PRODUCT_UPDATED, PRODUCT_REMOVED, PRODUCTS_ORDERED, SETTINGS_CHANGED,
})
OPERATOR_KINDS = frozenset({
    SHOW_STARTED, SHOW_PAUSED, SHOW_RESUMED, SHOW_ENDED, SEGMENT_STARTED, SEGMENT_EXTENDED,
    INTERACTION_MARKED, PROMO_REPEATED, PRODUCT_ON_SHELF, PRODUCT_OFF_SHELF,
    EXPLAINING_STARTED, STOCK_ADJUSTED, NOTE, INCIDENT_OPENED, INCIDENT_CLOSED,
    CHECKLIST_TICKED, HOST_MESSAGE, PLAN_EDITED, UNDONE,
}) | EDIT_KINDS

# Flags an order can carry: it is counted all the same, and surfaced as an oversell.
FLAG_UNKNOWN_PRODUCT = "unknown_product"
FLAG_OFF_SHELF = "off_shelf"
FLAG_SOLD_OUT = "sold_out"
FLAG_OVERSELL = "oversell"
# Orders typed in from the platform's dashboard (a total, not one buyer's order).
FLAG_MANUAL = "manual"
# A host message that flashes on the host display (older logs carry no flag: it does not).
FLAG_BLINK = "blink"


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
