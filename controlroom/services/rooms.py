"""The agency's view: every room with a live or recent show, each through the same replay
and the same figures as `controlroom status` (core/rooms.py)."""

from __future__ import annotations

from typing import Any

from controlroom.core.rooms import room_row
from controlroom.store.repository import ShowRepository

RECENT_S = 24 * 3600  # a show is recent when its newest event, or its creation, is this recent
CANDIDATE_S = 7 * 24 * 3600  # only shows created this recently are looked at (an index-free bound)
_ON_AIR = ("running", "paused")


def recent_rooms(repo: ShowRepository, now: float, recent_s: float = RECENT_S) -> list[dict[str, Any]]:
    """One line per room, its newest show that is on air (started, not ended) or recent, by room name."""
    best: dict[str, tuple[tuple[bool, float, int], int, float | None]] = {}
    for show_id, room, created_at in repo.shows_created_since(now - CANDIDATE_S):
        last = repo.last_event_at(show_id)
        on_air = repo.show_state(show_id) in _ON_AIR
        if not (on_air or max(created_at, last or created_at) >= now - recent_s):
            continue
        rank = (on_air, last or created_at, show_id)
        if room not in best or rank > best[room][0]:
            best[room] = (rank, show_id, last)
    return [room_row(repo.load_show(show_id), now, last) for _, (_, show_id, last) in sorted(best.items())]

