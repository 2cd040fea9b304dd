"""Bad-input catalogue: placeholders in data files, through the real ``validate`` and ``render``.

Each hostile placeholder must be a P1 finding at ``validate`` that names the
file, the field by its official label and the limit it went over, in bounded
time and memory; ``render`` refuses with the same finding, and with
``--force`` stops with the same words and writes nothing.  Text that is data
(the agency's name, phone, website, the signatory) is never evaluated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Case, example_with, ids, run

OTHER = "六、其他需要报告的事项/正文"
INTRO = "一、总体情况/概述"
FIRST_PROBLEM = "五、存在的主要问题及改进情况/存在的主要问题/第1项"
PROBLEMS_INTRO = "五、存在的主要问题及改进情况/存在的主要问题（引言）"
OPENING = "引言"
LIMIT = "65536"

_OTHER_AT = "  text: |-\n    按照"


def in_other(expr: str) -> str:
    """The example with ``expr`` at the start of 六's text (a block scalar: no quoting)."""
    return example_with(_OTHER_AT, f"  text: |-\n    {expr}按照")


def in_field(field: str, expr: str) -> str:
    if field == "other.text":
        return in_other(expr)
    if field == "overview.intro":
        return example_with("    2024年，双浦镇认真", f"    {expr}2024年，双浦镇认真")
    if field == "problems.problems[0]":
        return example_with("    - 政府信息公开工作队伍建设有待加强", f"    - 队伍建设{expr}")
    if field == "problems.problems_intro":
        return example_with(
            "  problems_intro: 存在的主要问题：", f"  problems_intro: |-\n    {expr}"
        )
    if field == "opening":
        return example_with("overview:\n", f"opening: |-\n  {expr}\noverview:\n")
    raise AssertionError(field)


def validate(
    id: str, expr: str, *words: str, field: str = "other.text", label: str = OTHER
) -> Case:
    return Case(
        f"validate-{id}",
        ("validate", "d.yaml"),
        1,
        ("d.yaml", "P1", label, f"({field})", *words),
        files={"d.yaml": in_field(field, expr)},
    )


def render(id: str, expr: str, *words: str, fmt: str = "txt") -> Case:
    return Case(
        f"render-{id}",
        ("render", "d.yaml", "-f", fmt, "-o", "out"),
        1,
        ("d.yaml", "P1", OTHER, *words, "未生成报告"),
        files={"d.yaml": in_other(expr)},
    )


def forced(id: str, expr: str, *words: str, fmt: str = "docx") -> Case:
    return Case(
        f"force-{id}",
        ("render", "d.yaml", "-f", fmt, "-o", "out", "--force"),
        1,
        (OTHER, "other.text", *words, "未写出任何文件"),
        files={"d.yaml": in_other(expr)},
    )


CENTER = "{{ 'a'|center(10**9) }}"
NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
MACRO = "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"
NUL = "{{ '\\x00' }}"
POWERS = "{{ ((10**64)**64)**64 }}"
DOUBLING = (
    "{% set a = 'x' * 60000 %}"
    "{% set b %}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{% endset %}"
    "{% set c %}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{% endset %}{{ c|length }}"
)
SHARED_LISTS = (
    "{% set l0 = [1, 2] %}{% set l1 = [l0, l0, l0, l0, l0, l0, l0, l0] %}"
    "{% set l2 = [l1, l1, l1, l1, l1, l1, l1, l1] %}{% set l3 = [l2, l2, l2, l2, l2, l2, l2, l2] %}"
    "{% set l4 = [l3, l3, l3, l3, l3, l3, l3, l3] %}{% set l5 = [l4, l4, l4, l4, l4, l4, l4, l4] %}"
    "{% set l6 = [l5, l5, l5, l5, l5, l5, l5, l5] %}{% set l7 = [l6, l6, l6, l6, l6, l6, l6, l6] %}"
    "{{ l7|string }}"
)
SLOW_MACRO = (
    "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(30) }}"
)

