"""`controlroom import products|plan|platform FILE`: sheets into a show, all or nothing.

A product sheet or a plan is merged into the show by the editing rules (nothing in use
removed, no sales history rewritten, the segment on air kept): the command prints what
would change per SKU or segment, and changes it only with --yes."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from controlroom.cli.common import CliError, say, warn
from controlroom.cli.feed_common import add_show_options, feed_intake
from controlroom.cli.sigterm import EXIT_STATUS, Terminated, abortable, terminated
from controlroom.core.commands import CommandError
from controlroom.core.platform_rows import COLUMNS, ORDERS, TREND, PlatformSpec
from controlroom.services import editing
from controlroom.services.intake import import_mapped
from controlroom.sheets.plan_io import read_plan
from controlroom.sheets.platform_import import PlatformExport, map_export, read_export
from controlroom.sheets.products import read_products

NAME = "import"
PREVIEW_LINES = 50  # a 5,000-row sheet's preview is its summary and the first lines


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="import a product sheet, a plan, or a post-show platform export into a show",
                       epilog="SIGTERM while the file is read changes nothing (exit status "
                              f"{EXIT_STATUS}); once the import is being written it is finished first (exit 0).")
    p.add_argument("what", choices=["products", "plan", "platform"])
    p.add_argument("file", help=".xlsx or .csv")
    add_show_options(p)
    p.add_argument("--yes", action="store_true",
                   help="products/plan: apply the changes (without it: print what would change, change nothing)")
    g = p.add_argument_group("platform exports")
    g.add_argument("--kind", choices=[TREND, ORDERS], help="per-minute trend or order list (default: guessed)")
    g.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="correct the column mapping: a header name or a 1-based column number (repeatable)",
    )
    g.add_argument("--tz", help="zone of times without one, e.g. Asia/Shanghai (default: this computer's)")
    g.add_argument("--date", help="date for times of day without one, YYYY-MM-DD (default: the show's date)")
    cum = g.add_mutually_exclusive_group()
    cum.add_argument(
        "--cumulative", dest="cumulative", action="store_const", const=True, help="GMV/order columns are running totals"
    )
    cum.add_argument(
        "--per-minute",
        dest="cumulative",
        action="store_const",
        const=False,
        help="GMV/order columns are per-minute figures (default: from the header, 累计/total = running)",
    )
    g.add_argument("--fill-gaps", action="store_true", help="import only minutes the live feed has no data for")
    g.add_argument("--dry-run", action="store_true", help="show the mapping and what would be imported; change nothing")


def run(args: argparse.Namespace) -> int:
    """Read and check the file (a SIGTERM stops it, nothing written), then write it
    (a SIGTERM waits for the write to finish)."""
    with feed_intake(args) as intake:
        try:
            with abortable():
                write = _prepare(args, intake.service)
            if terminated():  # it came after the reading, still before the writing
                raise Terminated()
            write()
        except Terminated:
            warn(f"controlroom: stopped by SIGTERM before importing {args.file}: nothing was changed")
            return EXIT_STATUS
    if terminated():
        warn("controlroom: SIGTERM came while the import was being written; it was finished first")
    return 0


def _prepare(args: argparse.Namespace, service) -> Callable[[], None]:
    """Everything before the first write (reading, checking, the preview); returns the write."""
    if args.what == "products":
        sheet = read_products(args.file)
        return _merge(args, service, "products", lambda: editing.preview_products(service, sheet),
                      lambda: editing.import_products(service, sheet))
    if args.what == "plan":
        with service.lock:
            products = list(service.state.queue.products.values())
        plan = read_plan(args.file, products)
        return _merge(args, service, "plan", lambda: editing.preview_plan(service, plan),
                      lambda: editing.import_plan(service, plan))
    return _platform(args, service)


def _merge(args: argparse.Namespace, service, what: str, preview, apply) -> Callable[[], None]:
    """Print what the import changes (per SKU or segment); the write applies it only with
    --yes, judged again then (and prints what was done)."""
    shown = _judged(args, preview)
    lines = shown.lines()
    for line in lines[:PREVIEW_LINES]:
        say(f"  {line}")
    if len(lines) > PREVIEW_LINES:
        say(f"  … and {len(lines) - PREVIEW_LINES} more")
    if not args.yes:
        say(f"show {service.show_id}: importing {what} would give {shown.summary()}")
        say("preview only: nothing changed (run again with --yes to apply)")
        return lambda: None

    def write() -> None:
        done = _judged(args, apply)
        if done.changed:
            say(f"show {service.show_id}: {what} imported: {done.summary()}")
        else:
            say(f"show {service.show_id}: {what} unchanged: the show already has what the file says")

    return write


def _judged(args: argparse.Namespace, step):
    try:
        return step()
    except CommandError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None


def _platform(args: argparse.Namespace, service) -> Callable[[], None]:
    export = read_export(args.file)
    spec = _spec(args, export, service.state.show_time())
    say(f"{export.path.name}: {spec.kind} export, {len(export.rows)} rows")
    for field in COLUMNS[spec.kind]:
        i = spec.mapping.get(field)
        say(f"  {field:10} ← {export.headers[i] if i is not None else '(none)'}")
    if args.dry_run:
        result = map_export(service.state, export, spec)
        say(f"would import {result.summary()} (dry run: nothing changed)")
        return lambda: None

    def mapped(state):  # mapped under the show's lock, just before the write: still abortable
        with abortable():
            return map_export(state, export, spec)

    def write_export() -> None:
        result = import_mapped(service, mapped)
        say(f"show {service.show_id}: imported {result.summary()}")

    return write_export


def _spec(args: argparse.Namespace, export: PlatformExport, show_time: float) -> PlatformSpec:
    kind = args.kind or export.kind
    mapping = dict(export.mapping) if kind == export.kind else {}
    for item in args.map:
        field, _, column = item.partition("=")
        if field not in COLUMNS[kind]:
            raise CliError(f"--map {item}: {field!r} is not one of {', '.join(COLUMNS[kind])}")
        mapping[field] = _column(export.headers, column.strip(), item)
    tz = _zone(args.tz)
    day = _date(args.date) if args.date else dt.datetime.fromtimestamp(show_time, tz).date()
    return PlatformSpec(kind, mapping, tz, day, args.cumulative, args.fill_gaps)


def _column(headers: list[str], column: str, item: str) -> int:
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    if column in headers:
        return headers.index(column)
    raise CliError(f"--map {item}: no column {column!r} (columns: {', '.join(headers)})")


def _zone(name: str | None) -> dt.tzinfo:
    if not name:
        local = dt.datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError(f"--tz {name}: not a time zone (use e.g. Asia/Shanghai)") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--date {text}: use YYYY-MM-DD") from None
