"""Assemble the document: run the providers in order, place their sections, number them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from govreport.document.blocks import Block, Document, Heading, Section, Signature
from govreport.document.official import build_opening
from govreport.document.providers import BuildContext, PlacementError, SectionProvider, Where
from govreport.model import AnnualReport
from govreport.placeholders import official_date
from govreport.spec.headings import TITLE_SUFFIX, chinese_ordinal

__all__ = ["PlacementError", "assemble"]


def _place(sections: list[Section], provider: SectionProvider, built: Section) -> None:
    where, target = provider.placement.where, provider.placement.target
    if where is Where.END:
        sections.append(built)
        return
    keys = [s.key for s in sections]
    if target not in keys:
        raise PlacementError(
            f"section provider {provider.name!r} targets section {target!r}, "
            f"which is not in the document (sections: {', '.join(keys)})"
        )
    i = keys.index(target)
    if where is Where.BEFORE:
        sections.insert(i, built)
    elif where is Where.AFTER:
        sections.insert(i + 1, built)
    elif where is Where.REPLACE:
        sections[i] = built
    else:  # EXTEND
        sections[i] = attrs.evolve(sections[i], blocks=sections[i].blocks + built.blocks)


def _number_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """（一）… at level 2, 1. at level 3, （1） at level 4; deeper levels restart."""
    counters = [0, 0, 0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and block.numbered and 2 <= block.level <= 4:
            level = block.level
            counters[level] += 1
            for deeper in range(level + 1, len(counters)):
                counters[deeper] = 0
            n = counters[level]
            number = {2: f"（{chinese_ordinal(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]
            out.append(attrs.evolve(block, number=number))
        else:
            out.append(block)
    return tuple(out)


def _number(sections: Iterable[Section]) -> tuple[Section, ...]:
    """一、二、… for numbered sections; an unnumbered one keeps the number its provider fixed."""
    out: list[Section] = []
    n = 0
    for s in sections:
        number = s.number
        if s.numbered:
            n += 1
            number = f"{chinese_ordinal(n)}、"
        out.append(attrs.evolve(s, number=number, blocks=_number_blocks(s.blocks)))
    by_number: dict[str, str] = {}
    for s in out:
        if s.number and by_number.setdefault(s.number, s.key) != s.key:
            # Two sections headed 六、 is a plugin mistake a reader would notice first.
            raise PlacementError(
                f"sections {by_number[s.number]!r} and {s.key!r} are both numbered "
                f"{s.number!r}: fix the number of one of them (SectionProvider numbering)"
            )
    return tuple(out)


def _title_lines(report: AnnualReport) -> tuple[str, ...]:
    """The title in two lines, agency then the rest, as GB/T 9704 sets a long title.

    A title as printed (``title_text``) is split the same way when it starts
    with the agency's name, and kept whole on one line otherwise.
    """
    name = report.agency.name
    if not report.title_text:
        return (name, f"{report.year}{TITLE_SUFFIX}")
    if report.title_text.startswith(name) and len(report.title_text) > len(name):
        return (name, report.title_text[len(name) :])
    return (report.title_text,)


def assemble(
    report: AnnualReport,
    providers: Iterable[SectionProvider],
    *,
    previous: AnnualReport | None = None,
    signature: bool = True,
) -> Document:
    ctx = BuildContext(report, previous)
    sections: list[Section] = []
    for provider in providers:
        built = provider.build(ctx)
        if built is not None:
            _place(sections, provider, provider.apply_numbering(built))
    date = official_date(report.published) if report.published else ""
    return Document(
        title_lines=_title_lines(report),
        preamble=build_opening(ctx),
        sections=_number(sections),
        signature=Signature(report.signer, date) if signature and report.signed else None,
        title=report.title,
        author=report.agency.name,
        date=report.published.isoformat() if report.published else "",
    )
