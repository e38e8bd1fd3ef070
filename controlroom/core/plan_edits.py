"""The rules of editing a show's plan and settings (products: core/edits.py), and the
plan, products and settings as they were at any moment, folded from the log.

The segment on air stays in the plan (an edit that drops it is refused; an imported
plan that leaves it out keeps it where it was); segments keep their uid, which the
log's segment events refer to; every product slot names a product of the show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from controlroom.core import edit_log
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.edits import ADDED, KEPT, REMOVED, UPDATED, Change, EditPreview, edit_products, on_air_uid
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment
from controlroom.core.products import Product
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowInfo, ShowState

SEGMENT_FIELDS = ("kind", "title", "planned_s", "product_sku", "notes", "gmv_target", "orders_target")


def plan_problems(state: ShowState, plan: Plan, skus: Iterable[str] | None = None) -> list[str]:
    """Every reason the show cannot take `plan` (`skus`: its products; default the show's)."""
    return check_plan(plan, state.queue.products if skus is None else skus, state.plan, on_air_uid(state))


def check_plan(plan: Plan, skus: Iterable[str], before: Plan, on_air: str | None) -> list[str]:
    """Every reason `before` (with segment `on_air` on air) cannot become `plan` over `skus`."""
    known = set(skus)
    out: list[str] = []
    seen: set[str] = set()
    for i, s in enumerate(plan.segments, start=1):
        try:
            s.validate()
        except ValueError as exc:
            out.append(f"segment row {i}: {exc}")
        if s.product_sku and s.product_sku not in known:
            out.append(f"segment row {i}: product {s.product_sku} is not in the queue")
        if s.uid in seen:
            out.append(f"segment row {i}: id {s.uid} appears twice")
        seen.add(s.uid)
    if not plan.segments:
        out.append("the plan needs at least one segment")
    i = before.index_of(on_air)
    if i is not None and on_air not in seen:
        out.append(f"“{before.segments[i].title}” is on air: move on before removing it")
    return out


def edit_plan(state: ShowState, plan: Plan, now: float, skus: Iterable[str] | None = None) -> EditPreview:
    """The plan becomes exactly `plan`. Raises CommandError with the first problem."""
    problems = plan_problems(state, plan, skus)
    if problems:
        raise CommandError(problems[0])
    return _plan_diff(state, plan, now)


def merge_plan(state: ShowState, imported: Plan, now: float) -> EditPreview:
    """An imported plan: segments like the show's keep their uid (matched by uid, else by
    kind, title and product); the segment on air stays where it is if the sheet left it out."""
    plan = match_uids(state.plan, imported)
    kept: list[Change] = []
    uid = on_air_uid(state)
    i = state.plan.index_of(uid)
    if i is not None and plan.index_of(uid) is None:
        seg = state.plan.segments[i]
        plan = Plan(plan.segments[:i] + [seg] + plan.segments[i:])
        kept.append(Change(seg.uid, seg.title, KEPT, why=f"“{seg.title}” is on air: it stays in the plan"))
    return edit_plan(state, plan, now) if not kept else _with(edit_plan(state, plan, now), kept)


def match_uids(current: Plan, imported: Plan) -> Plan:
    """`imported` with the uid of the show's segment it stands for: a segment whose uid
    the show does not know takes the uid of an unclaimed show segment of the same kind,
    title and product (in order), so a plan typed without ids still keeps the log's."""
    known = {s.uid for s in current.segments}
    claimed = {s.uid for s in imported.segments if s.uid in known}
    free = [s for s in current.segments if s.uid not in claimed]
    out: list[Segment] = []
    for s in imported.segments:
        if s.uid not in known:
            twin = next((c for c in free if (c.kind, c.title, c.product_sku) == (s.kind, s.title, s.product_sku)), None)
            if twin is not None:
                free.remove(twin)
                s = replace(s, uid=twin.uid)
        out.append(s)
    return Plan(out)


def edit_show(state: ShowState, products: list[Product], plan: Plan, now: float) -> list[Event]:
    """Products and plan changed together (the plan editor): checked as one, so a segment
    may follow its product to a new SKU. Raises CommandError; returns the events."""
    problems = plan_problems(state, plan, [p.sku for p in products])
    if problems:
        raise CommandError(problems[0])
    product_edit = edit_products(state, products, now, plan)
    plan_edit = _plan_diff(state, plan, now)
    return with_marker(product_edit, now) + with_marker(plan_edit, now)


def with_marker(preview: EditPreview, now: float) -> list[Event]:
    """The preview's events and the plan_edited marker that ends them (none if nothing changes)."""
    if not preview.events:
        return []
    return [*preview.events, edit_log.edit_marker(now, preview.what, len(preview.changes) or 1)]


def edit_settings(state: ShowState, settings: ShowSettings, now: float) -> list[Event]:
    """The settings that differ, as one settings_changed event (and its marker)."""
    try:
        settings.validate()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    old, new = state.settings.to_dict(), settings.to_dict()
    changes = {k: v for k, v in new.items() if old.get(k) != v}
    if not changes:
        return []
    return [edit_log.settings_changed(now, changes), edit_log.edit_marker(now, "settings", len(changes))]


def _plan_diff(state: ShowState, plan: Plan, now: float) -> EditPreview:
    preview = EditPreview("plan")
    old = {s.uid: s for s in state.plan.segments}
    new_uids = {s.uid for s in plan.segments}
    for s in plan.segments:
        before = old.get(s.uid)
        if before is None:
            preview.changes.append(Change(s.uid, s.title, ADDED))
            continue
        fields = tuple((f, getattr(before, f), getattr(s, f)) for f in SEGMENT_FIELDS if getattr(before, f) != getattr(s, f))
        if fields:
            preview.changes.append(Change(s.uid, before.title, UPDATED, fields))
        else:
            preview.unchanged += 1
    for s in state.plan.segments:
        if s.uid not in new_uids:
            preview.changes.append(Change(s.uid, s.title, REMOVED))
    if [edit_log.segment_data(s) for s in plan.segments] != [edit_log.segment_data(s) for s in state.plan.segments]:
        if not preview.changes:  # the same segments in another order
            preview.changes.append(Change("", "", UPDATED, (("order", None, None),)))
        preview.events.append(edit_log.plan_set(now, plan))
    return preview


def _with(preview: EditPreview, kept: list[Change]) -> EditPreview:
    preview.changes = kept + preview.changes
    preview.unchanged = max(0, preview.unchanged - len(kept))
    return preview


# -- the past ------------------------------------------------------------------------
@dataclass(frozen=True)
class Catalogue:
    """A show's plan, products (in queue order) and settings at one moment."""

    plan: Plan
    products: list[Product]
    settings: ShowSettings


def catalogue_at(created: Catalogue, log: Iterable[Event], until: float) -> Catalogue:
    """What the plan, products and settings were at `until`: the show as created, and the
    edits of its log (in time order) up to then. Other events are skipped."""
    state = ShowState.new(ShowInfo(0, "", 0.0), Plan(list(created.plan.segments)), list(created.products),
                          created.settings)
    for e in log:
        if e.ts > until:
            break
        if e.kind in ev.EDIT_KINDS:
            edit_log.EDIT_HANDLERS[e.kind](state, e)
    q = state.queue
    return Catalogue(state.plan, [q.products[s] for s in q.order], state.settings)

