"""Bad-input catalogue: what a data file *holds* — number ranges, YAML typing, long values, dates.

Issue 9, items E (amounts and counts unbounded) and, from I, YAML sexagesimal
and booleans, counts of 10**30, a year or publication in the future, a 10 MB bad
value echoed in full, and ``govreport new --agency`` breaking out of its comment.
Each case is the real command in its own process (see harness.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.io.formats import parse_text, serialise
from govreport.limits import MAX_COUNT, MAX_TEXT_CHARS

from .harness import EXAMPLE_TEXT, Case, example_with, ids, run

_DATA = parse_text(EXAMPLE_TEXT, "yaml")
assert isinstance(_DATA, dict)
EXAMPLE_JSON = serialise(_DATA, "json")
EXAMPLE_TOML = serialise(_DATA, "toml")

FEES = "本年收费金额"  # proactive.fees
PROCESSING_FEE = "信息处理费"  # other.processing_fee
LICENSING = "行政许可"  # proactive.licensing
NATURAL = "自然人"  # a table-三 column
HUGE = 4_000_000  # characters: under the 5 MB file limit, far over any message


def json_with(old: str, new: str) -> str:
    assert old in EXAMPLE_JSON, old
    return EXAMPLE_JSON.replace(old, new, 1)


def toml_with(old: str, new: str) -> str:
    assert old in EXAMPLE_TOML, old
    return EXAMPLE_TOML.replace(old, new, 1)


def fees(value: str) -> str:
    return example_with("  fees: 0\n", f"  fees: {value}\n")


def processing_fee(value: str) -> str:
    return example_with("processing_fee: 0", f"processing_fee: {value}")


def licensing(value: str) -> str:
    return example_with("licensing: 0", f"licensing: {value}")


def received(first: str) -> str:
    return example_with("received: [23, 0,", f"received: [{first}, 0,")


def _validate(name: str, text: str, status: int, *says: str, fmt: str = "yaml") -> Case:
    file = f"r.{fmt}"
    return Case(name, ("validate", file), status, (file, *says), files={file: text})


CASES = [
    # -- E: money amounts have a range and a precision ---------------------------
    _validate(
        "json-fees-1e999999999",
        json_with('"fees": 0', '"fees": 1e999999999'),
        1,
        FEES,
        "金额过大",
        fmt="json",
    ),
    Case(
        "json-fees-1e999999999-render",
        ("render", "r.json", "-f", "txt", "-o", "out"),
        1,
        ("r.json", FEES, "金额过大"),
        files={"r.json": json_with('"fees": 0', '"fees": 1e999999999')},
    ),
    Case(
        "json-fees-1e999999999-convert",
        ("convert", "r.json", "x.yaml"),
        1,
        ("r.json", FEES),
        files={"r.json": json_with('"fees": 0', '"fees": 1e999999999')},
    ),
    _validate(
        "processing-fee-1E-100000000-quoted",
        processing_fee('"1E-100000000"'),
        1,
        PROCESSING_FEE,
        "小数位数过多",
    ),
    _validate(
        "processing-fee-1E-100000000",
        processing_fee("1E-100000000"),
        1,
        PROCESSING_FEE,
        "小数位数过多",
    ),
    Case(
        "processing-fee-tiny-render",
        ("render", "r.yaml", "-f", "txt", "-f", "html", "-o", "out"),
        1,
        ("r.yaml", PROCESSING_FEE),
        files={"r.yaml": processing_fee('"1E-100000000"')},
    ),
    _validate("fees-1e400", fees("1.0e+400"), 1, FEES, "金额过大"),
    _validate("fees-13-digits", fees("1234567890123"), 1, FEES, "最多 12 位"),
    _validate("fees-negative-huge", fees("-1.0e+999999999"), 1, FEES, "金额过大"),
    _validate("fees-7-decimals", fees("0.1234567"), 1, FEES, "最多 6 位小数"),
    _validate("fees-inf", fees(".inf"), 1, FEES, "应为金额数字"),
    _validate("fees-nan", fees(".nan"), 1, FEES, "应为金额数字"),
    _validate(
        "json-fees-NaN", json_with('"fees": 0', '"fees": NaN'), 1, FEES, "应为金额数字", fmt="json"
    ),
    _validate(
        "toml-fees-inf", toml_with("fees = 0", "fees = inf"), 1, FEES, "应为金额数字", fmt="toml"
    ),
    _validate(
        "toml-fees-1e400", toml_with("fees = 0", "fees = 1e400"), 1, FEES, "金额过大", fmt="toml"
    ),
    _validate("fees-6-decimals-ok", fees("5949.088667"), 0, "校验通过"),
    _validate("fees-trailing-zeros-ok", fees("12.500000000000"), 0, "校验通过"),
    _validate("fees-zero-exponent-ok", fees("0.0e-99999999"), 0, "校验通过"),
    # -- E / I: counts have a range ---------------------------------------------------
    _validate(
        "count-10-30",
        received("1000000000000000000000000000000"),
        1,
        NATURAL,
        "数值超出范围",
        str(MAX_COUNT),
    ),
    _validate(
        "count-minus-10-30",
        received("-1000000000000000000000000000000"),
        1,
        NATURAL,
        "数值超出范围",
    ),
    _validate("count-just-over", licensing(str(MAX_COUNT + 1)), 1, LICENSING, "数值超出范围"),
    _validate("count-float-1e30", received("1.0e+30"), 1, NATURAL, "数值超出范围"),
    _validate(
        "json-count-1e999999999",
        json_with('"licensing": 0', '"licensing": 1e999999999'),
        1,
        LICENSING,
        "数值超出范围",
        fmt="json",
    ),
    _validate(
        "json-count-3000-digits",
        json_with('"licensing": 0', '"licensing": ' + "9" * 3000),
        1,
        LICENSING,
        "整数（约 300",
        fmt="json",
    ),
    _validate("count-10000-digits", licensing("9" * 10_000), 1, LICENSING, "共 10000 字"),
    _validate(
        "count-tiny-fraction", licensing("1.0e-100000000"), 1, LICENSING, "应为不小于0的整数"
    ),
    _validate(
        "toml-count-10-30",
        toml_with("licensing = 0", "licensing = 1000000000000000000000000000000"),
        1,
        LICENSING,
        "数值超出范围",
        fmt="toml",
    ),
    Case(
        "largest-values-render",
        ("render", "r.yaml", "-f", "txt", "-f", "docx", "-o", "out", "--force"),
        0,
        ("已生成",),
        files={
            "r.yaml": fees("999999999999.999999").replace(
                "received: [23, 0, 0, 0, 0, 0]", f"received: [{MAX_COUNT}, {MAX_COUNT}, 0, 0, 0, 0]"
            )
        },
        leaves=("out/r.txt", "out/r.docx"),
    ),
    _validate("hex-fees-million-digits", fees("0x" + "f" * 1_000_000), 1, FEES, "金额过大"),
    _validate(
        "toml-hex-fees-million-digits",
        toml_with("fees = 0", "fees = 0x" + "f" * 1_000_000),
        1,
        FEES,
        "金额过大",
        fmt="toml",
    ),
    _validate(
        "toml-binary-count-million-digits",
        toml_with("licensing = 0", "licensing = 0b" + "1" * 1_000_000),
        1,
        LICENSING,
        "数值超出范围",
        fmt="toml",
    ),
    # -- I: YAML 1.1 typing: sexagesimal, yes/on, underscores ---------------------
    _validate("sexagesimal-count", licensing("1:30"), 1, LICENSING, '"1:30"', "整数"),
    _validate("sexagesimal-3-parts", licensing("1:30:00"), 1, LICENSING, '"1:30:00"'),
    _validate("sexagesimal-float", fees("1:30.5"), 1, FEES, '"1:30.5"'),
    _validate("yes-count", licensing("yes"), 1, LICENSING, '"yes"', "整数"),
    _validate("on-count", licensing("on"), 1, LICENSING, '"on"'),
    _validate("underscore-count", licensing("1_000"), 1, LICENSING, '"1_000"'),
    _validate(
        "yes-boolean-field",
        example_with("has_rulemaking_power: false", "has_rulemaking_power: yes"),
        1,
        "true 或 false",
        '"yes"',
    ),
    _validate(
        "no-as-text-ok",
        example_with("  website: 杭州市西湖区人民政府门户网站", "  website: no"),
        0,
        "校验通过",
    ),
    # -- I: a long bad value is echoed cut, with its length ------------------------
    _validate("huge-count-text", licensing('"' + "x" * HUGE + '"'), 1, LICENSING, f"共 {HUGE} 字"),
    _validate(
        "huge-text-field",
        example_with("  website: 杭州市西湖区人民政府门户网站", "  website: " + "w" * HUGE),
        1,
        "网站",
        "文本过长",
        str(MAX_TEXT_CHARS),
    ),
    _validate(
        "text-in-all-too-long",
        EXAMPLE_TEXT.replace("  intro: |-\n    ", "  intro: |-\n    " + "政" * 99_000)
        .replace("  proactive: |-\n    ", "  proactive: |-\n    " + "政" * 99_000)
        .replace("  platforms: |-\n    ", "  platforms: |-\n    " + "政" * 99_000)
        .replace("  supervision: |-\n    ", "  supervision: |-\n    " + "政" * 99_000),
        1,
        "监督保障",
        "文字总量过大",
    ),
    _validate(
        "huge-unknown-key",
        EXAMPLE_TEXT + "? " + "k" * HUGE + "\n: 1\n",
        1,
        "未知的项",
        f"共 {HUGE} 字",
    ),
    _validate(
        "huge-level", example_with("level: township", "level: " + "t" * HUGE), 1, f"共 {HUGE} 字"
    ),
    _validate(
        "huge-date",
        example_with("published: 2025-01-10", "published: " + "2" * HUGE),
        1,
        "发布日期",
        f"共 {HUGE} 字",
    ),
    _validate(
        "huge-list-item",
        example_with("    - 政府信息公开力度还不够", "    - [" + "1," * 1000 + "1]"),
        1,
        "列表",
    ),
    Case(
        "huge-value-render",
        ("render", "r.yaml", "-f", "txt", "-o", "out"),
        1,
        ("r.yaml", f"共 {HUGE} 字"),
        files={"r.yaml": licensing('"' + "x" * HUGE + '"')},
    ),
    Case(
        "huge-value-previous",
        ("validate", "{E}", "--previous", "p.yaml"),
        1,
        ("p.yaml: ", LICENSING, f"共 {HUGE} 字"),
        files={"p.yaml": licensing('"' + "x" * HUGE + '"').replace("year: 2024", "year: 2023")},
    ),
    _validate(
        "control-characters-in-key-and-value",
        example_with("level: township", 'level: "town\\nship\\e[2J"') + '"a\\nb": 1\n',
        1,
        "town\\nship\\x1b[2J",
        "a\\nb",
    ),
    Case(
        "fifty-thousand-unknown-keys-render",
        ("render", "r.yaml", "-f", "txt", "-o", "out"),
        1,
        ("r.yaml", "另有 48900 处问题未逐一列出"),
        files={"r.yaml": EXAMPLE_TEXT + "".join(f"unknown{i}: {i}\n" for i in range(49_000))},
    ),
    # -- I: a year or a publication date still to come ----------------------------
    _validate(
        "year-2099-published-2100",
        example_with("year: 2024", "year: 2099").replace(
            "published: 2025-01-10", "published: 2100-01-10"
        ),
        0,
        "DATE4",
        "2099",
        "晚于今天",
    ),
    _validate(
        "published-in-the-future",
        example_with("published: 2025-01-10", "published: 9999-01-10"),
        1,
        "DATE4",
        "发布日期",
    ),
    # -- I: govreport new quotes what the user gave ------------------------------------
    Case(
        "new-agency-newline",
        ("new", "--agency", "x\nyear: 1999"),
        2,
        ("--agency", "换行符", "U+000A"),
    ),
    Case("new-agency-line-separator", ("new", "--agency", "x\u2028y"), 2, ("--agency", "U+2028")),
    Case("new-agency-control", ("new", "--agency", "x\x1b[2Jy"), 2, ("--agency", "U+001B")),
    Case("new-agency-blank", ("new", "--agency", "  "), 2, ("--agency", "不能为空")),
    Case(
        "new-agency-yaml-syntax",
        ("new", "--agency", 'a: b # c "d" \\ &e *f'),
        0,
        ('name: "a: b # c \\"d\\" \\\\ &e *f"',),
    ),
    Case("new-year-0", ("new", "--year", "0"), 2, ("--year", "2008")),
    Case("new-year-huge", ("new", "--year", "1" + "0" * 30), 2, ("--year",)),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case, tmp_path: Path) -> None:
    run(case, tmp_path)
