"""The show's settings: every pacing and alert figure (core/settings.py), edited per show."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.settings import ShowSettings
from controlroom.services.show_service import ShowService
from controlroom.ui import texts


class SettingsDialog(QDialog):
    """Attributes: editors (setting name → spin box), message."""

    def __init__(self, service: ShowService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Show settings"))
        with service.lock:
            current = service.state.settings
        form = QFormLayout()
        self.editors: dict[str, QAbstractSpinBox] = {}
        labels = self.labels()
        for f in fields(ShowSettings):
            editor = self._editor(f.type in (int, "int"), getattr(current, f.name))
            self.editors[f.name] = editor
            form.addRow(labels.get(f.name, f.name), editor)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def labels(self) -> dict[str, str]:
        return {
            "opening_minutes": self.tr("Opening (min)"),
            "slot_warn_minutes": self.tr("Product slot: warn at (min)"),
            "slot_max_minutes": self.tr("Product slot: overrun after (min)"),
            "interaction_minutes": self.tr("Interaction segment length (min)"),
            "interaction_remind_minutes": self.tr("Interaction reminder after (min)"),
            "interaction_alarm_minutes": self.tr("Interaction alarm after (min)"),
            "final_push_minutes": self.tr("Final push: last (min)"),
            "closing_minutes": self.tr("Closing (min)"),
            "warning_lead_minutes": self.tr("Other segments: warn before the end (min)"),
            "promo_target_min": self.tr("Promo repeats: at least"),
            "promo_target_max": self.tr("Promo repeats: at most"),
            "low_stock_units": self.tr("Low stock at (units)"),
            "viewer_drop_percent": self.tr("Viewer drop alert (%)"),
            "viewer_drop_window_minutes": self.tr("Viewer drop window (min)"),
            "negative_spike_per_minute": self.tr("Negative comments per minute for an alert"),
            "low_conversion_percent": self.tr("Low conversion (%)"),
        }

    def _editor(self, whole: bool, value: float) -> QAbstractSpinBox:
        if whole:
            box = QSpinBox()
            box.setRange(0, 100_000)
            box.setValue(int(value))
            return box
        dbox = QDoubleSpinBox()
        dbox.setRange(0.0, 10_000.0)
        dbox.setDecimals(1)
        dbox.setValue(float(value))
        return dbox

    def values(self) -> dict[str, float]:
        return {name: editor.value() for name, editor in self.editors.items()}  # type: ignore[attr-defined]

    def save(self) -> None:
        try:
            settings = ShowSettings.from_dict(self.values())
            self.service.update_settings(settings)
        except ValueError as exc:  # names the setting at fault; nothing was saved
            self.message.setText(texts.error(str(exc)))
            return
        self.accept()
