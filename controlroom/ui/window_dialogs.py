"""The main window's dialogs and menus of shows: new, open, recent, plan and settings
editors, the recap export, the shortcut list (non-modal: the show's keys keep working
while it is open). Each dialog is imported when it opens, so start-up stays light."""

from __future__ import annotations

import html
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

from controlroom.core.pacing import ShowStatus
from controlroom.ui.prefs import Prefs

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService
    from controlroom.ui.session import ShowSession

translate = QCoreApplication.translate  # the strings keep MainWindow's context (its .ts entries)
LABEL_PROPERTY = "shortcut_label"  # an action's name without its current state ("Start / Pause")


def shortcut_lines(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the window that has a key, in the order the
    actions were made, then the keys that are not actions."""
    lines: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys and not action.isSeparator():
            label = action.property(LABEL_PROPERTY) or action.text()
            lines.append((keys, str(label).replace("&", "")))
    lines += [  # literal translate() calls: lupdate files them under their context
        ("Ctrl+↑ / Ctrl+↓", translate("MainWindow", "Move the selected product in the queue")),
        ("Enter", translate("MainWindow", "In a text field: send or add it, and hand the keys back to the show")),
        ("Esc", translate("MainWindow", "Leave a text field (nothing is changed)")),
        ("F11 / Esc", translate("MainWindow", "On the host display: full screen / leave full screen")),
    ]
    return lines


class ShortcutsDialog(QDialog):
    """The list of keys, non-modal: a key pressed while it is open still acts on the show."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(translate("MainWindow", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QLabel()
        self.table.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.table)
        note = QLabel(translate("MainWindow", "The show's keys do not fire while you type in a text field. Space, Enter "
                                "and letters never act on the show: the buttons take no keyboard focus and the queue "
                                "ignores typing."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def fill(self, lines: list[tuple[str, str]]) -> None:
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>&nbsp;&nbsp;{html.escape(t)}</td></tr>" for k, t in lines)
        self.table.setText(f"<table>{rows}</table>")


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
        from controlroom.ui.session import ShowSession

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

    def show_shortcuts(self) -> ShortcutsDialog:
        """Open (or bring forward) the non-modal list of keys."""
        dialog = getattr(self, "shortcuts_dialog", None)
        if dialog is None:
            dialog = self.shortcuts_dialog = ShortcutsDialog(self)  # type: ignore[arg-type]
        dialog.fill(shortcut_lines(self))  # type: ignore[arg-type]
        dialog.show()
        dialog.raise_()
        return dialog

    def set_sound(self, on: bool) -> None:
        self.prefs.set_sound(on)
        self.alerts_panel.sound = on  # type: ignore[attr-defined]

    def request_language(self, lang: str) -> None:
        self.prefs.set_language(lang)
        self.language_requested.emit(lang)  # type: ignore[attr-defined]
