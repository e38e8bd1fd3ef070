"""What an undo says in the window's language: the action's name (core/undo.py labels), the
status line's "Undone: next segment (开场 → 产品1)", the log's line, and the refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from controlroom.core.events import Event
from controlroom.core.views import RoomView
from controlroom.ui import texts

translate = QCoreApplication.translate

_SEGMENT_MOVES = frozenset({"next segment", "previous segment", "jump to segment", "skip segment"})
_ABOUT_A_PRODUCT = frozenset({"on shelf", "off shelf", "explain", "promo"})


def action_name(label: str) -> str:
    return {
        "next segment": translate("undo", "next segment"), "previous segment": translate("undo", "previous segment"),
        "jump to segment": translate("undo", "jump to segment"), "skip segment": translate("undo", "skip segment"),
        "extend": translate("undo", "extend"), "interaction": translate("undo", "interaction marked"),
        "promo": translate("undo", "promo repeated"), "on shelf": translate("undo", "on shelf"),
        "off shelf": translate("undo", "off shelf"), "explain": translate("undo", "explaining"),
        "host message": translate("undo", "host message"), "incident opened": translate("undo", "incident opened"),
        "incident closed": translate("undo", "incident closed"), "pause": translate("undo", "pause"),
        "resume": translate("undo", "resume"),
    }.get(label, label)


def log_line(e: Event, names: dict[str, str], titles: dict[str, str]) -> str:
    """The undo event in the log: what it took back, and whose."""
    label = e.text or ""
    if e.product:
        about = names.get(e.product, e.product)
    else:  # a segment's title, or an incident's ref
        about = e.ref or "" if label.startswith("incident") else titles.get(e.ref or "", "")
    return f"{action_name(label)}  {about}".strip()


def message(e: Event, before: RoomView, after: RoomView) -> str:
    """The status line after an undo: the action, and what it had changed."""
    text = translate("undo", "Undone: %1").replace("%1", action_name(e.text or ""))
    detail = _detail(e, before, after)
    return f"{text} ({detail})" if detail else text


def _detail(e: Event, before: RoomView, after: RoomView) -> str:
    label = e.text or ""
    if label in _SEGMENT_MOVES:
        was, undone = after.pacing.segment, before.pacing.segment
        return f"{texts.segment_title(was.title) if was else '—'} → {texts.segment_title(undone.title) if undone else '—'}"
    if label in _ABOUT_A_PRODUCT:
        return before.names().get(e.product or "", e.product or "")
    if label == "extend":
        return texts.segment_title(before.titles().get(e.ref or "", ""))
    if label == "host message":
        return before.host_message
    if label.startswith("incident"):
        return e.ref or ""
    return ""


def refusal(reason: str) -> str | None:
    """A refused undo in the window's language (None: not an undo's refusal)."""
    return {
        "nothing to undo": translate("undo", "Nothing to undo."),
        "nothing to undo since the show started": translate("undo", "Nothing to undo since the show started."),
        "nothing to undo since the show ended": translate("undo", "Nothing to undo since the show ended."),
    }.get(reason)
