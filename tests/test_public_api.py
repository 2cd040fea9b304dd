"""The public surface: one module, lazily loaded, documented name by name."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import govreport

ROOT = Path(__file__).parents[1]
INIT = ROOT / "src" / "govreport" / "__init__.py"


def test_every_public_name_resolves_from_its_module() -> None:
    for name in govreport.__all__:
        assert getattr(govreport, name) is not None, name
    assert sorted(govreport.__all__) == sorted([*govreport._EXPORTS, "__version__"])


def test_type_checking_imports_match_the_lazy_table() -> None:
    """What mypy and IDEs see (the TYPE_CHECKING block) is what runs (``_EXPORTS``)."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module
                for alias in stmt.names:
                    seen[alias.name] = stmt.module
    assert seen == govreport._EXPORTS


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        govreport.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("no AttributeError")


def test_every_public_name_is_on_the_api_page() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [n for n in govreport.__all__ if f"`{n}`" not in page]
    assert missing == []


def test_importing_the_package_or_the_model_loads_no_engine() -> None:
    code = (
        "import sys, govreport, govreport.model; "
        "print(sorted(m for m in ('jinja2', 'yaml', 'pluggy', 'click') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_error_is_a_govreport_error() -> None:
    errors = [
        getattr(govreport, n)
        for n in govreport.__all__
        if n.endswith("Error") and isinstance(getattr(govreport, n), type)
    ]
    assert len(errors) >= 10
    for cls in errors:
        assert issubclass(cls, govreport.GovreportError), cls
        assert cls.exit_status in (1, 2, 3), cls
