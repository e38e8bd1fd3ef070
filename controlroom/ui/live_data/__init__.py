"""Live-data tools in the window (local API server, file tail, imports, comment watch).

Placeholder until the live-data work lands: `install(window)` adds nothing yet.
"""


def install(window: object) -> None:
    return None
