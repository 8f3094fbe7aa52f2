"""A chart per indicator for the programme dashboard: inline SVG bars per country, with the year's target."""
from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD, LEFT = 320, 150, 22, 30


def indicator_svg(figures, groups) -> Markup:
    """Bars of each country's approved value, and a dashed line at the target; light enough for a phone."""
    bars = [(g.country_name, figures.by_group.get(g.programme_id)) for g in groups]
    values = [v for _, v in bars if v is not None]
    top = max([*values, figures.target or 0, 1])
    step = (WIDTH - LEFT - PAD) / max(len(bars), 1)
    bar = max(step * 0.6, 2)
    base = HEIGHT - PAD
    label = escape(figures.indicator.name)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" stroke="#666"/>']
    for index, (country, value) in enumerate(bars):
        x = LEFT + index * step + (step - bar) / 2
        height = (base - PAD) * float(value or 0) / float(top)
        shown = f"{value.normalize():f}" if value is not None else "–"
        parts.append(f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                     f'fill="#2a7d4f"><title>{escape(country)}: {shown}</title></rect>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 8}" font-size="8" text-anchor="middle">'
                     f'{escape(country)}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{base - height - 2:.1f}" font-size="8" '
                     f'text-anchor="middle">{shown}</text>')
    if figures.target is not None:
        y = base - (base - PAD) * float(figures.target) / float(top)
        parts.append(f'<line class="target" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - PAD}" y2="{y:.1f}" '
                     f'stroke="#b03a2e" stroke-dasharray="4 3"><title>Target: '
                     f'{figures.target.normalize():f}</title></line>')
    parts.append("</svg>")
    return Markup("".join(parts))
