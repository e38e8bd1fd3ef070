"""The composition root: parse the command line and hand over to a subcommand or the window."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from controlroom.cli import exporter, importer, new_show, recap, rehearse, serve, status, tail
from controlroom.cli.common import CliError, warn
from controlroom.core.commands import CommandError
from controlroom.sheets.table import SheetError
from controlroom.store.db import StoreError

SUBCOMMANDS: list[ModuleType] = [new_show, rehearse, status, serve, tail, recap, importer, exporter]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="controlroom", description="The control room of a live-selling stream.")
    parser.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: the user's data folder)")
    parser.add_argument("--rehearsal", action="store_true", help="a fresh rehearsal show on the simulator")
    sub = parser.add_subparsers(dest="command")
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return parser


def _handler(command: str | None) -> ModuleType | None:
    for module in SUBCOMMANDS:
        if command == module.NAME or (module is status and command == "shows"):
            return module
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        module = _handler(args.command)
        if module is not None:
            return int(module.run(args) or 0)
        return _default(args)
    except (CliError, StoreError, SheetError, CommandError, ValueError) as exc:
        warn(f"controlroom: {exc}")
        return 2
    except KeyboardInterrupt:
        warn("controlroom: interrupted")
        return 130


def _default(args: argparse.Namespace) -> int:
    """No subcommand: the window (imported only now, so the CLI never loads Qt)."""
    from controlroom.ui.main import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
