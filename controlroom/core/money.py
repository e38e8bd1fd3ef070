"""Money: amounts are kept and summed in integer cents, so every sum is exact and every
screen and sheet that adds the same orders gets the same total, to the cent."""

from __future__ import annotations


def cents(amount: float | None) -> int:
    """An amount in yuan (as events carry it) → whole cents."""
    return round((amount or 0.0) * 100)


def yuan(total_cents: int) -> float:
    return total_cents / 100
