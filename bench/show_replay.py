"""Show replay (`controlroom replay`): a recorded 60-minute rehearsal played again headless at
unbounded speed, against handing the same feed events straight to a new show's service.

Run: .venv/bin/python bench/show_replay.py [--minutes M] [--rounds N]
Prints the figures and last: RESULT show_replay seconds=<best> ratio=<replay/bare ingest>
The recording is made once with the rehearsal (simulator and automatic controller). The bare
baseline reads it the same way and ingests its feed in batches of 1,000 into a fresh show
(no clock stepping, no moves, no pacing): what the replay costs beyond the service's own work.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from controlroom.core.clock import FakeClock
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.rehearsal import run_rehearsal
from controlroom.feeds.replay_run import run_replay
from controlroom.feeds.replay_source import Recording, create_replay_show, read_recording, replayed
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine, open_read_only
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

START = 1_767_225_600.0


def _quiet(_line: str) -> None:
    pass


def record(path: Path, minutes: float) -> int:
    repo = ShowRepository(open_engine(path))
    sid = create_show(repo, "bench", minutes, sample_products(), START)
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, sid, FakeClock(START))
    run_rehearsal(service, service.clock, 1e9, 1, _quiet)  # type: ignore[arg-type]
    writer.close()
    service.close()
    repo.engine.dispose()
    return sid


def timed(path: Path, recording: Recording, bare: bool) -> float:
    repo = ShowRepository(open_engine(path))
    sid = create_replay_show(repo, recording, "bench replay", START + 86_400)
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, sid, FakeClock(START + 86_400))
    t0 = time.perf_counter()
    if bare:
        feed = [replayed(e, e.ts + 86_400) for e in recording.feed]
        for i in range(0, len(feed), 1000):
            service.ingest(feed[i : i + 1000])
        writer.flush()
    else:
        run_replay(service, service.clock, recording, 1e9, _quiet)  # type: ignore[arg-type]
    took = time.perf_counter() - t0
    writer.close()
    service.close()
    repo.engine.dispose()
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sid = record(folder / "recording.db", a.minutes)
        engine = open_read_only(folder / "recording.db")
        recording = read_recording(ShowRepository(engine), sid)
        engine.dispose()
        best_replay = best_bare = float("inf")
        for r in range(a.rounds):
            best_bare = min(best_bare, timed(folder / f"bare{r}.db", recording, bare=True))
            best_replay = min(best_replay, timed(folder / f"replay{r}.db", recording, bare=False))
    print(f"recorded: {a.minutes:g} min, {len(recording.timeline):,} events ({len(recording.feed):,} feed)")
    print(f"bare ingest of the feed into a new show: {best_bare:.3f} s")
    print(f"headless replay (moves, clock, pacing):  {best_replay:.3f} s")
    print(f"RESULT show_replay seconds={best_replay:.3f} ratio={best_replay / best_bare:.2f}")


if __name__ == "__main__":
    main()
