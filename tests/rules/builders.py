"""Report builders shared by the rule tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from govreport.model import (
    AnnualReport,
    ApplicantCounts,
    Applications,
    DocumentCounts,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Results,
    ReviewLitigation,
    Unavailable,
    Withheld,
)
from govreport.rules.base import Finding, RuleContext
from govreport.rules.plugin import BUILTIN_RULES
from govreport.testing import sample_report

# 平潭综合实验区 2025 report, 一（二）依申请公开, verbatim. Source:
# https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm
PINGTAN_2025_ON_REQUEST = (
    "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。"
    "全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。"
)
# 平潭 2024, same part. Source:
# https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm
PINGTAN_2024_ON_REQUEST = (
    "规范做好申请登记、审查、办理、答复、归档等工作，强化服务理念，提高答复质量。"
    "主动加强与申请人沟通，了解实质诉求，耐心细致为群众释疑并合理引导。"
    "强化与区直各部门协调联动，畅通信息查找渠道，满足企业、群众个性化政府信息需求。"
    "全年办理政府信息公开申请218件。"
)


def _row(natural: int, commercial: int = 0) -> ApplicantCounts:
    return ApplicantCounts(natural_person=natural, commercial_enterprise=commercial)


def pingtan_2025() -> AnnualReport:
    """The real 平潭 2025 tables (shared/samples/2025_pingtan.json) on the sample report."""
    base = sample_report()
    return attrs.evolve(
        base,
        year=2025,
        published=date(2026, 3, 13),
        overview=attrs.evolve(base.overview, on_request=PINGTAN_2025_ON_REQUEST),
        proactive=attrs.evolve(
            base.proactive,
            normative_documents=DocumentCounts(issued=58, repealed=45, in_force=546),
            licensing=2418,
            punishment=644,
            coercion=64,
            fees=Decimal("4166.241619"),
        ),
        applications=Applications(
            received=_row(151, 3),
            results=Results(
                disclosed=_row(33),
                partially_disclosed=_row(38),
                withheld=Withheld(
                    internal_affairs=_row(3),
                    process_information=_row(2),
                    enforcement_case_files=_row(3),
                    query_matters=_row(3),
                ),
                unavailable=Unavailable(not_held=_row(49, 1), requires_creation=_row(3)),
                not_processed=NotProcessed(complaints=_row(2)),
                other_handling=OtherHandling(
                    not_corrected=_row(8), fee_unpaid=_row(2), other=_row(1)
                ),
            ),
            carried_forward=_row(4, 2),
        ),
        review_litigation=ReviewLitigation(
            review=Outcomes(upheld=25, corrected=3, other=8),
            litigation_direct=Outcomes(upheld=3, corrected=3),
            litigation_after_review=Outcomes(upheld=3),
        ),
    )


def run(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    stated: dict[str, int | Decimal] | None = None,
    code: str | None = None,
) -> list[Finding]:
    """All built-in findings (or one rule's) for a report."""
    ctx = RuleContext(report, previous, stated or {})
    return [f for rule in BUILTIN_RULES if code in (None, rule.code) for f in rule.check(ctx)]
