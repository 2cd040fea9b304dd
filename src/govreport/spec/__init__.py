"""The official format (国办公开办函〔2021〕30号) as data, defined exactly once.

Every renderer, validator and importer reads labels and geometry from here,
by key (``heading("applications").text``, ``applications.row("results.total")``,
``review.OUTCOMES.of("upheld").text``), never by position.  The package imports
nothing of govreport but itself: it is the bottom layer (see tests/test_layering.py).
"""

from __future__ import annotations

import functools

from govreport.spec import applications, fields, proactive, review, wording
from govreport.spec.grid import CellRole, CellSpec, TableSpec
from govreport.spec.headings import OVERVIEW_PARTS, SECTIONS, OfficialHeading, heading
from govreport.spec.labels import Label, Labels

__all__ = [
    "OVERVIEW_PARTS",
    "SECTIONS",
    "CellRole",
    "CellSpec",
    "Label",
    "Labels",
    "OfficialHeading",
    "TableSpec",
    "applications",
    "field_labels",
    "heading",
    "label_for",
    "location_of",
    "proactive",
    "review",
    "tables",
    "wording",
]


@functools.cache
def tables() -> dict[str, TableSpec]:
    """The three official tables, keyed by the section they belong to."""
    return {t.key: t for t in (proactive.build(), applications.build(), review.build())}


@functools.cache
def field_labels() -> dict[str, tuple[str, ...]]:
    """Model path → label chain for every field: table cells by their official labels."""
    return {**fields.labels(), **proactive.labels(), **applications.labels(), **review.labels()}


def label_for(path: str) -> str:
    """The official label of a model path, joined with ``/``; falls back to the path.

    ``label_for("applications.results.withheld.state_secret.natural_person")``
    → ``三、本年度办理结果/（三）不予公开/1.属于国家秘密/自然人``.
    """
    chain = field_labels().get(path)
    return "/".join(chain) if chain else path


def location_of(path: str) -> str:
    """Where a field is, in labels a civil servant knows; list items and extensions too.

    ``problems.problems[2]`` → ``五、存在的主要问题及改进情况/存在的主要问题/第3项``;
    ``extensions.suggestions.handled`` → ``扩展“suggestions”/handled``.  A path
    below a labelled one (a plugin's own field) keeps its English tail.
    """
    if not path:
        return ""
    if path.startswith("extensions."):
        _, name, *rest = path.split(".")
        return "/".join([f"扩展“{name}”", *rest])
    base, bracket, after = path.partition("[")
    if bracket:
        # A field of a list item (overview.parts[0].text) keeps its name after the item.
        index, _, tail = after.partition("]")
        item = f"{location_of(base)}/第{int(index) + 1}项"
        return f"{item}/{tail.lstrip('.')}" if tail.lstrip(".") else item
    labels = field_labels()
    if path in labels:
        return "/".join(labels[path])
    parent, _, last = path.rpartition(".")
    above = location_of(parent)
    return f"{above}/{last}" if above else ""
