"""Published PDFs through the PDF reader and the mapper: 淮安's WPS export, a printed web page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govreport.findings import Severity
from govreport.importing.mapper import Imported, map_source
from tests.importing.mapper_grids import expected_data, sample_numbers

PDF = Path(__file__).parent.parent / "data" / "importing" / "pdf"
HTML = Path(__file__).parent.parent / "data" / "importing" / "html"
TABLES = ("proactive", "applications", "review_litigation")


@pytest.fixture(scope="module")
def huaian() -> Imported:
    from govreport.importing.pdf import read_pdf

    return map_source(read_pdf(PDF / "2024_huaian_shi.pdf"))


def test_huaian_every_number_as_in_the_json(huaian: Imported) -> None:
    """Table 三 broken inside （四）, 三、本年度办理结果 a character per line, 1、2、3、."""
    tables = {k: huaian.data[k] for k in TABLES}
    assert tables == expected_data(sample_numbers("2024_huaian_shi"))


def test_huaian_text_contact_and_fee(huaian: Imported) -> None:
    data = huaian.data
    assert (data["agency"]["name"], data["year"]) == ("淮安市人民政府", 2024)
    assert data["title_text"] == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert data["agency"]["contact"] == {
        "address": "淮安市翔宇南道1号",
        "postcode": "223001",
        "phone": "0517-83605210",
        "fax": "",
        "email": "hazwgkc@163.com",
    }
    headings = [p["heading"] for p in data["overview"]["parts"]]
    assert headings == [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）政府信息公开监督保障情况",
    ]
    assert data["other"]["processing_fee"] == Decimal(3940)
    assert data["signed"] is False
    assert all(n.severity is Severity.INFO for n in huaian.notes)


def test_a_page_printed_by_chromium_imports_as_the_page_itself() -> None:
    from govreport.importing.html import read_html
    from govreport.importing.pdf import read_pdf

    printed = map_source(read_pdf(PDF / "2024_pingtan.chromium.pdf")).data
    page = map_source(read_html(HTML / "2024_pingtan.page.html")).data
    assert printed == page
