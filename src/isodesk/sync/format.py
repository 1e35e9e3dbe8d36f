"""The sync package's format: one zip file (``.isosync``) holding a signed manifest and the data as JSON Lines.

Members:

- ``manifest.json``: what the package is (format and schema versions, the unit, its sequence number and the hash of
  the package before it, the changes it covers, record counts, and the SHA-256 and size of every data member), as
  canonical JSON (sorted keys, UTF-8, no insignificant whitespace), so the same manifest is always the same bytes;
- ``manifest.sig``: the unit's Ed25519 signature of those bytes (:mod:`isodesk.sync.signing`);
- ``data/<kind>.jsonl``: one JSON object per line for each kind of record. Every record carries ``uuid``,
  ``unit_code``, ``updated_at`` (UTC) and ``change_seq``.

Packages travel both ways. A unit's package to the province (the default) says nothing of its direction; a package
from the province to its units says ``"direction": "province_to_units"`` in its manifest, names the province in
``unit`` (its code and name) and is signed with the province office's key. A reader that predates the direction
refuses such a package (its manifest is not the canonical form it knows), and each import refuses a package of the
other direction. A province package is always full and holds (:data:`PROVINCE_KINDS`):

- ``calendar_days``: the province's working-day calendar overlay, one record per announced day: ``day`` (ISO
  date), ``kind`` (``day_off`` or ``workday``), ``note``, ``source`` (its legal basis), ``confirmed``;
- ``procedures``: the province's procedure catalogue, one record per procedure by its national ``code``: ``name``,
  ``field``, the published ``time_unit``/``time_value``/``fee``, ``cutoff_note``, ``exemptions``, ``components``
  and ``legal_basis`` (JSON lists), ``notes``, ``source``, ``confidence``, the province's own time and fee
  (``office_time_unit``, ``office_time_value``, ``office_fee``, null when it keeps the published ones) and
  ``active``;
- ``templates``: reserved for model texts and form sets the province distributes (a unit of this version keeps its
  own, shipped with the program, and leaves the member aside). Each record will carry ``template_version``
  (:data:`TEMPLATE_VERSION`), ``name`` and ``body``; a reader skips a record of a newer ``template_version``.

A new kind of record is a new member: a reader that does not know a kind still verifies the package and may leave
the kind aside, so kinds are added without a new format version. ``FORMAT_VERSION`` changes only when a reader of
this version could misread a package of the new one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

#: The version of this layout. A reader refuses a package of a newer format.
FORMAT_VERSION = 1
#: The file name extension of a package.
EXTENSION = ".isosync"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA_FOLDER = "data/"
DATA_SUFFIX = ".jsonl"
#: What a kind of record may be called: the member name is built from it, so nothing else may pass.
KIND_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,59}")
#: The fields every exported record carries.
RECORD_FIELDS = ("uuid", "unit_code", "updated_at", "change_seq")
#: Which way a package goes: a unit's package to its province (the default, not written in the manifest), or the
#: province's package to its units.
UNIT_TO_PROVINCE = "unit_to_province"
PROVINCE_TO_UNITS = "province_to_units"
DIRECTIONS = (UNIT_TO_PROVINCE, PROVINCE_TO_UNITS)
#: The kinds of record a province package holds.
CALENDAR_DAYS = "calendar_days"
PROCEDURES = "procedures"
TEMPLATES = "templates"
PROVINCE_KINDS = (CALENDAR_DAYS, PROCEDURES, TEMPLATES)
#: The version of a template record's layout in the ``templates`` member.
TEMPLATE_VERSION = 1


def member_name(kind: str) -> str:
    """``data/<kind>.jsonl``: the member holding one kind of record."""
    if not KIND_PATTERN.fullmatch(kind):
        raise ValueError(f"not a kind of record: {kind!r}")
    return f"{DATA_FOLDER}{kind}{DATA_SUFFIX}"


def kind_of(name: str) -> str | None:
    """The kind a data member holds, or None if ``name`` is not a well-formed data member name."""
    if not (name.startswith(DATA_FOLDER) and name.endswith(DATA_SUFFIX)):
        return None
    kind = name[len(DATA_FOLDER) : -len(DATA_SUFFIX)]
    return kind if KIND_PATTERN.fullmatch(kind) else None


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, UTF-8 (not escaped), no insignificant whitespace."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Member:
    """A data member as the manifest declares it."""

    sha256: str  # of the member's bytes
    size: int
    records: int
    packed_sha256: str  # of the member's compressed bytes as they lie in the file: every byte is accounted for


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` says. Times are ISO 8601 in UTC; ``changes_from`` is exclusive, ``changes_to``
    inclusive (the change numbers of the records it carries); ``full`` says the package holds every record."""

    format_version: int
    schema_version: str
    unit_code: str
    unit_name: str
    sequence: int
    previous_sha256: str
    created_at: str
    program_version: str
    period_start: str
    period_end: str
    changes_from: int
    changes_to: int
    full: bool
    public_key: str  # the signer's raw Ed25519 public key, hex
    members: dict[str, Member] = field(default_factory=dict)
    direction: str = UNIT_TO_PROVINCE  # a province package names the province in unit_code and unit_name

    @property
    def counts(self) -> dict[str, int]:
        """Records per kind."""
        return {k: m.records for name, m in self.members.items() if (k := kind_of(name))}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "sequence": self.sequence,
            "previous_sha256": self.previous_sha256,
            "created_at": self.created_at,
            "program_version": self.program_version,
            "period": {"start": self.period_start, "end": self.period_end},
            "changes": {"from": self.changes_from, "to": self.changes_to, "full": self.full},
            "public_key": self.public_key,
            "counts": self.counts,
            "members": {
                name: {"sha256": m.sha256, "size": m.size, "records": m.records, "packed_sha256": m.packed_sha256}
                for name, m in sorted(self.members.items())
            },
        }
        if self.direction != UNIT_TO_PROVINCE:  # a unit's package stays the bytes it always was
            out["direction"] = self.direction
        return out

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Read a manifest; ``ValueError`` when it is not one (any field missing or of the wrong type)."""
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("the manifest is not an object")
        unit, period, changes = _obj(raw, "unit"), _obj(raw, "period"), _obj(raw, "changes")
        members: dict[str, Member] = {}
        for name, m in _obj(raw, "members").items():
            if not isinstance(m, dict):
                raise ValueError("a member is not an object")
            members[name] = Member(_str(m, "sha256"), _int(m, "size"), _int(m, "records"), _str(m, "packed_sha256"))
        manifest = cls(
            format_version=_int(raw, "format_version"),
            schema_version=_str(raw, "schema_version"),
            unit_code=_str(unit, "code"),
            unit_name=_str(unit, "name"),
            sequence=_int(raw, "sequence"),
            previous_sha256=_str(raw, "previous_sha256"),
            created_at=_str(raw, "created_at"),
            program_version=_str(raw, "program_version"),
            period_start=_str(period, "start"),
            period_end=_str(period, "end"),
            changes_from=_int(changes, "from"),
            changes_to=_int(changes, "to"),
            full=_bool(changes, "full"),
            public_key=_str(raw, "public_key"),
            members=members,
            direction=raw.get("direction", UNIT_TO_PROVINCE),
        )
        if manifest.direction not in DIRECTIONS:
            raise ValueError("not a direction of a package")
        if manifest.to_dict().get("counts") != raw.get("counts"):
            raise ValueError("the counts do not match the members")
        return manifest


def _obj(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{key} is not an object")
    return value


def _str(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def _int(raw: dict[str, Any], key: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key} is not a count")
    return value


def _bool(raw: dict[str, Any], key: str) -> bool:
    value = raw.get(key)
    if not isinstance(value, bool):
        raise ValueError(f"{key} is not true or false")
    return value
