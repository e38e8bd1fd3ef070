"""Sheet-import problems (core/sheet_problem.py) worded in the window's language: each
code has a template (the core's own English sentence but for OWN_WORDING, translated in
the "SheetProblem" context), our field names are translated too, the row, the sheet's column header and the
user's values are kept. A problem without a known code keeps its English sentence."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from controlroom.core.sheet_problem import WORD_PARAMS, SheetProblem
from controlroom.sheets.errors import SheetError

CONTEXT = "SheetProblem"

# The core's English sentences, but for the codes in OWN_WORDING.
OWN_WORDING = ("bad_role", "bad_kind")
TEMPLATES: dict[str, str] = {
    "text": QT_TRANSLATE_NOOP("SheetProblem", "{text}"),
    "no_file": QT_TRANSLATE_NOOP("SheetProblem", "no such file"),
    "unreadable": QT_TRANSLATE_NOOP("SheetProblem", "cannot be read ({detail})"),
    "xls": QT_TRANSLATE_NOOP("SheetProblem", "an Excel 97–2003 (.xls) file: save it as .xlsx (or .csv) and import that"),
    "not_a_sheet": QT_TRANSLATE_NOOP("SheetProblem", "use an .xlsx or .csv file"),
    "empty_sheet": QT_TRANSLATE_NOOP("SheetProblem", "the sheet is empty"),
    "too_many_columns": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} columns; a {what} has at most {limit}"),
    "too_many_rows": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} rows of data; a {what} has at most {limit}"),
    "too_many_cells": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} filled cells; a {what} has at most {limit}"),
    "too_large_area": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} cells, blank ones included; a {what} holds at most {limit} (delete the columns you do not need)"),
    "cell_too_long": QT_TRANSLATE_NOOP("SheetProblem", "the text is {length} characters long; a {what} cell holds at most {limit}"),
    "too_much_text": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} characters of text; a {what} holds at most {limit}"),
    "formula": QT_TRANSLATE_NOOP("SheetProblem", "a formula without a saved value; save the sheet in Excel (or paste values)"),
    "csv_too_big": QT_TRANSLATE_NOOP("SheetProblem", "the file is {size} MB; a CSV may be at most {limit} MB"),
    "csv_cell_too_long": QT_TRANSLATE_NOOP("SheetProblem", "a cell is longer than {limit} characters"),
    "csv_bad_row": QT_TRANSLATE_NOOP("SheetProblem", "not a CSV row ({detail})"),
    "not_text": QT_TRANSLATE_NOOP("SheetProblem", "not UTF-8 or GB18030 text"),
    "line_too_long": QT_TRANSLATE_NOOP("SheetProblem", "a line longer than {limit} bytes"),
    "not_zip": QT_TRANSLATE_NOOP("SheetProblem", "not an .xlsx workbook (it is not a zip file); save it again from Excel"),
    "too_many_parts": QT_TRANSLATE_NOOP("SheetProblem", "the workbook has {count} parts; at most {limit}"),
    "unpacks_too_big": QT_TRANSLATE_NOOP("SheetProblem", "the workbook would unpack to {size} MB; at most {limit} MB (nothing was read)"),
    "zip_bomb": QT_TRANSLATE_NOOP("SheetProblem", "{part} is packed {ratio}:1 (a zip bomb?); a workbook's parts pack at most {limit}:1 (nothing was read)"),
    "strings_too_big": QT_TRANSLATE_NOOP("SheetProblem", "the workbook's text table is {size} MB; at most {limit} MB"),
    "no_worksheet": QT_TRANSLATE_NOOP("SheetProblem", "the workbook has no worksheet"),
    "xml_too_deep": QT_TRANSLATE_NOOP("SheetProblem", "the sheet's XML nests deeper than {limit}"),
    "cell_too_many_parts": QT_TRANSLATE_NOOP("SheetProblem", "a cell made of more than {limit} parts"),
    "row_too_many_cells": QT_TRANSLATE_NOOP("SheetProblem", "more cells than Excel has columns ({limit})"),
    "past_last_row": QT_TRANSLATE_NOOP("SheetProblem", "more rows than Excel has ({limit})"),
    "bad_row_number": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a row number of Excel's (1–{limit})"),
    "bad_cell": QT_TRANSLATE_NOOP("SheetProblem", "cell {cell} cannot be read ({detail})"),
    "past_last_column": QT_TRANSLATE_NOOP("SheetProblem", "column {number} is past Excel's last column ({limit})"),
    "reader_too_much": QT_TRANSLATE_NOOP("SheetProblem", "the reader sent more than {limit} bytes (nothing was imported)"),
    "reader_frame": QT_TRANSLATE_NOOP("SheetProblem", "the reader sent a frame of {size} bytes (nothing was imported)"),
    "reader_broken": QT_TRANSLATE_NOOP("SheetProblem", "the reader's output is broken ({detail}) (nothing was imported)"),
    "reader_rows": QT_TRANSLATE_NOOP("SheetProblem", "more than {limit} rows of data (nothing was imported)"),
    "file_changed": QT_TRANSLATE_NOOP(
        "SheetProblem", "the file changed since it was read: import it again (nothing was imported)"
    ),
    "missing_column": QT_TRANSLATE_NOOP("SheetProblem", "missing column {field} ({names})"),
    "too_many_products": QT_TRANSLATE_NOOP("SheetProblem", "{count} products: at most {limit} in one sheet"),
    "repeats": QT_TRANSLATE_NOOP("SheetProblem", "{label} {value} repeats row {first}"),
    "no_rows": QT_TRANSLATE_NOOP("SheetProblem", "the sheet has no {what} rows"),
    # OWN_WORDING: the names a sheet may use, in the window's language (the CLI lists both)
    "bad_role": QT_TRANSLATE_NOOP("SheetProblem", "unknown role {value} (use traffic/profit/image)"),
    "bad_price": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a price ≥ 0"),
    "bad_stock": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a whole number ≥ 0"),
    "empty_field": QT_TRANSLATE_NOOP("SheetProblem", "the {label} is empty"),
    "line_break": QT_TRANSLATE_NOOP("SheetProblem", "the {label} has a line break; a {label} is one line"),
    "field_too_long": QT_TRANSLATE_NOOP("SheetProblem", "the {label} is {length} characters long; at most {limit}"),
    "text_too_long": QT_TRANSLATE_NOOP("SheetProblem", "the text is {length} characters long; at most {limit}"),
    "too_many_segments": QT_TRANSLATE_NOOP("SheetProblem", "{count} segments: at most {limit} in one plan"),
    "bad_kind": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a kind (opening/product/interaction/final push/closing/free)"),
    "bad_minutes": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a number of minutes between 0 and {limit}"),
    "unknown_product": QT_TRANSLATE_NOOP("SheetProblem", "{value} is neither a SKU nor a product name of this show"),
    "slot_needs_product": QT_TRANSLATE_NOOP("SheetProblem", "a product slot needs a product"),
    "no_column_chosen": QT_TRANSLATE_NOOP("SheetProblem", "no column chosen for {field}"),
    "choose_one": QT_TRANSLATE_NOOP("SheetProblem", "choose at least one of online, gmv, orders"),
    "not_a_field": QT_TRANSLATE_NOOP("SheetProblem", "{field} is not a field of a {kind} export"),
    "no_such_column": QT_TRANSLATE_NOOP("SheetProblem", "column {number} for {field} does not exist"),
    "too_many_export_rows": QT_TRANSLATE_NOOP("SheetProblem", "{count} rows: at most {limit} in one export"),
    "bad_number": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a number ≥ 0"),
    "bad_whole_number": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a whole number ≥ 0"),
    "not_a_time": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a time"),
    "no_date": QT_TRANSLATE_NOOP("SheetProblem", "{value} has no date: give the show's date"),
    "bad_time": QT_TRANSLATE_NOOP("SheetProblem", "{value} is not a time (use 2026-01-01 20:05 or 20:05)"),
    "total_went_down": QT_TRANSLATE_NOOP("SheetProblem", "a running total went down"),
    "clash": QT_TRANSLATE_NOOP("SheetProblem", "{count} minutes ({first}–{last}) already have live {what} in the log: nothing imported. Import only the missing minutes (fill gaps), or use another show."),
    "order_repeats": QT_TRANSLATE_NOOP("SheetProblem", "order {value} repeats row {first}"),
    "empty_order_id": QT_TRANSLATE_NOOP("SheetProblem", "the order id is empty"),
    "empty_amount": QT_TRANSLATE_NOOP("SheetProblem", "the amount is empty"),
    "zero_quantity": QT_TRANSLATE_NOOP("SheetProblem", "a quantity of 0 is not an order"),
}

# Our own words a problem names: fields (the importer's, not the sheet's headers), kinds
# of sheet and of export. Keyed by parameter, then by the core's English value.
WORDS: dict[str, dict[str, str]] = {
    "field": {
        "name": QT_TRANSLATE_NOOP("SheetProblem", "name"),
        "sku": QT_TRANSLATE_NOOP("SheetProblem", "SKU"),
        "role": QT_TRANSLATE_NOOP("SheetProblem", "role"),
        "price": QT_TRANSLATE_NOOP("SheetProblem", "price"),
        "stock": QT_TRANSLATE_NOOP("SheetProblem", "stock"),
        "selling_points": QT_TRANSLATE_NOOP("SheetProblem", "selling points"),
        "promo": QT_TRANSLATE_NOOP("SheetProblem", "promo"),
        "kind": QT_TRANSLATE_NOOP("SheetProblem", "segment kind"),
        "title": QT_TRANSLATE_NOOP("SheetProblem", "segment title"),
        "minutes": QT_TRANSLATE_NOOP("SheetProblem", "minutes of the segment"),
        "product": QT_TRANSLATE_NOOP("SheetProblem", "the product"),
        "notes": QT_TRANSLATE_NOOP("SheetProblem", "segment notes"),
        "gmv_target": QT_TRANSLATE_NOOP("SheetProblem", "GMV target of the segment"),
        "orders_target": QT_TRANSLATE_NOOP("SheetProblem", "order target of the segment"),
        "uid": QT_TRANSLATE_NOOP("SheetProblem", "segment ID"),
        "time": QT_TRANSLATE_NOOP("SheetProblem", "the time"),
        "online": QT_TRANSLATE_NOOP("SheetProblem", "online viewers"),
        "entries": QT_TRANSLATE_NOOP("SheetProblem", "entries"),
        "gmv": QT_TRANSLATE_NOOP("SheetProblem", "GMV"),
        "orders": QT_TRANSLATE_NOOP("SheetProblem", "order count"),
        "order_id": QT_TRANSLATE_NOOP("SheetProblem", "order number"),
        "quantity": QT_TRANSLATE_NOOP("SheetProblem", "quantity"),
        "amount": QT_TRANSLATE_NOOP("SheetProblem", "amount paid"),
        "buyer": QT_TRANSLATE_NOOP("SheetProblem", "buyer"),
    },
    "what": {
        "product sheet": QT_TRANSLATE_NOOP("SheetProblem", "product sheet"),
        "plan": QT_TRANSLATE_NOOP("SheetProblem", "run of show sheet"),
        "platform export": QT_TRANSLATE_NOOP("SheetProblem", "platform export"),
        "product": QT_TRANSLATE_NOOP("SheetProblem", "product"),
        "segment": QT_TRANSLATE_NOOP("SheetProblem", "segment"),
        "order": QT_TRANSLATE_NOOP("SheetProblem", "order"),
        "viewer figures": QT_TRANSLATE_NOOP("SheetProblem", "viewer figures"),
        "sales": QT_TRANSLATE_NOOP("SheetProblem", "sales"),
        "viewer figures and sales": QT_TRANSLATE_NOOP("SheetProblem", "viewer figures and sales"),
    },
    "kind": {
        "trend": QT_TRANSLATE_NOOP("SheetProblem", "per-minute trend"),
        "orders": QT_TRANSLATE_NOOP("SheetProblem", "order list"),
    },
}
WORDS["label"] = {"name": WORDS["field"]["name"], "SKU": WORDS["field"]["sku"], "id": WORDS["field"]["uid"]}

_IN_FILE = QT_TRANSLATE_NOOP("SheetProblem", "{file}: {text}")
_AT_ROW_COLUMN = QT_TRANSLATE_NOOP("SheetProblem", "row {row}, column {column}: {why}")
_AT_ROW_COLUMN_FIELD = QT_TRANSLATE_NOOP("SheetProblem", "row {row}, column {column} ({field}): {why}")
_AT_ROW = QT_TRANSLATE_NOOP("SheetProblem", "row {row}: {why}")
_AT_COLUMN = QT_TRANSLATE_NOOP("SheetProblem", "column {column}: {why}")
_AT_COLUMN_FIELD = QT_TRANSLATE_NOOP("SheetProblem", "column {column} ({field}): {why}")
_AND_MORE = QT_TRANSLATE_NOOP("SheetProblem", "{first} (and {n} more)")
_EMPTY_VALUE = QT_TRANSLATE_NOOP("SheetProblem", "(empty)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def problem(p: str) -> str:
    """One problem in the window's language; its English sentence when its code is unknown."""
    if not isinstance(p, SheetProblem) or p.code not in TEMPLATES:
        return str(p)
    params = dict(p.params)
    for name in WORD_PARAMS:
        if name in params:
            params[name] = word(name, params[name])
    if params.get("value") == "None":  # an empty cell, as Python writes it
        params["value"] = _tr(_EMPTY_VALUE)
    field = word("field", p.field) if p.field else ""
    try:
        why = _tr(TEMPLATES[p.code]).format(**params, field=field)
    except (KeyError, IndexError, ValueError):
        return str(p)
    return _placed(why, p, field)


