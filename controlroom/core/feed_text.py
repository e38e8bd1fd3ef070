"""Text fields of live-data events: what is refused, what is cleaned, what is cut.

Three kinds of text, one rule each (docs/events.md, "Text"):

- free text (a comment, a note, an incident): tab and newline kept, CR LF and CR
  become a newline, every other C0 control character is removed;
- names (user, buyer, gift, product): one line, so tab/CR/LF become a space and the
  other C0 controls are removed;
- identifiers (order_id, incident_id, event_id): any control character is refused —
  an id is compared byte for byte, so cleaning one could make two ids collide.

Everywhere a NUL or a lone surrogate ("\\ud800" is valid JSON but no UTF-8 encoder,
SQLite's included, can store it) is refused: it means the sender's encoder is broken,
and what else it mangled cannot be known. Over-long free text and names are kept cut
to their limit (the caller marks the event); an over-long identifier is refused,
since a cut id could match another order's.
"""

from __future__ import annotations

import re
from typing import Any

from controlroom.core.feed_json import OversizedNumber

MAX_TEXT = 2000
MAX_NAME = 200
MAX_ID = 200
SHOWN = 40  # at most this many characters of a bad value go back in an error

FREE, NAME, IDENT = "free", "name", "id"

_SUSPECT = re.compile("[\x00-\x1f\ud800-\udfff]")  # one scan tells the common, clean case
_NUL_OR_SURROGATE = re.compile("[\x00\ud800-\udfff]")
_CONTROL_FREE = re.compile("[\x00-\x08\x0b-\x1f]")
_CONTROL_NAME = re.compile("[\x00-\x1f]")
_LINE_BREAKS = re.compile("\r\n?")
_NAME_SPACES = re.compile("[\t\n\r]")


class TextRefused(ValueError):
    """The reason a text value cannot be stored (the schema adds the field's name)."""


def clean(value: str, kind: str) -> str:
    """The value made storable for its kind (see the module's rules), or TextRefused."""
    if _SUSPECT.search(value) is not None:
        _refuse_broken(value)
        if kind == IDENT:
            bad = _CONTROL_NAME.search(value)
            if bad:
                raise TextRefused(f"has a control character (U+{ord(bad.group()):04X}) at position {bad.start()}")
        elif kind == FREE:
            value = _CONTROL_FREE.sub("", _LINE_BREAKS.sub("\n", value))
        else:
            value = _CONTROL_NAME.sub("", _NAME_SPACES.sub(" ", value))
    return value.strip()


def _refuse_broken(value: str) -> None:
    bad = _NUL_OR_SURROGATE.search(value)
    if bad is None:
        return
    if bad.group() == "\x00":
        raise TextRefused(f"has a NUL character (U+0000) at position {bad.start()}")
    raise TextRefused(
        f"has a lone surrogate (U+{ord(bad.group()):04X}) at position {bad.start()}: "
        "the sender's text encoding is broken"
    )


def shown(value: Any) -> str:
    """A bad value as it may be echoed in an error: short, and always encodable."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int) and value.bit_length() > 128:
        digits = len(str(abs(value)))  # bounded by Python's int-to-str limit (4300 digits)
        return f"a {digits}-digit number"
    if isinstance(value, (int, float, str)):
        text = repr(value)  # repr escapes control characters and lone surrogates
        return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, OversizedNumber):
        return repr(value)
    return type(value).__name__


def shown_name(name: Any) -> str:
    """A field name from the sender, safe to put in an error's `field`."""
    text = name if isinstance(name, str) else str(name)
    if not text.isascii() or _CONTROL_NAME.search(text) or len(text) > SHOWN:
        text = repr(text)[1:-1]
        text = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
    return text
