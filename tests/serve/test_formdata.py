"""Form fields ↔ data file: the loader reads a form exactly as it reads a YAML file."""

from __future__ import annotations

import importlib
from pathlib import Path

import attrs
import pytest

from govreport import Engine, hookimpl
from govreport.io.formats import read_mapping
from govreport.plugins.contributions import Extension
from govreport.serve.formdata import to_data, to_fields

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@attrs.frozen(kw_only=True)
class Inspections:
    planned: int = attrs.field(default=0, metadata={"label": "计划检查次数"})
    lead: str = attrs.field(default="", metadata={"label": "牵头科室"})


class _Plugin:
    @hookimpl
    def govreport_register_extensions(self, register):  # type: ignore[no-untyped-def]
        register(Extension("inspections", Inspections, "政务公开检查"))


def _engine() -> Engine:
    engine = Engine(autoload=False)
    engine.add_plugin(_Plugin(), name="inspections-plugin")
    return engine


def _round_trip(engine: Engine, path: Path) -> None:
    raw = read_mapping(path)
    classes = engine.extension_classes()
    fields = to_fields(raw, extensions=classes)
    assert all(isinstance(v, str) for v in fields.values())
    again = to_data(fields, extensions=classes)
    from_file, from_form = engine.parse_report(raw), engine.parse_report(again)
    assert from_form.report == from_file.report
    assert from_form.problems == from_file.problems
    # The stated totals (evidence for R1, R2, R4) survive too.
    assert from_form.report.stated_totals == from_file.report.stated_totals


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_example_round_trips(path: Path) -> None:
    _round_trip(Engine(autoload=False), path)


def test_the_plugin_example_round_trips(monkeypatch: pytest.MonkeyPatch) -> None:
    # The example plugin from this repository, importable without installing it.
    monkeypatch.syspath_prepend(str(EXAMPLES.parent / "plugins" / "govreport-suggestions" / "src"))
    plugin = importlib.import_module("govreport_suggestions.plugin")
    engine = Engine(autoload=False)
    engine.add_plugin(importlib.import_module(plugin.__name__), name="suggestions")
    (path,) = sorted((EXAMPLES / "plugins").glob("*.yaml"))
    fields = to_fields(read_mapping(path), extensions=engine.extension_classes())
    assert fields["extensions.suggestions.deputy_suggestions_handled"]
    _round_trip(engine, path)


def test_rows_become_one_field_per_column() -> None:
    fields = to_fields(read_mapping(EXAMPLES / "pingtan-2025.yaml"))
    assert fields["applications.received.natural_person"] == "151"
    assert fields["applications.received.total"] == "154"
    assert fields["applications.results.withheld.internal_affairs.natural_person"] == "3"
    assert fields["proactive.fees"] == "4166.241619"
    assert fields["published"] == "2026-03-10"
    assert fields["problems.improvements.2"].startswith("优化平台互动模块设计")


def _base() -> dict[str, str]:
    return {"agency.name": "某某镇人民政府", "agency.level": "township", "year": "2024"}


def test_a_count_typed_as_text_reads_as_the_number() -> None:
    fields = {**_base(), "proactive.rules.issued": " 12 ", "proactive.fees": "1.50"}
    data = to_data(fields)
    assert data["proactive"]["rules"]["issued"] == 12
    result = Engine(autoload=False).parse_report(data)
    assert result.problems == ()
    assert result.report.proactive.rules.issued == 12
    assert str(result.report.proactive.fees) == "1.50"


