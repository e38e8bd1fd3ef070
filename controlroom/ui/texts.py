"""Translated names for the core's codes (segment kinds, roles, alerts, checklist items)
and for the sentences its commands raise: the core speaks English, the window both."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from controlroom.core import alerts as al
from controlroom.core.alerts import Alert
from controlroom.core.pacing import Phase, ShowStatus
from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role


def _t(text: str) -> str:
    return QCoreApplication.translate("texts", text)


def segment_kind(kind: SegmentKind) -> str:
    return {
        SegmentKind.OPENING: _t("Opening"),
        SegmentKind.PRODUCT: _t("Product slot"),
        SegmentKind.INTERACTION: _t("Interaction"),
        SegmentKind.FINAL_PUSH: _t("Final push"),
        SegmentKind.CLOSING: _t("Closing"),
        SegmentKind.FREE: _t("Free segment"),
    }[kind]


def role(r: Role) -> str:
    return {Role.TRAFFIC: _t("Traffic driver"), Role.PROFIT: _t("Profit item"), Role.IMAGE: _t("Image item")}[r]


def status(s: ShowStatus) -> str:
    return {
        ShowStatus.PLANNED: _t("Not started"), ShowStatus.RUNNING: _t("Running"),
        ShowStatus.PAUSED: _t("Paused"), ShowStatus.ENDED: _t("Ended"),
    }[s]


def phase(p: Phase) -> str:
    return {Phase.NORMAL: _t("On time"), Phase.WARNING: _t("Wrap up"), Phase.OVERRUN: _t("Overrun")}[p]


def checklist_item(key: str, default: str) -> str:
    return {
        "cameras": _t("Cameras"), "microphones": _t("Microphones"), "lighting": _t("Lighting"),
        "network": _t("Network bandwidth test"), "stock": _t("Stock confirmed"),
        "team": _t("Team briefed"), "promotion": _t("Pre-show promotion out"),
    }.get(key, default)


def promo_band(band: str) -> str:
    return {"low": _t("repeat more"), "ok": _t("on target"), "over": _t("enough")}.get(band, band)


_ALERT_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (al.SLOT_OVERRUN, re.compile(r"^(?P<a>.*) over by (?P<b>[\d:]+)$"), "{a} over by {b}"),
    (al.INTERACTION_OVERDUE, re.compile(r"^no interaction for (?P<a>\d+) min$"), "No interaction for {a} min"),
    (al.INTERACTION_DUE, re.compile(r"^interaction due \((?P<a>\d+) min"), "Interaction due ({a} min since the last)"),
    (al.FINAL_PUSH, re.compile(r"^final push"), "Final push: last minutes of the show"),
    (al.SOLD_OUT, re.compile(r"^(?P<a>.*) sold out$"), "{a} sold out"),
    (al.LOW_STOCK, re.compile(r"^(?P<a>.*): (?P<b>\d+) left$"), "{a}: only {b} left"),
    (al.OVERSELL, re.compile(r"^(?P<a>\d+) unexpected"), "{a} unexpected order(s): off shelf, sold out or unknown"),
    (al.VIEWER_DROP, re.compile(r"down (?P<a>\d+)% \((?P<b>\d+) → (?P<c>\d+)\)"), "Online viewers down {a}% ({b} → {c})"),
    (al.NEGATIVE_SPIKE, re.compile(r"^(?P<a>\d+) negative"), "{a} negative comments this minute"),
]


def alert(a: Alert) -> str:
    for code, pattern, template in _ALERT_PATTERNS:
        m = pattern.search(a.message) if code == a.code else None
        if m:
            return _t(template).format(**m.groupdict())
    return a.message


_ERROR_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the show is (?P<a>\w+), not running$"), "The show is not running ({a})."),
    (re.compile(r"^the show is already (?P<a>\w+)$"), "The show is already {a}."),
    (re.compile(r"^the show is not running$"), "The show is not running."),
    (re.compile(r"^the show is not paused$"), "The show is not paused."),
    (re.compile(r"^the plan has no segments$"), "The plan has no segments."),
    (re.compile(r"^this is the last segment"), "This is the last segment: end the show instead."),
    (re.compile(r"^this is the first segment$"), "This is the first segment."),
    (re.compile(r"^choose the product whose promo"), "Choose the product whose promo was repeated."),
    (re.compile(r"^a note needs some text$"), "A note needs some text."),
    (re.compile(r"^describe the incident$"), "Describe the incident."),
    (re.compile(r"^no open incident (?P<a>.*)$"), "No open incident {a}."),
]


def error(message: str) -> str:
    """The core's sentence in the window's language when it is a known one."""
    for pattern, template in _ERROR_PATTERNS:
        m = pattern.search(message)
        if m:
            return _t(template).format(**m.groupdict())
    return message
