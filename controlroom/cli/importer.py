"""`controlroom import products|plan|platform FILE`: sheets into a show, all or nothing.

A product sheet or a plan is merged into the show by the editing rules (nothing in use
removed, no sales history rewritten, the segment on air kept): the command prints what
would change per SKU or segment, and changes it only with --yes."""

from __future__ import annotations

import argparse
import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from controlroom.cli.common import CliError, say
from controlroom.cli.feed_common import add_show_options, feed_intake
from controlroom.core.commands import CommandError
from controlroom.core.platform_rows import COLUMNS, ORDERS, TREND, PlatformSpec
from controlroom.services import editing
from controlroom.services.intake import import_mapped
from controlroom.sheets.plan_io import read_plan
from controlroom.sheets.platform_import import PlatformExport, map_export, read_export
from controlroom.sheets.products import read_products

NAME = "import"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="import a product sheet, a plan, or a post-show platform export into a show")
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
    with feed_intake(args) as intake:
        service = intake.service
        if args.what == "products":
            sheet = read_products(args.file)
            _merge(args, service, "products", lambda: editing.preview_products(service, sheet),
                   lambda: editing.import_products(service, sheet))
        elif args.what == "plan":
            with service.lock:
                products = list(service.state.queue.products.values())
            plan = read_plan(args.file, products)
            _merge(args, service, "plan", lambda: editing.preview_plan(service, plan),
                   lambda: editing.import_plan(service, plan))
        else:
            _platform(args, service)
    return 0


def _merge(args: argparse.Namespace, service, what: str, preview, apply) -> None:
    """Print what the import changes (per SKU or segment); apply it only with --yes,
    judged again then (and print what was done)."""
    try:
        shown = preview() if not args.yes else apply()
    except CommandError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    for line in shown.lines():
        say(f"  {line}")
    if not args.yes:
        say(f"show {service.show_id}: importing {what} would give {shown.summary()}")
        say("preview only: nothing changed (run again with --yes to apply)")
    elif shown.changed:
        say(f"show {service.show_id}: {what} imported: {shown.summary()}")
    else:
        say(f"show {service.show_id}: {what} unchanged: the show already has what the file says")


def _platform(args: argparse.Namespace, service) -> None:
    export = read_export(args.file)
    spec = _spec(args, export, service.state.show_time())
    say(f"{export.path.name}: {spec.kind} export, {len(export.rows)} rows")
    for field in COLUMNS[spec.kind]:
        i = spec.mapping.get(field)
        say(f"  {field:10} ← {export.headers[i] if i is not None else '(none)'}")
    if args.dry_run:
        result = map_export(service.state, export, spec)
        say(f"would import {result.summary()} (dry run: nothing changed)")
        return
    result = import_mapped(service, lambda state: map_export(state, export, spec))
    say(f"show {service.show_id}: imported {result.summary()}")


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
