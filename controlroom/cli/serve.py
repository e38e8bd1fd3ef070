"""`controlroom serve`: the local API for one show, headless, until Ctrl-C."""

from __future__ import annotations

import argparse

from controlroom.cli.common import CliError, say, warn
from controlroom.cli.feed_common import add_show_options, feed_intake, wait_for_interrupt
from controlroom.feeds.config import TOKEN_FILE, ApiSettings, config_dir, is_loopback, load_or_create_token

NAME = "serve"


def add_parser(sub: argparse._SubParsersAction) -> None:
    defaults = ApiSettings()
    p = sub.add_parser(NAME, help="run the local API (HTTP + WebSocket) for a show, no window")
    add_show_options(p)
    p.add_argument(
        "--host", default=defaults.host, help=f"address to bind (default {defaults.host}, this machine only)"
    )
    p.add_argument("--port", type=int, default=defaults.port, help=f"default {defaults.port}; 0 picks a free port")
    p.add_argument("--token", help="the bearer token clients must send (default: the one kept in the user's config)")


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise CliError(f"port {args.port} is not between 0 and 65535")
    token = args.token or load_or_create_token()
    if args.token is not None and len(args.token) < 8:
        raise CliError("a token needs at least 8 characters")
    from controlroom.feeds.api_server import EVENTS_PATH, ApiServer  # aiohttp only when serving

    with feed_intake(args) as intake:
        server = ApiServer(intake, token, args.host, args.port)
        try:
            server.start()
        except OSError as exc:
            raise CliError(str(exc)) from None
        if not is_loopback(args.host):
            warn(f"controlroom: serving on {args.host}, reachable from other machines; keep the token secret")
        say(f"show {intake.service.show_id}: POST {server.url}{EVENTS_PATH}")
        if args.token is None:
            say(f"token: in {config_dir() / TOKEN_FILE}")
        say(f"listening on {server.url} (Ctrl-C to stop)")
        try:
            wait_for_interrupt()
        finally:
            server.stop()
    say("stopped")
    return 0
