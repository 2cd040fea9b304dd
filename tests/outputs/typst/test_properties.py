"""Any text a report may hold is printed as it is: random text through Typst, read back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport.document import Document, Heading, Paragraph, Section
from govreport.outputs.typst import render_pdf

from ._pdf import open_pdf, squeeze

#: ASCII (every Typst markup character among it), hanzi, full-width marks.
ALPHABET = st.one_of(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.sampled_from("，。、；：？！“”‘’（）《》〔〕【】—…·"),
)
TEXT = st.text(ALPHABET, min_size=1, max_size=120)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=TEXT, heading=TEXT, body=st.lists(TEXT, min_size=1, max_size=4))
def test_every_character_is_printed_literally(title: str, heading: str, body: list[str]) -> None:
    blocks = (Heading(heading), *(Paragraph(p) for p in body))
    document = Document((title,), (), (Section("s", "一节", blocks, number="一、"),))
    with open_pdf(render_pdf(document)) as pdf:
        printed = "".join(squeeze(page.extract_text()) for page in pdf.pages)
    for text in (title, heading, *body):
        assert squeeze(text) in printed, text
