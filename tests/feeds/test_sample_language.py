"""A rehearsal's sample data is in one language: the sample catalogue and the simulated
audience speak the language asked for, with the same shop (SKUs, prices, stock) in each."""

from __future__ import annotations

import re

import pytest

from controlroom.core import events as ev
from controlroom.core.plan import SegmentKind
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.simulator import RoomContext, RoomSimulator

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_IN_ZH = {"UPF", "ml"}  # a fabric's sun rating and a unit, as printed on the packs


def _texts_of(products) -> list[str]:
    return [t for p in products for t in (p.name, p.selling_points, p.promo)]


def _comments(language: str, seconds: int = 600) -> list[str]:
    sim = RoomSimulator(seed=3, language=language)
    ctx = RoomContext(progress=0.5, segment_kind=SegmentKind.INTERACTION, explaining=None, on_shelf=(), final_push=False)
    out = []
    for s in range(seconds):
        out += [e.text or "" for e in sim.step(float(s), ctx) if e.kind in (ev.COMMENT, ev.GIFT)]
    return out


def test_the_same_shop_in_both_languages():
    zh, en = sample_products("zh_CN"), sample_products("en")
    assert [(p.sku, p.role, p.price, p.stock) for p in zh] == [(p.sku, p.role, p.price, p.stock) for p in en]
    assert not [t for t in _texts_of(en) if CJK.search(t)]
    assert not [w for t in _texts_of(zh) for w in LATIN_WORD.findall(t) if w not in ALLOWED_IN_ZH]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_audience_speaks_the_rehearsals_language(language):
    comments = _comments(language)
    assert len(comments) > 50
    if language == "en":
        assert not [c for c in comments if CJK.search(c)]
    else:
        assert not [c for c in comments if LATIN_WORD.search(c)]


def test_the_room_is_the_same_room_in_either_language():
    """Only the words differ: a seed plays the same show (counts and timing) in each."""
    def shape(language):
        sim = RoomSimulator(seed=5, language=language)
        ctx = RoomContext(progress=0.5, segment_kind=None, explaining=None, on_shelf=(), final_push=False)
        return [(e.kind, e.qty, e.user) for s in range(300) for e in sim.step(float(s), ctx)]
    assert shape("en") == shape("zh_CN")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_default_comment_watch_flags_the_rehearsal_room(language):
    """An English rehearsal trains the negative-comment cue as well as a Chinese one."""
    from controlroom.core.comment_watch import CommentWatch
    from controlroom.feeds.sample_texts import room_texts

    watch, texts = CommentWatch(), room_texts(language)
    assert {watch.classify(t) for t in texts.negative} == {"negative"}
    assert {watch.classify(t) for t in texts.questions} == {"question"}
    assert "negative" not in {watch.classify(t) for t in texts.comments}
