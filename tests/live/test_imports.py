"""Imports: product template and 500-product sheets, plans in and out of Excel, platform exports."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from controlroom.app import main
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.plan_rows import plan_from_rows, plan_to_rows
from controlroom.core.platform_rows import ORDERS, TREND, PlatformSpec, platform_events, propose
from controlroom.core.sheet_rows import RowProblems
from controlroom.feeds.catalogue import sample_products
from controlroom.services import editing
from controlroom.services.intake import Intake, import_mapped
from controlroom.sheets.plan_io import read_plan, write_plan
from controlroom.sheets.platform_import import map_export, read_export
from controlroom.sheets.product_template import write_product_template
from controlroom.sheets.products import read_products
from controlroom.sheets.table import SheetError

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 1, 1)


def xlsx(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    for r in [headers, *rows]:
        ws.append(r)
    wb.save(path)
    return path


# -- products --------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_template_is_what_the_importer_reads(tmp_path, suffix):
    path = write_product_template(tmp_path / f"template{suffix}")
    if suffix == ".xlsx":
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        headers = [c.value for c in ws[1]]
        ws.append(["袖套", "S1", "引流款", 9.9, 100, "", "半价"])
        wb.save(path)
        (p,) = read_products(path)
        assert p.promo == "半价"
    else:
        headers = path.read_text(encoding="utf-8-sig").strip().split(",")
        with open(path, "a", encoding="utf-8") as f:
            f.write("袖套,S1,引流款,9.9,100,,\n")
        (p,) = read_products(path)
    assert headers[:5] == ["商品名称", "SKU", "类型", "价格", "库存"]
    assert (p.sku, p.price, p.stock) == ("S1", 9.9, 100)


def test_500_products_import(tmp_path, service):
    rows = [[f"商品{i}", f"SKU-{i:04d}", "利润款", 10 + i, 5] for i in range(500)]
    path = xlsx(tmp_path / "p.xlsx", ["商品名称", "SKU", "类型", "价格", "库存"], rows)
    products = read_products(path)
    with pytest.raises(CommandError, match="used by segment"):  # replacing them all would orphan the plan
        service.update_products(products)
    done = editing.import_products(service, products)
    assert done.count("added") == 500 and done.count("kept") == len(sample_products())  # the plan uses them all
    assert len(service.repo.load_show(service.show_id).queue.order) == 508


# -- plans -----------------------------------------------------------------------
def test_plan_round_trip_through_excel(tmp_path, service):
    plan = service.state.plan
    path = write_plan(tmp_path / "plan.xlsx", plan)
    back = read_plan(path, sample_products())
    assert [(s.kind, s.title, s.product_sku, s.notes, s.uid) for s in back.segments] == [
        (s.kind, s.title, s.product_sku, s.notes, s.uid) for s in plan.segments
    ]
    assert [s.planned_s for s in back.segments] == pytest.approx([s.planned_s for s in plan.segments])


def test_plan_export_writes_text_as_text(tmp_path):
    from controlroom.core.plan import Plan, Segment, SegmentKind

    path = write_plan(tmp_path / "p.xlsx", Plan([Segment(SegmentKind.FREE, "=1+1 \x07bell", 60.0)]))
    cell = load_workbook(path).worksheets[0]["B2"]
    assert cell.value == "=1+1 bell" and cell.data_type == "s"
    assert read_plan(path, []).segments[0].title == "=1+1 bell"


def test_plan_in_chinese_with_product_names(tmp_path):
    rows = [
        ["开场", "欢迎", 5, None, None],
        ["产品讲解", None, 4, "无线降噪耳机", "讲续航"],
        ["互动", "抽奖", 2, "", ""],
        ["逼单", None, 10, None, None],
        ["结束语", None, 3, None, None],
    ]
    path = xlsx(tmp_path / "plan.xlsx", ["类型", "标题", "时长(分钟)", "商品", "备注"], rows)
    plan = read_plan(path, sample_products())
    assert [s.kind.value for s in plan.segments] == ["opening", "product", "interaction", "final_push", "closing"]
    assert plan.segments[1].product_sku == "SKU-2002" and plan.segments[1].title == "无线降噪耳机"
    assert plan.total_s() == 24 * 60


def test_bad_plan_rows_named_and_nothing_imported(tmp_path, service):
    before = [s.uid for s in service.state.plan.segments]
    rows = [
        ["开场", "ok", 5, None],
        ["跳舞", "x", 5, None],
        ["产品讲解", "y", -1, "SKU-1001"],
        ["产品讲解", "z", 3, "没有"],
    ]
    path = xlsx(tmp_path / "plan.xlsx", ["类型", "标题", "时长", "商品"], rows)
    with pytest.raises(SheetError) as info:
        read_plan(path, sample_products())
    problems = info.value.problems
    assert len(problems) == 3
    assert (
        "row 3, column 类型" in problems[0]
        and "row 4, column 时长" in problems[1]
        and "row 5, column 商品" in problems[2]
    )
    assert [s.uid for s in service.repo.load_show(service.show_id).plan.segments] == before


# -- platform exports --------------------------------------------------------------
TREND_HEADERS = ["时间", "在线人数", "累计观看人数", "成交金额(元)", "订单数"]


def trend_rows(start_minute: int = 0, n: int = 5) -> list[list]:
    return [[f"20:{start_minute + i:02d}", 100 + i, 1000 + 50 * i, 99.5, 2] for i in range(n)]


def spec(kind: str, headers: list[str], **kw) -> PlatformSpec:
    return PlatformSpec(kind, propose(headers)[1], SHANGHAI, DAY, **kw)


def test_proposal_reads_chinese_and_english_headers():
    kind, mapping = propose(TREND_HEADERS)
    assert kind == TREND and mapping == {"time": 0, "online": 1, "entries": 2, "gmv": 3, "orders": 4}
    kind, mapping = propose(["Order ID", "Order Time", "Product", "Quantity", "Amount", "Buyer"])
    assert kind == ORDERS and mapping == {
        "order_id": 0,
        "time": 1,
        "product": 2,
        "quantity": 3,
        "amount": 4,
        "buyer": 5,
    }


def test_trend_export_into_the_log(tmp_path, service):
    path = xlsx(tmp_path / "trend.xlsx", TREND_HEADERS, trend_rows())
    export = read_export(path)
    result = import_mapped(service, lambda s: map_export(s, export, spec(TREND, export.headers)))
    assert result.summary() == "5 viewer samples, 5 orders"
    status = service.status()["totals"]
    assert status["gmv"] == pytest.approx(5 * 99.5) and status["orders"] == 10
    assert status["peak_online"] == 104 and status["views"] == 1200
    viewers = list(service.repo.events(service.show_id, (ev.VIEWERS,)))
    assert viewers[0].ts == dt.datetime(2026, 1, 1, 20, 0, tzinfo=SHANGHAI).timestamp()
    assert viewers[0].data["source"] == "platform"
    # the same file again: every minute now has data, so it is refused and nothing changes
    n = service.repo.count_events(service.show_id)
    with pytest.raises(SheetError, match="already have live"):
        import_mapped(service, lambda s: map_export(s, export, spec(TREND, export.headers)))
    assert service.repo.count_events(service.show_id) == n
    # and a fresh service (replayed from the log) agrees
    service.writer.flush()
    assert service.repo.load_show(service.show_id).metrics.totals().gmv == pytest.approx(497.5)


def test_trend_overlap_refused_or_gaps_filled(tmp_path, service, clock):
    t0 = dt.datetime(2026, 1, 1, 20, 2, tzinfo=SHANGHAI).timestamp()
    clock.t = t0 + 10  # the live sample arrives during the show (a feed ts may not run ahead of now)
    Intake(service).submit_json([{"type": "viewers", "online": 500, "ts": t0 + 5}])
    export = read_export(xlsx(tmp_path / "trend.xlsx", TREND_HEADERS[:2], [r[:2] for r in trend_rows()]))
    with pytest.raises(SheetError, match="1 minutes .20:02–20:02. already have live viewer figures"):
        map_export(service.state, export, spec(TREND, export.headers))
    result = import_mapped(service, lambda s: map_export(s, export, spec(TREND, export.headers, fill_gaps=True)))
    assert result.skipped_minutes == 1 and len(result.events) == 4


def test_cumulative_columns_become_per_minute(tmp_path, service):
    rows = [["2026-01-01 20:00", 10, 100.0, 1], ["2026-01-01 20:01", 10, 150.0, 2], ["2026-01-01 20:02", 10, 150.0, 2]]
    export = read_export(xlsx(tmp_path / "t.xlsx", ["时间", "在线人数", "累计成交金额", "累计订单数"], rows))
    result = map_export(service.state, export, spec(TREND, export.headers))
    orders = [(e.value, e.data["orders"]) for e in result.events if e.kind == ev.ORDER]
    assert orders == [(100.0, 1), (50.0, 1)]


def test_order_list_deduped_against_the_log(tmp_path, live_service):
    Intake(live_service).submit_json({"type": "order", "order_id": "O2", "product": "SKU-1001", "amount": 9.9})
    headers = ["订单号", "下单时间", "商品名称", "数量", "实付金额", "买家昵称"]
    rows = [
        ["O1", dt.datetime(2026, 1, 1, 20, 0, 30), "冰丝防晒袖套", 2, 19.8, "a"],
        ["O2", "2026-01-01 20:01:00", "SKU-1001", 1, 9.9, "b"],
        ["O3", "2026-01-01T12:02:00Z", "神秘商品", 1, 5, "c"],
    ]
    export = read_export(xlsx(tmp_path / "orders.xlsx", headers, rows))
    result = import_mapped(live_service, lambda s: map_export(s, export, spec(ORDERS, export.headers)))
    assert result.duplicate_orders == 1
    assert [(e.ref, e.product, e.flag) for e in result.events] == [
        ("O1", "SKU-1001", None),
        ("O3", "神秘商品", ev.FLAG_UNKNOWN_PRODUCT),
    ]
    assert result.events[0].ts == dt.datetime(2026, 1, 1, 20, 0, 30, tzinfo=SHANGHAI).timestamp()
    assert live_service.status()["totals"]["orders"] == 3


def test_bad_export_rows_named_and_nothing_imported(tmp_path, service):
    headers = ["订单号", "下单时间", "实付金额"]
    rows = [["O1", "2026-01-01 20:00", 5], ["O2", "soon", 5], ["O1", "2026-01-01 20:00", 5], ["O4", "20:01", "free"]]
    export = read_export(xlsx(tmp_path / "orders.csv.xlsx", headers, rows))
    n = service.repo.count_events(service.show_id)
    with pytest.raises(SheetError) as info:
        import_mapped(service, lambda s: map_export(s, export, spec(ORDERS, export.headers)))
    problems = info.value.problems
    assert "row 3, column 下单时间" in problems[0] and "row 4, column 订单号" in problems[1]
    assert "row 5, column 实付金额" in problems[2]
    assert service.repo.count_events(service.show_id) == n


def test_time_of_day_needs_a_date():
    from controlroom.core.platform_rows import to_epoch

    with pytest.raises(ValueError, match="no date"):
        to_epoch("20:05", SHANGHAI, None)
    assert to_epoch("20:05", SHANGHAI, DAY) == dt.datetime(2026, 1, 1, 20, 5, tzinfo=SHANGHAI).timestamp()


def test_cli_import_and_export(tmp_path, db_path, capsys):
    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60"]) == 0
    plan_path = tmp_path / "plan.xlsx"
    assert main(["export", "plan", str(plan_path), "--db", str(db_path)]) == 0
    assert main(["import", "plan", str(plan_path), "--db", str(db_path)]) == 0
    csv_path = tmp_path / "trend.csv"
    csv_path.write_text("时间,在线人数,成交金额\n20:00,10,5\n20:01,12,6\n", encoding="gb18030")
    assert (
        main(
            [
                "import",
                "platform",
                str(csv_path),
                "--db",
                str(db_path),
                "--tz",
                "Asia/Shanghai",
                "--date",
                "2026-01-01",
                "--map",
                "online=2",
                "--dry-run",
            ]
        )
        == 0
    )
    assert "dry run" in capsys.readouterr().out
    assert (
        main(
            ["import", "platform", str(csv_path), "--db", str(db_path), "--tz", "Asia/Shanghai", "--date", "2026-01-01"]
        )
        == 0
    )
    assert "2 viewer samples, 2 orders" in capsys.readouterr().out
    assert main(["import", "platform", str(csv_path), "--db", str(db_path), "--tz", "Mars/Olympus"]) == 2
    assert "not a time zone" in capsys.readouterr().err
    main(["status", "--db", str(db_path)])
    assert json.loads(capsys.readouterr().out)["totals"]["gmv"] == 11


def test_cli_platform_times_of_day_take_the_shows_planned_date(tmp_path, db_path, capsys):
    """A show prepared days ahead (new-show --start) whose trend export has times of day
    only: without --date they belong to the show's day (its start, else its planned
    start), not to the day the show was created on."""
    start = (dt.datetime.now(SHANGHAI) + dt.timedelta(days=3)).replace(hour=20, minute=0, second=0, microsecond=0)
    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60",
                 "--start", start.isoformat()]) == 0
    csv_path = tmp_path / "trend.csv"
    csv_path.write_text("时间,在线人数\n20:05,10\n20:06,12\n", encoding="utf-8")
    assert main(["import", "platform", str(csv_path), "--db", str(db_path), "--tz", "Asia/Shanghai"]) == 0
    capsys.readouterr()
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    repo = ShowRepository(open_engine(db_path))
    times = [dt.datetime.fromtimestamp(e.ts, SHANGHAI) for e in repo.events(1, (ev.VIEWERS,))]
    repo.engine.dispose()
    assert times == [start + dt.timedelta(minutes=5), start + dt.timedelta(minutes=6)]


# -- properties ------------------------------------------------------------------
cells = (
    st.none()
    | st.integers(-5, 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["20:01", "2026-01-01 20:02", "开场", "产品讲解", "SKU-1001", "-1", "1e400", "冰丝防晒袖套"])
)
sheet_rows = st.lists(st.lists(cells, min_size=0, max_size=6), max_size=8)


@settings(max_examples=150, deadline=None)
@given(sheet_rows)
def test_plan_rows_never_crash(rows):
    headers = ["类型", "标题", "时长", "商品", "备注", "ID"]
    try:
        plan = plan_from_rows(headers, rows, sample_products())
    except RowProblems as exc:
        assert exc.problems and all(p.startswith("row ") or "segment rows" in p for p in exc.problems)
        return
    assert plan.segments and all(s.planned_s > 0 for s in plan.segments)
    assert plan_from_rows(*plan_to_rows(plan), sample_products()).total_s() == pytest.approx(plan.total_s())


@settings(max_examples=150, deadline=None)
@given(sheet_rows, st.sampled_from([TREND, ORDERS]))
def test_platform_rows_never_crash(rows, kind):
    from controlroom.core.plan import Plan
    from controlroom.core.settings import ShowSettings
    from controlroom.core.show import ShowInfo, ShowState

    state = ShowState.new(ShowInfo(1, "t", 0.0), Plan(), sample_products(), ShowSettings())
    headers = TREND_HEADERS if kind == TREND else ["订单号", "下单时间", "商品", "数量", "金额", "买家"]
    try:
        result = platform_events(state, headers, rows, spec(kind, headers))
    except RowProblems as exc:
        assert exc.problems and all(p.startswith("row ") or "no order rows" in p for p in exc.problems)
        return
    assert all(e.value is None or e.value >= 0 for e in result.events)
