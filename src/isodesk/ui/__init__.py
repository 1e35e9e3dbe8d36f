"""The PySide6 GUI. It shows what services return and calls services for every change; it holds no SQL
and no business rule."""