def word(param: str, value: str) -> str:
    """Our own word (a field, a kind of sheet) translated; anything else as it is."""
    source = WORDS.get(param, {}).get(value)
    return _tr(source) if source else value


def _placed(why: str, p: SheetProblem, field: str) -> str:
    # The field is named beside the sheet's own header unless one already says the other
    # ("商品名称" says 名称).
    said, header = field.strip().lower(), (p.column or "").strip().lower()
    named = bool(said) and bool(header) and said not in header and header not in said
    if p.row is not None and p.column:
        text = _tr(_AT_ROW_COLUMN_FIELD if named else _AT_ROW_COLUMN).format(row=p.row, column=p.column,
                                                                             field=field, why=why)
    elif p.row is not None:
        text = _tr(_AT_ROW).format(row=p.row, why=why)
    elif p.column:
        text = _tr(_AT_COLUMN_FIELD if named else _AT_COLUMN).format(column=p.column, field=field, why=why)
    else:
        text = why
    return _tr(_IN_FILE).format(file=p.file, text=text) if p.file else text


def problems(ps: list[str]) -> list[str]:
    return [problem(p) for p in ps]


def refusal(exc: SheetError) -> str:
    """A refused sheet's first problem, and how many more there are (as str(exc) in English)."""
    if not exc.problems:
        return _tr(TEMPLATES["empty_sheet"])
    first = problem(exc.problems[0])
    more = len(exc.problems) - 1
    return _tr(_AND_MORE).format(first=first, n=more) if more else first
