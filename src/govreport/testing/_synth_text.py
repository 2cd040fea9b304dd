"""The narrative of a synthetic report, from a bank of the phrases real reports use.

Each part of 一 is a few hundred characters; a figure the text quotes is the
table's own (收到申请、办结、结转、行政复议、行政诉讼、行政规范性文件), so the
narrative rules (N1–N7) stay quiet on a valid report.  No phrase in the bank
holds a count before 件 or 起 (一件, 一起): a count the rules could read is
always one of the table's.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

_INTRO = (
    "{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国"
    "政府信息公开条例》和上级关于政务公开工作的部署要求，",
    "围绕中心工作和群众关切，持续深化政务公开，不断提升政府信息公开的标准化规范化水平，",
    "以公开促落实、以公开促规范、以公开促服务，切实保障人民群众的知情权、参与权、表达权和监督权，",
    "进一步健全政务公开工作机制，压实工作责任，推动政府信息公开工作取得新成效，",
    "紧扣法治政府建设要求，把政务公开融入行政权力运行全过程，",
)
_PROACTIVE = (
    "发挥政府门户网站公开政府信息的第一平台作用，及时发布政策文件、工作动态和通知公告。",
    "重点围绕财政预决算、重大建设项目、公共资源配置、社会公益事业等领域，做好信息公开工作。",
    "坚持政策文件与解读材料同步组织、同步审签、同步部署，通过图文、视频、问答等形式开展政策解读。",
    "及时回应社会关切，对涉及群众切身利益的热点问题，第一时间发布权威信息。",
    "规范行政许可、行政处罚等执法信息公示，做到应公开尽公开。",
    "加强民生领域信息公开，主动公开就业、教育、医疗、养老、住房保障等方面的政策和办事指南。",
)
_ON_REQUEST = (
    "严格落实依申请公开登记、审核、办理、答复、归档等工作制度，规范答复文书格式。",
    "畅通网络、信函、当面提交等申请渠道，为申请人提供便利。",
    "对疑难复杂申请，加强与法律顾问的沟通会商，确保答复合法、规范、及时。",
    "加强对申请人诉求的分析研判，将依申请公开中反映集中的信息及时转为主动公开。",
)
_MANAGEMENT = (
    "严格执行公文公开属性源头认定制度，在公文拟制阶段明确公开属性。",
    "落实信息发布保密审查和三审制度，坚持先审查、后公开，一事一审、全面审查。",
    "动态调整政府信息公开指南和主动公开目录，确保目录内容准确、完整。",
    "定期开展网站内容检查，及时清理过时信息，防止信息泄露和错误发布。",
    "做好行政规范性文件合法性审核和定期清理工作，并在网站集中公开。",
)
_PLATFORMS = (
    "持续优化政府信息公开专栏，完善栏目设置，提升检索查询和无障碍浏览功能。",
    "加强政务新媒体建设管理，统一发布标准，做到内容健康、更新及时、互动规范。",
    "利用政务服务大厅、便民服务中心等场所设置政府信息查阅点，方便群众就近查阅。",
    "推进政府网站集约化建设，强化安全防护，保障平台平稳运行。",
    "通过微信公众号、短视频平台等新媒体渠道拓宽信息发布途径，扩大信息传播覆盖面。",
)
_SUPERVISION = (
    "将政务公开工作纳入年度绩效考核，明确分管领导和具体工作人员，形成一级抓一级的工作格局。",
    "组织开展政务公开业务培训，提升工作人员的业务能力和保密意识。",
    "主动接受社会监督，认真听取群众意见建议，对发现的问题及时整改。",
    "建立政务公开工作责任追究制度，全年未发生因政府信息公开工作引发的责任追究情况。",
    "定期开展政务公开工作自查，对照考核指标逐项整改，推动工作落到实处。",
)
_PROBLEMS = (
    "政策解读的形式不够丰富，图解、视频等解读方式运用不多",
    "部分栏目信息更新不够及时，内容的完整性和时效性有待提高",
    "依申请公开答复的规范化水平仍需提升",
    "工作人员的业务能力有待加强，对条例的理解把握还不够深入",
    "主动公开的深度和广度不够，与群众需求还有一定差距",
    "政务新媒体的互动回应功能发挥不够充分",
    "基层政务公开标准化规范化建设仍有短板",
)
_IMPROVEMENTS = (
    "丰富政策解读形式，多用图表图解、音频视频等群众喜闻乐见的方式开展解读",
    "建立信息更新台账，明确责任人和更新时限，确保信息发布及时准确",
    "规范依申请公开办理流程，加强答复文书的合法性审查",
    "加强业务培训，定期组织学习条例及相关配套制度，提升工作人员业务水平",
    "围绕群众关心关注的重点领域，进一步拓展公开内容，提高公开质量",
    "加强政务新媒体管理，及时回应网民关切",
    "对照基层政务公开标准目录，持续完善公开事项清单",
)
_OTHER = (
    "本年度无其他需要报告的事项。",
    "本年度未发生其他需要报告的事项。",
    "全年办理人大代表建议和政协委员提案，办理结果按规定予以公开。",
    "",
)


class Figures(NamedTuple):
    """What the narrative may quote, as the tables give it."""

    received: int
    completed: int
    carried_forward: int
    review: int
    litigation: int
    issued: int
    in_force: int


def _pick(rng: random.Random, bank: Sequence[str], low: int, high: int) -> str:
    return "".join(rng.sample(bank, rng.randint(low, min(high, len(bank)))))


def _on_request(rng: random.Random, year: int, who: str, f: Figures, quoted: int | None) -> str:
    """（二）依申请公开, quoting the applications as the table gives them.

    ``quoted`` replaces the number of applications received (rule N1's broken report).
    """
    head = _pick(rng, _ON_REQUEST, 1, 3)
    if quoted is None and f.received == 0:
        said = f"{year}年，{who}未收到政府信息公开申请。"
    else:
        said = f"{year}年，{who}共新收政府信息公开申请{f.received if quoted is None else quoted}件"
        said += f"，办结{f.completed}件" if f.completed else ""
        said += (
            f"，{f.carried_forward}件结转至{year + 1}年继续办理。" if f.carried_forward else "。"
        )
    if f.review or f.litigation:
        said += f"因政府信息公开被申请行政复议{f.review}件，被提起行政诉讼{f.litigation}件。"
    else:
        said += "全年未发生因政府信息公开引起的行政复议、行政诉讼情况。"
    return head + said


def _management(rng: random.Random, year: int, f: Figures) -> str:
    text = _pick(rng, _MANAGEMENT, 2, 4)
    if f.issued or f.in_force:
        text += (
            f"{year}年，制发行政规范性文件{f.issued}件，"
            f"截至年底现行有效行政规范性文件{f.in_force}件。"
        )
    return text


def overview(
    rng: random.Random,
    *,
    year: int,
    who: str,
    items: int,
    figures: Figures,
    quoted: int | None = None,
) -> dict[str, str]:
    """一、总体情况: the intro and the five customary sub-parts."""
    # The sentence naming the year and the agency opens the intro; others follow in any order.
    intro = (_INTRO[0] + "".join(rng.sample(_INTRO[1:], rng.randint(1, 3)))).format(
        year=year, self=who
    )
    return {
        "intro": intro.rstrip("，") + "。",
        "proactive": f"{year}年，{who}共主动公开政府信息{items}条。" + _pick(rng, _PROACTIVE, 2, 5),
        "on_request": _on_request(rng, year, who, figures, quoted),
        "information_management": _management(rng, year, figures),
        "platforms": _pick(rng, _PLATFORMS, 2, 4),
        "supervision": _pick(rng, _SUPERVISION, 2, 4),
    }


def problems(rng: random.Random, year: int) -> dict[str, object]:
    """五、存在的主要问题及改进情况: 2–4 problems, 2–4 improvements."""
    return {
        "problems_intro": f"{year}年，政府信息公开工作取得了一定成效，但仍存在一些不足：",
        "problems": rng.sample(_PROBLEMS, rng.randint(2, 4)),
        "improvements_intro": f"{year + 1}年，将重点从以下方面做好改进：",
        "improvements": rng.sample(_IMPROVEMENTS, rng.randint(2, 4)),
        "style": rng.choice(("enumerated", "enumerated", "paragraphs")),
    }


def other(rng: random.Random, year: int, fee: Decimal) -> str:
    """六: a customary sentence and the 信息处理费 one, stating ``fee``."""
    if fee:
        sentence = f"{year}年度，本机关共收取信息处理费{fee}元。"
    else:
        sentence = rng.choice(
            (
                f"{year}年度，本机关未收取信息处理费。",
                "按照《政府信息公开信息处理费管理办法》规定，本年度未收取信息处理费。",
            )
        )
    return rng.choice(_OTHER) + sentence
