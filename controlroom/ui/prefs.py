"""The window's own preferences (not a show's pacing figures): language, recent shows,
chart window, sound cue, refresh rates, where the host display was. Declared once here with their defaults."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

# Display rates: the labels and tables follow the clock; the charts redraw slower.
REFRESH_MS = 200
CHART_REDRAW_MS = 1000
FEED_TICK_MS = 250
BLINK_MS = 500
LOG_MAX_ROWS = 5000
RECENT_MAX = 8
DEFAULT_CHART_WINDOW_MINUTES = 15
DEFAULT_REHEARSAL_MINUTES = 120
LANGUAGES = ("zh_CN", "en")


@dataclass
class RecentShow:
    db: str
    show_id: int
    title: str


@dataclass(frozen=True)
class HostPlacement:
    """Where the host display was: open or not, on which screen (its name), its normal
    (not full-screen) geometry as (x, y, width, height), and whether it was full screen."""

    open: bool = False
    screen: str = ""
    geometry: tuple[int, int, int, int] | None = None
    full_screen: bool = False


class Prefs:
    """A thin typed layer over QSettings; tests pass their own ini file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings if settings is not None else QSettings("ControlRoom", "ControlRoom")

    def language(self) -> str | None:
        value = self.q.value("language", "")
        return str(value) if value in LANGUAGES else None

    def set_language(self, lang: str) -> None:
        self.q.setValue("language", lang)

    def chart_window_minutes(self) -> int:
        return int(self.q.value("chart_window_minutes", DEFAULT_CHART_WINDOW_MINUTES))

    def set_chart_window_minutes(self, minutes: int) -> None:
        self.q.setValue("chart_window_minutes", int(minutes))

    def sound(self) -> bool:
        return str(self.q.value("sound", "false")).lower() == "true"

    def set_sound(self, on: bool) -> None:
        self.q.setValue("sound", "true" if on else "false")

    def recent(self) -> list[RecentShow]:
        try:
            raw = json.loads(str(self.q.value("recent", "[]")))
            return [RecentShow(str(r["db"]), int(r["show_id"]), str(r["title"])) for r in raw]
        except (ValueError, KeyError, TypeError):
            return []

    def add_recent(self, show: RecentShow) -> None:
        """Kept without a password (the prefs file is plain text)."""
        from controlroom.store.db import without_password  # a show is open: the store is loaded

        show = RecentShow(without_password(show.db), show.show_id, show.title)
        shows = [r for r in self.recent() if (r.db, r.show_id) != (show.db, show.show_id)]
        shows.insert(0, show)
        self.q.setValue("recent", json.dumps([r.__dict__ for r in shows[:RECENT_MAX]], ensure_ascii=False))

    # -- window geometry (ui/window_layout.py) ---------------------------------
    def window_geometry(self) -> bytes:
        return _bytes(self.q.value("window/geometry"))

    def window_state(self) -> bytes:
        return _bytes(self.q.value("window/state"))

    def set_window_layout(self, geometry: bytes, state: bytes) -> None:
        self.q.setValue("window/geometry", QByteArray(geometry))
        self.q.setValue("window/state", QByteArray(state))

    # -- the agency server (ui/sync_status.py) --------------------------------
    def agency_server(self) -> str:
        """The server URL the open show is synced to ("" for none); never with a password."""
        return str(self.q.value("agency_server", "") or "")

    def set_agency_server(self, url: str) -> None:
        self.q.setValue("agency_server", url.strip())

    def sync(self) -> None:
        self.q.sync()

    # -- the host display: open or not, its screen, normal geometry, full screen ----------
    def host_placement(self) -> HostPlacement:
        try:
            raw = json.loads(str(self.q.value("host_display", "{}")))
            rect = raw.get("geometry")
            geometry = tuple(int(v) for v in rect) if rect else None
            return HostPlacement(bool(raw.get("open", False)), str(raw.get("screen", "")),
                                 geometry if geometry and len(geometry) == 4 else None,  # type: ignore[arg-type]
                                 bool(raw.get("full_screen", False)))
        except (ValueError, TypeError, AttributeError):
            return HostPlacement()

    def set_host_placement(self, placement: HostPlacement) -> None:
        """Written at once (sync): a crash a moment later must still find it."""
        self.q.setValue("host_display", json.dumps(placement.__dict__, ensure_ascii=False))
        self.q.sync()

def _bytes(value: object) -> bytes:
    """A stored QByteArray as bytes; anything else (missing, garbled) as nothing."""
    if isinstance(value, QByteArray):
        return bytes(value.data())
    return value if isinstance(value, bytes) else b""
