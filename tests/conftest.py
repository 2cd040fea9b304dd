"""Suite-wide settings: the hypothesis profiles of the property tests.

``default`` keeps ``pytest -q`` fast; ``long`` is the thorough run::

    GOVREPORT_HYPOTHESIS=long pytest tests/test_properties.py
    pytest tests/test_properties.py --hypothesis-profile=long

Examples that failed are kept under ``.pytest_cache/hypothesis`` (ignored by
git) and tried first on the next run.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

_DATABASE = DirectoryBasedExampleDatabase(
    Path(__file__).resolve().parents[1] / ".pytest_cache" / "hypothesis"
)
# Building a report and rendering it three times takes ~0.1 s: no per-example deadline.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": _DATABASE,
    "print_blob": True,
}
settings.register_profile("default", max_examples=30, **_COMMON)
settings.register_profile("long", max_examples=2_000, **_COMMON)
settings.load_profile(os.environ.get("GOVREPORT_HYPOTHESIS", "default"))
