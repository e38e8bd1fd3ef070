"""The host display fits every screen it is shown on: at 1280×720, 1366×768 and 1920×1080
(and a window a little smaller than a 720-line screen), in Chinese and English, with a long
product name, long selling points, a promo, a long message, 200 products and the cues
showing — and after the end — every label lies inside the window, its text fits its box
(shrunk or elided, never cut), and no label overlaps another."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from controlroom.core.products import Product, Role
from controlroom.services.show_service import create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui import host_fit
from controlroom.ui.host_display import HostDisplay
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui

SIZES = [(1280, 720), (1280, 660), (1366, 768), (1920, 1080)]
LONG = {
    "zh_CN": {
        "name": "【直播间专享】德国进口超柔软加厚珊瑚绒四件套 床单被套枕套 1.8米双人床 多色可选 送抱枕两个",
        "points": "采用进口珊瑚绒面料，双面加厚不掉毛不起球，亲肤柔软像婴儿肌肤一样细腻；"
                  "高密度锁边工艺，机洗五十次不变形不褪色；独立包装，送礼自用都体面，支持七天无理由退换，运费险已购买",
        "promo": "今晚下单前一百名再送价值九十九元的记忆棉枕头一对，拍二再减三十元，仅限本场直播",
        "message": "还有两分钟，准备上福袋！记得提醒大家点关注、加粉丝团，"
                   "下一个是耳机，先讲续航再讲降噪，价格最后报，报价之后马上上链接，不要拖",
    },
    "en": {
        "name": "Imported German ultra-soft double-sided coral fleece four-piece bedding set, king size, any colour",
        "points": "Thick coral fleece that never sheds or pills, soft as a baby's skin; tight overlock seams "
                  "that survive fifty machine washes without shrinking or fading; gift boxed; seven-day returns",
        "promo": "The first hundred orders tonight get a pair of memory-foam pillows worth ¥99, and buy two save ¥30",
        "message": "Two minutes left: get the lucky bag ready! Remind everyone to follow and join the fan club; "
                   "next up the earphones, battery life first, then noise cancelling, price last",
    },
}


def _products(lang: str) -> list[Product]:
    t = LONG[lang]
    first = Product("SKU-0000", t["name"], Role.PROFIT, 12999.0, 500, t["points"], t["promo"])
    rest = [Product(f"SKU-{i:04d}", f"{t['name'][:24]} {i}", Role.PROFIT, 59.0 + i, 100, t["points"][:40], t["promo"][:20])
            for i in range(1, 200)]
    return [first, *rest]


@pytest.fixture
def long_session(tmp_path, clock, lang):
    """A 60-minute show over 200 products, the first with long texts; not started."""
    db = tmp_path / "long.db"
    engine = open_engine(db)
    sid = create_show(ShowRepository(engine), LONG[lang]["name"], 60, _products(lang), clock.now())
    engine.dispose()
    s = ShowSession(str(db), sid, clock)
    yield s
    s.close()


@pytest.fixture
def display(qtbot):
    d = HostDisplay()
    qtbot.addWidget(d)
    yield d
    d.close()


def _on_air_with_cues(session, clock, lang):
    """On the first product slot, 55 minutes in, no interaction: both cues, a promo, a message."""
    from controlroom.core import commands

    service = session.service
    service.start()
    service.next()
    sku = service.view().pacing.segment.product_sku
    service.run(commands.mark_promo, sku)
    service.run(commands.host_message, LONG[lang]["message"])
    clock.advance(55 * 60)
    return service.view()


def _shown_labels(display: HostDisplay) -> list[QLabel]:
    return [w for w in display.findChildren(QLabel) if w.isVisible() and w.text()]


def _rect_in(display: HostDisplay, label: QLabel) -> QRect:
    return QRect(label.mapTo(display, QPoint(0, 0)), label.size())


def _text_fits(label: QLabel) -> bool:
    box, fm = label.contentsRect(), QFontMetrics(label.font())
    if label.wordWrap():
        used = fm.boundingRect(QRect(0, 0, box.width(), 100_000), host_fit.WRAP, label.text())
        return used.height() <= box.height() and used.width() <= box.width()
    return fm.horizontalAdvance(label.text()) <= box.width() and fm.height() <= box.height()


def _assert_everything_fits(display: HostDisplay) -> None:
    labels = _shown_labels(display)
    window = display.rect()
    for label in labels:
        name = label.objectName() or "countdown"
        assert window.contains(_rect_in(display, label)), (name, _rect_in(display, label), window)
        assert _text_fits(label), (name, label.text(), label.contentsRect(), label.font().pixelSize())
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not _rect_in(display, a).intersects(_rect_in(display, b)), (a.objectName(), b.objectName())


@pytest.mark.parametrize("size", SIZES)
def test_every_label_fits_during_a_product_slot_with_long_texts_and_the_cues(display, qtbot, long_session, clock,
                                                                             lang, size):
    view = _on_air_with_cues(long_session, clock, lang)
    display.resize(*size)
    with qtbot.waitExposed(display):
        display.show()
    display.show_view(view)
    assert display.size().toTuple() == size  # the minimum size allows it
    shown = {label.objectName() for label in _shown_labels(display)}
    assert {"host-clock", "host-segment", "host-remaining", "host-interaction", "host-final_push", "host-product",
            "host-points", "host-promo", "host-next", "host-message"} <= shown
    _assert_everything_fits(display)
    # The long texts were shortened on purpose, and say so (the whole text is the tooltip).
    product = display.labels["product"]
    assert product.property("elided") and product.toolTip().startswith(LONG[lang]["name"])
    assert display.digit_height() >= display.height() / 5  # still readable from 3 m


@pytest.mark.parametrize("size", SIZES)
def test_the_slots_targets_fit_too_when_the_show_shows_them(display, qtbot, long_session, clock, lang, size):
    """The per-show setting host_show_targets (off by default) puts the slot's sales against
    its targets before "next": with every long text and both cues, everything still fits."""
    from dataclasses import replace

    from controlroom.core import events as ev
    from controlroom.core.events import Event
    from controlroom.core.plan import Plan

    view = _on_air_with_cues(long_session, clock, lang)
    service = long_session.service
    display.show_view(view)
    assert "12,999" not in display.labels["next"].text()  # off by default
    segments = [replace(s, gmv_target=1_299_900.0, orders_target=100) if s.uid == view.pacing.segment.uid else s
                for s in service.state.plan.segments]
    service.update_plan(Plan(segments))
    service.update_settings(service.state.settings.replace(host_show_targets=True))
    service.ingest([Event(ev.ORDER, clock.now(), user="b", product="SKU-0000", value=12999.0, ref="o1")])
    display.resize(*size)
    with qtbot.waitExposed(display):
        display.show()
    display.show_view(service.view())
    _assert_everything_fits(display)
    assert "¥12,999 / ¥1,299,900" in (display.labels["next"].toolTip() or display.labels["next"].text())


@pytest.mark.parametrize("size", SIZES)
def test_every_label_fits_after_the_end(display, qtbot, long_session, clock, lang, size):
    view = _on_air_with_cues(long_session, clock, lang)
    long_session.service.end()
    view = long_session.service.view()
    display.resize(*size)
    with qtbot.waitExposed(display):
        display.show()
    display.show_view(view)
    _assert_everything_fits(display)
    assert LONG[lang]["name"][:10] not in display.labels["product"].text()


def test_short_texts_are_shown_whole_and_at_full_size(display, qtbot, session, clock):
    """Shrinking and eliding are for long texts only: a sample product's line is as it is."""
    service = session.service
    service.start()
    service.next()
    display.resize(1920, 1080)
    with qtbot.waitExposed(display):
        display.show()
    view = service.view()
    display.show_view(view)
    product = view.product(view.pacing.segment.product_sku)
    assert display.labels["product"].text().startswith(product.name)
    assert not display.labels["product"].property("elided")
    assert display.labels["product"].font().pixelSize() >= int(1080 * 0.058 * 0.95)
