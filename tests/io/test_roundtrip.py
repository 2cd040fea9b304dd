"""load → dump → load is lossless in every format."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govreport.io import dump_report, load_report, parse_report, save_report
from govreport.model import OtherMatters, Overview, ProactiveDisclosure
from govreport.testing import sample_report, zero_report

FORMATS = ("yaml", "json", "toml")


def _awkward_report():
    """Exact decimals, multi-line text and characters that need quoting."""
    base = sample_report()
    return attrs.evolve(
        base,
        proactive=attrs.evolve(base.proactive, fees=Decimal("5949.088667")),
        overview=Overview(intro="第一段。\n第二段：“引号” & <尖括号>\n", proactive="# 不是注释"),
        other=OtherMatters(text="本年度收取信息处理费。", processing_fee=Decimal("120.50")),
        signatory="yes",  # YAML 1.1 would read a bare yes as a bool
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("make", [sample_report, zero_report, _awkward_report])
def test_round_trip_is_lossless(tmp_path, fmt, make):
    report = make()
    path = save_report(report, tmp_path / f"report.{fmt}")
    loaded = load_report(path)
    assert loaded.problems == ()
    assert loaded.report == report
    # Dumping again gives the same bytes: the canonical form is a fixed point.
    assert dump_report(loaded.report, fmt) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_decimal_fees_are_exact_not_floats(tmp_path, fmt):
    report = _awkward_report()
    loaded = load_report(save_report(report, tmp_path / f"r.{fmt}")).report
    assert isinstance(loaded.proactive.fees, Decimal)
    assert str(loaded.proactive.fees) == "5949.088667"
    assert str(loaded.other.processing_fee) == "120.50"


@pytest.mark.parametrize("fmt", FORMATS)
def test_fees_are_written_as_numbers(fmt):
    text = dump_report(sample_report(), fmt)
    assert "18651.06" in text
    assert '"18651.06"' not in text and "'18651.06'" not in text


def test_yaml_output_is_readable_chinese_in_model_order():
    text = dump_report(_awkward_report(), "yaml")
    assert "平潭综合实验区管理委员会" in text  # not \u escapes
    assert text.index("agency:") < text.index("year:") < text.index("overview:")
    assert text.index("received:") < text.index("carried_over:") < text.index("carried_forward:")
    assert "intro: |" in text  # block style for multi-line text


def test_dump_is_deterministic():
    assert dump_report(sample_report(), "yaml") == dump_report(sample_report(), "yaml")


def test_toml_writes_published_as_a_date():
    assert "published = 2025-03-10\n" in dump_report(sample_report(), "toml")


def test_strings_are_accepted_for_fees():
    data = {
        "agency": {"name": "x", "level": "township"},
        "year": 2024,
        "proactive": {"fees": "18651.06"},
        "other": {"processing_fee": 0},
    }
    result = parse_report(data)
    assert result.problems == ()
    assert result.report.proactive == ProactiveDisclosure(fees=Decimal("18651.06"))
