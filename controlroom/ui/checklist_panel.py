"""The pre-show checklist (直播前准备): one box per item; each tick is logged."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from controlroom.core.checklist import CHECKLIST_ITEMS
from controlroom.ui import texts


class ChecklistPanel(QWidget):
    """Signals: ticked(item key, checked). Boxes show the log's state, set by `show_state`."""

    ticked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for key, default in CHECKLIST_ITEMS:
            box = QCheckBox(texts.checklist_item(key, default))
            box.clicked.connect(lambda checked, k=key: self.ticked.emit(k, checked))
            layout.addWidget(box)
            self.boxes[key] = box
        self.progress = QLabel()
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def show_state(self, checklist: dict[str, bool]) -> None:
        for key, box in self.boxes.items():
            if box.isChecked() != checklist.get(key, False):
                box.setChecked(checklist.get(key, False))
        done = sum(1 for k in self.boxes if checklist.get(k, False))
        self.progress.setText(self.tr("%1 of %2 ready").replace("%1", str(done)).replace("%2", str(len(self.boxes))))
