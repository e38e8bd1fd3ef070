"""A problem with an imported sheet: a code, its parameters and where it is (file, row,
column, field), so the window can word it in its own language, while the problem itself
is the English sentence the command line prints (it is a str)."""

from __future__ import annotations

from typing import Any

# code → the English reason (after "row N, column C: "); the window's templates
# (ui/sheet_texts.py) are these same strings, translated.
ENGLISH: dict[str, str] = {
    "text": "{text}",  # a sentence from elsewhere, without a code: shown as it is
    # files
    "no_file": "no such file",
    "unreadable": "cannot be read ({detail})",
    "xls": "an Excel 97–2003 (.xls) file: save it as .xlsx (or .csv) and import that",
    "not_a_sheet": "use an .xlsx or .csv file",
    "empty_sheet": "the sheet is empty",
    # limits (core/sheet_limits.py)
    "too_many_columns": "more than {limit} columns; a {what} has at most {limit}",
    "too_many_rows": "more than {limit} rows of data; a {what} has at most {limit}",
    "too_many_cells": "more than {limit} filled cells; a {what} has at most {limit}",
    "too_large_area": "more than {limit} cells, blank ones included; a {what} holds at most {limit} "
                      "(delete the columns you do not need)",
    "cell_too_long": "the text is {length} characters long; a {what} cell holds at most {limit}",
    "too_much_text": "more than {limit} characters of text; a {what} holds at most {limit}",
    "formula": "a formula without a saved value; save the sheet in Excel (or paste values)",
    # CSV
    "csv_too_big": "the file is {size} MB; a CSV may be at most {limit} MB",
    "csv_cell_too_long": "a cell is longer than {limit} characters",
    "csv_bad_row": "not a CSV row ({detail})",
    "not_text": "not UTF-8 or GB18030 text",
    "line_too_long": "a line longer than {limit} bytes",
    # XLSX
    "not_zip": "not an .xlsx workbook (it is not a zip file); save it again from Excel",
    "too_many_parts": "the workbook has {count} parts; at most {limit}",
    "unpacks_too_big": "the workbook would unpack to {size} MB; at most {limit} MB (nothing was read)",
    "zip_bomb": "{part} is packed {ratio}:1 (a zip bomb?); a workbook's parts pack at most {limit}:1 "
                "(nothing was read)",
    "strings_too_big": "the workbook's text table is {size} MB; at most {limit} MB",
    "no_worksheet": "the workbook has no worksheet",
    "xml_too_deep": "the sheet's XML nests deeper than {limit}",
    "cell_too_many_parts": "a cell made of more than {limit} parts",
    "row_too_many_cells": "more cells than Excel has columns ({limit})",
    "past_last_row": "more rows than Excel has ({limit})",
    "bad_row_number": "{value} is not a row number of Excel's (1–{limit})",
    "bad_cell": "cell {cell} cannot be read ({detail})",
    "past_last_column": "column {number} is past Excel's last column ({limit})",
    # the child process that reads a sheet (sheets/transfer.py)
    "reader_too_much": "the reader sent more than {limit} bytes (nothing was imported)",
    "reader_frame": "the reader sent a frame of {size} bytes (nothing was imported)",
    "reader_broken": "the reader's output is broken ({detail}) (nothing was imported)",
    "reader_rows": "more than {limit} rows of data (nothing was imported)",
    "file_changed": "the file changed since it was read: import it again (nothing was imported)",
    # product sheets (core/sheet_rows.py)
    "missing_column": "missing column {field} ({names})",
    "too_many_products": "{count} products: at most {limit} in one sheet",
    "repeats": "{label} {value} repeats row {first}",
    "no_rows": "the sheet has no {what} rows",
    "bad_role": "unknown role {value} (use 引流款/利润款/形象款 or traffic/profit/image)",
    "bad_price": "{value} is not a price ≥ 0",
    "bad_stock": "{value} is not a whole number ≥ 0",
    "empty_field": "the {label} is empty",
    "line_break": "the {label} has a line break; a {label} is one line",
    "field_too_long": "the {label} is {length} characters long; at most {limit}",
    "text_too_long": "the text is {length} characters long; at most {limit}",
    # plans (core/plan_rows.py)
    "too_many_segments": "{count} segments: at most {limit} in one plan",
    "bad_kind": "{value} is not a kind (开场/产品讲解/互动/逼单/结束语/自由)",
    "bad_minutes": "{value} is not a number of minutes between 0 and {limit}",
    "unknown_product": "{value} is neither a SKU nor a product name of this show",
    "slot_needs_product": "a product slot needs a product",
    # platform exports (core/platform_rows.py)
    "no_column_chosen": "no column chosen for {field}",
    "choose_one": "choose at least one of online, gmv, orders",
    "not_a_field": "{field} is not a field of a {kind} export",
    "no_such_column": "column {number} for {field} does not exist",
    "too_many_export_rows": "{count} rows: at most {limit} in one export",
    "bad_number": "{value} is not a number ≥ 0",
    "bad_whole_number": "{value} is not a whole number ≥ 0",
    "not_a_time": "{value} is not a time",
    "no_date": "{value} has no date: give the show's date",
    "bad_time": "{value} is not a time (use 2026-01-01 20:05 or 20:05)",
    "total_went_down": "a running total went down",
    "clash": "{count} minutes ({first}–{last}) already have live {what} in the log: nothing imported. "
             "Import only the missing minutes (fill gaps), or use another show.",
    "order_repeats": "order {value} repeats row {first}",
    "empty_order_id": "the order id is empty",
    "empty_amount": "the amount is empty",
    "zero_quantity": "a quantity of 0 is not an order",
}
# Parameters whose values are our own words (field names, kinds of sheet): the window
# translates them too; every other parameter is the user's value or a number.
WORD_PARAMS = ("field", "label", "what", "kind")
_WHERE = ("file", "row", "column", "field")


