"""Data validation on every input cell, with a Chinese input message naming the field.

Excel, WPS and LibreOffice show the message when the cell is selected and
refuse a value outside the rule when it is typed (a pasted value slips past
data validation everywhere: the live checks and the reader catch it).
"""

from __future__ import annotations

from typing import Final

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govreport.limits import MAX_AMOUNT_DECIMALS, MAX_COUNT
from govreport.workbook.layout import BOOL_CHOICES, LEVEL_CHOICES, STYLE_CHOICES, Kind

#: Excel's limits on an input message (title, text) and on an error message's
#: text; a longer one makes Excel "repair" the file.
MAX_PROMPT_TITLE: Final = 32
MAX_PROMPT: Final = 255
MAX_ERROR: Final = 225
#: The most characters one cell holds (Excel).
MAX_CELL_CHARS: Final = 32767

#: Year and date bounds of the form (Excel date serials: 2000-01-01, 2100-12-31).
FIRST_YEAR: Final = 2000
LAST_YEAR: Final = 2100
_FIRST_DATE: Final = "36526"
_LAST_DATE: Final = "73415"

# (title, hint) shown when the cell is selected; the error when a typed value breaks the rule.
_HINTS: Final[dict[Kind, tuple[str, str, str]]] = {
    Kind.COUNT: ("请填写非负整数", "填 0 或正整数，不填小数、文字或“/”。", "应为不小于 0 的整数"),
    Kind.FEE: (
        "请填写金额（万元）",
        f"单位万元，不小于 0，最多 {MAX_AMOUNT_DECIMALS} 位小数；未收费填 0。",
        f"应为不小于 0 的数，最多 {MAX_AMOUNT_DECIMALS} 位小数",
    ),
    Kind.YUAN: ("请填写金额（元）", "单位元，不小于 0；未收取填 0。", "应为不小于 0 的数"),
    Kind.YEAR: ("请填写报告年度", "四位数年份，如 2025。", f"应为 {FIRST_YEAR}–{LAST_YEAR} 的年份"),
    Kind.DATE: ("请填写日期", "日期，如 2026-01-20；未定可暂不填。", "应为日期"),
    Kind.TEXT: ("请填写文字", "", f"一格最多 {MAX_CELL_CHARS} 字"),
    Kind.LEVEL: ("请选择行政级别", "从下拉列表中选择。", "请从下拉列表中选择行政级别"),
    Kind.BOOL: ("请选择是或否", "从下拉列表中选择“是”或“否”。", "应为“是”或“否”"),
    Kind.OPTIONAL_BOOL: (
        "请选择是、否或不填",
        "不填表示按行政级别确定（设区的市级以上人民政府和国务院部门有规章制定权）。",
        "应为“是”“否”或不填",
    ),
    Kind.STYLE: ("请选择列举方式", "从下拉列表中选择。", "请从下拉列表中选择"),
}


def _choices(values: tuple[str, ...]) -> str:
    return '"' + ",".join(values) + '"'


def _rule(kind: Kind, cell: str) -> DataValidation:
    """The validation of one ``kind``; ``cell`` is the top-left cell its formula refers to."""
    if kind is Kind.COUNT:
        return DataValidation("whole", operator="between", formula1="0", formula2=str(MAX_COUNT))
    if kind is Kind.FEE:
        # Excel has no "at most N decimals" rule: a custom formula says it.
        formula = f"AND(ISNUMBER({cell}),{cell}>=0,ROUND({cell},{MAX_AMOUNT_DECIMALS})={cell})"
        return DataValidation("custom", formula1=formula)
    if kind is Kind.YUAN:
        return DataValidation("decimal", operator="greaterThanOrEqual", formula1="0")
    if kind is Kind.YEAR:
        return DataValidation(
            "whole", operator="between", formula1=str(FIRST_YEAR), formula2=str(LAST_YEAR)
        )
    if kind is Kind.DATE:
        return DataValidation("date", operator="between", formula1=_FIRST_DATE, formula2=_LAST_DATE)
    if kind is Kind.LEVEL:
        return DataValidation("list", formula1=_choices(LEVEL_CHOICES))
    if kind in (Kind.BOOL, Kind.OPTIONAL_BOOL):
        return DataValidation("list", formula1=_choices(BOOL_CHOICES))
    if kind is Kind.STYLE:
        return DataValidation("list", formula1=_choices(STYLE_CHOICES))
    return DataValidation("textLength", operator="lessThanOrEqual", formula1=str(MAX_CELL_CHARS))


def add_validation(ws: Worksheet, kind: Kind, cells: str, label: str) -> None:
    """Validate ``cells`` (``"D6"`` or ``"B4:B20"``) as ``kind``; the message names ``label``."""
    title, hint, error = _HINTS[kind]
    top_left = cells.split(":", maxsplit=1)[0]
    dv = _rule(kind, top_left)
    dv.allow_blank = True
    dv.showInputMessage = True
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.promptTitle = title[:MAX_PROMPT_TITLE]
    dv.prompt = "\n".join(x for x in (label, hint) if x)[:MAX_PROMPT]
    dv.errorTitle = "输入有误"
    dv.error = f"{label}：{error}"[:MAX_ERROR]
    dv.add(cells)
    ws.add_data_validation(dv)
