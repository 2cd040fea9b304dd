"""Output file names of a batch: safe on every file system, distinct, inside the folder.

The name comes from the input file's stem alone (``data/双浦镇-2024.yaml`` →
``out/双浦镇-2024.docx``), not from the agency or year inside the file:

- the person who runs the batch chose the input names and finds each output
  beside its input's name, whatever the file says;
- a name is known without reading the file, so ``--resume`` can tell what is
  done by looking at the output folder, and a file that cannot be read still
  has a name in the report;
- names are given in input order by one process, so collisions are settled the
  same way on every run and with any number of workers.

A stem is cleaned of whatever a file system on Windows, macOS or Linux refuses
or misreads (:func:`safe_stem`), and :class:`Namer` makes names distinct,
ignoring case (NTFS and APFS do), by adding ``-2``, ``-3``, … in input order.
(So a ``--resume`` run must be given the same inputs: an input added before
another of the same stem would shift the numbers.)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from govreport.limits import MAX_OUTPUT_STEM_BYTES

#: Said of a name that is empty once cleaned.
FALLBACK = "report"

#: Refused by Windows in a name, besides control characters; ``/`` everywhere.
_ILLEGAL = frozenset('<>:"/\\|?*')
#: Control characters, unassigned, surrogates, line and paragraph separators, format characters.
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
#: Windows device names: ``CON``, ``CON.txt`` and ``con .docx`` all open the device.
_RESERVED = re.compile(
    r"^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|CLOCK\$|(?:COM|LPT)[0-9¹²³])$", re.IGNORECASE
)


def safe_stem(text: str) -> str:
    """``text`` as a file name stem every file system takes, without a folder part.

    Path separators, characters illegal on Windows and control characters
    become ``_``; leading dots (hidden files, ``..``) and spaces, and trailing
    dots and spaces (Windows drops them) go; a reserved device name gets a
    ``_`` (``CON`` → ``CON_``); a stem longer than
    :data:`~govreport.limits.MAX_OUTPUT_STEM_BYTES` is cut and given a short
    hash of the whole, so two long names that differ only at the end stay apart.
    """
    text = unicodedata.normalize("NFC", text)
    cleaned = "".join(
        "_" if ch in _ILLEGAL or unicodedata.category(ch) in _BAD_CATEGORIES else ch for ch in text
    )
    cleaned = cleaned.lstrip(". ").rstrip(". ")
    if not cleaned:
        return FALLBACK
    if _RESERVED.match(cleaned.split(".")[0].rstrip(" ")):
        cleaned = cleaned.replace(".", "_.", 1) if "." in cleaned else cleaned + "_"
    if len(cleaned.encode("utf-8")) > MAX_OUTPUT_STEM_BYTES:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        room = MAX_OUTPUT_STEM_BYTES - len(digest) - 1
        cut = cleaned.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(". ")
        cleaned = f"{cut}-{digest}"
    return cleaned


class Namer:
    """Distinct safe stems, given in order: the second ``a`` is ``a-2``.

    Holds one short key per name given (a few dozen bytes each), so that a
    later input cannot take an earlier one's name, even ``a-2`` given as is.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, source: str | Path) -> str:
        """The stem for the input file ``source``: its own stem, made safe and distinct."""
        return self.claim(safe_stem(Path(source).stem))

    def claim(self, stem: str) -> str:
        """``stem`` itself, or with the first free ``-N``; it is taken from now on."""
        candidate, n = stem, 1
        while _key(candidate) in self._taken:
            n += 1
            candidate = f"{stem}-{n}"
        self._taken.add(_key(candidate))
        return candidate


def _key(stem: str) -> str:
    # NTFS and APFS compare names without case; NFC so that é and e + ́ are one name.
    return unicodedata.normalize("NFC", stem).casefold()


def output_path(out_dir: Path, stem: str, extension: str) -> Path:
    """``out_dir/stem+extension``, refusing anything that would leave ``out_dir``."""
    name = stem + extension
    if "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise ValueError(f"unsafe output name {name!r}")
    path = out_dir / name
    if path.parent != out_dir:
        raise ValueError(f"unsafe output name {name!r}")
    return path
