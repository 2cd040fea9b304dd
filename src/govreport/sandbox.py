"""Resource bounds for every Jinja evaluation govreport runs on text it was given.

Jinja's sandbox stops attribute tricks, not resource exhaustion:
``'a'|center(10**9)`` allocates a gigabyte, nested loops run for hours and
``7**(10**9)`` never ends.  :class:`Bounded` adds the bounds of
:mod:`govreport.limits` to a sandboxed environment.  Both the data-file
placeholders and agency templates use it, so the two cannot drift.

How each kind of cost is bounded, always *before* it is paid where it can be:

* time: a deadline checked at every call, filter, operator, loop step and output;
* size: every operator, filter and string method whose result can be larger
  than its inputs estimates the result first (``*``, ``**``, ``%``, ``+``, ``~``,
  ``center``, ``indent``, ``replace``, ``join``, ``format``…) and every result
  is checked after; what is generated in all is counted;
* loops: every ``{% for %}`` iterates through a counter (the template's syntax
  tree is rewritten at parse time), so empty nested loops stop too;
* recursion: macro calls are counted by depth.

Methods of built-in values are allowed only from a list of harmless ones.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import re
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from types import CodeType
from typing import Any, Final

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.utils import pass_environment, pass_eval_context
from jinja2.visitor import NodeTransformer

from govreport import limits

#: Globals a data file or template has no use for: ``lipsum`` generates text,
#: the others print a Python repr or allow mutation.
_REMOVED_GLOBALS: Final = ("lipsum", "cycler", "joiner", "namespace")


class LimitExceeded(SecurityError):
    """An evaluation went over one of the bounds; the message names it (Chinese)."""


class Budget:
    """What one evaluation may still spend."""

    __slots__ = ("deadline", "depth", "generated", "iterations", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.generated = 0
        self.iterations = 0
        self.depth = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"求值时间超过{self.seconds:g}秒的上限")

    def generate(self, size: int) -> None:
        self.generated += size
        if self.generated > limits.MAX_JINJA_OUTPUT:
            raise LimitExceeded(f"生成的文字超过{limits.MAX_JINJA_OUTPUT}个字符的上限")
        self.tick()

    def iterate(self) -> None:
        self.iterations += 1
        if self.iterations > limits.MAX_JINJA_ITERATIONS:
            raise LimitExceeded(f"循环次数超过{limits.MAX_JINJA_ITERATIONS}次的上限")
        self.tick()


_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "govreport_jinja_budget", default=None
)


def current() -> Budget:
    """The active budget; outside :func:`bounded`, a fresh one (sizes are still checked)."""
    return _CURRENT.get() or Budget(math.inf)


@contextlib.contextmanager
def bounded(seconds: float) -> Iterator[Budget]:
    """Evaluate inside with a fresh budget of ``seconds``."""
    budget = Budget(seconds)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


# -- sizes ---------------------------------------------------------------------------


def _too_long(what: str = "结果") -> LimitExceeded:
    return LimitExceeded(f"{what}超过{limits.MAX_JINJA_VALUE}个字符（或元素）的上限")


def weight(value: object, cap: int = limits.MAX_JINJA_OUTPUT) -> int:
    """About how many characters ``value`` prints as; counting stops past ``cap``.

    Nested lists that share items (``[a, a]`` of ``[b, b]`` of …) print
    exponentially long: walking them with a cap finds that without printing.
    """
    total = 0
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str | bytes):
            total += len(v)
        elif isinstance(v, list | tuple | set | frozenset):
            total += 2 + 2 * len(v)
            stack.extend(v)
        elif isinstance(v, dict):
            total += 2 + 4 * len(v)
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, bool):
            total += 5
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 1
        else:
            total += 8
        if total > cap:
            break
    return total


def _check_result(value: Any) -> Any:
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        if len(value) > limits.MAX_JINJA_VALUE:
            raise _too_long()
        # Every value made counts towards what one evaluation may make in all,
        # however it is used (a lazy map() of center() calls, joined at the end).
        current().generate(len(value))
    elif isinstance(value, int) and value.bit_length() > limits.MAX_JINJA_INT_BITS:
        raise _too_big_number()
    return value


def _too_big_number() -> LimitExceeded:
    digits = int(limits.MAX_JINJA_INT_BITS * math.log10(2))
    return LimitExceeded(
        f"数字过大：超过{limits.MAX_JINJA_INT_BITS}位二进制（约{digits}位十进制）的上限"
    )


def _limit(size: float, what: str = "结果") -> None:
    if size > limits.MAX_JINJA_VALUE:
        raise _too_long(what)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


_WIDTH = re.compile(r"\d+")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")


def _check_format(fmt: str, args: Sequence[Any]) -> None:
    """``fmt % args`` or ``fmt.format(*args)``: widths and repeated fields bounded."""
    for run in _WIDTH.findall(fmt):
        if len(run) > 6 or int(run) > limits.MAX_JINJA_VALUE:
            raise _too_long("格式宽度")
    # A width taken from the arguments: ``'%*d' % (w, 1)``, ``'{0:{1}}'.format('a', w)``.
    from_args = "*" in fmt or _NESTED_FIELD.search(fmt) is not None
    if from_args and any(_count(a) > limits.MAX_JINJA_VALUE for a in args):
        raise _too_long("格式宽度")
    biggest = max((weight(a) for a in args), default=0)
    _limit(len(fmt) + (fmt.count("%") + fmt.count("{")) * biggest)


def _format_args(args: Any) -> list[Any]:
    if isinstance(args, tuple):
        return list(args)
    if isinstance(args, dict):
        return list(args.values())
    return [args]


# -- operators -----------------------------------------------------------------------


def _multiply(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > limits.MAX_JINJA_INT_BITS:
            raise _too_big_number()
        return
    for seq, n in ((left, right), (right, left)):
        if (
            isinstance(seq, str | list | tuple)
            and isinstance(n, int)
            and n > 0
            and (n > limits.MAX_JINJA_VALUE or len(seq) * n > limits.MAX_JINJA_VALUE)
        ):
            raise _too_long("重复次数过大：结果")


def _power(base: Any, exponent: Any) -> None:
    if not isinstance(base, int | float | Decimal) or not isinstance(
        exponent, int | float | Decimal
    ):
        raise SecurityError("乘方只能用于数字")
    if isinstance(base, float) or isinstance(exponent, float):
        return  # a float overflows at once (OverflowError)
    if isinstance(base, Decimal) or isinstance(exponent, Decimal):
        if abs(Decimal(exponent)) > limits.MAX_JINJA_INT_BITS:
            raise LimitExceeded(f"乘方的指数过大（上限{limits.MAX_JINJA_INT_BITS}）")
        return
    if exponent > 0 and abs(base) > 1 and base.bit_length() * exponent > limits.MAX_JINJA_INT_BITS:
        raise _too_big_number()


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        _multiply(left, right)
    elif operator == "**":
        _power(left, right)
    elif operator == "%" and isinstance(left, str):
        _check_format(left, _format_args(right))
    elif operator == "+" and all(isinstance(v, str | list | tuple | bytes) for v in (left, right)):
        _limit(len(left) + len(right))


# -- filters -------------------------------------------------------------------------


def _lines(value: Any) -> int:
    return str(value).count("\n") + 1 if isinstance(value, str) else 1


def _est_center(value: Any, width: Any = 80, *_: Any, **kw: Any) -> None:
    _limit(_count(kw.get("width", width)))


def _est_indent(value: Any, width: Any = 4, *_: Any, **kw: Any) -> None:
    width = kw.get("width", width)
    per_line = len(width) if isinstance(width, str) else _count(width)
    _limit(weight(value) + _lines(value) * per_line)


def _est_wordwrap(
    value: Any, width: Any = 79, brk: Any = True, wrap: Any = None, *_: Any, **kw: Any
) -> None:
    wrap = kw.get("wrapstring", wrap)
    _limit(weight(value) * (1 + (len(wrap) if isinstance(wrap, str) else 1)))


def _est_format(value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        _check_format(value, [*args, *kwargs.values()])


def _est_join(value: Any, d: Any = "", *_: Any, **kw: Any) -> None:
    d = kw.get("d", d)
    n = len(value) if isinstance(value, Sequence | set | dict) else 0
    _limit(weight(value) + n * weight(d), "拼接结果")


def _est_replace(
    value: Any, old: Any = "", new: Any = "", count: Any = None, *_: Any, **kw: Any
) -> None:
    if isinstance(value, str) and isinstance(old, str) and isinstance(new, str):
        _replace_estimate(value, old, new, kw.get("count", count))


def _replace_estimate(s: str, old: str, new: str, count: Any = None) -> None:
    n = s.count(old) if old else len(s) + 1
    if isinstance(count, int) and count >= 0:
        n = min(n, count)
    _limit(len(s) + n * (len(new) - len(old)))


def _est_pieces(value: Any, count: Any = 1, *_: Any, **kw: Any) -> None:
    _limit(_count(count), "分组数")


def _est_sum(value: Any, *args: Any, **kw: Any) -> None:
    start = kw.get("start", args[1] if len(args) > 1 else 0)
    if not isinstance(start, int | float | Decimal):
        raise SecurityError("sum 只能对数字求和")


_ESTIMATES: Final[dict[str, Callable[..., None]]] = {
    "center": _est_center,
    "indent": _est_indent,
    "wordwrap": _est_wordwrap,
    "format": _est_format,
    "join": _est_join,
    "replace": _est_replace,
    "batch": _est_pieces,
    "slice": _est_pieces,
    "sum": _est_sum,
}

#: Filters that never print their value: no need to weigh it first.
_NOT_PRINTING: Final = frozenset(
    {"length", "count", "first", "last", "list", "map", "select", "reject", "selectattr",
     "rejectattr", "sort", "unique", "min", "max", "reverse", "random", "attr", "default",
     "d", "items", "dictsort", "groupby", "int", "float", "abs", "round", "batch", "slice",
     "sum", "join", "format", "replace", "center", "indent", "wordwrap"}
)  # fmt: skip


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    passes = getattr(func, "jinja_pass_arg", None) is not None
    estimate = _ESTIMATES.get(name)
    printing = name not in _NOT_PRINTING

    def bounded_filter(*args: Any, **kwargs: Any) -> Any:
        current().tick()
        own = args[1:] if passes else args
        if own:
            if estimate is not None:
                estimate(*own, **kwargs)
            if printing and not isinstance(own[0], str):
                _limit(weight(own[0]))
        return _check_result(func(*args, **kwargs))

    bounded_filter.__name__ = getattr(func, "__name__", name)
    bounded_filter.__doc__ = func.__doc__
    if passes:
        bounded_filter.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return bounded_filter


# -- methods of built-in values -----------------------------------------------------

#: Methods of strings a template may call (their results are no longer than the
#: string, or are checked before by ``_check_method``).
_STR_METHODS: Final = frozenset(
    {"lower", "upper", "title", "capitalize", "swapcase", "casefold", "strip", "lstrip",
     "rstrip", "split", "rsplit", "splitlines", "partition", "rpartition", "startswith",
     "endswith", "count", "find", "rfind", "index", "rindex", "removeprefix", "removesuffix",
     "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower",
     "isupper", "istitle", "center", "ljust", "rjust", "zfill", "replace", "join", "format",
     "format_map", "expandtabs"}
)  # fmt: skip
_MAPPING_METHODS: Final = frozenset({"get", "items", "keys", "values"})
_SEQUENCE_METHODS: Final = frozenset({"index", "count"})


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse methods of built-in values not on the lists, and oversized results."""
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(target, "__self__", None)
    name = getattr(target, "__name__", "")
    if owner is None or isinstance(owner, type):
        return
    if isinstance(owner, str):
        allowed = _STR_METHODS
    elif isinstance(owner, dict):
        allowed = _MAPPING_METHODS
    elif isinstance(owner, list | tuple):
        allowed = _SEQUENCE_METHODS
    elif isinstance(owner, int | float | complex | Decimal | bytes | set | frozenset):
        allowed = frozenset()
    else:
        return
    if name not in allowed:
        raise SecurityError(f"不允许调用 {type(owner).__name__} 的方法 {name}")
    if not isinstance(owner, str):
        return
    if name in ("center", "ljust", "rjust", "zfill"):
        _limit(max((_count(a) for a in (*args, *kwargs.values())), default=0))
    elif name == "expandtabs":
        size = _count(args[0] if args else kwargs.get("tabsize", 8))
        _limit(len(owner) + owner.count("\t") * size)
    elif name == "replace" and len(args) >= 2:
        if isinstance(args[0], str) and isinstance(args[1], str):
            _replace_estimate(owner, args[0], args[1], args[2] if len(args) > 2 else None)
    elif name == "join" and args:
        items = args[0]
        n = len(items) if isinstance(items, Sequence | set | dict) else 0
        _limit(weight(items) + n * len(owner), "拼接结果")
    elif name in ("format", "format_map"):
        values = list(args) + list(kwargs.values())
        if name == "format_map" and args and isinstance(args[0], dict):
            values = list(args[0].values())
        _check_format(owner, values)


