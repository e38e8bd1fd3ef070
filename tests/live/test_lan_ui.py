"""The browser views' part of the live-data sources panel: the LAN setting, the link with the
view-only token, the QR code; the server it starts really serves the views."""

from __future__ import annotations

import urllib.request

import pytest
from PySide6.QtWidgets import QApplication

from controlroom.feeds.config import load_or_create_token, load_or_create_view_token
from controlroom.feeds.lan import lan_address, qr_matrix
from controlroom.ui.live_data.lan_panel import QR_MODULE_PX
from controlroom.ui.live_data.sources_panel import SourcesPanel
from tests.live.test_live_ui import free_port
from tests.qt_checks import no_leftovers  # noqa: F401 - autouse: no window, timer or feed left


def _panel(qtbot, service) -> SourcesPanel:
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_service(service)
    panel.port.setValue(free_port())
    return panel


def test_by_default_the_views_are_on_this_computer_only(qtbot, service):
    panel = _panel(qtbot, service)
    assert not panel.views.link.isEnabled() and panel.views.link.text() == ""
    panel.server_on.setChecked(True)
    try:
        link = panel.views.link.text()
        assert panel.server.host == "127.0.0.1" and link.startswith(panel.server.url + "/view/host#t=")
        assert link.endswith(load_or_create_view_token()) and load_or_create_token() not in link
        assert not panel.views.lan.isEnabled() and panel.views.qr.isHidden()
        with urllib.request.urlopen(link.split("#")[0], timeout=10) as resp:
            assert b'data-view="host"' in resp.read()
        panel.views.view.setCurrentIndex(2)
        assert "/view/status#t=" in panel.views.link.text()
        panel.views.copy.click()
        assert QApplication.clipboard().text() == panel.views.link.text()
    finally:
        panel.server_on.setChecked(False)
    assert panel.views.lan.isEnabled() and panel.views.link.text() == ""


def test_on_the_lan_the_server_binds_every_interface_and_shows_a_qr_code(qtbot, service):
    address = lan_address()
    if address is None:
        pytest.skip("this machine has no local-network address")
    panel = _panel(qtbot, service)
    panel.views.lan.setChecked(True)
    panel.server_on.setChecked(True)
    try:
        link = panel.views.link.text()
        assert panel.server.host == "0.0.0.0" and link.startswith(f"http://{address}:{panel.server.port}/view/")
        assert load_or_create_token() not in link
        pixmap = panel.views.qr.pixmap()
        assert panel.views.qr.isVisibleTo(panel) and pixmap.width() == len(qr_matrix(link)) * QR_MODULE_PX
        with urllib.request.urlopen(f"http://127.0.0.1:{panel.server.port}/view/assistant", timeout=10) as resp:
            assert resp.status == 200  # bound to every interface, loopback included
    finally:
        panel.server_on.setChecked(False)


def test_the_views_part_is_in_chinese(qtbot):
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("live_data_zh_CN", str(Path(__file__).resolve().parents[2] / "resources" / "i18n"))
    QCoreApplication.installTranslator(translator)
    try:
        panel = SourcesPanel()
        qtbot.addWidget(panel)
        assert panel.views.title() == "浏览器视图（手机、平板、OBS）" and panel.views.view.itemText(1) == "助播卡片"
        assert panel.views.hint.text() == "启动本地接口后即可在浏览器中打开视图。"
    finally:
        QCoreApplication.removeTranslator(translator)
