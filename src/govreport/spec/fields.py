"""Chinese labels for the fields outside the three tables.

Headings come from :mod:`govreport.spec.headings` (never retyped); the rest
name data-file fields the way a civil servant knows them.
"""

from __future__ import annotations

from govreport.spec.headings import OVERVIEW_PARTS, official_heading, subsection_heading


def labels() -> dict[str, tuple[str, ...]]:
    overview = official_heading("overview")
    problems = official_heading("problems")
    other = official_heading("other")
    out: dict[str, tuple[str, ...]] = {
        "agency": ("机关信息",),
        "agency.name": ("机关信息", "机关名称"),
        "agency.level": ("机关信息", "行政级别"),
        "agency.has_rulemaking_power": ("机关信息", "是否有规章制定权"),
        "agency.contact": ("机关信息", "联系方式"),
        "agency.contact.address": ("机关信息", "联系方式", "地址"),
        "agency.contact.postcode": ("机关信息", "联系方式", "邮编"),
        "agency.contact.phone": ("机关信息", "联系方式", "电话"),
        "agency.contact.fax": ("机关信息", "联系方式", "传真"),
        "agency.contact.email": ("机关信息", "联系方式", "电子邮箱"),
        "agency.website": ("机关信息", "电子版发布网站"),
        "year": ("报告年度",),
        "published": ("发布日期",),
        "title_text": ("标题",),
        "signed": ("是否署名",),
        "source": ("来源文件",),
        "opening": ("引言",),
        "signatory": ("署名",),
        "extensions": ("扩展数据",),
        "overview": (overview,),
        "overview.intro": (overview, "概述"),
        "overview.parts": (overview, "自拟小标题部分"),
        "problems": (problems,),
        "problems.problems_intro": (problems, "存在的主要问题（引言）"),
        "problems.problems": (problems, "存在的主要问题"),
        "problems.improvements_intro": (problems, "改进情况（引言）"),
        "problems.improvements": (problems, "改进情况"),
        "problems.style": (problems, "列举方式"),
        "problems.parts": (problems, "原文段落"),
        "other": (other,),
        "other.text": (other, "正文"),
        "other.processing_fee": (other, "信息处理费（元）"),
        "proactive": (official_heading("proactive"),),
        "applications": (official_heading("applications"),),
        "review_litigation": (official_heading("review_litigation"),),
    }
    for i, (key, title) in enumerate(OVERVIEW_PARTS, 1):
        out[f"overview.{key}"] = (overview, subsection_heading(i, title))
    return out
