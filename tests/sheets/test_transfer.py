"""The window's side of the child's output: bounded by the sheet's limits, plain values only."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import struct

import pytest

from controlroom.core.sheet_limits import SheetLimits
from controlroom.sheets.table import SheetError
from controlroom.sheets.transfer import FrameReader, RowFramer, transfer_bound, write_frame

LIMITS = SheetLimits("test", "test sheet", max_rows=5, max_cell_chars=10, max_columns=3, max_cells=20,
                     max_text_chars=100, max_area=30)


def frames(*items) -> bytes:
    out = io.BytesIO()
    for item in items:
        write_frame(out, item)
    return out.getvalue()


def test_rows_arrive_in_pieces_and_come_out_whole():
    rows = [["2026-01-01", dt.datetime(2026, 1, 1, 20, 5), 1.5, True, None]] * 4
    out = io.BytesIO()
    write_frame(out, ("header", ["时间", "在线人数"]))
    framer = RowFramer(out)
    for row in rows:
        framer.add(row)
    framer.flush()
    write_frame(out, ("done", framer.sent))
    data = out.getvalue()
    reader = FrameReader(LIMITS, "t.xlsx")
    for i in range(0, len(data), 7):  # as a pipe delivers it: any split
        reader.feed(data[i:i + 7])
    assert (reader.headers, reader.rows, reader.done) == (["时间", "在线人数"], rows, True)


def test_more_rows_than_the_limit_are_refused():
    reader = FrameReader(LIMITS, "t.csv")
    with pytest.raises(SheetError, match="t.csv: more than 5 rows of data"):
        reader.feed(frames(("header", ["a"]), ("rows", [["x"]] * 6)))


def test_more_bytes_than_the_limits_allow_are_refused():
    reader = FrameReader(LIMITS, "t.csv")
    with pytest.raises(SheetError, match="t.csv: the reader sent more than"):
        reader.feed(b"\0" * (transfer_bound(LIMITS) + 1))


def test_an_oversized_frame_is_refused_before_it_is_buffered():
    reader = FrameReader(LIMITS, "t.csv")
    with pytest.raises(SheetError, match="a frame of 4,294,967,295 bytes"):
        reader.feed(struct.pack(">I", 2**32 - 1))


def test_only_plain_values_are_unpickled():
    reader = FrameReader(LIMITS, "t.csv")
    evil = pickle.dumps(("rows", [[os.getcwd]]))
    with pytest.raises(SheetError, match="the reader's output is broken"):
        reader.feed(struct.pack(">I", len(evil)) + evil)
