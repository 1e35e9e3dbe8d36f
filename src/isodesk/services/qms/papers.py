"""The QMS papers the head signs, through the report renderers (:mod:`isodesk.reports.qms`): the approved quality
policy, the year's quality objectives with their plan, and the decision announcing conformity (QĐ 19/2014/QĐ-TTg,
Annex I sample) with the procedures of its scope as the annex. Their fixed wording is data
(``resources/forms/reports.json``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from isodesk.db.models import Procedure
from isodesk.domain.qms.objectives import Direction
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.reports.official import Signer
from isodesk.reports.papers import fill
from isodesk.reports.qms import (
    ConformityDecision,
    Objective,
    PlanTask,
    QualityObjectives,
    QualityPolicy,
    render_decision,
    render_objectives,
    render_policy,
)
from isodesk.services.context import AppContext
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import full_name, head_signer, leader_title, office_issuer
from isodesk.services.printing.reports_data import report_texts
from isodesk.services.qms.announcements import read_announcements
from isodesk.services.qms.objectives import read_objectives
from isodesk.services.qms.policy import read_approved_policy
from isodesk.services.qms.scope import read_scope_versions


def policy_pdf(ctx: AppContext, day: date | None = None) -> bytes:
    """The approved quality policy, signed by the head, dated the day it was approved."""
    template = report_texts()["policy"]
    profile = get_profile(ctx)
    with ctx.read() as s:
        policy = read_approved_policy(s)
    if policy is None:
        raise UserError(_("No quality policy is approved yet: a leader approves a draft first."))
    return render_policy(
        QualityPolicy(
            issuer=office_issuer(profile),
            day=day or policy.approved_on or local_today(),
            office=full_name(profile),
            statements=policy.statements,
            signer=Signer(head_signer(profile, template).title, profile.leader_name or policy.approved_by),
        )
    )


def scope_version_pdf(ctx: AppContext) -> bytes:
    """The scope paper with the exclusions of the scope's latest version (the model ones before any is saved)."""
    from isodesk.services.printing import scope_pdf

    with ctx.read() as s:
        versions = read_scope_versions(s)
    exclusions = [(e.clause, e.requirement, e.reason) for e in versions[-1].exclusions] if versions else None
    return scope_pdf(ctx, exclusions=exclusions)


def _number(value: float) -> str:
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",")


def objectives_pdf(ctx: AppContext, year: int | None = None, day: date | None = None) -> bytes:
    """The quality objectives of ``year`` (default: this year) and the plan to achieve them."""
    template = report_texts()["objectives"]
    profile = get_profile(ctx)
    today = day or local_today()
    year = year or today.year
    with ctx.read() as s:
        objectives = read_objectives(s, year, today)
    if not objectives:
        raise UserError(_("There is no quality objective for {year} yet.").format(year=year))
    rows, plan = [], []
    for i, o in enumerate(objectives, 1):
        unit = "%" if o.unit == "%" else (template["days"] if o.unit == "days" else (f" {o.unit}" if o.unit else ""))
        form = template["at_most"] if o.direction == Direction.AT_MOST.value else template["at_least"]
        owner = o.owner or template["owner"]
        rows.append(
            Objective(
                o.title,
                template["indicator"][o.measure],
                fill(form, {"target": _number(o.target), "unit": unit}),
                owner,
                short_date(date(year, 12, 31)),
            )
        )
        plan.append(
            PlanTask(
                i,
                o.plan or o.title,
                owner,
                template["plan_resources"],
                short_date(date(year, 12, 31)),
                o.evaluation or template["plan_evidence"],
            )
        )
    return render_objectives(
        QualityObjectives(
            issuer=office_issuer(profile),
            day=today,
            year=year,
            office=full_name(profile),
            objectives=rows,
            plan=plan,
            signer=head_signer(profile, template),
        )
    )


def announcement_pdf(ctx: AppContext) -> bytes:
    """The latest decision announcing conformity, with the procedures of the scope it announced as its annex."""
    template = report_texts()["announcement"]
    profile = get_profile(ctx)
    with ctx.read() as s:
        announcements = read_announcements(s)
        scopes = {v.version: v for v in read_scope_versions(s)}
        names = {code: name for code, name in s.execute(select(Procedure.code, Procedure.name))}
    if not announcements:
        raise UserError(_("The quality system is not announced yet: record the decision first (isodesk qms announce)."))
    latest = announcements[-1]
    scope = scopes.get(latest.scope_version or 0)
    codes = scope.procedures if scope else ()
    office = full_name(profile)
    title = leader_title(profile).upper()
    words = {"office": office, "leader_title": title, "unit": profile.unit_name.upper()}
    return render_decision(
        ConformityDecision(
            issuer=office_issuer(profile),
            number=latest.number,
            day=latest.announced_on,
            authority=fill(template["authority"], words),
            office=office,
            bases=list(template["bases"]),
            proposal=fill(template["proposal"], words),
            scope=[names.get(c, c) for c in codes],
            executors=fill(template["executors"], words),
            signer=Signer(fill(template["signer"], words), profile.leader_name),
            recipients=list(template["recipients"]),
        )
    )
