"""ModelError: a model constructor refused a value, naming the field by its official label.

A civil servant (or the script a colleague wrote for them) who builds a report
in code should read the same kind of message as one who typed a data file:
which field by its official Chinese label, what was found, what is allowed,
with the English field name alongside.

Each model class declares where it sits in a report with :func:`placed`, so
its fields can be named by the label chain of the official format.  A class
used at several places (a table-三 row, a table-四 group) only knows its
columns: ``ApplicantCounts`` names ``自然人``, not the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs

from govreport.errors import GovreportError
from govreport.spec.wording import describe

_C = TypeVar("_C", bound=type)


@attrs.frozen
class Place:
    """Where a model class sits: its model path, or one example path when ``shared``."""

    path: str
    #: Used at several paths: only the last label (the column) is certain.
    shared: bool = False


_PLACES: dict[type, Place] = {}


def placed(path: str, *, shared: bool = False) -> Callable[[_C], _C]:
    """Class decorator: record the class's model path (``""`` for the report itself).

    Put it *above* ``@attrs.frozen``: attrs replaces the class it decorates.
    """

    def register(cls: _C) -> _C:
        _PLACES[cls] = Place(path, shared)
        return cls

    return register


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def field_path(owner: type, field: str) -> str:
    """The model path of ``owner.field`` in a report; ``""`` when the class is shared."""
    place = _PLACES.get(owner)
    if place is None or place.shared:
        return ""
    return _join(place.path, field)


def field_label(owner: type, field: str) -> str:
    """The official label of ``owner.field``, or the field name when the class has none.

    ``field_label(Contact, "phone")`` → ``机关信息/联系方式/电话``;
    ``field_label(ApplicantCounts, "natural_person")`` → ``自然人``.
    """
    place = _PLACES.get(owner)
    if place is None:
        return field
    # Imported here: the spec never imports the model, and this runs only
    # when a constructor refuses a value.
    from govreport import spec

    chain = spec.field_labels().get(_join(place.path, field))
    if not chain:
        return field
    return chain[-1] if place.shared else "/".join(chain)


class ModelError(GovreportError, ValueError, TypeError):
    """A model constructor refused a value.

    Both a ``ValueError`` and a ``TypeError``: before 1.0 the validators raised
    ``TypeError`` for a wrong type, and a wrong value is a ``ValueError``, so
    either ``except`` keeps working.  ``owner`` is the class, ``field`` the
    attribute name, ``label`` its official label (or the name), ``path`` its
    model path when the class knows it, ``found`` the refused value and
    ``allowed`` what the field accepts.  For an item of a list field,
    ``index`` is its position (from 0) and ``found`` the item.
    """

    def __init__(
        self, owner: type, field: str, found: object, allowed: str, *, index: int | None = None
    ) -> None:
        self.owner = owner
        self.field = field
        self.found = found
        self.allowed = allowed
        self.index = index
        self.label = field_label(owner, field)
        self.path = field_path(owner, field)
        english = self.path or f"{owner.__name__}.{field}"
        if index is not None:
            self.label += f"/第{index + 1}项"
            english += f"[{index}]"
            self.path = f"{self.path}[{index}]" if self.path else ""
        # The layout of data-file problems: ``label (path): what is allowed，what was found``.
        super().__init__(f"{self.label} ({english}): {allowed}，实际为{describe_python(found)}")


__all__ = ["ModelError", "field_label", "field_path", "placed"]


def describe_python(value: object) -> str:
    """What a constructor was given, spelled as the Python caller wrote it."""
    return describe(value, python=True)
