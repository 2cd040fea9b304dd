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

# -- Jinja evaluation: data-file placeholders and agency templates ------------------

#: Seconds one placeholder field may take to evaluate.  A real placeholder takes
#: microseconds; a second is thousands of times that and still stops a hang.
PLACEHOLDER_SECONDS: Final = 1.0

#: Seconds all placeholders of one report may take together, so a file with
#: hundreds of slow paragraphs cannot add up to minutes in a batch.
REPORT_PLACEHOLDER_SECONDS: Final = 5.0

#: Seconds rendering an agency template's letterhead, footer and signature may
#: take per report (a real one renders in milliseconds).
TEMPLATE_RENDER_SECONDS: Final = 5.0

#: Longest string or list one step of a placeholder or template may make
#: (characters or items).  The longest section of a real report is about
#: 20,000 characters; ``{{ 'x' * 100000 }}`` and ``'a'|center(10**9)`` are refused
#: before anything is allocated.
MAX_JINJA_VALUE: Final = 65_536

#: Characters one evaluation may generate in all (every ``{{ }}`` output and
#: every ``~`` join, counted as made, inside macros and loops too): doubling a
#: value in a chain of ``{% set %}`` stops at this size.
MAX_JINJA_OUTPUT: Final = 1_000_000

#: Loop iterations one evaluation may run, all loops together: nested
#: ``range(100000)`` loops stop here instead of running 10**10 times.
MAX_JINJA_ITERATIONS: Final = 100_000

#: Depth of macro calls: a recursive macro stops with a clear message long
#: before Python's own recursion limit.
MAX_JINJA_DEPTH: Final = 32

#: Bits of an integer a placeholder may compute (about 300 digits): a count
#: has at most a dozen; ``((10**64)**64)**64`` stops at once.
MAX_JINJA_INT_BITS: Final = 1024

# -- agency templates (.docx archives) ------------------------------------------

#: Largest template file read (bytes).  A letterhead template with a logo is
#: under 1 MB; 50 MB leaves room for embedded fonts.
MAX_TEMPLATE_BYTES: Final = 50 * 1024 * 1024

#: Most members a template archive may have (a Word file has 10–40).
MAX_TEMPLATE_ENTRIES: Final = 1000

#: Largest uncompressed member of a template (bytes), checked from the archive's
#: directory before anything is inflated.
MAX_TEMPLATE_PART_BYTES: Final = 64 * 1024 * 1024

#: Largest total uncompressed size of a template's members (bytes).
MAX_TEMPLATE_TOTAL_BYTES: Final = 256 * 1024 * 1024

#: Highest compression ratio of a template member larger than
#: ``TEMPLATE_RATIO_FROM_BYTES``: Word XML compresses 5–20 times, a zip bomb of
#: zeros about 1000 times.
MAX_TEMPLATE_RATIO: Final = 100

#: Members smaller than this (bytes) are not ratio-checked: a tiny part may
#: compress very well and can do no harm.
TEMPLATE_RATIO_FROM_BYTES: Final = 1024 * 1024

#: Deepest nesting of lists and mappings in a data file.  The format itself
#: needs 5 levels (applications.results.withheld.third_party_rights and its
#: row) and plugins' record lists a few more; 32 leaves room while keeping every
#: recursive walk far below Python's recursion limit.
MAX_DATA_DEPTH: Final = 32

#: Most values (scalars, lists and mappings, counted as expanded: a YAML alias
#: counts as a copy) in one data file.  A report has about 300, plugins' record
#: lists a few thousand; 100,000 bounds the time of every walk over the data.
MAX_DATA_VALUES: Final = 100_000

#: Most YAML aliases (``*name``) in one data file.  A hand-written file may
#: reuse a zero row a few dozen times; more only serves exponential expansion
#: (the "billion laughs") and quadratic merge-key chains.
MAX_YAML_ALIASES: Final = 100

#: Longest text of one field (characters).  A whole report is 5,000–15,000
#: characters; one section even of a large ministry stays far below this.
MAX_TEXT_CHARS: Final = 100_000

#: Largest count (a cell of the tables).  The largest real counts (items
#: published by a province in a year) are in the millions.
MAX_COUNT: Final = 10**9

#: Most digits before the decimal point of a money amount: 万元 or 元, 12
#: digits is a trillion, far above any fee or budget a report states.
MAX_AMOUNT_INTEGER_DIGITS: Final = 12

#: Most decimal places of a money amount: 万元 to the fen (分) is 6 places, as
#: published reports print fees (5949.088667 万元).
MAX_AMOUNT_DECIMALS: Final = 6

#: Longest piece of a user's value echoed in a message (characters); longer
#: ones are cut and their length stated, so a 10 MB value does not become
#: 10 MB of error output.
MAX_ECHO_CHARS: Final = 80

#: Age (seconds) after which a hidden temporary file of ours (``.NAME.gr<pid>-….tmp``)
#: in an output folder counts as left by a killed writer and is removed by the
#: next write there, even if its process id is in use again.  A real write
#: takes well under a minute; ten minutes is safely past any of them.
STALE_TEMP_SECONDS: Final = 600

