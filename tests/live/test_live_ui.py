"""The live-data widgets: comment watch, server and tail controls, import dialogs, and
their installation in the main window. Offscreen; feeds run on real threads."""

from __future__ import annotations

import json
import socket
import threading
import urllib.request

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from controlroom.core import events as ev
from controlroom.core.comment_watch import CommentWatch
from controlroom.feeds.config import WATCH_FILE, load_or_create_token
from controlroom.services.intake import Intake
from controlroom.sheets.platform_import import read_export
from controlroom.ui.live_data.comment_panel import CommentWatchPanel
from controlroom.ui.live_data.import_dialogs import ImportActions, PlatformImportDialog
from controlroom.ui.live_data.sources_panel import SourcesPanel
from tests.qt_checks import no_leftovers  # noqa: F401 - autouse: no window, timer or feed left

pytestmark = pytest.mark.gui


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def comments_panel(qtbot, service):
    panel = CommentWatchPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    yield panel
    panel.set_service(None)


def test_comments_from_a_feed_thread_are_highlighted(qtbot, comments_panel, service):
    intake = Intake(service)
    batch = [
        {"type": "comment", "user": "u1", "text": "这是假货<b>"},
        {"type": "comment", "user": "u2", "text": "多少钱"},
        {"type": "comment", "user": "u3", "text": "好看"},
        {"type": "like"},
    ]
    t = threading.Thread(target=intake.submit_json, args=(batch,))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: comments_panel.shown == 3, timeout=5000)
    html = comments_panel.stream.document().toHtml()
    assert "假货" in html and "&lt;b&gt;" in html  # highlighted, and the comment's own markup escaped
    assert "#ffd6d6" in html and "#d6e8ff" in html
    assert "1" in comments_panel.rate.text()


def test_negative_spike_is_shown(qtbot, comments_panel, service):
    limit = service.state.settings.negative_spike_per_minute
    Intake(service).submit_json([{"type": "comment", "text": "骗子"}] * limit)
    qtbot.waitUntil(lambda: comments_panel.shown == limit, timeout=5000)
    assert comments_panel.negative_this_minute() == limit
    assert "c62828" in comments_panel.rate.styleSheet()
    assert (
        any(a["code"] == "negative_spike" for a in service.status()["alerts"]) or service.status()["state"] == "planned"
    )  # alerts run only while the show is live


def test_edited_lists_are_saved_and_used(comments_panel, service, config_dir):
    comments_panel.set_watch(CommentWatch(["难吃"], ["几点"], ["稍等"]))
    assert json.loads((config_dir / WATCH_FILE).read_text(encoding="utf-8"))["negative"] == ["难吃"]
    Intake(service).submit_json([{"type": "comment", "text": "真难吃"}, {"type": "comment", "text": "假货"}])
    service.writer.flush()
    assert [e.flag for e in service.repo.events(service.show_id, (ev.COMMENT,))] == ["negative", None]
    assert [comments_panel.replies.item(i).text() for i in range(comments_panel.replies.count())] == ["稍等"]


