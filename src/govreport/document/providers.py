"""Section providers: how sections get into the document, and where.

The built-in provider makes the six official sections; a plugin adds a part a
province requires, inserts one before or after a named section, replaces a
narrative section, or extends a section with a subsection.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from govreport.document.blocks import Block, Paragraph, ParagraphRole, Section
from govreport.errors import GovreportError
from govreport.model import AnnualReport
from govreport.placeholders import PlaceholderError, context, render_text
from govreport.spec import location_of


class PlacementError(GovreportError, ValueError):
    """A provider names a section that is not (or no longer) in the document,
    or asks for a heading number that cannot be given."""


class Numbering(enum.Enum):
    """How a provider's section is numbered; a string instead fixes the number."""

    AUTO = "auto"  # the next of 一、二、…; an inserted section renumbers those after it
    NONE = "none"  # no number, and not counted: the sections after it keep theirs


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


#: What separates paragraphs in user text, and what may be trimmed around them.
_LINE_END: Final = re.compile(r"\r\n|\r|\n")
_SPACES: Final = " \t\u3000"


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
        """One string with its placeholders evaluated (by the function validation uses).

        A failure names the field it comes from, as rule P1 does.
        """
        if "{" not in text:
            return text
        try:
            return render_text(text, self.names)
        except PlaceholderError as exc:
            path = field_of(self.report, text)
            if path is None:
                raise
            raise PlaceholderError(
                f"“{location_of(path)}”（{path}）中的占位符无法生成文字：{exc}"
            ) from None

    def paragraphs(
        self,
        text: str,
        role: ParagraphRole = ParagraphRole.BODY,
        *,
        placeholders: bool = True,
    ) -> tuple[Paragraph, ...]:
        """User text → paragraphs: one per non-blank line.

        Placeholders are evaluated unless ``placeholders=False``: text that is
        data (an agency's name or phone, a sentence built from them, a text
        already evaluated) is printed as written, ``{{ }}`` and all.
        """
        evaluated = self.text(text) if placeholders else text
        # Only line ends split and only spaces are trimmed: str.splitlines() and
        # str.strip() would also eat U+2028, U+0085, U+000B… and control
        # characters at the ends, silently (rule T1 and the outputs refuse those).
        lines = (line.strip(_SPACES) for line in _LINE_END.split(evaluated))
        return tuple(Paragraph(line, role) for line in lines if line)


def field_of(obj: object, text: str, prefix: str = "") -> str | None:
    """The model path of the text field of ``obj`` that holds ``text``, if one does."""
    if not attrs.has(type(obj)):
        return None
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        path = f"{prefix}{field.name}"
        if isinstance(value, str) and value == text:
            return path
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, str) and item == text:
                    return f"{path}[{i}]"
        elif attrs.has(type(value)):
            found = field_of(value, text, f"{path}.")
            if found is not None:
                return found
    return None


def _check_numbering(provider: SectionProvider, _: object, numbering: Numbering | str) -> None:
    if isinstance(numbering, Numbering):
        if numbering is not Numbering.AUTO and provider.placement.where is Where.EXTEND:
            raise PlacementError(
                f"section provider {provider.name!r} extends section "
                f"{provider.placement.target!r}: its blocks join that section, which keeps "
                "its own number, so numbering must stay Numbering.AUTO"
            )
        return
    if not isinstance(numbering, str) or not numbering.strip():
        raise PlacementError(
            f"section provider {provider.name!r}: numbering must be Numbering.AUTO, "
            f"Numbering.NONE or the number to print such as '七、', not {numbering!r}"
        )
    if provider.placement.where is Where.EXTEND:
        raise PlacementError(
            f"section provider {provider.name!r} extends section "
            f"{provider.placement.target!r} and cannot fix a number ({numbering!r})"
        )


@attrs.frozen
class SectionProvider:
    """Builds one section (or nothing, by returning None) and says where it goes.

    ``numbering`` (keyword only): :attr:`Numbering.AUTO` (default) numbers the
    section in sequence; :attr:`Numbering.NONE` leaves it unnumbered and
    uncounted; a string such as ``"七、"`` is printed as given and does not
    advance the sequence, so the sections after it keep their numbers.
    """

    name: str
    build: Callable[[BuildContext], Section | None]
    placement: Placement = attrs.field(factory=Placement.at_end)
    numbering: Numbering | str = attrs.field(
        default=Numbering.AUTO, kw_only=True, validator=_check_numbering
    )

    def apply_numbering(self, section: Section) -> Section:
        """``section`` as this provider's numbering wants it, before assembly numbers the rest."""
        if self.numbering is Numbering.AUTO:
            return section
        if self.numbering is Numbering.NONE:
            return attrs.evolve(section, numbered=False, number="")
        # A fixed number is kept by assembly, which only counts numbered sections.
        return attrs.evolve(section, numbered=False, number=str(self.numbering))


def blocks_of(*parts: Block | tuple[Block, ...]) -> tuple[Block, ...]:
    """Flatten blocks and tuples of blocks, in order."""
    out: list[Block] = []
    for part in parts:
        if isinstance(part, tuple):
            out.extend(part)
        else:
            out.append(part)
    return tuple(out)
