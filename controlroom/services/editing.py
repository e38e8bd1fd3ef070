"""Edits of a show through its service: every entry point (the plan editor, the settings
dialog, the import menu, the command line, reordering the queue) comes through here.

Each edit is judged by the core's rules (core/edits.py, core/plan_edits.py) under the
service's lock, against the state at that moment, committed to the log as events and
folded (`ShowService.run`); a refusal is a CommandError and writes nothing. The side
tables keep what the show was created with. An import is previewed first (nothing
changes) and applied on confirmation, judged again then: a feed event in between (a
sale, a product put on shelf) is taken into account.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.edit_log import edit_marker
from controlroom.core.edits import EditPreview, catalogue_adjustments, edit_products, merge_products
from controlroom.core.events import Event
from controlroom.core.plan import Plan
from controlroom.core.plan_edits import (
    Catalogue,
    catalogue_at,
    edit_plan,
    edit_settings,
    edit_show,
    merge_plan,
    with_marker,
)
from controlroom.core.products import Product
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState
from controlroom.store.repository import ShowRepository

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService


def update_products(service: ShowService, products: list[Product]) -> list[Event]:
    """The show's products become exactly `products` (in that order)."""
    return service.run(lambda s, now: with_marker(edit_products(s, products, now), now))


def update_plan(service: ShowService, plan: Plan) -> list[Event]:
    """The show's plan becomes exactly `plan`."""
    return service.run(lambda s, now: with_marker(edit_plan(s, plan, now), now))


def update_show(service: ShowService, products: list[Product], plan: Plan) -> list[Event]:
    """Products and plan at once (the plan editor's Apply), judged as one edit."""
    return service.run(lambda s, now: edit_show(s, products, plan, now))


def update_settings(service: ShowService, settings: ShowSettings) -> list[Event]:
    return service.run(lambda s, now: edit_settings(s, settings, now))


def log_edit(service: ShowService, what: str, count: int) -> list[Event]:
    """A plan_edited marker alone (an edit made outside the service)."""
    return service.run(lambda _s, now: [edit_marker(now, what, count)])


# -- imports: a preview, then the same judged again under the lock -------------------------
def preview_products(service: ShowService, sheet: list[Product]) -> EditPreview:
    """What importing `sheet` would do now; changes nothing. Raises CommandError."""
    with service.lock:
        return merge_products(service.state, sheet, service.now(), _adjusted(service))


def import_products(service: ShowService, sheet: list[Product], expected: EditPreview | None = None) -> EditPreview:
    """Merge `sheet` into the show; returns what was done. Judged again under the lock:
    with `expected` (the preview the user confirmed), StalePreview if that is no longer
    what it would do (a sale or a shelf change in between), and nothing is changed."""
    return _apply(service, lambda s, now: merge_products(s, sheet, now, _adjusted(service)), expected)


def preview_plan(service: ShowService, plan: Plan) -> EditPreview:
    with service.lock:
        return merge_plan(service.state, plan, service.now())


def import_plan(service: ShowService, plan: Plan, expected: EditPreview | None = None) -> EditPreview:
    """An imported plan into the show (the segment on air stays, segments keep their uid);
    `expected` as for import_products."""
    return _apply(service, lambda s, now: merge_plan(s, plan, now), expected)


class StalePreview(CommandError):
    """The show changed between the preview and the confirmation: `preview` is what the
    import would do now (nothing was changed)."""

    def __init__(self, preview: EditPreview) -> None:
        super().__init__("the show changed since the preview: check it again")
        self.preview = preview


def _apply(
    service: ShowService, edit: Callable[[ShowState, float], EditPreview], expected: EditPreview | None,
) -> EditPreview:
    done: list[EditPreview] = []

    def command(state: ShowState, now: float) -> list[Event]:
        done.append(edit(state, now))
        if expected is not None and done[-1].changes != expected.changes:
            raise StalePreview(done[-1])
        return with_marker(done[-1], now)

    service.run(command)
    return done[-1]


def _adjusted(service: ShowService) -> dict[str, int]:
    """The stock adjustments earlier imports made (the log's, so a second import of the
    same sheet changes nothing)."""
    return catalogue_adjustments(service.repo.events(service.show_id, kinds=(ev.STOCK_ADJUSTED,)))


# -- the past -------------------------------------------------------------------------
def catalogue_of(repo: ShowRepository, show_id: int, until: float) -> Catalogue:
    """The show's plan, products and settings as they were at `until` (epoch seconds):
    what it was created with and the edits its log holds up to then."""
    created = Catalogue(repo.load_plan(show_id), repo.load_products(show_id), repo.load_settings(show_id))
    return catalogue_at(created, repo.events(show_id, kinds=tuple(sorted(ev.EDIT_KINDS))), until)