#: Widest line of the text output (``--option width``, display columns).  A
#: wide terminal shows 200–400 columns; beyond 1,000 a line is no longer read,
#: and a width of 10**9 would pad every centred line to a gigabyte.
MAX_TEXT_WIDTH: Final = 1_000

#: Longest wait for one LibreOffice conversion (``--option timeout``, seconds).
#: A report converts in 2–10 s; an hour is far past any real conversion, so a
#: batch run is never held by a converter that hangs.
MAX_PDF_TIMEOUT_SECONDS: Final = 3_600

#: Largest line pitch of the pdf output (``--option line_pitch``, points).
#: GB/T 9704 sets 28.95 pt; 100 pt is three and a half body lines, past any
#: real layout, and a value typed without its decimal point (2895) is refused
#: instead of printing one line a page.
MAX_PDF_LINE_PITCH_PT: Final = 100.0

#: Most problems listed for one data file.  A file with more is no file of
#: typos (50,000 unknown keys, a list of bad cells): the first 100 show what is
#: wrong, and the listing stays readable and bounded (one line states how many
#: more there are).
MAX_DATA_FILE_PROBLEMS: Final = 100

#: Largest count a model object holds, built in code or computed: totals add
#: up to 150 cells of at most MAX_COUNT (a data file's bound), so they stay far
#: below it, while a count of 10**30 built in code is refused.
MAX_COUNT_TOTAL: Final = 10**15

#: Most characters of text in one data file, all fields together.  The longest
#: real reports have about 20,000; 300,000 keeps the slowest output (PDF through
#: LibreOffice, about 30 s per million characters) to seconds.
MAX_DATA_TEXT_CHARS: Final = 300_000

#: Items in one list of text (五's problems or improvements, a plugin's list).
#: Real reports list 2–10; 1,000 keeps every output fast (99,000 items took 15 s
#: and 230 MB to render) while no real list comes near it.
MAX_LIST_ITEMS: Final = 1_000

# -- importing published reports (HTML pages, Word files, PDF) -------------------

#: Largest published report read by an importer (bytes).  A portal page with
#: its shell is 100–300 KB, a report's PDF or Word file 0.2–5 MB; 20 MB leaves
#: room for embedded images while a symlink to /dev/zero stops at once.
MAX_IMPORT_FILE_BYTES: Final = 20 * 1024 * 1024

#: Most pages of a PDF read as a report.  A report has 5–20 pages, one with
#: appendices perhaps 60; a longer PDF is some other document (a yearbook, a
#: gazette), refused before its pages are parsed.
MAX_IMPORT_PAGES: Final = 200

#: Seconds reading one PDF may take.  A report of 10 pages reads in 1–3 s, 200
#: pages in about a minute; a file crafted to make the parser crawl (millions
#: of drawing operators) is stopped here.  The PDF is parsed in a child
#: process, so the bound holds even inside the parser.
MAX_IMPORT_SECONDS: Final = 120.0

#: Address space of the child process that parses a PDF (bytes).  Reading a
#: report takes about 200 MB; a compressed stream that inflates to gigabytes (a
#: “zip bomb” of 20 MB) stops here with a clear message instead of exhausting
#: the machine's memory.
MAX_IMPORT_MEMORY_BYTES: Final = 2 * 1024 * 1024 * 1024

#: Most ruling lines (joined) on one PDF page considered for tables.  Table 三
#: has about 45; the cells are found by crossing every vertical with every
#: horizontal line, so a page of 100,000 hairlines is read as text only (with
#: a note) instead of taking minutes.
MAX_IMPORT_PAGE_RULES: Final = 2_000

#: Most hyperlinks of one PDF page used to find a printed web page's
#: navigation (each character is tested against each link).  A portal page has
#: a few hundred; past this the page's links are not used.
MAX_IMPORT_PAGE_LINKS: Final = 2_000

#: Largest reading of one PDF the parsing child process may send back (bytes,
#: as JSON).  The text of 200 full pages is about a million characters, 3–6 MB;
#: more is refused instead of held in memory.
MAX_IMPORT_READING_BYTES: Final = 64 * 1024 * 1024

#: Widest ``colspan`` of an HTML table cell read as printed.  Table 四 of the
#: format has 15 columns and the widest merged cell spans 10; a larger span is
#: clipped (with a note) so that ``colspan=1000000`` cannot make a huge grid.
MAX_HTML_COLSPAN: Final = 64

#: Tallest ``rowspan`` of an HTML table cell read as printed.  The tallest
#: merged cell of the format spans 22 rows; a larger span is clipped (with a
#: note).
MAX_HTML_ROWSPAN: Final = 500

#: Most columns of one HTML table.  The widest table of the format has 15; a
#: browser gives up at 1,000.  Each row's cells are placed by scanning its
#: columns, so this bounds the time a table of 20,000 rows can take.
MAX_HTML_TABLE_COLUMNS: Final = 256

