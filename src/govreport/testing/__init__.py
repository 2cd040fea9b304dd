"""Helpers for tests, ours and plugin authors'.

- :func:`sample_report`, :func:`zero_report`: complete reports built in code;
- :func:`make_engine`, :func:`render_text`, :func:`render_bytes`: hermetic engines and renderings;
- :func:`assert_deterministic`: the same file however and whenever it is rendered;
- :class:`DocxXml`: ``word/document.xml`` of a .docx with paragraph and table queries;
- the pytest plugin :mod:`govreport.testing.pytest_plugin` (fixtures ``govreport_engine``,
  ``sample_report``, ``render_text``, ``docx_xml``), loaded automatically by pytest.
"""

from govreport.testing.determinism import assert_deterministic, first_difference
from govreport.testing.docx import NS, DocxXml, W, docx_xml
from govreport.testing.engine import make_engine, render_bytes, render_text
from govreport.testing.factory import sample_report, zero_report

__all__ = [
    "NS",
    "DocxXml",
    "W",
    "assert_deterministic",
    "docx_xml",
    "first_difference",
    "make_engine",
    "render_bytes",
    "render_text",
    "sample_report",
    "zero_report",
]
