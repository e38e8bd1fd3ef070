"""`controlroom serve`: the local API for one show, headless, until Ctrl-C."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from controlroom.cli.common import CliError, say, warn
from controlroom.cli.feed_common import add_show_options, feed_intake, wait_for_interrupt
from controlroom.cli.serve_sources import add_source_options, serve_sources
from controlroom.feeds.config import (
    TOKEN_ENV,
    TOKEN_FILE,
    ApiSettings,
    check_token,
    config_dir,
    is_loopback,
    load_or_create_token,
    load_or_create_view_token,
    read_token_file,
)

if TYPE_CHECKING:
    from controlroom.feeds.api_server import ApiServer

NAME = "serve"


def add_parser(sub: argparse._SubParsersAction) -> None:
    defaults = ApiSettings()
    p = sub.add_parser(NAME, help="run the local API (HTTP + WebSocket) for a show, no window")
    add_show_options(p)
    p.add_argument(
        "--host", default=defaults.host, help=f"address to bind (default {defaults.host}, this machine only)"
    )
    p.add_argument("--port", type=int, default=defaults.port, help=f"default {defaults.port}; 0 picks a free port")
    p.add_argument("--lan", action="store_true",
                   help="listen on the local network too (all interfaces), so a phone or tablet can open the "
                        "browser views; prints their link with the view-only token, and its QR code")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                   help="the browser views' language when their link has no ?lang= (default zh_CN)")
    g = p.add_argument_group(
        "the token", f"Clients send `Authorization: Bearer TOKEN`. The token is, in this order: --token or "
        f"--token-file, ${TOKEN_ENV}, the one kept in the user's config folder (made on first use).")
    given = g.add_mutually_exclusive_group()
    given.add_argument("--token", help="the token itself; VISIBLE TO OTHER USERS of this computer (ps, /proc): "
                                       f"prefer --token-file or ${TOKEN_ENV}")
    given.add_argument("--token-file", metavar="PATH", help="read the token from the first line of this file")
    _add_surface_options(p)
    add_source_options(p)


def _add_surface_options(p: argparse.ArgumentParser) -> None:
    s = p.add_argument_group("control surfaces", "OSC and Bitfocus Companion (docs/companion.md)")
    s.add_argument("--osc-in", type=int, metavar="PORT",
                   help="take commands as OSC on this UDP port (/controlroom/next, …); 127.0.0.1 only")
    s.add_argument("--osc-out", metavar="HOST:PORT", help="send segment, remaining, phase and alerts as OSC here")
    s.add_argument("--companion", metavar="HOST:PORT",
                   help="keep Companion's custom variables cr_segment, cr_remaining, cr_product up to date")


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise CliError(f"port {args.port} is not between 0 and 65535")
    token, source = _token(args)
    from controlroom.feeds.api_server import EVENTS_PATH, ApiServer  # aiohttp only when serving
    from controlroom.feeds.lan import ALL_INTERFACES

    host = ALL_INTERFACES if args.lan and args.host == ApiSettings().host else args.host
    with feed_intake(args) as intake:
        server = ApiServer(intake, token, host, args.port, view_token=load_or_create_view_token(), lang=args.lang)
        try:
            server.start()
        except OSError as exc:
            raise CliError(str(exc)) from None
        if not is_loopback(host):
            warn(f"controlroom: serving on {host}, reachable from other machines; keep the token secret")
        say(f"show {intake.service.show_id}: POST {server.url}{EVENTS_PATH}")
        say(f"token: {source}")
        surfaces = _surfaces(args, server)
        _say_views(server, args.lan)
        say(f"listening on {server.url} (Ctrl-C to stop)")
        try:
            with serve_sources(args, intake, server):
                wait_for_interrupt()
        finally:
            surfaces.stop()
            server.stop()
    say("stopped")
    return 0


def _surfaces(args: argparse.Namespace, server: Any) -> Any:
    """OSC and Companion, on the API's own command runner (one order, one memory of ids)."""
    from controlroom.feeds.surfaces import start_surfaces  # python-osc only when serving

    if args.osc_in is not None and not 0 <= args.osc_in <= 65535:
        server.stop()
        raise CliError(f"--osc-in {args.osc_in} is not a port between 0 and 65535")

    # OSC has no token: it listens beyond this machine only when the API is opened to the LAN too
    osc_host = "0.0.0.0" if getattr(args, "lan", False) else "127.0.0.1"
    try:
        surfaces = start_surfaces(server.handlers.commands, args.osc_in, args.osc_out, args.companion, osc_host)
    except (ValueError, OSError) as exc:
        server.stop()
        raise CliError(f"control surfaces: {exc}") from None
    for line in surfaces.lines:
        say(line)
    return surfaces


def _say_views(server: ApiServer, lan: bool) -> None:
    """The views' links (the view-only token in them, never the API token); on the LAN, the
    host view's QR code for a phone or tablet to scan."""
    from controlroom.feeds.lan import VIEWS, lan_address, qr_text, view_link

    address = (lan_address() if lan else None) or ("127.0.0.1" if server.host in ("0.0.0.0", "::") else server.host)
    if lan and address == "127.0.0.1":
        warn("controlroom: this machine has no local-network address now; the views open on this machine only")
    token = server.view_token or ""
    for view in VIEWS:
        say(f"view {view}: {view_link(address, server.port, token, view)}")
    if lan:
        say(qr_text(view_link(address, server.port, token)))


def _token(args: argparse.Namespace) -> tuple[str, str]:
    """The token clients must send, and where it came from (said, never the token)."""
    try:
        if args.token is not None:
            return check_token(args.token, "--token"), "from --token"
        if args.token_file is not None:
            return read_token_file(args.token_file), f"from {args.token_file}"
        if os.environ.get(TOKEN_ENV, "").strip():
            return check_token(os.environ[TOKEN_ENV].strip(), f"${TOKEN_ENV}"), f"from ${TOKEN_ENV}"
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return load_or_create_token(), f"in {config_dir() / TOKEN_FILE}"
