"""The main window's keys, focus and quitting: the queue's declared shortcuts, the focus
taken off every field before a dialog opens (so a key meant for the dialog never lands in
a field), and the question before quitting a running show (staying is the default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox

from controlroom.core.pacing import ShowStatus

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

translate = QCoreApplication.translate  # the strings keep MainWindow's context (its .ts entries)


class WindowKeys:
    """Mixed into MainWindow before WindowActions (it wraps `confirm`); MainWindow provides
    service, queue_panel, say, setFocus, close."""

    service: ShowService | None
    _asked_to_quit = False

    def shelf_selected(self) -> None:
        if not self.queue_panel.view.request_shelf():  # type: ignore[attr-defined]
            self.say(translate("MainWindow", "Select a product in the queue first."), error=True)  # type: ignore[attr-defined]

    def explain_selected(self) -> None:
        if not self.queue_panel.view.request_explain():  # type: ignore[attr-defined]
            self.say(translate("MainWindow", "Select a product in the queue first."), error=True)  # type: ignore[attr-defined]

    def take_keys(self) -> None:
        """Focus on the window itself: no button, no field; the show's keys act at once."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # type: ignore[attr-defined]

    def confirm(self, title: str, question: str) -> bool:
        self.take_keys()  # a "y" typed before the dialog is up must not go into a field
        return super().confirm(title, question)  # type: ignore[misc]

    # -- quitting ------------------------------------------------------------
    def show_running(self) -> bool:
        """Started and not ended: quitting would leave the stream without its control room."""
        service = self.service
        return service is not None and service.view().status in (ShowStatus.RUNNING, ShowStatus.PAUSED)

    def may_quit(self) -> bool:
        """True when no show runs, or the user chose to quit it; Enter and Escape stay."""
        if not self.show_running():
            return True
        self.take_keys()
        box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Quit during the show?"),
                          translate("MainWindow", "The show is still running. Quit anyway? The host display goes "
                                    "dark; the log keeps everything, and starting again returns to the show."),
                          parent=self)  # type: ignore[call-overload]
        stay = box.addButton(translate("MainWindow", "Stay"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(translate("MainWindow", "Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is leave

    def request_quit(self) -> None:
        """Ctrl+Q / File › Quit: asks first while the show runs."""
        if self.may_quit():
            self._asked_to_quit = True
            self.close()  # type: ignore[attr-defined]

    def may_close(self, event: QCloseEvent) -> bool:
        """The window manager's close button asks like Ctrl+Q; a close from the program
        (SIGTERM, a language switch, tests) does not. Closes the shortcut list too."""
        if event.spontaneous() and not self._asked_to_quit and not self.may_quit():
            return False
        dialog = getattr(self, "shortcuts_dialog", None)
        if dialog is not None:
            dialog.close()
        return True
