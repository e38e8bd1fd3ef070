"""Operator commands from outside (HTTP, WebSocket, OSC): checked input, the window's core commands.

`CommandRunner.handle` takes one decoded command — `{"command": "next"}`, `{"command":
"extend", "minutes": 2}`, … — checks its fields (a bad one is 422 naming the field, nothing
run), runs the same core command as the window's button through `ShowService.run` (which
commits before it returns: an acknowledgement means the action is in the log) and answers
with a status and a JSON body. A refusal of the core (`CommandError`) is 409 with its
sentence and code; a database that cannot write is 503.

An optional client `id` makes a re-send safe: a control surface that lost the answer to
"next" and sends it again with the same id gets the first answer back (`"duplicate": true`)
instead of a second jump. The runner remembers the last `REMEMBERED_IDS` ids of this process.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from controlroom.core import commands
from controlroom.core.commands import CommandError
from controlroom.core.events import Event
from controlroom.core.feed_json import JsonError, loads
from controlroom.core.feed_text import (
    FREE,
    IDENT,
    MAX_ID,
    MAX_NAME,
    MAX_TEXT,
    NAME,
    TextRefused,
    clean,
    shown,
    shown_name,
)
from controlroom.services.show_service import ShowService
from controlroom.store.errors import StoreUnavailable

COMMANDS_PATH = "/api/v1/commands"
REMEMBERED_IDS = 1000
MINUTES, SKU, ON, TEXT = "minutes", "sku", "on", "text"


@dataclass(frozen=True)
class Arg:
    """One field a command takes: `required`, and whether JSON null is a value (explain: stop)."""

    name: str
    required: bool = True
    nullable: bool = False


@dataclass(frozen=True)
class Spec:
    run: Callable[..., list[Event]]
    args: tuple[Arg, ...] = ()


SPECS: dict[str, Spec] = {
    "next": Spec(commands.next_segment),
    "previous": Spec(commands.previous_segment),
    "start": Spec(commands.start),
    "pause": Spec(commands.pause),
    "resume": Spec(commands.resume),
    "extend": Spec(commands.extend, (Arg(MINUTES),)),
    "interaction": Spec(commands.mark_interaction, (Arg(TEXT, required=False),)),
    "promo": Spec(commands.mark_promo, (Arg(SKU, required=False),)),
    "shelf": Spec(commands.set_shelf, (Arg(SKU), Arg(ON))),
    "explain": Spec(commands.explain, (Arg(SKU, nullable=True),)),
    "host_message": Spec(commands.host_message, (Arg(TEXT),)),
    "undo": Spec(commands.undo),
    "end": Spec(commands.end_show),
}
ENVELOPE = ("command", "id", "type")  # "type": "command" marks a command on the WebSocket


class BadCommand(ValueError):
    """Input that names no command or carries a bad field: nothing was run."""

    def __init__(self, status: int, message: str, field: str | None) -> None:
        super().__init__(message)
        self.status = status
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        return {"error": str(self), "code": "bad_input", "field": self.field}


@dataclass(frozen=True)
class CommandCall:
    name: str
    args: tuple[Any, ...]
    client_id: str | int | None


@dataclass(frozen=True)
class Answer:
    """One answer to one command, the same for HTTP, the WebSocket and OSC."""

    status: int
    body: dict[str, Any]
    retry_after_s: float | None = None


def parse(payload: Any) -> CommandCall:
    """A decoded JSON object as a command call, or BadCommand (422) naming the field."""
    if not isinstance(payload, dict):
        raise BadCommand(422, f"a command is a JSON object like {{\"command\": \"next\"}}, not {shown(payload)}", None)
    name = payload.get("command")
    if not isinstance(name, str) or name not in SPECS:
        what = "is missing" if name is None else f"is {shown(name)}, not a command"
        raise BadCommand(422, f"command {what}; commands: {', '.join(SPECS)}", "command")
    if payload.get("type", "command") != "command":
        raise BadCommand(422, f"type is {shown(payload['type'])}: a command's type is \"command\" (or none)", "type")
    spec = SPECS[name]
    known = {a.name for a in spec.args}
    for key in payload:
        if key not in known and key not in ENVELOPE:
            takes = ", ".join(sorted(known)) or "no fields"
            raise BadCommand(422, f"{name} takes {takes}, not {shown_name(key)!r}", shown_name(key))
    args = tuple(_arg(name, a, payload) for a in spec.args)
    return CommandCall(name, args, _client_id(payload.get("id")))


def _arg(command: str, arg: Arg, payload: dict[str, Any]) -> Any:
    if arg.name not in payload:
        if arg.required:
            raise BadCommand(422, f"{command} needs {arg.name}", arg.name)
        return None
    value = payload[arg.name]
    if value is None and (arg.nullable or not arg.required):
        return None
    return CHECKS[arg.name](command, value)


def _minutes(command: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadCommand(422, f"minutes must be a number of minutes, not {shown(value)}", MINUTES)
    return float(value)


def _sku(command: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME:
        raise BadCommand(422, f"sku must be a product's SKU (text of 1 to {MAX_NAME} characters), not {shown(value)}",
                         SKU)
    return _clean(value, NAME, SKU)


def _on(command: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadCommand(422, f"on must be true (on shelf) or false (off shelf), not {shown(value)}", ON)
    return value


def _text(command: str, value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise BadCommand(422, f"text must be text of at most {MAX_TEXT} characters, not {shown(value)}", TEXT)
    return _clean(value, FREE, TEXT)


def _clean(value: str, kind: str, field: str) -> str:
    try:
        return clean(value, kind)
    except TextRefused as exc:
        raise BadCommand(422, f"{field} {exc}", field) from None


CHECKS: dict[str, Callable[[str, Any], Any]] = {MINUTES: _minutes, SKU: _sku, ON: _on, TEXT: _text}


def _client_id(value: Any) -> str | int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() <= 63:
        return value
    if isinstance(value, str) and 0 < len(value) <= MAX_ID:
        return _clean(value, IDENT, "id")
    raise BadCommand(422, f"id must be text of 1 to {MAX_ID} characters or a whole number, not {shown(value)}", "id")


class CommandRunner:
    """Thread-safe: commands run one at a time (the show's order is the order they were
    taken), each on the caller's thread — never an event loop's (a commit waits for the disk)."""

    def __init__(self, service: ShowService) -> None:
        self.service = service
        self._lock = threading.Lock()
        self._answered: OrderedDict[str | int, tuple[str, Answer]] = OrderedDict()

    def answer_json(self, body: bytes | str) -> Answer:
        """One HTTP body: decoded (400 if it is not JSON), then handled."""
        try:
            payload = loads(body)
        except JsonError as exc:
            return Answer(400, {"error": str(exc), "code": "bad_json", "field": None})
        return self.handle(payload)

    def handle(self, payload: Any) -> Answer:
        try:
            call = parse(payload)
        except BadCommand as exc:
            return Answer(exc.status, exc.as_dict())
        with self._lock:
            if call.client_id is not None and call.client_id in self._answered:
                return self._again(call)
            answer = self._run(call)
            if call.client_id is not None and answer.status in (200, 409):  # decided: the same again
                self._remember(call, answer)
            return answer

    def _run(self, call: CommandCall) -> Answer:
        spec = SPECS[call.name]
        head = {"command": call.name, "id": call.client_id}
        try:
            done = self.service.run(spec.run, *call.args)
        except CommandError as exc:
            return Answer(409, {**head, "error": str(exc), "code": exc.code})
        except StoreUnavailable as exc:
            return Answer(503, {**head, **exc.as_dict(), "code": "store_unavailable"}, exc.retry_after_s)
        body = {**head, "ok": True, "events": [e.kind for e in done]}
        if call.name == "undo" and done:
            body["undone"] = done[0].text
        return Answer(200, body)

    def _again(self, call: CommandCall) -> Answer:
        name, first = self._answered[call.client_id]  # type: ignore[index]
        if name != call.name:
            return Answer(422, {"error": f"id {shown(call.client_id)} was used for {name} already, not {call.name}",
                                "code": "bad_input", "field": "id"})
        return Answer(first.status, {**first.body, "duplicate": True})

    def _remember(self, call: CommandCall, answer: Answer) -> None:
        self._answered[call.client_id] = (call.name, answer)  # type: ignore[index]
        while len(self._answered) > REMEMBERED_IDS:
            self._answered.popitem(last=False)