class SheetProblem(str):
    """The English sentence ("x.csv: row 3, column 价格: 'abc' is not a price ≥ 0"), with
    `code`, `params` (texts) and where: `file`, `row`, `column` (the sheet's own header
    or letter) and `field` (ours: "price")."""

    code: str
    params: dict[str, str]
    why: str  # the English reason, without the place
    file: str | None
    row: int | None
    column: str | None
    field: str | None

    def __new__(cls, code: str, *, file: str | None = None, row: int | None = None, column: str | None = None,
                field: str | None = None, **params: Any) -> SheetProblem:
        texts = {k: v if type(v) is str else str(v) for k, v in params.items()}
        why = ENGLISH[code].format(**texts, field=field or "")
        return cls._placed(code, texts, why, file, row, column, field)

    @classmethod
    def _placed(cls, code: str, params: dict[str, str], why: str, file: str | None, row: int | None,
                column: str | None, field: str | None) -> SheetProblem:
        # without formatting the reason again: a 100,000-row export can be all bad
        self = str.__new__(cls, english(why, file=file, row=row, column=column))
        self.code, self.params, self.why = code, params, why
        self.file, self.row, self.column, self.field = file, row, column, field
        return self

    def at(self, *, file: str | None = None, row: int | None = None, column: str | None = None,
           field: str | None = None) -> SheetProblem:
        """The same problem, placed (in a file, at a row or column) where it was not yet."""
        return self._placed(self.code, self.params, self.why, self.file or file,
                            self.row if self.row is not None else row, self.column or column, self.field or field)

    def wire(self) -> tuple[str, dict[str, str], dict[str, Any]]:
        """Plain values, for the child process that reads a sheet to send (no classes)."""
        return self.code, dict(self.params), {k: getattr(self, k) for k in _WHERE}

    def __reduce__(self) -> tuple[Any, ...]:
        return _from_wire, (self.wire(),)


def english(why: str, *, file: str | None = None, row: int | None = None, column: str | None = None) -> str:
    if row is not None and column:
        why = f"row {row}, column {column}: {why}"
    elif row is not None:
        why = f"row {row}: {why}"
    elif column:
        why = f"column {column}: {why}"
    return f"{file}: {why}" if file else why


def _from_wire(wired: Any) -> SheetProblem:
    code, params, where = wired
    return SheetProblem(code, **where, **params)


def from_wire(wired: Any) -> str:
    """A problem as `SheetProblem.wire` sent it (a plain str stays one); a text when unknown."""
    if isinstance(wired, str):
        return wired
    try:
        code, params, where = wired
        if code in ENGLISH and set(where) <= set(_WHERE):
            return _from_wire((code, {str(k): str(v) for k, v in params.items()}, where))
    except (TypeError, ValueError, KeyError, IndexError):
        pass
    return SheetProblem("text", text=str(wired)[:500])


def to_wire(problem: str) -> Any:
    return problem.wire() if isinstance(problem, SheetProblem) else str(problem)


class ProblemError(ValueError):
    """A ValueError that carries its SheetProblem (a bad cell found deep in a parser)."""

    def __init__(self, problem: SheetProblem) -> None:
        super().__init__(problem)  # str(exc) is its English sentence
        self.problem = problem


def problem_of(exc: Exception) -> SheetProblem:
    """The exception's problem; a ValueError from elsewhere becomes a "text" one."""
    return exc.problem if isinstance(exc, ProblemError) else SheetProblem("text", text=str(exc))


def placed(problems: list[str], **where: Any) -> list[str]:
    """Each problem placed (`SheetProblem.at`); plain texts become "text" problems first."""
    return [(p if isinstance(p, SheetProblem) else SheetProblem("text", text=p)).at(**where) for p in problems]
