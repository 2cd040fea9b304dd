"""Section providers: how sections get into the document, and where.

The built-in provider makes the six official sections; a plugin adds a part a
province requires, inserts one before or after a named section, replaces a
narrative section, or extends a section with a subsection.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from govreport.document.blocks import Block, Paragraph, ParagraphRole, Section
from govreport.model import AnnualReport
from govreport.placeholders import context, render_text


class Where(enum.Enum):
    END = "end"
    BEFORE = "before"
    AFTER = "after"
    REPLACE = "replace"
    EXTEND = "extend"  # append the built section's blocks to the target section


@attrs.frozen
class Placement:
    where: Where = Where.END
    target: str = ""

    @classmethod
    def at_end(cls) -> Placement:
        return cls(Where.END)

    @classmethod
    def before(cls, key: str) -> Placement:
        return cls(Where.BEFORE, key)

    @classmethod
    def after(cls, key: str) -> Placement:
        return cls(Where.AFTER, key)

    @classmethod
    def replace(cls, key: str) -> Placement:
        return cls(Where.REPLACE, key)

    @classmethod
    def extend(cls, key: str) -> Placement:
        return cls(Where.EXTEND, key)


class BuildContext:
    """What a provider gets: the report and text helpers that resolve placeholders."""

    def __init__(self, report: AnnualReport, previous: AnnualReport | None = None) -> None:
        self.report = report
        self.previous = previous
        self._names: dict[str, Any] | None = None

    @property
    def names(self) -> dict[str, Any]:
        """Placeholder names, built on first use (plain-text reports never pay)."""
        if self._names is None:
            self._names = context(self.report)
        return self._names

    def text(self, text: str) -> str:
        """One string with its placeholders evaluated."""
        return render_text(text, self.names) if "{" in text else text

    def paragraphs(
        self, text: str, role: ParagraphRole = ParagraphRole.BODY
    ) -> tuple[Paragraph, ...]:
        """User text → paragraphs: one per non-blank line, placeholders evaluated."""
        evaluated = self.text(text)
        return tuple(
            Paragraph(line.strip(), role) for line in evaluated.splitlines() if line.strip()
        )


@attrs.frozen
class SectionProvider:
    """Builds one section (or nothing, by returning None) and says where it goes."""

    name: str
    build: Callable[[BuildContext], Section | None]
    placement: Placement = attrs.field(factory=Placement.at_end)


def blocks_of(*parts: Block | tuple[Block, ...]) -> tuple[Block, ...]:
    """Flatten blocks and tuples of blocks, in order."""
    out: list[Block] = []
    for part in parts:
        if isinstance(part, tuple):
            out.extend(part)
        else:
            out.append(part)
    return tuple(out)
