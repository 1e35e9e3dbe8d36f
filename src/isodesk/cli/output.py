"""How commands report: one JSON object on stdout with ``--json``, readable lines otherwise."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Result:
    data: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    status: int = 0  # exit status: a check that found problems reports them and exits 1


def emit(result: Result, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result.data, ensure_ascii=False, default=str) + "\n")
    elif result.text:
        sys.stdout.write(result.text.rstrip("\n") + "\n")
