"""Helpers for reading generated .docx files in tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
from lxml import etree

from govreport import Engine
from govreport.model import AnnualReport
from govreport.testing import sample_report, zero_report
from govreport.testing.docx import W as W_NS

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def xml(data: bytes, part: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts(data)[part])


def township_report() -> AnnualReport:
    """A township with text and a few numbers, built from the zero report."""
    from datetime import date

    from govreport.model import Overview

    base = zero_report()
    return attrs.evolve(
        base,
        published=date(2025, 1, 20),
        overview=Overview(intro="2024年，本镇认真贯彻落实《中华人民共和国政府信息公开条例》。"),
        proactive=attrs.evolve(base.proactive, licensing=12, punishment=3),
    )


def reports() -> dict[str, AnnualReport]:
    out = {"sample": sample_report(), "township": township_report()}
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    try:
        from govreport import read_report
    except ImportError:  # the loader is not there yet
        return out
    for path in examples:
        out[path.stem] = read_report(path)
    return out


def engine() -> Engine:
    return Engine(autoload=False)


def render(report: AnnualReport, fmt: str = "docx", **options: object) -> bytes:
    return engine().render(report, fmt, options=options)


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))