#: Most cells (and rows) read from one HTML table.  Table 三 has about 220; a
#: table with more is no report table, and the rest of it is left out (with a
#: note).
MAX_HTML_TABLE_CELLS: Final = 20_000

#: Most elements of a web page read by the importer.  A portal page has 2,000–
#: 10,000 and a Word export of a long report some 20,000; reading costs up to
#: 20 µs per element, so this keeps the worst page to a few seconds.
MAX_HTML_ELEMENTS: Final = 200_000

#: Most characters of one table drawn by the text output that is read back.
#: Table 三 drawn 1,000 columns wide (the widest the output allows) has about
#: 60,000; the reader holds a table as one entry per display column, so a
#: bigger one is left out (with a note) instead of costing memory.
MAX_IMPORT_TEXT_TABLE_CHARS: Final = 1_000_000

#: Most grid columns of a Word table read as printed.  Word itself allows 63
#: and table 四 has 15; ``w:gridSpan="1000000"`` is clipped here (with a note)
#: so that it cannot make a huge grid.
MAX_DOCX_TABLE_COLUMNS: Final = 64

#: Most cells read from one Word table.  Table 三 has about 220; the rest of a
#: larger table is left out (with a note).
MAX_DOCX_TABLE_CELLS: Final = 20_000

# -- fill-in workbooks (.xlsx) read back --------------------------------------------

#: Largest uncompressed part of a workbook read back (bytes).  The largest part
#: of the workbook govreport writes (table 三's sheet, formulas and checks) is
#: under 200 KB; openpyxl parses a sheet of 4 MB in about 2 s and holds the
#: shared strings and styles in memory, so this keeps reading any workbook
#: to seconds and tens of MB, while a pasted picture of a few MB still fits.
MAX_WORKBOOK_PART_BYTES: Final = 4 * 1024 * 1024

# -- auditing and aggregating many reports ---------------------------------------

#: Most report files one ``govreport audit`` run checks.  A province's units
#: publish a few thousand reports a year; 20,000 is several years of them, while
#: an audit pointed at ``/`` by mistake stops with a clear entry instead of
#: running for hours.  The files beyond it are named as not checked.
MAX_AUDIT_FILES: Final = 20_000

#: Most directory entries (files and folders) an audit walks looking for
#: reports.  A folder of reports holds a few per report; a million entries is a
#: whole disk, and the walk stops there with a clear entry.
MAX_AUDIT_WALK_ENTRIES: Final = 1_000_000

#: Most unit reports one ``govreport aggregate`` adds up.  A county has tens of
#: units, a prefecture some hundreds; every unit is held in memory at once.
MAX_AGGREGATE_UNITS: Final = 5_000

#: Largest ``--expect`` list of unit names (bytes): one name per line, a few
#: thousand names take well under 1 MB.
MAX_EXPECT_FILE_BYTES: Final = 1024 * 1024

#: Most positions (rows × columns) of one printed table the mapper reads as an
#: official table.  Table 三 has 280 and table 四 60; a larger grid is page
#: layout, not a report table, and is left out with a note, so a reader's huge
#: grid cannot cost the mapper time or memory.
MAX_IMPORT_GRID_POSITIONS: Final = 10_000

# -- govreport batch -----------------------------------------------------------------

#: Most input files one ``govreport batch`` takes.  The country publishes a few
#: hundred thousand reports a year; a million is all of them with room, while a
#: glob or folder given by mistake (``/``) stops with a clear entry.
MAX_BATCH_FILES: Final = 1_000_000

#: Longest output file name stem (UTF-8 bytes) a batch writes.  File systems
#: allow 255 bytes a name; the extension, a ``-N`` for a collision and the
#: temporary file's ``.….gr<pid>-xxxxxxxx.tmp`` must still fit beside it.
MAX_OUTPUT_STEM_BYTES: Final = 160

#: Loaded reports ``govreport audit``'s first pass keeps for its second
#: (about 12 KiB each for the examples): a folder of up to this many files is
#: read once; beyond it the rest are read again when paired, so memory stays
#: bounded (about 12 MB) however many reports are audited.
MAX_AUDIT_KEPT_REPORTS: Final = 1000

# -- govreport serve (the local web form) ---------------------------------------------

#: Largest request body the form's server reads, uploads aside (bytes): a
#: whole report's fields as JSON or a form post are 20–100 KB, texts included;
#: 2 MB leaves room for very long narratives and is refused (413) before it is read.
MAX_SERVE_BODY_BYTES: Final = 2 * 1024 * 1024

#: Largest upload request (last year's report, an agency's Word template), in
#: bytes: the largest published report read (``MAX_IMPORT_FILE_BYTES``) and the
#: multipart framing around it.  Each file is then held to its own kind's bound.
MAX_SERVE_UPLOAD_BYTES: Final = 20 * 1024 * 1024 + 64 * 1024

#: Most form fields one request may carry: a report has about 250 (every cell
#: of the three tables, the texts and their sub-headings); more is no form of ours.
MAX_SERVE_FIELDS: Final = 5_000
