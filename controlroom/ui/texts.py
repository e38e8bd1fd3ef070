"""Translated names for the core's codes (segment kinds, roles, alerts, checklist items)
and for the sentences its commands raise: the core speaks English, the window both."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from controlroom.core import alerts as al
from controlroom.core.alerts import Alert
from controlroom.core.legacy_titles import display_notes, display_title
from controlroom.core.pacing import Phase, ShowStatus
from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role
from controlroom.core.views import Health
from controlroom.store.errors import StoreUnavailable
from controlroom.ui.i18n import current_language

translate = QCoreApplication.translate



def segment_kind(kind: SegmentKind) -> str:
    return {
        SegmentKind.OPENING: translate("texts", "Opening"),
        SegmentKind.PRODUCT: translate("texts", "Product slot"),
        SegmentKind.INTERACTION: translate("texts", "Interaction"),
        SegmentKind.FINAL_PUSH: translate("texts", "Final push"),
        SegmentKind.CLOSING: translate("texts", "Closing"),
        SegmentKind.FREE: translate("texts", "Free segment"),
    }[kind]


def segment_title(title: str) -> str:
    """A segment's title as the window shows it: an older show's bilingual default
    ("开场 Opening") in the window's language (core/legacy_titles.py)."""
    return display_title(title, current_language())


def segment_notes(notes: str) -> str:
    return display_notes(notes, current_language())


def kind_and_title(kind: SegmentKind, title: str) -> str:
    """"Product slot · Scarf"; just "Opening" when the title says no more than the kind."""
    name = segment_kind(kind)
    title = segment_title(title)
    return name if title.strip() in ("", name) else f"{name} · {title}"


def role(r: Role) -> str:
    return {Role.TRAFFIC: translate("texts", "Traffic driver"), Role.PROFIT: translate("texts", "Profit item"), Role.IMAGE: translate("texts", "Image item")}[r]


def role_short(r: Role) -> str:
    """The role in one word, for the queue's narrow column (the product's name needs the width)."""
    return {Role.TRAFFIC: translate("texts", "Traffic"), Role.PROFIT: translate("texts", "Profit"),
            Role.IMAGE: translate("texts", "Image")}[r]


def status(s: ShowStatus) -> str:
    return {
        ShowStatus.PLANNED: translate("texts", "Not started"), ShowStatus.RUNNING: translate("texts", "Running"),
        ShowStatus.PAUSED: translate("texts", "Paused"), ShowStatus.ENDED: translate("texts", "Ended"),
    }[s]


def phase(p: Phase) -> str:
    return {Phase.NORMAL: translate("texts", "On time"), Phase.WARNING: translate("texts", "Wrap up"), Phase.OVERRUN: translate("texts", "Overrun")}[p]


def checklist_item(key: str, default: str) -> str:
    return {
        "cameras": translate("texts", "Cameras"), "microphones": translate("texts", "Microphones"), "lighting": translate("texts", "Lighting"),
        "network": translate("texts", "Network bandwidth test"), "stock": translate("texts", "Stock confirmed"),
        "team": translate("texts", "Team briefed"), "promotion": translate("texts", "Pre-show promotion out"),
    }.get(key, default)


def flag(code: str) -> str:
    """A comment's or an order's flag (core/metrics.py, core/events.py FLAG_*), the log's tag."""
    return {
        "question": translate("texts", "question"), "negative": translate("texts", "negative"),
        "oversell": translate("texts", "oversell"), "off_shelf": translate("texts", "off shelf"),
        "sold_out": translate("texts", "sold out"), "unknown_product": translate("texts", "unknown product"),
        "manual": translate("texts", "typed in"),
    }.get(code, code)


def incident_kind(code: str) -> str:
    """An incident's kind, the code the window writes before its text ("technical: …")."""
    return {
        "technical": translate("texts", "technical failure"), "negative": translate("texts", "negative comments"),
        "other": translate("texts", "other"),
    }.get(code, code)


def incident_text(text: str) -> str:
    """An incident's text as the log keeps it ("technical: the camera froze") with its kind
    in the window's language; a text from a feed, without a known kind, as it is."""
    kind, sep, rest = text.partition(": ")
    if sep and kind in ("technical", "negative", "other"):
        return f"{incident_kind(kind)}: {rest}"
    return text


