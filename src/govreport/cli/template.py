"""``govreport template``: export the default Word template, check an agency's copy."""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT_NAME = "govreport-template.docx"


@click.group("template")
def template_group() -> None:
    """Word 模板：导出默认模板、检查机关模板 (Word templates)."""


@template_group.command("export")
@click.argument(
    "path", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_NAME, required=False
)
@click.option("--force", is_flag=True, help="覆盖已有文件 (overwrite)")
def export_command(path: Path, force: bool) -> None:
    """写出默认模板，供在 Word 中修改 (write the default template)."""
    from govreport.outputs.docx.templates import export_template

    try:
        written = export_template(path, overwrite=force)
    except (FileExistsError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"已写出默认模板 (written)：{written}")


@template_group.command("check")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
def check_command(path: Path) -> None:
    """检查机关模板的样式和占位符 (check a template's styles and placeholders)."""
    from govreport.cli import common
    from govreport.outputs.docx.templates import check_template

    # The plugins' filters and globals, as a render would have them.
    filters, globals_ = common.engine().template_namespace()
    problems = check_template(path, filters=filters, globals=globals_)
    for problem in problems:
        click.echo(problem.line())
    if problems:
        click.echo(f"模板不可用：{len(problems)} 个问题 (template has problems)", err=True)
        # ctx.exit, not SystemExit: main() returns the status instead of exiting.
        click.get_current_context().exit(1)
    click.echo(f"模板可用 (template OK)：{path}")
