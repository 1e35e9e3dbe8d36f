"""The demo office whole: the desk's staff and ledger (:mod:`isodesk.services.office.demo`) and, on top of them, a
quality management system half-way through its first year (:mod:`isodesk.services.demo.quality`).

A feature package of its own because it uses every other one (office, QMS, audits); none uses it back.
"""
