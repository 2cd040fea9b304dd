"""The form page: generated from the spec, every cell labelled as the official table labels it."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import lxml.html
import pytest

from govreport import Engine, hookimpl, spec
from govreport.io.formats import read_mapping
from govreport.model import AdminLevel
from govreport.plugins.contributions import Extension
from govreport.serve.form import build_form, field_id, page_context, render_page
from govreport.serve.formdata import to_fields
from govreport.spec.grid import CellRole

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FORMATS = ("docx", "pdf", "html", "txt", "yaml", "xlsx")


class Kind(enum.Enum):
    ROUTINE = "routine"
    SPECIAL = "special"


@attrs.frozen(kw_only=True)
class Inspections:
    planned: int = attrs.field(default=0, metadata={"label": "计划检查次数"})
    lead: str = attrs.field(default="", metadata={"label": "牵头科室"})
    kind: Kind | None = attrs.field(default=None, metadata={"label": "检查类型"})
    done_on: dt.date | None = attrs.field(default=None, metadata={"label": "完成日期"})
    public: bool = attrs.field(default=True, metadata={"label": "是否公开"})
    places: tuple[str, ...] = attrs.field(default=(), metadata={"label": "检查地点"})


class _Plugin:
    @hookimpl
    def govreport_register_extensions(self, register):  # type: ignore[no-untyped-def]
        register(Extension("inspections", Inspections, "政务公开检查"))


def _page(
    fields: Mapping[str, str] | None = None,
    *,
    engine: Engine | None = None,
    findings: Sequence[Mapping[str, Any]] = (),
) -> Any:
    form = build_form(engine or Engine(autoload=False))
    context = page_context(
        form, fields or {}, "token-1", "abcdef123456", 2, FORMATS, findings=findings
    )
    return lxml.html.document_fromstring(render_page(context))


@pytest.fixture(scope="module")
def page() -> Any:
    return _page(to_fields(read_mapping(EXAMPLES / "pingtan-2025.yaml")))


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip()


@pytest.mark.parametrize("key", list(spec.tables()))
def test_every_value_cell_is_an_input_and_every_total_an_output(page: Any, key: str) -> None:
    table_spec = spec.tables()[key]
    (table,) = page.xpath(f'//table[@data-table="{key}"]')
    values = [c.path for c in table_spec.cells if c.role is CellRole.VALUE]
    totals = [c.path for c in table_spec.cells if c.role is CellRole.TOTAL]
    assert [i.get("name") for i in table.xpath(".//td/input")] == values
    assert [o.get("id") for o in table.xpath(".//td/output")] == [field_id(p) for p in totals]
    assert not table.xpath(".//output[@name]")  # a total is never sent back as data


@pytest.mark.parametrize("key", list(spec.tables()))
def test_the_tables_print_the_official_labels_and_merged_cells(page: Any, key: str) -> None:
    table_spec = spec.tables()[key]
    (table,) = page.xpath(f'//table[@data-table="{key}"]')
    rows = table.xpath(".//tr")
    assert len(rows) == table_spec.n_rows
    for row_spec, row in zip(table_spec.rows(), rows, strict=True):
        cells = row.xpath("./th|./td")
        assert len(cells) == len(row_spec)
        for cell_spec, cell in zip(row_spec, cells, strict=True):
            assert (cell.tag == "th") == (cell_spec.role not in (CellRole.VALUE, CellRole.TOTAL))
            if cell.tag == "th":
                assert _text(cell) == cell_spec.text  # character for character
            assert int(cell.get("rowspan", 1)) == cell_spec.rowspan
            assert int(cell.get("colspan", 1)) == cell_spec.colspan
    assert table_spec.labels() == tuple(_text(th) for th in table.xpath(".//th"))


def _accessible_name(page: Any, control: Any) -> str:
    ids = (control.get("aria-labelledby") or "").split()
    if ids:
        parts = []
        for ref in ids:
            (target,) = page.xpath(f'//*[@id="{ref}"]')
            parts.append(_text(target))
        return "/".join(parts)
    labels = page.xpath(f'//label[@for="{control.get("id")}"]')
    if not labels:
        labels = control.xpath("ancestor::label")
    return " ".join(_text(label) for label in labels)


def test_every_control_has_an_accessible_name(page: Any) -> None:
    controls = page.xpath("//input[not(@type='hidden')]|//select|//textarea|//output")
    assert len(controls) > 200
    for control in controls:
        assert _accessible_name(page, control), lxml.html.tostring(control)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "ids are unique"


def test_table_inputs_are_named_by_the_official_label_chain(page: Any) -> None:
    labels = spec.field_labels()
    cells = [c for t in spec.tables().values() for c in t.cells if c.is_number]
    for cell in cells:
        (control,) = page.xpath(f'//*[@id="{field_id(cell.path)}"]')
        assert _accessible_name(page, control) == "/".join(labels[cell.path])


def test_basic_information_and_sections(page: Any) -> None:
    assert page.get("lang") == "zh-CN"
    level = page.xpath('//select[@name="agency.level"]')[0]
    shown = [_text(o) for o in level.xpath("./option")][1:]
    assert shown == [lv.label for lv in AdminLevel]
    assert level.xpath("./option[@selected]")[0].get("value") == "city_government"
    for path in ("agency.name", "year", "published", "agency.contact.phone", "signatory"):
        assert page.xpath(f'//*[@name="{path}"]'), path
    headings = [_text(h) for h in page.xpath("//h2")]
    for key in ("overview", "proactive", "applications", "review_litigation", "problems", "other"):
        assert spec.heading(key).text in headings
    order = [spec.heading(k).text for k in [s.key for s in spec.SECTIONS]]
    assert [h for h in headings if h in order] == order
    assert page.xpath('//textarea[@name="overview.intro"]')
    assert page.xpath('//input[@name="other.processing_fee"]')
    improvements = page.xpath(
        '//textarea[starts-with(@name, "problems.improvements.")][not(ancestor::template)]'
    )
    assert [t.get("name") for t in improvements] == [f"problems.improvements.{i}" for i in range(3)]


def test_every_field_of_a_data_file_has_its_control() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        fields = to_fields(read_mapping(path))
        page = _page(fields)
        names = set(page.xpath("//@name"))
        totals = {c.path for t in spec.tables().values() for c in t.cells if c.is_number}
        missing = [p for p in fields if p not in names and p not in totals]
        assert missing == [], path.name
        # Values are shown as given.
        (name,) = page.xpath('//input[@name="agency.name"]')
        assert name.get("value") == fields["agency.name"]


def test_agency_sub_headings_are_a_list_with_add_and_remove() -> None:
    fields = {
        "overview.parts.0.heading": "（一）第一",
        "overview.parts.0.text": "甲",
        "overview.parts.1.heading": "（二）第二",
        "overview.parts.1.text": "乙",
    }
    page = _page(fields)
    (parts,) = page.xpath('//fieldset[@data-list="overview.parts"]')
    names = [c.get("name") for c in parts.xpath("./ol//input|./ol//textarea")]
    assert names == [
        "overview.parts.0.heading",
        "overview.parts.0.text",
        "overview.parts.1.heading",
        "overview.parts.1.text",
    ]
    assert len(parts.xpath('./ol//button[@type="button"][@class="remove-item secondary"]')) == 2
    assert parts.xpath('./button[@type="button"][@class="add-item"]')
    assert parts.xpath("./template")


def test_a_plugin_extension_block_appears() -> None:
    engine = Engine(autoload=False)
    engine.add_plugin(_Plugin(), name="inspections-plugin")
    page = _page({"extensions.inspections.planned": "4"}, engine=engine)
    (block,) = page.xpath('//section[@id="ext-inspections"]')
    assert "政务公开检查" in _text(block.xpath(".//h2")[0])
    planned = block.xpath('.//input[@name="extensions.inspections.planned"]')[0]
    assert planned.get("value") == "4"
    assert _accessible_name(page, planned) == "计划检查次数"
    kinds = block.xpath('.//select[@name="extensions.inspections.kind"]/option/@value')
    assert kinds == ["", "routine", "special"]
    assert block.xpath('.//select[@name="extensions.inspections.public"]')
    assert block.xpath('.//input[@name="extensions.inspections.done_on"]')
    assert block.xpath('.//input[@name="extensions.inspections.lead"]')
    # A list field is not in the form, and the page says so.
    assert not block.xpath('.//*[starts-with(@name, "extensions.inspections.places")]')
    assert "检查地点" in _text(block)
    # No plugin, no block; the built-in 2019 block (written by import only) is never shown.
    assert not _page().xpath('//section[contains(@class, "extension")]')


def test_no_inline_script_or_style_and_the_csrf_token() -> None:
    page = _page({"agency.name": '<script>alert("x")</script>', "overview.intro": "</textarea><b>"})
    assert all(s.get("src") for s in page.xpath("//script"))
    assert not page.xpath("//style|//*[@style]")
    assert not [a for a in page.xpath("//@*") if a.attrname.startswith("on")]
    assert page.xpath('//meta[@name="csrf-token"]/@content') == ["token-1"]
    forms = page.xpath('//form[@method="post"]')
    assert forms and all(f.xpath('.//input[@type="hidden"][@name="csrf"]') for f in forms)
    assert page.xpath('//input[@name="agency.name"]/@value') == ['<script>alert("x")</script>']
    assert page.xpath('//textarea[@name="overview.intro"]/text()') == ["</textarea><b>"]
    assert not page.xpath("//b")


def test_findings_are_marked_and_final_downloads_disabled() -> None:
    finding = {
        "code": "R1",
        "severity": "error",
        "message": "总计不等于各列之和",
        "path": "applications.received.total",
        "location": "一、本年新收政府信息公开申请数量/总计",
        "paths": ["applications.received.total", "applications.received.natural_person"],
    }
    page = _page(findings=[finding])
    cell = page.xpath('//input[@name="applications.received.natural_person"]')[0]
    assert cell.get("aria-invalid") == "true"
    (region,) = page.xpath('//*[@id="findings-applications"]')
    assert region.get("aria-live") == "polite" and "R1" in _text(region)
    assert "总计不等于各列之和" in _text(page.xpath('//*[@id="summary-list"]')[0])
    finals = page.xpath('//button[contains(@class, "final")]')
    assert len(finals) == len(FORMATS) and all(b.get("disabled") is not None for b in finals)
    drafts = page.xpath('//button[contains(@class, "draft")]')
    assert [b.get("formaction") for b in drafts] == [f"/download/{f}?draft=1" for f in FORMATS]
    assert all(b.get("disabled") is None for b in drafts)
    clean = _page()
    assert all(
        b.get("disabled") is None for b in clean.xpath('//button[contains(@class, "final")]')
    )


def test_no_external_resource_in_the_page_script_or_style_sheet() -> None:
    import re

    import govreport.serve.form as form_module

    static = Path(form_module.__file__).with_name("static")
    texts = {p.name: p.read_text(encoding="utf-8") for p in static.iterdir()}
    assert set(texts) == {"serve.js", "serve.css"}
    texts["page"] = render_page(
        page_context(build_form(Engine(autoload=False)), {}, "t", None, 0, FORMATS)
    )
    for name, text in texts.items():
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.IGNORECASE), name
        assert "@import" not in text and "eval(" not in text, name


def test_finding_paths_of_list_items_name_their_fields() -> None:
    from govreport.serve.form import form_path

    assert form_path("problems.problems[2]") == "problems.problems.2"
    assert form_path("overview.parts[0].text") == "overview.parts.0.text"
    finding = {"code": "D2", "severity": "error", "message": "m", "path": "overview.parts[0].text"}
    fields = {"overview.parts.0.heading": "（一）", "overview.parts.0.text": "x"}
    page = _page(fields, findings=[finding])
    (text,) = page.xpath('//textarea[@name="overview.parts.0.text"]')
    assert text.get("aria-invalid") == "true"
