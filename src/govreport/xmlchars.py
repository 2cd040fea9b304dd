"""The characters XML 1.0 forbids, defined once.

Rule T1 reports them in a data file; the Word renderer refuses them as a last
line of defence.  Both must agree, or a file could pass validation and still
fail to render.
"""

from __future__ import annotations

import re
from typing import Final

#: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and surrogates (a Python
#: str only holds a surrogate when it is unpaired).
ILLEGAL_XML_CHARS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
