"""The engine: one plugin manager, its registries, and the operations built on them.

There is no hidden module-global manager.  A library caller makes an
``Engine()`` (or several, with different plugins); the CLI and the
convenience functions share one made lazily by :func:`default_engine`.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import pluggy

from govreport.document.assemble import assemble
from govreport.errors import PluginError
from govreport.document.blocks import Document
from govreport.document.providers import SectionProvider
from govreport.io import LoadResult, UnreadableFileError, load_report, parse_report
from govreport.model import AnnualReport
from govreport.outputs.base import OutputFormat, RenderRequest, check_options
from govreport.plugins import hookspecs
from govreport.plugins.contributions import Extension, HelperKind, InputLoader, TemplateHelper
from govreport.plugins.registry import Registry
from govreport.rules.base import Finding, Rule, RuleContext

#: Built-in plugins, registered first and through the same hooks as everyone's.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "govreport.document.plugin",
    "govreport.rules.plugin",
    "govreport.outputs.text",
    "govreport.outputs.html.plugin",
    "govreport.outputs.docx.plugin",
    "govreport.outputs.pdf",
)

ENTRY_POINT_GROUP = "govreport"
#: Set to 1 (or true/yes) to load no plugins from entry points.
DISABLE_AUTOLOAD_ENV = "GOVREPORT_DISABLE_PLUGIN_AUTOLOAD"


@attrs.frozen
class PluginInfo:
    name: str
    version: str
    source: str  # "builtin", "entry point", or "direct"
    hooks: tuple[str, ...]


@attrs.frozen
class PluginFailure:
    """A plugin that could not be loaded; the others keep working."""

    name: str
    reason: str

    def line(self) -> str:
        return f"插件 {self.name} 未能加载（plugin failed to load）：{self.reason}"


def autoload_disabled() -> bool:
    return os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip().lower() in ("1", "true", "yes", "on")


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
        self.pm.register(plugin, name=name)
        try:
            # A misspelled hook is refused here, naming plugin and hook.
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self.pm.unregister(plugin, name=name)
            raise PluginLoadError(name, str(exc) + _did_you_mean(plugin)) from None
        from govreport import __version__

        self._info[name] = (version or (__version__ if source == "builtin" else ""), source)

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
        plugin_name = name or getattr(plugin, "__name__", None) or repr(plugin)
        self._add(plugin, plugin_name, "direct")
        if hasattr(self, "outputs"):
            self._collect()

    # -- registries --------------------------------------------------------

    def _call_register_hook(
        self, hook_name: str, registry: Registry[Any], key: Callable[[Any], str]
    ) -> None:
        # Call each implementation ourselves (in pluggy's registration order:
        # built-ins first, tryfirst last) so that every registration is
        # attributed to its plugin and a duplicate names both.
        hook = getattr(self.pm.hook, hook_name)
        for impl in hook.get_hookimpls():

            def register(
                item: Any, *, override: bool = False, _plugin: str = impl.plugin_name
            ) -> None:
                registry.register(key(item), item, plugin=_plugin, override=override)

            impl.function(register=register)

    def _collect(self) -> None:
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

    # -- operations --------------------------------------------------------

    def load_report(self, path: str | os.PathLike[str]) -> LoadResult:
        """Read a data file with the plugins' loaders and extensions.

        Raises :class:`govreport.io.UnreadableFileError` for a file that cannot
        be read; every mistake inside it is a problem in the result.
        """
        source = Path(path)
        extensions = self.extension_classes()
        for loader in self.loaders.values():
            if source.suffix.lower() in loader.suffixes:
                if not source.is_file():
                    raise UnreadableFileError(source, "文件不存在 (no such file)")
                try:
                    data = loader.read(source)
                except (OSError, ValueError) as exc:
                    raise UnreadableFileError(source, f"{loader.name}: {exc}") from None
                result = parse_report(
                    data, source=source, extensions=extensions, owners=self._owners()
                )
                break
        else:
            result = load_report(source, extensions=extensions, owners=self._owners())
        return attrs.evolve(result, problems=tuple(self.locate(result.problems)))

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

    def document(
        self, report: AnnualReport, *, previous: AnnualReport | None = None, signature: bool = True
    ) -> Document:
        return assemble(report, self.sections.values(), previous=previous, signature=signature)

    def output(self, name: str) -> OutputFormat:
        return self.outputs[name]

    def render(
        self,
        report: AnnualReport,
        format_name: str,
        *,
        previous: AnnualReport | None = None,
        options: Mapping[str, Any] | None = None,
        signature: bool = True,
    ) -> bytes:
        fmt = self.outputs[format_name]
        filters, globals_ = self.template_namespace()
        request = RenderRequest(
            report,
            previous,
            check_options(fmt, options or {}),
            template_filters=filters,
            template_globals=globals_,
        )
        doc = self.document(report, previous=previous, signature=signature)
        return fmt.render(doc, request)

    def validate(
        self,
        report: AnnualReport,
        *,
        previous: AnnualReport | None = None,
        stated: Mapping[str, Any] | None = None,
    ) -> list[Finding]:
        ctx = RuleContext(report, previous, dict(stated or {}))
        return self.locate(f for rule in self.rules.values() for f in rule.check(ctx))


def _did_you_mean(plugin: object) -> str:
    """For a misspelled hook, the hook that was probably meant."""
    known = [n for n in dir(hookspecs) if n.startswith(f"{hookspecs.PROJECT}_")]
    for attr in dir(plugin):
        if attr.startswith(f"{hookspecs.PROJECT}_") and attr not in known:
            close = difflib.get_close_matches(attr, known, n=1)
            if close:
                return f"; did you mean {close[0]!r}?"
    return ""


class PluginLoadError(PluginError):
    """A plugin refused at registration (a misspelled hook, a wrapper, a bad contribution)."""

    def __init__(self, name: str, reason: str, hook: str = "register") -> None:
        super().__init__(name, hook, reason)
        self.name = name


@functools.cache
def default_engine() -> Engine:
    """The engine the CLI and convenience functions share, made on first use."""
    return Engine()
