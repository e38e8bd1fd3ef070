"""`status` and `recap` on a database this user cannot write: a 0444 file, a read-only
folder (with and without a crashed show's -wal), as a user the file modes apply to.

Root ignores file modes, so when the tests run as root the command runs in a child that
drops to uid/gid 65534 (nobody) after importing what it needs (the interpreter lives
under /root, which nobody cannot read). A read-only bind mount, which stops root too,
checks the plain `python -m controlroom` the same way.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

NOBODY = 65534
AS_NOBODY = """
import os, sys
from controlroom.app import main
import controlroom.cli.status, controlroom.cli.recap, controlroom.recap.workbook, sqlalchemy.dialects.sqlite.pysqlite
import controlroom.services.recap_pass
try:
    os.setgid(%d); os.setuid(%d)
except OSError as exc:
    print(f"cannot drop root: {exc}", file=sys.stderr); sys.exit(77)
sys.exit(main(sys.argv[1:]))
""" % (NOBODY, NOBODY)
pytestmark = pytest.mark.slow
COMPARED = ("views", "likes", "comments", "shares", "follows", "orders", "gmv", "peak_online")


def controlroom(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def as_reader(*args: object) -> subprocess.CompletedProcess:
    """The command as a user that file modes apply to."""
    if os.geteuid() != 0:
        return controlroom(*args)
    done = subprocess.run([sys.executable, "-c", AS_NOBODY, *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode == 77:
        pytest.skip(done.stderr.strip())
    return done


@pytest.fixture(scope="module")
def shows():
    """A finished show (no -wal left) and a crashed one (its last writes only in the -wal),
    in a folder any user can enter."""
    root = Path(tempfile.mkdtemp(prefix="controlroom-ro-"))
    root.chmod(0o755)
    src = root / "src"
    src.mkdir()
    assert controlroom("rehearse", "--db", src / "done.db", "--minutes", 20, "--speed", 100000).returncode == 0
    _crash(src / "crash.db")
    assert (src / "crash.db-wal").stat().st_size > 0
    reference = root / "reference"
    shutil.copytree(src, reference)  # read by a writer, which folds the -wal into the file
    yield src, {name: _status(controlroom("status", "--db", reference / name)) for name in ("done.db", "crash.db")}
    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(root)


def _crash(db: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "rehearse", "--db", str(db), "--minutes", "20",
                             "--speed", "300"], stdout=subprocess.PIPE, text=True)
    acks = 0
    for line in proc.stdout:
        acks += line.startswith("ack ")
        if acks == 4:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _status(done: subprocess.CompletedProcess) -> dict:
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    return {"state": s["state"], "segment": (s["segment"] or {}).get("uid"), **{k: s["totals"][k] for k in COMPARED}}


def _copy(src: Path, name: str, to: Path, *, shm: bool = True) -> Path:
    to.mkdir(mode=0o777)
    to.chmod(0o777)
    for suffix in ("", "-wal", "-shm") if shm else ("", "-wal"):
        if (src / (name + suffix)).exists():
            shutil.copy(src / (name + suffix), to / (name + suffix))
    return to / name


def _read_only(db: Path, *, folder: bool) -> None:
    for path in [db, *db.parent.glob(db.name + "-*")]:
        path.chmod(0o444)
    if folder:
        db.parent.chmod(0o555)


@pytest.mark.parametrize("name", ["done.db", "crash.db"])
def test_status_of_a_0444_file(shows, name):
    src, reference = shows
    db = _copy(src, name, src.parent / f"file-{name}")
    _read_only(db, folder=False)
    assert _status(as_reader("status", "--db", db)) == reference[name]


@pytest.mark.parametrize("name", ["done.db", "crash.db"])
def test_status_in_a_read_only_folder(shows, name):
    """done.db has no -wal: SQLite cannot make its -shm there, so it is read as immutable;
    crash.db's -wal holds its last writes, read with mode=ro (immutable would skip them)."""
    src, reference = shows
    db = _copy(src, name, src.parent / f"folder-{name}")
    _read_only(db, folder=True)
    files = sorted(os.listdir(db.parent))
    assert _status(as_reader("status", "--db", db)) == reference[name]
    assert sorted(os.listdir(db.parent)) == files


def test_recap_and_shows_from_a_read_only_folder(shows):
    src, reference = shows
    db = _copy(src, "done.db", src.parent / "recap")
    _read_only(db, folder=True)
    out = src.parent / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    done = as_reader("recap", "--db", f"sqlite:///{db}", "-o", out / "recap.xlsx")  # the window passes a URL
    assert done.returncode == 0, done.stderr
    assert f"{reference['done.db']['orders']} orders" in done.stdout and (out / "recap.xlsx").stat().st_size > 0
    assert "ended" in as_reader("shows", "--db", db).stdout


def test_a_wal_without_its_shm_in_a_read_only_folder_is_refused_with_the_way_out(shows):
    src, _ = shows
    db = _copy(src, "crash.db", src.parent / "no-shm", shm=False)
    _read_only(db, folder=True)
    done = as_reader("status", "--db", db)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "crash.db-wal" in done.stderr and "copy the database and its -wal file into a writable folder" in done.stderr


def test_a_read_only_mount_stops_root_too(shows):
    """The plain command line (no dropped privileges) on a folder bind-mounted read-only."""
    if os.geteuid() != 0:
        pytest.skip("bind mounts need root; the tests above ran as this user already")
    src, reference = shows
    folder = src.parent / "mounted"
    folder.mkdir()
    if subprocess.run(["mount", "--bind", "-o", "ro", str(src), str(folder)], capture_output=True).returncode != 0:
        pytest.skip("cannot bind-mount here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True)
        assert not os.access(folder, os.W_OK) and stat.S_ISDIR(os.stat(folder).st_mode)
        assert _status(controlroom("status", "--db", folder / "done.db")) == reference["done.db"]
    finally:
        subprocess.run(["umount", str(folder)], check=True)
