"""The timer panel's one-line promo repeat counters: the product on air first, then the
others while they fit the label's width, then "… +N" — never a wrapping paragraph
(200 products would push the rest of the panel down). Nothing before the start: a red
"×0" for every product before anything could have been repeated is noise, not a cue."""

from __future__ import annotations

import html

from PySide6.QtGui import QFontMetrics

from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import texts

BAND_COLOURS = {"low": "#c62828", "ok": "#2e7d32"}
OTHER_COLOUR = "#e68a00"
SEPARATOR = " · "


def promo_items(view: RoomView) -> list[tuple[str, str, bool]]:
    """(plain text, colour, on air) per promo product, the one on air first."""
    p = view.pacing
    on_air = p.segment.product_sku if p.segment is not None else None
    items = []
    for sku, (n, band) in p.promos.items():
        product = view.product(sku)
        name = product.name if product else sku
        current = sku == on_air
        text = f"{name} ×{n} ({texts.promo_band(band)})" if current else f"{name} ×{n}"
        items.append((text, BAND_COLOURS.get(band, OTHER_COLOUR), current))
    items.sort(key=lambda item: not item[2])
    return items


def promo_html(view: RoomView, prefix: str, more: str, metrics: QFontMetrics, width: int) -> str:
    """The line as rich text, as many items as fit `width` pixels; `more` has a %1 for
    how many were left out. Empty before the start or when no product has a promo."""
    if view.pacing.status == ShowStatus.PLANNED:
        return ""
    items = promo_items(view)
    if not items:
        return ""
    used = metrics.horizontalAdvance(prefix)
    shown: list[str] = []
    for i, (text, colour, current) in enumerate(items):
        left = len(items) - i - 1
        tail = metrics.horizontalAdvance(SEPARATOR + more.replace("%1", str(left))) if left else 0
        cost = metrics.horizontalAdvance((SEPARATOR if shown else "") + text)
        if shown and used + cost + tail > width:
            break
        used += cost
        body = html.escape(text)
        shown.append(f"<span style='color:{colour}'>{'<b>' + body + '</b>' if current else body}</span>")
    hidden = len(items) - len(shown)
    tail_text = SEPARATOR + html.escape(more.replace("%1", str(hidden))) if hidden else ""
    return html.escape(prefix) + SEPARATOR.join(shown) + tail_text
