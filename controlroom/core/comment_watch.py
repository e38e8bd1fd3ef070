"""Comment watch (负面舆情 / questions): keyword classification of live comments.

Pure: word lists in, a flag out. `CommentWatch.classify` is what ShowState's
`comment_classifier` calls when a comment is admitted; "negative" wins over
"question" because a complaint phrased as a question still needs handling first.
Matching is case-insensitive substring matching: Chinese has no word boundaries,
and the lists are short enough that a plain scan is fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from controlroom.core.metrics import FLAG_NEGATIVE, FLAG_QUESTION

DEFAULT_NEGATIVE = (
    "骗子",
    "骗人",
    "假货",
    "垃圾",
    "差评",
    "投诉",
    "退款",
    "退货",
    "质量差",
    "质量很差",
    "太贵",
    "坑人",
    "割韭菜",
    "不发货",
    "发货太慢",
    "客服不回",
    "忽悠",
    "难用",
    "智商税",
    "拉黑",
    "scam",
    "fake",
    "refund",
    "terrible",
    "rip-off",
    "ripoff",
)
DEFAULT_QUESTIONS = (
    "多少钱",
    "怎么买",
    "尺码",
    "码数",
    "什么时候发货",
    "几号链接",
    "链接在哪",
    "有货吗",
    "包邮吗",
    "有优惠",
    "优惠券",
    "怎么用",
    "能用多久",
    "适合",
    "?",
    "？",
    "how much",
    "how to buy",
    "size",
    "shipping",
)
DEFAULT_REPLIES = (
    "宝宝们，点击下方小黄车{n}号链接就能下单哦～",
    "尺码问题可以看详情页尺码表，拿不准的私信客服帮您选～",
    "今天直播间专属价，库存有限，喜欢的抓紧拍！",
    "有任何售后问题请联系客服，我们一定负责到底🙏",
    "下单后48小时内发货，包邮到家～",
)
MAX_WORDS = 500
MAX_WORD_LENGTH = 50


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    flag: str


@dataclass
class CommentWatch:
    negative: list[str] = field(default_factory=lambda: list(DEFAULT_NEGATIVE))
    questions: list[str] = field(default_factory=lambda: list(DEFAULT_QUESTIONS))
    replies: list[str] = field(default_factory=lambda: list(DEFAULT_REPLIES))

    def __post_init__(self) -> None:
        self.negative = clean_words(self.negative)
        self.questions = clean_words(self.questions)
        self.replies = [r.strip() for r in self.replies if r and r.strip()]

    def classify(self, text: str) -> str | None:
        low = text.lower()
        if any(w in low for w in self.negative):
            return FLAG_NEGATIVE
        if any(w in low for w in self.questions):
            return FLAG_QUESTION
        return None

    def matches(self, text: str) -> list[Match]:
        """Every keyword occurrence, for highlighting; overlaps resolved in favour of
        the earlier, then the longer, then the negative match."""
        low = text.lower()
        found: list[Match] = []
        for flag, words in ((FLAG_NEGATIVE, self.negative), (FLAG_QUESTION, self.questions)):
            for w in words:
                start = low.find(w)
                while start >= 0:
                    found.append(Match(start, start + len(w), flag))
                    start = low.find(w, start + len(w))
        found.sort(key=lambda m: (m.start, -(m.end - m.start), m.flag != FLAG_NEGATIVE))
        out: list[Match] = []
        for m in found:
            if not out or m.start >= out[-1].end:
                out.append(m)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"negative": self.negative, "questions": self.questions, "replies": self.replies}

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> CommentWatch:
        """From the saved config; a missing or malformed list falls back to the default."""
        raw = raw or {}

        def words(key: str, default: tuple[str, ...]) -> list[str]:
            value = raw.get(key)
            if isinstance(value, list) and all(isinstance(w, str) for w in value):
                return value
            return list(default)

        return cls(
            words("negative", DEFAULT_NEGATIVE),
            words("questions", DEFAULT_QUESTIONS),
            words("replies", DEFAULT_REPLIES),
        )


def clean_words(words: list[str] | tuple[str, ...]) -> list[str]:
    """Lower-cased, stripped, non-empty, unique, in the given order; at most MAX_WORDS."""
    out: list[str] = []
    seen: set[str] = set()
    for w in words:
        w = str(w).strip().lower()[:MAX_WORD_LENGTH]
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out[:MAX_WORDS]


def parse_word_list(text: str) -> list[str]:
    """One keyword a line (or separated by commas, 、 or ，), as typed in the editor."""
    for sep in (",", "，", "、"):
        text = text.replace(sep, "\n")
    return clean_words(text.splitlines())
