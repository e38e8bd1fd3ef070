"""`python -m controlroom.sheets.dump --kind products|plan|platform FILE`: read a sheet's rows in a child process.

The window runs this for every sheet: openpyxl is pure Python and holds the GIL, so
reading a workbook in the UI process (even on a thread) would freeze the window.
Rows are read within the kind's limits and written to stdout as frames
(`sheets.transfer`) while they are read; a refusal is a ("refused", problems) frame
and exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from controlroom.core.sheet_limits import KINDS
from controlroom.core.sheet_problem import to_wire
from controlroom.sheets.table import SheetError, iter_rows
from controlroom.sheets.transfer import RowFramer, write_frame


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m controlroom.sheets.dump")
    parser.add_argument("--kind", choices=sorted(KINDS), required=True)
    parser.add_argument("file")
    args = parser.parse_args(argv)
    out = sys.stdout.buffer
    framer = RowFramer(out)
    try:
        rows = iter_rows(args.file, KINDS[args.kind])
        write_frame(out, ("header", next(rows)))
        for row in rows:
            framer.add(row)
        framer.flush()
    except SheetError as exc:
        write_frame(out, ("refused", [to_wire(p) for p in exc.problems]))
        return 2
    write_frame(out, ("done", framer.sent))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
