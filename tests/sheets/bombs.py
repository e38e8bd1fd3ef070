"""Real hostile workbooks for the tests: a zip bomb (a sheet of repeated rows that packs
1000:1) and workbooks whose first sheet's XML is replaced by any text."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEAD = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c t="inlineStr"><is><t>SKU</t></is></c></row>')
TAIL = b"</sheetData></worksheet>"
ROW = b'<row><c t="inlineStr"><is><t> </t></is></c></row>'


def _parts_of_a_real_workbook() -> dict[str, bytes]:
    import io

    buf = io.BytesIO()
    wb = Workbook()
    wb.active.append(["SKU"])
    wb.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zip_bomb(path: Path, packed_mb: float = 2.0) -> Path:
    """A valid .xlsx of about `packed_mb` whose sheet unpacks ~1000 times bigger: the same
    1 MB block of blank rows, deflated once after a full flush and repeated."""
    block = ROW * ((1 << 20) // len(ROW))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(HEAD) + comp.flush(zlib.Z_FULL_FLUSH)
    packed_block = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(TAIL) + comp.flush()
    repeats = int(packed_mb * (1 << 20) / len(packed_block))
    crc = zlib.crc32(HEAD)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(TAIL, crc)
    entries = [(name, zlib.crc32(data), [_deflate(data)], len(data))
               for name, data in _parts_of_a_real_workbook().items() if name != SHEET]
    entries.append((SHEET, crc, [head, *[packed_block] * repeats, tail], len(HEAD) + repeats * len(block) + len(TAIL)))
    _write_zip(path, entries)
    return path


def _write_zip(path: Path, entries: list[tuple[str, int, list[bytes], int]]) -> None:
    """Deflated entries whose data is given already packed (zipfile cannot take that)."""
    central = []
    with open(path, "wb") as f:
        for name, crc, packed, size in entries:
            offset, raw, packed_size = f.tell(), name.encode(), sum(len(p) for p in packed)
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed_size, size, len(raw), 0))
            f.write(raw)
            for part in packed:
                f.write(part)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, packed_size,
                                       size, len(raw), 0, 0, 0, 0, 0, offset) + raw)
        start = f.tell()
        for record in central:
            f.write(record)
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), f.tell() - start, start, 0))


def with_sheet_xml(path: Path, sheet_xml: bytes) -> Path:
    """A real workbook whose first sheet is `sheet_xml` (deflated normally)."""
    parts = _parts_of_a_real_workbook()
    parts[SHEET] = sheet_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path
