"""A section provider chooses its heading number: automatic, none, or fixed."""

from __future__ import annotations

import pytest

from govreport.document import (
    OFFICIAL_PROVIDERS,
    Heading,
    Numbering,
    Paragraph,
    Placement,
    PlacementError,
    Section,
    SectionProvider,
    assemble,
)
from govreport.testing import sample_report


def _provider(
    placement: Placement, numbering: Numbering | str = Numbering.AUTO, key: str = "extra"
) -> SectionProvider:
    def build(ctx: object) -> Section:
        return Section(key, "附加事项", (Heading("说明"), Paragraph("正文")))

    return SectionProvider(key, build, placement, numbering=numbering)


def _headings(*providers: SectionProvider) -> list[str]:
    doc = assemble(sample_report(), (*OFFICIAL_PROVIDERS, *providers))
    return [s.heading for s in doc.sections]


def test_default_is_automatic_and_renumbers_the_rest() -> None:
    assert SectionProvider("x", lambda ctx: None).numbering is Numbering.AUTO
    headings = _headings(_provider(Placement.before("other")))
    assert headings[5:] == ["六、附加事项", "七、其他需要报告的事项"]


def test_unnumbered_section_is_not_counted() -> None:
    headings = _headings(_provider(Placement.before("other"), Numbering.NONE))
    assert headings[5:] == ["附加事项", "六、其他需要报告的事项"]


def test_fixed_number_is_printed_and_does_not_shift_the_others() -> None:
    headings = _headings(_provider(Placement.before("problems"), "附："))
    assert headings[3].startswith("四、")
    assert headings[4:] == [
        "附：附加事项",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert _headings(_provider(Placement.at_end(), "七、"))[-1] == "七、附加事项"


def test_fixed_number_on_a_replaced_section() -> None:
    headings = _headings(_provider(Placement.replace("other"), "六、"))
    assert headings[-1] == "六、附加事项"


def test_subheadings_are_numbered_whatever_the_section_numbering() -> None:
    for numbering in (Numbering.NONE, "七、"):
        doc = assemble(
            sample_report(), (*OFFICIAL_PROVIDERS, _provider(Placement.at_end(), numbering))
        )
        assert doc.section("extra").blocks[0].text == "（一）说明"


def test_a_fixed_number_taken_by_another_section_is_a_clear_error() -> None:
    with pytest.raises(PlacementError, match=r"'other' and 'extra' are both numbered '六、'"):
        _headings(_provider(Placement.at_end(), "六、"))


@pytest.mark.parametrize("numbering", ["", "  ", 7])
def test_blank_or_odd_numbering_refused(numbering: object) -> None:
    with pytest.raises(PlacementError, match="numbering must be"):
        _provider(Placement.at_end(), numbering)  # type: ignore[arg-type]


@pytest.mark.parametrize("numbering", [Numbering.NONE, "七、"])
def test_extend_cannot_choose_a_number(numbering: Numbering | str) -> None:
    with pytest.raises(PlacementError, match="extends section 'other'"):
        _provider(Placement.extend("other"), numbering)


def test_positional_construction_unchanged() -> None:
    provider = SectionProvider("extra", lambda ctx: None, Placement.after("problems"))
    assert provider.placement == Placement.after("problems")
    assert provider.numbering is Numbering.AUTO
