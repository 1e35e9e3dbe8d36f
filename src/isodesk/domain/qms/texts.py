"""How long the quality system's texts may be (what people type into its records)."""

from __future__ import annotations

from isodesk.domain.validation import N_, TextField

OBJECTIVE_TITLE = TextField(N_("The objective"), 500, required=True)
POLICY_TEXT = TextField(N_("The policy's text"), 8000, required=True)
COURSE = TextField(N_("The course"), 300, required=True)
CERTIFICATE = TextField(N_("The certificate number"), 100)
DUTY = TextField(N_("The duty"), 200)
DECISION_NUMBER = TextField(N_("The decision's number"), 50, required=True)
REFERENCE = TextField(N_("The reference"), 100)
NOTE = TextField(N_("The note"), 1000)
PLAN = TextField(N_("The plan"), 2000)
OWNER = TextField(N_("Who is responsible"), 200)
EVALUATION = TextField(N_("How it is evaluated"), 500)
UNIT = TextField(N_("The unit"), 30)
LEGAL_TEXT = TextField(N_("The legal basis"), 1000, required=True)
TASK = TextField(N_("The task"), 1000, required=True)
RISK = TextField(N_("The description"), 1000, required=True)
PROBLEM = TextField(N_("The problem"), 1000, required=True)
REASON = TextField(N_("The reason"), 1000, required=True)
CLAUSE = TextField(N_("The clause"), 20, required=True)
REQUIREMENT = TextField(N_("The requirement"), 300, required=True)
