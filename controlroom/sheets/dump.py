"""`python -m controlroom.sheets.dump FILE`: read a sheet's rows in a child process.

The window runs this for .xlsx files: openpyxl is pure Python and holds the GIL, so
reading a large workbook in the UI process (even on a thread) would freeze the window.
Prints the pickled (headers, rows) to stdout, or the problem on stderr with exit status 2.
"""

from __future__ import annotations

import pickle
import sys

from controlroom.sheets.table import SheetError, read_rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m controlroom.sheets.dump FILE", file=sys.stderr)
        return 2
    try:
        headers, rows = read_rows(argv[0])
    except SheetError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    sys.stdout.buffer.write(pickle.dumps((headers, rows), protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
