"""The import's mapping child (services/platform_mapper.py): a child that writes more to
stderr than a pipe holds, then dies, is reported as broken — it used to block on its full
stderr pipe while the reader waited on its stdout, and the import hung for ever."""

from __future__ import annotations

import datetime as dt
import sys
import threading

from controlroom.core.platform_rows import Catalogue, PlatformSpec
from controlroom.services import platform_mapper
from controlroom.sheets.table import SheetError


def test_a_child_that_floods_stderr_and_dies_is_reported_not_waited_for(tmp_path, monkeypatch):
    noisy = tmp_path / "noisy-python"
    noisy.write_text("#!/bin/sh\nhead -c 1000000 /dev/zero | tr '\\0' 'x' >&2\nexit 3\n")
    noisy.chmod(0o755)
    monkeypatch.setattr(platform_mapper.sys, "executable", str(noisy))
    spec = PlatformSpec("orders", {"order_id": 0}, dt.timezone.utc)
    outcome: list[BaseException | str] = []

    def read() -> None:
        try:
            with platform_mapper.ChildMapper(tmp_path / "x.csv", spec, Catalogue({})) as child:
                for _batch in child.batches():
                    pass
            outcome.append("ended")
        except BaseException as exc:  # noqa: BLE001 - checked below
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)
    monkeypatch.setattr(platform_mapper.sys, "executable", sys.executable)
    assert not reader.is_alive(), "the reader hung on a child blocked on its stderr"
    assert len(outcome) == 1 and isinstance(outcome[0], SheetError)

