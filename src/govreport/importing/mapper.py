"""A :class:`~govreport.importing.blocks.Source` turned into a data file's mapping.

The mapper knows the format and nothing of markup: it reads the title (agency,
year), the opening paragraphs (contact, website), each section by its heading,
the three tables by their labels, and the signature and date at the end.  It
keeps what was printed: texts verbatim, stated totals as printed, blank and
“/” cells as they were.  Whatever it had to guess or could not read is a note
(:mod:`.notes`) with its location; the reader's own notes come first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from govreport import spec
from govreport.findings import Finding
from govreport.importing import notes as codes
from govreport.importing.blocks import Block, Grid, Para, Source
from govreport.importing.closing import split_closing
from govreport.importing.contact import contact_of, website_of
from govreport.importing.dates import find_date
from govreport.importing.labels import How
from govreport.importing.levels import guess_level
from govreport.importing.notes import Notes, place, quoted
from govreport.importing.parts import Part, split_at_topics, split_parts
from govreport.importing.sections import Found, find_headings, is_caption, split_at_headings
from govreport.importing.tables import read_tables
from govreport.importing.titles import Title, read_title
from govreport.importing.trial2019 import NAME as TRIAL_NAME
from govreport.model.agency import AdminLevel
from govreport.spec.wording import clip, fee_statements

#: Portal metadata printed with the article, not part of the report.
_METADATA: Final = re.compile(
    r"^\s*(?:发布日期|发布时间|成文日期|日期|时间|来源|信息来源|发布机构|发文机关|索引号|文号|"
    r"发文字号|字号|浏览次数|点击数|访问量|分类|主题分类)\s*[:：]"
)
#: The first paragraphs among which a title is looked for.
_TITLE_WINDOW: Final = 6
#: 本报告所列数据统计期限为2024年1月1日至2024年12月31日.
_PERIOD: Final = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[至到—\-－~]")


@attrs.frozen
class Imported:
    """A data file's mapping, and every note on how it was read."""

    data: dict[str, Any]
    notes: tuple[Finding, ...]


def map_source(source: Source) -> Imported:
    """Map what a reader found in a published report to a data file's mapping."""
    notes = Notes()
    blocks = _cut_at_headings(source.blocks, notes)
    texts = [b.text if isinstance(b, Para) else None for b in blocks]
    headings = find_headings(texts)
    _heading_notes(headings, notes)
    first = headings[0].index if headings else len(blocks)
    front = [t for t in texts[:first] if t is not None and t.strip()]
    title, opening, metadata = _front(front, source.title, notes)
    sections = _sections(blocks, headings)

    data: dict[str, Any] = {}
    closing = split_closing(
        sections.get(_last_key(headings), []) if headings else [], title.agency if title else ""
    )
    if headings:
        sections[_last_key(headings)] = list(closing.body)
    _identity(data, title=title, opening=opening, signatory=closing.signatory, notes=notes)
    data["published"] = _published(closing.date, [*metadata, source.published], notes)
    data["title_text"] = title.text if title else ""
    data["signed"] = bool(closing.signatory)
    data["signatory"] = closing.signatory
    if not closing.signatory:
        notes.info(
            codes.SIGNATURE,
            "文末未印出落款（署名），不添加 (no signature printed)",
            path="signatory",
            location=spec.location_of("signatory"),
        )
    data["opening"] = "\n".join(opening)
    _narratives(data, sections, notes)
    tables = read_tables(blocks, notes)
    data.update(tables.data)
    if tables.trial is not None:
        data["extensions"] = {TRIAL_NAME: tables.trial}
    return Imported(data, (*source.notes, *notes.found))


# -- title, opening, agency ----------------------------------------------------------