def promo_band(band: str) -> str:
    return {"low": translate("texts", "repeat more"), "ok": translate("texts", "on target"), "over": translate("texts", "enough")}.get(band, band)


_ALERT_TEMPLATES: dict[str, str] = {
    al.SLOT_OVERRUN: QT_TRANSLATE_NOOP("texts", "{a} over by {b}"),
    al.INTERACTION_OVERDUE: QT_TRANSLATE_NOOP("texts", "No interaction for {a} min"),
    al.INTERACTION_DUE: QT_TRANSLATE_NOOP("texts", "Interaction due ({a} min since the last)"),
    al.FINAL_PUSH: QT_TRANSLATE_NOOP("texts", "Final push: last minutes of the show"),
    al.SOLD_OUT: QT_TRANSLATE_NOOP("texts", "{a} sold out"),
    al.LOW_STOCK: QT_TRANSLATE_NOOP("texts", "{a}: only {b} left"),
    al.OVERSELL: QT_TRANSLATE_NOOP("texts", "{a} unexpected order(s): off shelf, sold out or unknown"),
    al.VIEWER_DROP: QT_TRANSLATE_NOOP("texts", "Online viewers down {a}% ({b} → {c})"),
    al.NEGATIVE_SPIKE: QT_TRANSLATE_NOOP("texts", "{a} negative comments this minute"),
    al.ON_AIR_OFF_SHELF: QT_TRANSLATE_NOOP("texts", "{a} is on air but off shelf"),
    al.BELOW_USUAL_ONLINE: QT_TRANSLATE_NOOP("texts", "Online {a}% below your last {b} shows at minute {c}"),
    al.BELOW_USUAL_GMV: QT_TRANSLATE_NOOP("texts", "GMV {a}% below your last {b} shows at minute {c}"),
    al.SELLOUT_SOON: QT_TRANSLATE_NOOP("texts", "{a} sells out in about {b} min: push, restock or take it down"),
}


def alert(a: Alert) -> str:
    """The alert worded in the window's language from its code and parameters."""
    template = _ALERT_TEMPLATES.get(a.code)
    if template is None:
        return a.message
    try:
        return translate("texts", template).format(**a.params)
    except (KeyError, IndexError):
        return a.message


