"""Where the production clock keeps this boot's anchor: the user's data folder, beside
the default database, so every ControlRoom process of the user shares it."""

from __future__ import annotations

from pathlib import Path

from controlroom.store.db import default_db_path

ANCHOR_FILE = "clock-anchor.json"


def clock_anchor_path() -> Path:
    return default_db_path().parent / ANCHOR_FILE
