"""The rehearsal's sample texts per language: the audience's comments and the sample
catalogue's names, selling points and promos. They become show data (the log, the
plan), so a rehearsal is played in one language: the one it was created in."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGE = "zh_CN"  # the sample shop is a Chinese one; the window asks for English


@dataclass(frozen=True)
class RoomTexts:
    comments: tuple[str, ...]
    questions: tuple[str, ...]
    negative: tuple[str, ...]
    gift: str


ROOM_TEXTS: dict[str, RoomTexts] = {
    "zh_CN": RoomTexts(
        comments=("主播好！", "来了来了", "今天有什么福利", "已拍", "好看", "支持主播", "666", "上链接",
                  "质量怎么样", "刚下单了", "颜色好正", "这个我用过，真的好用", "再讲一下", "求返场"),
        questions=("多少钱？", "怎么买？", "尺码怎么选？", "什么时候发货？", "有优惠券吗？", "能用多久？"),
        negative=("太贵了", "假货吧", "上次买的质量很差", "客服不回复", "发货太慢了", "退款退不了"),
        gift="小心心",
    ),
    "en": RoomTexts(
        comments=("Hi host!", "Here!", "Any deals today?", "Just bought", "Looks great", "Love this show",
                  "666", "Link please", "How is the quality?", "Ordered!", "Great colour",
                  "I have one, it's really good", "Show it again", "Bring it back"),
        questions=("How much?", "How do I buy?", "Which size?", "When does it ship?", "Any coupons?",
                   "How long does it last?"),
        # each with a word of the comment watch's default list (core/comment_watch.py)
        negative=("What a rip-off", "Looks fake", "Terrible quality last time", "Is this a scam",
                  "Terrible support", "Can't get a refund"),
        gift="Little heart",
    ),
}

# sku → (name, selling points, promo) per language; roles, prices and stock are the catalogue's
PRODUCT_TEXTS: dict[str, dict[str, tuple[str, str, str]]] = {
    "zh_CN": {
        "SKU-1001": ("冰丝防晒袖套", "凉感面料，UPF50+", "前100名半价"),
        "SKU-1002": ("竹纤维抽纸 24包", "原生竹浆，柔韧不掉屑", "拍二发三"),
        "SKU-2001": ("玻尿酸补水面膜 10片", "深层补水，敏感肌可用", "满99减20"),
        "SKU-2002": ("无线降噪耳机", "40小时续航，主动降噪", "直播间专享券50元"),
        "SKU-2003": ("不粘锅三件套", "麦饭石涂层，少油烟", "赠硅胶铲"),
        "SKU-2004": ("儿童保温杯 500ml", "316不锈钢，12小时保温", "第二件9.9"),
        "SKU-3001": ("真丝围巾 礼盒装", "桑蚕丝，手工卷边", "限量30份"),
        "SKU-3002": ("智能手表 旗舰款", "血氧心率监测，14天续航", "12期免息"),
    },
    "en": {
        "SKU-1001": ("Ice-silk sun sleeves", "Cooling fabric, UPF 50+", "Half price for the first 100"),
        "SKU-1002": ("Bamboo tissues, 24 packs", "Virgin bamboo pulp, soft and strong", "Buy two, get three"),
        "SKU-2001": ("Hyaluronic sheet masks, 10", "Deep moisture, for sensitive skin", "¥20 off over ¥99"),
        "SKU-2002": ("Wireless noise-cancelling earbuds", "40-hour battery, active noise cancelling",
                     "¥50 coupon for this room only"),
        "SKU-2003": ("Non-stick pan set of 3", "Stone coating, less smoke", "Free silicone spatula"),
        "SKU-2004": ("Kids' thermos bottle 500ml", "316 stainless steel, keeps warm 12 hours",
                     "Second one for ¥9.9"),
        "SKU-3001": ("Silk scarf, gift box", "Mulberry silk, hand-rolled edges", "Only 30 boxes"),
        "SKU-3002": ("Smart watch, flagship", "Blood oxygen and heart rate, 14-day battery",
                     "12 months interest-free"),
    },
}


def room_texts(language: str = DEFAULT_LANGUAGE) -> RoomTexts:
    return ROOM_TEXTS.get(language, ROOM_TEXTS[DEFAULT_LANGUAGE])


def product_texts(language: str = DEFAULT_LANGUAGE) -> dict[str, tuple[str, str, str]]:
    return PRODUCT_TEXTS.get(language, PRODUCT_TEXTS[DEFAULT_LANGUAGE])
