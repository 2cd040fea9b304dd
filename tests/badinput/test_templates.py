"""Bad-input catalogue: agency templates, through ``template check`` and ``render --template``.

A template that would hang, take gigabytes or inflate a zip bomb must be
refused by ``template check`` (never 模板可用) and by ``render --template``
with the same words, at once, naming the template and the limit.  The
template's Jinja runs in the bounded sandbox data-file placeholders use
(:mod:`govreport.sandbox`); its archive is checked before it is inflated.
"""

from __future__ import annotations

import functools
import html
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govreport import limits
from govreport.outputs.docx.errors import TemplateError
from govreport.outputs.docx.parts import check_archive
from govreport.outputs.docx.template import DEFAULT_TEMPLATE

from .harness import Case, ids, run

LIMIT = "65536"


def template_with(expr: str, part: str = "word/document.xml", anchor: bytes = b"") -> bytes:
    """The default template with ``expr`` in ``part``: after ``anchor``, or in a paragraph
    of its own at the top of the body (XML-escaped, as Word saves it)."""
    text = html.escape(expr, quote=False).encode()
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == part:
                    if anchor:
                        assert anchor in data, (part, anchor)
                        data = data.replace(anchor, anchor + text, 1)
                    else:
                        body = b"<w:body>"
                        paragraph = b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"
                        data = data.replace(body, body + paragraph, 1)
                z.writestr(info, data)
    return out.getvalue()


def _footer_with(expr: str) -> bytes:
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as zin:
        footer = zin.read("word/footer1.xml")
    anchor = footer[footer.index(b"<w:t") : footer.index(b"</w:t>")]
    anchor = anchor[: anchor.index(b">") + 1]
    return template_with(expr, "word/footer1.xml", anchor)


def replaced(part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The default template with one part's bytes changed."""
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in zin.infolist():
                data = zin.read(info)
                z.writestr(info, change(data) if info.filename == part else data)
    return out.getvalue()


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)


def _laughs(root: bytes, where: bytes, entity: bytes = b"&lol9;"):
    def change(data: bytes) -> bytes:
        body = data[data.index(root) :]
        return _LAUGHS + body.replace(where, where + entity, 1)

    return change


