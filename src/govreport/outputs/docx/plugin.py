"""The ``docx`` output format: the Word file an office publishes (GB/T 9704 layout)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from govreport.document.blocks import Document
from govreport.outputs.base import Capability, OptionSpec, PrepareRequest, RenderRequest
from govreport.outputs.deprecated import SIGNATURE_OPTION, warn_signature
from govreport.outputs.docx.body import body_xml
from govreport.outputs.docx.package import core_properties
from govreport.outputs.docx.settings import DocxSettings
from govreport.outputs.docx.shell import shell_context
from govreport.outputs.docx.template import CompiledTemplate, load_template
from govreport.outputs.jinja import filter_items, render_context
from govreport.plugins.hookspecs import RegisterOutput, hookimpl

OPTIONS: Final[Mapping[str, OptionSpec]] = {
    "template": OptionSpec(
        "机关自己的 Word 模板（.docx 路径）；默认用内置模板",
        str,
        None,
        description="Path of the agency's own Word template; default: the built-in one.",
    ),
    "line_pitch": OptionSpec(
        "行距（磅，固定值），默认按模板：28.95 磅即每页22行；常见另一值为 28",
        float,
        None,
        description="Exact line pitch in points; default from the template "
        "(28.95 pt = 22 lines a page).",
        minimum=1.0,
    ),
    "char_spacing": OptionSpec(
        "正文字符间距（磅），默认按模板：-0.25 磅即每行28字",
        float,
        None,
        description="Body character spacing in points; default from the template "
        "(-0.25 pt = 28 characters a line).",
        minimum=-16.0,
        maximum=16.0,
    ),
    "bold_level3": OptionSpec(
        "三级标题“1.”加粗（地方习惯），默认按模板：不加粗",
        bool,
        None,
        description="Bold level-3 headings (1.), a local custom; default from the template.",
    ),
    # Deprecated: the document-level setting works for every format.
    "signature": SIGNATURE_OPTION,
}


class DocxFormat:
    name = "docx"
    extension = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Word 公文（GB/T 9704 版式，可用机关模板）"
    capabilities = frozenset(
        {Capability.MERGED_CELLS, Capability.PAGINATED, Capability.BINARY, Capability.TEMPLATES}
    )
    options = OPTIONS

    def prepare(self, request: PrepareRequest) -> None:
        """Load and compile the template once: a broken one is said before any report.

        The compiled template stays in the process's cache, where the renders
        (and the workers a batch forks) find it.
        """
        _template(request)

    def render(self, document: Document, request: RenderRequest) -> bytes:
        warn_signature("docx", request.option("signature"))
        settings = DocxSettings.from_options(request.options)
        template = _template(request)
        signature = document.signature
        context = shell_context(
            title_lines=document.title_lines,
            title=document.title,
            organ=document.author,
            signer=signature.signer if signature else document.author,
            date=signature.date if signature else "",
            signature=settings.signature and signature is not None,
            settings=settings,
        )
        context = render_context(context, request.template_globals)
        core = core_properties(document.title, document.author, document.date)
        return template.render(body_xml(document), context, core)


def _template(request: PrepareRequest | RenderRequest) -> CompiledTemplate:
    return load_template(
        request.option("template"),
        DocxSettings.from_options(request.options),
        filter_items(request.template_filters),
        frozenset(request.template_globals),
    )


@hookimpl
def govreport_register_outputs(register: RegisterOutput) -> None:
    register(DocxFormat())
