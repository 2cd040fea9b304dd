"""Where an imported report came from, and what reading it had to guess."""

from __future__ import annotations

from typing import Any, Final

import attrs

from govreport.model._validators import records_field, text_field
from govreport.model.errors import ModelError, placed

#: The severities of a note, as :class:`govreport.Severity` values.
NOTE_SEVERITIES: Final = ("error", "warning", "info")


def _severity(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in NOTE_SEVERITIES:
        allowed = f"应为 {'、'.join(NOTE_SEVERITIES)} 之一"
        raise ModelError(type(instance), attribute.name, value, allowed)


@placed("", shared=True)
@attrs.frozen(kw_only=True)
class SourceNote:
    """One thing the importer guessed or could not read, kept with the data.

    Validation reports each note again (rule ``IMPORT``), so a data file made by
    ``govreport import`` tells every later reader what was not printed as read.
    """

    code: str = text_field()
    severity: str = attrs.field(default="warning", validator=_severity)
    message: str = text_field()
    path: str = text_field()
    location: str = text_field()


@placed("source")
@attrs.frozen(kw_only=True)
class Provenance:
    """The published file a report was imported from (``source:`` in a data file)."""

    file: str = text_field()  # its name, as given to ``govreport import``
    format: str = text_field()  # html, docx, pdf, txt, or a plugin's loader
    sha256: str = text_field()  # of the file's bytes: which copy was read
    notes: tuple[SourceNote, ...] = records_field(SourceNote)
