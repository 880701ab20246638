"""Charts as inline SVG, the same markup for the web pages and the PDFs (WeasyPrint
draws inline SVG): no script, printable, sharp at any size.

Each function takes plain values and returns safe SVG markup with a `<title>` and an
`aria-label`; the page shows the same figures as a table beside it (WCAG 1.1.1). Colours
are attributes, not CSS, so the PDF needs no stylesheet. Text is escaped here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

#: Levels 1–5 (and other ordered series) from light to dark: stone to deep green.
SERIES = ("#d9d4c7", "#b5c4a9", "#7f9c8f", "#3f7a64", "#1f5c4a", "#0f3b2f")
INK = "#1f2427"
MUTED = "#5b5f63"
GRID = "#d0d3d6"
ACCENT = "#1f5c4a"
TARGET = "#a4262c"
FONT = 'font-family="DejaVu Sans, Liberation Sans, sans-serif"'

Number = int | float | Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number
    note: str = ""  # shown after the value, e.g. "%"


def _n(value: Number) -> float:
    return float(value)


def _fmt(value: Number) -> str:
    number = _n(value)
    return f"{number:.0f}" if number == int(number) else f"{number:.1f}"


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    label = escape(title)
    return mark_safe(  # noqa: S308 (every text in `body` is escaped where it is made)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{label}" {FONT}'
        f' font-size="12"><title>{label}</title>{"".join(body)}</svg>'
    )


def bar_chart(
    bars: Sequence[Bar], *, title: str, width: int = 560, label_width: int = 220
) -> SafeString:
    """Horizontal bars, one per row, the value at the end of each."""
    row, gap = 22, 6
    height = max(1, len(bars)) * (row + gap) + gap
    top = max((_n(bar.value) for bar in bars), default=0) or 1
    room = width - label_width - 60
    body = []
    for index, bar in enumerate(bars):
        y = gap + index * (row + gap)
        length = max(1.0, room * _n(bar.value) / top) if _n(bar.value) else 0
        body.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">'
            f"{escape(_shorten(bar.label, label_width // 7))}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{row}"'
            f' fill="{ACCENT}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 15}" fill="{INK}">'
            f"{escape(_fmt(bar.value) + bar.note)}</text>"
        )
    return _svg(width, height, title, body)


def column_chart(
    columns: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    width: int = 560,
    height: int = 240,
    stacked: bool = True,
    unit: str = "",
) -> SafeString:
    """Columns per category (a year), each stacked from its series (the levels), with a
    legend under the chart."""
    left, bottom, top_pad = 40, 40, 10
    plot_h = height - bottom - top_pad - 20 * _legend_rows(series, width)
    plot_w = width - left - 10
    totals = [
        sum(_n(values[i]) for _, values in series)
        if stacked
        else max((_n(values[i]) for _, values in series), default=0)
        for i in range(len(columns))
    ]
    peak = _nice(max(totals, default=0))
    body = _y_axis(left, top_pad, plot_w, plot_h, peak, unit)
    slot = plot_w / max(1, len(columns))
    bar_w = min(60.0, slot * 0.6)
    for i, column in enumerate(columns):
        x = left + slot * i + (slot - bar_w) / 2
        base: float = top_pad + plot_h
        for s, (_name, values) in enumerate(series):
            value = _n(values[i])
            h = plot_h * value / peak if peak else 0.0
            y: float
            if stacked:
                base -= h
                y, w, xx = base, bar_w, x
            else:
                w = bar_w / len(series)
                xx, y = x + s * w, top_pad + plot_h - h
            if h > 0:
                body.append(
                    f'<rect x="{xx:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"'
                    f' fill="{SERIES[s % len(SERIES)]}" stroke="#fff" stroke-width="0.5"/>'
                )
        body.append(
            f'<text x="{left + slot * i + slot / 2:.1f}" y="{top_pad + plot_h + 16}"'
            f' text-anchor="middle" fill="{INK}">{escape(column)}</text>'
        )
    body += _legend([name for name, _ in series], top_pad + plot_h + 26, width)
    return _svg(width, height, title, body)


def line_chart(
    columns: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    *,
    title: str,
    width: int = 560,
    height: int = 240,
    unit: str = "",
    peak: Number | None = None,
) -> SafeString:
    """Lines over categories (years); a missing value (None) breaks the line."""
    left, bottom, top_pad = 40, 40, 10
    plot_h = height - bottom - top_pad - 20 * _legend_rows(series, width)
    plot_w = width - left - 20
    values = [_n(v) for _, vs in series for v in vs if v is not None]
    top = _nice(_n(peak) if peak is not None else max(values, default=0))
    body = _y_axis(left, top_pad, plot_w, plot_h, top, unit)
    step = plot_w / max(1, len(columns) - 1) if len(columns) > 1 else 0
    for i, column in enumerate(columns):
        x = left + (step * i if len(columns) > 1 else plot_w / 2)
        body.append(
            f'<text x="{x:.1f}" y="{top_pad + plot_h + 16}" text-anchor="middle"'
            f' fill="{INK}">{escape(column)}</text>'
        )
    colours = (ACCENT, "#b0772a", "#4a6fa5", TARGET, MUTED)
    for s, (_name, vs) in enumerate(series):
        colour = colours[s % len(colours)]
        points = []
        for i, v in enumerate(vs):
            if v is None:
                continue
            x = left + (step * i if len(columns) > 1 else plot_w / 2)
            y = top_pad + plot_h - (plot_h * _n(v) / top if top else 0)
            points.append((x, y))
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
    body += _legend([name for name, _ in series], top_pad + plot_h + 26, width, colours)
    return _svg(width, height, title, body)


def flow_chart(
    flows: Sequence[tuple[str, str, Number]],
    *,
    sources: Sequence[str],
    targets: Sequence[str],
    source_title: str,
    target_title: str,
    title: str,
    width: int = 560,
    height: int = 300,
) -> SafeString:
    """How many moved from each source (a level last year) to each target (a level this
    year): two columns of nodes, bands as wide as the number that moved."""
    top_pad, node_w, gap = 28, 14, 8
    left_x, right_x = 120, width - 120 - node_w
    total = sum(_n(n) for _, _, n in flows) or 1
    usable = height - top_pad - 10 - gap * max(len(sources), len(targets))
    scale = usable / total

    def stack(names: Sequence[str], key: int) -> dict[str, tuple[float, float]]:
        placed, y = {}, float(top_pad)
        for name in names:
            size = sum(_n(flow[2]) for flow in flows if flow[key] == name) * scale
            placed[name] = (y, size)
            y += size + gap
        return placed

    left_nodes, right_nodes = stack(sources, 0), stack(targets, 1)
    colour = {name: SERIES[(i + 1) % len(SERIES)] for i, name in enumerate(sources)}
    body = [
        f'<text x="{left_x + node_w / 2}" y="16" text-anchor="middle" fill="{MUTED}">'
        f"{escape(source_title)}</text>",
        f'<text x="{right_x + node_w / 2}" y="16" text-anchor="middle" fill="{MUTED}">'
        f"{escape(target_title)}</text>",
    ]
    out_y = {name: y for name, (y, _size) in left_nodes.items()}
    in_y = {name: y for name, (y, _size) in right_nodes.items()}
    for source, target, number in sorted(
        flows, key=lambda f: (list(sources).index(f[0]), list(targets).index(f[1]))
    ):
        h = _n(number) * scale
        if h <= 0:
            continue
        y0, y1 = out_y[source], in_y[target]
        out_y[source] += h
        in_y[target] += h
        x0, x1 = left_x + node_w, right_x
        mid = (x0 + x1) / 2
        body.append(
            f'<path d="M{x0},{y0:.1f} C{mid},{y0:.1f} {mid},{y1:.1f} {x1},{y1:.1f}'
            f' L{x1},{y1 + h:.1f} C{mid},{y1 + h:.1f} {mid},{y0 + h:.1f} {x0},{y0 + h:.1f} Z"'
            f' fill="{colour[source]}" fill-opacity="0.6" stroke="none">'
            f"<title>{escape(f'{source} → {target}: {_fmt(number)}')}</title></path>"
        )
    for nodes, x, anchor, dx in (
        (left_nodes, left_x, "end", -6),
        (right_nodes, right_x, "start", node_w + 6),
    ):
        for name, (y, size) in nodes.items():
            if size <= 0:
                continue
            body.append(
                f'<rect x="{x}" y="{y:.1f}" width="{node_w}" height="{size:.1f}" fill="{INK}"/>'
                f'<text x="{x + dx}" y="{y + size / 2 + 4:.1f}" text-anchor="{anchor}"'
                f' fill="{INK}">{escape(name)}</text>'
            )
    return _svg(width, height, title, body)


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _nice(value: float) -> float:
    """A round top for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    power = 1.0
    while power * 10 <= value:
        power *= 10
    while power > value:
        power /= 10
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


