"""Internal audits, findings and corrective actions, audit reports and the management review (ISO 9001:2015 9.2,
9.3, 10.2; ISO 19011:2018). Works on the office's staff, departments, procedures and ledger."""
