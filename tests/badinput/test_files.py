"""Bad-input catalogue: what a data file *is* — special files, sizes, nesting, aliases.

Issue 9, items F (deep nesting) and G (special files), and the empty ``.toml``
of item I.  Each case is the real command in its own process (see harness.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govreport.limits import MAX_DATA_DEPTH, MAX_YAML_ALIASES

from .harness import EXAMPLE_TEXT, Case, ids, run

DEPTH = str(MAX_DATA_DEPTH)


def _fifo(name: str) -> object:
    def setup(folder: Path) -> None:
        os.mkfifo(folder / name)

    return setup


def _link(name: str, target: str) -> object:
    def setup(folder: Path) -> None:
        os.symlink(target, folder / name)

    return setup


def _dir(name: str) -> object:
    def setup(folder: Path) -> None:
        (folder / name).mkdir()

    return setup


def _big(name: str, size: int) -> object:
    def setup(folder: Path) -> None:
        with open(folder / name, "wb") as fh:
            fh.write(b"agency: x\n")
            fh.write(b"# " + b"x" * size + b"\n")

    return setup


def _laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return EXAMPLE_TEXT + "extensions:\n  " + "\n  ".join(lines) + "\n"


def _merge_chain(n: int) -> str:
    lines = ["x0: &x0 {k0: 1}"]
    lines += [f"x{i}: &x{i} {{<<: *x{i - 1}, k{i}: 1}}" for i in range(1, n)]
    return "\n".join(lines) + "\n"


SIX_MB = 6 * 1024 * 1024

CASES = [
    # -- G: special files are refused before a byte is read --------------------
    Case("fifo-validate", ("validate", "r.yaml"), 2, ("r.yaml", "命名管道"), setup=_fifo("r.yaml")),
    Case(
        "fifo-render",
        ("render", "r.json", "-f", "txt", "-o", "out"),
        2,
        ("r.json", "FIFO"),
        setup=_fifo("r.json"),
    ),
    Case(
        "fifo-previous",
        ("validate", "{E}", "--previous", "p.yaml"),
        2,
        ("p.yaml", "命名管道"),
        setup=_fifo("p.yaml"),
    ),
    Case(
        "fifo-convert",
        ("convert", "r.toml", "x.yaml"),
        2,
        ("r.toml", "命名管道"),
        setup=_fifo("r.toml"),
    ),
    Case(
        "dev-zero",
        ("validate", "z.yaml"),
        2,
        ("z.yaml", "设备"),
        setup=_link("z.yaml", "/dev/zero"),
        seconds=10,
    ),
    Case(
        "dev-zero-previous",
        ("render", "{E}", "--previous", "z.json", "-f", "txt", "-o", "out"),
        2,
        ("z.json", "设备"),
        setup=_link("z.json", "/dev/zero"),
        seconds=10,
    ),
    Case(
        "dev-null",
        ("validate", "n.yaml"),
        2,
        ("n.yaml", "设备"),
        setup=_link("n.yaml", "/dev/null"),
    ),
    Case(
        "dev-urandom",
        ("validate", "u.toml"),
        2,
        ("u.toml", "设备"),
        setup=_link("u.toml", "/dev/urandom"),
        seconds=10,
    ),
    # click's own check of the path argument answers first (exit 2, in English).
    Case("directory", ("validate", "d.yaml"), 2, ("d.yaml", "directory"), setup=_dir("d.yaml")),
    Case(
        "directory-previous",
        ("validate", "{E}", "--previous", "d.json"),
        2,
        ("d.json", "directory"),
        setup=_dir("d.json"),
    ),
    Case("missing", ("validate", "nothere.yaml"), 2, ("nothere.yaml", "文件不存在")),
    Case(
        "missing-previous",
        ("validate", "{E}", "--previous", "last.yaml"),
        2,
        ("last.yaml", "文件不存在"),
    ),
    Case(
        "dangling-link",
        ("validate", "l.yaml"),
        2,
        ("l.yaml", "文件不存在"),
        setup=_link("l.yaml", "gone.yaml"),
    ),
    Case(
        "link-loop",
        ("validate", "loop.yaml"),
        2,
        ("loop.yaml", "无法打开"),
        setup=_link("loop.yaml", "loop.yaml"),
    ),
    Case(
        "file-under-a-file",
        ("validate", "f.yaml/r.yaml"),
        2,
        ("r.yaml", "无法打开"),
        files={"f.yaml": "x: 1\n"},
    ),
    Case(
        "too-large",
        ("validate", "big.yaml"),
        2,
        ("big.yaml", "文件过大", "5.0 MB"),
        setup=_big("big.yaml", SIX_MB),
    ),
    Case(
        "too-large-previous",
        ("validate", "{E}", "--previous", "big.json"),
        2,
        ("big.json", "文件过大"),
        setup=_big("big.json", SIX_MB),
    ),
    Case(
        "too-large-render",
        ("render", "big.toml", "-f", "txt", "-o", "out"),
        2,
        ("big.toml", "文件过大"),
        setup=_big("big.toml", SIX_MB),
    ),
    Case(
        "proc-file",
        ("validate", "s.yaml"),
        2,
        ("s.yaml",),
        setup=_link("s.yaml", "/proc/self/maps"),
    ),
    # -- I: an empty file of any format is unreadable, not a file of findings ---
    Case("empty-toml", ("validate", "e.toml"), 2, ("e.toml", "文件为空"), files={"e.toml": ""}),
    Case(
        "comments-only-toml",
        ("validate", "e.toml"),
        2,
        ("e.toml", "文件为空"),
        files={"e.toml": "# nothing yet\n\n"},
    ),
    Case("empty-yaml", ("validate", "e.yaml"), 2, ("e.yaml", "文件为空"), files={"e.yaml": "\n"}),
    Case(
        "empty-json-object",
        ("validate", "e.json"),
        2,
        ("e.json", "文件为空"),
        files={"e.json": "{}"},
    ),
    Case(
        "empty-toml-previous",
        ("validate", "{E}", "--previous", "e.toml"),
        2,
        ("e.toml", "文件为空"),
        files={"e.toml": ""},
    ),
    # -- F: nesting is bounded while parsing, never a RecursionError -----------
    Case(
        "yaml-10000-deep-list",
        ("validate", "d.yaml"),
        2,
        ("d.yaml", "嵌套过深", DEPTH),
        files={"d.yaml": "agency: " + "[" * 10_000 + "]" * 10_000 + "\n"},
    ),
    Case(
        "yaml-block-deep-list",
        ("validate", "d.yaml"),
        2,
        ("d.yaml", "嵌套过深", DEPTH),
        files={"d.yaml": "a:\n" + "".join(" " * i + "-\n" for i in range(1, 2000))},
    ),
    Case(
        "yaml-deep-mappings",
        ("validate", "d.yaml"),
        2,
        ("d.yaml", "嵌套过深"),
        files={"d.yaml": "".join("  " * i + f"k{i}:\n" for i in range(500)) + "  " * 500 + "x\n"},
    ),
    Case(
        "yaml-deep-flow-mappings",
        ("render", "d.yaml", "-f", "txt", "-o", "out"),
        2,
        ("d.yaml", "嵌套过深"),
        files={"d.yaml": "a: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n"},
    ),
    Case(
        "json-100000-deep",
        ("validate", "d.json"),
        2,
        ("d.json", "嵌套过深", DEPTH),
        files={"d.json": '{"agency": ' + "[" * 100_000 + "]" * 100_000 + "}"},
    ),
    Case(
        "json-100-deep",
        ("validate", "d.json"),
        2,
        ("d.json", "嵌套过深"),
        files={"d.json": '{"agency": ' + '{"a": ' * 100 + "1" + "}" * 100 + "}"},
    ),
    Case(
        "json-deep-previous",
        ("validate", "{E}", "--previous", "d.json"),
        2,
        ("d.json", "嵌套过深"),
        files={"d.json": '{"a": ' + "[" * 50_000 + "]" * 50_000 + "}"},
    ),
    Case(
        "toml-5000-deep-array",
        ("validate", "d.toml"),
        2,
        ("d.toml", "嵌套过深", DEPTH),
        files={"d.toml": "a = " + "[" * 5000 + "]" * 5000 + "\n"},
    ),
    Case(
        "toml-deep-inline-tables",
        ("validate", "d.toml"),
        2,
        ("d.toml", "嵌套过深"),
        files={"d.toml": "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n"},
    ),
    Case(
        "toml-deep-table-header",
        ("convert", "d.toml", "x.yaml"),
        2,
        ("d.toml", "嵌套过深"),
        files={"d.toml": "[" + ".".join(["a"] * 300) + "]\nx = 1\n"},
    ),
    # -- F: number of values and YAML aliases ------------------------------------
    Case(
        "yaml-million-items",
        ("validate", "m.yaml"),
        2,
        ("m.yaml", "数据项过多"),
        files={"m.yaml": "extensions: [" + ",".join(["1"] * 1_000_000) + "]\n"},
    ),
    Case(
        "json-million-items",
        ("validate", "m.json"),
        2,
        ("m.json", "数据项过多"),
        files={"m.json": '{"a": [' + ",".join(["1"] * 1_000_000) + "]}"},
    ),
    Case(
        "toml-many-keys",
        ("validate", "m.toml"),
        2,
        ("m.toml", "数据项过多"),
        files={"m.toml": "".join(f"k{i} = {i}\n" for i in range(120_000))},
    ),
    Case(
        "billion-laughs",
        ("validate", "l.yaml"),
        2,
        ("l.yaml", "数据项过多"),
        files={"l.yaml": _laughs()},
    ),
    Case(
        "billion-laughs-render",
        ("render", "l.yaml", "-f", "txt", "-o", "out"),
        2,
        ("l.yaml", "数据项过多"),
        files={"l.yaml": _laughs()},
    ),
    Case(
        "too-many-aliases",
        ("validate", "a.yaml"),
        2,
        ("a.yaml", "别名", str(MAX_YAML_ALIASES)),
        files={"a.yaml": "z: &z 0\nx: [" + ", ".join(["*z"] * 500) + "]\n"},
    ),
    Case(
        "merge-key-chain",
        ("validate", "m.yaml"),
        2,
        ("m.yaml", "别名"),
        files={"m.yaml": _merge_chain(3000)},
    ),
    Case(
        "recursive-alias",
        ("validate", "r.yaml"),
        2,
        ("r.yaml", "循环引用"),
        files={
            "r.yaml": EXAMPLE_TEXT.replace(
                "problems:\n  problems_intro", "problems: &p\n  self: *p\n  problems_intro"
            )
        },
    ),
    Case(
        "recursive-alias-in-extensions",
        ("render", "r.yaml", "-f", "txt", "-o", "out"),
        2,
        ("r.yaml", "循环引用"),
        files={"r.yaml": EXAMPLE_TEXT + "extensions: &x {a: [*x]}\n"},
    ),
    # -- bytes YAML does not take ------------------------------------------------
    Case(
        "nul-byte",
        ("validate", "n.yaml"),
        2,
        ("n.yaml", "语法错误"),
        files={"n.yaml": b"year: 2024\x00\n"},
    ),
    Case(
        "huge-int-toml",
        ("validate", "i.toml"),
        2,
        ("i.toml", "数字位数过多"),
        files={"i.toml": "year = " + "9" * 10_000 + "\n"},
    ),
]

if os.geteuid() != 0:  # root reads a 0000 file: the case only means something for others
    CASES.append(
        Case(
            "no-permission",
            ("validate", "p.yaml"),
            2,
            ("p.yaml", "没有读取权限"),
            files={"p.yaml": EXAMPLE_TEXT},
            setup=lambda f: os.chmod(f / "p.yaml", 0),
        ),
    )


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case, tmp_path: Path) -> None:
    run(case, tmp_path)
