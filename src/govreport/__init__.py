"""govreport: the 政府信息公开工作年度报告, made correct from data.

The public API lives here; everything else may change between releases.
"""

from __future__ import annotations

__version__ = "0.1.0"

from govreport.document import Document, Placement, Section, SectionProvider
from govreport.model import AdminLevel, Agency, AnnualReport
from govreport.outputs.base import Capability, OptionSpec, OutputFormat, RenderRequest
from govreport.plugins import DuplicateNameError, Engine, default_engine, hookimpl
from govreport.rules.base import Finding, Rule, RuleContext, Severity

__all__ = [
    "AdminLevel",
    "Agency",
    "AnnualReport",
    "Capability",
    "Document",
    "DuplicateNameError",
    "Engine",
    "Finding",
    "OptionSpec",
    "OutputFormat",
    "Placement",
    "RenderRequest",
    "Rule",
    "RuleContext",
    "Section",
    "SectionProvider",
    "Severity",
    "__version__",
    "default_engine",
    "hookimpl",
]
