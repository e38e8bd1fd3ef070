"""The codes the log keeps (checklist keys, why a segment started, flags, the rehearsal's
room) are worded in the recap's language, never shown raw or in the other language."""

from __future__ import annotations

import re

import openpyxl

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.sample_words import plan_words
from controlroom.feeds.catalogue import sample_products
from controlroom.recap.texts import TEXTS, Texts
from controlroom.recap.workbook import export_recap
from controlroom.services.show_service import ShowService, create_show

ZH = Texts("zh_CN")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _cells(ws) -> list[str]:
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]


def _played(service, clock):
    service.run(commands.tick_checklist, "cameras", True)
    service.run(commands.start)
    clock.t += 30
    service.ingest([Event(ev.COMMENT, clock.t, user="u1", text="多少钱", flag="question")])
    service.run(commands.next_segment)
    clock.t += 30
    service.run(commands.previous_segment)
    service.open_incident_next("technical: 黑屏")


def test_chinese_recap_words_the_logs_codes(repo, writer, clock, tmp_path):
    sid = create_show(repo, "彩排", 60, sample_products("zh_CN"), clock.now(), room="rehearsal",
                      words=plan_words("zh_CN"))
    service = ShowService(repo, writer, sid, clock)
    _played(service, clock)
    out = tmp_path / "zh.xlsx"
    export_recap(repo, service.show_id, out, lang="zh_CN", utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    summary, events = _cells(wb[ZH("sheet.summary")]), _cells(wb[ZH("sheet.events")])
    wb.close()
    service.close()
    assert "摄像头" in summary and "彩排" in summary and "Cameras" not in " ".join(summary)
    assert "rehearsal" not in summary
    details = " ".join(events)
    for word in ("(开播)", "(下一个)", "(上一个)", "提问", "摄像头", "技术故障: 黑屏"):
        assert word in details, word
    for raw in ("(start)", "(next)", "(previous)", "question", "Cameras", "technical"):
        assert raw not in details, raw


def test_every_code_has_both_languages():
    codes = ("check.", "cause.", "flag.", "room.")
    zh = {k for k in TEXTS["zh_CN"] if k.startswith(codes)}
    en = {k for k in TEXTS["en"] if k.startswith(codes)}
    assert zh == en and len(zh) >= 19 and TEXTS["en"]["incident.technical"] == "technical"
    assert not [k for k in zh if LATIN_WORD.search(TEXTS["zh_CN"][k])]
