"""Import dialogs: a platform export with its column mapping shown and correctable,
and the simple imports/exports (products, plan, product template) as menu actions.

Every import is all or nothing: on a refusal the dialog lists every (row, column, why)
and the show is unchanged. A product sheet or a plan is merged into the show (nothing
in use is removed, no sales history rewritten) after a preview the user confirms
(import_preview.py). Files are read in a child process (ui/sheet_reader.py): the
window keeps running while a sheet is read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.commands import CommandError
from controlroom.core.edits import EditPreview
from controlroom.core.platform_rows import COLUMNS, ORDERS, TREND, PlatformImport, PlatformSpec
from controlroom.services import editing
from controlroom.services.bulk_import import import_in_child
from controlroom.services.show_service import ShowService
from controlroom.sheets.platform_import import PlatformExport, export_from_rows
from controlroom.sheets.table import SheetError
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import sheet_texts, texts
from controlroom.ui.background import Job, run_in_background
from controlroom.ui.live_data.import_preview import ImportPreviewDialog
from controlroom.ui.sheet_reader import read_plan_responsive, read_preview_responsive, read_products_responsive

PREVIEW_ROWS = 8
SHEETS = "Spreadsheets (*.xlsx *.csv)"


def local_zone_name() -> str:
    """The computer's zone as an IANA name when it can be told, else its UTC offset."""
    local = dt.datetime.now().astimezone()
    key = getattr(local.tzinfo, "key", None)
    if key:
        return key
    try:
        return str(Path("/etc/localtime").resolve()).split("zoneinfo/")[1]
    except (IndexError, OSError):
        return local.strftime("%z")


def parse_zone(text: str) -> dt.tzinfo:
    """An IANA name (Asia/Shanghai) or an offset (+0800, +08:00); ValueError otherwise."""
    text = text.strip()
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    try:
        return dt.datetime.strptime(text.replace(":", ""), "%z").tzinfo  # type: ignore[return-value]
    except ValueError:
        raise ValueError(f"{text!r} is not a time zone (Asia/Shanghai or +08:00)") from None


