"""Bounds on the shape of parsed data: nesting depth, number of values, no cycles.

Every later step (the structurer, the placeholders' context, the converters)
walks the data, most of them recursively.  Checked once here, right after
parsing, none of them can meet a 10,000-deep list, a million items, a YAML
"billion laughs" (nine aliases of nine aliases … expanding to 10**9 values) or a
list that contains itself.

The walk is iterative and memoised by object identity: YAML aliases are shared
references, so each distinct list or mapping is measured once while the totals
count it as many times as it is referenced (as a walk over the data would).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final, cast

from govreport.limits import MAX_DATA_DEPTH, MAX_DATA_VALUES

CYCLE: Final = "数据中有循环引用（一个列表或映射包含了它自己，如 YAML 的 &a [*a]）(recursive data)"


def too_deep(limit: int = MAX_DATA_DEPTH) -> str:
    return f"列表或映射嵌套过深，最多 {limit} 层 (nesting deeper than {limit} levels)"


def too_many(limit: int = MAX_DATA_VALUES) -> str:
    return f"数据项过多，最多 {limit} 项（别名按展开计）(more than {limit} values)"


def _children(obj: object) -> list[object] | None:
    if isinstance(obj, Mapping):
        return [*obj.keys(), *obj.values()]
    if isinstance(obj, list | tuple):
        return list(obj)
    return None


#: Types that are never containers: checked before the (slow) ABC checks.
_LEAVES: Final = frozenset({str, int, float, bool, Decimal, type(None), dt.date, dt.datetime})


def _plain_tree(data: object, depth: int, values: int) -> bool:
    """Is ``data`` a tree (no container reached twice) within both bounds?

    The common case, answered in one pass without the bookkeeping of
    :func:`shape_problem`; anything else (an alias, a cycle, a bound exceeded)
    says no, and the full walk then finds the exact problem.  Leaves are
    counted where their container is opened, not pushed one by one: a report
    is mostly leaves.
    """
    seen: set[int] = set()
    count = 1
    stack: list[tuple[object, int]] = [(data, 1)]
    push = stack.append
    while stack:
        obj, level = stack.pop()
        kind = type(obj)
        if kind in _LEAVES:
            continue
        kids: Iterable[object]
        if kind is dict:
            mapping = cast("dict[object, object]", obj)
            kids = itertools.chain(mapping, mapping.values())
        elif kind is list:
            kids = cast("list[object]", obj)
        else:
            found = _children(obj)
            if found is None:
                continue
            kids = found
        if level > depth or id(obj) in seen:
            return False
        seen.add(id(obj))
        for kid in kids:
            count += 1
            if type(kid) not in _LEAVES:
                push((kid, level + 1))
        if count > values:
            return False
    return True


def shape_problem(
    data: object, *, depth: int = MAX_DATA_DEPTH, values: int = MAX_DATA_VALUES
) -> str | None:
    """Why ``data`` is too deep, too large or recursive, or None when it is within bounds."""
    if _plain_tree(data, depth, values):
        return None
    # id → (expanded number of values, depth) of a finished container.
    done: dict[int, tuple[int, int]] = {}
    active: set[int] = set()
    # (container, its children) frames of an explicit stack: no recursion here.
    stack: list[tuple[object, list[object]]] = []

    def enter(obj: object) -> str | None:
        kids = _children(obj)
        if kids is None:
            return None
        if id(obj) in done:  # an alias of a measured container, maybe placed deeper
            return too_deep(depth) if len(stack) + done[id(obj)][1] > depth else None
        if id(obj) in active:
            return CYCLE
        if len(stack) >= depth:
            return too_deep(depth)
        active.add(id(obj))
        stack.append((obj, kids))
        return None

    problem = enter(data)
    while stack and problem is None:
        obj, kids = stack[-1]
        if kids:
            problem = enter(kids.pop())
            continue
        stack.pop()
        active.discard(id(obj))
        count, deepest = 1, 0
        for kid in _children(obj) or ():
            size, level = done.get(id(kid), (1, 0))
            count += size
            deepest = max(deepest, level)
        if count > values:
            return too_many(values)
        done[id(obj)] = (count, deepest + 1)
    return problem
