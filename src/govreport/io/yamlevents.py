"""A YAML data file built in one pass over libyaml's events.

The reference route (``formats._parse_yaml``) walks the text three times: an
event pass that checks the bounds before anything is built, libyaml's
composer building a node per value (resolving each plain scalar's type in
Python), and PyYAML's constructors turning the nodes into data.  A data file
uses a small part of YAML: mappings, lists, plain and quoted scalars, now and
then an anchor.  For that part this module builds the data straight from the
events, counting the bounds as it goes, at about a third of the cost.

It is a fast path, not a second YAML implementation.  It gives up (``None``)
at anything outside that part or anything wrong (a merge key ``<<``, an
explicit tag it does not construct, a key that is a list, a second document,
a duplicate key, a bound exceeded, a syntax error), and the reference route
then reads the text from the start and answers, so both routes give the same
data, or the same error, for every input: ``tests/io/test_yamlevents.py``
holds them to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import yaml

from govreport.limits import MAX_DATA_DEPTH, MAX_DATA_VALUES, MAX_YAML_ALIASES

#: Tag → how its scalar's text becomes a value; a tag missing here gives up.
Scalars = Mapping[str, Callable[[str], object]]
#: First character of a plain scalar → (tag, pattern) tried in order, as in
#: PyYAML's ``Resolver.yaml_implicit_resolvers``.
Resolvers = Mapping[Any, list[tuple[str, Any]]]

_STR: Final = "tag:yaml.org,2002:str"

_Parser: Any = getattr(getattr(yaml, "_yaml", None), "CParser", None)

#: Whether this fast path is available (PyYAML built with libyaml).
AVAILABLE: Final = _Parser is not None


class NotPlain(Exception):
    """Outside the part of YAML this path builds: the reference route answers.

    Also what a single scalar's typing raises for text YAML gives another
    meaning (a merge key ``<<``, ``=``): :func:`govreport.io.formats.plain_scalar`.
    """


#: Most plain scalars remembered with their value: keys and small counts
#: recur in every file of a batch.  Values are immutable (str, int, Decimal,
#: bool, None, dates), so sharing one between files is safe.  Only short ones
#: are kept: a paragraph never recurs, and 4,096 of them would hold megabytes.
_REMEMBERED: Final = 4096
_REMEMBERED_CHARS: Final = 64


class Dialect:
    """The typing of scalars both YAML routes share, and the plain scalars already typed."""

    def __init__(self, resolvers: Resolvers, scalars: Scalars) -> None:
        self.resolvers = resolvers
        self.scalars = scalars
        self.plain: dict[str, object] = {}

    def tag_of(self, value: str) -> str:
        """The tag of a plain scalar, exactly as PyYAML's resolver would choose it."""
        for tag, pattern in self.resolvers.get(value[0] if value else "", ()):
            if pattern.match(value):
                return str(tag)
        for tag, pattern in self.resolvers.get(None, ()):
            if pattern.match(value):
                return str(tag)
        return _STR

    def construct(self, tag: str, value: str) -> object:
        if tag == _STR:
            return value
        construct = self.scalars.get(tag)
        if construct is None:
            raise NotPlain
        return construct(value)

    def scalar(self, event: Any) -> object:
        tag = event.tag
        if tag is not None and tag != "!":
            return self.construct(tag, event.value)
        if not event.implicit[0]:
            return event.value  # quoted, or the non-specific tag "!"
        value: str = event.value
        if len(value) > _REMEMBERED_CHARS:
            return self.construct(self.tag_of(value), value)
        try:
            return self.plain[value]
        except KeyError:
            pass
        built = self.construct(self.tag_of(value), value)
        if len(self.plain) >= _REMEMBERED:
            self.plain.clear()
        self.plain[value] = built
        return built


_OPEN: Final = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE: Final = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class _Document:
    """One document's data built from its events: anchors and the bounds counted so far."""

    def __init__(self, dialect: Dialect) -> None:
        self.scalar = dialect.scalar
        self.anchors: dict[str, object] = {}
        self.aliases = 0

    def value(self, event: Any, kind: type, depth: int) -> object:
        """The value an event opens or is: a scalar, an alias's value, an empty container."""
        if kind is yaml.ScalarEvent:
            value = self.scalar(event)
        elif kind is yaml.AliasEvent:
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES or event.anchor not in self.anchors:
                raise NotPlain
            return self.anchors[event.anchor]
        elif kind in _OPEN:
            if depth >= MAX_DATA_DEPTH:
                raise NotPlain
            if event.tag is not None and event.tag != "!":
                raise NotPlain  # !!set, !!omap and the like
            value = [] if kind is yaml.SequenceStartEvent else {}
        else:
            raise NotPlain
        if event.anchor is not None:
            self.anchors[event.anchor] = value
        return value

    def key(self, event: Any, kind: type, seen: set[str]) -> object:
        if kind is not yaml.ScalarEvent:
            raise NotPlain  # a list, a mapping or an alias as a key
        raw = event.value
        if raw in seen or raw == "<<":
            raise NotPlain  # a duplicate key, a merge key
        seen.add(raw)
        return self.value(event, kind, 0)

    def build(self, next_event: Callable[[], Any]) -> object:
        """The root value, built without recursion."""
        event = next_event()
        kind = type(event)
        root = self.value(event, kind, 0)
        if kind not in _OPEN:
            return root
        # Open lists and mappings: (container, the key waiting for its value, keys as written).
        stack: list[tuple[Any, list[Any], set[str]]] = [(root, [], set())]
        # Every event inside the document counts, as in formats._yaml_shape.
        events = 1
        while stack:
            event = next_event()
            kind = type(event)
            events += 1
            if events > MAX_DATA_VALUES:
                raise NotPlain
            if kind in _CLOSE:
                stack.pop()
                continue
            container, pending, seen = stack[-1]
            if type(container) is list:
                value = self.value(event, kind, len(stack))
                container.append(value)
            elif not pending:
                pending.append(self.key(event, kind, seen))
                continue
            else:
                value = self.value(event, kind, len(stack))
                try:
                    container[pending.pop()] = value
                except TypeError:
                    raise NotPlain from None  # an unhashable key
            if kind in _OPEN:
                stack.append((value, [], set()))
        return root


def _build(text: str, dialect: Dialect) -> object:
    """The stream's one document; raises NotPlain outside the part this path builds."""
    next_event = _Parser(text).get_event
    if type(next_event()) is not yaml.StreamStartEvent:
        raise NotPlain
    first = next_event()
    if type(first) is yaml.StreamEndEvent:
        return None  # an empty file, as yaml.load says
    if type(first) is not yaml.DocumentStartEvent:
        raise NotPlain
    data = _Document(dialect).build(next_event)
    if type(next_event()) is not yaml.DocumentEndEvent:
        raise NotPlain
    if type(next_event()) is not yaml.StreamEndEvent:
        raise NotPlain  # a second document: the reference route says which line
    return data


def build(text: str, dialect: Dialect) -> tuple[bool, object]:
    """``(True, data)``, or ``(False, None)`` when the reference route must answer."""
    if not AVAILABLE:
        return False, None
    try:
        return True, _build(text, dialect)
    except (NotPlain, yaml.YAMLError, ValueError, TypeError):
        # ValueError/TypeError: a scalar constructor refusing its text, or
        # libyaml's reader refusing a character; the reference route words it.
        return False, None
