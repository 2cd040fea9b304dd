"""Sub-commands imported when they are used, not when ``govreport`` starts.

``govreport validate`` should not pay for what ``audit`` (rich, the audit
package) or ``aggregate`` import: each sub-command's module is imported the
first time click asks for it.  Click reads a group's commands through its
``commands`` mapping only (``get_command``, ``list_commands``), so a mapping
that imports on first access is all it takes.

``govreport --help`` lists every command with its one-line summary; asking
each command for it would import them all (openpyxl, lxml, rich…), so the
table carries the summaries and :class:`LazyGroup` lists them from there.
``tests/cli/test_lazy.py`` holds each summary to its command's own help.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping

import click


class LazyCommands(MutableMapping[str, click.Command]):
    """Command name → ``("module:attribute", summary)``, imported on first access."""

    def __init__(self, targets: Mapping[str, tuple[str, str]]) -> None:
        self._targets = {name: target for name, (target, _) in targets.items()}
        self._summaries = {name: summary for name, (_, summary) in targets.items()}
        self._loaded: dict[str, click.Command] = {}

    def short_help(self, name: str, limit: int) -> str:
        """What ``--help`` lists beside ``name``, without importing it if not yet imported."""
        if name in self._loaded or not self._summaries.get(name):
            return self[name].get_short_help_str(limit)
        # Shortened as click shortens the command's own help.
        return click.Command(name, help=self._summaries[name]).get_short_help_str(limit)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, _, attribute = self._targets[name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self._targets[name]} is not a click command")
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._targets[name] = ""
        self._summaries.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._targets[name]
        self._summaries.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)


class LazyGroup(click.Group):
    """A group whose ``--help`` lists its commands from :class:`LazyCommands`' summaries."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        table = self.commands
        if not isinstance(table, LazyCommands):
            super().format_commands(ctx, formatter)
            return
        names = self.list_commands(ctx)
        if not names:
            return
        # As click does: the room left beside the longest name.
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("Commands"):
            formatter.write_dl([(name, table.short_help(name, limit)) for name in names])
