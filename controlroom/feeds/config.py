"""The live-data settings and the user's config folder (API token, comment-watch lists).

The folder is platformdirs' user_config_dir("ControlRoom"), or $CONTROLROOM_CONFIG_DIR
when set (tests point it at a temporary folder so they never touch the real one).
The token file is kept readable by its owner only: found looser, it is tightened to
0600 with a warning (once per process), since anyone who read it could send events.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from controlroom.core.comment_watch import CommentWatch

APP_NAME = "ControlRoom"
CONFIG_ENV = "CONTROLROOM_CONFIG_DIR"
TOKEN_ENV = "CONTROLROOM_TOKEN"
TOKEN_FILE = "api_token"
VIEW_TOKEN_FILE = "view_token"  # read-only: the browser views' link carries it (docs/views.md)
WATCH_FILE = "comment_watch.json"
MIN_TOKEN_CHARS = 8

log = logging.getLogger(__name__)
_warned: set[str] = set()  # token files already warned about in this process


@dataclass(frozen=True)
class ApiSettings:
    """The local API's defaults; every one can be given on the command line or in the window."""

    host: str = "127.0.0.1"
    port: int = 8765
    max_body_bytes: int = 4 * 1024 * 1024  # a 4 MB array holds ~40,000 events
    # A request's headers (and an idle keep-alive connection) and its body each get this long.
    read_timeout_s: float = 10.0
    tail_poll_s: float = 0.2


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    return Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))


def load_or_create_token(folder: Path | None = None, name: str = TOKEN_FILE) -> str:
    """The API token kept in the config folder; made on first use, readable by the user only."""
    path = (folder or config_dir()) / name
    if path.is_file():
        _tighten(path)
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    token = secrets.token_urlsafe(24)
    _write_private(path, token + "\n")
    return token


def load_or_create_view_token(folder: Path | None = None) -> str:
    """The view-only token (GET state, the live pushes; never events or commands), kept
    and made like the API token but in a file of its own, so a view link never holds the other."""
    return load_or_create_token(folder, VIEW_TOKEN_FILE)


def _tighten(path: Path) -> None:
    """Our own token file, readable by others: made 0600 (POSIX file modes only)."""
    if os.name == "nt":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return
    try:
        os.chmod(path, 0o600)
        outcome = "made it readable by you only (0600); anyone who read it could send events: delete it for a new token"
    except OSError as exc:
        outcome = f"cannot change that ({exc.strerror}): anyone who can read it can send events"
    _warn_once(path, f"the API token file {path} was readable by other users (mode {mode:04o}); {outcome}")


def _warn_once(path: Path, message: str) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        log.warning("%s", message)


def check_token(token: str, source: str) -> str:
    """A token given by the user (option, environment, file): 8 or more visible ASCII
    characters, as an `Authorization: Bearer` header can carry them. Raises ValueError."""
    if len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"{source}: a token needs at least {MIN_TOKEN_CHARS} characters")
    if not all("!" <= c <= "~" for c in token):
        raise ValueError(f"{source}: a token is visible ASCII characters only (no spaces)")
    return token


def read_token_file(path: str | Path) -> str:
    """The token in a file the user names (its first line); warns once when other users
    may read the file, but leaves its mode to its owner. Raises ValueError."""
    p = Path(path).expanduser()
    try:
        lines = p.read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"--token-file {p}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    if os.name != "nt" and stat.S_IMODE(p.stat().st_mode) & 0o077:
        _warn_once(p, f"the token file {p} can be read by other users: chmod 600 {p}")
    return check_token(lines[0].strip() if lines else "", f"--token-file {p}")


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_json(name: str, folder: Path | None = None) -> dict[str, Any] | None:
    """A JSON object kept in the config folder, or None when missing or unreadable."""
    path = (folder or config_dir()) / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_json(name: str, data: dict[str, Any], folder: Path | None = None) -> None:
    _write_private((folder or config_dir()) / name, json.dumps(data, ensure_ascii=False, indent=2))


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def load_watch(folder: Path | None = None) -> CommentWatch:
    """The user's comment-watch lists (or the defaults)."""
    return CommentWatch.from_dict(load_json(WATCH_FILE, folder))


def save_watch(watch: CommentWatch, folder: Path | None = None) -> None:
    save_json(WATCH_FILE, watch.to_dict(), folder)
