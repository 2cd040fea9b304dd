"""What an output plugin is: a named format that turns a Document into bytes.

Like Sphinx builders, formats declare their capabilities and the options they
accept, so the CLI and callers can ask before they render.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

import attrs

from govreport.document.blocks import Document
from govreport.errors import GovreportError
from govreport.model import AnnualReport


class Capability(enum.Enum):
    MERGED_CELLS = "merged-cells"  # draws rowspan/colspan of the official tables
    PAGINATED = "paginated"  # has pages (page numbers, repeated table headers)
    BINARY = "binary"  # bytes are not text
    FRAGMENT = "fragment"  # can emit a part to embed in another page
    CHARTS = "charts"  # can draw charts of the numbers
    TEMPLATES = "templates"  # takes an agency template


@attrs.frozen
class OptionSpec:
    """One option a format accepts; ``kind`` converts the CLI's string value."""

    help: str
    kind: type = str
    default: Any = None


@attrs.frozen
class RenderRequest:
    """Everything a format may need besides the document."""

    report: AnnualReport
    previous: AnnualReport | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict)
    #: Jinja filters and globals contributed by plugins, for formats that
    #: render templates (see the ``govreport_register_template_helpers`` hook).
    template_filters: Mapping[str, Any] = attrs.field(factory=dict)
    template_globals: Mapping[str, Any] = attrs.field(factory=dict)

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


@runtime_checkable
class OutputFormat(Protocol):
    """The interface an output plugin implements (a plain class with these attributes)."""

    name: str
    extension: str  # with the dot: ".txt"
    media_type: str
    description: str
    capabilities: frozenset[Capability]
    options: Mapping[str, OptionSpec]

    def render(self, document: Document, request: RenderRequest) -> bytes:
        """The complete file, deterministically: same input, same bytes."""
        ...


class OptionError(GovreportError, ValueError):
    """An option the format does not declare, or a value of the wrong kind."""


def check_options(fmt: OutputFormat, given: Mapping[str, Any]) -> dict[str, Any]:
    """Options with defaults filled in and CLI strings converted; unknown names refused."""
    unknown = sorted(set(given) - set(fmt.options))
    if unknown:
        allowed = "、".join(sorted(fmt.options)) or "无"
        raise OptionError(f"格式 {fmt.name} 不支持选项 {'、'.join(unknown)}（可用选项：{allowed}）")
    out: dict[str, Any] = {}
    for name, spec in fmt.options.items():
        value = given.get(name, spec.default)
        if isinstance(value, str) and spec.kind is bool:
            if value.lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                raise OptionError(f"选项 {name} 应为 true 或 false，实际为 {value!r}")
            value = value.lower() in ("1", "true", "yes", "on")
        elif isinstance(value, str) and spec.kind is not str:
            try:
                value = spec.kind(value)
            except (TypeError, ValueError):
                raise OptionError(
                    f"选项 {name} 的值 {value!r} 无法转换为 {spec.kind.__name__}"
                ) from None
        out[name] = value
    return out
