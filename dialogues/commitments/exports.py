"""CSV of commitments, with cells that spreadsheets cannot mistake for formulas."""
import csv
import io

HEADER = ["id", "title", "owner", "organisation", "event", "programme", "kind", "level", "visibility",
          "review", "due on", "status", "share done", "overdue", "inactive", "last update"]


def safe(value) -> str:
    """The cell as text, with a leading ' when it would start a formula (= + - @, tab, return)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def commitments_csv(rows) -> str:
    """One line per commitment row (see services.Row), header first."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows:
        c = row.commitment
        organisation = c.organisation.name if c.organisation else ""
        writer.writerow([safe(v) for v in (
            c.id, c.title, c.owner.name, organisation, c.event.title if c.event else "",
            c.programme.title if c.programme else "", c.kind.label, c.level.label, c.visibility.label,
            c.review_status.label, c.due_on.isoformat(), row.status.label, row.share_done,
            "yes" if row.overdue else "no", "yes" if row.inactive else "no",
            row.latest.reported_on.isoformat() if row.latest else "")])
    return out.getvalue()
