"""``govreport serve`` in a real browser: Debian's Chromium driven by Playwright.

The real server is started as a subprocess (``python -m govreport.cli.main
serve --port <free> --data <tmp>``), as a civil servant starts it, and the
page is used with the keyboard and the mouse: fill a township report from
blank, see a check fail beside its cell, fix it, download the Word file and
read it back.

Needs ``pip install playwright`` and a Chromium binary (``apt install
chromium``; ``playwright install`` is not used).  ``GOVREPORT_CHROMIUM``
overrides the path.  Screenshots go to test-artifacts/serve/ (look at them);
with ``GOVREPORT_UPDATE_SCREENSHOTS=1`` they are also written to docs/images/
for docs/serve.md.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from govreport import Engine, spec
from govreport.serve.formdata import to_data
from govreport.spec.grid import CellRole
from govreport.testing.docx import NS
from tests.chromium import launched
from tests.cli_process import run_cli
from tests.outputs.docx import test_tables as docx_tables
from tests.outputs.docx._docx import xml

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "serve"
DOCS_IMAGES = ROOT / "docs" / "images"
#: How long the page may take to show a check's result (it checks on the server).
CHECK_TIMEOUT_MS = 15_000
ENV = {**os.environ, "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD": "1"}

#: What the user types: a township's report from blank (form field → text).
BASIC = {
    "agency.name": "杭州市西湖区某某镇人民政府",
    "year": "2025",
    "published": "2026-01-20",
    "agency.contact.phone": "0571-87000000",
}
LEVEL = "township"
#: Table cells typed, in the order a person fills them.  Column 自然人 of table 三
#: balances only once 结转下年度 is 1: 一 6 + 二 1 = （七）总计 6 + 四 1.
NUMBERS = {
    "proactive.normative_documents.issued": "2",
    "proactive.normative_documents.in_force": "5",
    "proactive.punishment": "15",
    "applications.received.natural_person": "6",
    "applications.received.commercial_enterprise": "1",
    "applications.carried_over.natural_person": "1",
    "applications.results.disclosed.natural_person": "4",
    "applications.results.disclosed.commercial_enterprise": "1",
    "applications.results.unavailable.not_held.natural_person": "2",
    "review_litigation.review.upheld": "1",
}
#: The cell left wrong at first (0: the column does not balance), then fixed.
WRONG_CELL = "applications.carried_forward.natural_person"
FIXED_VALUE = "1"
TEXTS = {
    "overview.intro": "2025年，某某镇认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "other.text": "本年度未收取信息处理费。",
}
PROBLEMS = ("信息更新不够及时", "公开内容有待丰富")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real ``govreport serve`` on a free port: (its address, its --data folder)."""
    data = tmp_path_factory.mktemp("drafts")
    log = data.parent / "server.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "govreport.cli.main", "serve"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "--port", str(port), "--data", str(data)],
            cwd=data.parent,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while not _answers(url + "/"):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"govreport serve did not answer at {url}:\n{log.read_text()}")
                time.sleep(0.2)
            yield url, data
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched(ARTIFACTS)