@functools.cache
def bomb(member_bytes: int, extra_members: int = 0) -> bytes:
    """The default template plus a member of ``member_bytes`` zeros (about 1000:1)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(DEFAULT_TEMPLATE) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
    ):
        for info in zin.infolist():
            z.writestr(info, zin.read(info))
        if member_bytes:
            chunk = bytes(1 << 20)
            with z.open("word/media/zeros.bin", "w", force_zip64=True) as f:
                for _ in range(member_bytes >> 20):
                    f.write(chunk)
        for i in range(extra_members):
            z.writestr(f"word/media/x{i}.xml", b"<x/>")
    return out.getvalue()


def _write(name: str, make: functools.partial[bytes]):
    def setup(folder: Path) -> None:
        (folder / name).write_bytes(make())

    return setup


def _sparse(name: str, size: int):
    def setup(folder: Path) -> None:
        with (folder / name).open("wb") as f:
            f.truncate(size)  # a sparse file: large to stat, nothing on disk

    return setup


def check(id: str, *words: str, files=None, setup=None, seconds: float = 30) -> Case:
    return Case(
        f"check-{id}",
        ("template", "check", "t.docx"),
        1,
        ("t.docx", *words),
        files=files or {},
        setup=setup,
        seconds=seconds,
    )


def render(id: str, *words: str, files=None, setup=None) -> Case:
    return Case(
        f"render-{id}",
        ("render", "{E}", "-f", "docx", "--template", "t.docx", "-o", "out"),
        2,
        ("t.docx", *words, "未写出任何文件"),
        files=files or {},
        setup=setup,
    )


def both(id: str, expr: str, *words: str) -> list[Case]:
    files = {"t.docx": template_with(expr)}
    return [check(id, *words, files=files), render(id, *words, files=files)]


_NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
_MACRO = "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"
_SLOW = "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(30) }}"
_DOUBLING = (
    "{% set a = 'x' * 60000 %}{% set b %}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{% endset %}"
    "{% set c %}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{% endset %}{{ c|length }}"
)

CASES: list[Case] = [
    # -- D: what the issue found; each says 模板 t.docx and the limit
    *both("repeat-length", "{{ ('a'*(6*10**9))|length }}", "重复次数过大", LIMIT),
    *both("power-compare", "{{ 7**(10**9) > 0 }}", "数字过大"),
    *both("nested-loops", _NESTED, "循环次数"),
    *both("recursive-macro", _MACRO, "宏的嵌套调用"),
    *both("center", "{{ title|center(10**9) }}", LIMIT),
    *both("lipsum", "{{ lipsum(100000) }}", "lipsum"),
    *both("cycler", "{{ cycler }}", "cycler"),
    check("percent-width", "格式宽度", files={"t.docx": template_with("{{ '%0999999999d' % 1 }}")}),
    check(
        "format-width",
        "格式宽度",
        files={"t.docx": template_with("{{ '{:>999999999}'.format(1) }}")},
    ),
    check("join", "拼接结果", files={"t.docx": template_with("{{ range(100000)|join('x' * 8) }}")}),
    check("doubling", "生成的文字", files={"t.docx": template_with(_DOUBLING)}),
    check("ljust", LIMIT, files={"t.docx": template_with("{{ signer.ljust(3*10**9) }}")}),
    check(
        "to-bytes",
        "不允许调用",
        files={"t.docx": template_with("{{ (1).to_bytes(10**9, 'big') }}")},
    ),
    check("slow-macro", "求值时间", files={"t.docx": template_with(_SLOW)}),
    check("in-footer", "循环次数", files={"t.docx": _footer_with(_NESTED)}),
    # -- the archive, refused from its directory before anything is inflated
    check(
        "zip-bomb-member",
        "zeros.bin",
        "64.0 MB",
        setup=_write("t.docx", functools.partial(bomb, 80 << 20)),
    ),
    render(
        "zip-bomb-member",
        "zeros.bin",
        "64.0 MB",
        setup=_write("t.docx", functools.partial(bomb, 80 << 20)),
    ),
    check(
        "zip-bomb-ratio",
        "压缩比",
        "zip bomb",
        setup=_write("t.docx", functools.partial(bomb, 8 << 20)),
    ),
    render("zip-bomb-ratio", "压缩比", setup=_write("t.docx", functools.partial(bomb, 8 << 20))),
    check(
        "too-many-members",
        "1000",
        setup=_write("t.docx", functools.partial(bomb, 0, limits.MAX_TEMPLATE_ENTRIES)),
    ),
    check("too-large-file", "50 MB", setup=_sparse("t.docx", limits.MAX_TEMPLATE_BYTES + 1)),
    render("too-large-file", "50 MB", setup=_sparse("t.docx", limits.MAX_TEMPLATE_BYTES + 1)),
    # -- what the placeholders print must still be XML Word opens (was a corrupt .docx)
    *both("prints-nul", "{{ '\\x00' }}", "word/document.xml", "不能容纳"),
    *both("safe-markup", "{{ '</w:t></w:r></w:p><w:p>'|safe }}", "不是合法的 XML"),
    *both("include", "{% include 'x' %}", "渲染失败"),
    *both("nested-ifs", "{% if 1 %}" * 100 + "x" + "{% endif %}" * 100, "嵌套过深"),
    *both("deep-parentheses", "{{ " + "(" * 1000 + "1" + ")" * 1000 + " }}", "嵌套过深"),
    # -- XML the parser refuses: named by part, never a traceback
    *[
        c
        for id, part, change, words in [
            ("broken-styles", "word/styles.xml", lambda d: b"garbage<", "word/styles.xml"),
            ("broken-package-rels", "_rels/.rels", lambda d: b"<x", "_rels/.rels"),
            ("broken-document-rels", "word/_rels/document.xml.rels", lambda d: b"<x", "rels"),
            (
                "entity-bomb-document",
                "word/document.xml",
                _laughs(b"<w:document", b"{{ date }}"),
                "word/document.xml",
            ),
            (
                "entity-bomb-styles",
                "word/styles.xml",
                _laughs(b"<w:styles", b"</w:docDefaults>"),
                "word/styles.xml",
            ),
            (
                "deep-xml",
                "word/document.xml",
                lambda d: d.replace(b"<w:body>", b"<w:body>" + b"<a>" * 100000 + b"</a>" * 100000),
                "word/document.xml",
            ),
        ]
        for c in (
            check(id, words, "不是合法的 XML", files={"t.docx": replaced(part, change)}),
            render(id, words, "不是合法的 XML", files={"t.docx": replaced(part, change)}),
        )
    ],
    # -- bounded is not crippled: an ordinary template with a loop is still usable
    Case(
        "check-small-loop-is-fine",
        ("template", "check", "t.docx"),
        0,
        ("模板可用",),
        files={"t.docx": template_with("{% for i in range(3) %}{{ i }}{% endfor %}")},
    ),
    Case(
        "render-small-loop-is-fine",
        ("render", "{E}", "-f", "docx", "--template", "t.docx", "-o", "out"),
        0,
        ("已生成",),
        files={"t.docx": template_with("{{ signer|center(30) }}{{ '%s' % date }}")},
        leaves=("out/shuangpu-2024.docx",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_template_case(case: Case, tmp_path: Path) -> None:
    run(case, tmp_path)


def _info(name: str, size: int, compressed: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.file_size = size
    info.compress_size = compressed
    return info


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ([_info("a", 3 << 30, 3 << 20)], "部件 a 解压后"),
        ([_info(f"p{i}", 60 << 20, 30 << 20) for i in range(5)], "解压后共有"),
        ([_info("z", 2 << 20, 100)], "压缩比"),
        ([_info(f"m{i}", 1, 1) for i in range(limits.MAX_TEMPLATE_ENTRIES + 1)], "个部件"),
    ],
)
def test_archive_directory_is_checked_without_reading(members, words: str) -> None:
    with pytest.raises(TemplateError, match=words):
        check_archive(members, "模板 t.docx")


def test_small_parts_may_compress_well() -> None:
    check_archive([_info("word/settings.xml", 500_000, 100)], "模板 t.docx")
