"""Writing the layout settings into a template's XML, once, before it is compiled.

Line pitch, character spacing and bold level-3 headings are options of a
render, but they live in the template's styles and section grid; changing
the XML here (instead of per report) keeps the compiled template static.
The 署名/日期 paragraphs get placeholder indents that the shell context
(:mod:`~govreport.outputs.docx.shell`) fills in per report.
"""

from __future__ import annotations

from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from govreport.outputs.docx.parts import Element, W
from govreport.outputs.docx.settings import GRID_STYLES, DocxSettings, Style, pt

# Schema order of the children of w:pPr and w:rPr that we may have to add
# (the lists are python-docx's, from its oxml classes).  Raw lxml rather than
# python-docx here: this runs on every compile of every template, python-docx
# would parse the whole package to change a few elements, and its API has no
# setter for the docGrid pitch or the *Chars indents we write.
_PPR_ORDER: Final = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_STYLE_ORDER: Final = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
]
_RPR_ORDER: Final = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


def _child(parent: Element, tag: str, order: list[str]) -> Element:
    """The ``w:tag`` child of ``parent``, created at its schema position if missing."""
    found = parent.find(f"{W}{tag}")
    if found is not None:
        return found
    el = etree.Element(f"{W}{tag}")
    rank = order.index(tag)
    for i, sibling in enumerate(parent):
        local = etree.QName(sibling).localname
        if local in order and order.index(local) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def _set(el: Element, **attrs_: str) -> None:
    for k, v in attrs_.items():
        el.set(f"{W}{k}", v)


def apply_style_settings(styles_xml: bytes, settings: DocxSettings) -> bytes:
    """Line pitch, character spacing and bold level-3 headings, written into the styles."""
    if settings.style_key == (None, None, None):
        return styles_xml
    root = etree.fromstring(styles_xml)
    by_id = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
    for sid in GRID_STYLES:
        st = by_id.get(sid)
        if st is None:
            continue
        if settings.line_pitch is not None:
            ppr = _child(st, "pPr", _STYLE_ORDER)
            _set(
                _child(ppr, "spacing", _PPR_ORDER),
                line=str(pt(settings.line_pitch)),
                lineRule="exact",
            )
        if settings.char_spacing is not None:
            rpr = _child(st, "rPr", _STYLE_ORDER)
            _set(_child(rpr, "spacing", _RPR_ORDER), val=str(pt(settings.char_spacing)))
    level3 = by_id.get(Style.HEADING[2])
    if settings.bold_level3 is not None and level3 is not None:
        rpr = _child(level3, "rPr", _STYLE_ORDER)
        for tag in ("b", "bCs"):
            el = _child(rpr, tag, _RPR_ORDER)
            if settings.bold_level3:
                el.attrib.pop(f"{W}val", None)
            else:
                el.set(f"{W}val", "0")
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def prepare_main(root: Element, settings: DocxSettings) -> None:
    """Give the 署名/日期 paragraphs computed indents; set the grid pitch if asked."""
    for p in root.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        sid = style.get(f"{W}val") if style is not None else None
        if sid in (Style.SIGNATURE, Style.DATE):
            ind = ppr.find(f"{W}ind")
            if ind is not None:
                ppr.remove(ind)
            prefix = "signer" if sid == Style.SIGNATURE else "date"
            _set(
                _child(ppr, "ind", _PPR_ORDER),
                right=f"@@{prefix}_indent@@",
                rightChars=f"@@{prefix}_indent_chars@@",
            )
    if settings.line_pitch is not None:
        for grid in root.iter(f"{W}docGrid"):
            grid.set(f"{W}linePitch", str(pt(settings.line_pitch)))