_ERROR_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the show is (?P<a>\w+), not running$"), QT_TRANSLATE_NOOP("texts", "The show is not running ({a}).")),
    (re.compile(r"^the show is already (?P<a>\w+)$"), QT_TRANSLATE_NOOP("texts", "The show is already {a}.")),
    (re.compile(r"^the show is not running$"), QT_TRANSLATE_NOOP("texts", "The show is not running.")),
    (re.compile(r"^the show is not paused$"), QT_TRANSLATE_NOOP("texts", "The show is not paused.")),
    (re.compile(r"^the plan has no segments$"), QT_TRANSLATE_NOOP("texts", "The plan has no segments.")),
    (re.compile(r"^this is the last segment"), QT_TRANSLATE_NOOP("texts", "This is the last segment: end the show instead.")),
    (re.compile(r"^this is the first segment$"), QT_TRANSLATE_NOOP("texts", "This is the first segment.")),
    (re.compile(r"^choose the product whose promo"), QT_TRANSLATE_NOOP("texts", "Choose the product whose promo was repeated.")),
    (re.compile(r"^a note needs some text$"), QT_TRANSLATE_NOOP("texts", "A note needs some text.")),
    (re.compile(r"^describe the incident$"), QT_TRANSLATE_NOOP("texts", "Describe the incident.")),
    (re.compile(r"^no open incident (?P<a>.*)$"), QT_TRANSLATE_NOOP("texts", "No open incident {a}.")),
    # edits (core/edits.py, core/plan_edits.py): the most specific first
    (re.compile(r"^product row (?P<a>\d+): SKU (?P<b>.+) appears twice$"),
     QT_TRANSLATE_NOOP("texts", "Product row {a}: SKU {b} appears twice")),
    (re.compile(r"^product row (?P<a>\d+): (?P<b>.*)$"), QT_TRANSLATE_NOOP("texts", "Product row {a}: {b}")),
    (re.compile(r"^segment row (?P<a>\d+): product (?P<b>.+) is not in the queue$"),
     QT_TRANSLATE_NOOP("texts", "Segment row {a}: product {b} is not in the queue")),
    (re.compile(r"^segment row (?P<a>\d+): id (?P<b>.+) appears twice$"),
     QT_TRANSLATE_NOOP("texts", "Segment row {a}: segment id {b} appears twice")),
    (re.compile(r"^segment row (?P<a>\d+): (?P<b>.*)$"), QT_TRANSLATE_NOOP("texts", "Segment row {a}: {b}")),
    (re.compile(r"^the plan needs at least one segment$"), QT_TRANSLATE_NOOP("texts", "The plan needs at least one segment.")),
    (re.compile(r"^“(?P<a>.*)” is on air: move on before removing it$"),
     QT_TRANSLATE_NOOP("texts", "“{a}” is on air; move on before removing it.")),
    (re.compile(r"^“(?P<a>.*)” is on air: it stays in the plan$"),
     QT_TRANSLATE_NOOP("texts", "“{a}” is on air: it stays in the plan.")),
    (re.compile(r"^(?P<a>.+) is on air: it cannot be removed$"), QT_TRANSLATE_NOOP("texts", "{a} is on air: it cannot be removed.")),
    (re.compile(r"^(?P<a>.+) is on shelf: it cannot be removed$"),
     QT_TRANSLATE_NOOP("texts", "{a} is on shelf: take it off shelf before removing it.")),
    (re.compile(r"^(?P<a>.+) has sales: it cannot be removed$"),
     QT_TRANSLATE_NOOP("texts", "{a} has sales: a product that has sold stays in the show.")),
    (re.compile(r"^(?P<a>.+) is used by segment\(s\) (?P<b>[\d, ]+): change them first$"),
     QT_TRANSLATE_NOOP("texts", "{a} is used by segment(s) {b}; change them first.")),
    (re.compile(r"^(?P<a>.+) is on air: its SKU cannot change$"), QT_TRANSLATE_NOOP("texts", "{a} is on air: its SKU cannot change.")),
    (re.compile(r"^(?P<a>.+) is on shelf: its SKU cannot change$"),
     QT_TRANSLATE_NOOP("texts", "{a} is on shelf: its SKU cannot change.")),
    (re.compile(r"^(?P<a>.+) has sales: its SKU cannot change$"),
     QT_TRANSLATE_NOOP("texts", "{a} has sales: its SKU stays (its orders name it); add a new product instead.")),
    (re.compile(r"^(?P<a>.+) is on air: its name and role stay as they are$"),
     QT_TRANSLATE_NOOP("texts", "{a} is on air: its name and role stay as they are.")),
    (re.compile(r"^(?P<a>.+) is on shelf: its name and role stay as they are$"),
     QT_TRANSLATE_NOOP("texts", "{a} is on shelf: its name and role stay as they are.")),
    (re.compile(r"^(?P<a>.+) has sales: its name and role stay as they are$"),
     QT_TRANSLATE_NOOP("texts", "{a} has sales: its name and role stay as they are.")),
    (re.compile(r"^(?P<a>.+) has sold or had its stock adjusted: set its stock in the queue$"),
     QT_TRANSLATE_NOOP("texts", "{a} has sold or had its stock adjusted: set its stock in the queue.")),
    (re.compile(r"^(?P<a>.+): stock (?P<b>\d+) would leave (?P<c>-?\d+) after what was sold$"),
     QT_TRANSLATE_NOOP("texts", "{a}: a stock of {b} would leave {c} after what was sold.")),
    (re.compile(r"^(?P<a>[+-]\d+) as a stock adjustment: what was sold stays sold, (?P<b>-?\d+) left$"),
     QT_TRANSLATE_NOOP("texts", "{a} as a stock adjustment: what was sold stays sold ({b} left).")),
    (re.compile(r"^not in the sheet$"), QT_TRANSLATE_NOOP("texts", "Not in the sheet.")),
    (re.compile(r"^a (?P<a>[\d.]+)-minute show is too short for the opening, final push and closing$"),
     QT_TRANSLATE_NOOP("texts", "A {a}-minute show is too short for the opening, the final push and the closing.")),
]


