"""Build the default Word template, byte for byte reproducibly.

    python templates/build_default_template.py          # writes both copies
    python templates/build_default_template.py --check  # exit 1 if they are stale

The template is written from raw WordprocessingML, not from python-docx's
800 KB default: a few KB of exactly the styles the report uses.  This script
is the single source of truth; ``templates/default.docx`` and the copy shipped
in the package (``src/govreport/templates/default.docx``) are its output, and
a test checks that both equal a fresh build.

Placeholders (docxtpl syntax): ``{%p for line in title_lines %}`` … ``{{ line }}``
for the title, ``{{p body }}`` where the report body goes, and the signature
block ``{%p if signature %}`` … ``{{ signer }}`` … ``{{ date }}``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from govreport.fileio import atomic_write
from govreport.outputs.docx.package import Member, write_zip
from govreport.outputs.docx.settings import (
    BODY_SIZE,
    DEFAULT_CHAR_SPACING_PT,
    DEFAULT_LINE_PITCH_PT,
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    TITLE_SIZE,
    Style,
    pt,
)

HERE = Path(__file__).resolve().parent
OUTPUTS = (HERE / "default.docx", HERE.parent / "src" / "govreport" / "templates" / "default.docx")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Official font names; the reader's machine supplies them (altName helps Word
# substitute on machines with only the newer 仿宋/楷体).
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

LINE = pt(DEFAULT_LINE_PITCH_PT)  # 579
CHAR_SPACING = pt(DEFAULT_CHAR_SPACING_PT)  # -5
INDENT_2 = 2 * BODY_SIZE * 10  # two 16 pt characters, for LibreOffice (ignores *Chars)


def fonts(name: str) -> str:
    """All four slots: python-docx's font.name sets only ascii/hAnsi."""
    return f'<w:rFonts w:ascii="{name}" w:eastAsia="{name}" w:hAnsi="{name}" w:cs="{name}"/>'


def size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def style(
    style_id: str,
    name: str,
    *,
    based_on: str = "Normal",
    next_style: str = "",
    ppr: str = "",
    rpr: str = "",
    kind: str = "paragraph",
) -> str:
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style w:type="{kind}" w:customStyle="{0 if style_id.startswith("Heading") else 1}"'
        f' w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{nxt}'
        f"<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def heading(level: int, font: str) -> str:
    return style(
        Style.HEADING[level - 1],
        f"heading {level}",
        based_on=Style.BODY,
        next_style=Style.BODY,
        ppr=f'<w:keepNext/><w:keepLines/><w:outlineLvl w:val="{level - 1}"/>',
        rpr=fonts(font),
    ).replace(' w:customStyle="0"', "")


def styles_xml() -> str:
    table_ppr = '<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>'
    table_ppr += '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>'
    return (
        f"{DECL}<w:styles {W}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts(FANGSONG)}<w:kern w:val="2"/>{size(BODY_SIZE)}'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f'<w:widowControl w:val="0"/><w:spacing w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + style(
            Style.TITLE,
            "公文标题",
            ppr='<w:keepNext/><w:keepLines/><w:jc w:val="center"/>',
            rpr=fonts(XIAOBIAOSONG) + size(TITLE_SIZE),
        )
        + style(
            Style.BODY,
            "公文正文",
            ppr=f'<w:ind w:firstLineChars="200" w:firstLine="{INDENT_2}"/>',
            rpr=f'<w:spacing w:val="{CHAR_SPACING}"/>',
        )
        + heading(1, HEITI)
        + heading(2, KAITI)
        + heading(3, FANGSONG)
        + heading(4, FANGSONG)
        + style(
            Style.TABLE_TEXT,
            "表格文字",
            ppr=table_ppr,
            rpr=fonts(SONGTI) + '<w:kern w:val="0"/>' + size(21),
        )
        + style(Style.TABLE_HEADER, "表头文字", based_on=Style.TABLE_TEXT, rpr="<w:b/><w:bCs/>")
        + style(
            Style.SIGNATURE,
            "发文机关署名",
            ppr='<w:keepNext/><w:keepLines/><w:jc w:val="right"/>',
            rpr=f'<w:spacing w:val="{CHAR_SPACING}"/>',
        )
        + style(Style.DATE, "成文日期", based_on=Style.SIGNATURE)
        + style(
            Style.PAGE_NUMBER,
            "页码",
            ppr='<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>',
            rpr=fonts(SONGTI) + size(PAGE_NUMBER_SIZE),
        )
        + "</w:styles>"
    )


def _p(style_id: str, text: str = "", ppr: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ppr}</w:pPr>{run}</w:p>'


