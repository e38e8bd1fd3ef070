"""A show run on the production clock across wall-clock jumps: its timers, alerts and log
are those of the same show on an undisturbed clock, and replay equals live."""

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.show import status_dict
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.writer import FeedWriter
from tests.core.machine import HOUR, START, Machine

OPERATOR_KINDS = (ev.SHOW_STARTED, ev.SEGMENT_STARTED, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED,
                  ev.INTERACTION_MARKED)


def log(repo, show_id):
    """The log's events with their times (events of one instant may be stored in either order)."""
    return sorted(((e.ts, e.kind, e.value or 0.0, e.qty or 0, e.text or "") for e in repo.events(show_id)))


def comparable(status):
    """A status without what differs between two shows of the same plan (ids)."""
    status.pop("show_id")
    if status["segment"] is not None:
        status["segment"].pop("uid")
    return status


class Twin:
    """One show on one machine; `jumps` maps a step to how far its wall clock jumps there."""

    def __init__(self, repo, anchor, jumps):
        self.repo, self.anchor, self.jumps = repo, anchor, jumps
        self.machine = Machine()
        self.show_id = create_show(repo, "跳钟 Clock jumps", 60, sample_products(), START)
        self.writer = FeedWriter(repo.engine)
        self.service = ShowService(repo, self.writer, self.show_id, self.machine.clock(anchor))
        self.sim = RoomSimulator(seed=7)

    def step(self, name, seconds=0.0):
        self.machine.run(seconds)
        self.machine.wall += self.jumps.get(name, 0.0)

    def feed(self, seconds):
        for _ in range(seconds):
            self.step("feed", 1)
            now = self.service.now()
            self.service.ingest(self.sim.step(now, room_context(self.service.state, now)))

    def status(self):
        return comparable(self.service.status())

    def replayed(self):
        self.writer.flush()
        return comparable(status_dict(self.repo.load_show(self.show_id).snapshot(self.service.now())))

    def restart(self):
        """The process ends and a new one opens the show on a new clock (same anchor file)."""
        self.writer.close()
        self.service.close()
        self.writer = FeedWriter(self.repo.engine)
        self.service = ShowService(self.repo, self.writer, self.show_id, self.machine.clock(self.anchor))

    def close(self):
        self.writer.close()
        self.service.close()


def play(twin):
    """Start, 3.5 s, [jump], an incident, a minute of feed, [jump], next segment,
    an interaction, the incident closed, [jump], a restart, half a minute of feed."""
    seen = {}
    twin.service.start()
    twin.step("first", 3.5)
    seen["before"] = twin.status()
    twin.step("jump")
    seen["after"] = twin.status()
    twin.service.run(c.open_incident, "推流卡顿", "i1")
    twin.feed(60)
    twin.step("back")
    twin.service.next()
    twin.service.run(c.mark_interaction)
    twin.service.run(c.close_incident, "i1")
    twin.step("pre-restart", 2)
    twin.restart()
    twin.feed(30)
    seen["end"] = twin.status()
    return seen


def test_jumps_change_no_timer_no_alert_and_replay_equals_live(repo, tmp_path):
    calm = Twin(repo, tmp_path / "calm" / "anchor.json", {})
    jumpy = Twin(repo, tmp_path / "jumpy" / "anchor.json",
                 {"jump": HOUR, "back": -2 * HOUR, "pre-restart": 0.5 * HOUR})
    expected, got = play(calm), play(jumpy)
    assert got["after"]["segment"]["elapsed_s"] == 3.5
    assert got["after"]["show_elapsed_s"] == 3.5
    assert got["after"]["alerts"] == got["before"]["alerts"]
    assert got == expected
    assert jumpy.replayed() == got["end"]
    assert log(repo, jumpy.show_id) == log(repo, calm.show_id)
    actions = sorted(repo.events(jumpy.show_id, OPERATOR_KINDS), key=lambda e: e.id)
    stamps = [e.ts for e in actions]
    assert len(stamps) == 6 and stamps == sorted(stamps)  # in order of arrival = in order of time
    calm.close()
    jumpy.close()
