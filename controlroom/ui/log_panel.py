"""The event log: everything that happened, newest first, filterable by kind; a note or
an incident (technical failure, negative comments) opened or closed in one step. Enter in
the note or incident field adds it and hands the keys back to the show."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui import fmt, prefs, texts
from controlroom.ui.guard import hand_back

translate = QCoreApplication.translate

COL_TIME, COL_KIND, COL_TEXT = range(3)
Index = QModelIndex | QPersistentModelIndex

# Samples, not happenings: they feed the charts, not the log.
NOT_LOGGED = frozenset({ev.VIEWERS, ev.LIKE, ev.JOIN})

# The controller's own events first (the default view): audience comments arrive by the
# hundred a minute and would scroll the operator's actions away; they have their own
# view (the comment watch panel) and the "comments" filter here.
FILTERS: dict[str, frozenset[str] | None] = {
    "controller": frozenset(ev.OPERATOR_KINDS),
    "all": None,
    "actions": frozenset(ev.OPERATOR_KINDS - {ev.NOTE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED}),
    "orders": frozenset({ev.ORDER}),
    "comments": frozenset({ev.COMMENT}),
    "audience": frozenset({ev.SHARE, ev.FOLLOW, ev.GIFT}),
    "notes": frozenset({ev.NOTE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED}),
}

DEFAULT_FILTER = "controller"
INCIDENT_KINDS = ("technical", "negative", "other")


def tag(flag: str | None) -> str:
    return f"  [{texts.flag(flag)}]" if flag else ""



def kind_name(kind: str) -> str:
    return {
        ev.SHOW_STARTED: translate("log", "Show started"), ev.SHOW_PAUSED: translate("log", "Paused"), ev.SHOW_RESUMED: translate("log", "Resumed"),
        ev.SHOW_ENDED: translate("log", "Show ended"), ev.SEGMENT_STARTED: translate("log", "Segment"), ev.SEGMENT_EXTENDED: translate("log", "Extended"),
        ev.INTERACTION_MARKED: translate("log", "Interaction"), ev.PROMO_REPEATED: translate("log", "Promo repeated"),
        ev.PRODUCT_ON_SHELF: translate("log", "On shelf"), ev.PRODUCT_OFF_SHELF: translate("log", "Off shelf"),
        ev.EXPLAINING_STARTED: translate("log", "Explaining"), ev.STOCK_ADJUSTED: translate("log", "Stock"), ev.NOTE: translate("log", "Note"),
        ev.INCIDENT_OPENED: translate("log", "Incident opened"), ev.INCIDENT_CLOSED: translate("log", "Incident closed"),
        ev.CHECKLIST_TICKED: translate("log", "Checklist"), ev.HOST_MESSAGE: translate("log", "Host message"), ev.PLAN_EDITED: translate("log", "Plan edited"),
        ev.ORDER: translate("log", "Order"), ev.COMMENT: translate("log", "Comment"), ev.SHARE: translate("log", "Share"), ev.FOLLOW: translate("log", "Follow"),
        ev.GIFT: translate("log", "Gift"),
        ev.PLAN_SET: translate("log", "Plan changed"), ev.PRODUCT_ADDED: translate("log", "Product added"),
        ev.PRODUCT_UPDATED: translate("log", "Product changed"), ev.PRODUCT_REMOVED: translate("log", "Product removed"),
        ev.PRODUCTS_ORDERED: translate("log", "Queue reordered"), ev.SETTINGS_CHANGED: translate("log", "Settings changed"),
        ev.UNDONE: translate("log", "Undone"),
    }.get(kind, kind)


def field_name(name: str) -> str:
    """A product field as the log names it."""
    return {
        "name": translate("log", "name"), "role": translate("log", "role"), "price": translate("log", "price"),
        "stock": translate("log", "stock"), "selling_points": translate("log", "selling points"),
        "promo": translate("log", "promo"),
    }.get(name, name)


def _field_value(name: str, value: object) -> str:
    from controlroom.core.products import Role
    from controlroom.ui import texts

    if name == "role":
        try:
            return texts.role(Role(str(value)))
        except ValueError:
            return str(value)
    if name == "price" and isinstance(value, (int, float)):
        return fmt.money(float(value))
    return "—" if value in (None, "") else str(value)


def describe_edit(e: Event, names: dict[str, str]) -> str:
    """One line for an edit event (core/edit_log.py): what it changed, in short."""
    data = e.data or {}
    name = str(data.get("name") or names.get(e.product or "", e.product or ""))
    if e.kind == ev.PLAN_SET:
        return translate("log", "%1 segments").replace("%1", str(e.qty or len(data.get("segments") or [])))
    if e.kind == ev.PRODUCT_ADDED:
        return f"{name}  {_field_value('price', data.get('price'))}  " + \
            translate("log", "stock %1").replace("%1", str(data.get("stock", 0)))
    if e.kind == ev.PRODUCT_UPDATED:
        was = data.get("was") or {}
        changes = [f"{field_name(f)} {_field_value(f, old)} → {_field_value(f, data.get(f))}"
                   for f, old in was.items() if f != "extra"]
        return f"{name}: " + "; ".join(changes) if changes else name
    if e.kind == ev.PRODUCTS_ORDERED:
        return translate("log", "%1 products in a new order").replace("%1", str(e.qty or len(data.get("skus") or [])))
    if e.kind == ev.SETTINGS_CHANGED:
        from controlroom.ui.settings_dialog import setting_labels

        labels = setting_labels()
        return "; ".join(f"{labels.get(k, k)} = {'✓' if v else '✗'}" if isinstance(v, bool) else
                         f"{labels.get(k, k)} = {v:g}" if isinstance(v, (int, float)) else f"{labels.get(k, k)} = {v}"
                         for k, v in data.items())
    return name  # product_removed


def describe(e: Event, names: dict[str, str], titles: dict[str, str]) -> str:
    """One line for the log; names: SKU → product name, titles: segment uid → title."""
    from controlroom.ui import texts  # the tags ([question], [technical]…) in the window's language

    product = names.get(e.product or "", e.product or "")
    if e.kind == ev.SEGMENT_STARTED:
        return titles.get(e.ref or "", e.ref or "")
    if e.kind == ev.SEGMENT_EXTENDED:
        return translate("log", "%1: %2 min").replace("%1", titles.get(e.ref or "", "")).replace("%2", f"{(e.value or 0) / 60:+g}")
    if e.kind == ev.ORDER:
        text = f"{product} ×{e.qty or 1}  {fmt.money(e.value or 0.0)}"
        return text + tag(e.flag)
    if e.kind == ev.STOCK_ADJUSTED:
        return f"{product}: {int(e.value or 0)} ({int(e.qty or 0):+d})"
    if e.kind == ev.CHECKLIST_TICKED:
        from controlroom.core.checklist import CHECKLIST_ITEMS

        label = texts.checklist_item(e.ref or "", dict(CHECKLIST_ITEMS).get(e.ref or "", e.ref or ""))
        return f"{label}: {'✓' if e.value else '✗'}"
    if e.kind == ev.COMMENT:
        return f"{e.user or ''}: {e.text or ''}" + tag(e.flag)
    if e.kind == ev.INCIDENT_OPENED or e.kind == ev.INCIDENT_CLOSED:
        return f"[{e.ref}] {texts.incident_text(e.text or '')}"
    if e.kind == ev.PLAN_EDITED:
        return f"{e.ref or ''} ({e.qty or 0})"
    if e.kind in ev.EDIT_KINDS:
        return describe_edit(e, names)
    if e.kind == ev.UNDONE:
        from controlroom.ui import undo_texts

        return undo_texts.log_line(e, names, titles)
    parts = [product, e.text or "", e.user or ""] if e.product or e.text or e.user else []
    return "  ".join(p for p in parts if p)


class LogModel(QAbstractTableModel):
    """The most recent `prefs.LOG_MAX_ROWS` logged events, newest first, one filter."""

    def __init__(self, parent: object = None, max_rows: int = prefs.LOG_MAX_ROWS) -> None:
        super().__init__(parent)
        self._all: deque[Event] = deque(maxlen=max_rows)
        self._shown: list[Event] = []
        self._kinds: frozenset[str] | None = None
        self.names: dict[str, str] = {}
        self.titles: dict[str, str] = {}

    def clear(self) -> None:
        self.beginResetModel()
        self._all.clear()
        self._shown = []
        self.endResetModel()

    def set_filter(self, kinds: frozenset[str] | None) -> None:
        self.beginResetModel()
        self._kinds = kinds
        self._shown = [e for e in reversed(self._all) if self._accepts(e)]
        self.endResetModel()

    def _accepts(self, e: Event) -> bool:
        return self._kinds is None or e.kind in self._kinds

    def add(self, events: list[Event]) -> None:
        """Append events in time order (they appear on top); the oldest fall off the end."""
        events = [e for e in events if e.kind not in NOT_LOGGED]
        limit = self._all.maxlen or 0
        if not events:
            return
        if len(events) >= limit:
            self._all.extend(events)
            self.set_filter(self._kinds)
            return
        overflow = len(self._all) + len(events) - limit
        if overflow > 0:
            gone = sum(1 for i in range(overflow) if self._accepts(self._all[i]))
            if gone:
                first = len(self._shown) - gone
                self.beginRemoveRows(QModelIndex(), first, len(self._shown) - 1)
                del self._shown[first:]
                self.endRemoveRows()
        self._all.extend(events)
        new = [e for e in reversed(events) if self._accepts(e)]
        if new:
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._shown[:0] = new
            self.endInsertRows()

    def event_at(self, row: int) -> Event:
        return self._shown[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Time"), self.tr("What"), self.tr("Details")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self._shown[index.row()]
        col = index.column()
        if col == COL_TIME:
            return fmt.wall(e.ts)
        if col == COL_KIND:
            return kind_name(e.kind)
        return describe(e, self.names, self.titles)


class LogPanel(QWidget):
    """Signals: note_added(text), incident_opened(kind, text), incident_closed(ref)."""

    note_added = Signal(str)
    incident_opened = Signal(str, str)
    incident_closed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LogModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model.set_filter(FILTERS[DEFAULT_FILTER])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)  # more lines in view
        self.view.setMinimumHeight(3 * self.view.verticalHeader().defaultSectionSize())  # a short laptop window still fits
        # "What" as wide as its longest word (measured once: resizing to contents would scan 5,000 rows).
        widest = max(self.view.fontMetrics().horizontalAdvance(kind_name(k)) for k in ev.OPERATOR_KINDS | ev.FEED_KINDS)
        self.view.setColumnWidth(COL_KIND, widest + 16)
        self.view.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout.addWidget(self.view)
        top = self._note_row()  # the filter and the note share a row: the log must fit a laptop's height
        top.insertLayout(0, self._filter_row())
        layout.insertLayout(0, top)
        layout.addLayout(self._incident_row())

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter = QComboBox()
        labels = {"controller": self.tr("Controller's log"), "all": self.tr("Everything"),
                  "actions": self.tr("Controller actions"), "orders": self.tr("Orders"),
                  "comments": self.tr("Comments"), "audience": self.tr("Shares, follows, gifts"),
                  "notes": self.tr("Notes and incidents")}
        for key, label in labels.items():
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(lambda _i: self.model.set_filter(FILTERS[self.filter.currentData()]))
        row.addWidget(self.filter)
        return row

    def _note_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for the log"))
        add = QPushButton(self.tr("Add note"))
        add.clicked.connect(self._add_note)
        self.note.returnPressed.connect(lambda: (self._add_note(), hand_back(self.note)))
        row.addWidget(self.note, 1)
        row.addWidget(add)
        return row

    def _incident_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.incident_kind = QComboBox()
        for key, label in zip(INCIDENT_KINDS, (self.tr("Technical failure"), self.tr("Negative comments"), self.tr("Other"))):
            self.incident_kind.addItem(label, key)
        self.incident_text = QLineEdit()
        self.incident_text.setPlaceholderText(self.tr("What happened?"))
        self.incident_text.setToolTip(self.tr("What happened (stutter, black screen, …)"))
        open_ = QPushButton(self.tr("Open incident"))
        open_.clicked.connect(self._open_incident)
        self.incident_text.returnPressed.connect(lambda: (self._open_incident(), hand_back(self.incident_text)))
        self.open_incidents = QComboBox()
        self.open_incidents.setMinimumContentsLength(12)
        close = QPushButton(self.tr("Close incident"))
        close.clicked.connect(self._close_incident)
        for w in (self.incident_kind, self.incident_text, open_, self.open_incidents, close):
            row.addWidget(w, 1 if w is self.incident_text else 0)
        return row

    def _add_note(self) -> None:
        self.note_added.emit(self.note.text())

    def _open_incident(self) -> None:
        self.incident_opened.emit(self.incident_kind.currentText(), self.incident_text.text())

    def _close_incident(self) -> None:
        ref = self.open_incidents.currentData()
        if ref:
            self.incident_closed.emit(ref)

    def show_open_incidents(self, incidents: list[tuple[str, str]]) -> None:
        """(ref, text) of the incidents still open."""
        current = [(self.open_incidents.itemData(i), self.open_incidents.itemText(i)) for i in range(self.open_incidents.count())]
        from controlroom.ui import texts

        wanted = [(ref, f"{ref} {texts.incident_text(text)}") for ref, text in incidents]
        if current != wanted:
            self.open_incidents.clear()
            for ref, label in wanted:
                self.open_incidents.addItem(label, ref)
