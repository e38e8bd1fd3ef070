"""The plan editor's tables: the draft's segments and products as Qt models (cells parsed
on edit, a refused edit named by row and field), and the combo box editor their kind,
product and role columns use."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from controlroom.core.plan import MAX_GMV_TARGET, MAX_ORDERS_TARGET, SegmentKind
from controlroom.core.products import parse_role
from controlroom.ui import texts
from controlroom.ui.plan_draft import PlanDraft

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
    """Signals: product_chosen(row) — a segment was given a product (its default targets may follow)."""

    product_chosen = Signal(int)
    columns = ("kind", "title", "minutes", "product", "gmv_target", "orders_target", "notes")

    def items(self) -> list:
        return self.draft.segments

    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Title"), self.tr("Minutes"), self.tr("Product"), self.tr("GMV target (¥)"),
                self.tr("Order target"), self.tr("Notes")]

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
            notes = texts.segment_notes(s.notes)  # an older show's bilingual defaults in the window's language
            return notes.replace("\n", " · ") if role == DISPLAY else notes
        if col == "gmv_target":
            return "" if s.gmv_target is None else f"{s.gmv_target:.2f}" if role == DISPLAY else f"{s.gmv_target:g}"
        if col == "orders_target":
            return "" if s.orders_target is None else str(s.orders_target)
        return texts.segment_title(s.title)

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
            chosen = (text or None) != s.product_sku and bool(text)
            s.product_sku = text or None
            if chosen:
                self.product_chosen.emit(row)
        elif col in ("gmv_target", "orders_target"):
            target = parse_target(text, whole=col == "orders_target")
            if target is False:
                return self.refuse(row, self.headers()[index.column()], value)
            setattr(s, col, target)
        elif col == "notes":
            if str(value) != texts.segment_notes(s.notes):  # the shown legacy notes, unchanged, stay as logged
                s.notes = str(value)
        elif not text:
            return self.refuse(row, self.headers()[1], value)
        elif text != texts.segment_title(s.title):  # the shown legacy title, unchanged, stays as logged
            s.title = text
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True


def parse_target(text: str, whole: bool) -> float | int | None | bool:
    """A target as typed: empty is none (None); a finite number ≥ 0 (whole for orders); else False."""
    text = text.replace(",", "").lstrip("¥￥").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return False
    if not math.isfinite(number) or number < 0 or number > (MAX_ORDERS_TARGET if whole else MAX_GMV_TARGET):
        return False
    if whole:
        return int(number) if number.is_integer() else False
    return round(number, 2)


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
