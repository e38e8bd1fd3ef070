"""CSV in: line breaks inside cells, U+2028, separators, encodings, limits while reading.
CSV out: text a spreadsheet would run as a formula is quoted, and comes back as it was."""

from __future__ import annotations

import csv

import pytest

from controlroom.app import main
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.sheet_limits import MAX_CSV_LINE_BYTES, PLATFORM_EXPORT, PRODUCT_SHEET, SheetLimits
from controlroom.sheets.plan_io import read_plan, write_plan
from controlroom.sheets.product_template import write_product_template
from controlroom.sheets.products import read_products
from controlroom.sheets.table import SheetError, read_rows
from controlroom.sheets.xlsx_out import write_table

HEADER = "商品名称,SKU,类型,价格,库存,卖点\n"
HOSTILE = ["=1+1", "@SUM(A1:A2)", "+1+1", "-1+1", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\",\"点我\")"]


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_a_line_break_inside_selling_points_is_kept(tmp_path):
    path = write(tmp_path / "p.csv", HEADER + '袖套,S1,引流款,9.9,100,"凉感面料\r\nUPF50+"\n面膜,S2,利润款,59,20,补水\n')
    assert [(p.sku, p.selling_points) for p in read_products(path)] == [("S1", "凉感面料\r\nUPF50+"), ("S2", "补水")]


def test_a_line_break_inside_a_name_is_refused_by_row_and_column(tmp_path):
    path = write(tmp_path / "p.csv", HEADER + '"冰丝\n袖套",S1,引流款,9.9,100,\n面膜,S2,利润款,59,20,\n')
    with pytest.raises(SheetError) as info:
        read_products(path)
    assert info.value.problems == ["p.csv: row 2, column 商品名称: the name has a line break; a name is one line"]


def test_u2028_does_not_split_a_row(tmp_path):
    path = write(tmp_path / "p.csv", HEADER + "袖套,S1,引流款,9.9,100,凉感\u2028UPF50+\u2029防晒\n面\u2028膜,S2,利润款,59,20,\n")
    assert read_rows(path, PRODUCT_SHEET)[1] == [
        ["袖套", "S1", "引流款", "9.9", "100", "凉感\u2028UPF50+\u2029防晒"],
        ["面\u2028膜", "S2", "利润款", "59", "20", ""],
    ]
    with pytest.raises(SheetError, match="row 3, column 商品名称: the name has a line break"):
        read_products(path)


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_semicolon_tab_and_bar_separators_are_found(tmp_path, separator):
    text = "时间,在线人数,成交金额\n20:00,10,\"5,5\"\n20:01,12,6\n".replace(",", separator).replace("5" + separator + "5", "5,5")
    path = write(tmp_path / "t.csv", text)
    assert read_rows(path, PLATFORM_EXPORT) == (["时间", "在线人数", "成交金额"], [["20:00", "10", "5,5"], ["20:01", "12", "6"]])


def test_a_comma_csv_with_semicolons_in_its_text_stays_comma(tmp_path):
    path = write(tmp_path / "p.csv", HEADER + "袖套,S1,引流款,9.9,100,凉感;UPF50+;防晒\n面膜,S2,利润款,59,20,补水;保湿\n")
    assert [p.selling_points for p in read_products(path)] == ["凉感;UPF50+;防晒", "补水;保湿"]


def test_gb18030_and_a_utf8_bom_are_read(tmp_path):
    text = HEADER + "袖套,S1,引流款,9.9,100,凉感\n"
    assert read_products(write(tmp_path / "gbk.csv", text, "gb18030"))[0].name == "袖套"
    assert read_rows(write(tmp_path / "bom.csv", text, "utf-8-sig"), PRODUCT_SHEET)[0][0] == "商品名称"


def test_bytes_neither_utf8_nor_gb18030_are_refused_with_the_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER.encode() + b"\xff\xfe\xfa,S1\n")
    with pytest.raises(SheetError, match="bad.csv: row 2: not UTF-8 or GB18030 text"):
        read_rows(path, PRODUCT_SHEET)


def test_a_line_longer_than_the_limit_is_refused_while_reading(tmp_path):
    path = write(tmp_path / "long.csv", "时间,在线人数\n" + "x" * (MAX_CSV_LINE_BYTES + 1) + "\n")
    with pytest.raises(SheetError, match="long.csv: row 2: a line longer than 4,000,000 bytes"):
        read_rows(path, PLATFORM_EXPORT)


