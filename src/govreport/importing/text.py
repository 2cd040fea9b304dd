"""Read a text file: govreport's own text output, or a plain text dump of a report.

Our text output (:mod:`govreport.outputs.text`) is a sequence of chunks
separated by blank lines: the centred title lines, paragraphs and sub-headings
indented by two ideographic spaces, section headings flush left, the tables
drawn with box characters, and the signature and date right-aligned.  Every
chunk but a table is one paragraph wrapped at the page width (a paragraph
never holds a line break of its own: the document splits text there), except
the title and signature chunks, whose lines are separate paragraphs each
wrapped on its own.  The page width is read back from the right-aligned
signature (its lines are exactly the width wide) or the centring of the
title; it decides the few line ends where the wrap dropped a space
(:mod:`govreport.importing.textjoin`).

A text file without a drawn table is taken as a plain dump (a crawler's page
text, a copy from a browser): each non-blank line is a paragraph, and a note
says that no table could be read; the numbers must come from elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import attrs

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Para, Source
from govreport.importing.textdecode import decode_text
from govreport.importing.textjoin import join_wrapped
from govreport.importing.textspace import squeeze
from govreport.importing.texttable import (
    TableShapeError,
    is_bottom_border,
    is_top_border,
    parse_table,
)
from govreport.io.regular import read_regular
from govreport.outputs.textwidth import display_width, units

#: Code of the note that a text file had no table the reader could read.  Every
#: reader's notes share the code I0 ("what the reader could not read or had to
#: guess"); the message says which.
NO_TABLE: Final = "I0"
#: Code of the note that a drawn table could not be read back.
TABLE_UNREADABLE: Final = "I0"

#: The text output's first-line indent (两个全角空格).
INDENT: Final = "\u3000\u3000"
_LINE_END: Final = re.compile(r"\r\n|\r|\n|\f")


@attrs.frozen
class _Chunk:
    start: int  # index of its first line in the file
    lines: tuple[str, ...]
    #: Index in ``lines`` of a drawn table's top border; None if no table.
    table_at: int | None = None

    def where(self, offset: int = 0) -> str:
        return f"第{self.start + offset + 1}行"


def _table_at(lines: Sequence[str]) -> int | None:
    """Where a drawn table starts in a chunk: after its centred caption, to the chunk's end."""
    for i, line in enumerate(lines):
        if is_top_border(line):
            return i if is_bottom_border(lines[-1]) and i < len(lines) - 1 else None
        if not line.startswith(" "):
            return None
    return None


