"""PySide6 screens. Thin: they call services through ui/ops.py and never build SQL or money."""
