"""The main window's commands: each asks the service one thing and shows a refusal in the
status bar (a CommandError, or StoreUnavailable while the log cannot write), never
raises. The rules (which incident ref is free, what a dashboard total adds) are the
service's; the window only sends and shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import texts, undo_texts
from controlroom.ui.background import beside_jobs
from controlroom.ui.host_display import HostDisplay

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

translate = QCoreApplication.translate  # the strings keep MainWindow's context (its .ts entries)


class WindowActions:
    """Mixed into MainWindow (which provides service, statusBar, the panels, refresh)."""

    service: ShowService | None
    host_display: HostDisplay | None

    def call(self, request: Callable[..., Any], *args: Any) -> bool:
        """Ask the service; a refusal is shown in the status bar, never raised."""
        if self.service is None:
            self.say(translate("MainWindow", "No show is open."))
            return False
        try:  # off the UI thread while an import runs: it may hold the log's write lock a moment
            beside_jobs(request, *args)
        except (ValueError, StoreUnavailable) as exc:  # CommandError is a ValueError; StoreUnavailable is not
            self.say(texts.refusal(exc), error=True)
            return False
        self.refresh()  # type: ignore[attr-defined]
        return True

    def run(self, command: Callable[..., list[Event]], *args: Any) -> bool:
        """Send a core command; a refusal is shown in the status bar, never raised. A
        product explained by it (E, or a move onto its slot) is selected in the queue."""
        service = self.service
        if service is None:
            self.say(translate("MainWindow", "No show is open."))
            return False
        done: list[Event] = []
        if not self.call(lambda: done.extend(service.run(command, *args))):
            return False
        explained = next((e.product for e in done if e.kind == ev.EXPLAINING_STARTED and e.product), None)
        if explained is not None:
            self.queue_panel.select_explained(explained)  # type: ignore[attr-defined]
        return True

    def undo(self) -> None:
        """Ctrl+Z: take back the last operator action, and say what it was."""
        service = self.service
        if service is None:
            self.say(translate("MainWindow", "No show is open."))
            return
        before = service.view()
        try:
            undone = beside_jobs(service.undo)
        except (ValueError, StoreUnavailable) as exc:
            self.say(undo_texts.refusal(str(exc)) or texts.refusal(exc), error=True)
            return
        self.refresh()  # type: ignore[attr-defined]
        after = service.view()
        if after.explaining is not None and after.explaining != before.explaining:
            self.queue_panel.select_explained(after.explaining)  # type: ignore[attr-defined]
        self.say(undo_texts.message(undone, before, after))

    def say(self, text: str, error: bool = False) -> None:
        bar = self.statusBar()  # type: ignore[attr-defined]
        bar.setStyleSheet("color: #c62828;" if error else "")
        bar.showMessage(text, 8000)

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question,  # type: ignore[call-overload]
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def end_show(self) -> None:
        if self.service is None:
            return
        if self.confirm(translate("MainWindow", "End show"), translate("MainWindow", "End the show now? The timer stops and the recap is made from the log.")):
            self.run(commands.end_show)

    def mark_promo(self) -> None:
        """The promo of the product being explained, else of the one selected in the queue."""
        sku = self.queue_panel.view.selected_sku()  # type: ignore[attr-defined]
        explaining = self.service.view().explaining if self.service is not None else None
        self.run(commands.mark_promo, explaining or sku)

    def move_product(self, sku: str, to_row: int) -> None:
        if self.service is not None:
            self.call(self.service.move_product, sku, to_row)

    def add_note(self, text: str) -> None:
        if self.run(commands.note, text):
            self.log_panel.note.clear()  # type: ignore[attr-defined]

    def open_incident(self, kind: str, text: str) -> None:
        if self.service is None:
            return
        if not text.strip():
            self.say(texts.error("describe the incident"), error=True)
            return
        if self.call(self.service.open_incident_next, f"{kind}: {text.strip()}"):
            self.log_panel.incident_text.clear()  # type: ignore[attr-defined]

    def send_host_message(self, text: str, blink: bool) -> None:
        if self.run(commands.host_message, text, blink):
            self.ensure_host_display().set_message(text.strip(), blink)
            self.say(translate("MainWindow", "Sent to the host display."))

    def record_manual(self, online: int | None, gmv: float | None, orders: int | None) -> None:
        """The dashboard's figures, computed and taken by the service in one step."""
        panel = self.manual_panel  # type: ignore[attr-defined]
        service = self.service
        if service is None:
            panel.show_message(translate("MainWindow", "No show is open."), error=True)
            return
        try:
            service.record_manual(online=online, gmv_total=gmv, orders_total=orders)
        except (ValueError, StoreUnavailable) as exc:  # a total below the log's, or the log cannot write
            panel.show_message(texts.refusal(exc), error=True)
            if isinstance(exc, StoreUnavailable):
                self.say(texts.refusal(exc), error=True)
            return
        panel.accepted()
        self.refresh()  # type: ignore[attr-defined]

    # -- host display --------------------------------------------------------
    def ensure_host_display(self) -> HostDisplay:
        if self.host_display is None:
            self.host_display = HostDisplay(placement_prefs=self.prefs)  # type: ignore[attr-defined]
            if self.service is not None:
                self.host_display.show_view(self.service.view())
        return self.host_display

    def toggle_host_display(self) -> None:
        display = self.ensure_host_display()
        if display.isVisible():
            display.hide_by_hand()
        else:
            display.open_placed(self.frameGeometry())  # type: ignore[attr-defined]

    def host_full_screen(self) -> None:
        """Full screen on or off; a closed display opens full screen."""
        display = self.ensure_host_display()
        if not display.isVisible():
            display.open_placed(self.frameGeometry())  # type: ignore[attr-defined]
            if display.isFullScreen():
                return
        display.toggle_full_screen()

    def reopen_host_display(self) -> None:
        """After a restart (or a crash): the host display comes back where it was, if it was open."""
        if self.prefs.host_placement().open and (self.host_display is None or not self.host_display.isVisible()):  # type: ignore[attr-defined]
            self.ensure_host_display().open_placed(self.frameGeometry())  # type: ignore[attr-defined]
