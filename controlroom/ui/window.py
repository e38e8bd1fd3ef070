"""The controller's main window: timer, queue, charts, log, alerts, manual entry and
checklist around one open show, and a red banner while the log cannot write. Panels
read the service's immutable RoomView (core/views.py) and send commands through
window_actions.py; no business rule lives here.

Extension hooks (used by the live-data tools): `service`, `show_closing`, `show_changed`,
`add_dock`, `menu(name)`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import prefs as prefs_mod
from controlroom.ui import texts, window_layout
from controlroom.ui.alerts_panel import AlertsPanel
from controlroom.ui.checklist_panel import ChecklistPanel
from controlroom.ui.guard import ShortcutGuard
from controlroom.ui.health_banner import HealthBanner
from controlroom.ui.host_display import HostDisplay
from controlroom.ui.log_panel import NOT_LOGGED, LogPanel
from controlroom.ui.manual_entry import ManualEntryPanel
from controlroom.ui.prefs import Prefs, RecentShow
from controlroom.ui.queue_panel import EXPLAIN_KEY, SHELF_KEY, QueuePanel
from controlroom.ui.timer_panel import TimerPanel
from controlroom.ui.window_actions import WindowActions
from controlroom.ui.window_charts import WindowCharts
from controlroom.ui.window_dialogs import LABEL_PROPERTY, WindowDialogs
from controlroom.ui.window_keys import WindowKeys

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService
    from controlroom.ui.session import ShowSession

MENU_KEYS = ("file", "show", "data", "view", "settings", "help")
EXPORT_MODULE = "controlroom.ui.export_dialog"
LOG_PRELOAD_IDS = 20_000  # feed rows looked back through when a show is opened
LOG_FEED_KINDS = tuple(sorted(ev.FEED_KINDS - NOT_LOGGED))
# Events after which the log's product names and segment titles are looked up again.
RENAMING_KINDS = ev.EDIT_KINDS | {ev.PLAN_EDITED}


class MainWindow(QMainWindow, WindowKeys, WindowActions, WindowDialogs, WindowCharts):
    """Attributes: session (ShowSession or None), prefs, host_display, panels, actions,
    banner (HealthBanner).
    Signals: show_closing(service) — the open show is about to close (switching shows, or
    the window closing): stop anything that feeds it, its writer closes next;
    show_changed(service), language_requested(lang)."""

    show_closing = Signal(object)
    show_changed = Signal(object)
    language_requested = Signal(str)

    def __init__(self, session: ShowSession | None, prefs: Prefs, language: str = "en",
                 db: str | None = None) -> None:
        super().__init__()
        self.prefs = prefs
        self.language = language
        self.db = db if db is not None else (session.url if session else None)
        self.session: ShowSession | None = None
        self.host_display: HostDisplay | None = None
        self._menus: dict[str, QMenu] = {}
        self._last_status: ShowStatus | None = None
        self._placed = self._restored = False  # placed just before the first show (window_layout)
        self.guard = ShortcutGuard(self)
        QApplication.instance().installEventFilter(self.guard)
        self.banner = HealthBanner(self)
        self._build_actions()
        self._build_panels()
        self._build_menus()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(prefs_mod.REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.feed_timer = QTimer(self)
        self.feed_timer.setInterval(prefs_mod.FEED_TICK_MS)
        self.feed_timer.timeout.connect(self.tick_feed)
        self.set_session(session)
        self.refresh_timer.start()
        self.feed_timer.start()
        from controlroom.ui import live_data

        live_data.install(self)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click on a blank part takes the keys back
        self.take_keys()  # it opens with the keys on itself: no button, no field
        self.reopen_host_display()  # where it was before a restart or a crash
        from controlroom.ui import sync_status

        self.sync_status = sync_status.install(self)  # the agency server: a thread, a status-bar label

    # -- hooks for other tools ----------------------------------------------
    @property
    def service(self) -> ShowService | None:
        return self.session.service if self.session is not None else None

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea | None = None,
                 name: str | None = None, scrolled: bool = False) -> QDockWidget:
        """A dock for `widget`; without an area it joins the tabs beside the alerts, in a
        scroll area, so tools added later never squeeze the queue or the charts (`scrolled`:
        in a scroll area wherever it goes)."""
        return window_layout.add_dock(self, widget, title, area, name, scrolled)

    def menu(self, name: str) -> QMenu:
        """Get or create a top-level menu by key (file, show, data, view, settings, help)."""
        if name not in self._menus:
            titles = {"file": self.tr("&File"), "show": self.tr("&Show"), "data": self.tr("&Data"),
                      "view": self.tr("&View"), "settings": self.tr("Se&ttings"), "help": self.tr("&Help")}
            menu = QMenu(titles.get(name, name), self)
            self._menus[name] = menu
            self._place_menu(name, menu)
        return self._menus[name]

    def _place_menu(self, name: str, menu: QMenu) -> None:
        order = list(MENU_KEYS)
        later = [self._menus[k] for k in order[order.index(name) + 1:] if k in self._menus and k != name] \
            if name in order else []
        if later:
            self.menuBar().insertMenu(later[0].menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)

    # -- building ------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], key: str | None = None, guarded: bool = False) -> QAction:
        action = QAction(text, self)
        action.setProperty(LABEL_PROPERTY, text)  # the shortcut list's name, whatever the text becomes
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            if guarded:
                self.guard.guard(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_start = a(self.tr("Start / Pause"), lambda: self.run(commands.toggle_pause), "F5", True)
        self.act_previous = a(self.tr("Previous segment"), lambda: self.run(commands.previous_segment), "F6", True)
        self.act_next = a(self.tr("Next segment"), lambda: self.run(commands.next_segment), "F7", True)
        self.act_extend = a(self.tr("Extend +1 min"), lambda: self.run(commands.extend, 1.0), "F8", True)
        self.act_interaction = a(self.tr("Mark interaction"), lambda: self.run(commands.mark_interaction), "F9", True)
        self.act_promo = a(self.tr("Promo repeated"), self.mark_promo, "F10", True)
        self.act_end = a(self.tr("End show…"), self.end_show, "Ctrl+Shift+E", True)
        self.act_undo = a(self.tr("Undo last action"), self.undo, "Ctrl+Z", True)
        self.show_actions = [self.act_start, self.act_previous, self.act_next, self.act_extend,
                             self.act_interaction, self.act_promo, self.act_end]

    def _build_panels(self) -> None:
        self.timer_panel = TimerPanel(self.show_actions)
        self.timer_panel.host_message_sent.connect(self.send_host_message)
        self.setCentralWidget(self.timer_panel)
        self.queue_panel = QueuePanel()
        self.queue_panel.model.shelf_toggled.connect(lambda sku: self.run(commands.toggle_shelf, sku))
        self.queue_panel.model.moved.connect(self.move_product)
        self.queue_panel.view.explain_requested.connect(lambda sku: self.run(commands.explain, sku))
        self.queue_actions = [
            self._action(self.tr("Selected product on / off shelf"), self.shelf_selected, SHELF_KEY, True),
            self._action(self.tr("Selected product: explaining now"), self.explain_selected, EXPLAIN_KEY, True)]
        self.alerts_panel = AlertsPanel()
        self.alerts_panel.sound = self.prefs.sound()
        self._charts: Any = None  # built once the window is on screen (window_charts.py)
        self._charts_held = False  # a show is being opened: the charts wait for it (hold_charts)
        self.log_panel = LogPanel()
        self.log_panel.note_added.connect(self.add_note)
        self.log_panel.incident_opened.connect(self.open_incident)
        self.log_panel.incident_closed.connect(lambda ref: self.run(commands.close_incident, ref))
        self.manual_panel = ManualEntryPanel()
        self.manual_panel.submitted.connect(self.record_manual)
        self.checklist_panel = ChecklistPanel()
        self.checklist_panel.ticked.connect(lambda key, on: self.run(commands.tick_checklist, key, on))
        self._dock_panels()

    def _dock_panels(self) -> None:
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks = {
            "queue": self.add_dock(self.queue_panel, self.tr("Product queue"), right, "queue"),
            "alerts": self.add_dock(self.alerts_panel, self.tr("Alerts"), right, "alerts"),
            "charts": self.add_dock(QLabel(self.tr("Loading charts…")), self.tr("Live charts"), bottom, "charts"),
            "log": self.add_dock(self.log_panel, self.tr("Event log"), bottom, "log"),
            "manual": self.add_dock(self.manual_panel, self.tr("Manual entry"), right, "manual", scrolled=True),
            "checklist": self.add_dock(self.checklist_panel, self.tr("Pre-show checklist"), right, "checklist", scrolled=True),
        }
        self.splitDockWidget(self.docks["charts"], self.docks["log"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.docks["alerts"], self.docks["checklist"])
        self.tabifyDockWidget(self.docks["checklist"], self.docks["manual"])
        self.docks["alerts"].raise_()
        self._sized = False

    def _size_docks(self) -> None:
        """Initial proportions; they hold only once the window has its real size."""
        window_layout.size_docks(self)

    def setVisible(self, visible: bool) -> None:
        if visible and not self._placed:  # before the first show: no jump from one size to another
            self._placed = True
            self._restored = window_layout.place(self)
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not (self._restored and window_layout.restore_docks(self)):
                self._size_docks()
            QTimer.singleShot(0, self._first_charts)

    def _build_menus(self) -> None:
        file_menu = self.menu("file")
        self.act_new = self._action(self.tr("New show…"), self.new_show, "Ctrl+N")
        self.act_open = self._action(self.tr("Open show…"), self.open_show, "Ctrl+O")
        self.recent_menu = QMenu(self.tr("Recent shows"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_export = self._action(self.tr("Export recap…"), self.export_recap)
        self.act_quit = self._action(self.tr("Quit"), self.request_quit, "Ctrl+Q")
        for item in (self.act_new, self.act_open, self.recent_menu, None, self.act_export, None, self.act_quit):
            self._add_item(file_menu, item)
        show_menu = self.menu("show")
        for action in self.show_actions:
            show_menu.addAction(action)
        show_menu.addAction(self.act_undo)
        show_menu.addSeparator()
        show_menu.addActions(self.queue_actions)
        show_menu.addSeparator()
        self.act_plan = self._action(self.tr("Edit plan and products…"), self.edit_plan, "Ctrl+E")
        show_menu.addAction(self.act_plan)
        self.menu("data").addAction(self.docks["manual"].toggleViewAction())
        view = self.menu("view")
        view.insertSeparator(view.actions()[0] if view.actions() else None)
        self.act_host = self._action(self.tr("Host display"), self.toggle_host_display, "Ctrl+H")
        self.act_host_full = self._action(self.tr("Host display full screen"), self.host_full_screen, "Ctrl+Shift+F")
        view.insertActions(view.actions()[0], [self.act_host, self.act_host_full])
        self._build_settings_menu()
        self.act_about = self._action(self.tr("Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.menu("help").addAction(self.act_about)

    def _add_item(self, menu: QMenu, item: QAction | QMenu | None) -> None:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)

    def _build_settings_menu(self) -> None:
        settings = self.menu("settings")
        self.act_settings = self._action(self.tr("Show settings…"), self.edit_settings)
        settings.addAction(self.act_settings)
        language = settings.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for lang, label in (("zh_CN", "中文"), ("en", "English")):
            act = QAction(label, self, checkable=True, checked=lang == self.language)
            act.triggered.connect(lambda _c=False, lg=lang: self.request_language(lg))
            group.addAction(act)
            language.addAction(act)
        self.act_sound = QAction(self.tr("Sound cue for new alerts"), self, checkable=True, checked=self.prefs.sound())
        self.act_sound.toggled.connect(self.set_sound)
        settings.addAction(self.act_sound)

    # -- the open show ------------------------------------------------------
    def set_session(self, session: ShowSession | None) -> None:
        """Show `session` (closing the one before); emits show_changed."""
        if self.session is not None and self.session is not session:
            self.show_closing.emit(self.session.service)
            self.session.close()
        self.session = session
        self.log_panel.model.clear()
        if session is not None:
            self.db = session.url
            view = session.service.view()
            self._preload_log(session, view)
            self.prefs.add_recent(RecentShow(session.url, view.info.id, view.info.title))
        self._last_status = None
        if self._charts is not None:
            self._charts.reset()
        self.refresh()
        self.show_changed.emit(self.service)

    def detach_session(self) -> ShowSession | None:
        """Hand the session over (the window is being rebuilt); the window no longer closes it,
        and its tools stop feeding it (the new window's take over)."""
        if self.session is not None:
            self.show_closing.emit(self.session.service)
        session, self.session = self.session, None
        return session

    def _preload_log(self, session: ShowSession, view: RoomView) -> None:
        """The log panel's rows: read while the show was opened off the UI thread
        (session.read_log), or now for a session made here."""
        merged = session.take_log()
        if merged is None:
            merged = session.read_log(LOG_FEED_KINDS, LOG_PRELOAD_IDS, prefs_mod.LOG_MAX_ROWS)
        self._update_log_names(view)
        self.log_panel.model.add(merged)

    def _update_log_names(self, view: RoomView) -> None:
        self.log_panel.model.names = view.names()
        self.log_panel.model.titles = view.titles()

    def tick_feed(self) -> None:
        if self.session is not None:
            self.session.tick_feed()

    def refresh(self) -> None:
        """Bring every panel to the state at now (the display timer calls this)."""
        service = self.service
        if service is None or self.session is None:
            self._show_no_session()
            return
        events = self.session.inbox.take()
        view = service.view()
        if not RENAMING_KINDS.isdisjoint({e.kind for e in events}):
            self._update_log_names(view)
        self.log_panel.model.add(events)
        self.banner.show_health(view.health)
        self.timer_panel.show_view(view)
        self.queue_panel.show_rows(view.queue)
        self.alerts_panel.show_alerts(list(view.alerts))
        self.checklist_panel.show_state(dict(view.checklist))
        self.log_panel.show_open_incidents([(i.ref, i.text) for i in view.open_incidents])
        if self.host_display is not None:
            self.host_display.show_view(view)
        self._update_actions(view.status)
        self.setWindowTitle(f"{view.info.title} — {texts.status(view.status)} — ControlRoom")

    def _show_no_session(self) -> None:
        self.setWindowTitle("ControlRoom")
        self.banner.show_health(None)
        self._update_actions(None)

    def _update_actions(self, status: ShowStatus | None) -> None:
        if status == self._last_status:
            return
        self._last_status = status
        live = status in (ShowStatus.RUNNING, ShowStatus.PAUSED)
        self.act_start.setEnabled(status in (ShowStatus.PLANNED, ShowStatus.RUNNING, ShowStatus.PAUSED))
        self.act_start.setText(self.tr("Pause") if status == ShowStatus.RUNNING else
                               self.tr("Resume") if status == ShowStatus.PAUSED else self.tr("Start show"))
        for action in (self.act_previous, self.act_next, self.act_extend, self.act_interaction, self.act_promo, self.act_end):
            action.setEnabled(live)
        self.act_plan.setEnabled(status is not None)
        self.act_settings.setEnabled(status is not None)
        # During the show too: a snapshot up to now (export_dialog.py), the show goes on.
        self.act_export.setEnabled(status in (ShowStatus.RUNNING, ShowStatus.PAUSED, ShowStatus.ENDED)
                                   and export_available())

    # -- closing -------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close(event):
            event.ignore()
            return
        if self._sized:
            window_layout.save(self)
        self.sync_status.stop()
        self.refresh_timer.stop()
        self.feed_timer.stop()
        if self._charts is not None:
            self._charts.timer.stop()
        QApplication.instance().removeEventFilter(self.guard)
        if self.host_display is not None:
            self.host_display.close()
            self.host_display.deleteLater()
            self.host_display = None
        if self.session is not None:
            self.show_closing.emit(self.session.service)
            self.session.close()
            self.session = None
        super().closeEvent(event)


def export_available() -> bool:
    """The recap export exists (found, not imported: its libraries load only when used)."""
    try:
        return importlib.util.find_spec(EXPORT_MODULE) is not None
    except (ImportError, ValueError):
        return False
