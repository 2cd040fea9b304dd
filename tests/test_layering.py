"""Imports run one way: spec and model at the bottom, the CLI at the top.

Every module's imports are read from its source (``ast``), function-local and
``TYPE_CHECKING`` ones included: a lazy upward import is still an upward
dependency.  ``LAYERS`` below is the rule, as data; ``KNOWN_UPWARD`` lists the
exceptions there are today, each with its reason, and fails once one is gone
so the list can only shrink.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govreport

PACKAGE = Path(govreport.__file__).parent
SRC = PACKAGE.parent

# Building blocks of the table below, bottom up.
#: Leaves every layer may import: the version, the limits, the error root.
_BASE = frozenset({"_version", "limits", "errors"})
_NEUTRAL = (
    frozenset(
        {"spec", "model", "findings", "placeholders", "sandbox", "fileio", "xmlchars", "childproc"}
    )
    | _BASE
)
_SERVICES = frozenset({"io", "rules", "document", "outputs"})
_IMPORTING = frozenset({"importing"})
_ENGINE = frozenset({"plugin_api", "registration", "plugins"}) | _IMPORTING
_MANY = frozenset({"audit", "aggregation"})

#: Component → the other components it may import.  A module belongs to the
#: component of its longest prefix in ``COMPONENTS``.
LAYERS: dict[str, frozenset[str]] = {
    "_version": frozenset(),
    "limits": frozenset(),
    "errors": frozenset(),
    "xmlchars": frozenset(),
    # Resource bounds for every Jinja evaluation (data-file placeholders and
    # agency templates alike).
    "sandbox": frozenset({"errors", "limits"}),
    "spec": frozenset({"errors"}),
    "model": frozenset({"spec", "errors"}),
    "fileio": frozenset({"errors"}),
    # Untrusted bytes parsed in a bounded child process (PDF import, layout check).
    "childproc": frozenset({"limits"}),
    "findings": frozenset({"spec", "errors"}),
    # The sandbox that evaluates {{ }} in user text.  It works on any attrs
    # object (it imports no model) and both the rules (P1, N1–N5 check the
    # rendered text) and the document (which prints it) use it, so it sits
    # beside findings, below both.
    "placeholders": frozenset({"spec", "errors", "sandbox", "xmlchars"}),
    "io": frozenset({"spec", "model", "findings", "errors", "fileio"}),
    "rules": frozenset({"spec", "model", "findings", "errors", "placeholders", "xmlchars"}),
    "document": frozenset({"spec", "model", "findings", "errors", "placeholders"}),
    "outputs": _NEUTRAL | {"document"},
    # The hook specifications and contribution types plugins implement.
    "plugin_api": _NEUTRAL | _SERVICES,
    # Readers of published reports and the mapper onto the data file's shape:
    # loaders, as a plugin's are, producing plain data and findings.  Reading
    # our own outputs back uses their layout knowledge (the text output's
    # column widths, the Word package's bounds), and the 2019 trial format's
    # block is an Extension: importing sits above the services and the plugin
    # API, below the modules that register it.
    "importing": _NEUTRAL | _SERVICES | {"plugin_api"},
    # The fill-in workbook (.xlsx): its layout from the spec, the writer and
    # the reader, a loader and a writer as a plugin's are.
    "workbook": _NEUTRAL | _SERVICES | {"plugin_api"},
    # The modules that register the built-in rules, sections and formats.
    "registration": _NEUTRAL | _SERVICES | _IMPORTING | {"plugin_api", "workbook"},
    "plugins": _NEUTRAL | _SERVICES | {"plugin_api", "registration"},
    # The package itself: the public facade over every layer but these two.
    # Services over many reports: the bulk audit and aggregate reports.
    "audit": _NEUTRAL | _SERVICES | _ENGINE,
    "aggregation": _NEUTRAL | _SERVICES | _ENGINE,
    # A service over a finished PDF, as the audit is over files: it measures
    # the page (pdfplumber), never the model.
    "layoutcheck": _NEUTRAL | _SERVICES,
    "facade": _NEUTRAL | _SERVICES | _ENGINE | _MANY | {"workbook", "layoutcheck", "serve"},
    "testing": _NEUTRAL | _SERVICES | _ENGINE | {"facade", "workbook"},
    # The local web form (govreport serve): a front-end beside the CLI, a thin
    # client of the same engine.
    # The web form: a front-end beside the CLI, below the facade that exports its app.
    "serve": _NEUTRAL | _SERVICES | _ENGINE | _MANY | {"workbook", "layoutcheck"},
    "cli": _NEUTRAL | _SERVICES | _ENGINE | _MANY | {"facade", "workbook", "layoutcheck", "serve"},
}
LAYERS = {name: allowed if name in _BASE else allowed | _BASE for name, allowed in LAYERS.items()}

_PACKAGES = (
    "_version",
    "limits",
    "errors",
    "xmlchars",
    "sandbox",
    "spec",
    "model",
    "fileio",
    "childproc",
    "findings",
    "placeholders",
)
_UPPER = (
    "io",
    "rules",
    "document",
    "outputs",
    "importing",
    "workbook",
    "plugins",
    "audit",
    "aggregation",
    "layoutcheck",
    "testing",
    "serve",
    "cli",
)
COMPONENTS: dict[str, str] = {
    "govreport": "facade",
    **{f"govreport.{name}": name for name in (*_PACKAGES, *_UPPER)},
    "govreport.plugins.hookspecs": "plugin_api",
    "govreport.plugins.contributions": "plugin_api",
    "govreport.rules.plugin": "registration",
    "govreport.document.plugin": "registration",
    "govreport.importing.plugin": "registration",
    "govreport.workbook.plugin": "registration",
}

#: (importer, imported) module pairs that break the layering today, and why.
KNOWN_UPWARD: dict[tuple[str, str], str] = {
    ("govreport.errors", "govreport.findings"): (
        "ValidationRefusedError reads Finding.severity, function-local; findings needs only spec"
    ),
    # The built-in formats register themselves with @hookimpl beside their
    # OutputFormat; one registration module (as rules.plugin) would end these.
    **{
        (f"govreport.outputs.{name}", "govreport.plugins.hookspecs"): "registers itself"
        for name in ("text", "pdf", "docx.plugin", "html.plugin", "typst.plugin")
    },
    ("govreport.io.skeleton", "govreport.plugins.contributions"): (
        "TYPE_CHECKING only: the Extension type a skeleton describes lives in plugins"
    ),
    ("govreport.io.loader", "govreport.plugins.shortcuts"): (
        "function-local, only on the deprecated io.read_report(path) route"
    ),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


def imports_of(path: Path) -> Iterator[str]:
    """Every govreport module ``path`` imports, anywhere in the file."""
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "govreport")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            if base.split(".")[0] != "govreport":
                continue
            for alias in node.names:
                # ``from govreport import spec`` imports the module govreport.spec.
                sub = f"{base}.{alias.name}"
                yield sub if _is_module(sub) else base


def component_of(module: str) -> str:
    best = max((p for p in COMPONENTS if module == p or module.startswith(p + ".")), key=len)
    return COMPONENTS[best]


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def upward_imports() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for path in _modules():
        importer = module_name(path)
        layer = component_of(importer)
        for imported in imports_of(path):
            target = component_of(imported)
            if target != layer and target not in LAYERS[layer]:
                found[(importer, imported)] = f"{layer} → {target}"
    return found


def test_the_layer_table_runs_one_way() -> None:
    """No two components may import each other, directly or round about."""
    state: dict[str, str] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", f"cycle in LAYERS: {' → '.join((*trail, name))}"
        state[name] = "open"
        for below in LAYERS[name]:
            visit(below, (*trail, name))
        state[name] = "done"

    for name in LAYERS:
        visit(name, ())


def test_every_module_has_a_component() -> None:
    for path in _modules():
        assert component_of(module_name(path)) in LAYERS, path


def test_the_parser_sees_package_and_function_local_imports() -> None:
    """The checker itself: ``from govreport import spec`` and a lazy import both count."""
    assert "govreport.spec.wording" in set(imports_of(PACKAGE / "rules" / "dates.py"))
    assert "govreport.spec" in set(imports_of(PACKAGE / "rules" / "arithmetic.py"))
    # errors imports findings only inside ValidationRefusedError.__init__.
    assert "govreport.findings" in set(imports_of(PACKAGE / "errors.py"))


def test_no_lower_layer_imports_a_higher_one() -> None:
    new = {pair: how for pair, how in upward_imports().items() if pair not in KNOWN_UPWARD}
    assert not new, "upward imports:\n" + "\n".join(
        f"  {a} imports {b} ({how})" for (a, b), how in sorted(new.items())
    )


def test_known_exceptions_are_still_needed() -> None:
    gone = set(KNOWN_UPWARD) - set(upward_imports())
    assert not gone, f"fixed, remove from KNOWN_UPWARD: {sorted(gone)}"


HEAVY = ("jinja2", "yaml", "pluggy")


def _loaded_heavy(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=SRC
    )
    return done.stdout.split()


@pytest.mark.parametrize(
    "module", ["govreport.model", "govreport.spec", "govreport.findings", "govreport.errors"]
)
def test_the_bottom_layers_load_nothing_heavy(module: str) -> None:
    """Below the facade: the package's ``__init__`` is bypassed with an empty stand-in."""
    stand_in = (
        "import sys, types\n"
        "pkg = types.ModuleType('govreport')\n"
        f"pkg.__path__ = [{str(PACKAGE)!r}]\n"
        "sys.modules['govreport'] = pkg\n"
        f"import {module}"
    )
    assert _loaded_heavy(stand_in) == []


def test_importing_the_model_loads_nothing_heavy() -> None:
    """Through the real package: ``govreport/__init__`` loads its names lazily (PEP 562)."""
    assert _loaded_heavy("import govreport.model") == []
