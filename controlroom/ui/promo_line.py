"""The timer panel's one-line promo repeat counters: the product on air first, then the
others while they fit the label's width, then "… +N" — never a wrapping paragraph
(200 products would push the rest of the panel down). Nothing before the start nor after
the end: a red "×0" for every product before anything could have been repeated, or the
counts of a show that is over, are noise, not a cue."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import texts

BAND_COLOURS = {"low": "#c62828", "ok": "#2e7d32"}
OTHER_COLOUR = "#e68a00"
SEPARATOR = " · "
BOLD_WIDTH = 1.12  # the item on air is bold: wider than the label's font measures it
# A rich-text label lays its text out in a document with this margin on each side (Qt's
# default): "… +8 more" was cut at the panel's edge at 1920×1080 without it.
RICH_TEXT_MARGIN = 4


def promo_items(view: RoomView) -> list[tuple[str, str, str, bool]]:
    """(name, its count text, colour, on air) per promo product, the one on air first."""
    p = view.pacing
    on_air = p.segment.product_sku if p.segment is not None else None
    items = []
    for sku, (n, band) in p.promos.items():
        product = view.product(sku)
        name = product.name if product else sku
        current = sku == on_air
        count = f" ×{n} ({texts.promo_band(band)})" if current else f" ×{n}"
        items.append((name, count, BAND_COLOURS.get(band, OTHER_COLOUR), current))
    items.sort(key=lambda item: not item[3])
    return items


def fitted(name: str, count: str, metrics: QFontMetrics, room: float, bold: bool,
           bold_metrics: QFontMetrics | None = None) -> str:
    """`name` + `count`, the name cut with "…" so that the count always shows within `room`
    (a bold item measured with `bold_metrics` when given, else as BOLD_WIDTH times wider)."""
    if bold and bold_metrics is not None:
        metrics, scale = bold_metrics, 1.0
    else:
        scale = BOLD_WIDTH if bold else 1.0
    if metrics.horizontalAdvance(name + count) * scale <= room:
        return name + count
    keep = int(room / scale) - metrics.horizontalAdvance(count)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(keep, 0)) + count


def _advance(text: str, metrics: QFontMetrics, bold: bool, bold_metrics: QFontMetrics | None) -> float:
    if bold and bold_metrics is not None:
        return bold_metrics.horizontalAdvance(text)
    return metrics.horizontalAdvance(text) * (BOLD_WIDTH if bold else 1.0)


def promo_html(view: RoomView, prefix: str, more: str, metrics: QFontMetrics, width: int,
               bold_metrics: QFontMetrics | None = None) -> str:
    """The line as rich text, as many items as fit `width` pixels (less the rich text's
    own margins); `more` has a %1 for how many were left out. Empty before the start,
    after the end, or when no product has a promo."""
    if view.pacing.status in (ShowStatus.PLANNED, ShowStatus.ENDED):  # nothing to repeat before or after the show
        return ""
    items = promo_items(view)
    if not items:
        return ""
    width -= 2 * RICH_TEXT_MARGIN
    used = metrics.horizontalAdvance(prefix)
    shown: list[str] = []
    for i, (name, count, colour, current) in enumerate(items):
        left = len(items) - i - 1
        tail = metrics.horizontalAdvance(SEPARATOR + more.replace("%1", str(left))) if left else 0
        text = name + count if shown else fitted(name, count, metrics, width - used - tail, current, bold_metrics)
        cost = _advance((SEPARATOR if shown else "") + text, metrics, current, bold_metrics)
        if shown and used + cost + tail > width:
            break
        used += cost
        body = html.escape(text)
        shown.append(f"<span style='color:{colour}'>{'<b>' + body + '</b>' if current else body}</span>")
    hidden = len(items) - len(shown)
    tail_text = SEPARATOR + html.escape(more.replace("%1", str(hidden))) if hidden else ""
    return html.escape(prefix) + SEPARATOR.join(shown) + tail_text
