"""`controlroom` with no subcommand: the window. `--rehearsal` opens a fresh rehearsal show
on the simulator, `--replay ID` one whose audience is recorded show ID's; otherwise the most
recent show in the database (a crashed show comes back exactly where it was: its state is
replayed from the log), or an offer to create one."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from controlroom.core.clock import Clock, SpeedClock, SystemClock
from controlroom.store.errors import StoreError
from controlroom.ui import prefs as prefs_mod
from controlroom.ui import window_layout
from controlroom.ui.background import Job, run_in_background
from controlroom.ui.i18n import Translations, system_language
from controlroom.ui.prefs import Prefs
from controlroom.ui.window import MainWindow

if TYPE_CHECKING:
    from controlroom.ui.session import ShowSession

# The store (SQLAlchemy, the models), the session and its charts' data (numpy) are imported
# where a show is opened, on the worker thread (open_initial_session): the window is on
# screen before them (bench/startup.py).

translate = QCoreApplication.translate



class WindowManager(QObject):
    """Owns the main window; rebuilds it (same show) when the language changes."""

    def __init__(self, prefs: Prefs, translations: Translations, db: str | None) -> None:
        super().__init__()
        self.prefs = prefs
        self.translations = translations
        self.db = db
        self.window: MainWindow | None = None
        self.opening: Job | None = None

    def open(self, session: ShowSession | None) -> MainWindow:
        window = MainWindow(session, self.prefs, self.translations.language, self.db)
        window.language_requested.connect(self.switch_language)
        self.window = window
        window.show()
        return window

    def open_in_background(self, args: argparse.Namespace) -> Job:
        """Open the show (`open_initial_session`) on a worker thread; the window takes it on
        the UI thread. A failure is said and the window quits with status 2."""
        label = translate("main", "Opening the show…")
        if self.window is not None:
            self.window.hold_charts()  # until the show is on screen (MainWindow.hold_charts)
        self.opening = run_in_background(self.window, label, lambda _progress: open_initial_session(args),
                                         lambda found: self._opened(found, args), self._not_opened)
        return self.opening

    def _opened(self, found: ShowSession | object, args: argparse.Namespace) -> None:
        from controlroom.ui.session import ShowSession

        self.opening = None
        window = self.window
        if window is None or not window.isVisible() or window.session is not None:
            # closed while the show was being opened, or the user opened one meanwhile: theirs stays
            if isinstance(found, ShowSession):
                found.close()
            if window is not None and window.isVisible():
                window.release_charts()
            return
        session = offer_new_show(args.db) if found is NO_SHOW else found
        if isinstance(session, ShowSession):
            window.set_session(session)
        window.release_charts()

    def _not_opened(self, exc: BaseException) -> None:
        self.opening = None
        if not isinstance(exc, StoreError | ValueError):
            raise exc
        QMessageBox.critical(self.window, "ControlRoom", str(exc))
        QApplication.instance().exit(2)

    def switch_language(self, lang: str) -> None:
        old = self.window
        if old is None or lang == self.translations.language:
            return
        self.translations.install(lang)
        window_layout.save(old)  # the new window opens where the old one was, its docks in their places
        self.open(old.detach_session())
        old.close()
        old.deleteLater()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None


NO_SHOW = object()  # the database has no show yet: the window offers to create one


def initial_session(args: argparse.Namespace) -> ShowSession | None:
    """The show the window opens on; None when the database has none and the user
    declined to create one. On the calling thread (the dialog, if any, too)."""
    found = open_initial_session(args)
    return offer_new_show(args.db) if found is NO_SHOW else found  # type: ignore[return-value]


def open_initial_session(args: argparse.Namespace) -> ShowSession | object:
    """The work of opening (create a rehearsal, replay the log, load the charts, read the log
    panel's rows): no widgets, so any thread. NO_SHOW when the database has none."""
    from controlroom.ui.session import ShowSession

    session = _open_session(args)
    if isinstance(session, ShowSession):
        from controlroom.ui.window import LOG_FEED_KINDS, LOG_PRELOAD_IDS

        session.keep_log(session.read_log(LOG_FEED_KINDS, LOG_PRELOAD_IDS, prefs_mod.LOG_MAX_ROWS))
    return session


def _open_session(args: argparse.Namespace) -> ShowSession | object:
    from controlroom.store.clock_anchor import clock_anchor_path
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.ui.session import ShowSession, new_rehearsal

    if getattr(args, "replay", None) is not None:
        return new_replay(args.db, int(args.replay), float(getattr(args, "speed", 1.0) or 1.0))
    if getattr(args, "rehearsal", False):
        title = translate("main", "Rehearsal %1").replace("%1", time.strftime("%m-%d %H:%M"))
        speed = float(getattr(args, "speed", 1.0) or 1.0)
        clock = SpeedClock(SystemClock(anchor_path=clock_anchor_path()), speed) if speed != 1.0 else None
        return new_rehearsal(args.db, title, prefs_mod.DEFAULT_REHEARSAL_MINUTES, clock=clock)
    repo = ShowRepository(open_engine(args.db))
    try:
        show_id = repo.reopen_show_id(time.time())
    except StoreError:
        repo.engine.dispose()
        return NO_SHOW
    return ShowSession(args.db, show_id, repo=repo, own_engine=True)


def new_replay(db: str | None, recorded_id: int, speed: float = 1.0, base: Clock | None = None) -> ShowSession:
    """A new rehearsal in the same database whose audience is recorded show `recorded_id`'s,
    played again from the moment the trainee starts it (feeds/replay_source.py); the recording
    is read once, read-only. Raises StoreError when there is no such show."""
    from controlroom.feeds.replay_source import ReplayFeed, create_replay_show, read_recording
    from controlroom.store.clock_anchor import clock_anchor_path
    from controlroom.store.db import open_engine, open_read_only
    from controlroom.store.repository import ShowRepository
    from controlroom.ui.session import ShowSession

    source = open_read_only(db)
    try:
        recording = read_recording(ShowRepository(source), recorded_id)
    finally:
        source.dispose()
    base = base or SystemClock(anchor_path=clock_anchor_path())
    clock = SpeedClock(base, speed)
    repo = ShowRepository(open_engine(db))
    title = translate("main", "Replay of #%1: %2").replace("%1", str(recorded_id)).replace("%2", recording.title)
    sid = create_replay_show(repo, recording, title, clock.now())
    return ShowSession(db, sid, clock, repo=repo, own_engine=True,
                       audience=lambda service: ReplayFeed(service, recording))


def offer_new_show(db: str | None) -> ShowSession | None:
    answer = QMessageBox.question(None, "ControlRoom", translate("main", "There is no show in this database yet. Create one now?"))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    from controlroom.ui.show_dialogs import NewShowDialog

    dialog = NewShowDialog(None, db)
    return dialog.session if dialog.exec() else None


def quit_on_termination(app: QApplication) -> QTimer:
    """SIGTERM or Ctrl-C (a logout, a service manager) quit the window like its close
    button: the writer is flushed, nothing queued is lost. Python runs signal handlers
    only between bytecodes, so a slow timer lets the interpreter look while Qt waits."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def run_window(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ControlRoom")
    prefs = Prefs()
    translations = Translations()
    translations.install(prefs.language() or system_language())
    manager = WindowManager(prefs, translations, args.db)
    manager.open(None)  # shown at once; the show is opened off the UI thread (ui/background.py)
    manager.open_in_background(args)
    watchdog = quit_on_termination(app)
    try:
        return int(app.exec())
    finally:
        watchdog.stop()
        manager.close()
        prefs.sync()
        translations.remove()