def _front(front: list[str], hint: str, notes: Notes) -> tuple[Title | None, list[str], list[str]]:
    """(title, opening paragraphs, metadata lines) from the paragraphs before 一."""
    title: Title | None = None
    start = end = 0
    for i in range(min(_TITLE_WINDOW, len(front))):
        single = read_title(front[i])
        pair = read_title(front[i] + front[i + 1]) if i + 1 < len(front) else None
        if pair is not None and pair.agency and (single is None or not single.agency):
            title = attrs.evolve(pair, text=front[i].strip() + front[i + 1].strip())
            start, end = i, i + 2
            break
        if single is not None:
            title, start, end = single, i, i + 1
            break
    before = [p for p in front[:start] if not _METADATA.match(p)]
    if before:
        _left_out("标题之前", before, notes)
    rest = front[end:] if title is not None else front
    metadata = [p for p in (*front[:start], *rest) if _METADATA.match(p)]
    opening = [p.strip() for p in rest if not _METADATA.match(p)]
    if metadata:
        _left_out("网页信息", metadata, notes)
    if title is None and hint:
        title = read_title(hint)
        if title is not None:
            notes.info(
                codes.TITLE,
                f"正文中未找到标题，取自文件的标题信息{quoted(hint)} "
                "(title taken from the metadata)",
                path="title_text",
            )
    return title, opening, metadata


def _left_out(where: str, texts: Sequence[str], notes: Notes) -> None:
    shown = clip(" / ".join(t.strip() for t in texts), 120)
    notes.info(
        codes.TEXT_LEFT_OUT,
        f"{where}的文字未读入：{shown} (text outside the report's fields, left out)",
        location=where,
    )


def _identity(
    data: dict[str, Any],
    *,
    title: Title | None,
    opening: list[str],
    signatory: str,
    notes: Notes,
) -> None:
    agency = title.agency if title else ""
    if not agency and signatory:
        agency = signatory
        notes.warn(
            codes.TITLE,
            f"标题中没有机关名称，按落款读作{quoted(agency)} (agency taken from the signature)",
            path="agency.name",
            location=place(spec.location_of("agency.name")),
        )
    elif not agency:
        notes.warn(
            codes.TITLE,
            "标题中没有机关名称，未能读出 (agency name not found)",
            path="agency.name",
            location=place(spec.location_of("agency.name")),
        )
    year = title.year if title else None
    text = "\n".join(opening)
    if year is None:
        m = _PERIOD.search(text)
        if m is not None:
            year = int(m.group(1))
            notes.warn(
                codes.TITLE,
                f"标题中没有年度，按统计期限读作 {year} 年 "
                "(year taken from the statistical period)",
                path="year",
                location=place(spec.location_of("year")),
            )
        else:
            notes.error(
                codes.TITLE,
                "未能读出报告年度 (report year not found)",
                path="year",
                location=place(spec.location_of("year")),
            )
    guess = guess_level(agency)
    data["agency"] = {"name": agency, "contact": contact_of(text), "website": website_of(text)}
    if guess is not None:
        label = AdminLevel(guess.level).label
        caveat = f"；{guess.rule.caveat}" if guess.rule.caveat else ""
        notes.info(
            codes.LEVEL,
            f"行政级别按机关名称推定为“{label}”（{guess.level}），依据：{guess.rule.said}"
            f"{caveat}；请核对 (level guessed from the name by the rule above)",
            path="agency.level",
            location=place(spec.location_of("agency.level")),
        )
        data["agency"]["level"] = guess.level
    data["year"] = year


def _published(date: dt.date | None, metadata: list[str], notes: Notes) -> dt.date | None:
    if date is not None:
        return date
    for line in metadata:
        hit = find_date(line)
        if hit is not None:
            notes.info(
                codes.SIGNATURE,
                f"文末未印出成文日期，按网页的发布日期读作 {hit[0].isoformat()}（{quoted(line)}） "
                "(date taken from the page's metadata)",
                path="published",
                location=place(spec.location_of("published")),
            )
            return hit[0]
    notes.info(
        codes.SIGNATURE,
        "文末未印出成文日期 (no date printed at the end)",
        path="published",
        location=place(spec.location_of("published")),
    )
    return None


# -- sections ------------------------------------------------------------------


def _cut_at_headings(blocks: Sequence[Block], notes: Notes) -> tuple[Block, ...]:
    """The blocks with each paragraph that runs section headings in cut before them."""
    out: list[Block] = []
    for block in blocks:
        pieces = split_at_headings(block.text) if isinstance(block, Para) else []
        if len(pieces) <= 1:
            out.append(block)
            continue
        out += [Para(piece, block.where) for piece in pieces]
        notes.info(
            codes.HEADING,
            f"一段文字中印有 {len(pieces) - 1} 个章节标题（段落连成一段），已在标题处分段 "
            "(section headings inside one paragraph: cut before each)",
            location=block.where,
        )
    return tuple(out)


