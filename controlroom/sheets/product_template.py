"""The product-sheet template the window offers for download: the importer's own headers."""

from __future__ import annotations

from pathlib import Path

from controlroom.sheets.xlsx_out import write_table

HEADERS = ["商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠"]
NOTES = [
    ["商品名称 name", "必填 required", "冰丝防晒袖套"],
    ["SKU", "必填，唯一 required, unique", "SKU-1001"],
    ["类型 role", "引流款 / 利润款 / 形象款 (traffic / profit / image)", "引流款"],
    ["价格 price", "必填，≥ 0 required", "9.9"],
    ["库存 stock", "必填，整数 ≥ 0 required, whole number", "600"],
    ["卖点 selling points", "可选 optional", "凉感面料，UPF50+"],
    ["优惠 promo", "可选 optional", "前100名半价"],
    ["", "每行一个商品，最多 5000 行；英文表头 name, sku, role, price, stock 也可以", ""],
]


def write_product_template(path: str | Path) -> Path:
    """An .xlsx (headers, and a notes sheet) or a .csv (headers only)."""
    return write_table(
        path, [("商品 Products", HEADERS, []), ("说明 Notes", ["列 column", "说明 rule", "示例 example"], NOTES)]
    )
