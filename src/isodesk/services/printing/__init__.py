"""Printing: the one-stop-shop forms, the ledger, the statistics report and the QMS documents as PDF.

The GUI and the command line use these names:

- :func:`forms_for` — every dossier paper with whether it applies now (to enable print buttons); :func:`forms_of`
  the same for a dossier view already read;
- :func:`form_pdf` — one of the six dossier papers; :func:`receipts_pdf` — a batch of receipt slips in one PDF;
  :func:`received_on` — the codes received on a day, in ledger order;
- :func:`ledger_pdf`, :func:`stats_pdf` — the ledger and the statistics report of a period;
- :func:`procedure_pdf`, :func:`scope_pdf` — QMS documents from the procedure catalogue;
- :func:`write_pdf` — save a PDF whole or not at all.
"""

from isodesk.services.printing.dossier import (
    FormChoice,
    form_pdf,
    forms_for,
    forms_of,
    receipt_pdf,
    receipts_pdf,
    received_on,
)
from isodesk.services.printing.ledger import ledger_pdf
from isodesk.services.printing.output import check_output, write_pdf
from isodesk.services.printing.qms import procedure_pdf, scope_pdf
from isodesk.services.printing.stats import stats_pdf
from isodesk.services.printing.templates import form_set_on, form_sets

__all__ = [
    "FormChoice",
    "check_output",
    "form_pdf",
    "form_set_on",
    "form_sets",
    "forms_for",
    "forms_of",
    "ledger_pdf",
    "procedure_pdf",
    "receipt_pdf",
    "receipts_pdf",
    "received_on",
    "scope_pdf",
    "stats_pdf",
    "write_pdf",
]
