"""Annotated pages: the offending cells marked, the findings beside them, all escaped."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

import lxml.html

import govreport
from govreport import spec
from govreport.audit import ReportAudit, annotate_page, audit_paths, write_annotated
from govreport.audit.annotate import CSS
from govreport.findings import Finding, Severity
from govreport.plugins import default_engine

from . import reports


def _page(path: Path) -> str:
    report = govreport.read_report(path)
    return default_engine().render(report, "html", allow_errors=True).decode("utf-8")


def test_every_number_cell_of_the_html_output_carries_its_model_path() -> None:
    page = _page(reports.PINGTAN_2024)
    tree = lxml.html.fromstring(page)
    found = [td.get("data-path") for td in tree.iter("td") if td.get("data-path")]
    expected = [c.path for t in spec.tables().values() for c in t.value_cells()]
    assert found == expected


def test_the_cells_of_a_finding_and_its_evidence_are_marked(tmp_path: Path) -> None:
    reports.review_total_zero(tmp_path)
    result = audit_paths([tmp_path])
    done = write_annotated(result, tmp_path / "out")
    assert [p.name for p in done.written] == ["zero.html"] and done.skipped == ()
    page = done.written[0].read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    marked = {
        td.get("data-path"): td
        for td in tree.iter("td")
        if "gr-audit-bad" in (td.get("class") or "")
    }
    group = "review_litigation.review"
    assert set(marked) == {
        f"{group}.{k}" for k in ("upheld", "corrected", "other", "pending", "total")
    }
    total = marked[f"{group}.total"]
    # The page shows the computed total; the cell says what the report printed.
    assert total.text_content() == "7（填报为0）[1]"
    assert marked[f"{group}.upheld"].text_content() == "2[1]"
    assert total.xpath(".//a/@href") == ["#gr-audit-f1"]
    assert "总计填报为0" in total.get("title")
    item = tree.get_element_by_id("gr-audit-f1")
    text = item.text_content()
    assert "[错误 R4]" in text and "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计" in text
    assert "行政复议/总计 = 0（填报 (stated)）" in text


def test_the_audit_stylesheet_is_allowed_by_the_pages_policy(tmp_path: Path) -> None:
    reports.review_total_zero(tmp_path)
    done = write_annotated(audit_paths([tmp_path]), tmp_path / "out")
    page = done.written[0].read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    directives = html.unescape(policy.group(1)).split("; ")
    style_src = next(d for d in directives if d.startswith("style-src "))
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(styles) == 2 and styles[1] == CSS
    for style in styles:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in style_src.split()
    assert "default-src 'none'" in directives and "<script" not in page


def test_texts_in_findings_are_escaped() -> None:
    page = _page(reports.PINGTAN_2024)
    hostile = Finding(
        "X1",
        Severity.ERROR,
        '<script>alert(1)</script>" onmouseover="x',
        "review_litigation.review.total",
        "<b>位置</b>",
    )
    out = annotate_page(page, ReportAudit(Path("<i>.yaml"), findings=(hostile,)))
    assert "<script>" not in out and "<b>位置</b>" not in out and "<i>.yaml" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    tree = lxml.html.fromstring(out)
    cell = next(
        td for td in tree.iter("td") if td.get("data-path") == "review_litigation.review.total"
    )
    assert cell.get("onmouseover") is None
    assert cell.get("title") == hostile.message


def test_a_clean_report_says_so_and_unreadable_files_get_no_page(tmp_path: Path) -> None:
    reports.clean(tmp_path)
    reports.unreadable(tmp_path)
    done = write_annotated(audit_paths([tmp_path]), tmp_path / "out")
    assert [p.name for p in done.written] == ["clean.html"]
    page = done.written[0].read_text(encoding="utf-8")
    assert "未发现问题" in page
    assert not [td for td in lxml.html.fromstring(page).iter("td") if td.get("title")]


def test_pages_of_files_with_one_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reports.clean(tmp_path / "a", "report.yaml", "甲区")
    reports.clean(tmp_path / "b", "report.yaml", "乙区")
    done = write_annotated(audit_paths([tmp_path]), tmp_path / "out")
    assert [p.name for p in done.written] == ["report.html", "report-2.html"]
