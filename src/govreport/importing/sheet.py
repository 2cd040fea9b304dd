"""The values read from the official tables, each with the place it was printed.

Each table reader puts every number cell here, in the order the source prints
them, by model path.  The sheet keeps what was printed (a number, ``None``
for blank, ``"/"`` for “/”), never 0 for nothing.  Blank cells are not
noted here: the loader reports them once per region (D4,
:mod:`govreport.io.blanks`) on every route, imported or typed.  A stated
total (总计) left blank is said here, once per run (M7, info): no total is
stated for it, so the loader states none either.

A cell the printed table does not have at all (a row not printed, a trial-
format table without the 2021 column) is *missing*, not blank: it gets no
value, so the data file leaves its key out and the loader's default applies;
the table reader says so in its own note (M11, M13, M14), and D4 stays for
cells printed blank.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from govreport import spec
from govreport.importing import notes as codes
from govreport.importing import trial2019
from govreport.importing.notes import Notes, place, quoted
from govreport.importing.numbers import Kind, Reading
from govreport.spec.wording import clip


@attrs.frozen
class _Empty:
    path: str
    where: str
    printed: str


def _is_total(path: str) -> bool:
    return path.endswith(".total")


def _label(path: str) -> str:
    if path.startswith(f"{trial2019.PREFIX}."):
        return trial2019.location(path)
    return spec.location_of(path) or path


@attrs.define
class Sheet:
    """Model path → the value printed for it, with notes on what reading it took."""

    notes: Notes
    values: dict[str, int | Decimal | str | None] = attrs.Factory(dict)
    where: dict[str, str] = attrs.Factory(dict)
    #: Paths whose cell was not found at all (not printed blank: missing); no value.
    missing: set[str] = attrs.Factory(set)
    _total_run: list[_Empty] = attrs.Factory(list)

    def has(self, path: str) -> bool:
        return path in self.values or path in self.missing

    def put(self, path: str, reading: Reading, where: str) -> None:
        """The cell printed for ``path`` at ``where`` (the place in the source)."""
        if self.has(path):
            self.notes.info(
                codes.DUPLICATE,
                f"此处再次印出该单元格（{quoted(reading.printed)}），保留先印出的"
                f"{quoted(str(self.values.get(path, '')))} (printed again; the first is kept)",
                path=path,
                location=place(_label(path), where),
            )
            return
        self.where[path] = where
        if reading.is_empty:
            self.values[path] = reading.value
            if _is_total(path):
                self._total_run.append(_Empty(path, where, reading.printed.strip()))
            return
        if _is_total(path):
            self._close_totals()
        if reading.kind is Kind.BAD:
            self.values[path] = None
            self.notes.warn(
                codes.UNREADABLE,
                f"单元格不是数字（实际为{quoted(reading.printed)}），未读入，留空 "
                "(not a number; left empty)",
                path=path,
                location=place(_label(path), where),
            )
            return
        self.values[path] = reading.value
        if reading.changed:
            self.notes.info(
                codes.NUMBER_FORM,
                f"按数字 {reading.value} 读入（原文为{quoted(reading.printed)}，"
                f"含{reading.changed}） (number read after removing {reading.changed})",
                path=path,
                location=place(_label(path), where),
            )
        if reading.converted:
            self.notes.info(
                codes.UNIT,
                f"金额单位换算为万元：{reading.converted}（原文为{quoted(reading.printed)}） "
                "(amount converted from 元 to 万元, exactly)",
                path=path,
                location=place(_label(path), where),
            )

    def lack(self, path: str, where: str, why: str, *, said: bool = False) -> None:
        """A cell of the format that the printed table does not have (``said``: noted already).

        It gets no value: the data file leaves it out rather than write a
        blank the agency never printed.
        """
        if self.has(path):
            return
        self.missing.add(path)
        if said:
            return
        self.notes.warn(
            codes.ROW_MISSING,
            f"{why}，该单元格未读入，不写入数据文件（读入时按0处理） (cell not found; left out)",
            path=path,
            location=place(_label(path), where),
        )

    def end(self) -> None:
        """Close the open run of blank totals: call after each table."""
        self._close_totals()

    def _close_totals(self) -> None:
        run = self._total_run
        if not run:
            return
        first, last = run[0], run[-1]
        printed = "、".join(sorted({f"“{e.printed}”" if e.printed else "空白" for e in run}))
        count = len(run)
        span = f"自“{_label(first.path)}”" + (f"至“{_label(last.path)}”" if count > 1 else "")
        location = place(_label(first.path), first.where + (f"至{last.where}" if count > 1 else ""))
        self.notes.info(
            codes.TOTAL_BLANK,
            f"{span}共 {count} 个总计单元格印为{printed}：未填报总计，不记为已填报的总计 "
            f"({count} stated totals left blank: no total is stated for them)",
            path=first.path,
            location=location,
        )
        run.clear()


def printed_values(values: list[Any]) -> str:
    """A row's printed values for a message: ``3、0、空白``."""
    shown = ["空白" if v is None or v == "" else str(v) for v in values]
    return clip("、".join(shown), 120)