TINY = SheetLimits("test", "test sheet", max_rows=3, max_cell_chars=5, max_columns=3, max_cells=10, max_text_chars=24,
                   max_area=11)


@pytest.mark.parametrize("rows, problem", [
    (["a,b", "1,2", "3,4", "5,6", "7,8"], "row 5: more than 3 rows of data; a test sheet has at most 3"),
    (["a,b", "1,123456"], "row 2, column b: the text is 6 characters long; a test sheet cell holds at most 5"),
    (["a,b", "1,2,3,4"], "row 2, column D: more than 3 columns; a test sheet has at most 3"),
    (["a,b,c", "1,2,3", "4,5,6", "7,8,9"], "row 4: more than 10 filled cells; a test sheet has at most 10"),
    (["aaaaa,bbbbb", "ccccc,ddddd", "eeeee,fffff"], "row 3: more than 24 characters of text; a test sheet holds at most 24"),
    (["a,b,c", "1", "2", "3"], "row 4: more than 11 cells, blank ones included; a test sheet holds at most 11 "
                               "(delete the columns you do not need)"),
])
def test_each_limit_stops_the_reading_at_the_first_excess(tmp_path, rows, problem):
    path = write(tmp_path / "t.csv", "\n".join(rows) + "\n" + "\xff,never read\n" * 3)
    with pytest.raises(SheetError) as info:
        read_rows(path, TINY)
    assert info.value.problems == [f"t.csv: {problem}"]


def test_blank_cells_past_the_column_limit_are_dropped(tmp_path):
    assert read_rows(write(tmp_path / "t.csv", "a,b,,,,\n1,2,,,,,,\n3\n"), TINY) == (
        ["a", "b", ""], [["1", "2", ""], ["3", None, None]])


# -- out -----------------------------------------------------------------------------
def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path):
    path = write_table(tmp_path / "t.csv", [("t", ["标题", "数"], [[text, -1.5] for text in HOSTILE])])
    with open(path, encoding="utf-8-sig", newline="") as f:
        cells = list(csv.reader(f))
    assert [row[0] for row in cells[1:]] == ["'" + text for text in HOSTILE]
    assert {row[1] for row in cells[1:]} == {"-1.5"}  # numbers stay numbers
    assert read_rows(path, PLATFORM_EXPORT)[1] == [[text, "-1.5"] for text in HOSTILE]


def test_a_plan_exported_to_csv_comes_back_with_the_same_text(tmp_path):
    titles = [t for t in HOSTILE if not t[0].isspace()] + ["'=quoted by the user", "普通标题", "-"]
    notes = ["@主播 讲续航", "+3 件", "=SUM(1,2)\n第二行", "", "", "", "", "", ""]
    plan = Plan([Segment(SegmentKind.FREE, t, 90.0, None, n) for t, n in zip(titles, notes)])
    back = read_plan(write_plan(tmp_path / "plan.csv", plan), [])
    assert [(s.title, s.notes, s.uid) for s in back.segments] == [
        ("=quoted by the user" if s.title.startswith("'=") else s.title, s.notes, s.uid) for s in plan.segments
    ]


def test_the_cli_exports_a_plan_csv_that_imports_back(tmp_path, db_path, capsys):
    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60"]) == 0
    path = tmp_path / "plan.csv"
    assert main(["export", "plan", str(path), "--db", str(db_path)]) == 0
    assert main(["import", "plan", str(path), "--db", str(db_path)]) == 0
    assert "plan of" in capsys.readouterr().out


def test_the_product_template_csv_reads_back(tmp_path):
    path = write_product_template(tmp_path / "template.csv")
    with open(path, "a", encoding="utf-8") as f:
        f.write("=袖套,S1,引流款,9.9,100,,\n")
    assert read_products(path)[0].name == "=袖套"


def test_a_refused_sheet_changes_nothing_in_the_show(tmp_path, db_path, capsys):
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    def products() -> list[str]:
        repo = ShowRepository(open_engine(db_path))
        try:
            return [p.sku for p in repo.load_products(1)]
        finally:
            repo.engine.dispose()

    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60"]) == 0
    before = products()
    path = write(tmp_path / "p.csv", HEADER + "袖套,S1,引流款,9.9,100,\n面膜,S2,利润款,59,20,\n" + '"面\n膜",S3,利润款,59,20,\n')
    assert main(["import", "products", str(path), "--db", str(db_path)]) == 2
    assert "p.csv: row 4, column 商品名称: the name has a line break" in capsys.readouterr().err
    assert products() == before and "S1" not in before
