"""govreport: the 政府信息公开工作年度报告, made correct from data.

This module is the public API, for library users and plugin authors alike
(test helpers are in :mod:`govreport.testing`).  Every other module is
internal and may change between releases; import from here::

    from govreport import Engine, read_report

    engine = Engine()
    report = read_report("report.yaml")
    findings = engine.validate(report)     # stated totals checked, as the CLI does
    docx = engine.render(report, "docx")   # refuses a report with errors

Names are loaded on first use (PEP 562), so ``import govreport`` and
``import govreport.model`` stay cheap: the command line's ``--help`` does not
pay for Jinja, PyYAML and pluggy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govreport._version import __version__

#: Public name → the internal module that defines it.
_EXPORTS: dict[str, str] = {
    # the report model
    **dict.fromkeys(
        (
            "AdminLevel",
            "Agency",
            "AnnualReport",
            "ApplicantCounts",
            "Applications",
            "Contact",
            "DocumentCounts",
            "ListStyle",
            "NotProcessed",
            "OtherHandling",
            "OtherMatters",
            "Outcomes",
            "Overview",
            "ProactiveDisclosure",
            "ProblemsAndImprovements",
            "Results",
            "ReviewLitigation",
            "Unavailable",
            "Withheld",
            # what an imported report keeps as printed
            "TextPart",
            "Provenance",
            "SourceNote",
        ),
        "govreport.model",
    ),
    # reading published reports (HTML pages, Word, PDF, text)
    **dict.fromkeys(("Source", "Para", "Grid", "Cell"), "govreport.importing.blocks"),
    **dict.fromkeys(("map_source", "Imported"), "govreport.importing.mapper"),
    "source_loader": "govreport.importing.plugin",
    # many reports at once
    **dict.fromkeys(("render_many", "BatchItem", "BatchStatus"), "govreport.batch"),
    "PreviousSource": "govreport.batch.previous",
    # next year's draft from last year's report (the workbook's --from, the web form's prefill)
    **dict.fromkeys(("next_year", "NextYear"), "govreport.model.nextyear"),
    # the fill-in workbook (.xlsx)
    **dict.fromkeys(("write_workbook", "blank_workbook"), "govreport.workbook.writer"),
    # the local web form (govreport serve); Starlette loads only when used
    "create_app": "govreport.serve.app",
    "ServeSettings": "govreport.serve.security",
    # measuring a report's PDF against GB/T 9704
    "check_layout": "govreport.layoutcheck",
    **dict.fromkeys(
        ("LayoutReport", "PageLayout", "LayoutFinding"), "govreport.layoutcheck.report"
    ),
    "LayoutUnreadableError": "govreport.layoutcheck.reading",
    # auditing and aggregating many reports
    **dict.fromkeys(
        ("audit_paths", "AuditResult", "ReportAudit", "AuditStatus", "write_annotated"),
        "govreport.audit",
    ),
    **dict.fromkeys(
        (
            "aggregate",
            "compare_aggregate",
            "select_units",
            "Unit",
            "Selection",
            "Aggregation",
            "SumTooLargeError",
        ),
        "govreport.aggregation",
    ),
    # reading and writing data files
    "read_report": "govreport.plugins.shortcuts",
    "load_report": "govreport.plugins.shortcuts",
    "parse_report": "govreport.plugins.shortcuts",
    "LoadResult": "govreport.io",
    "save_report": "govreport.io",
    "dump_report": "govreport.io",
    # the engine and plugins
    "Engine": "govreport.plugins.engine",
    "default_engine": "govreport.plugins.engine",
    "PluginInfo": "govreport.plugins.loading",
    "PluginFailure": "govreport.plugins.loading",
    "hookimpl": "govreport.plugins.hookspecs",
    "RegisterOutput": "govreport.plugins.hookspecs",
    "RegisterSection": "govreport.plugins.hookspecs",
    "RegisterRule": "govreport.plugins.hookspecs",
    "RegisterExtension": "govreport.plugins.hookspecs",
    "RegisterLoader": "govreport.plugins.hookspecs",
    "RegisterWriter": "govreport.plugins.hookspecs",
    "RegisterTemplateHelper": "govreport.plugins.hookspecs",
    "Extension": "govreport.plugins.contributions",
    "InputLoader": "govreport.plugins.contributions",
    "PlacedData": "govreport.plugins.contributions",
    "DataWriter": "govreport.plugins.contributions",
    "DataWriterError": "govreport.plugins.contributions",
    "TemplateHelper": "govreport.plugins.contributions",
    "HelperKind": "govreport.plugins.contributions",
    # validation
    "Finding": "govreport.findings",
    "Evidence": "govreport.findings",
    "EvidenceCell": "govreport.findings",
    "Severity": "govreport.findings",
    "Rule": "govreport.rules.base",
    "RuleContext": "govreport.rules.base",
    # the document and section providers
    **dict.fromkeys(
        (
            "Block",
            "BuildContext",
            "Document",
            "Heading",
            "Numbering",
            "Paragraph",
            "ParagraphRole",
            "Placement",
            "Section",
            "SectionProvider",
            "Signature",
            "Table",
            "TableCell",
            "Where",
        ),
        "govreport.document",
    ),
    # output formats
    "OutputFormat": "govreport.outputs.base",
    "OptionSpec": "govreport.outputs.base",
    "Capability": "govreport.outputs.base",
    "RenderRequest": "govreport.outputs.base",
    "PrepareRequest": "govreport.outputs.base",
    # errors: one hierarchy under GovreportError
    "GovreportError": "govreport.errors",
    "ValidationRefusedError": "govreport.errors",
    "UnknownFormatError": "govreport.errors",
    "PluginError": "govreport.errors",
    "PluginLoadError": "govreport.plugins.loading",
    "DuplicateNameError": "govreport.plugins.registry",
    "ReportFileError": "govreport.io.errors",
    "DataFileError": "govreport.io.errors",
    "UnreadableFileError": "govreport.io.errors",
    "UnsupportedFormatError": "govreport.io.errors",
    "OptionError": "govreport.outputs.base",
    "OutputClashError": "govreport.outputs.base",
    "TypstRenderError": "govreport.outputs.typst.render",
    "PlacementError": "govreport.document.providers",
    "PlaceholderError": "govreport.placeholders",
    "TemplateError": "govreport.outputs.docx.errors",
    "OutputWriteError": "govreport.fileio",
    "PreviousReportMismatchError": "govreport.rules.previous",
    # agency Word templates
    "check_template": "govreport.outputs.docx.templates",
    "export_template": "govreport.outputs.docx.templates",
    "TemplateProblem": "govreport.outputs.docx.templates",
    "ModelError": "govreport.model.errors",
    "ExtensionTypeError": "govreport.plugins.contributions",
    "ExtensionExampleError": "govreport.plugins.contributions",
}

#: Kept literal for tools; a test keeps it equal to _EXPORTS.
__all__ = [
    "AdminLevel",
    "Agency",
    "Aggregation",
    "AnnualReport",
    "ApplicantCounts",
    "Applications",
    "AuditResult",
    "AuditStatus",
    "BatchItem",
    "BatchStatus",
    "Block",
    "BuildContext",
    "Capability",
    "Cell",
    "Contact",
    "DataFileError",
    "DataWriter",
    "DataWriterError",
    "Document",
    "DocumentCounts",
    "DuplicateNameError",
    "Engine",
    "Evidence",
    "EvidenceCell",
    "Extension",
    "ExtensionExampleError",
    "ExtensionTypeError",
    "Finding",
    "GovreportError",
    "Grid",
    "Heading",
    "HelperKind",
    "Imported",
    "InputLoader",
    "LayoutFinding",
    "LayoutReport",
    "LayoutUnreadableError",
    "ListStyle",
    "LoadResult",
    "ModelError",
    "NextYear",
    "NotProcessed",
    "Numbering",
    "OptionError",
    "OptionSpec",
    "OtherHandling",
    "OtherMatters",
    "Outcomes",
    "OutputClashError",
    "OutputFormat",
    "OutputWriteError",
    "Overview",
    "PageLayout",
    "Para",
    "Paragraph",
    "ParagraphRole",
    "PlacedData",
    "PlaceholderError",
    "Placement",
    "PlacementError",
    "PluginError",
    "PluginFailure",
    "PluginInfo",
    "PluginLoadError",
    "PrepareRequest",
    "PreviousReportMismatchError",
    "PreviousSource",
    "ProactiveDisclosure",
    "ProblemsAndImprovements",
    "Provenance",
    "RegisterExtension",
    "RegisterLoader",
    "RegisterOutput",
    "RegisterRule",
    "RegisterSection",
    "RegisterTemplateHelper",
    "RegisterWriter",
    "RenderRequest",
    "ReportAudit",
    "ReportFileError",
    "Results",
    "ReviewLitigation",
    "Rule",
    "RuleContext",
    "Section",
    "SectionProvider",
    "Selection",
    "ServeSettings",
    "Severity",
    "Signature",
    "Source",
    "SourceNote",
    "SumTooLargeError",
    "Table",
    "TableCell",
    "TemplateError",
    "TemplateHelper",
    "TemplateProblem",
    "TextPart",
    "TypstRenderError",
    "Unavailable",
    "Unit",
    "UnknownFormatError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "ValidationRefusedError",
    "Where",
    "Withheld",
    "__version__",
    "aggregate",
    "audit_paths",
    "blank_workbook",
    "check_layout",
    "check_template",
    "compare_aggregate",
    "create_app",
    "default_engine",
    "dump_report",
    "export_template",
    "hookimpl",
    "load_report",
    "map_source",
    "next_year",
    "parse_report",
    "read_report",
    "render_many",
    "save_report",
    "select_units",
    "source_loader",
    "write_annotated",
    "write_workbook",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govreport' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # what type checkers and IDEs see; tests keep it equal to _EXPORTS
    from govreport.aggregation import (
        Aggregation,
        Selection,
        SumTooLargeError,
        Unit,
        aggregate,
        compare_aggregate,
        select_units,
    )
    from govreport.audit import AuditResult, AuditStatus, ReportAudit, audit_paths, write_annotated
    from govreport.batch import BatchItem, BatchStatus, render_many
    from govreport.batch.previous import PreviousSource
    from govreport.document import (
        Block,
        BuildContext,
        Document,
        Heading,
        Numbering,
        Paragraph,
        ParagraphRole,
        Placement,
        Section,
        SectionProvider,
        Signature,
        Table,
        TableCell,
        Where,
    )
    from govreport.document.providers import PlacementError
    from govreport.errors import (
        GovreportError,
        PluginError,
        UnknownFormatError,
        ValidationRefusedError,
    )
    from govreport.fileio import OutputWriteError
    from govreport.findings import Evidence, EvidenceCell, Finding, Severity
    from govreport.importing.blocks import Cell, Grid, Para, Source
    from govreport.importing.mapper import Imported, map_source
    from govreport.importing.plugin import source_loader
    from govreport.io import LoadResult, dump_report, save_report
    from govreport.io.errors import (
        DataFileError,
        ReportFileError,
        UnreadableFileError,
        UnsupportedFormatError,
    )
    from govreport.layoutcheck import check_layout
    from govreport.layoutcheck.reading import LayoutUnreadableError
    from govreport.layoutcheck.report import LayoutFinding, LayoutReport, PageLayout
    from govreport.model import (
        AdminLevel,
        Agency,
        AnnualReport,
        ApplicantCounts,
        Applications,
        Contact,
        DocumentCounts,
        ListStyle,
        NotProcessed,
        OtherHandling,
        OtherMatters,
        Outcomes,
        Overview,
        ProactiveDisclosure,
        ProblemsAndImprovements,
        Provenance,
        Results,
        ReviewLitigation,
        SourceNote,
        TextPart,
        Unavailable,
        Withheld,
    )
    from govreport.model.errors import ModelError
    from govreport.model.nextyear import NextYear, next_year
    from govreport.outputs.base import (
        Capability,
        OptionError,
        OptionSpec,
        OutputClashError,
        OutputFormat,
        PrepareRequest,
        RenderRequest,
    )
    from govreport.outputs.docx.errors import TemplateError
    from govreport.outputs.docx.templates import TemplateProblem, check_template, export_template
    from govreport.outputs.typst.render import TypstRenderError
    from govreport.placeholders import PlaceholderError
    from govreport.plugins.contributions import (
        DataWriter,
        DataWriterError,
        Extension,
        ExtensionExampleError,
        ExtensionTypeError,
        HelperKind,
        InputLoader,
        PlacedData,
        TemplateHelper,
    )
    from govreport.plugins.engine import Engine, default_engine
    from govreport.plugins.hookspecs import (
        RegisterExtension,
        RegisterLoader,
        RegisterOutput,
        RegisterRule,
        RegisterSection,
        RegisterTemplateHelper,
        RegisterWriter,
        hookimpl,
    )
    from govreport.plugins.loading import PluginFailure, PluginInfo, PluginLoadError
    from govreport.plugins.registry import DuplicateNameError
    from govreport.plugins.shortcuts import load_report, parse_report, read_report
    from govreport.rules.base import Rule, RuleContext
    from govreport.rules.previous import PreviousReportMismatchError
    from govreport.serve.app import create_app
    from govreport.serve.security import ServeSettings
    from govreport.workbook.writer import blank_workbook, write_workbook
