"""How the report writes dates, amounts and the fee sentence, and where the old names still work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from govreport.spec import wording


def test_official_date_has_no_zero_padding() -> None:
    assert wording.official_date(date(2025, 1, 20)) == "2025年1月20日"
    assert wording.official_date(date(2024, 12, 31)) == "2024年12月31日"


def test_amounts_are_written_exactly_as_given() -> None:
    assert wording.format_number(7) == "7"
    assert wording.format_number(Decimal("18651.06")) == "18651.06"
    assert wording.format_number(Decimal("1E+2")) == "100"


def test_fee_sentence_states_zero_and_an_amount() -> None:
    assert wording.fee_sentence(2024, 0) == "2024年度，本机关未收取信息处理费。"
    assert wording.fee_sentence(2024, Decimal("12.50")) == (
        "2024年度，本机关共收取信息处理费12.50元。"
    )
    assert wording.FEE_TERM in wording.fee_sentence(2024, 3)


def test_the_old_import_places_still_work() -> None:
    from govreport import placeholders
    from govreport.document import official

    assert placeholders.official_date is wording.official_date
    assert official.FEE_TERM == wording.FEE_TERM
    assert official.format_number is wording.format_number
