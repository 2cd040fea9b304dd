"""Options kept for plugins and scripts written against an earlier release, with a warning.

The per-format ``signature`` option was replaced by the document-level
setting (``Engine.render(signature=False)``, ``--no-signature``), which every
format obeys.  The Word format and the PDF format (which was the Word file
converted, before it was typeset by Typst) still accept it.
"""

from __future__ import annotations

import warnings
from typing import Final

from govreport.outputs.base import OptionSpec

SIGNATURE_OPTION: Final = OptionSpec(
    "已弃用，请用 --no-signature / Engine.render(signature=False)"
    "（正文后显示发文机关署名和成文日期）",
    bool,
    None,
    description="Deprecated: use Engine.render(signature=False) or --no-signature.",
)


def warn_signature(format_name: str, value: object) -> None:
    """A DeprecationWarning, at the caller's caller, when the option was given."""
    if value is not None:
        warnings.warn(
            f"the {format_name} option 'signature' is deprecated and will be removed after the "
            "next release; use Engine.render(signature=False) / --no-signature",
            DeprecationWarning,
            stacklevel=3,
        )
