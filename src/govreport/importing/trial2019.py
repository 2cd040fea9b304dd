"""The 2019 trial format (国办公开办函〔2019〕60号) and the ``trial2019`` data block.

Reports for 2019 and 2020 (and some later ones) use the trial format.  Its
tables 三 and 四 are those of the 2021 format (国办公开办函〔2021〕30号),
except that 三's （六）其他处理 is one row; its table 二 differs.  An
imported trial-format report keeps everything it printed: what means the same
in the 2021 format goes to the usual keys, the rest to
``extensions: {trial2019: …}``, and a note (M14) lists the 2021 cells it
cannot fill.

Where each printed cell of the trial format goes:

- 二 第二十条第（一）项, rows 规章 and 规范性文件, columns 本年新制作数量,
  本年新公开数量, 对外公开总数量 → ``trial2019.rules`` and
  ``trial2019.normative_documents`` (``made``, ``published``,
  ``total_published``).  They are not 制发 / 废止 / 现行有效, so
  ``proactive.rules`` and ``proactive.normative_documents`` are left out.
- 二 （五）行政许可, （六）行政处罚 and 行政强制, column 处理决定数量 →
  ``proactive.licensing``, ``punishment``, ``coercion``: the same count.
- The same rows, columns 上一年项目数量 and 本年增/减 →
  ``trial2019.licensing``, ``punishment``, ``coercion`` (``previous_items``,
  ``change``): no 2021 counterpart.
- 二 （五）其他对外管理服务事项 → ``trial2019.other_services``
  (``previous_items``, ``change``, ``decisions``).
- 二 （八）行政事业性收费, columns 上一年项目数量 and 本年增/减 →
  ``trial2019.fees``.  The 2021 amount (万元) is not printed:
  ``proactive.fees`` is left out.
- 二 第二十条第（九）项 政府集中采购, columns 采购项目数量 and 采购总金额 →
  ``trial2019.procurement`` (``items``, ``amount``, ``unit``); the amount
  keeps the unit printed with it.
- 三, every row → ``applications`` as in 2021; （六）其他处理, one row in the
  trial format → ``applications.results.other_handling.other``, with a note;
  its other two sub-rows are left out.

A cell the trial format does not have is left out of the data file, never
written ``null``: the loader reads ``null`` as a cell printed blank (D4), and
the model's 0 for a missing key is what the 2021 format would say.  Note M14
names those cells once.
- 四, every cell → ``review_litigation`` as in 2021.

A block, as ``govreport import`` writes it::

    extensions:
      trial2019:
        rules: {made: 13, published: 13, total_published: 524}
        normative_documents: {made: 60, published: 60, total_published: 368}
        licensing: {previous_items: 0, change: 0}
        other_services: {previous_items: 0, change: 0, decisions: 0}
        punishment: {previous_items: 0, change: 0}
        coercion: {previous_items: 0, change: 0}
        fees: {previous_items: 0, change: 0}
        procurement: {items: 6, amount: 251000, unit: 元}

A cell printed blank is ``null``; ``本年增/减`` may be negative.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from govreport.plugins.contributions import Extension

NAME: Final = "trial2019"
TITLE: Final = "2019年试行格式"
PREFIX: Final = f"extensions.{NAME}"


@attrs.frozen(kw_only=True)
class Documents:
    """A row of 第二十条第（一）项 in the trial format (规章 or 规范性文件)."""

    made: int | None = attrs.field(default=None, metadata={"label": "本年新制作数量"})
    published: int | None = attrs.field(default=None, metadata={"label": "本年新公开数量"})
    total_published: int | None = attrs.field(default=None, metadata={"label": "对外公开总数量"})


@attrs.frozen(kw_only=True)
class Items:
    """A row of 第二十条第（五）（六）（八）项 in the trial format: the counts of 项目.

    ``decisions`` (处理决定数量) is kept here only for 其他对外管理服务事项:
    that of 行政许可, 行政处罚 and 行政强制 is ``proactive.licensing`` …, as in
    the 2021 format.
    """

    previous_items: int | None = attrs.field(default=None, metadata={"label": "上一年项目数量"})
    change: int | None = attrs.field(default=None, metadata={"label": "本年增/减"})
    decisions: int | None = attrs.field(default=None, metadata={"label": "处理决定数量"})


@attrs.frozen(kw_only=True)
class Procurement:
    """第二十条第（九）项 政府集中采购."""

    items: int | None = attrs.field(default=None, metadata={"label": "采购项目数量"})
    #: As printed: the trial format does not fix the unit.
    amount: Decimal | None = attrs.field(default=None, metadata={"label": "采购总金额"})
    unit: str = attrs.field(default="", metadata={"label": "金额单位"})


@attrs.frozen(kw_only=True)
class Trial2019:
    """The parts of a trial-format table 二 that the 2021 format has no place for."""

    rules: Documents = attrs.field(factory=Documents, metadata={"label": "规章"})
    normative_documents: Documents = attrs.field(
        factory=Documents, metadata={"label": "规范性文件"}
    )
    licensing: Items = attrs.field(factory=Items, metadata={"label": "行政许可"})
    other_services: Items = attrs.field(factory=Items, metadata={"label": "其他对外管理服务事项"})
    punishment: Items = attrs.field(factory=Items, metadata={"label": "行政处罚"})
    coercion: Items = attrs.field(factory=Items, metadata={"label": "行政强制"})
    fees: Items = attrs.field(factory=Items, metadata={"label": "行政事业性收费"})
    procurement: Procurement = attrs.field(factory=Procurement, metadata={"label": "政府集中采购"})


#: The block, for the importing plugin to register.
#: It is written by ``govreport import`` only: ``govreport new`` leaves it out.
TRIAL_2019: Final = Extension(NAME, Trial2019, TITLE, in_skeleton=False)

# -- the printed labels of the trial format's table 二 -------------------------

#: Column kind → its header label in the trial format.
COLUMNS: Final[dict[str, str]] = {
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "previous_items": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
    "items": "采购项目数量",
    "amount": "采购总金额",
}
#: The columns only the trial format has (处理决定数量 is the 2021 本年处理决定数量).
TRIAL_ONLY_COLUMNS: Final = frozenset(COLUMNS) - {"decisions"}
#: Rows the 2021 format does not have: row key → label.
ROWS: Final[dict[str, str]] = {
    "other_services": "其他对外管理服务事项",
    "procurement": "政府集中采购",
}
#: The trial format's label of 行政规范性文件.
NORMATIVE_DOCUMENTS: Final = "规范性文件"
#: The block the 2021 format does not have.
ARTICLE_20_9: Final = "第二十条第（九）项"

#: The 2021 cells a trial-format table 二 does not print.
UNFILLED: Final = (
    "proactive.rules.issued",
    "proactive.rules.repealed",
    "proactive.rules.in_force",
    "proactive.normative_documents.issued",
    "proactive.normative_documents.repealed",
    "proactive.normative_documents.in_force",
    "proactive.fees",
)


def target(row: str, column: str) -> str | None:
    """Where the trial format's cell (row key, column kind) goes, or None if nowhere.

    ``row`` is a table-二 row key (``rules``, ``licensing``, ``other_services``,
    ``procurement`` …), ``column`` a key of :data:`COLUMNS`.
    """
    if column in ("made", "published", "total_published"):
        if row in ("rules", "normative_documents"):
            return f"{PREFIX}.{row}.{column}"
        return None
    if column == "decisions" and row in ("licensing", "punishment", "coercion"):
        return f"proactive.{row}"
    if column in ("previous_items", "change", "decisions") and row in (
        "licensing",
        "other_services",
        "punishment",
        "coercion",
        "fees",
    ):
        if column == "decisions" and row == "fees":
            return None
        return f"{PREFIX}.{row}.{column}"
    if column in ("items", "amount") and row == "procurement":
        return f"{PREFIX}.procurement.{column}"
    return None


def location(path: str) -> str:
    """Where a ``extensions.trial2019`` path is, in the block's labels."""
    return TRIAL_2019.location(path)
