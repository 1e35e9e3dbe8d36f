"""Printing forms and reports to PDF: ``isodesk form NAME …`` (docs/ARCHITECTURE.md §8).

``form receipt|supplement|refusal|apology|stop|control-sheet --dossier CODE --out FILE.pdf``,
``form ledger|stats --from D --to D --out FILE.pdf``, ``form procedure --procedure CODE --out FILE.pdf``,
``form scope --out FILE.pdf``, ``form policy|objectives|announcement --out FILE.pdf`` (the QMS papers),
``form province-report --year Y --out FILE.pdf|FILE.xlsx`` (the province's yearly consolidated report: a paper, or
an Excel workbook when the file ends in .xlsx). With ``--json``: ``{"out": PATH, "pages": N}`` (the province's
report adds ``kind`` and ``units``; a workbook has 0 pages). The output path is checked before
anything is rendered, and a file is written whole or not at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from isodesk.cli.common import add_json, parse_date, with_context
from isodesk.cli.output import Result
from isodesk.i18n import N_, _

DOSSIER_FORMS = {
    "receipt": N_("receipt and appointment slip (form 01)"),
    "supplement": N_("supplement request (form 02)"),
    "refusal": N_("refusal slip (form 03)"),
    "apology": N_("apology and new appointment (form 04)"),
    "stop": N_("notice of stopping the processing (2025 set, form 05)"),
    "control-sheet": N_("process control sheet (form 05 of 2018, 06 of 2025)"),
}


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    form = sub.add_parser("form", parents=[common], help=_("print official forms and reports as PDF"))
    fsub = form.add_subparsers(dest="form_command", metavar="NAME", required=True)
    for name, help_text in DOSSIER_FORMS.items():
        p = fsub.add_parser(name, parents=[common], help=_(help_text))
        p.add_argument("--dossier", required=True, metavar="CODE")
        if name == "supplement":
            p.add_argument(
                "--contact", metavar="NAME", help=_("whom the applicant may call (kept in the office profile)")
            )
            p.add_argument("--contact-phone", metavar="PHONE", help=_("their phone (kept in the office profile)"))
        _out(p)
        p.set_defaults(handler=cmd_dossier_form, form_name=name)
    for name, help_text in (
        ("ledger", N_("dossier ledger for a period (A4 landscape)")),
        ("stats", N_("statistics report for a period, with a chart")),
    ):
        p = fsub.add_parser(name, parents=[common], help=_(help_text))
        p.add_argument("--from", dest="start", required=True, metavar="DATE")
        p.add_argument("--to", dest="end", required=True, metavar="DATE")
        _out(p)
        p.set_defaults(handler=cmd_period_report, form_name=name)
    p = fsub.add_parser("procedure", parents=[common], help=_("ISO procedure document of an administrative procedure"))
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument("--issue", type=int, default=1, metavar="N", help=_("issue number (default 1)"))
    p.add_argument("--issued", default=None, metavar="DATE", help=_("issue date (default today)"))
    p.add_argument("--doc-code", default=None, metavar="CODE", help=_('document code, e.g. "QT 02/HT"'))
    p.add_argument(
        "--change", default="", metavar="TEXT", help=_("what this issue changed (its revision history line)")
    )
    _out(p)
    p.set_defaults(handler=cmd_procedure)
    p = fsub.add_parser("scope", parents=[common], help=_("scope of the quality system"))
    _out(p)
    p.set_defaults(handler=cmd_scope)
    p = fsub.add_parser("policy", parents=[common], help=_("the approved quality policy"))
    _out(p)
    p.set_defaults(handler=cmd_qms_paper, form_name="policy")
    p = fsub.add_parser("objectives", parents=[common], help=_("the quality objectives of a year and their plan"))
    p.add_argument("--year", type=int, default=None, metavar="YEAR", help=_("the year (default this year)"))
    _out(p)
    p.set_defaults(handler=cmd_qms_paper, form_name="objectives")
    p = fsub.add_parser("announcement", parents=[common], help=_("the decision announcing conformity (QĐ 19/2014)"))
    _out(p)
    p.set_defaults(handler=cmd_qms_paper, form_name="announcement")
    p = fsub.add_parser(
        "province-report",
        parents=[common],
        help=_("at the province: the yearly consolidated report on the units' quality systems (.pdf or .xlsx)"),
    )
    p.add_argument("--year", type=int, default=None, metavar="YEAR", help=_("the year (default this year)"))
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf|FILE.xlsx",
        help=_("a .pdf file to print, or a .xlsx workbook for Excel"),
    )
    add_json(p)
    p.set_defaults(handler=cmd_province_report)


def _write(args: argparse.Namespace, render: Callable[[Any], bytes]) -> Result:
    from isodesk.reports.official import page_count
    from isodesk.services.printing import check_output, write_pdf

    check_output(args.out)
    data = with_context(args, render)
    path = write_pdf(args.out, data)
    return Result({"out": str(path), "pages": page_count(data)}, _("Written {path}.").format(path=path))


def cmd_dossier_form(args: argparse.Namespace) -> Result:
    from isodesk.services.office.profile import update_profile
    from isodesk.services.printing import form_pdf

    contact = {
        key: value
        for key, value in (
            ("contact_name", getattr(args, "contact", None)),
            ("contact_phone", getattr(args, "contact_phone", None)),
        )
        if value is not None
    }

    def render(c: Any) -> bytes:
        if contact:
            update_profile(c, **contact)
        return form_pdf(c, args.form_name, args.dossier)

    return _write(args, render)


def cmd_period_report(args: argparse.Namespace) -> Result:
    from isodesk.services.printing import ledger_pdf, stats_pdf
    from isodesk.services.printing.ledger import check_period

    start, end = parse_date(args.start), parse_date(args.end)
    check_period(start, end)
    render = ledger_pdf if args.form_name == "ledger" else stats_pdf
    return _write(args, lambda c: render(c, start, end))


def cmd_procedure(args: argparse.Namespace) -> Result:
    from isodesk.services.printing import procedure_pdf

    issued = parse_date(args.issued) if args.issued else None
    return _write(
        args,
        lambda c: procedure_pdf(
            c, args.procedure, issue=args.issue, issued=issued, doc_code=args.doc_code, change=args.change
        ),
    )


def cmd_scope(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.papers import scope_version_pdf

    return _write(args, scope_version_pdf)


def cmd_qms_paper(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.papers import announcement_pdf, objectives_pdf, policy_pdf

    if args.form_name == "policy":
        return _write(args, policy_pdf)
    if args.form_name == "objectives":
        return _write(args, lambda c: objectives_pdf(c, args.year))
    return _write(args, announcement_pdf)


def cmd_province_report(args: argparse.Namespace) -> Result:
    from isodesk.services.province.report import check_report_path, write_report

    out = check_report_path(args.out)
    done = with_context(args, lambda c: write_report(c, out, args.year))
    return Result(done.to_dict(), _("Written {path}.").format(path=done.out))
