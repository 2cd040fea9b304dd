"""Every hook has a typed signature, a docstring, a docs section with a runnable
example, and a test that exercises it; and the docs' examples run.

The checks are functions of their inputs so that the meta-tests below can
show each one fails when something is missing.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import sys
import types
import typing
from collections.abc import Iterable
from pathlib import Path

import pytest

from govreport.plugins import hookspecs

from ..pytest_subprocess import run_pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
TESTS = REPO / "tests"
MARKER = "govreport_hook"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def hook_names() -> list[str]:
    """The hookspecs: functions pluggy marked in govreport.plugins.hookspecs."""
    return sorted(
        name
        for name, fn in vars(hookspecs).items()
        if callable(fn) and hasattr(fn, f"{hookspecs.PROJECT}_spec")
    )


def signature_problems(fn: object) -> list[str]:
    problems = []
    if not inspect.getdoc(fn):
        problems.append("no docstring")
    hints = typing.get_type_hints(fn, vars(hookspecs) | _typing_names())
    params = inspect.signature(fn).parameters  # type: ignore[arg-type]
    problems += [f"parameter {p!r} has no type" for p in params if p not in hints]
    if "return" not in hints:
        problems.append("no return type")
    return problems


def _typing_names() -> dict[str, object]:
    # hookspecs imports the registered types only for type checking.
    from govreport.document.providers import SectionProvider
    from govreport.outputs.base import OutputFormat
    from govreport.plugins.contributions import DataWriter, Extension, InputLoader, TemplateHelper
    from govreport.rules.base import Rule

    return {
        "SectionProvider": SectionProvider,
        "OutputFormat": OutputFormat,
        "Extension": Extension,
        "InputLoader": InputLoader,
        "DataWriter": DataWriter,
        "TemplateHelper": TemplateHelper,
        "Rule": Rule,
    }


def doc_sections(markdown: str) -> dict[str, str]:
    """``## heading`` → the text under it, up to the next ``##``."""
    parts = re.split(r"^## +(.+?)\s*$", markdown, flags=re.M)
    return {parts[i].strip("` "): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def undocumented(names: Iterable[str], markdown: str) -> list[str]:
    """Hooks without a ``## name`` section holding a fenced python example."""
    sections = doc_sections(markdown)
    return [n for n in names if not FENCE.search(sections.get(n, ""))]


def marked_hooks(paths: Iterable[Path]) -> set[str]:
    """Hook names in ``@pytest.mark.govreport_hook("…")`` (or ``hook("…")`` aliases) on tests."""
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {MARKER}
        for node in ast.walk(tree):
            # hook = pytest.mark.govreport_hook
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == MARKER
            ):
                aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test"):
                continue
            for deco in node.decorator_list:
                if not (isinstance(deco, ast.Call) and deco.args):
                    continue
                func = deco.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                arg = deco.args[0]
                if name in aliases and isinstance(arg, ast.Constant):
                    found.add(str(arg.value))
    return found


def untested(names: Iterable[str], paths: Iterable[Path]) -> list[str]:
    marked = marked_hooks(paths)
    return [n for n in names if n not in marked]


# ---------------------------------------------------------------- the checks


def test_there_are_hooks() -> None:
    assert len(hook_names()) >= 6


@pytest.mark.parametrize("name", hook_names())
def test_hook_has_docstring_and_types(name: str) -> None:
    assert signature_problems(getattr(hookspecs, name)) == []


def test_every_hook_has_a_docs_section_with_an_example() -> None:
    assert undocumented(hook_names(), (DOCS / "hooks.md").read_text(encoding="utf-8")) == []


def test_every_hook_has_a_marked_test() -> None:
    assert untested(hook_names(), TESTS.rglob("test_*.py")) == []


# ---------------------------------------------------------------- the checks can fail


def test_checks_catch_a_hook_without_docs_types_or_test(tmp_path: Path) -> None:
    def govreport_register_nothing(register):  # type: ignore[no-untyped-def]
        pass

    assert signature_problems(govreport_register_nothing) == [
        "no docstring",
        "parameter 'register' has no type",
        "no return type",
    ]
    markdown = (
        "## govreport_register_a\n\n```python\nx = 1\n```\n\n## govreport_register_b\n\ntext\n"
    )
    assert undocumented(["govreport_register_a", "govreport_register_b", "c"], markdown) == [
        "govreport_register_b",
        "c",
    ]
    test_file = tmp_path / "test_x.py"
    test_file.write_text(
        "import pytest\nhook = pytest.mark.govreport_hook\n"
        "@hook('govreport_register_a')\ndef test_a(): pass\n"
        "@pytest.mark.govreport_hook('govreport_register_b')\ndef helper(): pass\n",
        encoding="utf-8",
    )
    assert untested(["govreport_register_a", "govreport_register_b"], [test_file]) == [
        "govreport_register_b"
    ]


def test_a_marked_test_that_builds_no_engine_fails(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "test_claims.py").write_text(
        "import pytest\n"
        "@pytest.mark.govreport_hook('govreport_register_rules')\n"
        "def test_claims_but_does_nothing():\n    assert True\n",
        encoding="utf-8",
    )
    result = run_pytest(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "no Engine with a plugin implementing it" in result.stdout


# ---------------------------------------------------------------- the docs' examples run


def _pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if FENCE.search(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_docs_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every ```python block of a page runs, in order, in one module namespace."""
    monkeypatch.setenv("GOVREPORT_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.chdir(tmp_path)
    module = types.ModuleType(f"docs_{page.stem.replace('-', '_')}")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    text = page.read_text(encoding="utf-8")
    for i, match in enumerate(FENCE.finditer(text)):
        line = text[: match.start()].count("\n") + 2
        code = compile("\n" * (line - 1) + match.group(1), f"{page.name}[{i}]", "exec")
        exec(code, module.__dict__)
    assert os.environ["GOVREPORT_DISABLE_PLUGIN_AUTOLOAD"] == "1"
