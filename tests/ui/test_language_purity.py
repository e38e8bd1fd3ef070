"""All Chinese in Chinese, all English in English: the real window over a played rehearsal,
in zh_CN and in en, walked widget by widget (panels, menus, docks, tables, the log, alerts,
the host display, the dialogs, the export's file dialog, the F1 list, message boxes);
no string may carry the other language beyond a short list of names, units and keys
(tests/ui/language_walk.py says why each is allowed)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from controlroom.core import commands
from controlroom.core.clock import FakeClock
from controlroom.core.plan import SegmentKind
from controlroom.recap.texts import TEXTS
from controlroom.ui import i18n
from controlroom.ui.i18n import Translations
from tests.ui.language_walk import OWN_NAME, foreign_words, strings_of_modal, widget_strings

pytestmark = pytest.mark.gui
LANGUAGES = ("zh_CN", "en")
FILE_DIALOG_USER_DATA = {"sidebar", "lookInCombo"}  # where a file dialog shows the user's folders


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    t = Translations()
    t.install(request.param)
    yield request.param
    t.install("en")
    t.remove()


@pytest.fixture
def played(language, qtbot, tmp_path, prefs, monkeypatch):
    """The window over a rehearsal created in `language`, 20 simulated minutes into the
    show: a product slot on air, a promo, an extension, a note, an incident, a host message,
    a tick of the checklist, a refused command; the host display open."""
    from controlroom.ui.session import new_rehearsal
    from controlroom.ui.window import MainWindow

    home = tmp_path / "home"
    (home / "2026").mkdir(parents=True)
    (home / "1.xlsx").write_bytes(b"")
    monkeypatch.setenv("HOME", str(home))
    clock = FakeClock()
    title = QCoreApplication.translate("main", "Rehearsal %1").replace("%1", "12-01 20:00")
    session = new_rehearsal(str(tmp_path / "show.db"), title, 60, clock=clock, seed=2)
    window = MainWindow(session, prefs, language, str(tmp_path / "show.db"))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    _play(window, clock)
    yield window, tmp_path
    window.close()


def _minutes(window, clock, n: int) -> None:
    for _ in range(n):
        clock.advance(60)
        window.tick_feed()
        window.refresh()


def _play(window, clock) -> None:
    service = window.service
    window.checklist_panel.boxes["cameras"].click()
    window.act_start.trigger()
    _minutes(window, clock, 2)
    window.act_previous.trigger()  # refused: the first segment; the status bar says why
    refusal = window.statusBar().currentMessage()
    while service.state.pacing(clock.now()).segment.kind != SegmentKind.PRODUCT:
        window.act_next.trigger()
    sku = service.state.pacing(clock.now()).segment.product_sku
    window.run(commands.set_shelf, sku, True)
    window.run(commands.explain, sku)
    window.act_promo.trigger()
    window.act_extend.trigger()
    window.add_note("1")
    window.open_incident("technical", "2")
    window.send_host_message("3", False)
    _minutes(window, clock, 18)
    window.charts_panel.redraw()
    window.refresh()
    window.last_refusal = refusal


def _judge(strings: list[str], language: str, user_data: set[str]) -> list[tuple[str, list[str]]]:
    bad = []
    for s in dict.fromkeys(strings):
        words = foreign_words(s, language, user_data)
        if words:
            bad.append((s, words))
    return bad


def _user_data(tmp_path) -> set[str]:
    """What the user (or the file system) named, not us: paths and the database file, and
    the comment-watch lists (the user's own, kept in their config folder: words and
    replies for the room they watch, Chinese by default, editable in the window)."""
    from controlroom.feeds.config import load_watch

    watch = load_watch()
    parts = {str(tmp_path), str(tmp_path / "home"), str(tmp_path / "show.db"), "show.db"}
    filled = {r.replace("{n}", str(n)) for r in watch.replies for n in range(1000)}  # shown with the link number on air
    return parts | {p for p in str(tmp_path).split("/") if p} | {*watch.negative, *watch.questions, *watch.replies} | filled


def _window_strings(window) -> list[str]:
    if window.host_display is None or not window.host_display.isVisible():
        window.toggle_host_display()
    strings = widget_strings(window) + widget_strings(window.host_display) + [window.last_refusal]
    assert len(strings) > 300
    return strings


def _dialog_strings(window) -> list[str]:
    from controlroom.ui.plan_editor import PlanEditor
    from controlroom.ui.settings_dialog import SettingsDialog
    from controlroom.ui.show_dialogs import NewShowDialog, OpenShowDialog

    strings: list[str] = []
    for make in (lambda: SettingsDialog(window.service, window), lambda: PlanEditor(window.service, window),
                 lambda: NewShowDialog(window, window.db), lambda: OpenShowDialog(window, window.db)):
        dialog = make()
        strings += widget_strings(dialog)
        dialog.deleteLater()
    keys = window.show_shortcuts()  # the F1 list: not modal
    strings += widget_strings(keys)
    keys.close()
    strings += strings_of_modal(window.act_end.trigger)  # the end-show question, answered No
    assert window.service.view().status.value == "running"
    assert len(strings) > 100
    return strings


def _export_strings(window, language: str, tmp_path) -> list[str]:
    from controlroom.ui import export_dialog

    run = export_dialog.RecapExport(window, window.session.url, window.session.show_id, tmp_path / "r.xlsx", language)
    strings = widget_strings(run.dialog)
    strings += [run.stage_text(s) for s in ("reading", "events", "sheets", "saving", "done")]
    strings += [run.written_text(str(tmp_path / "r.xlsx")), run._failure_text()]
    run._cancelled = True
    strings.append(run._failure_text())
    run.dialog.deleteLater()
    run.deleteLater()
    title = window.service.view().info.title
    skip_user_folders = lambda w: w.objectName() in FILE_DIALOG_USER_DATA  # noqa: E731
    strings += strings_of_modal(lambda: export_dialog.choose_file(window, title, window.session.show_id),
                                skip=skip_user_folders, settle_ms=300)
    assert len(strings) > 20
    return strings


def _ended_strings(window) -> list[str]:
    """After the end: the timer, the host display, the log and the alerts of an ended show."""
    window.run(commands.end_show)
    window.refresh()
    assert window.service.view().status.value == "ended"
    return widget_strings(window) + widget_strings(window.host_display)


@pytest.mark.slow
def test_the_window_speaks_one_language(played, language):
    """One walk per language (building the played window is the cost): the running show,
    its dialogs, the export and its file dialog, then the ended show."""
    window, tmp_path = played
    found = {
        "window": _window_strings(window),
        "dialogs": _dialog_strings(window),
        "export": _export_strings(window, language, tmp_path),
        "ended": _ended_strings(window),
    }
    user_data = _user_data(tmp_path) | {os.environ["HOME"]}
    bad = {part: _judge(strings, language, user_data) for part, strings in found.items()}
    assert not any(bad.values()), "\n".join(f"{part}: {b!r}" for part, items in bad.items() for b in items)


# -- the catalogues themselves ----------------------------------------------------------
def _translations(path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return [(m.findtext("source") or "", m.findtext("translation") or "") for m in root.iter("message")]


def test_every_chinese_translation_is_chinese():
    """Each shipped zh_CN catalogue (ours, live data, recap, Qt's dialogs) and the recap's
    words: no Latin word beyond the allowed names, units and keys; {placeholders} aside."""
    import re

    bad = []
    for ts in sorted(i18n.I18N_DIR.glob("*_zh_CN.ts")):
        for source, target in _translations(ts):
            words = foreign_words(re.sub(r"\{\w+\}|%\w+|&\w", " ", target), "zh_CN")
            if words:
                bad.append((ts.name, source, target, words))
    for key, target in TEXTS["zh_CN"].items():
        words = foreign_words(re.sub(r"\{[^}]*\}", " ", target), "zh_CN")
        if words:
            bad.append(("recap/texts.py", key, target, words))
    assert not bad


def test_no_english_source_string_carries_chinese():
    """The source strings are the English UI (controlroom_en.ts is their identity)."""
    bad = [(s, t) for s, t in _translations(i18n.I18N_DIR / "controlroom_en.ts")
           if foreign_words(t, "en") and t not in OWN_NAME]
    assert not bad
    assert not [k for k, v in TEXTS["en"].items() if foreign_words(v, "en")]


def test_every_catalogue_holds_the_strings_of_its_sources(tmp_path):
    """lupdate over each catalogue's sources (scripts/update_translations.py) finds nothing
    its shipped zh_CN .ts lacks, in the context the code looks it up in."""
    import subprocess
    import sys

    sys.path.insert(0, str(i18n.I18N_DIR.parents[1] / "scripts"))
    try:
        import update_translations as ut
    finally:
        sys.path.pop(0)
    for stem, (files, _langs) in ut.catalogues().items():
        fresh = tmp_path / f"{stem}.ts"
        subprocess.run([ut.tool("lupdate"), "-silent", "-locations", "none", *map(str, files), "-ts", str(fresh)],
                       check=True, cwd=ut.ROOT)
        shipped = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ut.ts_path("zh_CN", stem)).iter("context")
                   for m in c.iter("message")}
        fresh_keys = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).iter("context")
                      for m in c.iter("message")}
        assert fresh_keys <= shipped, (stem, sorted(fresh_keys - shipped)[:5])
        assert "run" not in {ctx for ctx, _ in fresh_keys}, stem  # a `run.tr()` looked up as RecapExport


def test_every_alert_code_is_worded_in_each_language(language):
    """An alert is a code and parameters (core/alerts.py); each code has its sentence in
    texts.py, so none falls back to the core's English message in the Chinese window."""
    from controlroom.core import alerts as al
    from controlroom.core.alerts import Alert
    from controlroom.ui import texts

    codes = {v for k, v in vars(al).items() if k.isupper() and v == k.lower()}  # SLOT_OVERRUN = "slot_overrun"
    assert {al.SLOT_OVERRUN, al.NEGATIVE_SPIKE} <= codes
    missing = sorted(codes - set(texts._ALERT_TEMPLATES))
    assert not missing
    for code in sorted(codes):
        worded = texts.alert(Alert(code=code, severity="warning", message="the core's English", params={"a": 1, "b": 2, "c": 3}))
        assert worded != "the core's English" and not foreign_words(worded, language), (code, worded)
