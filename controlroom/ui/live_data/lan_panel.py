"""The browser views in the window (docs/views.md): whether the local API listens on the
local network too, and while it runs, a view's link (with the view-only token, never the
API token) to copy and, on the network, its QR code for a phone or tablet to scan.

The setting is read when the server starts; it cannot change under a running server (the
box is disabled then), so what the window says is always what the server does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from controlroom.feeds.config import load_or_create_view_token
from controlroom.feeds.lan import ALL_INTERFACES, VIEWS, lan_address, qr_matrix, view_link
from controlroom.ui import i18n

QR_MODULE_PX = 4


def _view_names() -> dict[str, str]:
    return {
        "host": QCoreApplication.translate("LanPanel", "Host display"),
        "assistant": QCoreApplication.translate("LanPanel", "Assistant card"),
        "status": QCoreApplication.translate("LanPanel", "Show status"),
    }


def qr_pixmap(text: str, module_px: int = QR_MODULE_PX) -> QPixmap:
    """The QR code painted module by module (no Pillow, no SVG module needed)."""
    rows = qr_matrix(text)
    image = QImage(len(rows) * module_px, len(rows) * module_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module_px, y * module_px, module_px, module_px, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class LanPanel(QGroupBox):
    """Attributes: lan (QCheckBox), view (QComboBox), link (QLineEdit), qr (QLabel), hint (QLabel)."""

    def __init__(self, parent: QGroupBox | None = None) -> None:
        super().__init__(self.tr("Browser views (phone, tablet, OBS)"), parent)
        self.view_token = load_or_create_view_token()
        self._server = None
        self.lan = QCheckBox(self.tr("Also listen on the local network"))
        self.lan.setToolTip(self.tr("Other devices on this network can then reach the API: they still need a token"))
        self.view = QComboBox()
        for key, name in _view_names().items():
            self.view.addItem(name, key)
        self.view.currentIndexChanged.connect(self._show_link)
        self.link = QLineEdit(readOnly=True)
        self.copy = QPushButton(self.tr("Copy link"))
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.link.text()))
        self.qr = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.link, 1)
        row.addWidget(self.copy)
        form = QFormLayout(self)
        form.addRow(self.lan)
        form.addRow(self.tr("View"), self.view)
        form.addRow(self.tr("Link"), row)
        form.addRow(self.qr)
        form.addRow(self.hint)
        self.show_server(None)

    def host(self, default: str) -> str:
        """The address the server binds: every interface when the box is ticked."""
        return ALL_INTERFACES if self.lan.isChecked() else default

    def language(self) -> str:
        return "en" if i18n.current_language() == "en" else "zh_CN"

    def show_server(self, server: object | None) -> None:
        """The running server's links (None: stopped)."""
        self._server = server
        self.lan.setEnabled(server is None)
        self._show_link()

    def _show_link(self) -> None:
        server = self._server
        for w in (self.view, self.link, self.copy):
            w.setEnabled(server is not None)
        self.qr.clear()
        self.qr.setVisible(False)
        if server is None:
            self.link.clear()
            self.hint.setText(self.tr("Start the local API to open the views in a browser."))
            return
        on_lan = server.host == ALL_INTERFACES
        address = (lan_address() if on_lan else None) or "127.0.0.1"
        self.link.setText(view_link(address, server.port, self.view_token, self.view.currentData() or VIEWS[0]))
        if on_lan and address != "127.0.0.1":
            self.qr.setPixmap(qr_pixmap(self.link.text()))
            self.qr.setVisible(True)
            self.hint.setText(self.tr("Scan with a phone or tablet on the same network. The link can only read "
                                      "the show, never send commands."))
        elif on_lan:
            self.hint.setText(self.tr("This computer has no local-network address now: the views open on it only."))
        else:
            self.hint.setText(self.tr("This computer only (for a second screen or OBS). Tick the box above and "
                                      "restart the API to open the views on phones and tablets."))