def _chunks(lines: Sequence[str]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: list[str] = []
    for i, line in enumerate([*lines, ""]):
        if squeeze(line):
            current.append(line.rstrip(" \t"))
            continue
        if current:
            start = i - len(current)
            chunks.append(_Chunk(start, tuple(current), _table_at(current)))
            current = []
    return chunks


def _title_widths(chunk: _Chunk) -> set[int]:
    """Page widths that centre every line of ``chunk`` as printed (``pad`` puts the
    odd column on the right, so each line allows two)."""
    found: set[int] | None = None
    for line in chunk.lines:
        text = line.lstrip(" ")
        left = len(line) - len(text)
        here = {2 * left + display_width(text) + extra for extra in (0, 1)}
        found = here if found is None else found & here
    return found or set()


def _page_width(prose: Sequence[_Chunk]) -> int | None:
    """The width the text output wrapped at, read from the document itself."""
    if not prose:
        return None
    lowest = max(display_width(line) for chunk in prose for line in chunk.lines)
    last = prose[-1].lines
    if any(line.startswith(" ") for line in last):
        # Right-aligned lines are exactly the width wide (a full one has no padding).
        widths = {display_width(line) for line in last}
        if len(widths) == 1 and (width := widths.pop()) >= lowest:
            return width
    first = prose[0]
    if first.start == 0 and any(line.startswith(" ") for line in first.lines):
        fits = sorted(w for w in _title_widths(first) if w >= lowest)
        return fits[0] if fits else None
    return None


def _wrapped_onto(before: str, after: str, width: int | None) -> bool:
    """Whether ``after`` continues ``before`` because its first unit did not fit.

    A title or signature line that would have had room for it is a line of its
    own (a wrap at a space would also leave room, but two title lines are far
    likelier than a space there).  A line that starts with a number after a
    Chinese character is taken as a line of its own too: so are the year line
    of the title and the date under the signature, after a name that happens
    to fill its last line (a name cut before a number merely comes back as two
    paragraphs, which still join into the title as printed).
    """
    if width is None or not before or not after:
        return False
    if after[0].isascii() and after[0].isdigit() and display_width(before[-1]) > 1:
        return False
    pieces = units(after)
    return display_width(before) + display_width(pieces[0] if pieces else after) > width


def _aligned(chunk: _Chunk, width: int | None) -> list[Para]:
    """Centred, right-aligned or flush lines: a paragraph each, unless a line was
    wrapped onto the next (only when the width is known)."""
    groups: list[tuple[int, list[str]]] = []
    for i, line in enumerate(chunk.lines):
        text = line.strip(" ")
        if groups and _wrapped_onto(groups[-1][1][-1], text, width):
            groups[-1][1].append(text)
            continue
        groups.append((i, [text]))
    paras = []
    for i, lines in groups:
        text = squeeze(join_wrapped(lines, width, keep_line_breaks=False))
        if text:
            paras.append(Para(text, chunk.where(i)))
    return paras


def _paragraph(chunk: _Chunk, width: int | None) -> Para:
    lines = [chunk.lines[0][len(INDENT) :], *chunk.lines[1:]]
    text = join_wrapped(lines, width, first_extra=display_width(INDENT), keep_line_breaks=False)
    return Para(squeeze(text), chunk.where())


def _own_output(chunks: Sequence[_Chunk]) -> tuple[list[Block], list[Finding]]:
    prose = [c for c in chunks if c.table_at is None]
    width = _page_width(prose)
    blocks: list[Block] = []
    notes: list[Finding] = []
    for chunk in chunks:
        if chunk.table_at is not None:
            caption = _Chunk(chunk.start, chunk.lines[: chunk.table_at])
            if caption.lines:
                blocks += _aligned(caption, width)
            where = chunk.where(chunk.table_at)
            try:
                blocks.append(parse_table(chunk.lines[chunk.table_at :], where))
            except TableShapeError as exc:
                notes.append(
                    Finding(
                        TABLE_UNREADABLE,
                        Severity.WARNING,
                        f"{where}起的表格无法还原（{exc}），未读取"
                        " (a drawn table could not be read)",
                        location=where,
                    )
                )
        elif chunk.lines[0].startswith(INDENT):
            blocks.append(_paragraph(chunk, width))
        else:
            blocks += _aligned(chunk, width)
    return blocks, notes


def _plain(lines: Sequence[str]) -> tuple[list[Block], list[Finding]]:
    blocks: list[Block] = [
        Para(text, f"第{i + 1}行") for i, line in enumerate(lines) if (text := squeeze(line))
    ]
    note = Finding(
        NO_TABLE,
        Severity.WARNING,
        "文本中没有可读的表格（纯文本里表格已丢失或单元格连在一起）：只读取了段落，"
        "三张统计表的数字需另行核对 (no table could be read from the text)",
    )
    return blocks, [note]


def parse_text(text: str, notes: Sequence[Finding] = ()) -> Source:
    """The Source of a text file's characters (``notes``: those of decoding it)."""
    lines = _LINE_END.split(text)
    chunks = _chunks(lines)
    if any(chunk.table_at is not None for chunk in chunks):
        blocks, found = _own_output(chunks)
    else:
        blocks, found = _plain(lines)
    return Source("txt", tuple(blocks), notes=(*notes, *found))


def read_text(path: Path, data: bytes | None = None) -> Source:
    """A text file (ours or a plain dump) as paragraphs and tables; see the module notes.

    ``data``: the file's bytes, when read already (the import hashes them).
    """
    if data is None:
        data = read_regular(path, limits.MAX_IMPORT_FILE_BYTES)
    text, notes = decode_text(path, data)
    return parse_text(text, notes)
