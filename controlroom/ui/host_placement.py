"""Where the host display opens: where it was (its screen still there), else on a screen
the main window is not on, else — one screen only — as a normal window in that screen's
top-right corner, never at (0, 0) over the controls. Pure geometry, tested with given rects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

# On a single screen: this share of the screen, this far from its top-right corner.
SINGLE_SCREEN_SHARE = 0.5
EDGE_GAP = 32


@dataclass(frozen=True)
class Screen:
    name: str
    available: QRect  # the screen's available geometry (without panels/taskbars)


@dataclass(frozen=True)
class Placement:
    screen: int  # index into the screens given
    geometry: QRect  # the normal (windowed) geometry
    full_screen: bool


def place(screens: list[Screen], main_window: QRect, saved_screen: str = "",
          saved_geometry: QRect | None = None, saved_full_screen: bool = False) -> Placement:
    """The host display's screen and geometry. `main_window` is the controls' frame."""
    if not screens:
        raise ValueError("no screen")
    restored = _restore(screens, saved_screen, saved_geometry, saved_full_screen)
    if restored is not None:
        return restored
    others = [i for i, s in enumerate(screens) if not s.available.contains(main_window.center())]
    if len(screens) > 1 and others:
        index = others[0]
        return Placement(index, QRect(screens[index].available), True)
    index = next((i for i, s in enumerate(screens) if s.available.contains(main_window.center())), 0)
    return Placement(index, _corner(screens[index].available), False)


def _restore(screens: list[Screen], name: str, geometry: QRect | None, full: bool) -> Placement | None:
    """The saved place when its screen is still there and the window would be visible on it."""
    if geometry is None or geometry.isEmpty():
        return None
    for i, s in enumerate(screens):
        if s.name == name or (not name and s.available.intersects(geometry)):
            if not s.available.intersects(geometry):
                return Placement(i, _corner(s.available), full)  # the screen changed size: its corner
            return Placement(i, _clamped(geometry, s.available), full)
    return None


def _corner(available: QRect) -> QRect:
    w = max(320, int(available.width() * SINGLE_SCREEN_SHARE))
    h = max(180, int(available.height() * SINGLE_SCREEN_SHARE))
    w, h = min(w, available.width()), min(h, available.height())
    x = max(available.left(), available.right() + 1 - w - EDGE_GAP)
    y = min(available.top() + EDGE_GAP, available.bottom() + 1 - h)
    return QRect(x, max(available.top(), y), w, h)


def _clamped(geometry: QRect, available: QRect) -> QRect:
    """Within the screen: no larger than it, moved in if it hangs over an edge."""
    w, h = min(geometry.width(), available.width()), min(geometry.height(), available.height())
    x = min(max(geometry.x(), available.left()), available.right() + 1 - w)
    y = min(max(geometry.y(), available.top()), available.bottom() + 1 - h)
    return QRect(x, y, w, h)
