"""When the log cannot write, the window says so in a red banner, every command the service
refuses is shown in the status bar (never raised), and the banner goes once the log writes
again; events the database refuses for good are named with the file that keeps them. The
store is made to fail by injecting a SQLite error code on inserts into the real file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.views import Health
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui import texts
from controlroom.ui.i18n import Translations
from controlroom.ui.session import ShowSession
from tests.services.test_views import Fault

pytestmark = pytest.mark.gui

DISK_FULL = ("The database cannot write (the disk is full): 3 events are waiting. Nothing is lost while "
             "ControlRoom stays open; free space and it writes them.")


def comments(service, n: int, text: str = "好") -> list[Event]:
    return [Event(ev.COMMENT, service.now(), user=f"u{i}", text=text) for i in range(n)]


def test_a_full_disk_shows_the_banner_refuses_commands_in_the_status_bar_and_clears(window, session, qtbot):
    from controlroom.ui.plan_editor import PlanEditor
    from controlroom.ui.settings_dialog import SettingsDialog

    service = session.service
    session.writer.retry_after_s = 0.05
    fault = Fault(session.repo.engine, 13)
    assert window.run(commands.start)
    window.refresh()
    assert window.banner.isHidden()
    fault.on = True
    service.ingest(comments(service, 3))  # a feed goes on: its events wait in memory
    qtbot.waitUntil(lambda: service.health()["unavailable"] is not None, timeout=10_000)
    window.refresh()
    assert not window.banner.isHidden() and window.banner.label.text() == DISK_FULL

    refused = texts.store_refusal("the disk is full")
    assert refused == "The database cannot write (the disk is full): nothing was changed. Try again in a moment."
    before = service.status()
    sku = service.view().queue[0].sku
    window.queue_panel.view.selectRow(0)  # the promo to mark
    for ask in (lambda: window.run(commands.next_segment), lambda: window.add_note("a note"),
                lambda: window.open_incident("technical", "black screen"),
                lambda: window.send_host_message("上福袋", False),
                lambda: window.checklist_panel.ticked.emit("network", True),
                lambda: window.move_product(sku, 2), window.mark_promo):
        window.statusBar().clearMessage()
        ask()
        assert window.statusBar().currentMessage() == refused
    editor = PlanEditor(service, window)
    qtbot.addWidget(editor)
    editor.draft.segments[-1].title = "结束语 改"
    assert not editor.apply() and editor.message.text() == refused
    dialog = SettingsDialog(service, window)
    qtbot.addWidget(dialog)
    dialog.editors["low_stock_units"].setValue(3)
    dialog.save()
    assert dialog.message.text() == refused and dialog.result() == 0
    assert service.status() == before and window.host_display is None

    fault.on = False
    qtbot.waitUntil(lambda: not service.view().health.troubled, timeout=10_000)
    window.refresh()
    assert window.banner.isHidden()
    assert len(list(session.repo.events(session.show_id, kinds=(ev.COMMENT,)))) == 3  # kept, then written
    assert window.run(commands.next_segment)


def test_an_event_the_database_refuses_for_good_is_named_with_its_file(qtbot, db_path, clock, prefs, tmp_path):
    from controlroom.ui.window import MainWindow

    engine = open_engine(db_path)
    sid = create_show(ShowRepository(engine), "t", 60, sample_products(), clock.now())
    engine.dispose()
    kept = tmp_path / "kept.jsonl"
    window = MainWindow(ShowSession(str(db_path), sid, clock, rescue_path=kept), prefs)
    qtbot.addWidget(window)
    service = window.service
    service.ingest(comments(service, 2) + comments(service, 1, "bad \ud800 text"))  # a lone surrogate: never storable
    qtbot.waitUntil(lambda: service.health()["set_aside"] == 1, timeout=10_000)
    window.refresh()
    assert not window.banner.isHidden()
    assert window.banner.label.text() == f"1 event could not be stored and was kept in {kept}."
    assert [json.loads(line)["text"] for line in kept.read_text().splitlines()] == ["bad \ud800 text"]
    assert service.view().totals.comments == 2  # the screen shows what the log holds
    window.close()


def test_the_banner_speaks_chinese_and_english(qapp):
    full, aside = Health(1234, "the disk is full", 0), Health(0, None, 3, "/data/kept.jsonl")
    assert texts.log_trouble(full) == ("The database cannot write (the disk is full): 1,234 events are waiting. Nothing "
                                       "is lost while ControlRoom stays open; free space and it writes them.")
    assert texts.log_trouble(aside) == "3 events could not be stored and were kept in /data/kept.jsonl."
    assert texts.log_trouble(Health(5, None, 0)) == ""
    t = Translations()
    try:
        t.install("zh_CN")
        assert texts.log_trouble(full) == ("数据库无法写入（磁盘已满）：1,234 条事件等待写入。只要 ControlRoom 保持打开，"
                                           "数据不会丢失；腾出磁盘空间后会自动写入。")
        assert texts.log_trouble(aside) == "3 条事件无法存入数据库，已另存到 /data/kept.jsonl。"
        assert texts.store_refusal("the database is read-only") == "数据库无法写入（数据库为只读）：未做任何更改，请稍后再试。"
        assert QCoreApplication.translate("log", "Plan changed") == "计划修改"
    finally:
        t.remove()


def test_the_banner_is_as_tall_as_its_text_at_the_windows_width(window, qtbot):
    """A wrapped label in a toolbar asked for a narrow column's height: a 110 px banner."""
    window.refresh_timer.stop()  # the healthy log would take the banner away again
    window.resize(1280, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.banner.show_health(Health(5, "the disk is full", 0))
    line = window.banner.label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: window.banner.label.width() > 1000 and window.banner.label.height() < 3 * line)
    label = window.banner.label
    window.resize(window.minimumSizeHint().width(), 700)  # as narrow as the docks let it be
    qtbot.waitUntil(lambda: label.width() < 1000 and label.height() >= label.heightForWidth(label.width()) > line * 2)


def test_a_lost_server_lock_is_said_in_the_banner():
    from controlroom.core.views import Health
    from controlroom.ui import texts

    away, taken = Health(lock_lost="away"), Health(lock_lost="taken")
    assert away.troubled and taken.troubled and not Health().troubled
    assert "taken again when it is back" in texts.log_trouble(away)
    assert "close one of them" in texts.log_trouble(taken)
    assert Health.of({"unsaved": 0, "unavailable": None, "set_aside": 0, "lock_lost": "taken"}) == taken
