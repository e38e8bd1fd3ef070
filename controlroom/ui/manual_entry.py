"""Manual entry: the numbers a platform dashboard shows, typed in when no feed is connected.
Enter in a field records them and hands the keys back to the show."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from controlroom.ui.guard import hand_back


class ManualEntryPanel(QWidget):
    """Signals: submitted(online, gmv_total, orders_total) — None for a field left empty.
    A field that is not a number is named in `message` and nothing is sent."""

    submitted = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.online = QLineEdit()
        self.gmv = QLineEdit()
        self.orders = QLineEdit()
        self.online.setPlaceholderText(self.tr("e.g. 1520"))
        self.gmv.setPlaceholderText(self.tr("total so far, e.g. 35600.50"))
        self.orders.setPlaceholderText(self.tr("total so far, e.g. 412"))
        form.addRow(self.tr("Online viewers"), self.online)
        form.addRow(self.tr("GMV total (¥)"), self.gmv)
        form.addRow(self.tr("Orders total"), self.orders)
        layout.addLayout(form)
        self.send = QPushButton(self.tr("Record"))
        self.send.clicked.connect(self.submit)
        for field in (self.online, self.gmv, self.orders):
            field.returnPressed.connect(lambda f=field: (self.submit(), hand_back(f)))
        layout.addWidget(self.send)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def submit(self) -> None:
        try:
            online = self._number(self.online, self.tr("Online viewers"), int)
            gmv = self._number(self.gmv, self.tr("GMV total"), float)
            orders = self._number(self.orders, self.tr("Orders total"), int)
        except ValueError as exc:
            self.show_message(str(exc), error=True)
            return
        if online is None and gmv is None and orders is None:
            self.show_message(self.tr("Type at least one figure."), error=True)
            return
        self.submitted.emit(online, gmv, orders)

    def _number(self, field: QLineEdit, name: str, kind: type) -> int | float | None:
        text = field.text().strip().replace(",", "").replace("¥", "")
        if not text:
            return None
        try:
            value = kind(text)
        except ValueError:
            raise ValueError(self.tr("%1: “%2” is not a number").replace("%1", name).replace("%2", field.text())) from None
        if not math.isfinite(value):
            raise ValueError(self.tr("%1: “%2” is not a number").replace("%1", name).replace("%2", field.text()))
        return value

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def accepted(self) -> None:
        for field in (self.online, self.gmv, self.orders):
            field.clear()
        self.show_message(self.tr("Recorded."))
