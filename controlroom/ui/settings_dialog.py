"""The show's settings: every pacing and alert figure (core/settings.py), edited per show."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.settings import ShowSettings
from controlroom.services.show_service import ShowService
from controlroom.store.errors import StoreUnavailable
from controlroom.ui import texts
from controlroom.ui.background import beside_jobs

translate = QCoreApplication.translate  # the labels keep SettingsDialog's context


def setting_labels() -> dict[str, str]:
    """Each setting's name in the window's language (the dialog's rows, the log's edits)."""
    return {
        "opening_minutes": translate("SettingsDialog", "Opening (min)"),
        "slot_warn_minutes": translate("SettingsDialog", "Product slot: warn at (min)"),
        "slot_max_minutes": translate("SettingsDialog", "Product slot: overrun after (min)"),
        "interaction_minutes": translate("SettingsDialog", "Interaction segment length (min)"),
        "interaction_remind_minutes": translate("SettingsDialog", "Interaction reminder after (min)"),
        "interaction_alarm_minutes": translate("SettingsDialog", "Interaction alarm after (min)"),
        "final_push_minutes": translate("SettingsDialog", "Final push: last (min)"),
        "closing_minutes": translate("SettingsDialog", "Closing (min)"),
        "warning_lead_minutes": translate("SettingsDialog", "Other segments: warn before the end (min)"),
        "promo_target_min": translate("SettingsDialog", "Promo repeats: at least"),
        "promo_target_max": translate("SettingsDialog", "Promo repeats: at most"),
        "low_stock_units": translate("SettingsDialog", "Low stock at (units)"),
        "viewer_drop_percent": translate("SettingsDialog", "Viewer drop alert (%)"),
        "viewer_drop_window_minutes": translate("SettingsDialog", "Viewer drop window (min)"),
        "negative_spike_per_minute": translate("SettingsDialog", "Negative comments per minute for an alert"),
        "low_conversion_percent": translate("SettingsDialog", "Low conversion (%)"),
        "feed_before_show_hours": translate("SettingsDialog", "Live data accepted from before the show (h)"),
        "feed_ahead_minutes": translate("SettingsDialog", "Live data accepted ahead of now (min)"),
        "auto_shelf": translate("SettingsDialog", "Moving onto a product slot puts it on shelf (and the previous one off)"),
        "obs_congestion_percent": translate("SettingsDialog", "OBS: congestion incident at (%)"),
        "obs_min_bitrate_kbps": translate("SettingsDialog", "OBS: bitrate incident below (kbps, 0 = off)"),
        "obs_low_bitrate_seconds": translate("SettingsDialog", "OBS: low bitrate for at least (s)"),
        "obs_skipped_percent": translate("SettingsDialog", "OBS: skipped frames incident above (%)"),
        "obs_unreachable_seconds": translate("SettingsDialog", "OBS: unreachable or not streaming for (s)"),
        "obs_recover_seconds": translate("SettingsDialog", "OBS: incident closes after recovering for (s)"),
        "obs_scenes": translate("SettingsDialog", "OBS scenes by segment kind (product=Scene; interaction=Scene)"),
        # -- baseline (issue 13) --
        "baseline_shows": translate("SettingsDialog", "Room's usual: the last (shows)"),
        "baseline_alert_percent": translate("SettingsDialog", "Below-usual alert at (% below, 0 = off)"),
        "baseline_alert_hold_minutes": translate("SettingsDialog", "Below-usual alert: held for (min)"),
        "sellout_alert_minutes": translate("SettingsDialog", "Sell-out alert: sells out within (min, 0 = off)"),
        "host_show_targets": translate("SettingsDialog", "Host display: show the slot's sales against its targets"),
        "recap_tail_minutes": translate("SettingsDialog", "Recap: a slot's tail after it ends (min)"),
    }


class SettingsDialog(QDialog):
    """Attributes: editors (setting name → spin box), message."""

    def __init__(self, service: ShowService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Show settings"))
        current = service.view().settings
        form = QFormLayout()
        self.editors: dict[str, QAbstractSpinBox | QCheckBox | QLineEdit] = {}
        labels = self.labels()
        for f in fields(ShowSettings):
            value = getattr(current, f.name)
            if f.type in (str, "str"):
                editor = QLineEdit(value)  # text settings (obs_scenes)
            else:
                editor = self._switch(value) if f.type in (bool, "bool") else \
                    self._editor(f.type in (int, "int"), value)
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
        return setting_labels()

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

    def _switch(self, on: bool) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(bool(on))
        return box

    def values(self) -> dict[str, float | bool | str]:
        return {name: editor.isChecked() if isinstance(editor, QCheckBox) else
                editor.text() if isinstance(editor, QLineEdit) else editor.value()  # type: ignore[attr-defined]
                for name, editor in self.editors.items()}

    def save(self) -> None:
        try:
            settings = ShowSettings.from_dict(self.values())
            beside_jobs(self.service.update_settings, settings)  # during an import: off the UI thread
        except (ValueError, StoreUnavailable) as exc:  # names the setting at fault, or the log cannot write
            self.message.setText(texts.refusal(exc))
            return
        self.accept()
