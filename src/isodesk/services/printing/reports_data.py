"""The fixed wording of reports and QMS documents (``resources/forms/reports.json``), which an office may adjust."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from isodesk.resources_path import resource_path


@cache
def report_texts() -> dict[str, Any]:
    text = resource_path("forms", "reports.json").read_text("utf-8")
    return dict(json.loads(text))
