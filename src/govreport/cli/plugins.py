"""``govreport plugins``: what is installed, and what each format accepts."""

from __future__ import annotations

import click

from govreport.cli.common import engine


@click.command(name="plugins")
def plugins() -> None:
    """列出已加载的插件、输出格式、章节和规则 (list loaded plugins)."""
    eng = engine(report_failures=False)
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
        ("模板过滤器与全局变量 (template helpers)", eng.template_helpers),
    ):
        if registry:
            click.echo(f"{title}:")
            for name in registry:
                click.echo(f"  {name} ({registry.owner(name)})")
    for failure in eng.failures:
        click.echo(failure.line())
