"""Font names as PDFs carry them, recognised as the faces GB/T 9704 names."""

from __future__ import annotations

import pytest

from govreport.layoutcheck.faces import Face, base_name, face_of


@pytest.mark.parametrize(
    ("fontname", "face"),
    [
        ("CAAAAA+FandolFang-Regular", Face.FANGSONG),
        ("FangSong_GB2312", Face.FANGSONG),
        ("FZFSK--GBK1-0", Face.FANGSONG),
        ("ABCDEF+FandolKai-Regular", Face.KAITI),
        ("KaiTi_GB2312", Face.KAITI),
        ("FZKTK--GBK1-0", Face.KAITI),
        ("SimHei", Face.HEITI),
        ("BCDPNJ+NotoSansCJKsc-Regular", Face.HEITI),
        ("DAAAAA+NotoSansCJKjp-Regular-VKana", Face.HEITI),
        ("FZHTK--GBK1-0", Face.HEITI),
        ("SimSun", Face.SONGTI),
        ("NotoSerifCJKsc-Bold", Face.SONGTI),
        ("FZXBSJW--GB1-0", Face.SONGTI),
        ("TimesNewRomanPSMT", Face.LATIN),
        ("LiberationSerif", Face.LATIN),
        ("MicrosoftYaHei", Face.OTHER),
        ("LibertinusSerif-Regular", Face.OTHER),
        ("DejaVuSans", Face.OTHER),
    ],
)
def test_face_of_a_postscript_name(fontname: str, face: Face) -> None:
    assert face_of(fontname) is face


def test_a_chinese_name_written_in_gbk_is_read_as_such() -> None:
    """pdfminer gives the GBK bytes of 仿宋_GB2312 as Latin-1 characters."""
    garbled = "仿宋_GB2312".encode("gbk").decode("latin-1")
    assert base_name("ABCDEF+" + garbled) == "仿宋_GB2312"
    assert face_of(garbled) is Face.FANGSONG
    assert face_of("楷体_GB2312".encode("gbk").decode("latin-1")) is Face.KAITI
