"""The official format (国办公开办函〔2021〕30号) as data, defined exactly once.

Every renderer, validator and importer reads labels and geometry from here.
"""

from __future__ import annotations

import functools

from govreport.spec import applications, fields, proactive, review
from govreport.spec.grid import CellRole, CellSpec, TableSpec
from govreport.spec.headings import OVERVIEW_PARTS, SECTIONS

__all__ = [
    "OVERVIEW_PARTS",
    "SECTIONS",
    "CellRole",
    "CellSpec",
    "TableSpec",
    "field_labels",
    "label_for",
    "tables",
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
