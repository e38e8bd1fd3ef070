"""The product queue: a table model over the show's queue (order, role, price, stock,
shelf, explaining, sold, GMV) and its view (drag or Ctrl+↑/↓ to reorder). Plain letters,
Space and Enter do nothing here, so typing into the table never touches the show: the
selected product's shelf and "explaining now" are the window's declared shortcuts
SHELF_KEY and EXPLAIN_KEY, named in the column headers' tooltips. Above the table a search field filters it by
name or SKU and selects the first match."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.views import ProductRow
from controlroom.ui import fmt, texts, theme

(COL_ORDER, COL_NAME, COL_ROLE, COL_PRICE, COL_STOCK, COL_SELLOUT, COL_SHELF, COL_EXPLAINING, COL_SOLD,
 COL_GMV) = range(10)
MIME = "application/x-controlroom-queue-row"
Index = QModelIndex | QPersistentModelIndex
# The columns each field of a row is drawn in: a refresh repaints only the cells that changed
# (the sell-out minutes of the products on shelf change often, the rest of the row seldom).
_FIELD_COLUMNS = {"name": (COL_NAME,), "role": (COL_ROLE,), "price": (COL_PRICE,), "stock_left": (COL_STOCK,),
                  "low": (COL_STOCK,), "sold_out": (COL_NAME, COL_STOCK, COL_SELLOUT), "sellout_minutes": (COL_SELLOUT,),
                  "on_shelf": (COL_SHELF,), "explaining": (COL_EXPLAINING,), "sold": (COL_SOLD,), "gmv": (COL_GMV,)}
SHELF_KEY = "Ctrl+Shift+S"  # the selected product on / off shelf
EXPLAIN_KEY = "Ctrl+Shift+N"  # the selected product is being explained now


class QueueModel(QAbstractTableModel):
    """Rows (the RoomView's queue) are replaced by `set_rows`; edits are requests, sent as
    signals, never applied here: the show log decides. Signals: shelf_toggled(sku), moved(sku, to_row)."""

    shelf_toggled = Signal(str)
    moved = Signal(str, int)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.rows: list[ProductRow] = []

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Product"), self.tr("Role"), self.tr("Price"), self.tr("Stock"),
                self.tr("Sells out"), self.tr("On shelf"), self.tr("Now"), self.tr("Sold"), self.tr("GMV")]

    def set_rows(self, rows: Sequence[ProductRow]) -> None:
        rows = list(rows)
        if [r.sku for r in rows] != [r.sku for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        for i, (a, b) in enumerate(zip(old, rows)):
            if a != b:
                for first, last in column_runs(changed_columns(a, b)):
                    self.dataChanged.emit(self.index(i, first), self.index(i, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COL_GMV + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_hint(section)
        return None

    def header_hint(self, section: int) -> str | None:
        """The keys of a column, shown where the user looks for them."""
        if section == COL_SHELF:
            return self.tr("Click the box, or select the row and press %1").replace("%1", SHELF_KEY)
        if section == COL_EXPLAINING:
            return self.tr("Select the row and press %1: explaining it now").replace("%1", EXPLAIN_KEY)
        if section == COL_ORDER:
            return self.tr("Drag a row, or select it and press Ctrl+↑ / Ctrl+↓, to move it")
        if section == COL_SELLOUT:
            return self.tr("When a product on shelf sells out at its current order rate (the last 1 to 5 minutes)")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, index.row(), col)
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_SHELF:
            return Qt.CheckState.Checked if r.on_shelf else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PRICE, COL_STOCK, COL_SELLOUT, COL_SOLD, COL_GMV):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STOCK:
            return self.tr("Sold out") if r.sold_out else self.tr("Low stock") if r.low else None
        return None

    def _display(self, r: ProductRow, row: int, col: int) -> object:
        """One cell's text, computed alone: the view asks for every cell it paints."""
        if col == COL_ORDER:
            return row + 1
        if col == COL_NAME:
            return r.name
        if col == COL_ROLE:
            return texts.role_short(r.role)
        if col == COL_PRICE:
            return fmt.money(r.price)
        if col == COL_STOCK:
            return self.tr("Sold out") if r.sold_out else str(r.stock_left)
        if col == COL_SELLOUT:
            return "" if r.sellout_minutes is None or r.sold_out else \
                self.tr("≈ %1 min").replace("%1", str(r.sellout_minutes))
        if col == COL_EXPLAINING:
            return "●" if r.explaining else ""
        if col == COL_SOLD:
            return str(r.sold)
        if col == COL_GMV:
            return fmt.money(r.gmv)
        return ""  # COL_SHELF: a check box

    def _background(self, r: ProductRow, col: int) -> QBrush | None:
        if r.sold_out and col in (COL_NAME, COL_STOCK):
            return QBrush(theme.SOLD_OUT_BG)
        if r.low and col == COL_STOCK:
            return QBrush(theme.LOW_STOCK_BG)
        if r.on_shelf and col == COL_SHELF:
            return QBrush(theme.ON_SHELF_BG)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        f = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == COL_SHELF:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == COL_SHELF and role == Qt.ItemDataRole.CheckStateRole:
            self.shelf_toggled.emit(self.rows[index.row()].sku)
            return True
        return False

    # -- drag to reorder -----------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        if indexes:
            mime.setData(MIME, QByteArray(self.rows[indexes[0].row()].sku.encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not data.hasFormat(MIME):
            return False
        sku = bytes(data.data(MIME).data()).decode()
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self.rows)
        src = next((i for i, r in enumerate(self.rows) if r.sku == sku), None)
        if src is None:
            return False
        to = target - 1 if target > src else target
        if to != src:
            self.moved.emit(sku, max(0, min(to, len(self.rows) - 1)))
        return False  # nothing to remove: the table follows the show, which was asked to move it

    def sku_at(self, row: int) -> str | None:
        return self.rows[row].sku if 0 <= row < len(self.rows) else None

    def matching(self, text: str) -> list[int]:
        """Rows whose name or SKU contains `text` (case-insensitive); every row for no text."""
        needle = text.strip().casefold()
        return [i for i, r in enumerate(self.rows) if not needle or needle in r.name.casefold() or needle in r.sku.casefold()]


def changed_columns(a: ProductRow, b: ProductRow) -> set[int]:
    """The columns whose cells differ between two rows of the same product."""
    return {col for name, cols in _FIELD_COLUMNS.items() if getattr(a, name) != getattr(b, name) for col in cols}


def column_runs(cols: set[int]) -> list[tuple[int, int]]:
    """Columns as runs of neighbours, (first, last) each: one signal per run, and the cells
    between two runs are not measured again (the columns size to their contents)."""
    runs: list[tuple[int, int]] = []
    for col in sorted(cols):
        if runs and runs[-1][1] == col - 1:
            runs[-1] = (runs[-1][0], col)
        else:
            runs.append((col, col))
    return runs


class QueueView(QTableView):
    """Signals: explain_requested(sku)."""

    explain_requested = Signal(str)

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending_select: str | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        # Rows as tall as the text needs: more products in view on a laptop's screen.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Columns fit their contents, but not by ResizeToContents: under it every dataChanged
        # measures every cell of the table again (12 ms for 40 rows, each refresh with a sale).
        # Instead the columns are fitted after a reset, and a column grows when a changed
        # cell needs more room (`_fit_changed`): a refresh costs the changed cells only.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.resizeColumnsToContents)
        model.headerDataChanged.connect(self.resizeColumnsToContents)
        model.dataChanged.connect(self._fit_changed)
        self.resizeColumnsToContents()

    def queue_model(self) -> QueueModel:
        return self.model()  # type: ignore[return-value]

    def _fit_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: object = None) -> None:
        """Widen a column whose changed cells need more room than it has (never narrower
        until the next reset: a figure that shrinks by a digit does not make the row jump)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate, model, grid = self.itemDelegate(), self.model(), 1 if self.showGrid() else 0
        for col in range(top_left.column(), bottom_right.column() + 1):
            if col == COL_NAME:
                continue
            width = self.columnWidth(col)
            for row in range(top_left.row(), bottom_right.row() + 1):
                if delegate.sizeHint(option, model.index(row, col)).width() + grid > width:
                    self.resizeColumnToContents(col)
                    break

    def selected_sku(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        row = rows[0].row() if rows else self.currentIndex().row()
        return self.queue_model().sku_at(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        sku = self.selected_sku()
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Select, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Space would tick the shelf box of the current cell: never by accident
        elif sku is not None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & Qt.KeyboardModifier.ControlModifier:
            row = self.currentIndex().row() + (-1 if key == Qt.Key.Key_Up else 1)
            if 0 <= row < self.queue_model().rowCount():
                self.queue_model().moved.emit(sku, row)
                self._pending_select = sku
        else:
            super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typing does not move the selection either: the shortcuts act on the selected row,
        so a sentence typed here must not silently pick another product."""

    def request_shelf(self) -> bool:
        """Ask for the selected product's shelf to flip; False when no row is selected."""
        sku = self.selected_sku()
        if sku is not None:
            self.queue_model().shelf_toggled.emit(sku)
        return sku is not None

    def request_explain(self) -> bool:
        """Ask for the selected product to be the one explained now; False when none is selected."""
        sku = self.selected_sku()
        if sku is not None:
            self.explain_requested.emit(sku)
        return sku is not None

    def select_sku(self, sku: str) -> None:
        for row, r in enumerate(self.queue_model().rows):
            if r.sku == sku:
                self.selectRow(row)
                return


class QueuePanel(QWidget):
    """The view in a panel; the window wires the model's requests to commands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.view = QueueView(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a product (name or SKU)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    def select_explained(self, sku: str) -> None:
        """Select the product just explained (a move onto its slot), and show its row."""
        self.view.select_sku(sku)
        self.view.scrollTo(self.view.currentIndex())

    def _search_changed(self, text: str) -> None:
        shown = self.apply_search()
        if text.strip() and shown:
            self.view.selectRow(shown[0])
            self.view.scrollTo(self.model.index(shown[0], COL_NAME))

    def apply_search(self) -> list[int]:
        """Hide the rows the search does not match; returns the rows shown."""
        shown = self.model.matching(self.search.text())
        keep = set(shown)
        for row in range(self.model.rowCount()):
            self.view.setRowHidden(row, row not in keep)
        return shown

    def show_rows(self, rows: Sequence[ProductRow]) -> None:
        selected = self.view.selected_sku()
        pending = self.view._pending_select
        reordered = [r.sku for r in rows] != [r.sku for r in self.model.rows]
        self.model.set_rows(rows)
        if reordered and self.search.text().strip():
            self.apply_search()
        if reordered and (pending or selected):
            self.view.select_sku(pending or selected or "")
        self.view._pending_select = None
