"""20 SIGKILLs of a real `controlroom serve` under load from concurrent clients: every batch
that got 200 is in the log, exactly once; a re-send of a batch that got no answer is answered
as duplicates exactly when the log already has it; nothing is stored twice."""

from __future__ import annotations

import asyncio
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from tests.acceptance.procs import comment, integrity, new_show, order, post, refs, rows, serve, status_totals

KILLS = 20
CLIENTS = 3


@dataclass
class Ledger:
    """What the clients sent and what they were told."""

    batches: dict[str, list[dict]] = field(default_factory=dict)
    acked: set[str] = field(default_factory=set)
    unanswered: set[str] = field(default_factory=set)
    resent: int = 0
    resent_found_stored: int = 0

    def new_batch(self, name: str, rng: random.Random) -> str:
        events = [order(f"{name}-o{i}", round(rng.uniform(1, 500), 2)) for i in range(rng.randint(1, 25))]
        events += [comment(f"{name}-c{i}") for i in range(rng.randint(0, 5))]
        rng.shuffle(events)
        self.batches[name] = events
        return name

    def ids(self, name: str) -> list[str]:
        return [e.get("order_id") or e["event_id"] for e in self.batches[name]]


def stored_ids(db) -> set[str]:
    return {r for (r,) in rows(db, "SELECT ref FROM events WHERE kind IN ('order', 'comment')")}


async def send(session, url, ledger: Ledger, name: str) -> dict | None:
    """One POST; the receipt on 200, None for anything else (no answer, an error): send it again later."""
    try:
        status, body, _ = await post(session, url, ledger.batches[name], timeout=30)
    except (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError):
        ledger.unanswered.add(name)
        return None
    if status != 200:
        ledger.unanswered.add(name)
        return None
    ledger.unanswered.discard(name)
    ledger.acked.add(name)
    return body


async def resend(session, url, ledger: Ledger, stored: set[str]) -> None:
    """Every batch that got no answer, again: the receipt must tell what the log had."""
    for name in sorted(ledger.unanswered):
        ids = ledger.ids(name)
        had = [i in stored for i in ids]
        assert all(had) or not any(had), f"batch {name} is half in the log: {sum(had)} of {len(ids)}"
        receipt = await send(session, url, ledger, name)
        if receipt is None:
            continue
        ledger.resent += 1
        assert receipt["duplicates"] == (len(ids) if all(had) else 0), (name, receipt)
        ledger.resent_found_stored += all(had)


async def client(session, url, ledger: Ledger, who: str, rng: random.Random, dead: asyncio.Event) -> None:
    n = 0
    while not dead.is_set():  # until the kill; the batch it cut off is sent again next round
        n += 1
        if await send(session, url, ledger, ledger.new_batch(f"{who}-{n}", rng)) is None:
            return


async def one_round(db, logs, ledger: Ledger, rng: random.Random, round_no: int, kill: bool) -> None:
    server = serve(db, logs)
    async with aiohttp.ClientSession() as session:
        await resend(session, server.url, ledger, stored_ids(db))
        if not kill:
            return server
        dead = asyncio.Event()
        clients = [asyncio.create_task(client(session, server.url, ledger, f"r{round_no}k{k}",
                                              random.Random(rng.random()), dead)) for k in range(CLIENTS)]
        await asyncio.sleep(rng.uniform(0.05, 1.2))
        await asyncio.to_thread(server.kill)
        dead.set()
        await asyncio.gather(*clients)
    return server


@pytest.fixture(params=["sqlite", "postgresql"])
def show_db(request, tmp_path):
    """The show's database: a SQLite file, or a database on a real PostgreSQL server."""
    return tmp_path / "show.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")


@pytest.mark.slow
def test_twenty_sigkills_lose_no_acknowledged_event(show_db, tmp_path, capsys):
    db, logs = show_db, tmp_path / "logs"
    new_show(db)
    seed = int(os.environ.get("ACCEPTANCE_SEED", random.randrange(1 << 30)))
    rng, ledger = random.Random(seed), Ledger()
    for r in range(KILLS):
        asyncio.run(one_round(db, logs, ledger, rng, r, kill=True))
    last = asyncio.run(one_round(db, logs, ledger, rng, KILLS, kill=False))
    rc, err = last.terminate()
    assert rc == 0, err
    assert not ledger.unanswered, "every batch got an answer in the end"

    orders, comments = refs(db, "order"), refs(db, "comment")
    twice = [i for i, n in (Counter(orders) + Counter(comments)).items() if n > 1]
    acked_ids = [i for name in ledger.acked for i in ledger.ids(name)]
    lost = set(acked_ids) - set(orders) - set(comments)
    with capsys.disabled():
        print(f"\nRESULT kill db={'sqlite' if isinstance(db, Path) else 'postgresql'} seed={seed} kills={KILLS} batches_acked={len(ledger.acked)} events_acked={len(acked_ids)} "
              f"lost={len(lost)} stored_twice={len(twice)} resent={ledger.resent} "
              f"resent_found_stored={ledger.resent_found_stored}")
    assert not lost and not twice
    assert set(orders) | set(comments) == set(acked_ids)  # nothing stored that no client sent
    assert integrity(db) == "ok"
    totals = status_totals(db)
    assert (totals["orders"], totals["comments"]) == (len(orders), len(comments))
    gmv = sum(e["amount"] for name in ledger.acked for e in ledger.batches[name] if e["type"] == "order")
    assert totals["gmv"] == pytest.approx(gmv)
