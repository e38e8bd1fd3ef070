"""Translations: load every resources/i18n/*_<lang>.qm and Qt's own qtbase_<lang>.qm (ours
for Qt's dialogs, qtdialogs_<lang>.qm, fills the strings Qt's lacks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import controlroom

I18N_DIR = Path(controlroom.__file__).resolve().parents[1] / "resources" / "i18n"


def system_language() -> str:
    """zh_CN when the system locale is Chinese, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


_language = "en"  # the installed one: shows and rehearsals are created in it


def current_language() -> str:
    """The window's language now (what new shows' default plans and sample data are written in)."""
    return _language


def qm_files(lang: str, folder: Path = I18N_DIR) -> list[Path]:
    return sorted(folder.glob(f"*_{lang}.qm"))


def qt_translation_dirs() -> list[str]:
    """Where Qt's own qtbase_<lang>.qm may be: Qt's configured path, then PySide6's folder."""
    import PySide6

    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")]
    return list(dict.fromkeys(dirs))


def _use_locale(lang: str) -> None:
    """Qt's own words that come from the locale, not a translator (a file dialog's sizes
    "0 字节", its file types "Excel 2007 电子表格"), in the window's language: the system's
    locale when it is of that language, else the language's own."""
    wanted, system = QLocale(lang), QLocale.system()
    QLocale.setDefault(system if system.language() == wanted.language() else wanted)


class Translations:
    """The translators installed on the application; `switch` replaces them."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def install(self, lang: str) -> list[str]:
        """Install `lang`'s translators; returns the files loaded."""
        global _language
        self.remove()
        self.language = _language = lang
        _use_locale(lang)
        loaded = []
        for path in qm_files(lang):
            loaded += self._load(str(path.parent), path.stem)
        # Installed last, so searched first: Qt's own translation wins where it has a string;
        # ours (qtdialogs_<lang>.qm) fill what it lacks or all of it when it is not shipped.
        for qt_dir in qt_translation_dirs():
            found = self._load(qt_dir, f"qtbase_{lang}")
            if found:
                loaded += found
                break
        return loaded

    def _load(self, folder: str, stem: str) -> list[str]:
        t = QTranslator()
        if not t.load(stem, folder):
            return []
        QCoreApplication.installTranslator(t)
        self._installed.append(t)
        return [f"{folder}/{stem}.qm"]

    def remove(self) -> None:
        for t in self._installed:
            QCoreApplication.removeTranslator(t)
        self._installed.clear()