# -- the environment -------------------------------------------------------------------


def _bounded_iter(iterable: Any) -> Iterator[Any]:
    budget = current()
    for item in iterable:
        budget.iterate()
        yield item


@pass_eval_context
def _bounded_concat(eval_ctx: Any, *parts: Any) -> str:
    size = sum(weight(p) for p in parts)
    _limit(size, "拼接结果")
    current().generate(size)
    join = markup_join if eval_ctx.autoescape else str_join
    return join(parts)


@pass_environment
def _finalize(env: Bounded, value: Any) -> Any:
    if isinstance(value, jinja2.Undefined):
        return value
    env.check_printed(value)
    current().generate(len(value) if isinstance(value, str) else weight(value))
    return value


class _Rewriter(NodeTransformer):
    """Loops iterate through a counter; ``~`` joins and text repeated by a loop or
    a macro are counted as generated."""

    def __init__(self) -> None:
        self._repeated = 0  # inside a loop or macro body

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self._repeated += 1
        self.generic_visit(node)
        self._repeated -= 1
        node.iter = _env_call("govreport_iter", [node.iter], node.lineno)
        return node

    def visit_Macro(self, node: nodes.Macro) -> nodes.Node:
        self._repeated += 1
        self.generic_visit(node)
        self._repeated -= 1
        return node

    visit_CallBlock = visit_Macro

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        if self._repeated:
            node.nodes = [
                nodes.MarkSafeIfAutoescape(
                    _env_call("govreport_text", [nodes.Const(n.data)], n.lineno), lineno=n.lineno
                )
                if isinstance(n, nodes.TemplateData)
                else n
                for n in node.nodes
            ]
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _env_call("govreport_concat", list(node.nodes), node.lineno)


