"""The pre-show checklist (直播前准备): item keys and their default labels."""

CHECKLIST_ITEMS: tuple[tuple[str, str], ...] = (
    ("cameras", "摄像头 Cameras"),
    ("microphones", "麦克风 Microphones"),
    ("lighting", "灯光 Lighting"),
    ("network", "网络测速 Network bandwidth test"),
    ("stock", "库存确认 Stock confirmed"),
    ("team", "团队分工 Team briefed"),
    ("promotion", "预热宣传 Pre-show promotion out"),
)
