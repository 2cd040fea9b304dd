"""What plugins contribute besides formats, sections and rules.

Each is a small frozen record that a plugin passes to a ``register`` callback.
"""

from __future__ import annotations

import enum
import os
import typing
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from govreport.errors import GovreportError
from govreport.findings import Finding
from govreport.io import structure
from govreport.io.loader import place_findings

if typing.TYPE_CHECKING:
    from govreport.model import AnnualReport


class ExtensionTypeError(GovreportError, TypeError):
    """An extension's data class has a field the loader cannot read.

    Raised when the :class:`Extension` is made, so a plugin with such a class
    fails to load with this one line instead of crashing ``govreport validate``.
    """

    exit_status = 3  # a plugin's defect, like PluginError

    def __init__(self, extension: str, path: str, found: str, *, reason: str = "") -> None:
        self.extension = extension
        self.path = path  # ``tasks[].due``: a list item's field; ``.*``: a mapping value
        self.found = found
        what = reason or f"field {path!r} has unsupported type {found}"
        super().__init__(f"extension {extension!r}: {what}; supported: {structure.SUPPORTED}")


class ExtensionExampleError(GovreportError, ValueError):
    """An extension's ``example`` block does not load clean into its data class."""

    exit_status = 3


@attrs.frozen
class Extension:
    """A plugin-owned, typed data block: ``extensions: {name: {...}}`` in a data file.

    ``data_class`` is an attrs class; the loader structures the block into it
    with the same checks and messages as the core fields.  Its fields may be
    scalars, Enums, nested attrs classes, optionals, lists and mappings (see
    ``docs/extension-data.md``); any other type raises
    :class:`ExtensionTypeError` here.  ``example`` (raw data, as a data file
    would hold it) is what ``govreport new`` writes for the block instead of
    the defaults.  ``in_skeleton=False`` leaves the block out of ``govreport
    new`` altogether: a block that a program writes and no person fills in
    (the 2019 trial format's, which only ``govreport import`` writes).
    """

    name: str
    data_class: type
    title: str = ""  # Chinese, for messages and listings
    # A dict is not hashable: leave it out of the hash (it still counts for ==).
    example: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
    in_skeleton: bool = True

    def __attrs_post_init__(self) -> None:
        if not attrs.has(self.data_class):
            found = _type_name(self.data_class)
            raise ExtensionTypeError(
                self.name, "", found, reason=f"data_class must be an attrs class, not {found}"
            )
        try:
            problem = structure.unsupported(self.data_class)
        except NameError as exc:  # a string annotation naming nothing at module level
            raise ExtensionTypeError(
                self.name,
                "",
                "",
                reason=f"a field's type annotation does not resolve ({exc}); "
                "define the classes it names at module level",
            ) from None
        if problem is not None:
            path, hint = problem
            raise ExtensionTypeError(self.name, path, _type_name(hint))
        if self.example is not None:
            col = structure.Collector()
            structure.structure(self.data_class, self.example, self.path, col)
            if col.problems:
                first = col.problems[0]
                raise ExtensionExampleError(
                    f"extension {self.name!r}: example is not valid data: "
                    f"{first.path}: {first.message}"
                )

    @property
    def path(self) -> str:
        """Where the block lives in the model and in a data file: ``extensions.NAME``."""
        return f"extensions.{self.name}"

    def location(self, path: str, plugin: str = "") -> str:
        """Where ``path`` (``extensions.NAME.field…``) is, in the plugin's own labels.

        Field labels come from ``attrs.field(metadata={"label": "…"})`` on the
        data class (nested attrs classes, list items and mapping values too); a
        field without one keeps its English name.  A list item ``tasks[1]`` is
        ``第2项``; a mapping key is shown as written.  ``plugin`` names the
        plugin that registered the block.
        """
        head = f"扩展“{self.title or self.name}”"
        if plugin:
            head += f"（插件 {plugin}）"
        rest = path.removeprefix(self.path).lstrip(".")
        parts = [head]
        hint: object = self.data_class
        for segment in rest.split(".") if rest else ():
            name, *indices = segment.split("[")
            label, hint = _step(hint, name)
            parts.append(label)
            for index in indices:
                number = index.rstrip("]")
                parts.append(f"第{int(number) + 1}项" if number.isdigit() else index)
                hint = structure.item_type(structure.split_optional(hint)[0])
        return "/".join(parts)


def _step(hint: object, name: str) -> tuple[str, object]:
    """One path segment below ``hint``: (its label, its type)."""
    hint = structure.split_optional(hint)[0]
    if isinstance(hint, type) and attrs.has(hint):
        field = _field(hint, name)
        if field is not None:
            return str(field.metadata.get("label", name)), structure.field_types(hint)[name]
    mapped = structure.mapping_value_type(hint)
    if mapped is not None:
        return name, mapped  # a key the user chose: shown as written
    return name, None


def _field(cls: type, name: str) -> attrs.Attribute[Any] | None:
    return next((f for f in attrs.fields(cls) if f.name == name), None)


def _type_name(hint: object) -> str:
    if isinstance(hint, type) and not typing.get_args(hint):
        return hint.__qualname__
    return repr(hint).replace("typing.", "").replace("collections.abc.", "")


@attrs.frozen
class InputLoader:
    """Reads another kind of data file (a spreadsheet, an XML export) into plain data.

    ``read`` returns the same nested mapping a YAML data file holds; the core
    then structures and checks it.  Raise :class:`ValueError` with a Chinese
    message for a file it cannot read; the CLI reports it with exit status 2.
    """

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot: (".xlsx",)
    read: Callable[[Path], Mapping[str, Any]]


class PlacedData(dict[str, Any]):
    """What a loader may return for a file with fixed places: the data, and where each value is.

    ``places`` maps a model path to its place in the file, as its user finds
    it (``三、收到和处理政府信息公开申请情况!D8`` in a workbook).  Every problem
    the data-file layer finds at such a path then names the place after the
    official labels, so the user goes straight to the cell.
    """

    def __init__(self, data: Mapping[str, Any], places: Mapping[str, str]) -> None:
        super().__init__(data)
        self.places: dict[str, str] = dict(places)

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` with the place of their path (or its nearest parent's) in the location."""
        return place_findings(findings, self.places)


@attrs.frozen
class DataWriter:
    """Writes a report as another kind of data file (a spreadsheet, an XML export).

    ``write`` returns the file's bytes, the same bytes for the same report;
    ``govreport convert report.yaml out.SUFFIX`` and
    :meth:`govreport.Engine.save_report` choose a writer by the target's
    suffix (YAML, JSON and TOML are built in).  Raise :class:`ValueError`
    with a Chinese message for a report the format cannot hold.
    """

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot: (".xlsx",)
    write: Callable[[AnnualReport], bytes]


class DataWriterError(GovreportError, ValueError):
    """A report a plugin's data writer cannot write (the writer raised ValueError)."""

    exit_status = 2

    def __init__(self, writer: str, target: str | os.PathLike[str], reason: str) -> None:
        self.writer = writer
        self.target = str(target)
        self.reason = reason
        super().__init__(f"{self.target}：无法写成 {writer} (cannot write)：{reason}")


class HelperKind(enum.Enum):
    FILTER = "filter"
    GLOBAL = "global"


@attrs.frozen
class TemplateHelper:
    """A Jinja filter or global for output templates (HTML page, DOCX shell)."""

    name: str
    value: Any
    kind: HelperKind = HelperKind.FILTER