CASES: list[Case] = [
    # -- size: every operation that can make a value larger than its inputs
    validate("center", CENTER, LIMIT),
    validate("ljust-method", "{{ 'a'.ljust(3*10**9) }}", LIMIT),
    validate("rjust-literal", "{{ 'a'.rjust(1000000000) }}", LIMIT),
    validate("zfill", "{{ '1'.zfill(10**9) }}", LIMIT),
    validate("percent-width", "{{ '%0999999999d' % 1 }}", "格式宽度"),
    validate("percent-star", "{{ '%*d' % (10**9, 1) }}", "格式宽度"),
    validate("format-method-width", "{{ '{:>999999999}'.format(1) }}", "格式宽度"),
    validate("format-nested-width", "{{ '{0:{1}}'.format('a', 10**9) }}", "格式宽度"),
    validate("format-filter", "{{ '%0999999999d'|format(1) }}", "格式宽度"),
    validate("repeat-string", "{{ 'a' * 10**8 }}", LIMIT),
    validate("repeat-list", "{{ [0] * 100000000 }}", LIMIT),
    validate("repeat-reversed", "{{ 10**8 * 'ab' }}", LIMIT),
    validate("join-filter", "{{ range(100000)|join('xxxxxxxx') }}", "拼接结果"),
    validate("join-method", "{{ ('x' * 60000).join(['a', 'b', 'c']) }}", "拼接结果"),
    validate("indent", "{{ 'a'|indent(10**9, true) }}", LIMIT),
    validate("indent-string", "{{ ('a\\n' * 30000)|indent('x' * 1000) }}", LIMIT),
    validate("wordwrap", "{{ ('a ' * 30000)|wordwrap(1, wrapstring='x' * 1000) }}", LIMIT),
    validate("replace-empty", "{{ 'ab'.replace('', 'x' * 50000) }}", LIMIT),
    validate("replace-filter", "{{ ('a' * 1000)|replace('a', 'b' * 1000) }}", LIMIT),
    validate("expandtabs", "{{ '\\t'.expandtabs(10**9) }}", LIMIT),
    validate("batch", "{{ [1]|batch(10**9, 'x')|list }}", "分组数"),
    validate("slice", "{{ [1]|slice(10**9)|list }}", "分组数"),
    validate("concat-doubling", DOUBLING, "生成的文字"),
    validate("shared-lists", SHARED_LISTS, LIMIT),
    validate("shared-lists-format", SHARED_LISTS.replace("l7|string", "'%s' % (l7,)"), LIMIT),
    validate("shared-lists-join", SHARED_LISTS.replace("l7|string", "l7|join"), "拼接结果"),
    validate(
        "tilde-chain",
        "{% set a = 'x' * 60000 %}{% set b = a ~ a %}{{ b }}",
        "拼接结果",
    ),
    # -- numbers
    validate("power-chain", POWERS, "数字过大"),
    validate("power-huge", "{{ 7**(10**9) > 0 }}", "数字过大"),
    validate("multiply-chain", "{{ (10**300) * (10**300) * (10**300) }}", "数字过大"),
    # -- time, loops, recursion
    validate("nested-range-empty", NESTED, "循环次数"),
    validate(
        "nested-range-body",
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
        "循环次数",
    ),
    validate(
        "nested-string-loops",
        "{% set s = 'a' * 10000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
        "循环次数",
    ),
    validate(
        "loop-literal-text",
        "{% for i in range(300) %}{% for j in range(300) %}"
        + "文字" * 50
        + "{% endfor %}{% endfor %}",
        "生成的文字",
    ),
    validate("recursive-macro", MACRO, "宏的嵌套调用", "32"),
    validate("recursive-loop", "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "32"),
    validate("lazy-map-join", "{{ range(100000)|map('center', 60000)|join }}", "生成的文字"),
    validate(
        "lazy-map-loop",
        "{% for x in range(10**5)|map('center', 60000) %}{% endfor %}",
        "生成的文字",
    ),
    validate("percent-many-fields", "{{ '%s%s' % ('a' * 60000, 'b' * 60000) }}", LIMIT),
    validate("exponential-macro", SLOW_MACRO, "求值时间", "1秒"),
    # -- nesting the parser or Python's compiler cannot take: a syntax error, not a crash
    validate("deep-parentheses", "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "嵌套过深"),
    validate("nested-ifs", "{% if 1 %}" * 100 + "x" + "{% endif %}" * 100, "嵌套过深"),
    validate("long-plus-chain", "{{ " + "+".join(["1"] * 20000) + " }}", "嵌套过深"),
    validate("long-filter-chain", "{{ 'a'" + "|upper" * 5000 + " }}", "嵌套过深"),
    render("nested-ifs", "{% if 1 %}" * 100 + "x" + "{% endif %}" * 100, "嵌套过深"),
    # -- names a data file has no use for, and the sandbox itself
    validate("lipsum", "{{ lipsum(100000) }}", "未知的占位符名称“lipsum”"),
    validate("cycler", "{{ cycler }}", "未知的占位符名称“cycler”"),
    validate("joiner", "{{ joiner('x') }}", "未知的占位符名称“joiner”"),
    validate("namespace", "{% set ns = namespace(x=1) %}{{ ns.x }}", "未知的占位符名称“namespace”"),
    validate("int-method", "{{ (1).to_bytes(10**9, 'big') }}", "不允许调用"),
    validate("dunder", "{{ ''.__class__ }}", "不允许"),
    validate("include", "{% include 'x' %}", "无法求值"),
    validate("sum-lists", "{{ ([[1]] * 1000)|sum(start=[]) }}", "不允许"),
    # -- a paragraph prints text and numbers, never a Python repr (like {{ cycler }} did)
    validate("prints-function", "{{ range }}", "函数或对象"),
    validate("prints-class", "{{ dict }}", "函数或对象"),
    validate("prints-group", "{{ applications.received }}", "一组数据"),
    validate("prints-list", "{{ problems.problems }}", "一组数据"),
    validate("prints-generator", "{{ range(3)|map('string') }}", "函数或对象"),
    validate("prints-macro", "{% macro m() %}x{% endmacro %}{{ m }}", "函数或对象"),
    validate("prints-boolean", "{{ agency.has_rulemaking_power }}", "是/否或空值"),
    validate("prints-none", "{{ none }}", "是/否或空值"),
    render("prints-group", "{{ agency }}", "一组数据", fmt="html"),
    # -- what a placeholder prints is checked like typed text
    validate("prints-nul", NUL, "U+0000"),
    validate("prints-escape", "{{ '\\x1b[31m' }}", "U+001B"),
    validate("prints-nul-by-filter", "{{ 'a\\x00'|upper }}", "U+0000"),
    # -- each kind of placeholder field is named by its own label
    validate("in-intro", "{{ x }}", "未知的占位符名称“x”", field="overview.intro", label=INTRO),
    validate("in-list-item", CENTER, LIMIT, field="problems.problems[0]", label=FIRST_PROBLEM),
    validate(
        "in-problems-intro", NUL, "U+0000", field="problems.problems_intro", label=PROBLEMS_INTRO
    ),
    validate("in-opening", MACRO, "宏的嵌套调用", field="opening", label=OPENING),
    # -- render refuses with the same finding
    render("center", CENTER, LIMIT),
    render("nested-range", NESTED, "循环次数"),
    render("recursive-macro", MACRO, "宏的嵌套调用", fmt="docx"),
    render("prints-nul", NUL, "U+0000", fmt="docx"),
    render("cycler", "{{ cycler }}", "cycler", fmt="html"),
    render("power-chain", POWERS, "数字过大"),
    # -- and with --force, the same words, naming the field; nothing written
    forced("center", CENTER, LIMIT),
    forced("recursive-macro", MACRO, "宏的嵌套调用"),
    forced("prints-nul", NUL, "U+0000"),
    forced("nested-range", NESTED, "循环次数", fmt="txt"),
]


def _many_slow_fields() -> str:
    text = in_other(SLOW_MACRO)
    for old in ("政府信息公开工作队伍建设有待加强", "信息公开工作主动应对能力不够"):
        text = text.replace(f"    - {old}", f"    - {old}{SLOW_MACRO}", 1)
    text = text.replace("    2024年，双浦镇认真", f"    {SLOW_MACRO}2024年，双浦镇认真", 1)
    text = text.replace(
        "  problems_intro: 存在的主要问题：", f"  problems_intro: |-\n    {SLOW_MACRO}", 1
    )
    text = text.replace("    发挥政府门户网站", f"    {SLOW_MACRO}发挥政府门户网站", 1)
    text = text.replace("    认真落实", f"    {SLOW_MACRO}认真落实", 1)
    return text


CASES += [
    # Seven slow fields: each stops at its own second, the report at five in all.
    Case(
        "validate-report-time",
        ("validate", "d.yaml"),
        1,
        ("d.yaml", "P1", "求值时间", "整份报告的占位符求值时间"),
        files={"d.yaml": _many_slow_fields()},
        seconds=20,
    ),
]

# -- B: the agency's fields are data; the generated opening never evaluates them --

_DATA_FIELDS = {
    "phone": ("    phone: 0571-87000000", '    phone: "{{ 7*7 }}"'),
    "website": ("  website: 杭州市西湖区人民政府门户网站", '  website: "{{ x }}"'),
    "address": (
        "    address: 杭州市西湖区双浦镇东江嘴路1号",
        '    address: "{% for i in range(10**9) %}{% endfor %}"',
    ),
    "postcode": ('    postcode: "310024"', '    postcode: "{{ cycler }}"'),
    "name": ("  name: 杭州市西湖区双浦镇人民政府", "  name: \"双浦镇{{ 'a'|center(10**9) }}\""),
    "signatory": ("other:\n", 'signatory: "{{ nope }}"\nother:\n'),
}

for _key, (_old, _new) in _DATA_FIELDS.items():
    CASES += [
        Case(
            f"data-{_key}-validates",
            ("validate", "d.yaml"),
            0,
            ("校验通过",),
            files={"d.yaml": example_with(_old, _new)},
        ),
        Case(
            f"data-{_key}-renders",
            ("render", "d.yaml", "-f", "txt", "-f", "html", "-f", "docx", "-o", "out"),
            0,
            ("已生成",),
            files={"d.yaml": example_with(_old, _new)},
            leaves=("out/d.txt", "out/d.html", "out/d.docx"),
        ),
    ]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_placeholder_case(case: Case, tmp_path: Path) -> None:
    run(case, tmp_path)
