"""The skeleton is complete, labelled from the spec, and loads back clean."""

from __future__ import annotations

import pytest

from govreport import spec
from govreport.io import load_report, skeleton
from govreport.io.formats import FlowMapping
from govreport.io.unstructure import report_data
from govreport.model import AdminLevel, Agency
from govreport.testing import zero_report


@pytest.mark.parametrize("level", [m.value for m in AdminLevel])
def test_skeleton_loads_back_without_problems(tmp_path, level):
    path = tmp_path / "new.yaml"
    path.write_text(skeleton(year=2024, agency="某某镇人民政府", level=level), encoding="utf-8")
    loaded = load_report(path)
    assert loaded.problems == ()
    assert loaded.stated == {}
    assert loaded.report == zero_report(
        agency=Agency(name="某某镇人民政府", level=AdminLevel(level))
    )


def _keys(data, prefix=""):
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        yield path
        if isinstance(value, dict) and not isinstance(value, FlowMapping):  # rows: list form
            yield from _keys(value, path)


def test_skeleton_mentions_every_field_and_its_label():
    text = skeleton(year=2024, agency="某某镇人民政府")
    for path in _keys(report_data(zero_report())):
        assert f"{path.rpartition('.')[2]}:" in text
    for chain in spec.field_labels().values():
        if chain[-1] != "总计":  # computed column: only named in the header comment
            assert chain[-1] in text, chain


def test_skeleton_explains_placeholders_and_list_form():
    text = skeleton(year=2024, agency="某某镇人民政府")
    assert "{{ applications.received.total }}" in text
    assert "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他" in text


def test_skeleton_refuses_unknown_level():
    with pytest.raises(ValueError):
        skeleton(year=2024, agency="x", level="village")
