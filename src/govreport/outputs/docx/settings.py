"""The layout constants of GB/T 9704 and the settings a caller may change.

Page geometry lives in the template (an agency may edit it in Word); the
values here are what the default template is built from and what the format
options override.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

TWIPS_PER_MM: Final = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres → twips (1/20 pt), rounded."""
    return round(value * TWIPS_PER_MM)


def pt(value: float) -> int:
    """Points → twips."""
    return round(value * 20)


# A4 and the GB/T 9704 margins (5.2.1): 版心 156 × 225 mm.
PAGE_WIDTH: Final = 11906
PAGE_HEIGHT: Final = 16838
MARGIN_TOP: Final = mm(37)
MARGIN_BOTTOM: Final = mm(35)
MARGIN_LEFT: Final = mm(28)
MARGIN_RIGHT: Final = mm(26)
TYPE_AREA_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
#: Puts the page number's dash about 7 mm below the 版心 (7.5).
FOOTER_DISTANCE: Final = mm(25.2)
HEADER_DISTANCE: Final = mm(15)

BODY_SIZE: Final = 32  # half-points: 三号 16 pt
TITLE_SIZE: Final = 44  # 二号 22 pt
PAGE_NUMBER_SIZE: Final = 28  # 四号 14 pt
#: 22 lines in the 225 mm 版心: 28.95 pt exact (5.2.3).
DEFAULT_LINE_PITCH_PT: Final = 28.95
#: 28 characters a line: 16 pt less 0.25 pt each fits 156 mm.
DEFAULT_CHAR_SPACING_PT: Final = -0.25

#: Table font size by table key (half-points): 二 at 五号, 三 and 四 at 小五.
TABLE_SIZES: Final[Mapping[str, int]] = {
    "proactive": 21,
    "applications": 18,
    "review_litigation": 18,
}
DEFAULT_TABLE_SIZE: Final = 21


class Style:
    """Style ids the body and shell use.  A template must define all of them."""

    TITLE: Final = "GRTitle"
    HEADING: Final[tuple[str, ...]] = ("Heading1", "Heading2", "Heading3", "Heading4")
    BODY: Final = "GRBody"
    TABLE_TEXT: Final = "GRTableText"
    TABLE_HEADER: Final = "GRTableHeader"
    SIGNATURE: Final = "GRSignature"
    DATE: Final = "GRDate"
    PAGE_NUMBER: Final = "GRPageNumber"


#: style id → (what it is for, in Chinese for `template check`).
REQUIRED_STYLES: Final[Mapping[str, str]] = {
    Style.TITLE: "标题（二号小标宋）",
    Style.HEADING[0]: "一级标题“一、”（黑体）",
    Style.HEADING[1]: "二级标题“（一）”（楷体）",
    Style.HEADING[2]: "三级标题“1.”（仿宋）",
    Style.HEADING[3]: "四级标题“（1）”（仿宋）",
    Style.BODY: "正文（三号仿宋）",
    Style.TABLE_TEXT: "表格文字",
    Style.TABLE_HEADER: "表头文字",
    Style.SIGNATURE: "发文机关署名",
    Style.DATE: "成文日期",
}

#: Paragraph styles on the body's line grid: the line pitch setting applies to them.
GRID_STYLES: Final = (Style.BODY, *Style.HEADING, Style.SIGNATURE, Style.DATE)


@attrs.frozen
class DocxSettings:
    """Format options that change layout.  ``None`` keeps what the template says."""

    line_pitch: float | None = None  # pt, exact line spacing and docGrid pitch
    char_spacing: float | None = None  # pt added to each character of body text
    bold_level3: bool | None = None  # bold "1." headings (a local practice)
    #: 署名 and 成文日期 block (7.3.5.2); deprecated as an option: the
    #: Document's own signature (Engine.render(signature=...)) decides.
    signature: bool = True

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> DocxSettings:
        return cls(
            line_pitch=options.get("line_pitch"),
            char_spacing=options.get("char_spacing"),
            bold_level3=options.get("bold_level3"),
            # None (the option not given) keeps the signature.
            signature=options.get("signature") is not False,
        )

    @property
    def style_key(self) -> tuple[object, ...]:
        """The part of the settings baked into a compiled template."""
        return (self.line_pitch, self.char_spacing, self.bold_level3)

    def char_width(self) -> int:
        """Width of one body character in twips (for the signature's indents)."""
        spacing = DEFAULT_CHAR_SPACING_PT if self.char_spacing is None else self.char_spacing
        return BODY_SIZE * 10 + pt(spacing)
