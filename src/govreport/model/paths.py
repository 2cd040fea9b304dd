"""Dotted paths into the model, as used by the table geometry and placeholders."""

from __future__ import annotations

from decimal import Decimal


def resolve(root: object, path: str) -> int | Decimal:
    """Read a number by dotted path: ``resolve(report, "applications.received.total")``.

    Computed totals are properties, so they resolve like stored fields.
    """
    value: object = root
    for part in path.split("."):
        value = getattr(value, part)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"{path} is not a number: {value!r}")
    return value


class Numbers:
    """``numbers(path)`` is :func:`resolve` of one report, memoised by path prefix.

    A table cell, a rule and a placeholder read the same rows and computed
    totals again and again; every object on the way (a row, a group, a
    computed total) is fetched once.  Safe because a report is frozen: the
    same path always reads the same number.
    """

    __slots__ = ("_objects", "root")

    def __init__(self, root: object) -> None:
        self.root = root
        self._objects: dict[str, object] = {"": root}

    def object_at(self, path: str) -> object:
        """The row, group or number at ``path`` ("" for the root itself)."""
        try:
            return self._objects[path]
        except KeyError:
            head, _, name = path.rpartition(".")
            value = self._objects[path] = getattr(self.object_at(head), name)
            return value

    def __call__(self, path: str) -> int | Decimal:
        value = self.object_at(path)
        # As resolve() does: a path that names a row or a group is a caller's mistake.
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise TypeError(f"{path} is not a number: {value!r}")
        return value
