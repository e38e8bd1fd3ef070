"""The confirmation of a product sheet or plan import: what will change, per SKU or
segment (added / updated / kept / removed / refused, and why), applied only on Apply.

The service judges the import again when it is applied; if the show changed in between
(a sale, a product put on shelf) the dialog shows the new preview and asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.commands import CommandError
from controlroom.core.edits import ADDED, KEPT, REFUSED, REMOVED, UPDATED, Change, EditPreview
from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role
from controlroom.services.editing import StalePreview
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import texts

Apply = Callable[[EditPreview], EditPreview]


class ImportPreviewDialog(QDialog):
    """Attributes: preview (shown), table, summary, message, apply_button, result (the
    EditPreview applied, after Apply)."""

    def __init__(self, title: str, preview: EditPreview, apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 480)
        self._apply = apply
        self.result_preview: EditPreview | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Change"), self.tr("SKU / segment"), self.tr("Name"), self.tr("What changes"), self.tr("Why")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.show_preview(preview)

    def show_preview(self, preview: EditPreview) -> None:
        self.preview = preview
        counts = [(self.action(a), preview.count(a)) for a in (ADDED, UPDATED, KEPT, REMOVED, REFUSED)]
        unchanged = self.tr("unchanged")
        parts = [f"{label} {n}" for label, n in counts if n] + [f"{unchanged} {preview.unchanged}"]
        self.summary.setText(" · ".join(parts))
        self.table.setRowCount(len(preview.changes))
        for r, c in enumerate(preview.changes):
            cells = (self.action(c.action), c.key, c.name, self.fields(c), texts.error(c.why) if c.why else "")
            for col, text in enumerate(cells):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.apply_button.setEnabled(preview.changed)
        if not preview.changed:
            self.message.setText(self.tr("Nothing to change: the show already has what the file says."))

    def confirm(self) -> None:
        """Apply what is shown, if it is still what the import does; else show the new preview."""
        try:
            self.result_preview = self._apply(self.preview)
        except StalePreview as stale:
            self.show_preview(stale.preview)
            self.message.setText(self.tr("The show changed since this preview (a sale, a product on shelf): "
                                         "check the changes again and Apply."))
            return
        except (CommandError, StoreUnavailable) as exc:  # StoreUnavailable: the log cannot write now
            self.message.setText(texts.refusal(exc))
            return
        self.accept()

    def action(self, code: str) -> str:
        return {ADDED: self.tr("added"), UPDATED: self.tr("updated"), KEPT: self.tr("kept"),
                REMOVED: self.tr("removed"), REFUSED: self.tr("refused")}.get(code, code)

    def fields(self, c: Change) -> str:
        return "; ".join(self._field(f, old, new) for f, old, new in c.fields)

    def _field(self, name: str, old: Any, new: Any) -> str:
        labels = {
            "name": self.tr("name"), "role": self.tr("role"), "price": self.tr("price"), "stock": self.tr("stock"),
            "selling_points": self.tr("selling points"), "promo": self.tr("promo"), "kind": self.tr("kind"),
            "title": self.tr("title"), "planned_s": self.tr("minutes"), "product_sku": self.tr("product"),
            "notes": self.tr("notes"), "order": self.tr("order of the segments"),
            "gmv_target": self.tr("GMV target"), "orders_target": self.tr("order target"),
        }
        if name == "order":
            return labels[name]
        return f"{labels.get(name, name)} {self._value(name, old)} → {self._value(name, new)}"

    def _value(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if name == "planned_s":
            return f"{value / 60:g}"
        if name == "role":
            return texts.role(Role(value))
        if name == "kind":
            return texts.segment_kind(SegmentKind(value))
        if name == "notes":
            return str(value).replace("\n", " · ")[:40]
        return f"{value:g}" if isinstance(value, float) else str(value)
