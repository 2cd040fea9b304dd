"""Official labels as records looked up by key, never by position.

A :class:`Label` is a ``(key, text)`` pair: the English model key and the
official Chinese text.  It is a named tuple, so code written against the
earlier 2-tuples (``key, text = label``, ``label[1]``, ``dict(labels)``)
keeps working while new code says ``label.text``.

:class:`Labels` is an ordered, immutable sequence of labels (the official
order is meaning: columns and rows are printed in it) with lookup by key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol, TypeVar


class Keyed(Protocol):
    @property
    def key(self) -> str: ...


K = TypeVar("K", bound=Keyed)


def by_key(items: Iterable[K], key: str, where: str) -> K:
    """The item whose ``key`` is ``key``; ``KeyError`` naming ``where`` and the keys there are."""
    items = tuple(items)
    for item in items:
        if item.key == key:
            return item
    raise KeyError(f"{where} has no {key!r}; known: {', '.join(i.key for i in items)}")


class Label(NamedTuple):
    """One official label: the model key and its verbatim Chinese text."""

    key: str
    text: str


class Labels(tuple[Label, ...]):
    """Labels in official order, looked up by key: ``COLUMNS.of("other").text``."""

    __slots__ = ()

    def of(self, key: str) -> Label:
        """The label whose key is ``key``; ``KeyError`` naming the keys there are."""
        return by_key(self, key, "labels")

    # Not ``keys()``: ``dict(labels)`` must keep reading the pairs, and dict()
    # takes anything with a ``keys`` method for a mapping.
    def all_keys(self) -> tuple[str, ...]:
        return tuple(label.key for label in self)

    def all_texts(self) -> tuple[str, ...]:
        return tuple(label.text for label in self)


def label_set(*pairs: tuple[str, str]) -> Labels:
    """``label_set(("a", "甲"), ("b", "乙"))``: a :class:`Labels` from key/text pairs."""
    return Labels(Label(key, text) for key, text in pairs)
