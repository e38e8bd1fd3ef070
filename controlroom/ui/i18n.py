"""Translations: load every resources/i18n/*_<lang>.qm and Qt's own qtbase_<lang>.qm."""

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
        loaded = []
        for path in qm_files(lang):
            loaded += self._load(str(path.parent), path.stem)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded += self._load(qt_dir, f"qtbase_{lang}")
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
