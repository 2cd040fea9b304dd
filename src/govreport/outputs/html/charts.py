"""Inline SVG bar charts, drawn by our own code: no JavaScript, no external files.

Pure functions from :class:`~govreport.outputs.html.summary.Chart` to markup.
Every piece of text goes through ``Markup.format``, which escapes it, and every
coordinate is printed with one fixed decimal, so the same chart is the same bytes.

Layout: each bar has its label on a line of its own above it.  Labels then
never compete with bars for width, which keeps the chart readable when the
SVG shrinks to a phone's width.
"""

from __future__ import annotations

from markupsafe import Markup

from govreport.outputs.html.summary import Chart

WIDTH = 340
PAD = 4
FONT = 13
LABEL_H = 18  # label line, baseline at +13
BAR_H = 14
BAR_GAP = 3
ITEM_GAP = 10
VALUE_ROOM = 72  # space right of the longest bar for its number
LEGEND_H = 24

THIS_YEAR = "#1c5d99"
LAST_YEAR = "#8a8a8a"
INK = "#1f1f1f"


def _n(x: float) -> str:
    """Coordinates with fixed precision: deterministic across platforms."""
    return f"{x:.1f}"


def _value_text(value: int, unit: str) -> str:
    return f"{value}{unit}"


def _bar(x: float, y: float, length: float, *, fill: str, value: int, unit: str) -> Markup:
    parts = []
    if length > 0:
        parts.append(
            Markup('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>').format(
                _n(x), _n(y), _n(length), _n(BAR_H), fill
            )
        )
    parts.append(
        Markup('<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>').format(
            _n(x + length + 4), _n(y + BAR_H - 2), FONT - 1, INK, _value_text(value, unit)
        )
    )
    return Markup("").join(parts)


def svg(chart: Chart, id_prefix: str) -> Markup:
    """The chart as an ``<svg role="img">`` with ``<title>`` and ``<desc>``."""
    two = bool(chart.series)
    bars_per_item = 2 if two else 1
    item_h = LABEL_H + bars_per_item * BAR_H + (bars_per_item - 1) * BAR_GAP + ITEM_GAP
    top = LEGEND_H if two else 0
    height = top + item_h * len(chart.bars) + PAD
    values = [b.value for b in chart.bars] + [b.previous or 0 for b in chart.bars]
    peak = max(values, default=0)
    span = WIDTH - 2 * PAD - VALUE_ROOM

    def length(v: int) -> float:
        return span * v / peak if peak > 0 else 0.0

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    body: list[Markup] = [
        Markup('<title id="{}">{}</title>').format(title_id, chart.title),
        Markup('<desc id="{}">{}</desc>').format(desc_id, chart.description),
    ]
    if two:
        x = float(PAD)
        for name, fill in zip(chart.series, (LAST_YEAR, THIS_YEAR), strict=True):
            body.append(
                Markup(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                    '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>'
                ).format(_n(x), _n(5), _n(12), _n(12), fill, _n(x + 16), _n(15), FONT, INK, name)
            )
            x += 16 + FONT * len(name) * 0.75 + 16
    for i, bar in enumerate(chart.bars):
        y = top + i * item_h
        body.append(
            Markup('<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>').format(
                _n(PAD), _n(y + 13), FONT, INK, bar.label
            )
        )
        y += LABEL_H
        if two:
            previous = bar.previous or 0
            body.append(
                _bar(PAD, y, length(previous), fill=LAST_YEAR, value=previous, unit=chart.unit)
            )
            y += BAR_H + BAR_GAP
        body.append(
            _bar(PAD, y, length(bar.value), fill=THIS_YEAR, value=bar.value, unit=chart.unit)
        )
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="gr-chart-svg" viewBox="0 0 {w} {h}"'
        ' width="{w}" height="{h}" role="img" aria-labelledby="{t}" aria-describedby="{d}">'
        "{body}</svg>"
    ).format(w=WIDTH, h=_n(height), t=title_id, d=desc_id, body=Markup("").join(body))
