"""The built-in section providers: the opening paragraph and the six official sections."""

from __future__ import annotations

import functools

from govreport import spec
from govreport.document.blocks import (
    Block,
    Heading,
    Paragraph,
    ParagraphRole,
    Section,
    Table,
    TableCell,
)
from govreport.document.providers import BuildContext, SectionProvider, blocks_of
from govreport.model import AnnualReport, ListStyle, Numbers, TextPart
from govreport.spec.grid import CellSpec
from govreport.spec.headings import OVERVIEW_PARTS, SECTIONS, own_ordinal, section_title
from govreport.spec.headings import chinese_ordinal as ordinal
from govreport.spec.wording import FEE_TERM, format_number, official_date, states_fee
from govreport.spec.wording import fee_sentence as _fee_sentence

__all__ = [
    "FEE_TERM",  # defined in govreport.spec.wording; importable from here as before
    "OFFICIAL_PROVIDERS",
    "OPENING_KEY",
    "build_opening",
    "default_opening",
    "enumerate_items",
    "fee_sentence",
    "format_number",  # defined in govreport.spec.wording
    "table_block",
]


@functools.cache
def _fixed_cells(key: str) -> tuple[tuple[CellSpec, TableCell | None], ...]:
    """Label cells are the same in every report: build them once per process."""
    return tuple(
        (
            c,
            None
            if c.is_number
            else TableCell(c.text, c.row, c.col, c.role, c.rowspan, c.colspan, c.path),
        )
        for c in spec.tables()[key].cells
    )


def table_block(report: AnnualReport, key: str) -> Table:
    """One official table filled from the model, geometry straight from the spec."""
    t = spec.tables()[key]
    numbers = Numbers(report)
    cells = tuple(
        fixed
        if fixed is not None
        else TableCell(
            format_number(numbers(c.path)), c.row, c.col, c.role, c.rowspan, c.colspan, c.path
        )
        for c, fixed in _fixed_cells(key)
    )
    return Table(t.key, t.title, t.n_rows, t.n_cols, t.header_rows, t.col_weights, cells)


def default_opening(report: AnnualReport) -> str:
    """The customary opening: legal basis, period, where to read it, whom to ask."""
    start, end = report.period
    agency = report.agency
    parts = [
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。"
        f"全文包括{_titles_in_a_list()}。"
        f"本报告所列数据的统计期限自{official_date(start)}起至{official_date(end)}止。"
    ]
    if agency.website:
        parts.append(f"本报告电子版可在“{agency.website}”查阅或下载。")
    contact = agency.contact
    if not contact.is_empty():
        details = "；".join(
            f"{label}：{value}"
            for label, value in (
                ("地址", contact.address),
                ("邮编", contact.postcode),
                ("电话", contact.phone),
                ("传真", contact.fax),
                ("电子邮箱", contact.email),
            )
            if value
        )
        parts.append(f"如对本报告有疑问，请与{agency.name}联系（{details}）。")
    return "".join(parts)


def _titles_in_a_list() -> str:
    """The six section titles as one list: 总体情况、主动公开政府信息情况、……

    In a list joined by 、 the 、 inside 行政复议、行政诉讼情况 would read as
    a seventh item, so there it is written 和, as real reports do.
    """
    return "、".join(title.replace("、", "和") for title in SECTIONS.all_texts())


def _opening(ctx: BuildContext) -> tuple[Block, ...]:
    if ctx.report.opening:
        return ctx.paragraphs(ctx.report.opening, ParagraphRole.OPENING)
    # Built from the agency's name, website and contact: data, never evaluated.
    return ctx.paragraphs(default_opening(ctx.report), ParagraphRole.OPENING, placeholders=False)


def _overview(ctx: BuildContext) -> Section:
    ov = ctx.report.overview
    blocks: list[Block] = list(ctx.paragraphs(ov.intro))
    for part in OVERVIEW_PARTS:
        body = ctx.paragraphs(getattr(ov, part.key))
        if body:
            blocks.append(Heading(part.text, level=2))
            blocks.extend(body)
    blocks.extend(_parts(ctx, ov.parts))
    return Section("overview", section_title("overview"), tuple(blocks))


def _parts(ctx: BuildContext, parts: tuple[TextPart, ...]) -> list[Block]:
    """The agency's own sub-headings and paragraphs, printed as written (never renumbered)."""
    blocks: list[Block] = []
    for part in parts:
        if part.heading.strip():
            blocks.append(Heading(part.heading.strip(), level=2, numbered=False))
        blocks.extend(ctx.paragraphs(part.text))
    return blocks


def _table_section(key: str) -> SectionProvider:
    def build(ctx: BuildContext) -> Section:
        return Section(key, section_title(key), (table_block(ctx.report, key),))

    return SectionProvider(key, build)


def _terminate(item: str, last: bool) -> str:
    """Items end with ；, the last with 。; a writer's own final punctuation is kept."""
    item = item.strip()
    if item and item[-1] in "。；;！？!?，,：:…":
        return item
    return item + ("。" if last else "；")


def enumerate_items(items: tuple[str, ...]) -> tuple[str, ...]:
    """一是……；二是……。

    Items that carry their own 一是、二是 (as real reports type them) are
    printed as written, even when the sequence is wrong: rule L1 warns about
    that instead of the document silently correcting it.
    """
    if any(own_ordinal(item) is not None for item in items):
        return tuple(_terminate(item, i == len(items)) for i, item in enumerate(items, 1))
    return tuple(
        f"{ordinal(i)}是{_terminate(item, i == len(items))}" for i, item in enumerate(items, 1)
    )


def _problems(ctx: BuildContext) -> Section:
    p = ctx.report.problems
    blocks: list[Block] = []
    for intro, items in ((p.problems_intro, p.problems), (p.improvements_intro, p.improvements)):
        intro_text = ctx.text(intro).strip()
        listed = enumerate_items(tuple(ctx.text(i) for i in items))
        if p.style is ListStyle.ENUMERATED:
            joined = intro_text + "".join(listed)
            if joined:
                blocks.append(Paragraph(joined))
        else:
            blocks.extend(ctx.paragraphs(intro_text, placeholders=False))  # evaluated above
            blocks.extend(Paragraph(item) for item in listed)
    blocks.extend(_parts(ctx, p.parts))
    return Section("problems", section_title("problems"), tuple(blocks))


def fee_sentence(report: AnnualReport) -> str:
    """The sentence 六 adds when its text does not state the 信息处理费 (rule S1)."""
    return _fee_sentence(report.year, report.other.processing_fee)


def _other(ctx: BuildContext) -> Section:
    body = ctx.paragraphs(ctx.report.other.text)
    # The fee is customarily stated even when zero; do not say it twice.  The
    # decision is rule S1's (states_fee): "未发生收费情况" states it too.
    if not states_fee("\n".join(b.text for b in body)):
        body = (*body, Paragraph(fee_sentence(ctx.report)))
    return Section("other", section_title("other"), blocks_of(body))


OPENING_KEY = "opening"

#: The opening builder is not a section: it has no heading.
build_opening = _opening

#: The six official sections, in order.
OFFICIAL_PROVIDERS: tuple[SectionProvider, ...] = (
    SectionProvider("overview", _overview),
    _table_section("proactive"),
    _table_section("applications"),
    _table_section("review_litigation"),
    SectionProvider("problems", _problems),
    SectionProvider("other", _other),
)
