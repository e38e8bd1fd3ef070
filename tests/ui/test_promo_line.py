"""The promo line never loses the count of the product on air: a long name is cut, the
count stays, and the text fits the room it is given."""

from PySide6.QtGui import QFont, QFontMetrics

from controlroom.ui.promo_line import BOLD_WIDTH, fitted


def test_a_long_name_is_cut_and_the_count_stays(qapp):
    metrics = QFontMetrics(QFont())
    name = "Imported German ultra-soft double-sided coral fleece four-piece bedding set, king size"
    count = " ×4 (enough)"
    room = 300
    text = fitted(name, count, metrics, room, bold=True)
    assert text.endswith(count) and "…" in text and text != name + count
    assert metrics.horizontalAdvance(text) * BOLD_WIDTH <= room + metrics.horizontalAdvance("…")
    assert fitted("Scarf", count, metrics, room, bold=True) == "Scarf" + count  # short: whole
