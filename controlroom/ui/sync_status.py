"""The window's background sync to the agency server (docs/agency.md): the open show is
shipped by a thread of its own (services/sync_loop.py), never the UI thread, so a slow or
vanished server never blocks the show; its state (synced / behind by N events / offline
since hh:mm) is a label in the status bar. The server is the setting "agency server"
(Settings menu; ui/prefs.py), else the environment's CONTROLROOM_SYNC_TO."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox

if TYPE_CHECKING:
    from controlroom.services.sync_loop import SyncLoop, SyncState

# The sync itself (services/sync.py, SQLAlchemy) is imported when a sync starts or an
# address is checked: most windows never sync, and none needs it before it is on screen.

ENV_TO = "CONTROLROOM_SYNC_TO"


class SyncStatus(QObject):
    """Attributes: label (in the status bar), action (Settings ▸ Agency server…), state.
    Signal changed(SyncState): emitted on the sync thread, delivered on the UI thread."""

    changed = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.state: SyncState | None = None
        self.label = QLabel()
        self.label.setObjectName("sync-status")
        window.statusBar().addPermanentWidget(self.label)
        self.action = QAction(self.tr("Agency server…"), window)
        self.action.triggered.connect(self.ask_server)
        window.menu("settings").addAction(self.action)
        self.changed.connect(self._show_state)
        window.show_changed.connect(lambda _service: self.restart())
        self._stop: threading.Event | None = None
        self._generation = 0  # which sync a state belongs to: a stopped one's last words are dropped
        self.restart()

    def server(self) -> str:
        return self.window.prefs.agency_server() or os.environ.get(ENV_TO, "").strip()

    def set_server(self, url: str) -> str | None:
        """Keep `url` as the agency server and sync to it; a sentence when it is refused."""
        from controlroom.services.sync import has_password

        if url.strip() and has_password(url.strip()):
            return self.tr("The address has a password, which would be kept in plain text: put the password "
                           "in the server's .pgpass file or a service file instead.")
        self.window.prefs.set_agency_server(url)
        self.restart()
        return None

    def ask_server(self) -> None:
        url, ok = QInputDialog.getText(
            self.window, self.tr("Agency server"),
            self.tr("PostgreSQL address the open show is synced to (empty: no sync):"),
            QLineEdit.EchoMode.Normal, self.window.prefs.agency_server())
        if ok:
            problem = self.set_server(url)
            if problem:
                QMessageBox.warning(self.window, self.tr("Agency server"), problem)

    def restart(self) -> None:
        """Sync the window's open show to the server now set (stopping the sync before)."""
        self.stop()
        url, service, db = self.server(), self.window.service, self.window.db
        if not url or service is None or db is None or not _is_sqlite_file(str(db)):
            self.label.setText("")
            self.label.setVisible(False)
            return
        from controlroom.services.sync_loop import SyncLoop, SyncState

        self._stop, self._generation = threading.Event(), self._generation + 1
        generation = self._generation
        loop = SyncLoop(str(db), url, show_id=service.show_id, stop=self._stop,
                        report=lambda state: self.changed.emit((generation, state)))
        self._show_state((generation, SyncState()))
        threading.Thread(target=self._run, args=(loop, generation), name="agency-sync", daemon=True).start()

    def stop(self) -> None:
        """Ask the sync thread to end; never waits for it (a server may be slow to answer).
        A batch it is sending is either committed or rolled back by the server."""
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def _run(self, loop: SyncLoop, generation: int) -> None:
        try:
            loop.run(follow=True)
        except Exception as exc:  # the laptop's own file cannot be read: say so, never crash the show
            from controlroom.services.sync_loop import SyncState

            self.changed.emit((generation, SyncState(error=f"{exc.__class__.__name__}: {exc}")))

    def _show_state(self, update: tuple[int, SyncState]) -> None:
        generation, state = update
        if generation != self._generation or self._stop is None:
            return
        from controlroom.services.sync import masked

        self.state = state
        self.label.setVisible(True)
        self.label.setText(self.describe(state))
        self.label.setToolTip(f"{masked(self.server())}\n{state.error}".strip())

    def describe(self, state: SyncState) -> str:
        from controlroom.services.sync_loop import clock

        if state.offline_since is not None:
            return self.tr("Agency: offline since %1").replace("%1", clock(state.offline_since))
        if state.error and not state.online:
            return self.tr("Agency: not syncing")
        if not state.online:
            return self.tr("Agency: connecting…")
        if state.behind:
            return self.tr("Agency: behind by %1 events").replace("%1", str(state.behind))
        return self.tr("Agency: synced")


def _is_sqlite_file(db: str) -> bool:
    from controlroom.store.db import sqlite_file

    return sqlite_file(db) is not None


def install(window: Any) -> SyncStatus:
    return SyncStatus(window)
