"""Một cửa › Danh mục thủ tục: the procedure catalogue page, one procedure's form, and importing a province's list."""
