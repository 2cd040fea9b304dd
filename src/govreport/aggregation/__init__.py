"""Aggregate reports (全区/全市): the sum of their units' tables, built or checked.

``aggregate(parent, units)`` fills tables 二, 三 and 四 of the parent report
with the sum of the units' tables; ``compare(parent, units)`` lists each
printed cell where an existing aggregate differs from that sum.  Choose the
units with ``select_units`` first: it keeps one report per unit, of the
parent's year, and names the units missing from an expected list.
``govreport aggregate`` is a thin client of these functions.
"""

from govreport.aggregation.cells import TABLE_KEYS, printed_paths, stored_paths, table_titles
from govreport.aggregation.compare import compare
from govreport.aggregation.summing import (
    Aggregation,
    SumTooLargeError,
    aggregate,
    sum_cells,
    with_tables,
)
from govreport.aggregation.units import Selection, Unit, read_expected, select_units

#: ``compare`` under the name the package root exports it by.
compare_aggregate = compare

__all__ = [
    "TABLE_KEYS",
    "Aggregation",
    "Selection",
    "SumTooLargeError",
    "Unit",
    "aggregate",
    "compare",
    "compare_aggregate",
    "printed_paths",
    "read_expected",
    "select_units",
    "stored_paths",
    "sum_cells",
    "table_titles",
    "with_tables",
]
