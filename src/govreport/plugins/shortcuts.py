"""Reading a report the way every front-end does, with the default engine's plugins.

``govreport.read_report(path)`` is the library's one-liner: it knows the
installed plugins' data blocks and loaders (through :func:`default_engine`),
and the report it returns carries the totals the file stated, so that
``Engine.validate`` checks them as ``govreport validate`` does.  Pass
``engine=`` to read with another set of plugins.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from govreport.io import LoadResult
from govreport.model import AnnualReport
from govreport.plugins.engine import Engine, default_engine


def read_report(path: str | os.PathLike[str], *, engine: Engine | None = None) -> AnnualReport:
    """The report in a data file, or :class:`govreport.DataFileError` listing every problem."""
    return (engine or default_engine()).read_report(path)


def load_report(path: str | os.PathLike[str], *, engine: Engine | None = None) -> LoadResult:
    """Tolerant: the (possibly provisional) report with every problem of the file."""
    return (engine or default_engine()).load_report(path)


def parse_report(
    data: Mapping[str, Any],
    *,
    source: str | os.PathLike[str] = "<data>",
    engine: Engine | None = None,
) -> LoadResult:
    """Like :func:`load_report`, for a mapping already in memory (e.g. ``json.load``)."""
    return (engine or default_engine()).parse_report(data, source=source)
