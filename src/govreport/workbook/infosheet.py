"""The 说明 sheet (what to fill, the commands afterwards) and 基本信息 (the agency, year, date)."""

from __future__ import annotations

from datetime import date
from typing import Final

from openpyxl.worksheet.worksheet import Worksheet

from govreport.workbook import style
from govreport.workbook.content import Content
from govreport.workbook.layout import INFO_TOP, LAYOUT, Kind
from govreport.workbook.validation import add_validation

#: What 基本信息's third column says about a field.
_HINTS: Final = {
    "agency.name": "必填，如：某某镇人民政府",
    "agency.level": "必填，从下拉列表中选择；决定发布期限和有无规章",
    "agency.has_rulemaking_power": "可不填：按行政级别确定",
    "year": "必填，统计期为该年1月1日至12月31日",
    "published": "发布时填写；乡镇和县级以上部门应于次年1月31日前发布",
    "agency.contact.address": "引言中的联系方式",
    "agency.website": "电子版发布的网站名称",
    "title_text": "可不填：按机关名称和年度自动生成",
    "opening": "可不填：按机关名称和年度自动生成引言",
    "signatory": "可不填：署机关名称",
    "signed": "已发布报告无署名时选“否”",
}

VALUE_WIDTH: Final = 50
HELP_WIDTH: Final = 110

#: Short lines: LibreOffice measures a line with one font and prints it with
#: another, so a line near the column's width may print past it.
_HELP: Final = (
    ("政府信息公开工作年度报告填报工作簿", "title"),
    ("按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）制作。", ""),
    ("一、填写什么", "head"),
    ("1.“基本信息”：机关名称、行政级别（下拉选择）、报告年度、发布日期、联系方式、署名。", ""),
    ("2.“二、”“三、”“四、”三张表：只填黄色单元格，填 0 或正整数，不留空。", ""),
    ("    行政事业性收费单位为万元。", ""),
    ("3.灰色“总计”为公式，自动计算，不必填写。", ""),
    ("4.表格右侧和下方的“校验”自动核对勾稽关系：显示“通过”即无误；", ""),
    ("    显示数字为差额，并标红，请核对。", ""),
    ("5.“一、”“五、”“六、”为文字部分：B 列每格一段（或一项），段落多时可插入行；", ""),
    ("    A 列为栏目名称，请勿改动。", ""),
    ("6.工作表受保护（无密码），标签和公式不能改动，以免误删；", ""),
    ("    请勿重命名或删除工作表，勿在表格中插入行。", ""),
    ("二、填好以后", "head"),
    ("在装有 govreport 的电脑上，于命令行执行：", ""),
    ("govreport validate 2025.xlsx", "code"),
    ("    校验：列出所有错误和提醒（标明工作表和单元格）。", ""),
    ("govreport render 2025.xlsx -f docx -f pdf -o out/", "code"),
    ("    生成：公开用的 Word 和 PDF 文件。", ""),
    ("govreport convert 2025.xlsx 2025.yaml", "code"),
    ("    转换：保存为数据文件，明年可用 govreport workbook --from 2025.yaml 生成新工作簿。", ""),
)


def write_help_sheet(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = HELP_WIDTH
    for row, (text, kind) in enumerate(_HELP, 1):
        cell = ws.cell(row, 1)
        style.put_text(cell, text)
        ws.row_dimensions[row].height = style.fit_height(text, HELP_WIDTH)
        font = {"title": style.TITLE, "head": style.BOLD, "code": style.CODE}.get(kind, style.FONT)
        style.style(cell, font=font, alignment=style.LEFT, border=False)
    ws.print_area = f"A1:A{len(_HELP)}"
    style.print_setup(ws, landscape=False, centered=False)
    style.protect(ws)


def write_info_sheet(ws: Worksheet, content: Content) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = VALUE_WIDTH
    ws.column_dimensions["C"].width = 50
    ws.merge_cells("A1:C1")
    style.put_text(ws["A1"], ws.title)
    style.style(ws["A1"], font=style.TITLE, border=False)
    ws.row_dimensions[1].height = 28
    for col, text in zip("ABC", ("项目", "填写内容", "说明"), strict=True):
        style.put_text(ws[f"{col}2"], text)
        style.style(ws[f"{col}2"], font=style.BOLD, fill=style.LABEL_FILL)
    for field in (f for f in LAYOUT.fields if f.sheet == ws.title):
        row = ws[field.cell].row
        label = ws[f"A{row}"]
        style.put_text(label, field.labels[-1])
        style.style(label, fill=style.LABEL_FILL, alignment=style.LEFT)
        target = ws[field.cell]
        value = content.values.get(field.path)
        if isinstance(value, str):
            style.put_text(target, value)
            ws.row_dimensions[row].height = style.fit_height(value, VALUE_WIDTH)
        else:
            target.value = value
        fmt = style.DATE_FORMAT if isinstance(value, date) or field.kind is Kind.DATE else None
        style.style(
            target, fill=style.INPUT_FILL, alignment=style.LEFT, locked=False, number_format=fmt
        )
        hint = ws[f"C{row}"]
        style.put_text(hint, _HINTS.get(field.path, ""))
        style.style(hint, font=style.NOTE, alignment=style.LEFT)
        add_validation(ws, field.kind, field.cell, "/".join(field.labels))
    ws.print_area = f"A1:C{INFO_TOP + len([f for f in LAYOUT.fields if f.sheet == ws.title]) - 1}"
    style.print_setup(ws, landscape=False)
    style.protect(ws)
