"""The Qt layer: the only package that imports PySide6 or pyqtgraph. Thin by rule."""
