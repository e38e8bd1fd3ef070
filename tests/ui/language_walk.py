"""Collect every string a person can see in a widget tree: texts, titles, tooltips,
placeholders, combo items, item views (cells and headers), menus and their actions, and
the words painted in pyqtgraph plots; and judge them against one language's script."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

MAX_ROWS = 400  # of an item view: enough to see every kind of row, cheap on a 5,000-row log

# Allowed Latin words in the Chinese UI, each for a reason:
PROPER_NAMES = {
    "ControlRoom",  # the product's name
    "GMV", "SKU", "UV", "GPM", "ID",  # the trade's own abbreviations, used as such in Chinese software
    "OBS", "TikTok", "Excel", "SQLite", "PostgreSQL", "pgpass", "CSV", "HTTP", "WebSocket", "API", "JSON", "URL", "IP",  # product/format names
    "UTF",  # UTF-8, the text encoding a CSV must be in (or GB18030): its name, in Chinese too
    "UPF",  # a fabric's sun rating, as printed on the sample product
}
# units; "bytes": Qt's file list words sizes in the system's locale (QLocale::system(), which
# the app cannot set), so on an English system a Chinese window's file dialog says "0 bytes"
UNITS = {"ml", "KB", "KiB", "MB", "MiB", "GB", "GiB", "ms", "bytes"}
KEY_NAMES = {"Ctrl", "Shift", "Alt", "Esc", "Del", "Space", "Enter", "Tab", "PgUp", "PgDown", "Home", "End",
             "Up", "Down", "Left", "Right", "Backspace", "Ins", "Meta", "Return"}
OWN_NAME = {"English", "中文"}  # the language menu names each language in itself

LATIN_RUN = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]")
FILE_PATTERN = re.compile(r"\*\.[A-Za-z0-9]+|\.(?:xlsx|csv|db|sqlite|jsonl|json)\b|(?<![\w/])/[\w./-]+")  # patterns, extensions, paths
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|#[0-9a-fA-F]{6}")  # rich text's tags and colours
ID = re.compile(r"\b(?:INC|SKU|SIM|NEW)-[\w-]+|\b[A-Za-z0-9_-]{24,}\b")  # refs we generate; tokens


def foreign_words(text: str, language: str, user_data: Iterable[str] = ()) -> list[str]:
    """What in `text` is not in `language`: Latin words (zh_CN) or CJK characters (en),
    beyond the allowed names, units and key names and the given user data (paths, names)."""
    for data in sorted(user_data, key=len, reverse=True):
        if data:
            text = text.replace(data, " ")
    text = ID.sub(" ", MARKUP.sub(" ", FILE_PATTERN.sub(" ", text)))
    if language == "en":
        if text.strip() in OWN_NAME:
            return []
        return CJK.findall(text)
    if text.strip() in OWN_NAME:
        return []
    allowed = PROPER_NAMES | UNITS | KEY_NAMES
    return [w for w in LATIN_RUN.findall(text) if w not in allowed]


# -- collecting ------------------------------------------------------------------------
def _model_strings(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0) -> list[str]:
    out = []
    flat = isinstance(model, (QAbstractTableModel, QAbstractListModel))
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    rows = model.rowCount(parent)
    for orient, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, min(rows, 3))):
        for i in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orient, role)
                if isinstance(value, str):
                    out.append(value)
    for r in range(min(rows, MAX_ROWS)):
        for c in range(columns):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append(value)
            if depth < 2 and c == 0 and not flat and model.rowCount(index) > 0:
                out += _model_strings(model, index, depth + 1)
    return out


def _menu_strings(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        out += _action_strings(action)
    return out


def _action_strings(action: QAction) -> list[str]:
    out = [action.text(), action.toolTip(), action.statusTip(), action.whatsThis()]
    if action.menu() is not None:
        out += _menu_strings(action.menu())
    return out


def _plot_strings(widget: QWidget) -> list[str]:
    scene = getattr(widget, "scene", None)
    if scene is None or not callable(scene) or getattr(widget, "getPlotItem", None) is None and \
            type(widget).__name__ != "GraphicsLayoutWidget":
        return []
    out = []
    for item in scene().items():
        for attr in ("text", "labelText"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                out.append(re.sub(r"<[^>]+>", " ", value))
        if hasattr(item, "toPlainText"):
            out.append(item.toPlainText())
    return out


def widget_strings(widget: QWidget, skip: Callable[[QWidget], bool] = lambda _w: False) -> list[str]:
    """Every visible string of `widget` and its children (hidden ones too: they show later)."""
    out: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if _skipped(w, widget, skip):
            continue
        out += [w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName()]
        if w.isWindow() or isinstance(w, QDockWidget):
            out.append(w.windowTitle())
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out += [w.placeholderText(), w.text()]
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            out += [w.placeholderText(), w.toPlainText()]
        if isinstance(w, QAbstractSpinBox):
            out += [getattr(w, "prefix", lambda: "")(), getattr(w, "suffix", lambda: "")(),
                    w.specialValueText()]
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_strings(w.model(), w.rootIndex())  # what the view shows, not the whole model
        if isinstance(w, QMenu):
            out += _menu_strings(w)
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                out += _action_strings(action)
            out.append(w.statusBar().currentMessage())
        if isinstance(w, (QMessageBox,)):
            out += [w.text(), w.informativeText(), w.detailedText()]
        if isinstance(w, QProgressDialog):
            out.append(w.labelText())
        for action in w.actions():
            out += _action_strings(action)
        out += _plot_strings(w)
    return [s for s in out if s]


def _skipped(w: QWidget | None, root: QWidget, skip: Callable[[QWidget], bool]) -> bool:
    while w is not None:
        if skip(w):
            return True
        if w is root:
            return False
        w = w.parentWidget()
    return False


def strings_of_modal(trigger: Callable[[], object], skip: Callable[[QWidget], bool] = lambda _w: False,
                     settle_ms: int = 0) -> list[str]:
    """Run `trigger`, which opens a modal dialog (exec() or a static QMessageBox/QFileDialog
    call); collect the dialog's strings while it is up (after `settle_ms`, for a file
    dialog's folder to load), then close it (rejected)."""
    seen: list[str] = []
    found: list[QWidget] = []
    tries = [0]

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(20, grab)
            return
        if settle_ms and tries[0] >= 0:
            tries[0] = -1
            QTimer.singleShot(settle_ms, grab)
            return
        found.append(dialog)
        seen.extend(widget_strings(dialog, skip))
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(0, grab)
    trigger()
    assert found, "the trigger opened no modal dialog"
    return seen
