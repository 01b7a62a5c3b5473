"""The narrative parts of a report, as paragraphs: shared by the txt, docx and pdf renderers.

A paragraph states a figure only when the truth record holds it, so prose-only
documents ("narrative" layout) carry exactly the truth's numbers and no others.
"""
from __future__ import annotations

from loaders.demo import catalog as cat
from loaders.demo.model import DemoDocument
from loaders.demo.tables import fmt_number
from loaders.records import Project

CN_NUMS = "一二三四五六七八九十"


def money(v: float | None, decimals: int) -> str:
    return fmt_number(v, decimals) + "万元"


def title(doc: DemoDocument) -> str:
    r = doc.report
    if r.report_kind == "project":
        name = r.projects[0].name
        return f"{r.agency}{name}绩效自评报告" if doc.layout == "narrative" else f"{r.agency}{r.year}年度项目支出绩效自评表"
    return f"{r.agency}{r.year}年度部门整体支出绩效自评报告"


def furniture(doc: DemoDocument) -> list[str]:
    """Site boilerplate that government web pages put above the text."""
    return [f"发布日期：{doc.report_date}    索引号：{abs(hash_text(doc.stem)) % 10**8:08d}/{doc.report.year + 1}-00{doc.report.year % 7}",
            f"发布机构：{doc.report.region}人民政府", ""]


def hash_text(text: str) -> int:
    """A stable hash (Python's hash() is salted per process; demo output must not vary)."""
    value = 0
    for ch in text:
        value = (value * 131 + ord(ch)) % 2**31
    return value


def intro(doc: DemoDocument) -> list[str]:
    r = doc.report
    what = "项目支出" if r.report_kind == "project" else "部门整体支出"
    return [f"根据{r.region}财政局《关于开展{r.year}年度预算绩效自评工作的通知》要求，{r.agency}对{r.year}年度"
            f"{what}开展了绩效自评，现将有关情况报告如下："]


def department_sections(doc: DemoDocument) -> list[str]:
    """一、部门概况 / 二、预算执行情况 / 三、自评结论, as a 部门整体支出 report states them."""
    r, d, dec = doc.report, doc.report.department_budget or {}, doc.style.money_decimals
    out = ["一、部门基本情况", f"{r.agency}是{r.region}{doc.sector}领域的预算单位，纳入部门预算编制范围，"
           "内设综合办公室、财务室及业务股室，经费保障形式为财政拨款。",
           "二、部门预算执行情况",
           f"{r.year}年全年预算数{money(d.get('budget'), dec)}，其中，基本支出预算数{money(d.get('basic_budget'), dec)}，"
           f"项目支出预算数{money(d.get('project_budget'), dec)}。资金总体支出{money(d.get('executed'), dec)}，其中，"
           f"基本支出{money(d.get('basic_expenditure'), dec)}，项目支出{money(d.get('project_expenditure'), dec)}。"
           f"预算执行率为{fmt_number(d.get('execution_rate_pct'))}%。",
           f"年末结转结余{money(d.get('carryover'), dec)}，结转结余率为{fmt_number(d.get('carryover_rate_pct'))}%。",
           "三、部门整体绩效目标实现情况",
           "结合年度绩效目标，本部门基本完成既定产出目标，各项重点工作按计划推进，资金使用规范。"]
    if r.total_score is not None:
        out += ["四、自评结论", f"经自评，{r.agency}{r.year}年度部门整体支出绩效自评得分{fmt_number(r.total_score, 0)}分，"
                f"评价等级为“{r.grade}”。"]
    return out


def project_sections(doc: DemoDocument, project: Project, *, numbered: str = "") -> list[str]:
    """A project's figures, indicators and score in prose only (no table)."""
    dec, rate = doc.style.money_decimals, project.execution_rate_pct
    money_parts = []
    if project.budget_initial is not None:
        money_parts.append(f"年初预算数为{money(project.budget_initial, dec)}")
    money_parts.append(f"全年预算数为{money(project.budget_full_year, dec)}")
    money_parts.append(f"全年执行数为{money(project.executed, dec)}")
    out = [f"{numbered}{project.name}",
           f"（一）项目资金情况。本项目{'，'.join(money_parts)}，预算执行率为{fmt_number(rate)}%。",
           "（二）绩效指标完成情况。"]
    groups: dict[str, list] = {}
    for ind in project.indicators:
        groups.setdefault(ind.level1, []).append(ind)
    for k, (level1, inds) in enumerate(groups.items()):
        out.append(f"{k + 1}.{level1}完成情况。")
        for j, ind in enumerate(inds):
            out.append(f"（{j + 1}）{ind.level2}：{ind.name}，年度指标值为{ind.target}，实际完成值为{ind.actual}。")
    if project.total_score is not None:
        grade = f"，评价等级为“{doc.report.grade}”" if doc.report.report_kind == "project" and doc.report.grade else ""
        out.append(f"（三）自评结论。本项目自评得分为{fmt_number(project.total_score, 0)}分{grade}。")
    return out


def closing(doc: DemoDocument) -> list[str]:
    problems = [cat.PROBLEMS[(hash_text(doc.report.agency) + i) % len(cat.PROBLEMS)] for i in range(2)]
    measures = [cat.MEASURES[(hash_text(doc.report.agency) + i) % len(cat.MEASURES)] for i in range(2)]
    return ["存在的问题", *[f"{i + 1}.{p}" for i, p in enumerate(problems)],
            "下一步改进措施", *[f"{i + 1}.{m}" for i, m in enumerate(measures)],
            "", doc.report.agency, doc.report_date]