def _tag(text: str) -> str:
    """A paragraph holding only a docxtpl paragraph-level tag ({%p …%}, {{p …}})."""
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def document_xml() -> str:
    blank = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
    body = (
        _tag("{%p for line in title_lines %}")
        + _p(Style.TITLE, "{{ line }}")
        + _tag("{%p endfor %}")
        + _p(Style.BODY, "", blank)  # 标题下空一行 (7.3.2)
        + _tag("{{p body }}")
        + _tag("{%p if signature %}")
        + _p(Style.BODY, "", blank)  # 正文下空一行 (7.3.5.2)
        + _p(Style.SIGNATURE, "{{ signer }}")
        + _p(Style.DATE, "{{ date }}")
        + _tag("{%p endif %}")
    )
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>'
        '<w:footerReference w:type="even" r:id="rId5"/>'
        f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}"'
        f' w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}"'
        ' w:gutter="0"/><w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr>'
    )
    return f"{DECL}<w:document {W} {R}><w:body>{body}{sect}</w:body></w:document>"


def footer_xml(odd: bool) -> str:
    """ "— N —" in 4号宋体; odd pages right, even pages left, one character in (7.5)."""
    one_char = PAGE_NUMBER_SIZE * 10
    if odd:
        ppr = f'<w:ind w:right="{one_char}" w:rightChars="100"/><w:jc w:val="right"/>'
    else:
        ppr = f'<w:ind w:left="{one_char}" w:leftChars="100"/><w:jc w:val="left"/>'
    runs = (
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
    )
    para = f'<w:p><w:pPr><w:pStyle w:val="{Style.PAGE_NUMBER}"/>{ppr}</w:pPr>{runs}</w:p>'
    return f"{DECL}<w:ftr {W} {R}>{para}</w:ftr>"


def settings_xml() -> str:
    return (
        f"{DECL}<w:settings {W}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def font_table_xml() -> str:
    def font(name: str, alt: str, family: str) -> str:
        alt_el = f'<w:altName w:val="{alt}"/>' if alt else ""
        return (
            f'<w:font w:name="{name}">{alt_el}<w:charset w:val="86"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="fixed"/></w:font>'
        )

    return (
        f"{DECL}<w:fonts {W}>"
        + font(FANGSONG, "仿宋", "modern")
        + font(KAITI, "楷体", "modern")
        + font(HEITI, "SimHei", "modern")
        + font(XIAOBIAOSONG, "宋体", "script")
        + font(SONGTI, "SimSun", "auto")
        + "</w:fonts>"
    )


def content_types_xml() -> str:
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [
        ("/word/document.xml", f"{wml}.document.main+xml"),
        ("/word/styles.xml", f"{wml}.styles+xml"),
        ("/word/settings.xml", f"{wml}.settings+xml"),
        ("/word/fontTable.xml", f"{wml}.fontTable+xml"),
        ("/word/footer1.xml", f"{wml}.footer+xml"),
        ("/word/footer2.xml", f"{wml}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    return (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in rels
    )
    return (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{items}</Relationships>"
    )


OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def parts() -> list[tuple[str, str]]:
    return [
        ("[Content_Types].xml", content_types_xml()),
        (
            "_rels/.rels",
            rels_xml(
                [
                    ("rId1", f"{OD}/officeDocument", "word/document.xml"),
                    (
                        "rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                    ("rId3", f"{OD}/extended-properties", "docProps/app.xml"),
                ]
            ),
        ),
        (
            "docProps/core.xml",
            f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:title>政府信息公开工作年度报告（默认模板）</dc:title><dc:creator>govreport</dc:creator>"
            "</cp:coreProperties>",
        ),
        (
            "docProps/app.xml",
            f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>govreport</Application></Properties>',
        ),
        ("word/document.xml", document_xml()),
        (
            "word/_rels/document.xml.rels",
            rels_xml(
                [
                    ("rId1", f"{OD}/styles", "styles.xml"),
                    ("rId2", f"{OD}/settings", "settings.xml"),
                    ("rId3", f"{OD}/fontTable", "fontTable.xml"),
                    ("rId4", f"{OD}/footer", "footer1.xml"),
                    ("rId5", f"{OD}/footer", "footer2.xml"),
                ]
            ),
        ),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml(odd=True)),
        ("word/footer2.xml", footer_xml(odd=False)),
    ]


def build() -> bytes:
    """The default template's bytes; the same on every run."""
    return write_zip(Member.of(name, text.encode("utf-8"), level=9) for name, text in parts())


def main(argv: list[str]) -> int:
    data = build()
    if "--check" in argv:
        stale = [str(p) for p in OUTPUTS if not p.exists() or p.read_bytes() != data]
        for p in stale:
            print(f"stale: {p} (run python templates/build_default_template.py)")
        return 1 if stale else 0
    for path in OUTPUTS:
        atomic_write(path, data)
        print(f"wrote {path} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
