"""Helpers for tests, ours and plugin authors': a sample report factory and more."""

from govreport.testing.factory import sample_report, zero_report

__all__ = ["sample_report", "zero_report"]
