"""The plan editor: segments and products of the show, before and during it; a product
sheet import; nothing is saved until Apply, and nothing at all if a row is wrong."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role, parse_role
from controlroom.services.show_service import ShowService
from controlroom.sheets.errors import SheetError
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import sheet_texts, texts
from controlroom.ui.plan_draft import PlanDraft
from controlroom.ui.sheet_reader import read_products_responsive

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


class DraftModel(QAbstractTableModel):
    """Base for the two tables: rows of the draft, cells parsed on edit.
    Signals: problem(text) — a refused edit, naming its row and field."""

    problem = Signal(str)
    columns: tuple[str, ...] = ()

    def __init__(self, draft: PlanDraft, parent: object = None) -> None:
        super().__init__(parent)
        self.draft = draft

    def items(self) -> list:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def headers(self) -> list[str]:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def refuse(self, row: int, field: str, value: object) -> bool:
        self.problem.emit(self.tr("Row %1, %2: “%3” is not valid").replace("%1", str(row + 1))
                          .replace("%2", field).replace("%3", str(value)))
        return False


class SegmentsModel(DraftModel):
    columns = ("kind", "title", "minutes", "product", "notes")

    def items(self) -> list:
        return self.draft.segments

    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Title"), self.tr("Minutes"), self.tr("Product"), self.tr("Notes")]

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid() or role not in (DISPLAY, EDIT):
            return None
        s = self.draft.segments[index.row()]
        col = self.columns[index.column()]
        if col == "kind":
            return texts.segment_kind(s.kind) if role == DISPLAY else s.kind.value
        if col == "minutes":
            return f"{s.planned_s / 60:g}"
        if col == "product":
            names = {p.sku: p.name for p in self.draft.products}
            return names.get(s.product_sku or "", s.product_sku or "") if role == DISPLAY else (s.product_sku or "")
        if col == "notes":
            return s.notes.replace("\n", " · ") if role == DISPLAY else s.notes
        return s.title

    def setData(self, index: Index, value: object, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid():
            return False
        row, col = index.row(), self.columns[index.column()]
        s = self.draft.segments[row]
        text = str(value).strip()
        if col == "kind":
            try:
                s.kind = SegmentKind(text)
            except ValueError:
                return self.refuse(row, self.headers()[0], value)
        elif col == "minutes":
            try:
                minutes = float(text)
            except ValueError:
                return self.refuse(row, self.headers()[2], value)
            if not 0 < minutes <= 24 * 60:
                return self.refuse(row, self.headers()[2], value)
            s.planned_s = minutes * 60.0
        elif col == "product":
            s.product_sku = text or None
        elif col == "notes":
            s.notes = str(value)
        elif not text:
            return self.refuse(row, self.headers()[1], value)
        else:
            s.title = text
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True


class ProductsModel(DraftModel):
    columns = ("sku", "name", "role", "price", "stock", "selling_points", "promo")

    def items(self) -> list:
        return self.draft.products

    def headers(self) -> list[str]:
        return [self.tr("SKU"), self.tr("Name"), self.tr("Role"), self.tr("Price"), self.tr("Stock"),
                self.tr("Selling points"), self.tr("Promo")]

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid() or role not in (DISPLAY, EDIT):
            return None
        p = self.draft.products[index.row()]
        col = self.columns[index.column()]
        if col == "role":
            return texts.role(p.role) if role == DISPLAY else p.role.value
        if col == "price":
            return f"{p.price:g}"
        return str(getattr(p, col))

    def setData(self, index: Index, value: object, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid():
            return False
        row, col = index.row(), self.columns[index.column()]
        p = self.draft.products[row]
        text = str(value).strip()
        try:
            new = self._parse(col, text)
        except ValueError:
            return self.refuse(row, self.headers()[index.column()], value)
        why = self._refusal(p, col, new)
        if why:
            self.problem.emit(why)
            return False
        if col == "sku" and new != p.sku:
            if any(q.sku == new for q in self.draft.products):
                return self.refuse(row, self.headers()[0], value)
            for s in self.draft.segments:  # segments follow their product
                if s.product_sku == p.sku:
                    s.product_sku = new
        setattr(p, col, new)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True

    def _refusal(self, p: object, col: str, new: object) -> str | None:
        """The core's reason a product in use keeps its SKU or its stock, translated."""
        sku = p.sku  # type: ignore[attr-defined]
        if col == "sku" and new != sku:
            return self.draft.rename_refusal(sku)
        if col == "stock" and new != p.stock:  # type: ignore[attr-defined]
            return self.draft.stock_refusal(sku)
        return None

    def _parse(self, col: str, text: str) -> object:
        if col == "role":
            return parse_role(text)
        if col == "price":
            price = float(text)
            if not price >= 0 or price == float("inf"):
                raise ValueError
            return price
        if col == "stock":
            stock = int(text)
            if stock < 0:
                raise ValueError
            return stock
        if col in ("sku", "name") and not text:
            raise ValueError
        return text