class Watched:
    """A page of the server, with every request it made and every console error."""

    def __init__(self, browser: Any, url: str, width: int) -> None:
        self.origin = url
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True, locale="zh-CN"
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # The console says only "404": keep which address failed.
        self.page.on(
            "response",
            lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        self.page.goto(url + "/")

    def assert_clean(self) -> None:
        """No console error, and nothing asked of any other origin (the page works offline)."""
        assert self.errors == []
        foreign = [u for u in self.requests if not u.startswith(self.origin + "/")]
        assert foreign == []
        assert self.requests  # the watch saw the page's own requests

    def close(self) -> None:
        self.context.close()


def _cell(page: Any, path: str) -> Any:
    return page.locator(f'[name="{path}"]')


def _type(page: Any, path: str, text: str) -> None:
    """Click into a field, clear it and type, as a person does."""
    field = _cell(page, path)
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _save(page: Any, name: str) -> None:
    shot = ARTIFACTS / name
    page.screenshot(path=str(shot))
    if os.environ.get("GOVREPORT_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_IMAGES / name)


def _fill_from_blank(page: Any) -> None:
    page.get_by_label("机关名称", exact=False).first.click()
    page.keyboard.type(BASIC["agency.name"])
    _cell(page, "agency.level").select_option(LEVEL)
    for path in ("year", "published", "agency.contact.phone"):
        _type(page, path, BASIC[path])
    for path, text in NUMBERS.items():
        _type(page, path, text)
    for path, text in TEXTS.items():
        _type(page, path, text)
    problems = page.locator('fieldset[data-list="problems.problems"]')
    for index, text in enumerate(PROBLEMS):
        problems.locator("button.add-item").click()
        _type(page, f"problems.problems.{index}", text)


def _download(page: Any, button: Any) -> Any:
    """Click ``button`` and return the download it starts."""
    with page.expect_download(timeout=20_000) as info:
        button.click()
    return info.value


def _assert_draft_kept(data: Path) -> None:
    """The page saved what was typed as a data file in --data, as the CLI reads it."""
    deadline = time.monotonic() + CHECK_TIMEOUT_MS / 1000
    while True:
        drafts = sorted(data.glob("*.yaml"))
        if len(drafts) == 1:
            report = Engine().load_report(drafts[0]).report
            if report.applications.carried_forward.natural_person == int(FIXED_VALUE):
                break
        if time.monotonic() > deadline:
            pytest.fail(f"no saved draft with the last change in {data}: {drafts}")
        time.sleep(0.2)
    assert report.agency.name == BASIC["agency.name"]
    assert report.applications.received.natural_person == int(
        NUMBERS["applications.received.natural_person"]
    )
    assert report.problems.problems == PROBLEMS


def _tables_of(docx: bytes) -> list[Any]:
    tables: list[Any] = xml(docx).findall(".//w:tbl", NS)
    return tables


def _cli_docx(fields: dict[str, str], folder: Path) -> bytes:
    """The same report typed into a data file and rendered by ``govreport render``."""
    source = folder / "typed.yaml"
    source.write_text(yaml.safe_dump(to_data(fields), allow_unicode=True), encoding="utf-8")
    done = run_cli("render", str(source), "-f", "docx", cwd=folder, env=ENV)
    assert done.returncode == 0, done.stderr
    return (folder / "out" / "typed.docx").read_bytes()


def test_fill_a_township_report_see_a_check_fail_fix_it_and_download_the_docx(
    server: tuple[str, Path], browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    url, data = server
    watched = Watched(browser, url, 1280)
    page = watched.page
    try:
        _fill_from_blank(page)
        # 四、结转下年度 left at 0: the 自然人 column does not balance (一+二 ≠ 三+四).
        _type(page, WRONG_CELL, "0")
        wrong = _cell(page, WRONG_CELL)
        expect(wrong).to_have_attribute("aria-invalid", "true", timeout=CHECK_TIMEOUT_MS)
        table = page.locator("#sec-applications")
        finding = table.locator(".finding.error", has_text="R3")
        expect(finding.first).to_be_visible(timeout=CHECK_TIMEOUT_MS)
        expect(finding.first).to_contain_text("“自然人”列勾稽关系不成立")
        expect(finding.first).to_contain_text("一、本年新收政府信息公开申请数量 6")
        final = page.locator('button.final[data-format="docx"]')
        expect(final).to_be_disabled()  # a report with errors is a draft, never final
        wrong.scroll_into_view_if_needed()
        _save(page, "serve-form.png")

        _type(page, WRONG_CELL, FIXED_VALUE)
        expect(finding).to_have_count(0, timeout=CHECK_TIMEOUT_MS)
        expect(wrong).not_to_have_attribute("aria-invalid", "true")
        expect(final).to_be_enabled(timeout=CHECK_TIMEOUT_MS)

        _assert_draft_kept(data)
        download = _download(page, final)
        assert download.suggested_filename.endswith(".docx")
        assert "草稿" not in download.suggested_filename
        docx = Path(download.path()).read_bytes()
        watched.assert_clean()
    finally:
        watched.close()

    tables = _tables_of(docx)
    # The same geometry checks as the CLI's own Word output (tests/outputs/docx).
    docx_tables.test_three_tables_in_official_order(tables)
    for index, key in enumerate(("proactive", "applications", "review_litigation")):
        docx_tables.test_labels_and_merges_match_the_official_geometry(tables, index, key)
    docx_tables.test_rows_do_not_split_and_headers_repeat(tables)
    docx_tables.test_cells_are_off_the_line_grid_and_borders_are_half_a_point(tables)
    docx_tables.test_tables_fit_the_type_area(tables)
    docx_tables.test_table_font_sizes(tables)
    docx_tables.test_short_tables_are_kept_on_one_page(tables)

    # The numbers printed are the numbers typed, and the totals add them up.
    typed = {**NUMBERS, WRONG_CELL: FIXED_VALUE}
    printed: dict[str, str] = {}
    inputs: set[str] = set()
    for table, key in zip(tables, ("proactive", "applications", "review_litigation"), strict=True):
        grid = docx_tables._grid(table)
        for cell in spec.tables()[key].cells:
            if cell.path:
                printed[cell.path] = grid[(cell.row, cell.col)]["text"]
            if cell.role is CellRole.VALUE:
                inputs.add(cell.path)
    for path, text in typed.items():
        assert printed[path] == text, path
    assert printed["applications.received.total"] == "7"
    assert printed["applications.results.total.natural_person"] == "6"
    assert printed["applications.carried_forward.total"] == "1"
    assert printed["review_litigation.review.total"] == "1"
    # A cell left empty is absent from the data, so 0, as a key missing from a file.
    assert {printed[p] for p in inputs - set(typed)} == {"0"}

    # And the tables are the CLI's, byte for byte, for the same figures.
    fields = {**BASIC, "agency.level": LEVEL, **typed, **TEXTS}
    fields.update({f"problems.problems.{i}": t for i, t in enumerate(PROBLEMS)})
    cli = _tables_of(_cli_docx(fields, tmp_path))
    assert [etree.tostring(t) for t in tables] == [etree.tostring(t) for t in cli]


def test_readable_at_375_px_without_sideways_page_scroll(
    server: tuple[str, Path], browser: Any
) -> None:
    url, _ = server
    watched = Watched(browser, url, 375)
    try:
        page = watched.page
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        _save(page, "serve-form-375.png")
        # Wide tables scroll inside their own box, not the page.
        _cell(page, "applications.received.natural_person").scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        watched.assert_clean()
    finally:
        watched.close()


def test_the_keyboard_reaches_the_first_table_input(server: tuple[str, Path], browser: Any) -> None:
    url, _ = server
    watched = Watched(browser, url, 1280)
    try:
        page = watched.page
        page.wait_for_load_state("networkidle")
        first = page.locator("table.grid input").first
        target = first.get_attribute("name")
        assert target
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.name") == target:
                break
        else:
            pytest.fail(f"Tab never reached the first table input {target}")
        # Its accessible name is the official label chain, not a bare path.
        label = first.evaluate(
            "e => e.getAttribute('aria-labelledby').split(' ')"
            ".map(id => document.getElementById(id).textContent.trim()).join(' ')"
        )
        assert spec.field_labels()[target][-1] in label
        watched.assert_clean()
    finally:
        watched.close()


def test_start_from_last_years_report(server: tuple[str, Path], browser: Any) -> None:
    from playwright.sync_api import expect

    url, _ = server
    watched = Watched(browser, url, 1280)
    try:
        page = watched.page
        page.get_by_label("上一年的数据文件、填报工作簿或已发布的报告").set_input_files(
            str(ROOT / "examples" / "shuangpu-2024.yaml")
        )
        page.get_by_role("button", name="导入并预填").click()
        notes = page.locator("#prefill-notes")
        expect(notes).to_contain_text("初稿", timeout=CHECK_TIMEOUT_MS)
        # This year's draft: the year after, the agency, 上年结转 = last year's 结转下年度 (2).
        expect(_cell(page, "year")).to_have_value("2025")
        expect(_cell(page, "agency.name")).to_have_value("杭州市西湖区双浦镇人民政府")
        expect(_cell(page, "applications.carried_over.natural_person")).to_have_value("2")
        expect(_cell(page, "applications.received.natural_person")).to_have_value("")
        expect(_cell(page, "overview.intro")).to_have_value(re.compile("^2024年，双浦镇"))
        watched.assert_clean()
    finally:
        watched.close()
