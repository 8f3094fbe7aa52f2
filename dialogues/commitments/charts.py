"""A small chart drawn on the server as inline SVG: light for phones, no script."""
from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 320, 160, 24


def progress_svg(timeline: list[tuple[str, dict, int]]) -> Markup:
    """Mean share done per quarter, as bars with the percentage above each; empty when no data."""
    if not timeline:
        return Markup("")
    step = (WIDTH - 2 * PAD) / len(timeline)
    bar = max(step * 0.7, 2)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="Mean share done per quarter" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#666"/>']
    for index, (label, _counts, share) in enumerate(timeline):
        height = (HEIGHT - 2 * PAD) * share / 100
        x = PAD + index * step + (step - bar) / 2
        y = HEIGHT - PAD - height
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="#2a7d4f">'
                     f'<title>{escape(label)}: {share} %</title></rect>')
        if len(timeline) <= 12 or index % 2 == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 8}" font-size="8" text-anchor="middle">'
                         f'{escape(label)}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 2:.1f}" font-size="8" text-anchor="middle">{share}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
