"""What plugins contribute besides formats, sections and rules.

Each is a small frozen record that a plugin passes to a ``register`` callback.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs


@attrs.frozen
class Extension:
    """A plugin-owned, typed data block: ``extensions: {name: {...}}`` in a data file.

    ``data_class`` is an attrs class; the loader structures the block into it
    with the same checks and messages as the core fields.
    """

    name: str
    data_class: type
    title: str = ""  # Chinese, for messages and listings

    def __attrs_post_init__(self) -> None:
        if not attrs.has(self.data_class):
            raise TypeError(f"extension {self.name!r}: data_class must be an attrs class")

    @property
    def path(self) -> str:
        """Where the block lives in the model and in a data file: ``extensions.NAME``."""
        return f"extensions.{self.name}"

    def location(self, path: str, plugin: str = "") -> str:
        """Where ``path`` (``extensions.NAME.field…``) is, in the plugin's own labels.

        Field labels come from ``attrs.field(metadata={"label": "…"})`` on the
        data class (nested attrs classes too); a field without one keeps its
        English name.  ``plugin`` names the plugin that registered the block.
        """
        head = f"扩展“{self.title or self.name}”"
        if plugin:
            head += f"（插件 {plugin}）"
        rest = path.removeprefix(self.path).lstrip(".")
        parts = [head]
        cls: type | None = self.data_class
        for name in rest.split(".") if rest else ():
            field = _field(cls, name)
            parts.append(str(field.metadata.get("label", name)) if field else name)
            cls = field.type if field is not None and isinstance(field.type, type) else None
            if cls is not None and not attrs.has(cls):
                cls = None
        return "/".join(parts)


def _field(cls: type | None, name: str) -> attrs.Attribute[Any] | None:
    if cls is None:
        return None
    attrs.resolve_types(cls)
    return next((f for f in attrs.fields(cls) if f.name == name), None)


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


class HelperKind(enum.Enum):
    FILTER = "filter"
    GLOBAL = "global"


@attrs.frozen
class TemplateHelper:
    """A Jinja filter or global for output templates (HTML page, DOCX shell)."""

    name: str
    value: Any
    kind: HelperKind = HelperKind.FILTER
