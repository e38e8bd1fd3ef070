"""The pre-show checklist (直播前准备): item keys and their English labels (the window
and the recap word each key in their own language)."""

CHECKLIST_ITEMS: tuple[tuple[str, str], ...] = (
    ("cameras", "Cameras"),
    ("microphones", "Microphones"),
    ("lighting", "Lighting"),
    ("network", "Network bandwidth test"),
    ("stock", "Stock confirmed"),
    ("team", "Team briefed"),
    ("promotion", "Pre-show promotion out"),
)
