"""The main window's dialogs and menus of shows: new, open, recent, plan and settings
editors, the recap export, the shortcut list. Each dialog is imported when it opens, so
start-up stays light."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox

from controlroom.core.pacing import ShowStatus
from controlroom.services.show_service import ShowService
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession

translate = QCoreApplication.translate  # the strings keep MainWindow's context (its .ts entries)


class WindowDialogs:
    """Mixed into MainWindow (which provides session, db, prefs, set_session, say, refresh)."""

    session: ShowSession | None
    service: ShowService | None
    db: str | None
    prefs: Prefs
    language: str
    recent_menu: QMenu
    show_actions: list[Any]

    def new_show(self) -> None:
        from controlroom.ui.show_dialogs import NewShowDialog

        dialog = NewShowDialog(self, self.db)  # type: ignore[arg-type]
        if dialog.exec() and dialog.session is not None:
            self.set_session(dialog.session)  # type: ignore[attr-defined]

    def open_show(self) -> None:
        from controlroom.ui.show_dialogs import OpenShowDialog

        dialog = OpenShowDialog(self, self.db)  # type: ignore[arg-type]
        if dialog.exec() and dialog.chosen is not None:
            self.open_db_show(*dialog.chosen)

    def open_db_show(self, db: str, show_id: int) -> None:
        from controlroom.store.db import StoreError, db_url

        if self.session is not None and (db_url(db), show_id) == (self.session.url, self.session.show_id):
            # Already open: a second session would replay a log the writer has not caught up with.
            self.say(translate("MainWindow", "This show is already open."))  # type: ignore[attr-defined]
            return
        try:
            session = ShowSession(db, show_id)
        except (StoreError, ValueError) as exc:
            self.say(str(exc), error=True)  # type: ignore[attr-defined]
            return
        self.set_session(session)  # type: ignore[attr-defined]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for r in self.prefs.recent():
            act = self.recent_menu.addAction(f"{r.title}  (#{r.show_id})")
            act.setToolTip(r.db)
            act.triggered.connect(lambda _c=False, db=r.db, sid=r.show_id: self.open_db_show(db, sid))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(translate("MainWindow", "(none yet)")).setEnabled(False)

    def edit_plan(self) -> None:
        from controlroom.ui.plan_editor import PlanEditor

        if self.service is not None:
            PlanEditor(self.service, self).exec()  # type: ignore[arg-type]
            self.refresh()  # type: ignore[attr-defined]

    def edit_settings(self) -> None:
        from controlroom.ui.settings_dialog import SettingsDialog

        if self.service is not None:
            SettingsDialog(self.service, self).exec()  # type: ignore[arg-type]
            self.refresh()  # type: ignore[attr-defined]

    def export_recap(self) -> None:
        if self.session is None:
            return
        from controlroom.ui.export_dialog import export_recap  # lazy: nothing of the recap at start-up

        view = self.session.service.view()
        running = view.status != ShowStatus.ENDED  # a snapshot up to now; the show goes on
        snapshot_at = time.strftime("%H:%M", time.localtime(self.session.service.now())) if running else None
        export_recap(parent=self, db_url=self.session.url, show_id=self.session.show_id, language=self.language,
                     title=view.info.title, snapshot_at=snapshot_at)

    def show_shortcuts(self) -> None:
        lines = [f"{a.shortcut().toString()}\t{a.text()}" for a in self.show_actions]
        lines.append(translate("MainWindow", "S or Space\ttoggle the selected product's shelf (in the queue)"))
        lines.append(translate("MainWindow", "E\tthe selected product is being explained now"))
        lines.append(translate("MainWindow", "Ctrl+↑ / Ctrl+↓\tmove the selected product in the queue"))
        lines.append(translate("MainWindow", "Shortcuts do not fire while you type in a text field."))
        QMessageBox.information(self, translate("MainWindow", "Keyboard shortcuts"), "\n".join(lines))  # type: ignore[call-overload]

    def set_sound(self, on: bool) -> None:
        self.prefs.set_sound(on)
        self.alerts_panel.sound = on  # type: ignore[attr-defined]

    def request_language(self, lang: str) -> None:
        self.prefs.set_language(lang)
        self.language_requested.emit(lang)  # type: ignore[attr-defined]
