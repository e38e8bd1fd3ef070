"""OSC in and out (python-osc): the API's commands as `/controlroom/<command> args…`, the show's state out.

In: a UDP port (`serve --osc-in PORT`, 127.0.0.1 unless told another address). Every
address `/controlroom/<command>` runs that command through the same `CommandRunner` as
`POST /api/v1/commands`, its arguments in the order of the JSON fields:

    /controlroom/next                 /controlroom/extend 2         /controlroom/shelf SKU-1001 1
    /controlroom/promo [SKU]          /controlroom/explain SKU      /controlroom/host_message "text"

OSC has no token (it is UDP, for a desk's surfaces); what guards it is the address it listens
on. Each answer is logged and, when an out target is set, sent there: `/controlroom/ok
<command>` or `/controlroom/refused <command> <code> <sentence>`.

Out (`--osc-out HOST:PORT`), on change, polled every half second (feeds/view_poll.py):
`/controlroom/segment "title"`, `/controlroom/remaining 123`, `/controlroom/phase "warning"`,
`/controlroom/status "running"`, `/controlroom/product "name"`, `/controlroom/alert code text`
(once, when an alert appears).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import BlockingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from controlroom.feeds.api_commands import MINUTES, ON, SPECS, CommandRunner
from controlroom.feeds.view_poll import Outward

log = logging.getLogger(__name__)
PREFIX = "/controlroom/"
_ON_WORDS = {"1": True, "on": True, "true": True, "0": False, "off": False, "false": False}


def payload(address: str, args: tuple[Any, ...]) -> dict[str, Any]:
    """The JSON command an OSC message stands for (checked by the runner like any other)."""
    name = address[len(PREFIX):] if address.startswith(PREFIX) else address
    out: dict[str, Any] = {"command": name}
    spec = SPECS.get(name)
    fields = [a.name for a in spec.args] if spec else []
    for i, value in enumerate(args):
        field = fields[i] if i < len(fields) else f"argument {i + 1}"  # an extra one is refused by name
        out[field] = _typed(field, value)
    return out


def _typed(field: str, value: Any) -> Any:
    """OSC's types as JSON's: a surface sends on/off as 1/0 or T/F, minutes as int, float or text."""
    if field == ON:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _ON_WORDS:
            return _ON_WORDS[value.strip().lower()]
    if field == MINUTES and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    if field != MINUTES and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a SKU typed as a number
    return value


class OscOut:
    """Sends to one host:port; a network error is logged, never raised (UDP: nobody may listen)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._client = SimpleUDPClient(host, port)
        self._last: Outward | None = None
        self._failing = False

    def send(self, address: str, *args: Any) -> None:
        try:
            self._client.send_message(address, list(args))
            self._failing = False
        except OSError as exc:
            if not self._failing:
                log.warning("OSC out to %s:%d failed: %s", self.host, self.port, exc)
            self._failing = True

    def feed(self, now: Outward) -> None:
        """A ViewPoller consumer: what changed since the last tick."""
        last = self._last
        for address, attr in (("status", "status"), ("segment", "segment"), ("phase", "phase"),
                              ("product", "product"), ("remaining", "remaining_s")):
            if last is None or getattr(last, attr) != getattr(now, attr):
                self.send(PREFIX + address, getattr(now, attr))
        known = {code for code, _ in last.alerts} if last else set()
        for code, message in now.alerts:
            if code not in known:
                self.send(PREFIX + "alert", code, message)
        self._last = now


class OscIn:
    """The OSC command port on a thread of its own; one datagram at a time, in arrival order."""

    def __init__(self, runner: CommandRunner, host: str, port: int, out: OscOut | None = None) -> None:
        self.runner = runner
        self.out = out
        dispatcher = Dispatcher()
        dispatcher.set_default_handler(self._message)
        self._server = BlockingOSCUDPServer((host, port), dispatcher)  # raises OSError: port taken
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.2,), name="osc-in", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(5.0)
        self._server.server_close()

    def _message(self, address: str, *args: Any) -> None:
        try:
            answer = self.runner.handle(payload(address, args))
        except Exception:  # noqa: BLE001 - one bad datagram must not stop the port
            log.exception("OSC %s failed", address)
            return
        name = address[len(PREFIX):] if address.startswith(PREFIX) else address
        if answer.status == 200:
            log.info("OSC %s: done (%s)", address, ", ".join(answer.body["events"]) or "no change")
            if self.out:
                self.out.send(PREFIX + "ok", name)
            return
        log.warning("OSC %s refused (%s): %s", address, answer.body.get("code"), answer.body.get("error"))
        if self.out:
            self.out.send(PREFIX + "refused", name, str(answer.body.get("code")), str(answer.body.get("error")))
