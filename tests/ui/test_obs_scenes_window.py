"""F7 in the real main window (offscreen) onto a product slot switches OBS to the scene the
show's obs_scenes maps product slots to, over a real obs-websocket 5 session (the in-test
server); a scene OBS does not have is a problem line and the show moves on all the same."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from controlroom.feeds.obs import ObsSource
from controlroom.feeds.sources import SourceContext
from controlroom.services.intake import Intake
from tests.feeds.obs_server import FakeObs
from tests.feeds.test_obs import wait_for

pytestmark = pytest.mark.gui


@pytest.fixture
def obs(clock):
    server = FakeObs(clock, password="secret").start()
    yield server
    server.kill()


def test_f7_onto_a_product_slot_switches_the_scene(window, qtbot, clock, obs):
    service = window.service
    service.update_settings(service.state.settings.replace(obs_scenes="产品讲解=Product cam; 开场=Wide"))
    problems: list[str] = []
    source = ObsSource(SourceContext(service, Intake(service), clock, problems.append), obs.url, "secret",
                       poll_s=0.05)
    source.start()
    try:
        wait_for(lambda: obs.identified == 1, "the source to identify")
        with qtbot.waitExposed(window):
            window.show()
        window.act_start.trigger()
        wait_for(lambda: obs.scene_requests == ["Wide"], "the opening's scene")
        view = window.queue_panel.view
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F7)  # the opening → the first product slot
        assert service.view().pacing.segment.kind.value == "product"
        wait_for(lambda: obs.scene_requests == ["Wide", "Product cam"], "the product slot's scene")
        obs.scenes.discard("Product cam")  # the operator renamed it in OBS
        while service.view().pacing.segment.kind.value == "product":
            qtbot.keyClick(view, Qt.Key.Key_F7)
        index = service.view().pacing.index
        while service.view().pacing.segment.kind.value != "product":
            qtbot.keyClick(view, Qt.Key.Key_F7)
        assert service.view().pacing.index > index
        wait_for(lambda: any("Product cam" in p for p in problems), "the missing scene's problem line")
        assert problems[-1] == "OBS has no scene “Product cam” (obs_scenes, product); the show goes on"
    finally:
        source.stop()
    assert "obs-source" not in [t.name for t in threading.enumerate()]


def test_the_settings_dialog_edits_obs_scenes_and_refuses_a_bad_mapping(qtbot, session):
    from controlroom.ui.settings_dialog import SettingsDialog

    d = SettingsDialog(session.service)
    qtbot.addWidget(d)
    d.editors["obs_scenes"].setText("产品讲解=商品机位; interaction=Wide")
    d.save()
    assert session.service.state.settings.obs_scenes == "产品讲解=商品机位; interaction=Wide"
    d2 = SettingsDialog(session.service)
    qtbot.addWidget(d2)
    assert d2.editors["obs_scenes"].text() == "产品讲解=商品机位; interaction=Wide"
    d2.editors["obs_scenes"].setText("dance=Wide")
    d2.save()
    assert "obs_scenes" in d2.message.text() and "dance=Wide" in d2.message.text()
    assert session.service.state.settings.obs_scenes == "产品讲解=商品机位; interaction=Wide"