def _y_axis(left: int, top: int, width: float, height: float, peak: float, unit: str) -> list[str]:
    lines = []
    for i in range(5):
        value = peak * i / 4
        y = top + height - height * i / 4
        lines.append(
            f'<line x1="{left}" x2="{left + width:.1f}" y1="{y:.1f}" y2="{y:.1f}"'
            f' stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}"'
            f' font-size="10">{escape(_fmt(value) + unit)}</text>'
        )
    return lines


def _legend_rows(series: Sequence[tuple[str, object]], width: int) -> int:
    per_row = max(1, (width - 40) // 120)
    return (len(series) + per_row - 1) // per_row if len(series) > 1 else 0


def _legend(
    names: Sequence[str], y: float, width: int, colours: Sequence[str] = SERIES
) -> list[str]:
    if len(names) < 2:
        return []
    per_row = max(1, (width - 40) // 120)
    items = []
    for i, name in enumerate(names):
        x = 40 + (i % per_row) * 120
        yy = y + (i // per_row) * 20
        items.append(
            f'<rect x="{x}" y="{yy:.1f}" width="12" height="12" fill="{colours[i % len(colours)]}"'
            f' stroke="{MUTED}" stroke-width="0.5"/>'
            f'<text x="{x + 16}" y="{yy + 10:.1f}" fill="{INK}">{escape(_shorten(name, 16))}</text>'
        )
    return items
