"""The report model: frozen attrs classes, totals computed, no file formats."""

from govreport.model._datafile import data_fields
from govreport.model.agency import AdminLevel, Agency, Contact
from govreport.model.applications import (
    Applications,
    NotProcessed,
    OtherHandling,
    Results,
    Unavailable,
    Withheld,
)
from govreport.model.counts import ApplicantCounts, RowTotal
from govreport.model.errors import ModelError
from govreport.model.narrative import (
    ListStyle,
    OtherMatters,
    Overview,
    ProblemsAndImprovements,
    TextPart,
)
from govreport.model.paths import Numbers, resolve
from govreport.model.proactive import DocumentCounts, ProactiveDisclosure
from govreport.model.provenance import Provenance, SourceNote
from govreport.model.report import AnnualReport
from govreport.model.review import Outcomes, ReviewLitigation

__all__ = [
    "AdminLevel",
    "Agency",
    "AnnualReport",
    "ApplicantCounts",
    "Applications",
    "Contact",
    "DocumentCounts",
    "ListStyle",
    "ModelError",
    "NotProcessed",
    "Numbers",
    "OtherHandling",
    "OtherMatters",
    "Outcomes",
    "Overview",
    "ProactiveDisclosure",
    "ProblemsAndImprovements",
    "Provenance",
    "Results",
    "ReviewLitigation",
    "RowTotal",
    "SourceNote",
    "TextPart",
    "Unavailable",
    "Withheld",
    "data_fields",
    "resolve",
]
