"""Reading an .xlsx is bounded: zip bombs refused before anything is unpacked, rows,
columns and text checked while the sheet streams, formulas without a value named."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from controlroom.core.sheet_limits import PLATFORM_EXPORT, PRODUCT_SHEET
from controlroom.sheets.products import read_products
from controlroom.sheets.table import SheetError, read_rows
from tests.sheets.bombs import HEAD, TAIL, with_sheet_xml, zip_bomb

PRODUCT_HEADERS = ["商品名称", "SKU", "类型", "价格", "库存"]
# A billion laughs: 10 characters expanded 10⁸ times by nested entities.
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a0 "xxxxxxxxxx">'
          + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 9))
          + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + b'<row><c t="inlineStr"><is><t>&a8;</t></is></c></row>' + TAIL)
NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'

# The child imports the reader, then reads; it reports its peak memory before and after.
# Its address space is capped so that a reader without the zip check fails instead of
# taking the machine's memory (it took 4.2 GB and 28 s before).
CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, resource.RLIM_INFINITY))
from controlroom.sheets.products import read_products
from controlroom.sheets.table import SheetError
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_products(sys.argv[1])
    outcome = "read"
except SheetError as exc:
    outcome = str(exc)
except MemoryError:
    outcome = "MemoryError"
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "growth_kb": after - before}))
"""


def product_xlsx(path, rows, headers=PRODUCT_HEADERS):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in [headers, *rows]:
        ws.append(row)
    wb.save(path)
    return path


def test_a_2mb_zip_bomb_is_refused_before_reading_in_little_memory(tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.xlsx", packed_mb=2.0)
    assert bomb.stat().st_size < 2.2 * 2**20
    assert zipfile.ZipFile(bomb).getinfo("xl/worksheets/sheet1.xml").file_size > 600 * 2**20
    out = subprocess.run([sys.executable, "-c", CHILD, str(bomb)], capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout)
    assert "would unpack to 673 MB; at most 200 MB (nothing was read)" in result["outcome"]
    assert result["growth_kb"] < 20 * 1024


def test_a_part_packed_like_a_bomb_is_refused_under_the_size_limit(tmp_path):
    bomb = zip_bomb(tmp_path / "small-bomb.xlsx", packed_mb=0.2)  # ~67 MB: under 200 MB
    with pytest.raises(SheetError, match=r"sheet1.xml is packed 33\d:1 \(a zip bomb\?\)"):
        read_products(bomb)


def test_a_big_real_sheet_passes_the_zip_checks(tmp_path):
    rows = [[f"商品{i}", f"SKU-{i:05d}", "利润款", 9.9 + i, i % 50] for i in range(5000)]
    path = product_xlsx(tmp_path / "p.xlsx", rows)
    assert len(read_products(path)) == 5000


def test_rows_past_the_limit_stop_the_reading_there(tmp_path):
    rows = [[f"商品{i}", f"S{i}", "利润款", 1, 1] for i in range(5001)]
    rows += [["=A2", "S-late", "利润款", 1, 1]]  # a formula without a value after the limit
    with pytest.raises(SheetError) as info:
        read_products(product_xlsx(tmp_path / "many.xlsx", rows))
    assert info.value.problems == ["many.xlsx: row 5002: more than 5,000 rows of data; a product sheet has at most 5,000"]


def test_a_huge_cell_is_refused_naming_its_row_and_column(tmp_path):
    """A 3-million-character name (openpyxl cannot write one: the XML is written here)."""
    rng = random.Random(1)
    # 100,000 random characters (300 KB, past deflate's 32 KB window) 30 times: packs ~1.5:1
    name = "".join(map(chr, rng.choices(range(0x4E00, 0x9FA5), k=100_000))).encode() * 30
    header = b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % h.encode() for h in PRODUCT_HEADERS)
    row = b'<c t="inlineStr"><is><t>%s</t></is></c><c t="inlineStr"><is><t>S1</t></is></c>' % name
    path = with_sheet_xml(tmp_path / "long.xlsx", NS + b"<row>" + header + b"</row><row>" + row + b"</row>" + TAIL)
    with pytest.raises(SheetError) as info:
        read_products(path)
    assert info.value.problems == ["long.xlsx: row 2, column 商品名称: the text is 3,000,000 characters long; "
                                   "a product sheet cell holds at most 2,000"]


def test_a_name_over_200_characters_is_refused(tmp_path):
    with pytest.raises(SheetError, match="row 2, column 商品名称: the name is 201 characters long; at most 200"):
        read_products(product_xlsx(tmp_path / "n.xlsx", [["名" * 201, "S1", "利润款", 1, 1]]))


