"""The hooks a govreport plugin may implement.

Registration hooks receive a ``register`` callback, in the style of llm and tox:
the plugin calls it once per thing it contributes.  The engine owns the typed
registries behind the callbacks, and refuses a duplicate name unless the
plugin says ``override=True``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pluggy

if TYPE_CHECKING:
    from govreport.document.providers import SectionProvider
    from govreport.outputs.base import OutputFormat
    from govreport.plugins.contributions import (
        DataWriter,
        Extension,
        InputLoader,
        TemplateHelper,
    )
    from govreport.rules.base import Rule

PROJECT = "govreport"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class RegisterOutput(Protocol):
    def __call__(self, fmt: OutputFormat, *, override: bool = False) -> None: ...


class RegisterSection(Protocol):
    def __call__(self, provider: SectionProvider, *, override: bool = False) -> None: ...


class RegisterRule(Protocol):
    def __call__(self, rule: Rule, *, override: bool = False) -> None: ...


class RegisterExtension(Protocol):
    def __call__(self, extension: Extension, *, override: bool = False) -> None: ...


class RegisterLoader(Protocol):
    def __call__(self, loader: InputLoader, *, override: bool = False) -> None: ...


class RegisterWriter(Protocol):
    def __call__(self, writer: DataWriter, *, override: bool = False) -> None: ...


class RegisterTemplateHelper(Protocol):
    def __call__(self, helper: TemplateHelper, *, override: bool = False) -> None: ...


@hookspec
def govreport_register_outputs(register: RegisterOutput) -> None:
    """Contribute output formats.

    Call ``register(fmt)`` with an object that implements
    :class:`govreport.outputs.base.OutputFormat`; its ``name`` is what
    ``govreport render -f NAME`` takes.
    """


@hookspec
def govreport_register_sections(register: RegisterSection) -> None:
    """Contribute section providers.

    Call ``register(SectionProvider(name, build, placement))``.  Built-in
    providers are named after the six official sections (``overview``,
    ``proactive``, ``applications``, ``review_litigation``, ``problems``,
    ``other``); a placement puts a new section at the end, before or after one
    of them, in place of one, or extends one with more blocks.
    """


@hookspec
def govreport_register_rules(register: RegisterRule) -> None:
    """Contribute validation rules: ``register(Rule(code, title, check))``."""


@hookspec
def govreport_register_extensions(register: RegisterExtension) -> None:
    """Contribute a typed data block: ``register(Extension(name, DataClass, title))``.

    A data file then carries ``extensions: {name: {...}}``; the loader
    structures it into ``DataClass`` and the report holds it in
    ``report.extensions[name]`` for the plugin's sections and rules.  Without
    the plugin, the same key is an error naming the installed extensions.
    """


@hookspec
def govreport_register_loaders(register: RegisterLoader) -> None:
    """Contribute a reader for another kind of data file, chosen by suffix:
    ``register(InputLoader(name, (".xlsx",), read))``.
    """


@hookspec
def govreport_register_writers(register: RegisterWriter) -> None:
    """Contribute a writer for another kind of data file, chosen by the target's suffix:
    ``register(DataWriter(name, (".xlsx",), write))``; ``write(report)`` returns bytes.
    """


@hookspec
def govreport_register_template_helpers(register: RegisterTemplateHelper) -> None:
    """Contribute Jinja filters and globals for output templates:
    ``register(TemplateHelper("yuan", format_yuan))`` or
    ``register(TemplateHelper("portal", "https://…", HelperKind.GLOBAL))``.
    """
