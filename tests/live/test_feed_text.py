"""The schema's text, number and time rules: what is refused, cleaned, cut, and what an error may echo."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from controlroom.core import events as ev
from controlroom.core.feed_json import JsonError, loads
from controlroom.core.feed_schema import FIELDS, FeedError, parse_batch, parse_event
from controlroom.core.feed_text import MAX_NAME, MAX_TEXT

NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z

BASE = {
    "viewers": {"type": "viewers", "online": 5},
    "comment": {"type": "comment", "text": "hi"},
    "like": {"type": "like"},
    "share": {"type": "share"},
    "follow": {"type": "follow"},
    "join": {"type": "join"},
    "gift": {"type": "gift"},
    "order": {"type": "order", "order_id": "A1", "amount": 1},
    "note": {"type": "note", "text": "n"},
    "incident": {"type": "incident", "text": "t"},
}
NUMERIC = {"online", "entries_total", "count", "value", "quantity", "amount", "action"}
TEXT_FIELDS = [(kind, name) for kind, names in FIELDS.items() for name in sorted(names - NUMERIC)]
IDS = {"order_id", "incident_id", "event_id"}
FREE_TEXT = {("comment", "text"), ("note", "text"), ("incident", "text")}


def test_every_text_field_is_covered():
    assert ("viewers", "event_id") in TEXT_FIELDS and ("order", "buyer") in TEXT_FIELDS
    assert len(TEXT_FIELDS) == 21


@pytest.mark.parametrize("kind, name", TEXT_FIELDS)
@pytest.mark.parametrize("bad, why", [("a\ud800b", "lone surrogate"), ("a\udfffb", "lone surrogate"),
                                      ("a\x00b", "NUL")])
def test_lone_surrogate_and_nul_are_refused_naming_the_field(kind, name, bad, why):
    with pytest.raises(FeedError) as info:
        parse_event({**BASE[kind], name: bad}, NOW)
    assert info.value.field == name and why in info.value.why
    json.dumps(info.value.as_dict(), ensure_ascii=False).encode()  # the error itself is encodable


def test_a_valid_surrogate_pair_is_an_emoji_and_kept():
    e = parse_event(json.loads('{"type": "comment", "text": "\\ud83d\\ude00 好"}'), NOW)
    assert e.text == "\U0001f600 好"


def test_control_characters_are_cleaned_in_text_and_names():
    e = parse_event({"type": "comment", "user": "u\t1\n\x1b[31m", "text": "a\x07b\r\nc\rd\te\x7f"}, NOW)
    assert e.user == "u 1 [31m"
    assert e.text == "ab\nc\nd\te\x7f"  # tab and newline kept, CR LF → LF, BEL gone (DEL is not C0)
    assert e.data is None


@pytest.mark.parametrize("name", sorted(IDS))
def test_control_characters_in_an_id_are_refused(name):
    kind = {"order_id": "order", "incident_id": "incident", "event_id": "like"}[name]
    with pytest.raises(FeedError, match="control character") as info:
        parse_event({**BASE[kind], name: "id\x07"}, NOW)
    assert info.value.field == name


def test_text_that_is_only_control_characters_is_empty():
    with pytest.raises(FeedError, match="must not be empty") as info:
        parse_event({"type": "comment", "text": "\x01\x02 "}, NOW)
    assert info.value.field == "text"


@pytest.mark.parametrize("kind, name", [k for k in TEXT_FIELDS if k[1] not in IDS])
def test_over_long_text_and_names_are_kept_cut_and_marked(kind, name):
    limit = MAX_TEXT if (kind, name) in FREE_TEXT else MAX_NAME
    e = parse_event({**BASE[kind], name: "长" * (limit + 500)}, NOW)
    kept = {"user": e.user, "buyer": e.user, "gift": e.text, "product": e.product, "text": e.text}[name]
    assert kept == "长" * limit
    assert e.data == {"cut": [name]}


def test_every_cut_field_is_listed_and_text_at_the_limit_is_not_cut():
    e = parse_event({"type": "comment", "user": "u" * 300, "text": "x" * 5000}, NOW)
    assert (len(e.user), len(e.text), e.data) == (MAX_NAME, MAX_TEXT, {"cut": ["user", "text"]})
    assert parse_event({"type": "comment", "text": "x" * MAX_TEXT}, NOW).data is None


@pytest.mark.parametrize("name", sorted(IDS))
def test_over_long_ids_are_refused_not_cut(name):
    kind = {"order_id": "order", "incident_id": "incident", "event_id": "gift"}[name]
    with pytest.raises(FeedError, match="never cut") as info:
        parse_event({**BASE[kind], name: "i" * 201}, NOW)
    assert info.value.field == name


def test_a_batch_with_a_long_comment_keeps_its_orders():
    out = parse_batch([{"type": "comment", "text": "x" * 10_000}, BASE["order"]], NOW)
    assert [e.kind for e in out] == [ev.COMMENT, ev.ORDER] and out[0].data == {"cut": ["text"]}


# -- event ids -----------------------------------------------------------------
@pytest.mark.parametrize("kind", ["viewers", "comment", "like", "share", "follow", "join", "gift"])
def test_feed_types_take_an_event_id_as_their_ref(kind):
    assert parse_event({**BASE[kind], "event_id": " e-1 "}, NOW).ref == "e-1"
    assert parse_event({**BASE[kind], "event_id": 12345678901234567890}, NOW).ref == "12345678901234567890"
    assert parse_event(BASE[kind], NOW).ref is None


@pytest.mark.parametrize("kind", ["order", "note", "incident"])
def test_orders_notes_and_incidents_have_no_event_id(kind):
    with pytest.raises(FeedError, match="is not a field") as info:
        parse_event({**BASE[kind], "event_id": "e-1"}, NOW)
    assert info.value.field == "event_id"


# -- the time window -------------------------------------------------------------
WINDOW = (NOW - 86_400, NOW + 300)


@pytest.mark.parametrize("ts", [NOW - 86_400, NOW, NOW + 300, "2025-12-31T08:00:00+08:00"])
def test_ts_inside_the_window_is_taken(ts):
    assert WINDOW[0] <= parse_event({"type": "share", "ts": ts}, NOW, window=WINDOW).ts <= WINDOW[1]


@pytest.mark.parametrize("ts", [NOW - 86_401, NOW + 301, "2025-06-01T00:00:00Z", NOW * 1000, 10**400])
def test_ts_outside_the_window_is_refused_with_the_range(ts):
    with pytest.raises(FeedError) as info:
        parse_batch([{"type": "share"}, {"type": "share", "ts": ts}], NOW, window=WINDOW)
    assert (info.value.index, info.value.field) == (1, "ts")
    assert "2025-12-31T00:00:00Z" in info.value.why and "2026-01-01T00:05:00Z" in info.value.why


def test_without_a_window_the_sanity_years_remain():
    assert parse_event({"type": "share", "ts": NOW - 10 * 365 * 86_400}, NOW).ts < WINDOW[0]
    with pytest.raises(FeedError, match="between 2000 and 2100"):
        parse_event({"type": "share", "ts": NOW * 1000}, NOW)
    assert parse_event({"type": "share"}, NOW, window=WINDOW).ts == NOW


# -- numbers and echoes --------------------------------------------------------------
@pytest.mark.parametrize("field, base", [("online", "viewers"), ("amount", "order"), ("count", "like"),
                                         ("ts", "share"), ("order_id", "order")])
def test_a_5000_digit_number_is_refused_naming_its_field(field, base):
    body = json.dumps(BASE[base])[:-1] + f', "{field}": {"9" * 5000}}}'
    with pytest.raises(FeedError) as info:
        parse_event(loads(body), NOW)
    assert info.value.field == field and "5000-digit" in info.value.why and len(str(info.value)) < 120


def test_a_5000_digit_number_alone_is_refused_as_the_wrong_shape():
    with pytest.raises(FeedError, match="5000-digit") as info:
        parse_batch(loads("-" + "1" * 5000), NOW)
    assert info.value.field is None


@pytest.mark.parametrize("raw", [
    {"type": "viewers", "online": 1e308},
    {"type": "viewers", "online": 10**4000},
    {"type": "order", "order_id": "A", "amount": -(10**4000)},
    {"type": "viewers", "online": ["x" * 100_000]},
    {"type": "x" * 100_000},
    {"type": "share", "ts": "x" * 100_000},
    {"type": "incident", "action": "y" * 100_000},
    {"type": "share", "n" * 100_000: 1},
    {"type": "share", "\ud800\x00": 1},
])
def test_an_error_never_echoes_much_of_the_bad_value(raw):
    with pytest.raises(FeedError) as info:
        parse_event(raw, NOW)
    assert len(str(info.value)) < 200
    json.dumps(info.value.as_dict(), ensure_ascii=False).encode()


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_a_json_error(depth):
    with pytest.raises(JsonError, match="nested too deeply"):
        loads("[" * depth + "]" * depth)


@pytest.mark.parametrize("body, why", [(b"\xff", "not UTF-8"), (b'{"a": ', "broken JSON at line 1")])
def test_broken_bodies_are_json_errors(body, why):
    with pytest.raises(JsonError, match=why):
        loads(body)


# -- the property: whatever comes in, what goes out can be stored and said ------------
any_char = st.characters(blacklist_categories=())  # surrogates and controls included
any_text = st.text(any_char, max_size=30) | st.text(any_char, min_size=190, max_size=2100)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=5)
events = st.sampled_from(sorted(BASE)).flatmap(
    lambda kind: st.fixed_dictionaries(
        {"type": st.just(kind)}, optional={name: values for name in sorted(FIELDS[kind] | {"ts"})}
    )
)


def _storable(e: ev.Event) -> bool:
    texts = [t for t in (e.user, e.product, e.ref, e.text) if t is not None]
    return all("\x00" not in t and len(t) <= MAX_TEXT and t.encode("utf-8") for t in texts)


@settings(max_examples=200, deadline=None)
@given(st.lists(events, max_size=4))
def test_any_batch_is_storable_or_refused_in_a_few_encodable_words(batch):
    try:
        out = parse_batch(batch, NOW, window=WINDOW)
    except FeedError as exc:
        assert len(str(exc)) < 300
        json.dumps(exc.as_dict(), ensure_ascii=False).encode("utf-8")
        return
    assert all(_storable(e) for e in out)
