"""One exception hierarchy: everything govreport raises on purpose is a :class:`GovreportError`.

A caller who wants "anything that went wrong with the user's input, template or
plugins" catches :class:`GovreportError`; a caller who wants one kind catches its
subclass.  Each message is Chinese for the people who read it (with the English
field path or name alongside); each class carries attributes for code.

Several classes also derive from the built-in exception a Python caller would
have caught before 1.0 (``ValueError``, ``KeyError``), so ``except ValueError``
keeps working.

The concrete classes live beside the code that raises them (data files in
``io``, templates in the Word output, plugins in the engine); this module is the
root they share, at the bottom of the import graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from govreport.findings import Finding


class GovreportError(Exception):
    """Base of every error govreport raises for its users.

    ``str(exc)`` is the message for people (Chinese, one line where possible).
    ``exit_status`` is what the ``govreport`` command exits with for it: 1 for
    data that is wrong, 2 for input that cannot be used at all (a file, a
    template, a format or option name), 3 for a plugin that failed.
    """

    exit_status: ClassVar[int] = 1


class ValidationRefusedError(GovreportError):
    """``Engine.render`` refused a report whose validation found errors.

    ``findings`` holds every finding (errors first); pass ``allow_errors=True``
    to render anyway, as ``govreport render --force`` does.
    """

    def __init__(self, findings: Sequence[Finding]) -> None:
        from govreport.findings import Severity

        self.findings = tuple(findings)
        self.errors = tuple(f for f in self.findings if f.severity is Severity.ERROR)
        first = self.errors[0] if self.errors else None
        where = f"{first.where}: " if first is not None and first.where else ""
        detail = f"{where}{first.message}" if first is not None else ""
        more = f"（另有 {len(self.errors) - 1} 个错误）" if len(self.errors) > 1 else ""
        super().__init__(
            f"数据有 {len(self.errors)} 个错误，未生成报告 (validation refused the report)："
            f"{detail}{more}"
        )


class UnknownFormatError(GovreportError, KeyError):
    """No output format of that name is installed."""

    exit_status = 2

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        self.message = (
            f"未知的输出格式 “{name}” (unknown output format)；"
            f"可用：{'、'.join(self.known) or '无'}"
        )
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class PluginError(GovreportError):
    """A plugin failed: while loading, registering, or at one of its hooks.

    ``plugin`` is the plugin's name, ``hook`` the hook (or the contribution's
    method, such as ``render``) and ``target`` what it was working on (a format,
    a section, a rule), when known.  The original exception is ``__cause__``.
    """

    exit_status = 3

    def __init__(self, plugin: str, hook: str, reason: str, *, target: str = "") -> None:
        self.plugin = plugin
        self.hook = hook
        self.target = target
        self.reason = reason
        on = f"（{target}）" if target else ""
        super().__init__(f"插件 {plugin} 在 {hook}{on} 出错 (plugin error)：{reason}")


__all__ = ["GovreportError", "PluginError", "UnknownFormatError", "ValidationRefusedError"]
