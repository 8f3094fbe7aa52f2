"""A budget's lines and entries as a CSV file that is safe to open in a spreadsheet."""
import csv
import io

from flask_babel import gettext as _
from werkzeug.utils import secure_filename

from dialogues.participants.exports import BOM, safe_cell


def budget_csv(summary, entries) -> str:
    """One row per line (planned, committed, actual, remaining), then one row per entry with its rate."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    currency = summary.budget.currency
    writer.writerow([_("Heading"), _("Line"), _("Category"), _("Planned"), _("Committed"), _("Actual"),
                     _("Remaining"), _("Currency")])
    for heading in summary.headings:
        for row in heading.lines:
            f = row.figures
            writer.writerow([safe_cell(heading.name), safe_cell(row.line.name), row.line.category.value,
                             f.planned, f.committed, f.actual, f.remaining, currency])
    t = summary.total
    writer.writerow([_("Total"), "", "", t.planned, t.committed, t.actual, t.remaining, currency])
    writer.writerow([])
    writer.writerow([_("Line"), _("Kind"), _("Value date"), _("Amount"), _("Currency"), _("Reported amount"),
                     _("Reporting currency"), _("Rate used"), _("Payee or purpose"), _("Reference")])
    for entry in entries:
        writer.writerow([safe_cell(entry.line.name), entry.kind.value, entry.value_date.isoformat(), entry.amount,
                         entry.currency, entry.reported_amount, entry.reported_currency, safe_cell(entry.rate_note),
                         safe_cell(entry.payee), safe_cell(entry.reference)])
    return out.getvalue()


def csv_filename(budget) -> str:
    return secure_filename(f"budget-{budget.id}.csv")
