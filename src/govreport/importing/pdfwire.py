"""The reading of a PDF sent from the child process to the parent, as JSON.

JSON rather than pickle: the child has just parsed a hostile file, and what
it sends back must not be able to run anything in the parent.  The parent
reads at most :data:`MAX_WIRE_BYTES`.
"""

from __future__ import annotations

import json
from typing import Any, Final

from govreport import limits
from govreport.findings import Finding, Severity
from govreport.importing.blocks import Block, Cell, Grid, Para, Source
from govreport.importing.pdfextract import Refusal

#: Largest answer read from the child (bytes).
MAX_WIRE_BYTES: Final = limits.MAX_IMPORT_READING_BYTES


def encode(result: Source | Refusal) -> bytes:
    if isinstance(result, Refusal):
        return json.dumps({"refusal": result.reason}, ensure_ascii=False).encode("utf-8")
    blocks: list[dict[str, Any]] = []
    for block in result.blocks:
        if isinstance(block, Para):
            blocks.append({"para": block.text, "where": block.where})
        else:
            cells = [[c.text, c.row, c.col, c.rowspan, c.colspan] for c in block.cells]
            blocks.append(
                {"cells": cells, "rows": block.n_rows, "cols": block.n_cols, "where": block.where}
            )
    notes = [[n.code, n.severity.value, n.message, n.path, n.location] for n in result.notes]
    payload = {"kind": result.kind, "title": result.title, "blocks": blocks, "notes": notes}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def decode(data: bytes) -> Source | Refusal:
    """The child's answer; a malformed one is a refusal, never an exception."""
    try:
        payload = json.loads(data.decode("utf-8"))
        if "refusal" in payload:
            return Refusal(str(payload["refusal"]))
        blocks: list[Block] = []
        for item in payload["blocks"]:
            if "para" in item:
                blocks.append(Para(str(item["para"]), str(item["where"])))
            else:
                cells = tuple(
                    Cell(str(t), int(r), int(c), int(rs), int(cs))
                    for t, r, c, rs, cs in item["cells"]
                )
                blocks.append(Grid(cells, int(item["rows"]), int(item["cols"]), str(item["where"])))
        notes = tuple(
            Finding(str(code), Severity(severity), str(message), str(path), str(location))
            for code, severity, message, path, location in payload["notes"]
        )
        return Source(str(payload["kind"]), tuple(blocks), str(payload["title"]), notes)
    except (ValueError, KeyError, TypeError, AttributeError):
        return Refusal(
            "读取 PDF 的子进程返回了无法识别的结果 (malformed answer from the PDF reader)"
        )
