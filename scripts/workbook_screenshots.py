"""Make the screenshots of docs/workbook.md: the workbook as LibreOffice prints it.

    python scripts/workbook_screenshots.py [docs/images]

Each workbook is made by govreport (the township example filled in, last
year's form from it, and the filled one with a slip so the checks show a
difference), converted to PDF by LibreOffice (which recalculates every
formula), rendered to PNG by pdftoppm at 80 dpi and cropped to the printed
area.  Needs soffice, pdftoppm and Pillow.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from PIL import Image, ImageChops

from govreport import Engine, read_report
from govreport.workbook.layout import LAYOUT
from govreport.workbook.writer import blank_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "shuangpu-2024.yaml"
MARGIN = 12


def _pdf_pages(book: Path, work: Path) -> dict[str, Path]:
    """Sheet name → the PNG of its (first) printed page."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = work / f"{book.stem}.pdf"
    prefix = work / book.stem
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True)
    pages = sorted(work.glob(f"{book.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    out: dict[str, Path] = {}
    for number, page in enumerate(pages, start=1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        first = text.strip().splitlines()[0] if text.strip() else ""
        out.setdefault(first.strip(), page)
    return out


def _crop(page: Path, target: Path) -> None:
    image = Image.open(page).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    assert box is not None, f"{page} is blank"
    left, top, right, bottom = box
    image.crop(
        (
            max(0, left - MARGIN),
            max(0, top - MARGIN),
            min(image.width, right + MARGIN),
            min(image.height, bottom + MARGIN),
        )
    ).save(target, optimize=True)
    print(f"written: {target} {image.size}")


def main(images: Path) -> None:
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed")
    images.mkdir(parents=True, exist_ok=True)
    report = read_report(EXAMPLE)
    applications = LAYOUT.sheet("applications").name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        filled = work / "filled.xlsx"
        Engine().save_report(report, filled)
        pages = _pdf_pages(filled, work)
        _crop(pages[applications], images / "workbook-applications.png")
        _crop(pages[LAYOUT.sheet("info").name], images / "workbook-info.png")
        _crop(pages[LAYOUT.sheet("problems").name], images / "workbook-problems.png")

        form = work / "form.xlsx"
        form.write_bytes(blank_workbook(previous=report))
        _crop(_pdf_pages(form, work)[applications], images / "workbook-from.png")

        # A slip: 12 typed as 15 in （一）予以公开/自然人; printed with the checks.
        slip = work / "slip.xlsx"
        book = openpyxl.load_workbook(filled)
        sheet = book[applications]
        sheet[LAYOUT.field("applications.results.disclosed.natural_person").cell] = 15
        cells = [
            coordinate_to_tuple(c.cell)
            for c in LAYOUT.checks
            if c.sheet == sheet.title and not c.needs_previous
        ]
        last_row, last_col = max(r for r, _ in cells), max(c for _, c in cells)
        sheet.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
        book.save(slip)
        _crop(_pdf_pages(slip, work)[applications], images / "workbook-checks.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images")
