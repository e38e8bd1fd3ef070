"""Real processes for the acceptance tests: a show database, `controlroom serve`, a client, the log as stored."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

TOKEN = "acceptance-token-1234"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STARTUP_S = 60.0  # only a bound on a broken start; a healthy one takes about a second


def controlroom(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def new_show(db: Path | str) -> None:
    done = controlroom("new-show", "--db", str(db), "--title", "acceptance")
    assert done.returncode == 0, done.stderr


@dataclass
class Served:
    """A running `controlroom serve`; its output goes to files (a full pipe would stall it)."""

    proc: subprocess.Popen
    url: str
    out: Path
    err: Path

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def terminate(self, timeout: float = 120) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=timeout)
        return rc, self.err.read_text(errors="replace")


def serve(db: Path | str, logs: Path, *args: str) -> Served:
    """Start `controlroom serve --port 0` over `db` and wait for the address it prints."""
    logs.mkdir(parents=True, exist_ok=True)
    n = len(list(logs.glob("out-*")))
    out, err = logs / f"out-{n}", logs / f"err-{n}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "CONTROLROOM_TOKEN": TOKEN}
    with open(out, "w") as o, open(err, "w") as e:
        proc = subprocess.Popen([sys.executable, "-m", "controlroom", "serve", "--db", str(db), "--port", "0", *args],
                                stdout=o, stderr=e, env=env, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        for line in out.read_text().splitlines():
            if line.startswith("listening on "):
                return Served(proc, line.split()[2], out, err)
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {err.read_text()}")
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("serve did not start")


async def post(session: aiohttp.ClientSession, url: str, body: Any, timeout: float = 60) -> tuple[int, Any, Any]:
    """(status, JSON body, headers) of one POST of events."""
    text = body if isinstance(body, (bytes, str)) else json.dumps(body)
    raw = text.encode() if isinstance(text, str) else text
    data = io.BytesIO(raw) if len(raw) > 1 << 20 else raw  # aiohttp warns about big bytes bodies
    async with session.post(f"{url}/api/v1/events", data=data, headers={**AUTH, "Content-Type": "application/json"},
                            timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
        return resp.status, await resp.json(), resp.headers


async def get_state(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(f"{url}/api/v1/state", headers=AUTH) as resp:
        assert resp.status == 200
        return await resp.json()


def read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def rows(db: Path | str, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """A query on the log as stored: a SQLite file read-only, or a server URL (`:name` parameters)."""
    if isinstance(db, Path):
        with read_only(db) as conn:
            return conn.execute(sql, params or {}).fetchall()
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params or {})]
    finally:
        engine.dispose()


def refs(db: Path | str, kind: str) -> list[str]:
    """Every ref the log holds for one kind, repeats included."""
    return [r for (r,) in rows(db, "SELECT ref FROM events WHERE kind = :kind", {"kind": kind})]


def integrity(db: Path | str) -> str:
    """SQLite's integrity check; a server keeps its own (it is "ok" there by construction)."""
    if not isinstance(db, Path):
        return "ok"
    with read_only(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def status_totals(db: Path | str) -> dict:
    done = controlroom("status", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["totals"]


def order(order_id: str, amount: float = 9.9) -> dict:
    return {"type": "order", "order_id": order_id, "amount": amount, "product": "SKU-1001", "buyer": "b"}


def comment(event_id: str) -> dict:
    return {"type": "comment", "text": f"来了 {event_id}", "event_id": event_id, "user": "u"}


def fill(folder: Path) -> int:
    """Fill the disk under `folder` with a file named filler; the bytes written."""
    written = 0
    with open(folder / "filler", "wb", buffering=0) as f:
        for size in (1 << 16, 4096, 512):
            try:
                while True:
                    written += f.write(b"\0" * size)
            except OSError:
                pass
    return written
