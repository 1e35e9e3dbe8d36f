"""The fixed wording of reports and QMS documents (``resources/forms/reports.json``), which an office may adjust."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def report_texts() -> dict[str, Any]:
    text = resources.files("isodesk.resources.forms").joinpath("reports.json").read_text("utf-8")
    return dict(json.loads(text))
