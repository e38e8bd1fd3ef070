"""Live-data tools in the window: comment watch, local API server, file tail, imports.

`install(window)` uses only the window's extension hooks: `service`, `show_closing`,
`show_changed`, `add_dock`, `menu`. The server and the tail are stopped on
`show_closing`, before the window closes the show's writer (switching shows or
closing the window), so nothing they take is folded and then never written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from controlroom.ui.live_data.comment_panel import CommentWatchPanel
from controlroom.ui.live_data.sources_panel import SourcesPanel

if TYPE_CHECKING:
    from controlroom.ui.live_data.import_dialogs import ImportActions


class LiveData(QObject):
    """Attributes: comments (CommentWatchPanel), sources (SourcesPanel), imports (ImportActions), actions."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.comments = CommentWatchPanel()
        self.sources = SourcesPanel()
        self._imports: ImportActions | None = None  # built on first use (see imports)
        window.add_dock(self.comments, self.tr("Comment watch"), name="comments")
        window.add_dock(self.sources, self.tr("Live data sources"), name="sources")
        self.actions = self._menu(window.menu("data"))
        window.show_closing.connect(self._show_closing)
        window.show_changed.connect(self.set_service)
        self.set_service(window.service)

    @property
    def imports(self) -> ImportActions:
        """The import and export actions; their module (the sheets, the bulk import) is
        imported on first use, not before the window is on screen (bench/startup.py)."""
        if self._imports is None:
            from controlroom.ui.live_data.import_dialogs import ImportActions

            self._imports = ImportActions(self.window, lambda: self.window.service)
        return self._imports

    def _menu(self, menu: Any) -> dict[str, QAction]:
        items = {
            "products": (self.tr("Import product sheet…"), "import_products"),
            "template": (self.tr("Download product sheet template…"), "product_template"),
            "plan_in": (self.tr("Import plan from Excel…"), "import_plan"),
            "plan_out": (self.tr("Export plan to Excel…"), "export_plan"),
            "platform": (self.tr("Import platform export (trend or orders)…"), "import_platform"),
        }
        menu.addSeparator()
        actions = {}
        for key, (text, method) in items.items():
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, m=method: getattr(self.imports, m)())
            menu.addAction(action)
            actions[key] = action
        return actions

    def set_service(self, service: Any) -> None:
        self.sources.set_service(service)
        self.comments.set_service(service)

    def _show_closing(self, _service: Any) -> None:
        self.shut_down()

    def shut_down(self) -> None:
        self.sources.stop_all()
        self.comments.set_service(None)


def install(window: Any) -> LiveData:
    window.live_data = LiveData(window)
    return window.live_data
