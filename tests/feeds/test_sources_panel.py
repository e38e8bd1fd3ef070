"""The window's connectors (offscreen): every registry source has a row; a Douyin relay is
started and stopped from its row, its health line follows; TikTok without its extra says
how to install it; a show change stops them all."""

from __future__ import annotations

import pytest

from controlroom.ui.live_data.sources_panel import SourcesPanel
from tests.feeds.relay import Relay, fixture_lines

pytestmark = pytest.mark.gui


def test_the_panel_starts_and_stops_a_source_with_its_health_line(qtbot, service):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    rows = panel.connectors.rows
    assert set(rows) == {"tiktok", "douyin", "obs"}  # the API and the tail have their own groups
    lines = fixture_lines("douyinlive.jsonl", service.now())[1:3]  # a chat and its re-send
    with Relay([lines]) as relay:
        rows["douyin"].fields["url"].setText(relay.url)
        rows["douyin"].button.click()
        try:
            # the timer redraws the line once a second: it shows the chat once it is in the log
            qtbot.waitUntil(lambda: rows["douyin"].health.text().startswith("Connected · 1 events/min"), timeout=20000)
            assert service.status()["totals"]["comments"] == 1
            assert rows["douyin"].button.text() == "Stop" and not rows["douyin"].fields["url"].isEnabled()
        finally:
            rows["douyin"].button.click()
    assert rows["douyin"].health.text() == "Stopped" and rows["douyin"].button.text() == "Start"
    assert "douyin" not in panel.connectors.running.sources


def test_tiktok_from_the_panel_without_the_extra_and_a_show_change_stops_all(qtbot, service):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    rows = panel.connectors.rows
    rows["tiktok"].fields["unique_id"].setText("@room")
    rows["tiktok"].button.click()
    assert rows["tiktok"].health.text().startswith("Failed")
    assert "pip install 'controlroom[tiktok]'" in rows["tiktok"].health.text()
    rows["douyin"].fields["url"].setText("ws://127.0.0.1:9/ws/1")
    rows["douyin"].button.click()
    running = panel.connectors.running
    assert set(running.sources) == {"tiktok", "douyin"}
    douyin = running.sources["douyin"]
    panel.set_service(None)  # the show closes: every source stops
    assert running.sources == {} and douyin._thread is None
    assert all(r.health.text() == "Stopped" and not r.button.isEnabled() for r in rows.values())


def test_the_rows_read_in_chinese(qtbot, service):
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("live_data_zh_CN", str(Path(__file__).resolve().parents[2] / "resources" / "i18n"))
    QCoreApplication.installTranslator(translator)
    try:
        panel = SourcesPanel()
        qtbot.addWidget(panel)
        panel.set_service(service)
        row = panel.connectors.rows["tiktok"]
        assert (panel.connectors.title(), row.button.text(), row.health.text()) == ("连接器", "启动", "已停止")
        row.fields["unique_id"].setText("@room")
        row.button.click()
        assert row.health.text().startswith("失败 · 每分钟 0 条 · 最近一条 – · 1 个错误")
        panel.set_service(None)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_windows_api_state_carries_the_connectors_health(qtbot, service):
    import json
    import urllib.request

    from controlroom.feeds.config import load_or_create_token
    from tests.live.test_live_ui import free_port

    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    panel.port.setValue(free_port())
    panel.server_on.setChecked(True)
    try:
        panel.connectors.rows["tiktok"].fields["unique_id"].setText("@room")
        panel.connectors.rows["tiktok"].button.click()
        req = urllib.request.Request(panel.server.url + "/api/v1/state",
                                     headers={"Authorization": f"Bearer {load_or_create_token()}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            lines = json.load(resp)["sources"]
    finally:
        panel.set_service(None)
    assert [(s["name"], s["state"]) for s in lines] == [("tiktok", "failed")]
