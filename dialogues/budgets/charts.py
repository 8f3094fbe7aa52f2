"""Planned against actual by use-of-funds heading, as inline SVG: light enough for a phone."""
from flask_babel import gettext as _
from markupsafe import Markup, escape

WIDTH, ROW, LEFT, PAD = 360, 26, 130, 10


def planned_actual_svg(summary) -> Markup:
    """Two bars per heading: planned (light) and actual (dark, red when over plan)."""
    rows = summary.headings
    top = max([*(float(h.figures.planned) for h in rows), *(float(h.figures.actual) for h in rows), 1.0])
    span = WIDTH - LEFT - PAD
    height = ROW * max(len(rows), 1) + 20
    label = escape(_("Planned against actual by heading"))
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{label}" '
             'xmlns="http://www.w3.org/2000/svg">']
    for index, row in enumerate(rows):
        y = 4 + index * ROW
        name = escape(row.name)
        planned, actual = float(row.figures.planned), float(row.figures.actual)
        colour = "#b03a2e" if row.figures.actual > row.figures.planned else "#2a7d4f"
        parts.append(f'<text x="{LEFT - 4}" y="{y + 14}" font-size="9" text-anchor="end">{name[:28]}</text>')
        parts.append(f'<rect x="{LEFT}" y="{y}" width="{span * planned / top:.1f}" height="9" fill="#a9cbb7">'
                     f'<title>{name}: {escape(_("planned"))} {row.figures.planned:,.2f}</title></rect>')
        parts.append(f'<rect x="{LEFT}" y="{y + 10}" width="{span * actual / top:.1f}" height="9" '
                     f'fill="{colour}"><title>{name}: {escape(_("actual"))} {row.figures.actual:,.2f}</title></rect>')
    legend_y = height - 6
    parts.append(f'<rect x="{LEFT}" y="{legend_y - 8}" width="10" height="8" fill="#a9cbb7"/>'
                 f'<text x="{LEFT + 14}" y="{legend_y}" font-size="9">{escape(_("Planned"))}</text>'
                 f'<rect x="{LEFT + 80}" y="{legend_y - 8}" width="10" height="8" fill="#2a7d4f"/>'
                 f'<text x="{LEFT + 94}" y="{legend_y}" font-size="9">{escape(_("Actual"))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