def _env_call(name: str, args: list[Any], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None, lineno=lineno)


@contextlib.contextmanager
def _too_deep() -> Iterator[None]:
    """Nesting Jinja's parser or Python's compiler cannot take is a syntax error, not a crash.

    ``(((…)))`` a thousand deep, a hundred nested ``{% if %}`` or a chain of
    20,000 ``+`` exhaust the recursion of the parser or the indentation limit
    of the Python code Jinja generates.
    """
    try:
        yield
    except jinja2.TemplateSyntaxError:
        raise
    except (RecursionError, SyntaxError, MemoryError):
        raise jinja2.TemplateSyntaxError("嵌套过深或表达式过长（nested too deeply）", 1) from None


class Bounded(jinja2.sandbox.SandboxedEnvironment):
    """A sandboxed environment with every evaluation bounded (mix in before the sandbox class)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        # Constant folding would run filters at compile time, outside the bounds.
        options["optimized"] = False
        options["finalize"] = _finalize
        super().__init__(**options)
        for name in _REMOVED_GLOBALS:
            self.globals.pop(name, None)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.govreport_iter = _bounded_iter
        self.govreport_concat = _bounded_concat
        self.govreport_text = str  # counted by finalize, like any output

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        with _too_deep():
            tree = super()._parse(source, name, filename)
            rewritten: nodes.Template = _Rewriter().visit(tree)
        return rewritten

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        with _too_deep():
            return super()._generate(source, name, filename, defer_init)

    def _compile(self, source: str, filename: str) -> CodeType:
        with _too_deep():
            return super()._compile(source, filename)

    def check_printed(self, value: Any) -> None:
        """Refuse a value ``{{ }}`` may not print (a subclass says which); all may, here."""

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        current().tick()
        _check_binop(operator, left, right)
        return _check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = current()
        budget.tick()
        _check_method(__obj, args, kwargs)
        if isinstance(__obj, Macro | LoopContext):  # recursion: macros and recursive loops
            budget.depth += 1
            try:
                if budget.depth > limits.MAX_JINJA_DEPTH:
                    raise LimitExceeded(
                        f"宏的嵌套调用（或递归循环）超过{limits.MAX_JINJA_DEPTH}层的上限"
                    )
                return _check_result(super().call(__context, __obj, *args, **kwargs))
            finally:
                budget.depth -= 1
        return _check_result(super().call(__context, __obj, *args, **kwargs))
