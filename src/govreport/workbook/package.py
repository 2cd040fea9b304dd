"""The workbook's bytes: the same for the same content, in a package Excel and WPS accept.

openpyxl stamps the save time into ``docProps/core.xml`` and every zip
entry; both are fixed here, so two writes of the same report are the same
file (and a batch's output can be compared or cached by hash).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Final

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

#: The timestamp of every workbook: the zip format's own epoch, so no clock
#: leaks into the file.  (docProps carries it too: Excel shows it as 创建时间.)
FIXED_TIME: Final = datetime(1980, 1, 1, 0, 0, 0)
_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
#: rw-r--r-- for every entry, as a regular file.
_FILE_MODE: Final = 0o100644 << 16
#: The program named in docProps/app.xml.
CREATOR: Final = "govreport"


def workbook_bytes(wb: Workbook) -> bytes:
    """``wb`` as .xlsx bytes, deterministically."""
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        # ExcelWriter, not openpyxl.save_workbook: the latter sets "modified" to now.
        ExcelWriter(wb, archive).save()
    return _normalise(raw.getvalue())


def _normalise(data: bytes) -> bytes:
    """The same zip with fixed dates and modes, entries in the order written."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = _FILE_MODE
            entry.create_system = 3  # unix, whatever machine wrote it
            target.writestr(entry, source.read(info), compresslevel=6)
    return out.getvalue()
