"""UI fixtures: a show session on a fresh SQLite file with a fake clock, the main window
over it, preferences in a temporary ini file; and a check that no test leaves a window
or a running QTimer behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.ui.i18n import Translations
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession
from tests.qt_checks import no_leftovers  # noqa: F401 - autouse: no window, timer or feed left


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """The window's live-data tools read and write the API token and the comment-watch
    lists in the user's config folder: every UI test gets its own, never the real one."""
    from controlroom.feeds.config import CONFIG_ENV

    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture
def prefs(tmp_path):
    return Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def session(db_path, clock):
    """A 60-minute show over the sample catalogue (not started), its own engine."""
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    engine = open_engine(db_path)
    sid = create_show(ShowRepository(engine), "测试场 Test show", 60, sample_products(), clock.now())
    engine.dispose()
    s = ShowSession(str(db_path), sid, clock)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, session, prefs):
    from controlroom.ui.window import MainWindow

    w = MainWindow(session, prefs)
    qtbot.addWidget(w)
    yield w
    w.close()


@pytest.fixture(params=["zh_CN", "en"])
def lang(request):
    """The window's language, each in turn: its translations installed for the test."""
    translations = Translations()
    translations.install(request.param)
    yield request.param
    translations.remove()
