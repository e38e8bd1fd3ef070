"""The event validators: examples, then hypothesis throwing malformed events at them."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from controlroom.core import events as ev
from controlroom.core.feed_schema import FIELDS, FeedError, parse_batch, parse_event, parse_ts
from controlroom.services.intake import Intake

NOW = 1_767_225_600.0

VALID = [
    {"type": "viewers", "online": 1234, "entries_total": 5678},
    {"type": "comment", "user": "u1", "text": "多少钱"},
    {"type": "like", "count": 10},
    {"type": "share"},
    {"type": "follow", "user": "u2"},
    {"type": "join", "user": "u5"},
    {"type": "order", "order_id": "A1", "product": "SKU-1001", "quantity": 2, "amount": 59.8, "buyer": "u9"},
    {"type": "gift", "user": "u3", "gift": "玫瑰", "count": 2, "value": 1.5},
    {"type": "note", "text": "换场景"},
    {"type": "incident", "text": "黑屏", "incident_id": "i1"},
]


def test_every_documented_example_parses():
    kinds = [parse_event(raw, NOW).kind for raw in VALID]
    assert kinds == [
        "viewers",
        "comment",
        "like",
        "share",
        "follow",
        "join",
        "order",
        "gift",
        "note",
        "incident_opened",
    ]


def test_order_fields_map_to_the_event():
    e = parse_event(VALID[6], NOW)
    assert (e.ref, e.product, e.qty, e.value, e.user, e.ts) == ("A1", "SKU-1001", 2, 59.8, "u9", NOW)


@pytest.mark.parametrize(
    "ts, expected",
    [
        ("2026-01-01T00:00:00Z", 1_767_225_600.0),
        ("2026-01-01T08:00:00+08:00", 1_767_225_600.0),
        ("2026-01-01T08:00:00.250+08:00", 1_767_225_600.25),
        (1_767_225_600, 1_767_225_600.0),
        (None, NOW),
    ],
)
def test_ts_forms(ts, expected):
    assert parse_ts(ts, NOW) == expected


@pytest.mark.parametrize(
    "ts, why",
    [
        ("2026-01-01T08:00:00", "no zone"),
        ("yesterday", "not an ISO 8601"),
        (1_767_225_600_000, "between 2000 and 2100"),  # milliseconds
        (True, "not a time"),
        (float("nan"), "between 2000 and 2100"),
    ],
)
def test_bad_ts_refused(ts, why):
    with pytest.raises(FeedError, match=why) as info:
        parse_event({"type": "share", "ts": ts}, NOW)
    assert info.value.field == "ts"


@pytest.mark.parametrize(
    "raw, field",
    [
        ({"type": "viewers"}, "online"),
        ({"type": "viewers", "online": -1}, "online"),
        ({"type": "viewers", "online": 1.5}, "online"),
        ({"type": "viewers", "online": True}, "online"),
        ({"type": "comment", "text": ""}, "text"),
        ({"type": "order", "order_id": "A" * 201, "amount": 1}, "order_id"),
        ({"type": "like", "count": 0}, "count"),
        ({"type": "order", "amount": 1}, "order_id"),
        ({"type": "order", "order_id": "A", "amount": float("inf")}, "amount"),
        ({"type": "order", "order_id": "A", "amount": 1, "quantiy": 2}, "quantiy"),
        ({"type": "incident", "action": "reopen", "incident_id": "x"}, "action"),
        ({"type": "dance"}, "type"),
        ({"text": "no type"}, "type"),
    ],
)
def test_refusals_name_the_field(raw, field):
    with pytest.raises(FeedError) as info:
        parse_event(raw, NOW)
    assert info.value.field == field
    assert field in str(info.value)


def test_batch_error_names_index():
    with pytest.raises(FeedError) as info:
        parse_batch([VALID[0], VALID[1], {"type": "like", "count": "many"}], NOW)
    assert (info.value.index, info.value.field) == (2, "count")
    assert str(info.value).startswith("event 2: field 'count'")


# -- properties ----------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63) | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(sorted({f for fs in FIELDS.values() for f in fs} | {"ts", "type", "extra"}))


def _sane(e: ev.Event) -> bool:
    numbers_ok = all(x is None or math.isfinite(x) for x in (e.value, e.ts))
    return numbers_ok and (e.qty is None or e.qty >= 0) and e.kind in ev.FEED_KINDS | ev.OPERATOR_KINDS


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_is_parsed_or_refused_with_a_reason(payload):
    try:
        out = parse_batch(payload, NOW)
    except FeedError as exc:
        assert exc.why
        assert str(exc)
        return
    assert all(_sane(e) for e in out)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID), field_names.filter(lambda f: f != "type"), json_values)
def test_one_bad_field_is_the_one_named(base, name, value):
    raw = {**base, name: value}
    try:
        e = parse_event(raw, NOW)
    except FeedError as exc:
        assert exc.field == name, (raw, exc)
        return
    assert _sane(e)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VALID[:8]), min_size=1, max_size=6), st.data())
def test_a_refused_batch_writes_nothing(service, good, data):
    bad = data.draw(st.dictionaries(field_names, json_values, max_size=4).filter(_invalid))
    at = data.draw(st.integers(0, len(good)))
    batch = [dict(e) for e in good]
    batch.insert(at, bad)
    intake = Intake(service)
    service.writer.flush()
    before_rows = service.repo.count_events(service.show_id)
    before = service.status()
    with pytest.raises(FeedError) as info:
        intake.submit_json(batch)
    assert info.value.index == at
    service.writer.flush()
    assert service.repo.count_events(service.show_id) == before_rows
    assert service.status()["totals"] == before["totals"]


def _invalid(raw: dict) -> bool:
    try:
        parse_event(raw, NOW)
    except FeedError:
        return True
    return False
