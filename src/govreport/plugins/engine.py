"""The engine: one plugin manager, its registries, and the operations built on them.

There is no hidden module-global manager.  A library caller makes an
``Engine()`` (or several, with different plugins); the CLI and the
convenience functions share one made lazily by :func:`default_engine`.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import pluggy

from govreport._version import __version__
from govreport.document.assemble import assemble
from govreport.document.blocks import Document
from govreport.document.providers import SectionProvider
from govreport.errors import GovreportError, PluginError, UnknownFormatError, ValidationRefusedError
from govreport.fileio import atomic_write
from govreport.findings import Finding, Severity
from govreport.io import (
    DataFileError,
    LoadResult,
    UnreadableFileError,
    load_report,
    parse_report,
    save_report,
)
from govreport.io.regular import check_regular
from govreport.model import AnnualReport
from govreport.outputs.base import (
    OutputFormat,
    PrepareRequest,
    RenderRequest,
    check_options,
    prepare_format,
)
from govreport.plugins import hookspecs
from govreport.plugins.calls import (
    HookFailure,
    call_in_pluggy_order,
    fill,
    guarded,
    reason,
    wrapper_hooks,
)
from govreport.plugins.contributions import (
    DataWriter,
    DataWriterError,
    Extension,
    HelperKind,
    InputLoader,
    PlacedData,
    TemplateHelper,
)
from govreport.plugins.loading import (
    DISABLE_AUTOLOAD_ENV,
    PluginFailure,
    PluginInfo,
    PluginLoadError,
    autoload_disabled,
    default_name,
    did_you_mean,
)
from govreport.plugins.registry import DuplicateNameError, Registry
from govreport.rules.base import Rule, RuleContext
from govreport.rules.previous import check_previous
from govreport.rules.report import has_errors, sort_findings

__all__ = [  # the records and the switch live in loading; their old home still works
    "DEFAULT_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "Engine",
    "PluginFailure",
    "PluginInfo",
    "PluginLoadError",
    "default_engine",
]

#: Built-in plugins, registered first and through the same hooks as everyone's.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "govreport.document.plugin",
    "govreport.rules.plugin",
    "govreport.outputs.text",
    "govreport.outputs.html.plugin",
    "govreport.outputs.docx.plugin",
    "govreport.outputs.pdf",
    "govreport.outputs.typst.plugin",
    "govreport.importing.plugin",
    "govreport.workbook.plugin",
)

#: The hooks that take a ``register`` callback: every ``govreport_register_*`` spec.
_REGISTER_HOOKS: tuple[str, ...] = tuple(
    name for name in dir(hookspecs) if name.startswith(f"{hookspecs.PROJECT}_register_")
)

ENTRY_POINT_GROUP = "govreport"


class Engine:
    """Plugins, their registries, and what can be done with them."""

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        autoload: bool | None = None,
        builtins: bool = True,
    ) -> None:
        """``plugins`` are registered after built-ins and entry points.

        ``autoload=None`` loads entry-point plugins unless the environment
        variable ``GOVREPORT_DISABLE_PLUGIN_AUTOLOAD`` is set.
        """
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.failures: list[PluginFailure] = []
        self._info: dict[str, tuple[str, str]] = {}  # name → (version, source)
        self._order: dict[str, int] = {}  # name → load position (built-ins first)
        # The last document assembled, with what it was assembled from: a
        # report rendered into several formats is assembled once.
        self._last_document: tuple[object, ...] | None = None
        if builtins:
            for module_name in DEFAULT_PLUGINS:
                self._add(importlib.import_module(module_name), module_name, "builtin")
        if autoload if autoload is not None else not autoload_disabled():
            self._load_entry_points()
        for plugin in plugins:
            self.add_plugin(plugin)
        self._collect()

    # -- loading -----------------------------------------------------------

    def _add(self, plugin: object, name: str, source: str, version: str = "") -> None:
        try:
            self.pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            # A hook with arguments the spec does not have, or a taken plugin name.
            raise PluginLoadError(name, str(exc)) from None
        try:
            # A misspelled hook is refused here, naming plugin and hook.
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self.pm.unregister(plugin, name=name)
            raise PluginLoadError(name, str(exc) + did_you_mean(plugin)) from None
        for hook_name in _REGISTER_HOOKS:
            if name in wrapper_hooks(getattr(self.pm.hook, hook_name)):
                self.pm.unregister(plugin, name=name)
                raise PluginLoadError(
                    name,
                    f"{hook_name} is a wrapper (wrapper=True or hookwrapper=True); registration "
                    "hooks take a register callback and cannot wrap other plugins' calls: "
                    "use tryfirst=True or trylast=True to order them",
                    hook_name,
                )
        self._info[name] = (version or (__version__ if source == "builtin" else ""), source)
        self._order[name] = len(self._order)

    def _load_entry_points(self) -> None:
        eps = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
        for ep in eps:
            if self.pm.has_plugin(ep.name):
                continue
            version = ep.dist.version if ep.dist is not None else ""
            try:
                plugin = ep.load()
                self._add(plugin, ep.name, "entry point", version)
            except PluginLoadError as exc:
                self.failures.append(PluginFailure(ep.name, exc.reason))
            except Exception as exc:  # a broken plugin must not take the tool down
                self.failures.append(PluginFailure(ep.name, f"{type(exc).__name__}: {exc}"))

    def add_plugin(self, plugin: object, name: str | None = None) -> None:
        """Register one more plugin object (a module or an instance with hookimpls)."""
        plugin_name = name or default_name(self.pm, plugin)
        self._add(plugin, plugin_name, "direct")
        if hasattr(self, "outputs"):
            try:
                self._collect()
            except GovreportError:
                # Refused: the engine stays as it was before the call.
                self._forget(plugin, plugin_name)
                self._collect()
                raise

    def _forget(self, plugin: object, name: str) -> None:
        """Unregister a plugin and everything recorded about it."""
        self.pm.unregister(plugin, name=name)
        self._info.pop(name, None)
        self._order.pop(name, None)

    # -- registries --------------------------------------------------------

    def _call_register_hook(
        self, hook_name: str, registry: Registry[Any], key: Callable[[Any], str]
    ) -> None:
        """Fill ``registry`` from one hook; failures are kept in ``self._hook_failures``."""
        hook = getattr(self.pm.hook, hook_name)
        registrations, failures = call_in_pluggy_order(hook, key)
        failures += fill(registry, registrations, self._order, hook_name)
        self._hook_failures.extend(failures)

    def _collect(self) -> None:
        """Fill every registry; a plugin that fails is dropped whole and the rest kept.

        An entry-point plugin that fails becomes one :class:`PluginFailure`
        line.  A built-in or a plugin passed in by the caller raises: the
        caller asked for it by name and should hear at once.
        """
        while True:
            self._hook_failures: list[HookFailure] = []
            self._fill_registries()
            if not self._hook_failures:
                return
            for failure in self._hook_failures:
                source = self._info.get(failure.plugin, ("", "direct"))[1]
                if source != "entry point":
                    if isinstance(failure.error, DuplicateNameError):
                        raise failure.error
                    raise PluginError(
                        failure.plugin, failure.hook, failure.reason
                    ) from failure.error
            for failure in self._hook_failures:
                plugin = self.pm.get_plugin(failure.plugin)
                if plugin is not None:
                    self._forget(plugin, failure.plugin)
                    self.failures.append(
                        PluginFailure(failure.plugin, f"{failure.hook}: {failure.reason}")
                    )

    def _fill_registries(self) -> None:
        self.outputs: Registry[OutputFormat] = Registry("output format")
        self.sections: Registry[SectionProvider] = Registry("section provider")
        self.rules: Registry[Rule] = Registry("validation rule")
        self._call_register_hook("govreport_register_outputs", self.outputs, lambda f: f.name)
        self._call_register_hook("govreport_register_sections", self.sections, lambda p: p.name)
        self._call_register_hook("govreport_register_rules", self.rules, lambda r: r.code)
        self.extensions: Registry[Extension] = Registry("extension")
        self.loaders: Registry[InputLoader] = Registry("input loader")
        self.template_helpers: Registry[TemplateHelper] = Registry("template helper")
        self._call_register_hook("govreport_register_extensions", self.extensions, lambda e: e.name)
        self._call_register_hook("govreport_register_loaders", self.loaders, lambda x: x.name)
        self.writers: Registry[DataWriter] = Registry("data writer")
        self._call_register_hook("govreport_register_writers", self.writers, lambda w: w.name)
        self._call_register_hook(
            "govreport_register_template_helpers",
            self.template_helpers,
            lambda h: f"{h.kind.value}:{h.name}",
        )

    def plugin_infos(self) -> list[PluginInfo]:
        out = []
        for name, plugin in self.pm.list_name_plugin():
            version, source = self._info.get(name, ("", "direct"))
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            out.append(PluginInfo(name, version, source, hooks))
        return out

    def extension_classes(self) -> dict[str, type]:
        """Extension name → its data class, for the loader."""
        return {name: ext.data_class for name, ext in self.extensions.items()}

    def template_namespace(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(filters, globals) that plugins contributed for output templates."""
        filters: dict[str, Any] = {}
        globals_: dict[str, Any] = {}
        for helper in self.template_helpers.values():
            target = filters if helper.kind is HelperKind.FILTER else globals_
            target[helper.name] = helper.value
        return filters, globals_

    # -- reading -----------------------------------------------------------

    def load_report(self, path: str | os.PathLike[str]) -> LoadResult:
        """Read a data file with the plugins' loaders and extensions; tolerant.

        Every mistake inside the file is a problem in the result (and the
        report is provisional when there are errors); the report carries the
        totals the file stated.  Raises :class:`govreport.UnreadableFileError`
        only for a file that cannot be read at all.
        """
        source = Path(path)
        extensions = self.extension_classes()
        for loader in self.loaders.values():
            if source.suffix.lower() in loader.suffixes:
                # A FIFO, a device or a huge file is refused before the plugin opens it.
                check_regular(source)
                try:
                    data = loader.read(source)
                except GovreportError:
                    raise  # already says which file and why
                except (OSError, ValueError) as exc:
                    raise UnreadableFileError(source, f"{loader.name}: {exc}") from None
                except Exception as exc:
                    owner = self.loaders.owner(loader.name)
                    raise PluginError(owner, "read", reason(exc), target=loader.name) from exc
                result = parse_report(
                    data, source=source, extensions=extensions, owners=self._owners()
                )
                if isinstance(data, PlacedData):  # each problem names its cell too
                    result = attrs.evolve(result, places=data.places)
                    result = attrs.evolve(result, problems=tuple(result.place(result.problems)))
                break
        else:
            result = load_report(source, extensions=extensions, owners=self._owners())
        return attrs.evolve(result, problems=tuple(self.locate(result.problems)))

    def parse_report(
        self, data: Mapping[str, Any], *, source: str | os.PathLike[str] = "<data>"
    ) -> LoadResult:
        """Like :meth:`load_report`, for data already in memory (a dict as a data file holds)."""
        result = parse_report(
            data, source=source, extensions=self.extension_classes(), owners=self._owners()
        )
        return attrs.evolve(result, problems=tuple(self.locate(result.problems)))

    def read_report(self, path: str | os.PathLike[str]) -> AnnualReport:
        """Strict: the report, or :class:`govreport.DataFileError` listing every problem."""
        result = self.load_report(path)
        if not result.ok:
            raise DataFileError(result.source, result.problems)
        return result.report

    # -- writing -----------------------------------------------------------

    def save_report(self, report: AnnualReport, path: str | os.PathLike[str]) -> Path:
        """Write ``report`` as a data file, atomically; the format follows the suffix.

        A plugin's :class:`DataWriter` for the suffix (``.xlsx``: the workbook),
        else YAML, JSON or TOML.  A report the writer cannot hold raises
        :class:`DataWriterError`; an unknown suffix ``UnsupportedFormatError``.
        """
        target = Path(path)
        for name, writer in self.writers.items():
            if target.suffix.lower() in writer.suffixes:
                try:
                    data = writer.write(report)
                except GovreportError:
                    raise
                except ValueError as exc:
                    raise DataWriterError(name, target, str(exc)) from None
                except Exception as exc:
                    owner = self.writers.owner(name)
                    raise PluginError(owner, "write", reason(exc), target=name) from exc
                if not isinstance(data, bytes):
                    raise PluginError(
                        self.writers.owner(name),
                        "write",
                        f"应返回 bytes，实际返回 {type(data).__name__} (write must return bytes)",
                        target=name,
                    )
                return atomic_write(target, data)
        return save_report(report, target)

    def _owners(self) -> dict[str, str]:
        return {name: self.extensions.owner(name) for name in self.extensions}

    def locate(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings inside an extension's block, located with that plugin's labels."""
        out = []
        for finding in findings:
            name = finding.path.split(".")[1] if finding.path.startswith("extensions.") else ""
            if name in self.extensions:
                where = self.extensions[name].location(finding.path, self.extensions.owner(name))
                out.append(attrs.evolve(finding, location=where))
            else:
                out.append(finding)
        return out

    # -- checking ----------------------------------------------------------

    def validate(
        self,
        report: AnnualReport,
        *,
        previous: AnnualReport | None = None,
        stated: Mapping[str, Any] | None = None,
    ) -> list[Finding]:
        """Every rule's findings, errors first, in the order of the report.

        The totals the report's source stated (``report.stated_totals``) are
        checked against the computed ones; ``stated`` adds to or overrides them.
        A ``previous`` that is not this agency's report of ``report.year - 1``
        raises :class:`~govreport.rules.previous.PreviousReportMismatchError`.
        A rule that raises does not stop the others: it becomes one finding
        (code ``PLUGIN``) naming the rule and its plugin, so a report checked by
        a broken rule is never called clean.
        """
        if previous is not None:
            # Another agency's report, or another year's, would make R6 and S4 nonsense.
            check_previous(report, previous)
        ctx = RuleContext(report, previous, {**report.stated_totals, **(stated or {})})
        findings: list[Finding] = []
        for code, rule in self.rules.items():
            try:
                findings.extend(rule.check(ctx))
            except GovreportError:
                raise
            except Exception as exc:
                owner = self.rules.owner(code)
                findings.append(
                    Finding(
                        "PLUGIN",
                        Severity.ERROR,
                        f"规则 {code}（插件 {owner}）运行出错，本项未能校验 "
                        f"(rule {code} of plugin {owner} crashed)：{reason(exc)}",
                    )
                )
        return sort_findings(self.locate(findings))

    # -- rendering ---------------------------------------------------------

    def document(
        self, report: AnnualReport, *, previous: AnnualReport | None = None, signature: bool = True
    ) -> Document:
        """The format-neutral document every output renders; plugin failures name the plugin.

        Reports are frozen, so the document of the very report object asked
        for last time (same previous report, same providers) is that one
        again: rendering one report into docx, html and txt assembles it once.
        """
        registered = tuple(self.sections.items())
        last = self._last_document
        if (
            last is not None
            and last[0] is report
            and last[1] is previous
            and last[2] == signature
            and last[3] == registered
        ):
            document = last[4]
            assert isinstance(document, Document)
            return document
        providers = [
            attrs.evolve(p, build=guarded(p.build, self.sections.owner(name), "build", name))
            for name, p in registered
        ]
        document = assemble(report, providers, previous=previous, signature=signature)
        self._last_document = (report, previous, signature, registered, document)
        return document

    def output(self, name: str) -> OutputFormat:
        """The output format ``name``, or :class:`govreport.UnknownFormatError`."""
        if name not in self.outputs:
            raise UnknownFormatError(name, list(self.outputs))
        return self.outputs[name]

    def prepare(self, format_name: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Check ``options`` for ``format_name`` once and run the format's ``prepare``.

        For many renders with the same options (``render_many``): an option
        value that cannot work, such as a broken template, raises its error
        here, once, before any report.  Returns the checked options.
        """
        fmt = self.output(format_name)
        checked = check_options(fmt, options or {})
        filters, globals_ = self.template_namespace()
        request = PrepareRequest(checked, template_filters=filters, template_globals=globals_)
        owner = self.outputs.owner(format_name)
        guarded(prepare_format, owner, "prepare", format_name)(fmt, request)
        return checked

    def render(
        self,
        report: AnnualReport,
        format_name: str,
        *,
        previous: AnnualReport | None = None,
        options: Mapping[str, Any] | None = None,
        signature: bool = True,
        allow_errors: bool = False,
    ) -> bytes:
        """The report as one file in ``format_name``, deterministically.

        The report is validated first (with ``previous`` for the cross-year
        rules): if any rule finds an error, :class:`govreport.ValidationRefusedError`
        is raised carrying every finding, as ``govreport render`` refuses
        without ``--force``.  Pass ``allow_errors=True`` to render anyway (or
        when the report was validated already: no rule is run then).
        """
        fmt = self.output(format_name)
        checked = check_options(fmt, options or {})
        if not allow_errors:
            findings = self.validate(report, previous=previous)
            if has_errors(findings):
                raise ValidationRefusedError(findings)
        filters, globals_ = self.template_namespace()
        request = RenderRequest(
            report, previous, checked, template_filters=filters, template_globals=globals_
        )
        doc = self.document(report, previous=previous, signature=signature)
        owner = self.outputs.owner(format_name)
        data = guarded(fmt.render, owner, "render", format_name)(doc, request)
        if not isinstance(data, bytes):
            raise PluginError(
                owner,
                "render",
                f"应返回 bytes，实际返回 {type(data).__name__} (render must return bytes)",
                target=format_name,
            )
        return data


@functools.cache
def default_engine() -> Engine:
    """The engine the CLI and convenience functions share, made on first use."""
    return Engine()
