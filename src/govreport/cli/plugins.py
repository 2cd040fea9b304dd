"""``govreport plugins``: what is installed, and what each format accepts.

``--format json`` prints the same listing as data for tools (a CMS
integration, a CI check that a province's plugin is installed).  Lists whose
order means something keep it: plugins (registration order decides which
implementation wins), sections (assembly order), rules, input loaders and
data writers (the order they run and are tried in), a format's options (the author's
order); the others are sorted by name.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import click

from govreport.cli.common import engine, format_option
from govreport.document.providers import Numbering, SectionProvider
from govreport.outputs.base import OptionSpec, OutputFormat
from govreport.plugins.engine import Engine

#: Bumped when a key is renamed or removed (adding keys keeps it).
SCHEMA_VERSION = 1


def _options(options: Mapping[str, OptionSpec]) -> list[dict[str, Any]]:
    return [{"name": name, **spec.to_dict()} for name, spec in options.items()]


def _format(eng: Engine, name: str, fmt: OutputFormat) -> dict[str, Any]:
    return {
        "name": name,
        "extension": fmt.extension,
        "media_type": fmt.media_type,
        "description": fmt.description,
        "capabilities": sorted(c.value for c in fmt.capabilities),
        "plugin": eng.outputs.owner(name),
        "options": _options(fmt.options),
    }


def _numbering(provider: SectionProvider) -> str:
    """``auto``, ``none``, or the fixed number itself (``七、``)."""
    numbering = provider.numbering
    return numbering.value if isinstance(numbering, Numbering) else numbering


def listing(eng: Engine) -> dict[str, Any]:
    """Everything ``govreport plugins`` shows, as JSON-ready data."""
    return {
        "schema": SCHEMA_VERSION,
        "plugins": [
            {
                "name": info.name,
                "version": info.version,
                "source": info.source,
                "hooks": list(info.hooks),
            }
            for info in eng.plugin_infos()
        ],
        "formats": [_format(eng, name, fmt) for name, fmt in sorted(eng.outputs.items())],
        "sections": [
            {
                "name": name,
                "placement": provider.placement.where.value,
                "target": provider.placement.target,
                "numbering": _numbering(provider),
                "plugin": eng.sections.owner(name),
            }
            for name, provider in eng.sections.items()
        ],
        "rules": [
            {"code": code, "title": rule.title, "plugin": eng.rules.owner(code)}
            for code, rule in eng.rules.items()
        ],
        "extensions": [
            {
                "name": name,
                "title": ext.title,
                "data_class": f"{ext.data_class.__module__}.{ext.data_class.__qualname__}",
                "plugin": eng.extensions.owner(name),
            }
            for name, ext in sorted(eng.extensions.items())
        ],
        "loaders": [
            {"name": name, "suffixes": list(loader.suffixes), "plugin": eng.loaders.owner(name)}
            for name, loader in eng.loaders.items()
        ],
        "writers": [
            {"name": name, "suffixes": list(writer.suffixes), "plugin": eng.writers.owner(name)}
            for name, writer in eng.writers.items()
        ],
        "template_helpers": [
            {
                "name": helper.name,
                "kind": helper.kind.value,
                "plugin": eng.template_helpers.owner(key),
            }
            for key, helper in sorted(eng.template_helpers.items())
        ],
        "failures": [
            {"name": failure.name, "reason": failure.reason}
            for failure in sorted(eng.failures, key=lambda f: (f.name, f.reason))
        ],
    }


def format_value(value: object) -> str:
    """A default or choice the way it is typed after ``--option name=``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _option_line(name: str, spec: OptionSpec) -> str:
    default = "" if spec.default is None else f"={format_value(spec.default)}"
    choices = f" {{{'|'.join(format_value(c) for c in spec.choices)}}}" if spec.choices else ""
    return f"      {name}{default} ({spec.type_name}){choices} {spec.help}"


def _echo_text(eng: Engine) -> None:
    click.echo("插件 (plugins):")
    for info in eng.plugin_infos():
        version = f" {info.version}" if info.version else ""
        click.echo(f"  {info.name}{version} [{info.source}]")
        for hook in info.hooks:
            click.echo(f"      {hook}")
    click.echo("输出格式 (output formats):")
    for name, fmt in eng.outputs.items():
        caps = ", ".join(sorted(c.value for c in fmt.capabilities))
        click.echo(
            f"  {name:<6} {fmt.extension:<6} {fmt.description} [{caps}] ({eng.outputs.owner(name)})"
        )
        for option, spec in fmt.options.items():
            click.echo(_option_line(option, spec))
    click.echo("章节 (sections):")
    for name, provider in eng.sections.items():
        where = provider.placement.where.value
        target = f" {provider.placement.target}" if provider.placement.target else ""
        click.echo(f"  {name} ({where}{target}; {eng.sections.owner(name)})")
    click.echo("校验规则 (rules):")
    for code, rule in eng.rules.items():
        click.echo(f"  {code:<6} {rule.title} ({eng.rules.owner(code)})")
    for title, registry in (
        ("扩展数据 (extensions)", eng.extensions),
        ("数据文件读取 (input loaders)", eng.loaders),
        ("数据文件写出 (data writers)", eng.writers),
        ("模板过滤器与全局变量 (template helpers)", eng.template_helpers),
    ):
        if registry:
            click.echo(f"{title}:")
            for name in registry:
                click.echo(f"  {name} ({registry.owner(name)})")
    for failure in eng.failures:
        click.echo(failure.line())


@click.command(name="plugins")
@format_option("输出形式 (output as text or JSON)")
def plugins(output_format: str) -> None:
    """列出已加载的插件、输出格式及其选项、章节和规则 (list loaded plugins)."""
    eng = engine(report_failures=False)
    if output_format == "json":
        click.echo(json.dumps(listing(eng), ensure_ascii=False, indent=2, sort_keys=False))
    else:
        _echo_text(eng)
