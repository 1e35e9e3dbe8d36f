"""A small signed package built straight from the format, without an office."""

from __future__ import annotations

import json

import pytest

from isodesk.sync import signing
from isodesk.sync.format import FORMAT_VERSION, Manifest
from isodesk.sync.package import build_package

KEY = signing.key_from_bytes(bytes(range(32)))
OTHER_KEY = signing.key_from_bytes(bytes(range(1, 33)))


def header(**changes: object) -> Manifest:
    fields: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "schema_version": "0008",
        "unit_code": "28261",
        "unit_name": "Phường Mỹ Tho",
        "sequence": 1,
        "previous_sha256": "",
        "created_at": "2026-12-05T03:00:00Z",
        "program_version": "0.1.0",
        "period_start": "",
        "period_end": "2026-12-05T03:00:00Z",
        "changes_from": 0,
        "changes_to": 7,
        "full": True,
        "public_key": "",
    }
    fields.update(changes)
    return Manifest(**fields)  # type: ignore[arg-type]


def record(n: int, **extra: object) -> dict[str, object]:
    return {
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "unit_code": "28261",
        "updated_at": "2026-12-01T02:00:00Z",
        "change_seq": n,
        **extra,
    }


def jsonl(*records: dict[str, object]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


DATA = {
    "qms_policies": jsonl(record(1, text="Chính sách chất lượng: phục vụ nhân dân")),
    "audit_findings": jsonl(record(2, grade="minor"), record(3, grade="major")),
    "dossiers": jsonl(*(record(10 + i, status="returned") for i in range(20))),
}


@pytest.fixture
def package_bytes() -> bytes:
    return build_package(KEY, header(), DATA)[0]
