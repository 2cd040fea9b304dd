"""Helpers for tests, ours and plugin authors'.

- :func:`sample_report`, :func:`zero_report`: complete reports built in code;
- :func:`make_engine`, :func:`render_text`, :func:`render_bytes`: hermetic engines and renderings;
- :func:`assert_deterministic`: the same file however and whenever it is rendered;
- :class:`DocxXml`: ``word/document.xml`` of a .docx with paragraph and table queries;
- :func:`generate`, :func:`write_reports`: realistic synthetic reports, some broken in
  known ways (:class:`Break`), for benchmarks and bulk tests;
- the pytest plugin :mod:`govreport.testing.pytest_plugin` (fixtures ``govreport_engine``,
  ``sample_report``, ``render_text``, ``docx_xml``), loaded automatically by pytest.
"""

from govreport.testing.determinism import assert_deterministic, first_difference
from govreport.testing.docx import NS, DocxXml, W, docx_xml
from govreport.testing.engine import make_engine, render_bytes, render_text
from govreport.testing.factory import sample_report, zero_report
from govreport.testing.synthetic import Break, Synthetic, generate, write_reports

__all__ = [
    "NS",
    "Break",
    "DocxXml",
    "Synthetic",
    "W",
    "assert_deterministic",
    "docx_xml",
    "first_difference",
    "generate",
    "make_engine",
    "render_bytes",
    "render_text",
    "sample_report",
    "write_reports",
    "zero_report",
]
