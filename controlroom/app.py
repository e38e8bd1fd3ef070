"""The composition root: parse the command line and hand over to a subcommand or the window."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from controlroom.cli.common import CliError, warn
from controlroom.core.commands import CommandError
from controlroom.sheets.errors import SheetError
from controlroom.store.errors import StoreError

# Subcommand → its module in controlroom.cli. Only the one asked for is imported, so the
# window starts without loading the server, the importers or anything of the recap.
SUBCOMMANDS: dict[str, str] = {
    "new-show": "new_show", "rehearse": "rehearse", "status": "status", "shows": "status",
    "serve": "serve", "tail": "tail", "recap": "recap", "import": "importer", "export": "exporter",
    "sync": "sync", "rooms": "rooms", "replay": "replay",
}
_TAKES_VALUE = {"--db", "--speed", "--replay"}


def _modules(names: list[str]) -> list[ModuleType]:
    return [importlib.import_module(f"controlroom.cli.{m}") for m in dict.fromkeys(SUBCOMMANDS[n] for n in names)]


def _asked(argv: list[str]) -> list[str]:
    """The subcommands whose parsers are needed: the one named, none for the window,
    all of them for help or for a word that is not a subcommand (argparse says so)."""
    tokens = iter(argv)
    for token in tokens:
        if token in _TAKES_VALUE:
            next(tokens, None)
        elif token in ("-h", "--help"):
            return list(SUBCOMMANDS)
        elif not token.startswith("-"):
            return [token] if token in SUBCOMMANDS else list(SUBCOMMANDS)
    return []


def build_parser(names: list[str] | None = None) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(prog="controlroom", description="The control room of a live-selling stream.")
    parser.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: the user's data folder)")
    parser.add_argument("--rehearsal", action="store_true", help="a fresh rehearsal show on the simulator")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="with --rehearsal or --replay: run the show (timer, cues, room) S times faster, 1 to 60")
    parser.add_argument("--replay", type=int, metavar="ID",
                        help="a new rehearsal whose audience is recorded show ID's, played again (docs/replay.md)")
    sub = parser.add_subparsers(dest="command")
    handlers: dict[str, ModuleType] = {}
    for module in _modules(list(SUBCOMMANDS) if names is None else names):
        module.add_parser(sub)
        handlers.update({n: module for n, m in SUBCOMMANDS.items() if f"controlroom.cli.{m}" == module.__name__})
    return parser, handlers


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser, handlers = build_parser(_asked(argv))
    args = parser.parse_args(argv)
    try:
        module = handlers.get(args.command) if args.command else None
        if module is not None:
            return int(module.run(args) or 0)
        return _default(args)
    except (CliError, StoreError, SheetError, CommandError, ValueError) as exc:
        warn(f"controlroom: {exc}")
        return 2
    except KeyboardInterrupt:
        warn("controlroom: interrupted")
        return 130
    except BrokenPipeError:  # `controlroom status | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _default(args: argparse.Namespace) -> int:
    """No subcommand: the window (imported only now, so the CLI never loads Qt)."""
    if args.rehearsal and args.replay is not None:
        raise CliError("--rehearsal or --replay ID: a rehearsal's audience is the simulator or a recording, not both")
    if args.speed != 1.0:
        if not args.rehearsal and args.replay is None:
            raise CliError("--speed is only for a rehearsal (--rehearsal, --replay ID): a real show runs in real time")
        if not 1.0 <= args.speed <= 60.0:
            raise CliError(f"--speed {args.speed:g}: a rehearsal runs 1 to 60 times faster")
    from controlroom.ui.main import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
