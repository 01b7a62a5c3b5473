"""The 项目支出绩效自评表 as rows of cell texts, shared by every renderer.

One table model, printed many ways (tab rows, one cell per line, pipe table, Word
table, worksheet, PDF table), so all formats state the same values. Merged label
cells (一级 / 二级指标) appear once, on the first row of their group, as in real forms.
"""
from __future__ import annotations

from loaders.demo.model import DemoDocument, PrintStyle
from loaders.records import Project

Rows = list[list[str]]


def fmt_number(value: float | None, decimals: int = 2) -> str:
    """`decimals` 2 → "4.00"; 0 → the shortest exact form ("4", "20.9")."""
    if value is None:
        return ""
    if decimals:
        return f"{value:.{decimals}f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fmt_money(value: float | None, style: PrintStyle) -> str:
    if value is None:
        return ""
    if style.money_unit == "元":
        return f"{value * 10000:,.2f}" if style.money_decimals else f"{value * 10000:.2f}"
    return fmt_number(value, style.money_decimals)


def fmt_rate(value: float | None, style: PrintStyle) -> str:
    if value is None:
        return ""
    if style.rate_style == "pct2":
        return f"{value:.2f}%"
    if style.rate_style == "pct":
        return fmt_number(value, 0) + "%"
    return fmt_number(value, 0)


def fmt_score(value: float | None) -> str:
    return fmt_number(value, 0)


def project_table(doc: DemoDocument, project: Project) -> Rows:
    """Every row of one project's self-evaluation table, top to bottom."""
    style = doc.style
    rows: Rows = [["项目支出绩效自评表"], [f"（{doc.report.year}年度）"], ["项目名称", project.name],
                  ["主管部门", doc.report.agency, "实施单位", doc.report.agency]]
    rows += money_rows(project, style)
    goal, result = doc.goals.get(project.name, ("", ""))
    rows += [["年度总体目标", "预期目标", "实际完成情况"], ["", goal, result]]
    rows += indicator_rows(project, style)
    weight_total = sum(i.weight or 0 for i in project.indicators) + (project.execution_weight or 0)
    rows.append(["总分", fmt_score(weight_total), fmt_score(project.total_score)])   # merged cells appear once
    if doc.report.report_kind == "project" and doc.report.grade and style.grade_in_table:
        rows.append(["自评等级", doc.report.grade])
    return rows


def money_rows(project: Project, style: PrintStyle) -> Rows:
    money, rate = (lambda v: fmt_money(v, style)), (lambda v: fmt_rate(v, style))
    total = [project.budget_full_year, project.executed, project.execution_weight,
             project.execution_rate_pct, project.execution_score]
    sub = project.money_rows[1] if len(project.money_rows) > 1 else None
    if style.header == "ab":
        head = [f"资金情况（{style.money_unit}）", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"]
        first = ["年度资金总额：", money(total[0]), money(total[1]), fmt_score(total[2]), rate(total[3]), fmt_score(total[4])]
        second = ["其中：本年财政拨款", money(sub.budget_full_year), money(sub.executed), "", "", ""] if sub else []
        return [head, first, second, ["其他资金", "", "", "", "", ""]]
    head = [f"项目资金（{style.money_unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    first = ["年度资金总额", money(project.budget_initial), money(total[0]), money(total[1]),
             fmt_score(total[2]), rate(total[3]), fmt_score(total[4])]
    second = (["其中：本年财政拨款", money(sub.budget_initial), money(sub.budget_full_year), money(sub.executed),
               "—", rate(sub.execution_rate_pct), "—"] if sub else [])
    blank = ["", "", "", "—", "", "—"]
    return [head, first, second, ["上年结转资金", *blank], ["其他资金", *blank]]


def indicator_rows(project: Project, style: PrintStyle) -> Rows:
    weight_first = style.header == "ab"      # the (A)/(B) form puts 分值 before 年度指标值
    if weight_first:
        rows = [["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                 "未完成原因及拟采取的改进措施"]]
    else:
        rows = [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"]]
    last1 = last2 = None
    for ind in project.indicators:
        l1 = ind.level1 if ind.level1 != last1 else ""
        l2 = ind.level2 if (ind.level2 != last2 or l1) else ""
        last1, last2 = ind.level1, ind.level2
        w, s = fmt_score(ind.weight), fmt_score(ind.score)
        cells = [w, ind.target, ind.actual, s] if weight_first else [ind.target, ind.actual, w, s]
        rows.append([l1, l2, ind.name, *cells, ind.deviation_reason or ""])
    return rows
