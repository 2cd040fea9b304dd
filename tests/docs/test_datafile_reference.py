"""The checked-in data-file reference is exactly what the generator writes.

The page lists every model field with its official label; it is generated
from govreport.spec and the model, so a label is never retyped by hand.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from govreport import spec
from govreport.model import AnnualReport, data_fields

from .scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    return load_script("datafile_reference")


def test_page_is_current() -> None:
    gen = _generator()
    assert gen.PAGE.read_text(encoding="utf-8") == gen.render(), (
        "docs/reference/data-file.md is stale: run python scripts/datafile_reference.py"
    )


def test_every_labelled_field_is_listed_with_its_label() -> None:
    rows = {path: label for path, label, _, _ in _generator().rows()}
    labels = spec.field_labels()
    assert set(labels) <= set(rows)
    for path, chain in labels.items():
        assert rows[path] == "/".join(chain)
    assert {a.name for a in data_fields(AnnualReport)} <= set(rows)
