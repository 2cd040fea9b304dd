"""Every bound govreport enforces on what it is given, in one place.

govreport checks files uploaded to portals and runs unattended in batches, so
no input may stall it, flood its memory or crash it.  Each limit is a named
constant here, used by the code that enforces it and listed, with its reason,
on the documentation's Limits page (generated from this module, so the two
cannot drift).  Bottom layer: imports nothing of govreport.

Each constant is declared with a ``#:`` comment saying why it has its value.
"""

from __future__ import annotations

from typing import Final

#: Largest data file read (bytes).  A real report is 10–60 KB; 5 MB leaves room
#: for very long narratives while a symlink to /dev/zero stops at once.
MAX_DATA_FILE_BYTES: Final = 5 * 1024 * 1024
