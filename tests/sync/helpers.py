"""What the sync tests share: real `controlroom` processes, and the two logs compared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, inspect, select

from controlroom.models import EventRow, SyncedShow

ROOT = Path(__file__).resolve().parents[2]
FIELDS = ("kind", "ts", "user", "product", "value", "qty", "ref", "text", "flag", "data")


def env(**extra: str) -> dict[str, str]:
    e = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    e.pop("CONTROLROOM_SYNC_TO", None)
    e.update(extra)
    return e


def cli(*args: str, check: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "controlroom", *args], capture_output=True, text=True,
                          env=env(**extra), timeout=300, cwd=ROOT)
    if check and done.returncode != 0:
        raise AssertionError(f"controlroom {' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def spawn(*args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "controlroom", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env(**extra), cwd=ROOT)


def rehearsed(path: Path, room: str, minutes: int = 60, seed: int = 1, speed: str = "100000") -> Path:
    cli("new-show", "--db", str(path), "--title", f"{room} show", "--minutes", str(minutes), "--room", room)
    cli("rehearse", "--db", str(path), "--show", "1", "--minutes", str(minutes), "--speed", speed, "--seed", str(seed))
    return path


def events(url: str, show_id: int, up_to_id: int | None = None) -> Counter[tuple]:
    """The show's log as a multiset of (kind, ts, fields…): what must match, ids aside."""
    engine = create_engine(url)
    try:
        q = select(*(EventRow.__table__.c[f] for f in FIELDS)).where(EventRow.show_id == show_id)
        if up_to_id is not None:
            q = q.where(EventRow.id <= up_to_id)
        with engine.connect() as conn:
            return Counter(tuple(r) for r in conn.execute(q))
    finally:
        engine.dispose()


def marks(url: str) -> list[tuple[int, str, int, int, int]]:
    """(server show, origin, laptop show, last laptop id shipped, events shipped) per synced show."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(SyncedShow.__tablename__):
                return []
            return [tuple(r) for r in conn.execute(select(
                SyncedShow.show_id, SyncedShow.origin, SyncedShow.origin_show_id, SyncedShow.last_event_id,
                SyncedShow.events).order_by(SyncedShow.show_id))]
    finally:
        engine.dispose()


def status(db: str, show_id: int) -> dict:
    return json.loads(cli("status", "--db", db, "--show", str(show_id)).stdout)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def wait_until(condition, timeout_s: float = 120.0, what: str = "") -> None:
    """Poll until `condition()` holds; a deadline only to fail instead of hanging, never a measure."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {timeout_s:.0f} s: {what}")
        time.sleep(0.2)
