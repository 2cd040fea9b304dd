"""GB/T 9704-2012 as numbers: the page, the 版心 (type area), the body grid, the page number.

All lengths are PDF points (1/72 inch) measured from the page's top left, as
pdfplumber gives them.  The tolerances are what a faithful renderer needs
(rounding, glyph boxes that differ from the line box), well below what a
wrong setting moves: one line more or less moves the pitch by 1.3 pt, a
margin of 30 mm instead of 28 mm moves the text by 5.7 pt.
"""

from __future__ import annotations

from typing import Final

MM: Final = 72 / 25.4

PAGE_WIDTH: Final = 210 * MM
PAGE_HEIGHT: Final = 297 * MM
#: The 版心: 156 × 225 mm, 37 mm from the top edge and 28 mm from the left (A4).
BLOCK_LEFT: Final = 28 * MM
BLOCK_TOP: Final = 37 * MM
BLOCK_WIDTH: Final = 156 * MM
BLOCK_HEIGHT: Final = 225 * MM
BLOCK_RIGHT: Final = BLOCK_LEFT + BLOCK_WIDTH
BLOCK_BOTTOM: Final = BLOCK_TOP + BLOCK_HEIGHT

#: Text may stand this far outside the 版心 (a glyph box, a hanging full stop).
BLOCK_TOLERANCE: Final = 1.5 * MM
#: A page size within this of A4 counts as A4.
PAGE_TOLERANCE: Final = 2.0

#: 3号 body text: 16 pt, 22 lines a page, 28 characters a line.
BODY_SIZE: Final = 16.0
BODY_LINES: Final = 22
BODY_CHARS: Final = 28
#: The line pitch that puts 22 lines in 225 mm (Word's "exact 28.95 pt").
BODY_PITCH: Final = 28.95
SIZE_TOLERANCE: Final = 0.5
#: 2号 title (22 pt): a line at least this large is the title, never body text.
TITLE_MIN_SIZE: Final = 20.0

#: 4号 page number (14 pt), "— N —", 7 mm below the 版心, one character in
#: from the outer edge of the 版心: odd pages right, even pages left.
PAGE_NUMBER_SIZE: Final = 14.0
#: A number whose centre is this close to the 版心's centre is centred.
CENTRED_WITHIN: Final = 10 * MM

#: A line starting this close to the 版心's left edge is not indented.
LEFT_EDGE_WITHIN: Final = 2.0
#: A line ending this close to the 版心's right edge fills the line.
FULL_LINE_WITHIN: Final = 0.75 * BODY_SIZE
#: A paragraph continued on the next page must have this many lines there for
#: the page break to be the grid's own: widow control moves one line at most.
CONTINUED_LINES: Final = 3
