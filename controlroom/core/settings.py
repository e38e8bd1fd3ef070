"""Every pacing and alert figure, declared once with the playbook's default (domain.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class ShowSettings:
    """Per-show figures. Minutes unless the name says otherwise."""

    opening_minutes: float = 5.0
    slot_warn_minutes: float = 3.0
    slot_max_minutes: float = 5.0
    interaction_minutes: float = 2.0
    interaction_remind_minutes: float = 10.0
    interaction_alarm_minutes: float = 15.0
    final_push_minutes: float = 10.0
    closing_minutes: float = 3.0
    warning_lead_minutes: float = 1.0
    promo_target_min: int = 3
    promo_target_max: int = 5
    low_stock_units: int = 10
    viewer_drop_percent: float = 20.0
    viewer_drop_window_minutes: float = 5.0
    negative_spike_per_minute: int = 5
    low_conversion_percent: float = 0.5
    # The reach of a feed event's ts: from this long before the show (its creation, planned
    # start or start, whichever is first) to this far after now. Outside: refused, naming ts.
    feed_before_show_hours: float = 24.0
    feed_ahead_minutes: float = 5.0
    # Moving onto a product slot puts its product on shelf and takes the previous slot's off.
    auto_shelf: bool = True
    # -- OBS stream health and scenes (core/stream_health.py, feeds/obs.py, docs/obs.md) --
    obs_congestion_percent: float = 50.0
    obs_min_bitrate_kbps: float = 1000.0  # 0: no bitrate check
    obs_low_bitrate_seconds: float = 10.0
    obs_skipped_percent: float = 1.0
    obs_unreachable_seconds: float = 10.0
    obs_recover_seconds: float = 10.0
    # segment kind=OBS scene; …, e.g. "product=Product cam; interaction=Wide". Empty: no switching.
    obs_scenes: str = ""
    # -- baseline (issue 13) --
    # The room's usual (core/baseline.py, docs/recap.md): its last `baseline_shows` shows; an
    # alert when online or cumulative GMV runs this many percent below it for the hold's minutes.
    baseline_shows: int = 5
    baseline_alert_percent: float = 30.0  # 0: no alert
    baseline_alert_hold_minutes: float = 2.0
    # -- sell-out forecast (issue 13) --
    # An alert when a product on shelf sells out within this many minutes at the current order
    # rate (core/forecast.py). 0: no alert.
    sellout_alert_minutes: float = 5.0
    # -- targets (issue 13) --
    # The host display shows the slot's GMV (and orders) against its targets. Off by default:
    # many hosts are better without a number that is behind.
    host_show_targets: bool = False
    # -- recap-a: the serious 复盘 (issue 13) --
    # The per-slot sheet's tail: the slot product's sales in this many minutes after its slot ended.
    recap_tail_minutes: float = 5.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> ShowSettings:
        """Build from stored/edited values; unknown keys are ignored, bad values refused."""
        if not raw:
            return cls()
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in raw.items():
            field = known.get(name)
            if field is None:
                continue
            values[name] = _coerce(name, value, field.type)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        for f in fields(self):
            if f.type in (str, "str"):
                continue
            if getattr(self, f.name) < 0:
                raise ValueError(f"setting {f.name} must not be negative")
        if self.slot_warn_minutes > self.slot_max_minutes:
            raise ValueError("slot_warn_minutes must not exceed slot_max_minutes")
        if self.interaction_remind_minutes > self.interaction_alarm_minutes:
            raise ValueError("interaction_remind_minutes must not exceed interaction_alarm_minutes")
        if self.promo_target_min > self.promo_target_max:
            raise ValueError("promo_target_min must not exceed promo_target_max")
        if self.obs_congestion_percent > 100:
            raise ValueError("setting obs_congestion_percent must not exceed 100")
        scene_map(self.obs_scenes)  # refuses a bad mapping, naming the part

    def replace(self, **changes: Any) -> ShowSettings:
        return ShowSettings.from_dict({**self.to_dict(), **changes})


# The segment kinds (core/plan.py SegmentKind, which imports this module), for obs_scenes,
# and their names in the window's Chinese, which obs_scenes takes too.
SCENE_KINDS = ("opening", "product", "interaction", "final_push", "closing", "free")
KIND_ALIASES = {"开场": "opening", "产品讲解": "product", "商品": "product", "互动": "interaction",
                "逼单": "final_push", "结束语": "closing", "收尾": "closing", "自由环节": "free", "自由": "free"}


def scene_map(text: str) -> dict[str, str]:
    """`obs_scenes` ("product=Product cam; interaction=Wide") as kind → scene name.
    Raises ValueError naming the part that is not `kind=scene` with a known kind."""
    out: dict[str, str] = {}
    for part in text.replace("；", ";").replace("＝", "=").split(";"):
        if not part.strip():
            continue
        kind, eq, scene = part.partition("=")
        kind, scene = kind.strip().lower(), scene.strip()
        kind = KIND_ALIASES.get(kind, kind)
        if not eq or not scene or kind not in SCENE_KINDS:
            raise ValueError(f"setting obs_scenes: {part.strip()!r} is not kind=scene "
                             f"(kinds: {', '.join(SCENE_KINDS)})")
        out[kind] = scene
    return out


def _coerce(name: str, value: Any, type_name: Any) -> Any:
    if type_name in (str, "str"):
        if not isinstance(value, str):
            raise ValueError(f"setting {name}: {value!r} is not text")
        return value.strip()
    try:
        if type_name in (bool, "bool"):
            if value not in (True, False, 0, 1):
                raise ValueError
            return bool(value)
        if type_name in (int, "int"):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(value)
        return float(value)
    except (TypeError, ValueError):
        what = "true or false" if type_name in (bool, "bool") else "a number"
        raise ValueError(f"setting {name}: {value!r} is not {what}") from None
