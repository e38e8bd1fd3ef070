"""The browser views on the local network (docs/views.md): this machine's LAN address, the
view link (it carries the view-only token, never the API token) and its QR code, drawn
from qrcode's module matrix without Pillow: as text for a terminal, as SVG, or as the
matrix itself for the window to paint."""

from __future__ import annotations

import ipaddress
import socket

ALL_INTERFACES = "0.0.0.0"  # what `serve --lan` and the window's LAN setting bind
VIEWS = ("host", "assistant", "status")
# A documentation address (RFC 5737): "connecting" a UDP socket to it sends nothing, but
# makes the system choose the interface that would carry it, whose address is the LAN one.
_PROBE = ("192.0.2.1", 9)


def lan_address() -> str | None:
    """This machine's address on the local network, or None when it has none (no network)."""
    candidates = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(_PROBE)
            candidates.append(s.getsockname()[0])
    except OSError:
        pass
    try:
        candidates += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    return next((a for a in candidates if _usable(a)), None)


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def view_link(host: str, port: int, view_token: str, view: str = "host", lang: str | None = None) -> str:
    """The link a display opens. The token is in the fragment (#t=…): a browser never sends
    a fragment, so it is in no request line, no log and no Referer."""
    if view not in VIEWS:
        raise ValueError(f"no view {view!r}: the views are {', '.join(VIEWS)}")
    shown = f"[{host}]" if ":" in host else host
    query = f"?lang={lang}" if lang else ""
    return f"http://{shown}:{port}/view/{view}{query}#t={view_token}"


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (True: dark), its quiet zone of 4 modules included."""
    import qrcode  # on demand: the window starts without it (bench/startup.py)

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_text(text: str, invert: bool = True) -> str:
    """The QR code in a terminal, two modules a character (half blocks). `invert`: light
    modules are printed as blocks, for the usual light-on-dark terminal, so a phone sees
    dark-on-light the way a QR code must be."""
    rows = qr_matrix(text)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    chars = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    out = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        out.append("".join(chars[(t != invert, b != invert)] for t, b in zip(top, bottom, strict=True)))
    return "\n".join(out)


def qr_svg(text: str, module_px: int = 8) -> str:
    """The QR code as a small SVG document (one path of unit squares)."""
    rows = qr_matrix(text)
    size = len(rows)
    squares = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(rows) for x, dark in enumerate(row) if dark)
    px = size * module_px
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="{px}" viewBox="0 0 {size} {size}" '
            f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path d="{squares}" fill="#000"/></svg>')
