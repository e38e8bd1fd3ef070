"""Decoding a live-data body: JSON text in, Python values out, or one clear JsonError.

Python's json has two failure modes that are not about broken JSON and that would
otherwise reach the sender as Python's own words: an integer with more digits than
Python converts (`sys.get_int_max_str_digits()`, 4,300 by default) raises a bare
ValueError, and nesting deeper than the interpreter's recursion limit raises
RecursionError. The first becomes an `OversizedNumber` in place of the number, which
the schema refuses naming its field; the second a JsonError (events are flat objects,
so nothing valid is ever that deep).
"""

from __future__ import annotations

import json
import sys
from typing import Any

_MAX_DIGITS = 4300  # Python's default limit; 0 (no limit) would let one number cost seconds


class JsonError(ValueError):
    """The body is not JSON we can read; the message says where or why."""


class OversizedNumber:
    """Stands in for an integer too long to convert; only its length is kept."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a {self.digits}-digit number"


def _parse_int(text: str) -> int | OversizedNumber:
    limit = min(sys.get_int_max_str_digits() or _MAX_DIGITS, _MAX_DIGITS)
    digits = len(text.lstrip("-"))
    return int(text) if digits <= limit else OversizedNumber(digits)


def loads(body: bytes | str) -> Any:
    """The decoded body (UTF-8, a BOM allowed), or JsonError."""
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        raise JsonError("the body is not UTF-8 text") from None
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise JsonError(f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise JsonError("the JSON is nested too deeply: an event is a flat object, a batch one array of them") from None
