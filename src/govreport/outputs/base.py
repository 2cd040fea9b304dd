"""What an output plugin is: a named format that turns a Document into bytes.

Like Sphinx builders, formats declare their capabilities and the options they
accept, so the CLI and callers can ask before they render.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
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


#: JSON-friendly names of the option kinds the CLI converts; any other kind
#: shows under its class name.
KIND_NAMES: dict[type, str] = {str: "str", int: "int", float: "float", bool: "bool"}


def _json_value(value: Any) -> Any:
    """A default or choice as JSON can hold it: plain scalars stay, others become text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


@attrs.frozen
class OptionSpec:
    """One option a format accepts; ``kind`` converts the CLI's string value.

    The first three fields are positional (``OptionSpec("help", int, 72)``),
    as plugins have always written them; the rest are keyword-only so that
    adding one never shifts a plugin's arguments.

    - ``help``: Chinese, for the civil servant (``govreport plugins``, error messages);
    - ``description``: English, for plugin authors and the generated docs;
    - ``choices``: the allowed values (after conversion); empty means any value of ``kind``;
    - ``minimum`` / ``maximum``: inclusive bounds for ``int`` and ``float`` options.

    ``default=None`` means "not set": the format decides (e.g. from its template).
    """

    help: str
    kind: type = str
    default: Any = None
    description: str = attrs.field(default="", kw_only=True)
    choices: tuple[Any, ...] = attrs.field(default=(), kw_only=True, converter=tuple)
    minimum: float | None = attrs.field(default=None, kw_only=True)
    maximum: float | None = attrs.field(default=None, kw_only=True)

    @property
    def type_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind.__name__)

    def to_dict(self) -> dict[str, Any]:
        """The declaration as JSON-ready data (for ``govreport plugins --format json``)."""
        return {
            "type": self.type_name,
            "default": _json_value(self.default),
            "help": self.help,
            "description": self.description,
            "choices": [_json_value(c) for c in self.choices],
            "minimum": self.minimum,
            "maximum": self.maximum,
        }

    def allowed(self) -> str:
        """What a value must be, in Chinese with the English alongside (for messages)."""
        if self.choices:
            values = "、".join(str(c) for c in self.choices)
            return f"以下之一 (one of)：{values}"
        if self.kind is bool:
            return "true 或 false"
        kind = {int: "整数 (integer)", float: "有限的数 (finite number)"}.get(
            self.kind, f"{self.type_name} 类型的值"
        )
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum:g} 至 {self.maximum:g} 之间的{kind}"
        if self.minimum is not None:
            return f"不小于 {self.minimum:g} 的{kind}"
        if self.maximum is not None:
            return f"不大于 {self.maximum:g} 的{kind}"
        return kind


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


@attrs.frozen
class PrepareRequest:
    """What a format's optional ``prepare`` gets: a run's options, before any report.

    The options are checked (defaults filled in, strings converted), as
    :class:`RenderRequest` carries them; the template filters and globals are
    the plugins', so that a template using them is judged as it will render.
    """

    options: Mapping[str, Any] = attrs.field(factory=dict)
    template_filters: Mapping[str, Any] = attrs.field(factory=dict)
    template_globals: Mapping[str, Any] = attrs.field(factory=dict)

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


@runtime_checkable
class OutputFormat(Protocol):
    """The interface an output plugin implements (a plain class with these attributes).

    A format may also have ``prepare(request: PrepareRequest) -> None``: called
    once before many renders with the same options (``render_many``, ``govreport
    batch``), it raises a :class:`~govreport.errors.GovreportError` for an
    option value that cannot work (a broken template), so that the mistake is
    said once instead of once per report, and it may load what every render
    will need.  It is optional, and not part of this protocol's checked
    attributes, so formats written without it stay formats; see
    :func:`prepare_format`.
    """

    name: str
    extension: str  # with the dot: ".txt"
    media_type: str
    description: str
    capabilities: frozenset[Capability]
    options: Mapping[str, OptionSpec]

    def render(self, document: Document, request: RenderRequest) -> bytes:
        """The complete file, deterministically: same input, same bytes."""
        ...


def prepare_format(fmt: OutputFormat, request: PrepareRequest) -> None:
    """Call ``fmt.prepare(request)`` when the format has one; nothing otherwise."""
    prepare = getattr(fmt, "prepare", None)
    if callable(prepare):
        prepare(request)