class PlatformImportDialog(QDialog):
    """Attributes: export (the file read), result (PlatformImport after a successful import)."""

    def __init__(
        self, service: ShowService, export: PlatformExport, parent: QWidget | None = None,
        rows_in_file: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.export = export  # its rows: the first ones at least (the file is mapped in a child)
        self.rows_in_file = len(export.rows) if rows_in_file is None else rows_in_file
        self.result_import: PlatformImport | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import platform export: %1").replace("%1", export.path.name))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Per-minute trend"), TREND)
        self.kind.addItem(self.tr("Order list"), ORDERS)
        self.kind.setCurrentIndex(0 if export.kind == TREND else 1)
        self.kind.currentIndexChanged.connect(self._fill_mapping)
        self.zone = QLineEdit(local_zone_name())
        day = dt.datetime.fromtimestamp(service.show_time())  # a time of day without a date: the show's day
        self.day = QDateEdit(QDate(day.year, day.month, day.day), calendarPopup=True)
        self.cumulative = QComboBox()
        for text, value in (
            (self.tr("from the header (累计 = running total)"), None),
            (self.tr("running totals"), True),
            (self.tr("per minute"), False),
        ):
            self.cumulative.addItem(text, value)
        self.fill_gaps = QCheckBox(self.tr("Only minutes the live feed has no data for (fill gaps)"))
        self.mapping_box = QGroupBox(self.tr("Columns"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        self.problems = QPlainTextEdit(readOnly=True)
        self.problems.setVisible(False)
        self._build()
        self._fill_mapping()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Time zone of the file's times"), self.zone)
        form.addRow(self.tr("Date for times without one"), self.day)
        form.addRow(self.tr("GMV / order columns"), self.cumulative)
        form.addRow(self.fill_gaps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.mapping_box)
        box.addWidget(QLabel(self.tr("First rows of the file")))
        box.addWidget(self._preview())
        box.addWidget(self.problems)
        box.addWidget(buttons)

    def _preview(self) -> QTableWidget:
        rows = self.export.rows[:PREVIEW_ROWS]
        table = QTableWidget(len(rows), len(self.export.headers))
        table.setHorizontalHeaderLabels(self.export.headers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row[: len(self.export.headers)]):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        return table

    def _fill_mapping(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos.clear()
        kind = self.kind.currentData()
        proposed = self.export.mapping if kind == self.export.kind else {}
        for field in COLUMNS[kind]:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), None)
            for i, h in enumerate(self.export.headers):
                combo.addItem(h or f"#{i + 1}", i)
            if field in proposed:
                combo.setCurrentIndex(proposed[field] + 1)
            self.combos[field] = combo
            self.mapping_form.addRow(field, combo)

    def spec(self) -> PlatformSpec:
        """What the dialog shows, as the importer's spec (ValueError for a bad zone)."""
        mapping = {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        return PlatformSpec(
            self.kind.currentData(),
            mapping,
            parse_zone(self.zone.text()),
            self.day.date().toPython(),
            self.cumulative.currentData(),
            self.fill_gaps.isChecked(),
        )

    def do_import(self) -> Job | None:
        """Map the file in a child process and commit it from a worker thread
        (services/bulk_import.py `import_in_child`, ui/background.py): the dialog steps
        aside meanwhile (the show stays usable), closes when the import is in, or comes back
        listing what was refused. Returns the job (None when the settings are refused)."""
        try:
            spec = self.spec()
        except ValueError as exc:
            self._refused(exc)
            return None
        spec.file_key = self.export.file_key  # the child maps the file it reads again only if it is this one
        self.hide()
        label = self.tr("Importing %1 rows of %2…").replace("%1", str(self.rows_in_file))
        self.job = run_in_background(
            self.parentWidget(),
            label.replace("%2", self.export.path.name),
            lambda progress: import_in_child(self.service, self.export.path, spec, progress),
            self._imported,
            self._refused,
        )
        return self.job

    def _imported(self, result: PlatformImport) -> None:
        self.result_import = result
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, SheetError):
            problems = sheet_texts.problems(exc.problems)
        elif isinstance(exc, ValueError | StoreUnavailable):
            problems = [texts.refusal(exc)]
        else:  # a fault of ours: said, never a crash of the window; the show is unchanged
            problems = [f"{type(exc).__name__}: {exc}"]
        self.problems.setPlainText(self.tr("Nothing was imported:") + "\n" + "\n".join(problems))
        self.problems.setVisible(True)
        self.show()


class ImportActions(QObject):
    """The Data menu actions; each asks for a file, then imports all or nothing."""

    def __init__(self, parent: QWidget | None, service_of) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.service_of = service_of

    def _service(self) -> ShowService | None:
        service = self.service_of()
        if service is None:
            QMessageBox.information(self.parent_widget, self.tr("Import"), self.tr("Open a show first."))
        return service

    def _refused(self, exc: SheetError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Nothing was imported"), sheet_texts.refusal(exc), parent=self.parent_widget
        )
        box.setDetailedText("\n".join(sheet_texts.problems(exc.problems)))
        box.exec()

    def import_products(self, path: str | None = None) -> ImportPreviewDialog | None:
        """Read a product sheet, show what importing it would change, merge it on Apply.
        Opens the preview (not modal, returned for tests); None when the sheet is refused."""
        service = self._service()
        path = path or QFileDialog.getOpenFileName(self.parent_widget, self.tr("Product sheet"), "", SHEETS)[0]
        if service is None or not path:
            return None
        try:
            sheet = read_products_responsive(path, self.parent_widget)
            preview = editing.preview_products(service, sheet)
        except SheetError as exc:
            self._refused(exc)
            return None
        except CommandError as exc:
            self._refused(SheetError([texts.error(str(exc))]))
            return None
        title = self.tr("Import product sheet: %1").replace("%1", Path(path).name)
        return self._confirm(title, preview, lambda shown: editing.import_products(service, sheet, shown))

    def import_plan(self, path: str | None = None) -> ImportPreviewDialog | None:
        """Read a plan, show what importing it would change (the segment on air stays),
        apply it on Apply. Opens the preview (returned for tests); None when refused."""
        service = self._service()
        path = path or QFileDialog.getOpenFileName(self.parent_widget, self.tr("Plan"), "", SHEETS)[0]
        if service is None or not path:
            return None
        try:
            plan = read_plan_responsive(path, self.parent_widget, service.edit_source().product_list())
            preview = editing.preview_plan(service, plan)
        except SheetError as exc:
            self._refused(exc)
            return None
        except CommandError as exc:
            self._refused(SheetError([texts.error(str(exc))]))
            return None
        title = self.tr("Import plan: %1").replace("%1", Path(path).name)
        return self._confirm(title, preview, lambda shown: editing.import_plan(service, plan, shown))

    def _confirm(self, title: str, preview: EditPreview, apply) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(title, preview, apply, self.parent_widget)
        dialog.open()
        return dialog

    def export_plan(self, path: str | None = None) -> bool:
        from controlroom.sheets.plan_io import write_plan

        service = self._service()
        path = path or QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export plan"), "plan.xlsx", SHEETS)[0]
        if service is None or not path:
            return False
        write_plan(path, service.edit_source().plan())
        return True

    def product_template(self, path: str | None = None) -> bool:
        from controlroom.sheets.product_template import write_product_template

        path = (
            path
            or QFileDialog.getSaveFileName(self.parent_widget, self.tr("Product template"), "products.xlsx", SHEETS)[0]
        )
        if not path:
            return False
        write_product_template(path)
        return True

    def import_platform(self, path: str | None = None) -> PlatformImportDialog | None:
        """Opens the mapping dialog (not modal, returned for tests); None when refused."""
        service = self._service()
        path = path or QFileDialog.getOpenFileName(self.parent_widget, self.tr("Platform export"), "", SHEETS)[0]
        if service is None or not path:
            return None
        try:
            headers, first_rows, count = read_preview_responsive(path, self.parent_widget, PREVIEW_ROWS)
            export = export_from_rows(path, headers, first_rows)  # the rows are mapped in a child
        except SheetError as exc:
            self._refused(exc)
            return None
        dialog = PlatformImportDialog(service, export, self.parent_widget, rows_in_file=count)
        dialog.open()
        return dialog
