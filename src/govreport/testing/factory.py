"""Complete, consistent reports built in code, for tests that need no data file.

The numbers are those of the real 平潭综合实验区 2024 report, which passes
every arithmetic rule.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from govreport.model import (
    AdminLevel,
    Agency,
    AnnualReport,
    ApplicantCounts,
    Applications,
    Contact,
    DocumentCounts,
    NotProcessed,
    OtherHandling,
    OtherMatters,
    Outcomes,
    Overview,
    ProactiveDisclosure,
    ProblemsAndImprovements,
    Results,
    ReviewLitigation,
    Unavailable,
    Withheld,
)


def _row(natural: int, commercial: int = 0) -> ApplicantCounts:
    return ApplicantCounts(natural_person=natural, commercial_enterprise=commercial)


def sample_report(**changes: Any) -> AnnualReport:
    """A full report that passes every rule; keyword arguments replace top-level fields."""
    report = AnnualReport(
        agency=Agency(
            name="平潭综合实验区管理委员会",
            level=AdminLevel.CITY_GOVERNMENT,
            has_rulemaking_power=False,
            contact=Contact(
                address="平潭综合实验区行政服务中心", postcode="350400", phone="0591-00000000"
            ),
            website="平潭综合实验区门户网站",
        ),
        year=2024,
        published=date(2025, 3, 10),
        overview=Overview(
            intro="2024年，实验区持续深化政务公开。",
            proactive="全年主动公开各类政府信息10407条。",
            on_request="全年办理政府信息公开申请{{ applications.received.total }}件。",
            information_management="动态更新发布本年度制发行政规范性文件62件。",
            platforms="对5个政务新媒体予以关停注销。",
            supervision="坚持把政务公开工作纳入绩效考核体系。",
        ),
        proactive=ProactiveDisclosure(
            rules=DocumentCounts(),
            normative_documents=DocumentCounts(issued=62, repealed=33, in_force=440),
            licensing=4529,
            punishment=1100,
            coercion=65,
            fees=Decimal("18651.06"),
        ),
        applications=Applications(
            received=_row(217, 1),
            results=Results(
                disclosed=_row(71),
                partially_disclosed=_row(29),
                withheld=Withheld(
                    state_secret=_row(4), third_party_rights=_row(3), internal_affairs=_row(32)
                ),
                unavailable=Unavailable(not_held=_row(75)),
                not_processed=NotProcessed(repeated=_row(1)),
                other_handling=OtherHandling(not_corrected=_row(1), other=_row(1, 1)),
            ),
        ),
        review_litigation=ReviewLitigation(
            review=Outcomes(upheld=2, corrected=1, other=3, pending=1),
            litigation_after_review=Outcomes(upheld=13, corrected=2, other=4),
        ),
        problems=ProblemsAndImprovements(
            problems_intro="政府信息公开工作仍存在不足：",
            problems=("工作机制有待进一步完善", "政策解读形式仍需创新"),
            improvements_intro="2025年，将重点从以下方面做好改进：",
            improvements=("优化主动公开目录", "增强政策解读效果", "加快数字化转型"),
        ),
        other=OtherMatters(text="", processing_fee=Decimal(0)),
    )
    return attrs.evolve(report, **changes) if changes else report


def zero_report(**changes: Any) -> AnnualReport:
    """A township report with every number zero and no narrative."""
    report = AnnualReport(
        agency=Agency(name="某某镇人民政府", level=AdminLevel.TOWNSHIP), year=2024
    )
    return attrs.evolve(report, **changes) if changes else report
