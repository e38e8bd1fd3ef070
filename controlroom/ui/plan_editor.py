"""The plan editor: segments and products of the show, before and during it; a product
sheet import; nothing is saved until Apply, and nothing at all if a row is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role
from controlroom.core.targets import AirRate
from controlroom.services.show_service import ShowService
from controlroom.sheets.errors import SheetError
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import sheet_texts, texts
from controlroom.ui.background import Job, beside_jobs, run_in_background
from controlroom.ui.plan_draft import PlanDraft
from controlroom.ui.plan_models import ComboDelegate, DraftModel, ProductsModel, SegmentsModel
from controlroom.ui.sheet_reader import read_products_responsive

__all__ = ["ComboDelegate", "DraftModel", "PlanEditor", "ProductsModel", "SegmentsModel"]


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
        self.rates: dict[str, AirRate] | None = None  # the room's history, once read (off the UI thread)
        self.history_job: Job | None = None
        self._fill_when_read = False
        self._rows_waiting: list[int] = []  # slots given a product while the history was being read
        self.segments.product_chosen.connect(self._default_targets_for)
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
            (self.tr("Fill targets"), self.fill_targets),
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

    # -- default targets from the room's history -----------------------------------
    def read_history(self) -> None:
        """Read the room's earlier shows on a worker thread (once); fill targets after if asked."""
        if self.rates is not None or self.history_job is not None:
            return
        repo, show_id = self.service.repo, self.service.show_id
        self.history_job = run_in_background(self, self.tr("Reading the room's earlier shows…"),
                                             lambda _progress: repo.room_air_rates(show_id),
                                             self._history_read, self._history_failed)

    def _history_read(self, rates: Any) -> None:
        self.rates, self.history_job = dict(rates), None
        waiting, self._rows_waiting = self._rows_waiting, []
        for row in waiting:
            self._default_targets_for(row)
        if self._fill_when_read:
            self._fill_when_read = False
            self.fill_targets()

    def _history_failed(self, exc: BaseException) -> None:
        self.history_job, self._fill_when_read, self._rows_waiting = None, False, []
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(self.tr("The room's earlier shows could not be read: %1").replace("%1", str(exc)))

    def fill_targets(self) -> None:
        """The empty targets of the product slots, from the room's history (docs/window.md)."""
        if self.rates is None:
            self._fill_when_read = True
            self.read_history()
            return
        filled, missing = self.draft.fill_targets(self.rates)
        self.segments.reset()
        self.message.setStyleSheet("color: #2e7d32;" if not missing else "color: #ef6c00;")
        text = self.tr("Targets filled for %1 product slots from the room's earlier shows.").replace("%1", str(filled))
        if missing:
            text += " " + self.tr("%1 slots left empty: the room has no history of their product.").replace(
                "%1", str(missing))
        self.message.setText(text + " " + self.tr("Apply to save."))

    def _default_targets_for(self, row: int) -> None:
        """A slot just given a product takes its default targets, when the room has history."""
        if self.rates is None:
            self._rows_waiting.append(row)
            self.read_history()
        elif row < len(self.draft.segments) and self.draft.fill_targets(self.rates, rows=[row])[0]:
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
            self.draft.saved(beside_jobs(self.service.save_plan_and_products, list(self.draft.products), self.draft.plan()))
        except (ValueError, StoreUnavailable) as exc:  # StoreUnavailable: the log cannot write now
            self.message.setText(texts.refusal(exc))
            return False
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Saved."))
        return True
