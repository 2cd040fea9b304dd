"""A typed registry that refuses silent last-one-wins."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from govreport.errors import GovreportError

T = TypeVar("T")


class DuplicateNameError(GovreportError, ValueError):
    """Two plugins registered the same name and the second did not say override=True."""


class Registry(Generic[T]):
    """Name → item, remembering which plugin registered each."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        self._owners: dict[str, str] = {}

    def register(self, name: str, item: T, *, plugin: str, override: bool = False) -> None:
        if name in self._items and not override:
            raise DuplicateNameError(
                f"{self.kind} {name!r} from plugin {plugin!r} is already registered by "
                f"plugin {self._owners[name]!r}; pass override=True to replace it"
            )
        self._items[name] = item
        self._owners[name] = plugin

    def __getitem__(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self._items) or "none"
            raise KeyError(f"no {self.kind} named {name!r} (known: {known})") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())

    def values(self) -> list[T]:
        return list(self._items.values())

    def owner(self, name: str) -> str:
        return self._owners[name]