class ComboDelegate(QStyledItemDelegate):
    """A combo box editor whose choices (label, value) come from a function."""

    def __init__(self, choices: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self.choices():  # type: ignore[operator]
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(EDIT))
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT)  # type: ignore[attr-defined]


class PlanEditor(QDialog):
    """Attributes: draft, segments (SegmentsModel), products (ProductsModel), message."""

    def __init__(self, service: ShowService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Plan and products"))
        self.resize(1000, 560)
        source = service.edit_source()
        self.draft = PlanDraft.of(source)
        self._minutes = source.planned_minutes
        self._settings = source.settings
        self.segments = SegmentsModel(self.draft, self)
        self.products = ProductsModel(self.draft, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        for model in (self.segments, self.products):
            model.problem.connect(self.message.setText)
        self.tabs = QTabWidget()
        self.segment_view = self._table(self.segments)
        self.segment_view.setItemDelegateForColumn(0, ComboDelegate(self._kind_choices, self))
        self.segment_view.setItemDelegateForColumn(3, ComboDelegate(self._product_choices, self))
        self.product_view = self._table(self.products)
        self.product_view.setItemDelegateForColumn(2, ComboDelegate(self._role_choices, self))
        self.tabs.addTab(self._page(self.segment_view, self._segment_buttons()), self.tr("Segments"))
        self.tabs.addTab(self._page(self.product_view, self._product_buttons()), self.tr("Products"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _table(self, model: DraftModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _page(self, view: QTableView, buttons: QHBoxLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view)
        layout.addLayout(buttons)
        return page

    def _buttons(self, spec: list[tuple[str, object]]) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, slot in spec:
            b = QPushButton(label)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _segment_buttons(self) -> QHBoxLayout:
        return self._buttons([
            (self.tr("Add"), lambda: self._edit(self.segments, lambda r: self.draft.add_segment(r))),
            (self.tr("Remove"), lambda: self._edit(self.segments, lambda r: self.draft.remove_segment(r))),
            (self.tr("Up"), lambda: self._edit(self.segments, lambda r: self.draft.move(self.draft.segments, r, -1))),
            (self.tr("Down"), lambda: self._edit(self.segments, lambda r: self.draft.move(self.draft.segments, r, 1))),
            (self.tr("Default plan"), self._default),
        ])

    def _product_buttons(self) -> QHBoxLayout:
        return self._buttons([
            (self.tr("Add"), lambda: self._edit(self.products, lambda r: self.draft.add_product())),
            (self.tr("Remove"), lambda: self._edit(self.products, lambda r: self.draft.remove_product(r))),
            (self.tr("Up"), lambda: self._edit(self.products, lambda r: self.draft.move(self.draft.products, r, -1))),
            (self.tr("Down"), lambda: self._edit(self.products, lambda r: self.draft.move(self.draft.products, r, 1))),
            (self.tr("Import product sheet…"), self._import),
        ])

    def _kind_choices(self) -> list[tuple[str, str]]:
        return [(texts.segment_kind(k), k.value) for k in SegmentKind]

    def _role_choices(self) -> list[tuple[str, str]]:
        return [(texts.role(r), r.value) for r in Role]

    def _product_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("(none)"), "")] + [(p.name, p.sku) for p in self.draft.products]

    def _edit(self, model: DraftModel, change: object) -> None:
        view = self.segment_view if model is self.segments else self.product_view
        row = view.currentIndex().row()
        try:
            new_row = change(row)  # type: ignore[operator]
        except (ValueError, IndexError) as exc:
            self.message.setText(str(exc))
            return
        model.reset()
        if isinstance(new_row, int) and new_row >= 0:
            view.selectRow(new_row)
        self.message.clear()

    def _default(self) -> None:
        try:
            self.draft.default(self._minutes, self._settings)
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.segments.reset()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Product sheet"), "", "Product sheets (*.xlsx *.csv)")
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: str) -> None:
        """Merge a product sheet into the draft: products in use keep what the import rules keep."""
        try:
            added, updated = self.draft.import_sheet(read_products_responsive(path, self))
        except SheetError as exc:  # names the row and the column
            self.message.setText(sheet_texts.refusal(exc))
            return
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.products.reset()
        self.segments.reset()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("%1 products added, %2 updated; products in use keep their name, role and "
                                     "stock history. Apply to save.").replace("%1", str(added)).replace("%2", str(updated)))

    def apply(self) -> bool:
        """Save products and plan as one edit, only when every row is valid (the service
        judges it again: a product may have gone on shelf or sold since the editor opened)."""
        problems = self.draft.problems()
        self.message.setStyleSheet("color: #c62828;")
        if problems:
            self.message.setText("\n".join(problems[:5]))
            return False
        try:
            self.draft.saved(self.service.save_plan_and_products(list(self.draft.products), self.draft.plan()))
        except (ValueError, StoreUnavailable) as exc:  # StoreUnavailable: the log cannot write now
            self.message.setText(texts.refusal(exc))
            return False
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Saved."))
        return True