def _heading_notes(headings: Sequence[Found], notes: Notes) -> None:
    seen = {h.hit.key for h in headings}
    for found in headings:
        official = spec.heading(found.hit.key).text
        if found.hit.how in (How.TYPO, How.SIMILAR):
            notes.info(
                codes.HEADING,
                f"章节标题印为{quoted(found.text)}，读作“{official}” "
                "(heading printed otherwise, read as the official one)",
                path=found.hit.key,
                location=official,
            )
    for key in spec.SECTIONS.all_keys():
        if key not in seen:
            official = spec.heading(key).text
            notes.warn(
                codes.HEADING,
                f"未找到章节标题“{official}” (section heading not found)",
                path=key,
                location=official,
            )


def _last_key(headings: Sequence[Found]) -> str:
    return headings[-1].hit.key


def _sections(blocks: Sequence[Block], headings: Sequence[Found]) -> dict[str, list[str]]:
    """Each section's paragraphs (a heading's own tail first), tables and captions left out.

    A paragraph right before a table that only repeats the section's title
    (a caption) is skipped silently: it is the heading printed again.
    """
    out: dict[str, list[str]] = {}
    for n, found in enumerate(headings):
        key = found.hit.key
        stop = headings[n + 1].index if n + 1 < len(headings) else len(blocks)
        paragraphs = [found.hit.tail] if found.hit.tail else []
        for i in range(found.index + 1, stop):
            block = blocks[i]
            if not isinstance(block, Para) or not block.text.strip():
                continue
            before_grid = i + 1 < len(blocks) and isinstance(blocks[i + 1], Grid)
            if before_grid and is_caption(block.text, key):
                continue
            paragraphs.append(block.text)
        out[key] = paragraphs
    return out


def _narratives(data: dict[str, Any], sections: dict[str, list[str]], notes: Notes) -> None:
    if "overview" in sections:
        paragraphs = [piece for p in sections["overview"] for piece in split_at_topics(p)]
        if len(paragraphs) > len(sections["overview"]):
            notes.info(
                codes.HEADING,
                "“一、总体情况”的小标题印在段落中间（段落连成一段），已在小标题处分段 "
                "(sub-headings inside a paragraph: cut before each)",
                path="overview.parts",
                location=spec.heading("overview").text,
            )
        parts = split_parts(paragraphs)
        _run_on(parts, "overview", notes)
        data["overview"] = {
            "intro": parts[0].text,
            "parts": [p.to_data() for p in parts[1:]],
        }
    if "problems" in sections:
        parts = split_parts(sections["problems"])
        _run_on(parts, "problems", notes)
        data["problems"] = {"parts": [p.to_data() for p in _without_empty_lead(parts)]}
    if "other" in sections:
        text = "\n".join(p.strip() for p in sections["other"])
        other: dict[str, Any] = {"text": text}
        fee = _fee(text)
        if fee is not None:
            other["processing_fee"] = fee
        data["other"] = other
    for key in ("proactive", "applications", "review_litigation"):
        if sections.get(key):
            _left_out(spec.heading(key).text, sections[key], notes)


def _run_on(parts: Sequence[Part], key: str, notes: Notes) -> None:
    """Say where a sub-heading printed without a stop was cut from its text."""
    for part in parts:
        if part.run_on:
            first = part.paragraphs[0] if part.paragraphs else ""
            notes.info(
                codes.HEADING,
                f"小标题与正文之间没有标点，按小标题{quoted(part.heading)}切分，"
                f"正文自{quoted(first[:12])}起 (a sub-heading run into its text, cut after it)",
                path=f"{key}.parts",
                location=place(spec.heading(key).text, part.heading),
            )


def _without_empty_lead(parts: list[Part]) -> list[Part]:
    return parts[1:] if not parts[0].paragraphs else parts


def _fee(text: str) -> Decimal | None:
    """The 信息处理费 (元) 六 states, or None when it states no amount."""
    for statement in fee_statements(text):
        if statement.amount is not None:
            return statement.amount
    return None
