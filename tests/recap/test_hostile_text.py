"""Text from outside (product names, comments, notes, users) is written as text, never a formula."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl import Workbook

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.products import Product, Role
from controlroom.recap.cells import RowWriter, clean_text, text_value
from controlroom.recap.workbook import export_recap
from controlroom.services.show_service import ShowService, create_show

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    '=HYPERLINK("http://example.com","click")',
    "#N/A",
    "ctl\x00\x01\x07\x0b\x1fchars",
    "直播🔥😀 emoji",
    "=" + "x" * 9999,
]
EXPECTED = [clean_text(h) for h in HOSTILE]


def test_clean_text_strips_what_excel_rejects():
    assert clean_text("ctl\x00\x01\x07\x0b\x1fchars") == "ctlchars"
    assert clean_text("keep\ttab\nnewline\rcr") == "keep\ttab\nnewline\rcr"
    assert clean_text("lone\ud800surrogate\uffff") == "lonesurrogate"
    assert len(clean_text("y" * 40_000)) == 32_767


def test_a_formula_like_value_gets_a_string_cell():
    ws = Workbook(write_only=True).create_sheet()
    cell = text_value(ws, "=1+1")
    assert cell.data_type == "s" and cell.value == "=1+1"
    assert text_value(ws, "plain") == "plain"


@pytest.fixture
def hostile_book(repo, writer, clock, tmp_path):
    products = [Product(f"SKU-{i}", name, Role.PROFIT, 10.0, 100) for i, name in enumerate(HOSTILE)]
    sid = create_show(repo, HOSTILE[0], 60, products, clock.now(), room=HOSTILE[3], host=HOSTILE[1])
    service = ShowService(repo, writer, sid, clock)
    service.run(commands.start)
    for i, text in enumerate(HOSTILE):
        clock.advance(5)
        service.run(commands.set_shelf, f"SKU-{i}", True)
        service.run(commands.note, text if text.strip() else "x")
        service.ingest([
            Event(ev.VIEWERS, clock.now(), value=100.0 + i, qty=200 + i),
            Event(ev.COMMENT, clock.now(), user=text, text=text),
            Event(ev.ORDER, clock.now(), user=text, product=f"SKU-{i}", value=10.0, qty=1, ref=f"o{i}"),
        ])
    service.run(commands.open_incident, HOSTILE[5], "i1")
    service.run(commands.end_show)
    assert writer.flush()
    out = tmp_path / "hostile.xlsx"
    export_recap(repo, sid, out, lang="en")
    wb = openpyxl.load_workbook(out)
    yield wb
    wb.close()


def test_no_cell_anywhere_is_a_formula(hostile_book):
    types = {c.data_type for ws in hostile_book.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    assert "f" not in types and "e" not in types


def test_each_hostile_text_is_there_as_text(hostile_book):
    found: dict[str, set[str]] = {}
    for ws in hostile_book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    found.setdefault(c.value, set()).add(c.data_type)
    for text in EXPECTED:
        assert text in found, text[:30]
        assert found[text] == {"s"}
    products = {r[1] for r in hostile_book["Products"].iter_rows(min_row=2, values_only=True)}
    assert set(EXPECTED) <= products


def test_row_writer_keeps_formats_and_text_apart(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("t")
    rows = RowWriter(ws, [None, "0.00%"])
    rows.append(["=SUM(A1:A2)", 0.25])
    rows.append(["@x", 0.5])
    wb.save(tmp_path / "t.xlsx")
    back = openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]
    assert (back["A1"].value, back["A1"].data_type) == ("=SUM(A1:A2)", "s")
    assert (back["B1"].value, back["B1"].number_format, back["B2"].value) == (0.25, "0.00%", 0.5)
