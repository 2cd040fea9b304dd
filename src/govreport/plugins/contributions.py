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
