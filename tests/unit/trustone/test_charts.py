"""Inline SVG charts (trustone.charts): every chart is an accessible image with a title,
escapes every text it is given, is well-formed XML, and draws empty input and zero
values without dividing by zero."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils.safestring import SafeString

from trustone import charts

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"
TITLE = 'Levels & "moves" <b>'


def bar(**kw) -> SafeString:
    return charts.bar_chart(
        [charts.Bar(HOSTILE, 3), charts.Bar("Level 2", Decimal("4.5"), " %")], **kw
    )


def column(**kw) -> SafeString:
    return charts.column_chart(
        ["2024", HOSTILE], [(HOSTILE, [1, 2]), ("Level 2", [Decimal(3), 0])], **kw
    )


def line(**kw) -> SafeString:
    return charts.line_chart(
        ["2024", HOSTILE, "2026"], [(HOSTILE, [1, None, 3]), ("Target", [2, 2, 2])], **kw
    )


def flow(**kw) -> SafeString:
    return charts.flow_chart(
        [(HOSTILE, "Level 2", 3), ("Level 1", "Level 2", 1)],
        sources=[HOSTILE, "Level 1"],
        targets=["Level 2"],
        source_title=HOSTILE,
        target_title="After",
        **kw,
    )


CHARTS: dict[str, Callable[..., SafeString]] = {
    "bar": bar,
    "column": column,
    "line": line,
    "flow": flow,
}

EMPTY: dict[str, Callable[[], SafeString]] = {
    "bar": lambda: charts.bar_chart([], title=TITLE),
    "column": lambda: charts.column_chart([], [], title=TITLE),
    "line": lambda: charts.line_chart([], [], title=TITLE),
    "flow": lambda: charts.flow_chart(
        [], sources=[], targets=[], source_title="", target_title="", title=TITLE
    ),
}

ZERO: dict[str, Callable[[], SafeString]] = {
    "bar": lambda: charts.bar_chart([charts.Bar("a", 0), charts.Bar("b", 0)], title=TITLE),
    "column": lambda: charts.column_chart(
        ["2025", "2026"], [("Level 1", [0, 0]), ("Level 2", [0, 0])], title=TITLE
    ),
    "column side by side": lambda: charts.column_chart(
        ["2025"], [("Level 1", [0]), ("Level 2", [0])], title=TITLE, stacked=False
    ),
    "line": lambda: charts.line_chart(["2025"], [("Score", [0])], title=TITLE),
    "line of nothing": lambda: charts.line_chart(
        ["2025", "2026"], [("Score", [None, None])], title=TITLE
    ),
    "flow": lambda: charts.flow_chart(
        [("new", "Level 1", 0)],
        sources=["new"],
        targets=["Level 1"],
        source_title="Before",
        target_title="After",
        title=TITLE,
    ),
}


def _well_formed(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 (our own markup)
    assert root.tag == f"{SVG}svg"
    return root


def _accessible(svg: str) -> None:
    assert isinstance(svg, SafeString)
    assert svg.startswith("<svg")
    root = _well_formed(svg)
    assert root.get("role") == "img"
    assert root.get("class") == "chart"
    assert root.get("aria-label") == TITLE
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == TITLE
    # No number that a division by zero or a missing value would leave behind.
    assert not re.search(r"\b(nan|inf)\b", svg, re.IGNORECASE)
    for value in re.findall(r'\s(?:x|y|x1|x2|y1|y2|width|height|cx|cy)="([^"]+)"', svg):
        assert math.isfinite(float(value)), value


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_is_an_image_with_a_title(name) -> None:
    _accessible(CHARTS[name](title=TITLE))


@pytest.mark.parametrize("name", CHARTS)
def test_every_text_is_escaped(name) -> None:
    svg = CHARTS[name](title=HOSTILE)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = _well_formed(svg)
    assert root.get("aria-label") == HOSTILE
    assert root.find(f"{SVG}title").text == HOSTILE
    texts = [element.text or "" for element in root.iter(f"{SVG}text")]
    assert any(text.startswith("<script>") for text in texts), texts


@pytest.mark.parametrize("name", EMPTY)
def test_empty_input_draws_an_empty_chart(name) -> None:
    svg = EMPTY[name]()
    _accessible(svg)
    assert "<rect" not in svg and "<path" not in svg


@pytest.mark.parametrize("name", ZERO)
def test_zero_values_do_not_divide_by_zero(name) -> None:
    _accessible(ZERO[name]())


def test_a_bar_is_as_long_as_its_value_and_zero_draws_no_bar() -> None:
    svg = charts.bar_chart([charts.Bar("a", 10), charts.Bar("b", 5), charts.Bar("c", 0)], title="t")
    widths = [float(rect.get("width")) for rect in _well_formed(svg).iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(2 * widths[1])
    assert widths[2] == 0
    assert "4.5 %" in bar(title="t")  # the value with its note


def test_a_flow_shows_its_numbers_in_the_band_titles() -> None:
    svg = charts.flow_chart(
        [("new", "Level 1", 2), ("Level 1", "Level 2", 3)],
        sources=["new", "Level 1"],
        targets=["Level 1", "Level 2"],
        source_title="Before",
        target_title="After",
        title="Moves",
    )
    bands = [title.text for path in _well_formed(svg).iter(f"{SVG}path") for title in path]
    assert bands == ["new → Level 1: 2", "Level 1 → Level 2: 3"]
