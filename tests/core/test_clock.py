"""The production clock: deaf to wall-clock jumps, counting a laptop's sleep, one anchor per boot."""

import json
import subprocess
import sys
import time

import pytest

from controlroom.core.clock import (
    Anchor,
    FakeClock,
    ScaledClock,
    boot_seconds,
    load_anchor,
    write_anchor,
)
from tests.core.machine import HOUR, START, Machine


@pytest.fixture
def m():
    return Machine()


@pytest.fixture
def anchor(tmp_path):
    return tmp_path / "data" / "clock-anchor.json"


@pytest.mark.parametrize("jump", [HOUR, -HOUR, 0.8, -0.8])
def test_a_wall_clock_jump_moves_nothing(m, jump):
    clock = m.clock()
    m.run(3.5)
    before = clock.now()
    m.wall += jump
    assert clock.now() == before == START + 3.5
    m.run(10)
    assert clock.now() == START + 13.5


def test_a_laptop_sleep_counts(m):
    clock = m.clock()
    m.run(60)
    m.sleep(30 * 60)
    assert clock.now() == START + 60 + 1800
    m.run(5)
    assert clock.now() == START + 1865


def test_now_never_decreases_even_if_the_boot_clock_does(m):
    clock = m.clock()
    m.run(10)
    first = clock.now()
    m.boot -= 4  # not a real boot clock; the guard holds all the same
    assert clock.now() == first
    m.boot += 6
    assert clock.now() == START + 12


def test_two_clocks_on_one_anchor_file_agree_across_a_jump(m, anchor):
    a = m.clock(anchor)
    m.run(20)
    m.wall += HOUR
    b = m.clock(anchor)
    assert b.now() == a.now() == START + 20
    assert a.shared and b.shared and a.anchor == b.anchor


def test_a_restart_after_a_jump_resumes_exactly(m, anchor):
    first = m.clock(anchor)
    m.run(100)
    m.wall -= HOUR
    last_logged = first.now()
    del first  # the process ends
    m.run(2)
    assert m.clock(anchor).now() == last_logged + 2


def test_without_an_anchor_file_each_clock_anchors_itself(m):
    a = m.clock()
    m.wall += HOUR
    b = m.clock()
    assert b.now() - a.now() == HOUR and not a.shared


def test_the_first_clock_of_a_boot_writes_the_anchor(m, anchor):
    m.clock(anchor)
    assert load_anchor(anchor) == Anchor("boot-1", START, 50.0, START)


@pytest.mark.parametrize("text", ["", "{not json", '{"boot_id": "boot-1"}', "[1, 2]",
                                  '{"boot_id": "boot-1", "wall0": NaN, "boot0": 1, "mark": 1}'])
def test_a_corrupt_anchor_file_is_replaced(m, anchor, text):
    anchor.parent.mkdir(parents=True)
    anchor.write_text(text)
    m.run(1)
    assert m.clock(anchor).now() == START + 1
    assert load_anchor(anchor) == Anchor("boot-1", START + 1, 51.0, START + 1)


def test_a_new_boot_replaces_the_anchor_and_goes_on_from_the_wall_clock(m, anchor):
    m.clock(anchor)
    m.reboot("boot-2", down_s=600)
    assert m.clock(anchor).now() == START + 600
    assert load_anchor(anchor).boot_id == "boot-2"


def test_a_new_anchor_is_never_earlier_than_the_replaced_files_mark(m, anchor):
    old = m.clock(anchor, mark_every_s=5)
    m.run(300)
    reached = old.now()  # marked: more than 5 s since the anchor
    assert load_anchor(anchor).mark == reached
    m.reboot("boot-2", down_s=30)
    m.wall -= 120  # the new boot's wall clock starts two minutes behind
    new = m.clock(anchor)
    assert new.now() == reached
    m.run(1)
    assert new.now() == reached + 1


def test_marks_are_written_every_few_seconds_and_never_over_another_anchor(m, anchor):
    clock = m.clock(anchor, mark_every_s=10)
    m.run(4)
    clock.now()
    assert load_anchor(anchor).mark == START  # not yet due
    m.run(8)
    clock.now()
    assert load_anchor(anchor).mark == START + 12
    foreign = Anchor("boot-1", START + 99, 1.0, START + 99)  # the file was deleted and made again
    write_anchor(anchor, foreign)
    m.run(20)
    clock.now()
    assert load_anchor(anchor) == foreign


def test_an_unusable_folder_leaves_the_clock_its_own_anchor(m, tmp_path):
    (tmp_path / "a-file").write_text("x")
    clock = m.clock(tmp_path / "a-file" / "clock-anchor.json")
    m.run(30)
    assert clock.now() == START + 30 and not clock.shared


def test_without_a_boot_id_no_file_is_used(m, anchor):
    m.id = None
    clock = m.clock(anchor)
    assert not clock.shared and not anchor.exists()


def test_wall_offset_tells_how_far_the_clock_is_from_the_wall(m):
    clock = m.clock()
    m.wall -= HOUR
    assert clock.wall_offset_s() == HOUR


RACER = """
import json, sys, time
from controlroom.core.clock import SystemClock

def slow_wall():  # widens the window between reading the file and writing it
    time.sleep(0.05)
    return time.time()

sys.stdin.readline()  # all start at once, once imported
clock = SystemClock(sys.argv[1], wall=slow_wall)
print(json.dumps([clock.anchor.wall0, clock.anchor.boot0, clock.shared]))
"""


def test_processes_started_together_share_one_anchor(anchor):
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(anchor)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(8)]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [json.loads(p.communicate(timeout=60)[0]) for p in procs]
    if not outputs[0][2]:
        pytest.skip("this system has no boot id")
    assert all(o == outputs[0] for o in outputs)
    kept = load_anchor(anchor)
    assert [kept.wall0, kept.boot0] == outputs[0][:2]


@pytest.mark.skipif(not hasattr(time, "CLOCK_BOOTTIME"), reason="Linux only")
def test_the_boot_clock_is_clock_boottime():
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    now = boot_seconds()
    assert before <= now <= time.clock_gettime(time.CLOCK_BOOTTIME)


def test_fake_and_scaled_clocks(m):
    fake = FakeClock(100.0)
    assert fake.advance(5) == 105.0 and fake.now() == 105.0
    with pytest.raises(ValueError):
        ScaledClock(0)
    scaled = ScaledClock(10, wall=lambda: m.wall, boot=lambda: m.boot)
    m.sleep(3)
    m.wall += HOUR
    assert scaled.now() == START + 30