def test_abc_in_a_count_gives_the_same_finding_as_a_yaml_file(tmp_path: Path) -> None:
    engine = Engine(autoload=False)
    path = tmp_path / "report.yaml"
    path.write_text(
        "agency: {name: 某某镇人民政府, level: township}\nyear: 2024\n"
        "applications:\n  received: {natural_person: abc}\nproactive: {fees: 一万}\n",
        encoding="utf-8",
    )
    from_file = engine.load_report(path).problems
    fields = {**_base(), "applications.received.natural_person": "abc", "proactive.fees": "一万"}
    from_form = engine.parse_report(to_data(fields)).problems
    assert [f.code for f in from_file] == ["D2", "D2"]
    assert [(f.code, f.path, f.message, f.location) for f in from_form] == [
        (f.code, f.path, f.message, f.location) for f in from_file
    ]


def test_text_fields_stay_text() -> None:
    fields = {**_base(), "agency.contact.postcode": "310024", "other.text": "true"}
    data = to_data(fields)
    assert data["agency"]["contact"]["postcode"] == "310024"
    assert data["other"]["text"] == "true"
    assert Engine(autoload=False).parse_report(data).problems == ()


def test_dates_booleans_and_levels_read_as_in_a_file() -> None:
    fields = {**_base(), "published": "2025-01-10", "agency.has_rulemaking_power": "false"}
    report = Engine(autoload=False).parse_report(to_data(fields)).report
    assert str(report.published) == "2025-01-10"
    assert report.agency.has_rulemaking_power is False
    bad = Engine(autoload=False).parse_report(to_data({**fields, "published": "2025-13-40"}))
    assert [(f.code, f.path) for f in bad.problems] == [("D2", "published")]


def test_empty_cells_are_absent_keys() -> None:
    fields = {
        **_base(),
        "applications.received.natural_person": "",
        "applications.received.legal_person_business": "   ",
        "applications.received.other": "2",
        "overview.intro": "\r\n",
    }
    data = to_data(fields)
    assert data["applications"] == {"received": {"other": 2}}
    assert "overview" not in data
    result = Engine(autoload=False).parse_report(data)
    assert result.problems == ()  # an absent key, not a blank cell (D4)
    assert result.report.applications.received.total == 2
    # A required field left empty is missing, as in a file without it.
    missing = Engine(autoload=False).parse_report(to_data({**_base(), "agency.name": ""}))
    assert [(f.code, f.path) for f in missing.problems] == [("D3", "agency.name")]


def test_list_items_keep_their_order_and_close_gaps() -> None:
    fields = {
        **_base(),
        "overview.parts.2.heading": "（二）第二",
        "overview.parts.2.text": "乙\r\n丙",
        "overview.parts.0.heading": "（一）第一",
        "overview.parts.0.text": "甲",
        "overview.parts.1.heading": "",  # a removed or empty item
        "overview.parts.1.text": "",
        "problems.improvements.1": "二",
        "problems.improvements.0": "一",
    }
    data = to_data(fields)
    assert data["overview"]["parts"] == [
        {"heading": "（一）第一", "text": "甲"},
        {"heading": "（二）第二", "text": "乙\n丙"},
    ]
    assert data["problems"]["improvements"] == ["一", "二"]
    report = Engine(autoload=False).parse_report(data).report
    assert [p.heading for p in report.overview.parts] == ["（一）第一", "（二）第二"]


def test_extension_fields_are_typed_by_their_class() -> None:
    engine = _engine()
    fields = {**_base(), "extensions.inspections.planned": "4", "extensions.inspections.lead": "7"}
    result = engine.parse_report(to_data(fields, extensions=engine.extension_classes()))
    assert result.problems == ()
    assert result.report.extensions["inspections"] == Inspections(planned=4, lead="7")
    bad = {**fields, "extensions.inspections.planned": "四次"}
    (problem,) = engine.parse_report(to_data(bad, extensions=engine.extension_classes())).problems
    assert (problem.code, problem.path) == ("D2", "extensions.inspections.planned")


def test_unknown_paths_reach_the_loader() -> None:
    result = Engine(autoload=False).parse_report(to_data({**_base(), "agency.nmae": "x"}))
    assert [(f.code, f.path) for f in result.problems] == [("D1", "agency.nmae")]
