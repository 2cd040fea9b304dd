"""The default template: reproducible, small, and carrying every named style."""

from __future__ import annotations

import importlib.util
import io

import docx

from govreport.outputs.docx.settings import REQUIRED_STYLES
from govreport.outputs.docx.template import DEFAULT_TEMPLATE
from govreport.outputs.docx.templates import check_template

from ._docx import ROOT, parts


def _builder():
    path = ROOT / "templates" / "build_default_template.py"
    spec = importlib.util.spec_from_file_location("build_default_template", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_template_equals_a_fresh_build():
    fresh = _builder().build()
    assert fresh == _builder().build()  # reproducible
    assert DEFAULT_TEMPLATE.read_bytes() == fresh, "run python templates/build_default_template.py"
    assert (ROOT / "templates" / "default.docx").read_bytes() == fresh


def test_template_is_small_and_opens_in_python_docx():
    data = DEFAULT_TEMPLATE.read_bytes()
    assert len(data) < 20_000
    d = docx.Document(io.BytesIO(data))
    style_ids = {s.style_id for s in d.styles}
    assert set(REQUIRED_STYLES) <= style_ids
    section = d.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_default_template_passes_check():
    assert check_template(DEFAULT_TEMPLATE) == []


def test_template_zip_has_fixed_timestamps():
    import zipfile

    with zipfile.ZipFile(DEFAULT_TEMPLATE) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "word/styles.xml" in parts(DEFAULT_TEMPLATE.read_bytes())
