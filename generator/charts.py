"""Timelines drawn at build time as inline SVG bar charts: no script, no request, the palette's colours.

A chart never stands alone: the pages keep the same figures as a table, for screen readers and search.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 640, 150
TOP, BOTTOM, LEFT = 14, 24, 4  # room for the largest value above, the period labels below


def bars(series: Sequence[tuple[str, int]], label: str, unit: str = "mentions") -> str:
    """A bar for each (period, value), oldest first; the first, the last and the highest period named."""
    if not series:
        return ""
    most = max(value for _, value in series) or 1
    step = (WIDTH - LEFT * 2) / len(series)
    gap = min(2.0, step / 4)
    plot = HEIGHT - TOP - BOTTOM
    parts = []
    peak = max(range(len(series)), key=lambda i: (series[i][1], i))
    for i, (period, value) in enumerate(series):
        height = plot * value / most
        x = LEFT + i * step
        parts.append(f'<rect class="chart-bar" x="{x + gap / 2:.1f}" y="{TOP + plot - height:.1f}" '
                     f'width="{max(step - gap, 0.5):.1f}" height="{height:.1f}">'
                     f"<title>{escape(period)}: {value} {escape(unit)}</title></rect>")
    named = sorted({0, len(series) - 1, peak})
    for i in named:
        period, value = series[i]
        x = LEFT + (i + 0.5) * step
        anchor = "start" if i == 0 and len(series) > 1 else "end" if i == len(series) - 1 and i else "middle"
        parts.append(f'<text class="chart-label" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}">'
                     f"{escape(period)}</text>")
    x = LEFT + (peak + 0.5) * step
    parts.append(f'<text class="chart-value" x="{x:.1f}" y="{TOP - 3}" text-anchor="middle">{most}</text>')
    return (f'<svg class="briefing-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{escape(label, quote=True)}" xmlns="http://www.w3.org/2000/svg">'
            + "".join(parts) + "</svg>")


def months_between(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last``, so that a quiet month shows as a gap, not as nothing."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