def test_a_formula_without_a_saved_value_is_named(tmp_path):
    rows = [["=CONCAT(\"a\",\"b\")", "S1", "利润款", 1, 1], ["ok", "S2", "利润款", "=1+1", 1]]
    with pytest.raises(SheetError) as info:
        read_products(product_xlsx(tmp_path / "f.xlsx", rows))
    assert info.value.problems == [
        "f.xlsx: row 2, column 商品名称: a formula without a saved value; save the sheet in Excel (or paste values)",
        "f.xlsx: row 3, column 价格: a formula without a saved value; save the sheet in Excel (or paste values)",
    ]


def test_formulas_saved_by_excel_give_their_values(tmp_path):
    row = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c>'
           b'<c r="C1" t="inlineStr"><is><t>c</t></is></c></row>'
           b'<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>""</f><v></v></c>'
           b'<c r="C2" t="str"><f>A2&amp;"x"</f><v>2x</v></c></row>')
    path = with_sheet_xml(tmp_path / "saved.xlsx", NS + row + TAIL)
    assert read_rows(path, PLATFORM_EXPORT) == (["a", "b", "c"], [[2, None, "2x"]])


def test_values_are_those_openpyxl_reads(tmp_path):
    """The streaming reader converts cells with openpyxl's rules: compare with iter_rows."""
    for write_only in (False, True):  # shared strings, and inline strings
        wb = Workbook(write_only=write_only)
        ws = wb.create_sheet() if write_only else wb.active
        ws.append(["时间", "日期", "钟点", "是否", "小数", "整数", "文本", "错误", "时长"])
        ws.append([dt.datetime(2026, 1, 1, 20, 5, 30), dt.date(2026, 1, 2), dt.time(20, 5), True, 1.5, 7, "文本",
                   "#N/A", dt.timedelta(hours=1, minutes=2)])
        ws.append([None, None, None, False, -0.25, 10**15, "  sp  ", None, None])
        ws.append([None] * 9)
        ws.append([1e-5, None, None, None, None, None, "1.0E3", None, None, None, "far"])
        path = tmp_path / f"types-{write_only}.xlsx"
        wb.save(path)
        expected = [list(r) for r in load_workbook(path, read_only=True, data_only=True).worksheets[0].values]
        expected = [_trimmed(r) for r in expected if any(c is not None for c in r)]
        headers = [h or "" for h in expected[0]]
        rows = [r + [None] * (len(headers) - len(r)) for r in expected[1:]]
        assert read_rows(path, PLATFORM_EXPORT) == (headers, rows)


def _trimmed(row: list) -> list:
    """openpyxl makes every row as wide as the sheet; ours end at their last value."""
    while row and row[-1] is None:
        row = row[:-1]
    return row


def test_a_row_wider_than_excel_is_refused(tmp_path):
    row = b"<row>" + b"<c><v>1</v></c>" * 16_385 + b"</row>"
    with pytest.raises(SheetError, match="row 2: more cells than Excel has columns"):
        read_rows(with_sheet_xml(tmp_path / "wide.xlsx", HEAD + row + TAIL), PLATFORM_EXPORT)


def test_a_value_past_the_column_limit_is_refused(tmp_path):
    wb = Workbook()
    wb.active.append(["时间", "在线人数"])
    wb.active.cell(2, 201, "x")
    wb.save(tmp_path / "cols.xlsx")
    with pytest.raises(SheetError, match="row 2, column GS: more than 200 columns; a platform export has at most 200"):
        read_rows(tmp_path / "cols.xlsx", PLATFORM_EXPORT)


@pytest.mark.parametrize("xml, why", [
    (HEAD + b'<row r="2000000"><c><v>1</v></c></row>' + TAIL, "row 2: '2000000' is not a row number"),
    (HEAD + b"<row><c><is>" + b"<r><t>x</t></r>" * 600 + b"</is></c></row>" + TAIL, "a cell made of more than 1,000"),
    (NS + b"<row>" + b"<x>" * 70 + b"</x>" * 70 + b"</row>" + TAIL, "nests deeper than 64"),
    (HEAD + b'<row><c t="s"><v>7</v></c></row>' + TAIL, "row 2: cell A2 cannot be read"),
    (LAUGHS, "limit on input amplification factor"),  # expat's own guard against entity expansion
])
def test_malformed_sheets_are_refused_with_the_row(tmp_path, xml, why):
    with pytest.raises(SheetError, match=why):
        read_rows(with_sheet_xml(tmp_path / "bad.xlsx", xml), PLATFORM_EXPORT)


def test_not_a_workbook(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SheetError, match="x.xlsx: not an .xlsx workbook"):
        read_rows(tmp_path / "x.xlsx", PRODUCT_SHEET)
    with pytest.raises(SheetError, match="old.xls: an Excel 97–2003"):
        read_rows(tmp_path / "old.xls", PRODUCT_SHEET)
