"""`controlroom recap`: write a show's recap workbook (.xlsx), headless.

With `--progress` it prints machine-readable progress lines (recap/runner.py), which
is how the window's export dialog follows the child process that runs this command.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from controlroom.cli.common import CliError, add_db, reader, say, show_id
from controlroom.recap.runner import done_line, progress_line
from controlroom.recap.texts import DEFAULT_LANG, LANGS

NAME = "recap"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="write a show's recap workbook (default: the most recent show)")
    add_db(p)
    p.add_argument("--show", type=int)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="language of the headers (default: zh_CN)")
    p.add_argument("--utc-offset", type=float, metavar="HOURS", help="time zone of the times shown (default: local)")
    p.add_argument("--progress", action="store_true", help="print progress lines for a parent process")


def run(args: argparse.Namespace) -> int:
    from controlroom.recap.workbook import export_recap  # openpyxl only when exporting
    from controlroom.services.recap_pass import reader_for

    repo = reader(args)
    sid = show_id(repo, args.show)
    out = Path(args.output).expanduser()
    offset = None if args.utc_offset is None else args.utc_offset * 3600
    report = (lambda f, stage: say(progress_line(f, stage))) if args.progress else None
    try:
        recap = export_recap(repo, sid, out, lang=args.lang, utc_offset_s=offset, progress=report,
                             reader=reader_for(args.db))
    except OSError as exc:  # a read-only folder, a full disk, a file held open elsewhere
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    k = recap.kpis
    say(f"show {sid}: {recap.event_count} events, {k.orders} orders, GMV {k.gmv:.2f}, "
        f"{len(recap.problems)} problems")
    say(done_line(out.absolute()) if args.progress else f"wrote {out}")
    return 0
