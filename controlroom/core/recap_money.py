"""Money per view in the recap: GPM (千次观看成交额) and UV value, for the show, a segment run
and a product while explained. Defined once, in docs/recap.md "Money per view".

Views are the recap's cumulative views (the rise of the platform's entries counter, or
join events when the show has no counter): a span's views are the counter's rise above
its highest value so far during the span (or its join events), so the spans' views add up
to the show's. Unique viewers are known only from join events that carry a user; a show
without them gets its UV value per entry instead, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def gpm(gmv_cents: int, views: int) -> float | None:
    """千次观看成交额: GMV (¥) ÷ views × 1000; None without views."""
    return gmv_cents * 10 / views if views > 0 else None


def uv_value(gmv_cents: int, people: int) -> float | None:
    """GMV (¥) ÷ people (unique viewers, or entries when viewers are unknown); None without any."""
    return gmv_cents / (100 * people) if people > 0 else None  # one division: correctly rounded


@dataclass
class Audience:
    """Who came in during a span: the entries counter's rise, join events, distinct joiners."""

    rise: int = 0
    joins: int = 0
    users: set[str] = field(default_factory=set)
    anonymous_joins: int = 0

    def views(self, counter: bool) -> int:
        """The span's views: the counter's rise when the show has a counter, else its joins."""
        return self.rise if counter else self.joins

    @property
    def viewers(self) -> int:
        """Distinct users who joined in the span; an anonymous join counts one."""
        return len(self.users) + self.anonymous_joins


@dataclass(frozen=True)
class Basis:
    """How the show's views and UV value are counted (decided once, for every span)."""

    counter: bool  # views are the entries counter's rise (else join events)
    viewers_known: bool  # some join carried a user: UV value per unique viewer (else per entry)


@dataclass(frozen=True)
class MoneyPerView:
    """GPM and UV value of one span (None where there is nothing to divide by)."""

    views: int
    people: int  # unique viewers, or entries when the basis says viewers are unknown
    gpm: float | None
    uv_value: float | None


def money_per_view(gmv_cents: int, audience: Audience, basis: Basis) -> MoneyPerView:
    views = audience.views(basis.counter)
    people = audience.viewers if basis.viewers_known else views
    return MoneyPerView(views, people, gpm(gmv_cents, views), uv_value(gmv_cents, people))


class AudienceWatch:
    """Streams viewer samples and joins into the show's audience and any spans they fall in."""

    def __init__(self) -> None:
        self.show = Audience()
        self.top = -1  # the highest entries counter so far; -1: none yet
        self.viewers_known = False

    @property
    def basis(self) -> Basis:
        return Basis(counter=self.top >= 0, viewers_known=self.viewers_known)

    def counter(self, qty: int, spans: tuple[Audience | None, ...]) -> None:
        """A viewer sample's cumulative entries: its rise above the top goes to the spans."""
        rise = qty - max(self.top, 0)
        self.top = max(self.top, qty)
        if rise > 0:
            for a in (self.show, *spans):
                if a is not None:
                    a.rise += rise

    def join(self, user: str | None, spans: tuple[Audience | None, ...]) -> None:
        if user is not None:
            self.viewers_known = True
        for a in (self.show, *spans):
            if a is None:
                continue
            a.joins += 1
            if user is None:
                a.anonymous_joins += 1
            else:
                a.users.add(user)
