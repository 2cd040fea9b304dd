"""The printed text of one Word paragraph (``w:p``), read from its XML.

What Word prints of a paragraph is its runs' text (``w:t``) in order, with
``w:tab`` shown as a space and ``w:br``/``w:cr`` ending a line.  Runs sit
inside hyperlinks, simple fields (``w:fldSimple``: the result is printed),
smart tags, content controls, custom XML and tracked insertions (``w:ins``,
``w:moveTo``); all of those are read.  Not printed, so not read: tracked
deletions (``w:del``, ``w:moveFrom``, ``w:delText``), a complex field's
instruction (``w:instrText``; its result runs are ordinary runs), hidden text
(``w:vanish``) and the properties.  Text boxes and shapes (``w:drawing``,
``w:pict``) float outside the flow of the text: they are not read, and the
reader says so.
"""

from __future__ import annotations

from typing import Any, Final

from govreport.importing.textspace import squeeze_lines

#: An lxml element (python-docx's); lxml has no type stubs here.
Element = Any

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W: Final = f"{{{W_NS}}}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: Elements whose runs are printed as part of the paragraph.
_CONTAINERS: Final = frozenset(
    W + name
    for name in ("hyperlink", "fldSimple", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo")
)
_FALSE: Final = frozenset({"0", "false", "off"})
_BLANKS: Final = str.maketrans("\r\n\t", "   ")
#: Shapes, pictures and text boxes: outside the flow of the paragraph's text.
_FLOATING: Final = frozenset((f"{W}drawing", f"{W}pict", f"{W}object", f"{_MC}AlternateContent"))


def _has_text(shape: Element) -> bool:
    """A text box (or a shape with text): a picture alone says nothing to read."""
    return any((t.text or "").strip() for t in shape.iter(f"{W}t"))


def on(element: Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return element is not None and element.get(f"{W}val", "true").lower() not in _FALSE


class _Text:
    def __init__(self) -> None:
        self.parts: list[str] = []
        #: Text boxes and shapes with text met (their text is not read).
        self.floating = 0

    def run(self, run: Element) -> None:
        props = run.find(f"{W}rPr")
        if props is not None and on(props.find(f"{W}vanish")):
            return  # hidden text is not printed
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                # A line end or tab typed into the XML itself is no break: Word shows a space.
                self.parts.append((child.text or "").translate(_BLANKS))
            elif tag in (f"{W}tab", f"{W}ptab"):
                self.parts.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                self.parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                self.parts.append("-")
            elif tag in _FLOATING:
                self.floating += _has_text(child)

    def walk(self, element: Element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                self.run(child)
            elif tag in _CONTAINERS:
                self.walk(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content)
            elif tag == f"{_MC}AlternateContent":
                self.floating += _has_text(child)


def paragraph_text(paragraph: Element) -> tuple[str, int]:
    """The paragraph's printed text (lines joined by ``\\n``, white space
    squeezed) and how many text boxes (shapes with text) it holds, unread."""
    text = _Text()
    text.walk(paragraph)
    return squeeze_lines("".join(text.parts)), text.floating
