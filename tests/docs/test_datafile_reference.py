"""The checked-in data-file reference is exactly what the generator writes.

The page lists every model field with its official label; it is generated
from govreport.spec and the model, so a label is never retyped by hand.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from govreport import spec
from govreport.model import AnnualReport, data_fields

REPO = Path(__file__).resolve().parents[2]


def _generator():
    path = REPO / "scripts" / "datafile_reference.py"
    loaded = importlib.util.spec_from_file_location("datafile_reference", path)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules["datafile_reference"] = module
    loaded.loader.exec_module(module)
    return module


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
