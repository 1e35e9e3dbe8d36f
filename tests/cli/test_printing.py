"""``isodesk form …`` end to end: every paper and report, its JSON, and every refusal leaving no file behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from isodesk.services.accounts.signin import change_password
from tests.cli.conftest import ADMIN, ADMIN_PASSWORD, init, isodesk
from tests.forms_life import Life, build_life
from tests.pdfcheck import pages_text


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Life]:
    world = build_life(tmp_path_factory.mktemp("cli-life"))
    change_password(world.ctx, ADMIN, "", ADMIN_PASSWORD)  # the demo's administrator, as the commands sign in
    world.ctx.close()  # the commands open the office themselves
    yield world


def _dir(life: Life) -> Path:
    return life.ctx.data_dir


@pytest.mark.parametrize(
    ("name", "era", "pages"),
    [
        ("receipt", "2025", 2),
        ("supplement", "2025", 1),
        ("refusal", "2018", 1),
        ("apology", "2025", 1),
        ("stop", "2025", 1),
        ("control-sheet", "2018", 1),
    ],
)
def test_dossier_forms(life: Life, tmp_path: Path, name: str, era: str, pages: int) -> None:
    code = life.codes[era][name]
    out = tmp_path / f"{name}.pdf"
    run = isodesk("form", name, "--dossier", code, "--out", str(out), "--json", data_dir=_dir(life))
    assert run.code == 0, run.err
    assert run.json() == {"out": str(out), "pages": pages}
    assert code in pages_text(out.read_bytes())[0]


def test_reports(life: Life, tmp_path: Path) -> None:
    for args in (
        ("ledger", "--from", "2025-09-01", "--to", "2026-02-28"),
        ("stats", "--from", "2025-09-01", "--to", "2026-02-28"),
        ("procedure", "--procedure", "1.004873", "--issue", "2", "--issued", "2026-01-15"),
        ("scope",),
    ):
        out = tmp_path / f"{args[0]}.pdf"
        run = isodesk("form", *args, "--out", str(out), "--json", data_dir=_dir(life))
        assert run.code == 0, run.err
        result = run.json()
        assert result["out"] == str(out) and result["pages"] == len(pages_text(out.read_bytes())) >= 1
    plain = isodesk("form", "scope", "--out", str(tmp_path / "p.pdf"), data_dir=_dir(life))
    assert plain.code == 0 and plain.out.startswith("Đã ghi")


def test_refusals_leave_no_file(life: Life, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    codes = life.codes
    cases = [
        (("form", "receipt", "--dossier", "KHONG-CO", "--out", str(out / "a.pdf")), "KHONG-CO"),
        (("form", "apology", "--dossier", codes["2025"]["refusal"], "--out", str(out / "a.pdf")), "trễ hạn"),
        (("form", "refusal", "--dossier", codes["2025"]["receipt"], "--out", str(out / "a.pdf")), "từ chối"),
        (("form", "stop", "--dossier", codes["2018"]["stop"], "--out", str(out / "a.pdf")), "01/2018/TT-VPCP"),
        (("form", "receipt", "--dossier", codes["2025"]["receipt"], "--out", str(out / "a.docx")), ".pdf"),
        (("form", "receipt", "--dossier", codes["2025"]["receipt"], "--out", str(out / "no" / "a.pdf")), "no"),
        (("form", "ledger", "--from", "2026-02-01", "--to", "2026-01-01", "--out", str(out / "a.pdf")), "trước"),
        (("form", "stats", "--from", "2026-02-01", "--to", "2026-01-01", "--out", str(out / "a.pdf")), "trước"),
        (("form", "procedure", "--procedure", "9.999999", "--out", str(out / "a.pdf")), "9.999999"),
    ]
    for args, words in cases:
        run = isodesk(*args, data_dir=_dir(life))
        assert run.code == 1, (args, run.err)
        assert words in run.err and "Traceback" not in run.err, (args, run.err)
    assert list(out.iterdir()) == []
    english = isodesk(
        "--lang",
        "en",
        "form",
        "stop",
        "--dossier",
        codes["2018"]["stop"],
        "--out",
        str(out / "a.pdf"),
        data_dir=_dir(life),
    )
    assert english.code == 1 and english.err.startswith("Error: The form set Thông tư 01/2018/TT-VPCP has no")
    assert isodesk("form", "letter", "--dossier", "X", "--out", "x.pdf", data_dir=_dir(life)).code == 2


def test_receive_with_a_representative_and_print_the_supplement_with_the_contact(
    data_dir: Path, tmp_path: Path
) -> None:
    """From the command line: who filed for an organisation lands on the 2025 slip; a supplement request without the
    office's contact is refused until it is given, and then kept."""
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0
    run = isodesk(
        "dossier", "receive", "--procedure", "1.004873", "--applicant", "Hợp tác xã Tân Mỹ", "--organisation",
        "--representative", "Lê Văn Tân", "--representative-id", "082085009876", "--representative-phone",
        "0912345678", "--received", "2026-03-03T09:00", "--json", data_dir=data_dir,
    )  # fmt: skip
    assert run.code == 0, run.err
    code = run.json()["code"]
    slip = tmp_path / "slip.pdf"
    assert isodesk("form", "receipt", "--dossier", code, "--out", str(slip), data_dir=data_dir).code == 0
    page = pages_text(slip.read_bytes())[0]
    assert "Người đại diện, người được ủy quyền nộp hồ sơ: Lê Văn Tân; số định danh cá nhân: 082085009876" in page
    note = "Tờ khai (bản chính). Lý do: Tờ khai chưa ký."
    assert isodesk("dossier", "move", code, "--to", "supplement", "--note", note, data_dir=data_dir).code == 0
    request = tmp_path / "request.pdf"
    refused = isodesk("form", "supplement", "--dossier", code, "--out", str(request), data_dir=data_dir)
    assert refused.code == 1 and "--contact" in refused.err and not request.exists()
    given = isodesk(
        "form", "supplement", "--dossier", code, "--out", str(request), "--contact", "Lê Minh Đức",
        "--contact-phone", "0273 3872 135", data_dir=data_dir,
    )  # fmt: skip
    assert given.code == 0, given.err
    text = " ".join(pages_text(request.read_bytes()))
    assert "liên hệ với Lê Minh Đức, số điện thoại 0273 3872 135" in text and "Lý do: Tờ khai chưa ký." in text
    again = isodesk("form", "supplement", "--dossier", code, "--out", str(tmp_path / "again.pdf"), data_dir=data_dir)
    assert again.code == 0  # the contact is kept in the office profile
