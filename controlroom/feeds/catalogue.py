"""The built-in sample catalogue the rehearsal uses when no product sheet is given."""

from __future__ import annotations

from controlroom.core.products import Product, Role
from controlroom.feeds.sample_texts import DEFAULT_LANGUAGE, product_texts

_CATALOGUE: tuple[tuple[str, Role, float, int], ...] = (  # sku, role, price, stock
    ("SKU-1001", Role.TRAFFIC, 9.9, 600),
    ("SKU-1002", Role.TRAFFIC, 19.9, 800),
    ("SKU-2001", Role.PROFIT, 59.0, 300),
    ("SKU-2002", Role.PROFIT, 199.0, 120),
    ("SKU-2003", Role.PROFIT, 129.0, 150),
    ("SKU-2004", Role.PROFIT, 69.0, 200),
    ("SKU-3001", Role.IMAGE, 699.0, 30),
    ("SKU-3002", Role.IMAGE, 1299.0, 40),
)


def sample_products(language: str = DEFAULT_LANGUAGE) -> list[Product]:
    """The sample shop, its names, selling points and promos in `language` (zh_CN or en)."""
    words = product_texts(language)
    out = []
    for sku, role, price, stock in _CATALOGUE:
        name, selling_points, promo = words[sku]
        out.append(Product(sku, name, role, price, stock, selling_points, promo))
    return out
