#!/usr/bin/env python3
"""Refresh the window's translations: extract every tr()/translate() string from
controlroom/ui (lupdate), fill new Chinese ones from update_translations.zh_CN.tsv,
make English the identity, and compile the .qm files (lrelease).

    python scripts/update_translations.py           # update .ts and .qm
    python scripts/update_translations.py --check   # exit 1 if a string is untranslated

Catalogues: controlroom_<lang> (the window), recap_zh_CN (the export dialog) and
qtdialogs_zh_CN (Qt's own dialogs where Qt ships none, hand-written: compiled only).
live_data_zh_CN.ts (ui/live_data) is kept by hand in Qt Linguist and not touched here.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "controlroom" / "ui"
I18N = ROOT / "resources" / "i18n"
GLOSSARY = Path(__file__).with_name("update_translations.zh_CN.tsv")
LANGUAGES = ("zh_CN", "en")
OTHERS = ("live_data", "export_dialog.py")  # in their own catalogues
HAND_WRITTEN = ("qtdialogs",)  # no sources of ours: lrelease only


def sources() -> list[Path]:
    """The window's own catalogue's sources (controlroom_<lang>.ts)."""
    return sorted(p for p in UI.rglob("*.py") if not any(part in OTHERS for part in p.relative_to(UI).parts))


def catalogues() -> dict[str, tuple[list[Path], tuple[str, ...]]]:
    """stem → (its sources, its languages)."""
    return {
        "controlroom": (sources(), LANGUAGES),
        "recap": ([UI / "export_dialog.py"], ("zh_CN",)),
    }


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"update_translations: pyside6-{name} not found (install PySide6)")
    return found


def ts_path(lang: str, stem: str = "controlroom") -> Path:
    return I18N / f"{stem}_{lang}.ts"


def lupdate(lang: str, stem: str = "controlroom", files: list[Path] | None = None) -> None:
    cmd = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
           "-target-language", lang, *map(str, files if files is not None else sources()), "-ts", str(ts_path(lang, stem))]
    subprocess.run(cmd, check=True, cwd=ROOT)


def glossary() -> dict[str, str]:
    out = {}
    for n, line in enumerate(GLOSSARY.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or (line.startswith("#") and "\t" not in line):
            continue
        source, sep, target = line.partition("\t")
        if not sep:
            raise SystemExit(f"{GLOSSARY.name} line {n}: expected source<TAB>translation")
        out[_unescape(source)] = _unescape(target)
    return out


def _unescape(text: str) -> str:
    return text.replace("\\t", "\t").replace("\\n", "\n")


def fill(lang: str, words: dict[str, str], stem: str = "controlroom") -> list[str]:
    """Fill unfinished messages; returns the sources still untranslated."""
    path = ts_path(lang, stem)
    tree = ET.parse(path)
    missing = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") not in ("unfinished", "vanished", "obsolete") and (tr.text or "").strip():
            continue
        target = source if lang == "en" else words.get(source)
        if target is None:
            missing.append(source)
            continue
        tr.text = target
        tr.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    _restore_doctype(path)
    return missing


def _restore_doctype(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def lrelease(lang: str, stem: str = "controlroom") -> None:
    ts = ts_path(lang, stem)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a string has no translation")
    args = parser.parse_args()
    I18N.mkdir(parents=True, exist_ok=True)
    words = glossary()
    status = 0
    for stem, (files, languages) in catalogues().items():
        for lang in languages:
            lupdate(lang, stem, files)
            missing = fill(lang, words, stem)
            lrelease(lang, stem)
            for source in missing:
                print(f"{stem}_{lang}: untranslated: {source!r}", file=sys.stderr)
            if missing and args.check:
                status = 1
            print(f"{ts_path(lang, stem).relative_to(ROOT)}: {len(missing)} untranslated")
    for stem in HAND_WRITTEN:
        for ts in sorted(I18N.glob(f"{stem}_*.ts")):
            lrelease(ts.stem.removeprefix(f"{stem}_"), stem)
    return status


if __name__ == "__main__":
    sys.exit(main())