class OptionError(GovreportError, ValueError):
    """An option the format does not declare, or a value of the wrong kind."""

    exit_status = 2


class OutputClashError(GovreportError, ValueError):
    """Two formats asked for at once write files of the same name (pdf and docx-pdf)."""

    exit_status = 2


def check_distinct_files(formats: Iterable[OutputFormat]) -> None:
    """Refuse formats that would write one file name twice in one run, the later over the earlier.

    ``pdf`` (Typst) and ``docx-pdf`` (LibreOffice) both write ``<name>.pdf``.
    """
    seen: dict[str, str] = {}
    for fmt in formats:
        first = seen.setdefault(fmt.extension, fmt.name)
        if first != fmt.name:
            raise OutputClashError(
                f"格式 {first} 和 {fmt.name} 都生成 {fmt.extension} 文件，后者会覆盖前者；"
                f"请分两次生成，并用不同的输出目录 (-o) "
                f"(formats {first} and {fmt.name} both write {fmt.extension} files: "
                "render them in separate runs)"
            )


def options_for(fmt: OutputFormat, given: Mapping[str, Any], *, several: bool) -> dict[str, Any]:
    """The options of ``given`` that ``fmt`` declares, when ``several`` formats are rendered.

    ``--option width=80 -f txt -f docx`` means txt's width, not an error of
    docx's; with one format alone every option is passed, so that a misspelt
    one is refused by :func:`check_options`.
    """
    if not several:
        return dict(given)
    return {name: value for name, value in given.items() if name in fmt.options}


def check_options(fmt: OutputFormat, given: Mapping[str, Any]) -> dict[str, Any]:
    """Options with defaults filled in and CLI strings converted; unknown names refused.

    A value is refused with an :class:`OptionError` naming the format, the
    option, the value and what is allowed: a string ``kind`` cannot convert,
    a value of the wrong type, NaN or infinity for a number, a number out of
    bounds, a value not among ``choices``.  An unset default (``None``) is
    left to the format.
    """
    unknown = sorted(set(given) - set(fmt.options))
    if unknown:
        allowed = "、".join(sorted(fmt.options)) or "无"
        raise OptionError(f"格式 {fmt.name} 不支持选项 {'、'.join(unknown)}（可用选项：{allowed}）")
    out: dict[str, Any] = {}
    for name, spec in fmt.options.items():
        if name in given:
            out[name] = _checked(fmt, name, spec, given[name])
        else:
            out[name] = spec.default
    return out


def _refuse(fmt: OutputFormat, name: str, spec: OptionSpec, value: Any) -> OptionError:
    return OptionError(
        f"格式 {fmt.name} 的选项 {name}（{spec.help}）不接受值 {value!r}：应为 {spec.allowed()}"
        f"（option {name} of format {fmt.name}: invalid value {value!r}）"
    )


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _converted(spec: OptionSpec, value: Any) -> Any:
    """``value`` as ``spec.kind``; raises ValueError when it is not one."""
    if value is None:
        return None
    kind = spec.kind
    if kind is bool:
        if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, bool):
            return value
        raise ValueError(value)
    if kind in (int, float):
        # bool is an int to Python, never to a civil servant typing width=true.
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, str):
            value = kind(value.strip())
        elif kind is float and isinstance(value, int):
            value = float(value)
        elif not isinstance(value, kind):
            raise ValueError(value)
        if kind is float and not math.isfinite(value):
            raise ValueError(value)
        return value
    if isinstance(value, str) and kind is not str:
        return kind(value)
    # Other kinds (str given a Path, a plugin's own class) pass through as before.
    return value


def _checked(fmt: OutputFormat, name: str, spec: OptionSpec, value: Any) -> Any:
    try:
        out = _converted(spec, value)
    except (TypeError, ValueError, ArithmeticError):
        raise _refuse(fmt, name, spec, value) from None
    if out is None:
        return None
    if spec.choices and out not in spec.choices:
        raise _refuse(fmt, name, spec, value)
    number = isinstance(out, (int, float)) and not isinstance(out, bool)
    if number and (
        (spec.minimum is not None and out < spec.minimum)
        or (spec.maximum is not None and out > spec.maximum)
    ):
        raise _refuse(fmt, name, spec, value)
    return out
