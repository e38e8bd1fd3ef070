"""The schema's version, kept by Alembic (store/migrations): bring a database to the head
revision under a lock, so that several laptops starting at once do not race; refuse one
newer than this code.

A database made before Alembic has no `alembic_version` table but a `meta` row
`schema_version` (1, 2 or 3): it is stamped with that revision ("0001".."0003") and
upgraded from there. A database with neither is new and gets every revision.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from controlroom.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported where it is used: the window opens the database off the UI thread
# (ui/main.py), and importing Alembic (~0.4 s) before the window shows only delays it.

_MIGRATIONS = Path(__file__).with_name("migrations")
# pg_advisory_xact_lock(namespace, 0) while migrating; show locks use the one-key form
# (store/show_lock.py), a separate key space on the server.
_PG_MIGRATION_LOCK = (0x436F6E74, 0)  # "Cont"


def _migration_context() -> type:
    import alembic  # noqa: F401 - the package first: its modules import one another in its order
    from alembic.runtime.migration import MigrationContext

    return MigrationContext


def _config() -> Config:
    import alembic  # noqa: F401 - the package first (see _migration_context)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


@functools.cache
def _script() -> ScriptDirectory:
    import alembic  # noqa: F401 - the package first (see _migration_context)
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The code's head revision: from the revision files' plain lines when they say it
    (no Alembic: opening a database at head never imports it), else Alembic's."""
    return _head_on_disk() or str(_script().get_current_head())


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(s.revision for s in _script().walk_revisions())


def current(conn: Connection) -> str | None:
    """The database's revision: Alembic's, else the legacy `meta` version, else None (new)."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        rows = list(conn.scalars(text("SELECT version_num FROM alembic_version")))
        if len(rows) == 1:
            return str(rows[0])  # what Alembic's MigrationContext reads, without importing it
        if rows:
            return _migration_context().configure(conn).get_current_revision()  # several heads: Alembic says
    if "meta" in tables:
        value = conn.scalar(text("SELECT value FROM meta WHERE key = 'schema_version'"))
        return None if value is None else f"{int(value):04d}"
    return None


def check(revision: str | None) -> None:
    """Refuse a database whose revision this code does not know (a newer ControlRoom made it)."""
    if revision is not None and revision != head() and revision not in _known():
        raise StoreError(
            f"the database has schema {revision}, newer than this version of ControlRoom ({head()}): "
            "update ControlRoom to open it")


def upgrade(engine: Engine) -> None:
    """Bring the database to the head revision (nothing to do is the common case: no lock,
    and no Alembic when the revision files say the head plainly, see `head`)."""
    with engine.connect() as conn:
        revision = current(conn)
        check(revision)
        if revision == head():
            return
    with engine.connect() as conn:
        _lock(conn)
        revision = current(conn)  # another process may have migrated while we waited
        check(revision)
        if revision != head():
            from alembic import command

            config = _config()
            config.attributes["connection"] = conn
            if revision is not None and not _has_alembic_version(conn):
                command.stamp(config, revision)
            command.upgrade(config, "head")
        conn.commit()


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=(.*)$", re.M)


@functools.cache
def _head_on_disk() -> str | None:
    """The head read from the revision files' `revision = "…"` / `down_revision = …` lines;
    None when a file does not say them plainly or there is not one head (Alembic decides)."""
    revisions, downs = set(), set()
    for path in sorted((_MIGRATIONS / "versions").glob("*.py")):
        if path.name == "__init__.py":
            continue
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        downs.update(re.findall(r"[\"']([^\"']+)[\"']", down[0]))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _lock(conn: Connection) -> None:
    """The migration's transaction, exclusive: SQLite's write lock (BEGIN IMMEDIATE waits for
    the busy timeout), PostgreSQL's advisory lock held until the transaction ends."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"),
                     {"a": _PG_MIGRATION_LOCK[0], "b": _PG_MIGRATION_LOCK[1]})


def _has_alembic_version(conn: Connection) -> bool:
    MigrationContext = _migration_context()  # noqa: N806

    return MigrationContext.configure(conn).get_current_revision() is not None
