"""What the screenshots showed and is fixed: the promo counters are gone once the show has
ended (nothing is left to repeat), and a message too long for its field shows its start,
as the host reads it, not its end; the promo line with 200 promos is not cut at the panel's
edge (at 1600×1000, the window's default on a 1920×1080 screen, "… +8 more" was)."""

from __future__ import annotations

import pytest

from controlroom.core import commands
from tests.ui.test_layout import open_window

pytestmark = pytest.mark.gui

LONG = "Two minutes left: lucky bag next! Remind everyone to follow; link goes up right after the price " * 2


def test_no_promo_counters_after_the_end(window, clock):
    window.act_start.trigger()
    window.act_next.trigger()
    sku = window.service.view().pacing.segment.product_sku
    window.run(commands.mark_promo, sku)
    window.refresh()
    assert "×1" in window.timer_panel.promos.text()
    clock.advance(10)
    window.service.end()
    window.refresh()
    assert window.timer_panel.promos.text() == ""


def test_a_long_message_shown_in_the_field_starts_at_its_beginning(window, session, clock):
    window.act_start.trigger()
    session.service.run(commands.host_message, LONG)  # from the API, or a log reopened after a crash
    window.refresh()
    field = window.timer_panel.host_text
    assert field.text() == LONG.strip()
    assert field.cursorPosition() == 0


@pytest.fixture
def long_names(db_path, clock):
    """200 products with a promo, the first (on air first) with the screenshots' long name."""
    from controlroom.core.products import Product, Role
    from controlroom.services.show_service import create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.ui.session import ShowSession

    first = Product("LONG", "Imported German ultra-soft double-sided coral fleece four-piece bedding set, king size",
                    Role.TRAFFIC, 299.0, 500, promo="The first hundred orders tonight get two pillows")
    rest = [Product(f"X-{i:03d}", f"Best seller no. {i}", Role.PROFIT, 40.0 + i, 80, promo="Second one half price")
            for i in range(199)]
    engine = open_engine(db_path)
    sid = create_show(ShowRepository(engine), "Thursday night", 60, [first, *rest], clock.now())
    engine.dispose()
    s = ShowSession(str(db_path), sid, clock)
    yield s
    s.close()


@pytest.mark.parametrize("size", [(1280, 656), (1366, 704), (1600, 1000), (1920, 1016)])
def test_the_promo_line_with_200_promos_fits_its_label_whole(qtbot, long_names, prefs, clock, size):
    """Its last words ("… +N more") are not cut at the panel's edge: the line laid out as
    the label lays it out (its font, the item on air bold) is no wider than the label."""
    from PySide6.QtGui import QTextDocument

    w = open_window(qtbot, long_names, prefs, size)
    w.act_start.trigger()
    w.act_next.trigger()
    assert w.service.view().pacing.segment.product_sku == "LONG"
    for _ in range(4):
        w.run(commands.mark_promo, "LONG")
    clock.advance(2)
    w.refresh()
    label = w.timer_panel.promos
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    assert "more" in label.text()
    assert doc.idealWidth() <= label.contentsRect().width()
