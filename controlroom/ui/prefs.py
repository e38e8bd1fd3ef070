"""The window's own preferences (not a show's pacing figures): language, recent shows,
chart window, sound cue, refresh rates. Declared once here with their defaults."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QSettings

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
        shows = [r for r in self.recent() if (r.db, r.show_id) != (show.db, show.show_id)]
        shows.insert(0, show)
        self.q.setValue("recent", json.dumps([r.__dict__ for r in shows[:RECENT_MAX]], ensure_ascii=False))

    # -- the agency server (ui/sync_status.py) --------------------------------
    def agency_server(self) -> str:
        """The server URL the open show is synced to ("" for none); never with a password."""
        return str(self.q.value("agency_server", "") or "")

    def set_agency_server(self, url: str) -> None:
        self.q.setValue("agency_server", url.strip())

    def sync(self) -> None:
        self.q.sync()
