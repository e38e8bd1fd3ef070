"""CSV cells that a spreadsheet will not run: the OWASP rule for formula injection, and its undo.

A CSV has no cell types, so Excel, WPS and LibreOffice read a cell starting with
= + - @ (or a tab or carriage return before one) as a formula: a product called
"=HYPERLINK(...)" in an exported plan would run when the file is opened. Such text
cells are written with a leading apostrophe, which spreadsheets show as text.

On import, a CSV cell made of an apostrophe followed by one of those characters has
the apostrophe removed, so a plan exported to CSV and imported again is the same plan.
(The price: a cell whose own text starts with "'=" loses its apostrophe. xlsx cells
carry a type, so neither rule applies to them.)
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def escape_cell(value: Any) -> Any:
    """The value as it goes into a CSV: text a spreadsheet would run gets the apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def unescape_cell(text: str) -> str:
    """A CSV cell's text as it was before `escape_cell`."""
    if text.startswith(QUOTE) and text[1:2] and text[1] in FORMULA_STARTS:
        return text[1:]
    return text
