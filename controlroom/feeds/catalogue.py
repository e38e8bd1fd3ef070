"""The built-in sample catalogue the rehearsal uses when no product sheet is given."""

from __future__ import annotations

from controlroom.core.products import Product, Role


def sample_products() -> list[Product]:
    return [
        Product("SKU-1001", "冰丝防晒袖套", Role.TRAFFIC, 9.9, 600, "凉感面料，UPF50+", "前100名半价"),
        Product("SKU-1002", "竹纤维抽纸 24包", Role.TRAFFIC, 19.9, 800, "原生竹浆，柔韧不掉屑", "拍二发三"),
        Product("SKU-2001", "玻尿酸补水面膜 10片", Role.PROFIT, 59.0, 300, "深层补水，敏感肌可用", "满99减20"),
        Product("SKU-2002", "无线降噪耳机", Role.PROFIT, 199.0, 120, "40小时续航，主动降噪", "直播间专享券50元"),
        Product("SKU-2003", "不粘锅三件套", Role.PROFIT, 129.0, 150, "麦饭石涂层，少油烟", "赠硅胶铲"),
        Product("SKU-2004", "儿童保温杯 500ml", Role.PROFIT, 69.0, 200, "316不锈钢，12小时保温", "第二件9.9"),
        Product("SKU-3001", "真丝围巾 礼盒装", Role.IMAGE, 699.0, 30, "桑蚕丝，手工卷边", "限量30份"),
        Product("SKU-3002", "智能手表 旗舰款", Role.IMAGE, 1299.0, 40, "血氧心率监测，14天续航", "12期免息"),
    ]