def error(message: str) -> str:
    """The core's sentence in the window's language when it is a known one."""
    for pattern, template in _ERROR_PATTERNS:
        m = pattern.search(message)
        if m:
            return translate("texts", template).format(**m.groupdict())
    return message


# -- the log's health (store/errors.py reasons; core/views.py Health) -------------------
_STORE_REASONS: dict[str, str] = {
    "the database is busy": QT_TRANSLATE_NOOP("texts", "the database is busy"),
    "the database is locked": QT_TRANSLATE_NOOP("texts", "the database is locked"),
    "out of memory": QT_TRANSLATE_NOOP("texts", "out of memory"),
    "the database is read-only": QT_TRANSLATE_NOOP("texts", "the database is read-only"),
    "a disk I/O error": QT_TRANSLATE_NOOP("texts", "a disk I/O error"),
    "the disk is full": QT_TRANSLATE_NOOP("texts", "the disk is full"),
    "the database file cannot be opened": QT_TRANSLATE_NOOP("texts", "the database file cannot be opened"),
    "the database refused the write": QT_TRANSLATE_NOOP("texts", "the database refused the write"),
    "the connection to the database was lost": QT_TRANSLATE_NOOP("texts", "the connection to the database was lost"),
    "the log is behind": QT_TRANSLATE_NOOP("texts", "the log is behind"),
}


def store_reason(why: str) -> str:
    """Why the database cannot write, in the window's language when it is a known reason."""
    template = _STORE_REASONS.get(why)
    return translate("texts", template) if template else why


def store_refusal(why: str) -> str:
    """A command the service refused because the log cannot write (StoreUnavailable)."""
    return translate("texts", "The database cannot write ({a}): nothing was changed. Try again in a moment.").format(
        a=store_reason(why))


def refusal(exc: Exception) -> str:
    """A refused request (a CommandError, or StoreUnavailable) in the window's language."""
    if isinstance(exc, StoreUnavailable):
        return store_refusal(exc.reason)
    return error(str(exc))


def log_trouble(health: Health) -> str:
    """The red banner's text: why the log cannot write and what waits for it, and what
    could not be stored; empty when all is well."""
    from controlroom.ui import fmt

    lines = []
    unavailable, unsaved, set_aside, kept_in = health.unavailable, health.unsaved, health.set_aside, health.kept_in
    if unavailable is not None:
        waiting = (translate("texts", "1 event is waiting") if unsaved == 1 else
                   translate("texts", "{n} events are waiting").format(n=fmt.count(unsaved)))
        fix = (translate("texts", "free space and it writes them.") if unavailable == "the disk is full" else
               translate("texts", "it writes them as soon as the database can write again."))
        template = translate("texts", "The database cannot write ({a}): {b}. Nothing is lost while ControlRoom stays open; {c}")
        lines.append(template.format(a=store_reason(unavailable), b=waiting, c=fix))
    if set_aside and kept_in:
        lines.append(translate("texts", "1 event could not be stored and was kept in {p}.").format(p=kept_in)
                     if set_aside == 1 else
                     translate("texts", "{n} events could not be stored and were kept in {p}.").format(
                         n=fmt.count(set_aside), p=kept_in))
    elif set_aside:
        lines.append(translate("texts", "1 event could not be stored; it is kept only while ControlRoom stays open.")
                     if set_aside == 1 else
                     translate("texts", "{n} events could not be stored; they are kept only while ControlRoom stays open.").format(
                         n=fmt.count(set_aside)))
    if health.lock_lost == "taken":
        lines.append(translate("texts", "Another ControlRoom opened this show on the server while the connection was lost: close one of them."))
    elif health.lock_lost is not None:
        lines.append(translate("texts", "The connection to the server is lost; the show lock is taken again when it is back."))
    return "\n".join(lines)
