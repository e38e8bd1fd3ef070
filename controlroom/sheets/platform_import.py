"""Read a post-show platform export (CSV or XLSX) and map it into events (core.platform_rows)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from controlroom.core.platform_rows import PlatformImport, PlatformSpec, platform_events, propose
from controlroom.core.sheet_limits import PLATFORM_EXPORT
from controlroom.core.sheet_problem import placed
from controlroom.core.sheet_rows import RowProblems
from controlroom.core.show import ShowState
from controlroom.sheets.table import SheetError, read_rows


@dataclass
class PlatformExport:
    """A file read, with the proposed kind and column mapping for the user to confirm."""

    path: Path
    headers: list[str]
    rows: list[list[Any]]
    file_key: str
    kind: str
    mapping: dict[str, int]


def read_export(path: str | Path) -> PlatformExport:
    headers, rows = read_rows(Path(path), PLATFORM_EXPORT)
    return export_from_rows(path, headers, rows)


def export_from_rows(path: str | Path, headers: list[str], rows: list[list[Any]]) -> PlatformExport:
    """The export of a file whose rows were read elsewhere (the window reads big files in a
    child process, so that openpyxl does not hold the UI thread)."""
    p = Path(path)
    kind, mapping = propose(headers)
    # The file's content names it: the same export imported twice has the same key.
    with open(p, "rb") as f:
        key = hashlib.file_digest(f, "sha1").hexdigest()[:12]
    return PlatformExport(p, headers, rows, key, kind, mapping)


def map_export(state: ShowState, export: PlatformExport, spec: PlatformSpec) -> PlatformImport:
    """Events for the whole file, or SheetError naming every bad row (row, column, why)."""
    spec.file_key = export.file_key
    try:
        return platform_events(state, export.headers, export.rows, spec)
    except RowProblems as exc:
        raise SheetError(placed(exc.problems, file=export.path.name)) from None
