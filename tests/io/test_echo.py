"""A bad value is echoed cut to a bounded length, with its length stated."""

from __future__ import annotations

from decimal import Decimal

from govreport.io import parse_report
from govreport.limits import MAX_ECHO_CHARS
from govreport.model import ModelError, ProactiveDisclosure
from govreport.spec.wording import clip, describe

HUGE = 10_000_000


def test_clip_states_the_length() -> None:
    assert clip("短") == "短"
    cut = clip("x" * HUGE)
    assert cut == "x" * MAX_ECHO_CHARS + f"…（共 {HUGE} 字）"


def test_describe_cuts_every_kind_of_value() -> None:
    assert len(describe("x" * HUGE)) < 2 * MAX_ECHO_CHARS
    assert describe(10**5000) == "整数（约 5001 位）"  # str() of it would raise ValueError
    assert len(describe(Decimal("9" * 100_000))) < 2 * MAX_ECHO_CHARS
    assert len(describe({str(i): i for i in range(100_000)}, python=True)) < 3 * MAX_ECHO_CHARS
    assert len(describe(object(), python=True)) < 2 * MAX_ECHO_CHARS


def test_a_10_mb_bad_value_makes_a_short_message() -> None:
    data = {
        "agency": {"name": "某镇", "level": "x" * HUGE},
        "year": 2024,
        "proactive": {"licensing": "y" * HUGE},
        "z" * HUGE: 1,
    }
    problems = parse_report(data).problems
    assert len(problems) == 3
    for p in problems:
        assert len(p.message) + len(p.path) < 1000, p.message[:200]
        assert f"共 {HUGE} 字" in p.message


def test_model_errors_cut_the_value() -> None:
    try:
        ProactiveDisclosure(licensing="1" * HUGE)  # type: ignore[arg-type]
    except ModelError as exc:
        assert len(str(exc)) < 1000 and f"共 {HUGE} 字" in str(exc)
    else:
        raise AssertionError("not refused")


def test_an_echoed_value_stays_on_one_line() -> None:
    assert clip("a\nb\x1b[2J\u2028c") == "a\\nb\\x1b[2J\\u2028c"
    assert describe("x\ny") == '字符串 "x\\ny"'
    data = {"agency": {"name": "某镇", "level": "town\nship"}, "year": 2024, "a\nb": 1}
    for p in parse_report(data).problems:
        assert "\n" not in p.message and "\n" not in p.path


def test_the_problems_of_one_file_are_listed_up_to_a_limit() -> None:
    from govreport.findings import Severity
    from govreport.limits import MAX_DATA_FILE_PROBLEMS

    data: dict[str, object] = {"agency": {"name": "某镇", "level": "township"}, "year": 2024}
    data.update({f"unknown{i}": i for i in range(5000)})
    problems = parse_report(data).problems
    assert len(problems) == MAX_DATA_FILE_PROBLEMS + 1
    summary = problems[-1]
    assert summary.severity is Severity.ERROR
    assert f"另有 {5000 - MAX_DATA_FILE_PROBLEMS} 处问题未逐一列出" in summary.message
