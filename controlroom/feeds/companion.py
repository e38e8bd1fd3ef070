"""Bitfocus Companion custom variables: the segment, the time left and the product on a Stream Deck.

`serve --companion HOST:PORT` sets Companion's custom variables over its HTTP API
(`POST http://HOST:PORT/api/custom-variable/<name>/value?value=<text>`) whenever one
changes, polled twice a second (feeds/view_poll.py) — so at most two requests a second per
variable. A button shows one with `$(custom:cr_remaining)`. The variables must exist in
Companion (Custom Variables tab); docs/companion.md has the recipes.

A Companion that is not running or answers an error is logged once (and once when it is
back); what it missed is sent again at the next tick, since only what it took counts as sent.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request

from controlroom.feeds.view_poll import Outward

log = logging.getLogger(__name__)
TIMEOUT_S = 1.0  # a Companion that does not answer within this is treated as away
TAKEN, REFUSED, AWAY = "taken", "refused", "away"


def variables(now: Outward) -> dict[str, str]:
    """Companion's custom variables, as text."""
    return {
        "cr_segment": now.segment,
        "cr_remaining": now.remaining_text if now.segment else "",
        "cr_product": now.product,
        "cr_phase": now.phase if now.segment else "",
        "cr_status": now.status,
    }


def parse_target(text: str) -> tuple[str, int]:
    """HOST:PORT (the CLI's --companion and --osc-out) as (host, port), or ValueError."""
    host, sep, port = text.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not HOST:PORT (for example 127.0.0.1:8000)")
    return host, int(port)


class CompanionPush:
    """A ViewPoller consumer that keeps Companion's variables equal to the show's."""

    def __init__(self, host: str, port: int) -> None:
        shown_host = f"[{host}]" if ":" in host else host
        self.base = f"http://{shown_host}:{port}/api/custom-variable/"
        self.sent: dict[str, str] = {}
        self._away = False
        self._refused: set[str] = set()

    def feed(self, now: Outward) -> None:
        for name, value in variables(now).items():
            if self.sent.get(name) == value:
                continue
            answer = self._set(name, value)
            if answer == AWAY:
                return  # the rest waits for the next tick, not a timeout each
            if answer == TAKEN:
                self.sent[name] = value

    def _set(self, name: str, value: str) -> str:
        url = f"{self.base}{name}/value?value={urllib.parse.quote(value, safe='')}"
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=TIMEOUT_S):
                pass
        except urllib.error.HTTPError as exc:  # it answered, but not this variable (not created there?)
            if name not in self._refused:
                log.warning("Companion refused %s (HTTP %d): create it under Custom Variables", name, exc.code)
            self._refused.add(name)
            return REFUSED
        except OSError as exc:  # URLError too: not running, unreachable, too slow
            if not self._away:
                log.warning("Companion at %s does not answer: %s", self.base, exc)
            self._away = True
            return AWAY
        if self._away:
            log.info("Companion at %s is back", self.base)
        self._away = False
        self._refused.discard(name)
        return TAKEN
