"""The docx-pdf output: LibreOffice converts the Word file; pdfinfo/pdftotext read it back.

Skips when LibreOffice or poppler-utils are missing (apt-get install
libreoffice-writer-nogui poppler-utils).  PDFs and page images are left in
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from lxml import etree

from govreport import spec
from govreport.document.blocks import Heading
from govreport.outputs import pdf as pdf_module
from govreport.outputs.docx.settings import MARGIN_LEFT
from govreport.outputs.docx.tables import column_widths
from govreport.testing import sample_report

from .docx._docx import ARTIFACTS, engine, reports

pytestmark = [
    pytest.mark.skipif(
        pdf_module.find_soffice() is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
    ),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
        reason="poppler-utils (pdftotext, pdfinfo) is not installed",
    ),
]

REPORTS = reports()
XHTML = {"h": "http://www.w3.org/1999/xhtml"}


def norm(text: str) -> str:
    """Letters and digits only: LibreOffice 7.4 sometimes drops a line-final comma."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


@pytest.fixture(scope="module", params=sorted(REPORTS))
def rendered(request):
    name = request.param
    report = REPORTS[name]
    data = engine().render(report, "docx-pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(data)
    return name, report, path


def _run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, check=True, text=True).stdout


def _pages(path) -> list[str]:
    n = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(path))).group(1))
    return [_run("pdftotext", "-f", str(i), "-l", str(i), str(path), "-") for i in range(1, n + 1)]


def test_a4_pages(rendered):
    _, _, path = rendered
    info = _run("pdfinfo", str(path))
    assert data_is_pdf(path)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert (round(float(size.group(1))), round(float(size.group(2)))) == (595, 842)


def data_is_pdf(path) -> bool:
    return path.read_bytes().startswith(b"%PDF-")


def test_page_numbers_and_title(rendered):
    _, report, path = rendered
    pages = _pages(path)
    assert len(pages) >= 3
    for i, page in enumerate(pages, 1):
        # "— 1 —"; pdftotext drops the thin spaces, so compare without spaces.
        assert f"—{i}—" in re.sub(r"\s", "", page), f"page {i} has no page number"
    first = norm(pages[0])
    assert norm(report.agency.name) in first
    assert norm(f"{report.year}年政府信息公开工作年度报告") in first


def _column_streams(path) -> list[tuple[float, float, str]]:
    """Every word with its x-centre, in reading order (page, line, x)."""
    tree = etree.fromstring(_run("pdftotext", "-bbox-layout", str(path), "-").encode())
    words = []
    for p, page in enumerate(tree.iterfind(".//h:page", XHTML)):
        for word in page.iterfind(".//h:word", XHTML):
            x0, x1 = float(word.get("xMin")), float(word.get("xMax"))
            y = round(float(word.get("yMin")))
            words.append((p, y, (x0 + x1) / 2, word.text or ""))
    words.sort()
    return [(p * 10_000 + y, x, t) for p, y, x, t in words]


def test_every_table_label_and_number_is_printed(rendered):
    """Labels wrap inside narrow cells, so read each cell's column band top to bottom."""
    _, report, path = rendered
    words = _column_streams(path)
    left = MARGIN_LEFT / 20
    doc = engine().document(report)
    for table in doc.tables():
        widths = [w / 20 for w in column_widths(table.col_weights)]
        edges = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
        for cell in table.cells:
            x0, x1 = edges[cell.col], edges[cell.col + cell.colspan]
            band = norm("".join(t for _, x, t in words if x0 < x < x1))
            assert norm(cell.text) in band, (table.key, cell.text)
    # The cells above are the official labels: nothing of the spec is left out.
    printed = {c.text for t in doc.tables() for c in t.cells}
    assert {label for t in spec.tables().values() for label in t.labels()} <= printed


def test_fonts_are_the_free_stand_ins(rendered):
    _, report, path = rendered
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts is not installed")
    fonts = _run("pdffonts", str(path))
    if "FandolFang" not in fonts:
        pytest.skip("Fandol fonts not installed (scripts/install-fonts.sh)")
    doc = engine().document(report)
    if any(isinstance(b, Heading) and b.level == 2 for b in doc.blocks()):
        assert "FandolKai" in fonts  # 楷体 （一） headings
    assert "NotoSerifCJK" in fonts  # 小标宋 title and 宋体 tables


def test_page_images_for_review(rendered):
    """Not a check of looks: leaves PNGs in test-artifacts/ for a person to review."""
    name, _, path = rendered
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    _run("pdftoppm", "-r", "60", "-png", str(path), str(ARTIFACTS / name))
    assert list(ARTIFACTS.glob(f"{name}-*.png"))


def test_missing_libreoffice_says_how_to_install(monkeypatch):
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    with pytest.raises(pdf_module.PdfConversionError, match="libreoffice-writer-nogui"):
        engine().render(sample_report(), "docx-pdf")


def test_fontconfig_aliases_cover_the_official_names():
    text = pdf_module.FONTCONFIG.read_text(encoding="utf-8")
    tree = etree.fromstring(text.encode())
    strong = {
        a.findtext("family"): a.findtext("prefer/family")
        for a in tree.iterfind("alias")
        if a.get("binding") == "strong"
    }
    for name in ("方正小标宋简体", "仿宋_GB2312", "仿宋", "楷体_GB2312", "楷体", "黑体", "宋体"):
        assert name in strong
    assert strong["仿宋_GB2312"] == "FandolFang" and strong["楷体"] == "FandolKai"
    assert pdf_module.conversion_env()["FONTCONFIG_FILE"] == str(pdf_module.FONTCONFIG)
