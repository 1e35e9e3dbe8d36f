"""Fuzzing the package reader: random bytes, and real packages mutated (bytes flipped, inserted, cut, members
rewritten, manifests edited and re-signed). The reader only ever returns a verified package or raises
PackageError; any other exception is a defect."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isodesk.sync.format import MANIFEST
from isodesk.sync.package import Package, PackageError, build_package, read_package
from tests.sync.conftest import DATA, KEY, header

BASE = build_package(KEY, header(), DATA)[0]
SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


def _read(body: bytes) -> None:
    for key in (KEY.public_key(), None):
        try:
            package = read_package(body, key, schema_version="0008")
        except PackageError as exc:
            assert exc.code and exc.reason
        else:
            assert isinstance(package, Package)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    body = bytearray(BASE)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "cut", "append"]))
        at = draw(st.integers(0, max(len(body) - 1, 0)))
        if kind == "flip" and body:
            body[at] ^= draw(st.integers(1, 255))
        elif kind == "set" and body:
            body[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            body[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del body[at : at + draw(st.integers(1, 16))]
        elif kind == "cut":
            del body[at:]
        else:
            body += draw(st.binary(min_size=1, max_size=64))
    return bytes(body)


@st.composite
def rewritten(draw: st.DrawFn) -> bytes:
    """A zip of members drawn around the real ones: renamed, replaced, dropped or added, sometimes re-signed."""
    with zipfile.ZipFile(io.BytesIO(BASE)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    names = st.sampled_from([*members, "data/x.jsonl", "../x", "data/", "a/b/c", "manifest.json/"])
    if draw(st.booleans()):
        raw = json.loads(members[MANIFEST])
        raw[draw(st.sampled_from(sorted(raw)))] = draw(st.none() | st.integers() | st.text(max_size=8) | st.just({}))
        members[MANIFEST] = json.dumps(raw).encode()
    for _ in range(draw(st.integers(0, 3))):
        members[draw(names)] = draw(st.binary(max_size=64) | st.just(b'{"uuid":1}\n'))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@SETTINGS
@given(st.binary(max_size=4096) | st.binary(max_size=512).map(lambda b: b"PK\x03\x04" + b))
def test_random_bytes_are_refused_cleanly(body: bytes) -> None:
    _read(body)


@SETTINGS
@given(mutated())
def test_mutated_packages_are_refused_cleanly(body: bytes) -> None:
    _read(body)


@SETTINGS
@given(rewritten())
def test_rewritten_packages_are_refused_cleanly(body: bytes) -> None:
    _read(body)


@SETTINGS
@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
                       st.lists(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5)),
                                max_size=3), max_size=3))  # fmt: skip
def test_any_package_the_writer_makes_is_read_or_refused_cleanly(kinds: dict[str, list[dict[str, object]]]) -> None:
    data = {k: b"".join(json.dumps(r).encode() + b"\n" for r in rows) for k, rows in kinds.items()}
    _read(build_package(KEY, header(), data)[0])
