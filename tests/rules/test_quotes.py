from govreport.rules.quotes import Direction, Quantity, chinese_number, quotes


def _found(text, year=2024):
    return [(q.quantity, q.value, q.direction) for q in quotes(text, year)]


def test_chinese_numerals():
    assert chinese_number("十七") == 17
    assert chinese_number("二百一十八") == 218
    assert chinese_number("九十五") == 95
    assert chinese_number("一万零五") == 10005


def test_application_phrasings():
    assert _found("全年办理政府信息公开申请218件。") == [
        (Quantity.APPLICATIONS, 218, Direction.UNKNOWN)
    ]
    assert _found("我镇共收到依申请公开件23件") == [(Quantity.APPLICATIONS, 23, Direction.UNKNOWN)]
    assert _found("共受理17件依申请公开") == [(Quantity.APPLICATIONS, 17, Direction.UNKNOWN)]
    assert _found("受理申请１７件") == [(Quantity.APPLICATIONS, 17, Direction.UNKNOWN)]
    assert _found("收到申请二十一件") == [(Quantity.APPLICATIONS, 21, Direction.UNKNOWN)]


def test_review_counted_before_application_wording():
    assert _found("全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。") == [
        (Quantity.REVIEW, 36, Direction.UNKNOWN),
        (Quantity.LITIGATION, 9, Direction.UNKNOWN),
    ]


def test_carried_direction():
    assert _found("结转至2025年6件") == [(Quantity.CARRIED, 6, Direction.FORWARD)]
    assert _found("有2件结转至2025年继续办理") == [(Quantity.CARRIED, 2, Direction.FORWARD)]
    assert _found("上年结转申请3件") == [(Quantity.CARRIED, 3, Direction.OVER)]
    assert _found("结转6件") == [(Quantity.CARRIED, 6, Direction.UNKNOWN)]
    # Any later year is next year's business, any earlier one last year's.
    assert _found("结转至2026年6件") == [(Quantity.CARRIED, 6, Direction.FORWARD)]
    assert _found("从2023年结转3件") == [(Quantity.CARRIED, 3, Direction.OVER)]


def test_not_quoted_counts_are_ignored():
    for text in (
        "其中23件为自然人申请",  # a share, not the total
        "同比增加受理申请5件",  # a comparison
        "行政复议和行政诉讼各0件",  # two quantities at once
        "行政复议被纠正1件",  # an outcome, not the total
        "2023年收到申请100件",  # another year
        "收到申请近200件",  # approximate
    ):
        assert _found(text) == [], text