def test_quick_reply_copied_in_one_click(qtbot, comments_panel):
    item = comments_panel.replies.item(0)
    rect = comments_panel.replies.visualItemRect(item)
    from PySide6.QtCore import Qt

    qtbot.mouseClick(comments_panel.replies.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.clipboard().text() == item.text()


def test_server_from_the_panel(qtbot, service):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    panel.port.setValue(free_port())
    panel.server_on.setChecked(True)
    try:
        assert panel.server is not None and "Listening" in panel.server_status.text()
        panel.copy_token.click()
        token = QApplication.clipboard().text()
        assert token == load_or_create_token()
        req = urllib.request.Request(
            panel.server.url + "/api/v1/events",
            json.dumps({"type": "share"}).encode(),
            {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert json.load(resp)["accepted"] == 1
    finally:
        panel.server_on.setChecked(False)
    assert panel.server is None
    assert service.status()["totals"]["shares"] == 1


def test_tail_from_the_panel(qtbot, service, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"type": "comment", "text": "早"}) + "\n{bad\n", encoding="utf-8")
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    panel.tail_path.setText(str(path))
    panel.from_start.setChecked(True)
    panel.tail_button.click()
    try:
        qtbot.waitUntil(lambda: "line 2" in panel.tail_status.text(), timeout=5000)
        qtbot.waitUntil(lambda: service.status()["totals"]["comments"] == 1, timeout=5000)
    finally:
        panel.tail_button.click()
    assert panel.tail is None and not panel.stats_timer.isActive()
    assert "1 bad lines" in panel.tail_status.text()


def _trend_file(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["时间", "在线", "成交额(元)"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_platform_dialog_mapping_corrected_then_imported(qtbot, service, tmp_path):
    path = _trend_file(tmp_path / "trend.xlsx", [["2026-01-01 20:00", 10, 5], ["2026-01-01 20:01", 12, 6]])
    dialog = PlatformImportDialog(service, read_export(path))
    qtbot.addWidget(dialog)
    dialog.zone.setText("Asia/Shanghai")
    assert dialog.combos["online"].currentData() == 1  # proposed from the header 在线
    dialog.combos["online"].setCurrentIndex(0)  # the user says: no online column
    assert dialog.spec().mapping == {"time": 0, "gmv": 2}
    dialog.do_import()
    qtbot.waitUntil(lambda: dialog.result_import is not None, timeout=10000)
    assert service.status()["totals"]["gmv"] == 11 and service.status()["totals"]["peak_online"] == 0


def test_platform_dialog_lists_problems_and_imports_nothing(qtbot, service, tmp_path):
    path = _trend_file(tmp_path / "trend.xlsx", [["2026-01-01 20:00", 10, 5], ["later", -1, 6]])
    dialog = PlatformImportDialog(service, read_export(path))
    qtbot.addWidget(dialog)
    n = service.repo.count_events(service.show_id)
    dialog.do_import()
    qtbot.waitUntil(dialog.problems.isVisible, timeout=10000)
    text = dialog.problems.toPlainText()
    assert "row 3, column 时间" in text and "row 3, column 在线" in text
    assert service.repo.count_events(service.show_id) == n
    dialog.zone.setText("Nowhere/Special")
    dialog.do_import()
    assert "not a time zone" in dialog.problems.toPlainText()


def test_menu_imports_and_template(qtbot, service, tmp_path):
    from controlroom.sheets.plan_io import write_plan

    actions = ImportActions(None, lambda: service)
    assert actions.product_template(str(tmp_path / "t.xlsx"))
    assert actions.export_plan(str(tmp_path / "plan.xlsx"))
    write_plan(tmp_path / "plan.xlsx", service.state.plan.__class__(service.state.plan.segments[:3]))
    dialog = actions.import_plan(str(tmp_path / "plan.xlsx"))
    qtbot.addWidget(dialog)
    assert dialog.preview.count("removed") == len(service.state.plan.segments) - 3
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(service.repo.load_show(service.show_id).plan.segments) == 3


# -- in the main window --------------------------------------------------------------
@pytest.fixture
def window(qtbot, db_path, clock, tmp_path, service):
    from controlroom.ui.prefs import Prefs
    from controlroom.ui.session import ShowSession
    from controlroom.ui.window import MainWindow

    session = ShowSession(str(db_path), service.show_id, clock)
    w = MainWindow(session, Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    yield w
    w.close()
    session.close()


def test_installed_in_the_main_window(window):
    live = window.live_data
    titles = [a.text() for a in window.menu("data").actions()]
    assert any("platform export" in t for t in titles) and any("template" in t for t in titles)
    assert live.comments.service is window.service and live.sources.service is window.service
    assert window.service.state.comment_classifier is not None
    live.sources.port.setValue(free_port())
    live.sources.server_on.setChecked(True)
    assert live.sources.server is not None
    window.close()  # the close stops the server before the show's writer closes
    assert live.sources.server is None


def test_chinese_translation_is_complete_and_loads(qtbot):
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    folder = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    unfinished = [m.find("source").text for m in ET.parse(folder / "live_data_zh_CN.ts").getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.find("translation").text]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load("live_data_zh_CN", str(folder))
    QCoreApplication.installTranslator(translator)
    try:
        panel = SourcesPanel()
        qtbot.addWidget(panel)
        assert panel.copy_token.text() == "复制令牌"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_switching_shows_stops_the_feeds_before_the_old_writer_closes(window, db_path, clock, tmp_path):
    """Opening another show must stop the server and the tail first: an event they take
    after the old show's writer has closed is folded but never written (lost)."""
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import create_show
    from controlroom.ui.session import ShowSession

    live = window.live_data
    feed = tmp_path / "feed.jsonl"
    feed.write_text("", encoding="utf-8")
    live.sources.tail_path.setText(str(feed))
    live.sources.tail_button.click()
    live.sources.port.setValue(free_port())
    live.sources.server_on.setChecked(True)
    old = window.session
    seen = {}
    close = old.writer.close

    def closing() -> None:
        seen["tail"], seen["server"] = live.sources.tail, live.sources.server
        seen["subscribed"] = live.comments._on_events in old.service._listeners
        close()

    old.writer.close = closing
    sid = create_show(window.service.repo, "下一场", 30, sample_products(), clock.now())
    other = ShowSession(str(db_path), sid, clock)
    window.set_session(other)
    assert seen == {"tail": None, "server": None, "subscribed": False}
    assert live.sources.service is other.service


def test_a_handed_over_show_is_no_longer_fed_by_the_old_window(window):
    """The language switch hands the show to a new window: the old one's server stops."""
    live = window.live_data
    live.sources.port.setValue(free_port())
    live.sources.server_on.setChecked(True)
    session = window.detach_session()
    assert live.sources.server is None and live.sources.service is not None
    window.close()
    session.close()


def test_the_negative_rate_moves_on_with_the_clock(qtbot, comments_panel, service, clock):
    """A spike must not stay on screen (in red) through quiet minutes: the figure is
    'this minute', so it follows the clock, not only the arrival of comments."""
    limit = service.state.settings.negative_spike_per_minute
    Intake(service).submit_json([{"type": "comment", "text": "骗子"}] * limit)
    qtbot.waitUntil(lambda: comments_panel.shown == limit, timeout=5000)
    assert "c62828" in comments_panel.rate.styleSheet()
    clock.advance(120)
    qtbot.waitUntil(lambda: "c62828" not in comments_panel.rate.styleSheet(), timeout=3000)
    assert comments_panel.rate.text().endswith(" 0")


def test_the_data_menu_reads_a_platform_workbook_in_a_child_and_proposes_the_mapping(qtbot, service, tmp_path):
    from PySide6.QtWidgets import QWidget

    from controlroom.ui.live_data.import_dialogs import ImportActions

    path = _trend_file(tmp_path / "trend.xlsx", [["2026-01-01 20:00", 10, 5], ["2026-01-01 20:01", 12, 6]])
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ImportActions(parent, lambda: service).import_platform(str(path))
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.combos["online"].currentData() == 1
    dialog.close()


def test_platform_dialog_defaults_to_the_shows_day_not_its_creation(qtbot, repo, writer, clock, tmp_path):
    import datetime as dt

    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import ShowService, create_show

    planned = clock.now() + 3 * 86400
    sid = create_show(repo, "周五", 60, sample_products(), clock.now(), scheduled_at=planned)
    service = ShowService(repo, writer, sid, clock)
    path = _trend_file(tmp_path / "trend.xlsx", [["20:00", 10, 5]])
    dialog = PlatformImportDialog(service, read_export(path))
    qtbot.addWidget(dialog)
    day = dt.datetime.fromtimestamp(planned)
    assert dialog.day.date().toPython() == day.date()
    service.close()
