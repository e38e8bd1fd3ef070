"""Keeps web pages out of the local API: Host, Origin and Content-Type checked on every request.

A web page the controller has open in a browser can reach 127.0.0.1. Three doors, three locks:

- DNS rebinding: a page on evil.example makes its name resolve to 127.0.0.1 and talks to us
  as "its own" origin. Its requests carry `Host: evil.example`, so the Host must be an
  address we are bound to (any IP literal when bound to every interface), `localhost`, or
  — when serving the LAN — this machine's own name. IP literals cannot be rebound.
- Cross-origin requests: a browser names the page's origin in `Origin` on every WebSocket
  handshake and every POST from another origin. A request with an `Origin` is taken only
  from our own origin (the views' pages, served by this same server); non-browser clients
  (curl, Companion, scripts) send no Origin and pass.
- "Simple" POSTs a page may send without asking (text/plain, forms): a POST must say
  `Content-Type: application/json`.

No answer carries an `Access-Control-Allow-*` header: no other origin may read anything.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

from aiohttp import web
from yarl import URL

from controlroom.core.feed_text import shown

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
WILDCARDS = {"", "0.0.0.0", "::"}


def _refuse(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": message, "code": code}, status=status)


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def split_host(host_header: str) -> tuple[str, str | None]:
    """(name, port or None) of a Host header: lowercase, IPv6 without brackets, no trailing dot."""
    host = host_header.strip().lower()
    if host.startswith("["):  # [::1]:8765
        name, _, rest = host[1:].partition("]")
        return name, rest[1:] or None if rest.startswith(":") else None
    if host.count(":") == 1:
        name, _, port = host.partition(":")
        return name.rstrip("."), port or None
    return host.rstrip("."), None  # a bare name, or a bare IPv6 address


def host_name(host_header: str) -> str:
    return split_host(host_header)[0]


class HostRule:
    """Which Host names this server answers to, given the address it is bound to."""

    def __init__(self, bound_host: str, extra_names: Iterable[str] = ()) -> None:
        self.bound = bound_host.strip("[]").lower()
        bound_ip = _ip(self.bound)
        self.wildcard = self.bound in WILDCARDS
        self.loopback = self.wildcard or self.bound == "localhost" or bool(bound_ip and bound_ip.is_loopback)
        names = {n.lower().rstrip(".") for n in extra_names}
        if not self.loopback or self.wildcard:  # serving the LAN: our own name too
            me = socket.gethostname().lower()
            names |= {me, f"{me}.local"}
        self.names = names

    def allows(self, name: str) -> bool:
        ip = _ip(name)
        if ip is not None:
            return self.wildcard or ip.is_loopback and self.loopback or ip == _ip(self.bound)
        if name == "localhost" or name.endswith(".localhost"):
            return self.loopback
        return name in self.names or name == self.bound


def browser_guard(bound_host: str, extra_names: Iterable[str] = ()) -> Callable[..., Awaitable[web.StreamResponse]]:
    """The aiohttp middleware for a server bound to `bound_host`."""
    rule = HostRule(bound_host, extra_names)

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        refusal = check(request, rule)
        return refusal if refusal is not None else await handler(request)

    return guard


def check(request: web.Request, rule: HostRule) -> web.Response | None:
    """The refusal of a request a browser page could have made against us, or None."""
    host = request.headers.get("Host")
    if host is not None and not rule.allows(host_name(host)):
        return _refuse(403, "forbidden_host", f"this server does not answer to the name {shown(host)}: "
                       "use its address (127.0.0.1) or localhost")
    origin = request.headers.get("Origin")
    if origin is not None and not same_origin(origin, host):
        return _refuse(403, "forbidden_origin", f"requests from web pages of other sites ({shown(origin)}) "
                       "are refused")
    if request.method == "POST" and not is_json(request.headers.get("Content-Type")):
        return _refuse(415, "not_json", "send Content-Type: application/json (the body is JSON)")
    return None


def same_origin(origin: str, host: str | None) -> bool:
    """Whether a page of `origin` is one of ours: plain http, the very host and port asked for."""
    if host is None:
        return False
    try:
        url = URL(origin.strip())
    except ValueError:
        return False
    if url.scheme != "http" or not url.host or url.path not in ("", "/") or url.user or url.query_string:
        return False
    name, port = split_host(host)
    return (url.host.lower().rstrip("."), str(url.port)) == (name, port or "80")


def is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))
