"""Products and their roles in the mix (引流款 / 利润款 / 形象款)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    TRAFFIC = "traffic"
    PROFIT = "profit"
    IMAGE = "image"


ROLE_ALIASES: dict[str, Role] = {
    "traffic": Role.TRAFFIC,
    "traffic driver": Role.TRAFFIC,
    "引流款": Role.TRAFFIC,
    "引流": Role.TRAFFIC,
    "profit": Role.PROFIT,
    "profit item": Role.PROFIT,
    "利润款": Role.PROFIT,
    "利润": Role.PROFIT,
    "image": Role.IMAGE,
    "image item": Role.IMAGE,
    "形象款": Role.IMAGE,
    "形象": Role.IMAGE,
}


def parse_role(text: str) -> Role:
    role = ROLE_ALIASES.get(str(text).strip().lower())
    if role is None:
        raise ValueError(f"unknown role {text!r} (use 引流款/利润款/形象款 or traffic/profit/image)")
    return role


@dataclass
class Product:
    sku: str
    name: str
    role: Role = Role.PROFIT
    price: float = 0.0
    stock: int = 0
    selling_points: str = ""
    promo: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def validate(self) -> None:
        """Raise ValueError naming the field that is wrong."""
        if not self.sku.strip():
            raise ValueError("sku: must not be empty")
        if not self.name.strip():
            raise ValueError("name: must not be empty")
        if not math.isfinite(self.price) or self.price < 0:
            raise ValueError(f"price: {self.price!r} must be a number ≥ 0")
        if self.stock < 0:
            raise ValueError(f"stock: {self.stock!r} must be a whole number ≥ 0")
