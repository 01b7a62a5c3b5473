"""A form flattened onto one run whose indicator rows close with 是/否 (loaders/parse/yes_no_rows.py),
the garbled header cells around it, and its money row read from the rate on.

The texts are made up in the shape of provincial 部门整体绩效自评表 copies found on
document sites: every row glued to the next, a label cut out of a name, page numbers
between rows, OCR noise in the header.
"""
import pytest

from loaders.parse.labels import garbled_header_field
from loaders.parse.report import parse_report
from loaders.parse.yes_no_rows import read_rows

HEADER = ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)",
          "指标权重(分)", "指标得分(分)", "是否核心指标"]


def rows(run, header=HEADER):
    found, warnings = read_rows(run, header)
    return [(r.name, r.target, r.actual, r.weight, r.score) for r in found], warnings


@pytest.mark.parametrize("run, expected", [
    ("在职人员控制率%定量指标100%96%100%33否", ("在职人员控制率", "100%", "96%", 3, 3)),
    # 调整指标值 empty, the actual 0 glued to the 系数 100%
    ("预算调整率%5%0100%22否", ("预算调整率", "5%", "0", 2, 2)),
    # three values: 年初, 调整, 全年完成
    ("接待群众人次人次500人次450人次480人次100%44是", ("接待群众人次", "500人次", "480人次", 4, 4)),
    # a copied qualitative grade
    ("制度执行有效性较好较好100%55否", ("制度执行有效性", "较好", "较好", 5, 5)),
    # the 系数 decides where weight ends: 8 × 50% = 4
    ("宣传覆盖率%90%45%50%84否", ("宣传覆盖率", "90%", "45%", 8, 4)),
])
def test_one_row(run, expected):
    found, _ = rows(run)
    assert found == [expected]


def test_rows_are_cut_at_yes_no_and_page_furniture_is_dropped():
    run = "资金到位率%100%100%100%55否绩效指标3、资产管理规范性好好100%22是信息公开%100%"
    found, _ = rows(run)
    assert found == [("资金到位率", "100%", "100%", 5, 5), ("资产管理规范性", "好", "好", 2, 2)]
    # the last row has no 是/否: cut off by the page, not read


def test_values_that_cannot_be_placed_are_left_empty_with_a_warning():
    found, warnings = rows("培训次数次12次100%55否")       # one value: 年初 or 完成?
    assert found == [("培训次数", None, None, 5, 5)]
    assert any("培训次数" in w for w in warnings)


@pytest.mark.parametrize("run, pair", [
    ("满意度%90%95%100%1111否", (11, 11)),      # 1|111 has 得分 > 权重; 111|1 has 权重 > 100
    ("满意度%90%95%100%9.59.5否", (9.5, 9.5)),  # the only cut where both are numbers
    ("满意度%90%95%100%1005否", (None, None)),  # 100|5 and 10|05? 05 is no number, but 100 × 100% ≠ 5
])
def test_weight_and_score_glued_together(run, pair):
    found, _ = rows(run)
    assert found[0][3:] == pair


def test_a_row_cut_off_by_the_page_is_not_read():
    found, _ = rows("满意度%90%95%100%105")
    assert found == []


def test_score_is_not_taken_when_the_ratio_disagrees():
    found, warnings = rows("满意度%90%95%50%55否")          # 5 × 50% ≠ 5
    assert found == [("满意度", "90%", "95%", None, None)]
    assert any("权重和得分" in w for w in warnings)


@pytest.mark.parametrize("text, context, field", [
    ("年成值全完值", "indicator", "actual"),          # two printed lines interleaved
    ("全年(If整)预算数", "money", "budget_full_year"),  # one character misread
    ("情况相)预资5", "money", None),
    ("年初", "indicator", None),
])
def test_garbled_header_cell(text, context, field):
    assert garbled_header_field(text, context) == field


FORM = (
    "某某县融媒体中心2022年度部门整体绩效自评表\n"
    "1、部门整体绩效自评表 主管部门 某某县委宣传部 自评总分(分) 96.5 部门预算执行情况 "
    "年初预算数全年(If整)预算数全年执行数执行率(%)执行率权重执行率得分(分)O85%108.5当年绩效目标\n"
    "2、指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
    "稿件播发数量篇定量指标1200篇1350篇100%1010是预算执行率%90%85%90%109否公用经费控制率%100%98%100%55否\n"
    "3、资产管理安全性好好100%55否固定资产利用率%95%100%100%55否新闻宣传"
)


def test_a_whole_flattened_department_form():
    report = parse_report(FORM, "form.txt")
    assert report.report_kind == "department"
    [table] = report.projects
    assert (table.execution_rate_pct, table.execution_weight, table.execution_score) == (85, 10, 8.5)
    assert table.budget_full_year is None and table.executed is None
    assert table.total_score == 96.5                        # the report's total, the table prints none
    assert report.department_budget["execution_rate_pct"] == 85
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert got == [
        ("稿件播发数量", "1200篇", "1350篇", 10, 10),
        ("预算执行率", "90%", "85%", 10, 9),
        ("公用经费控制率", "100%", "98%", 5, 5),
        ("资产管理安全性", "好", "好", 5, 5),
        ("固定资产利用率", "95%", "100%", 5, 5),
    ]
    assert [i.provenance["row"][0] for i in table.indicators] == [3, 3, 3, 4, 4]


CQ_HEADER = ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)",
             "指标权重(分)", "指标得分(分)", "是否核心指标"]
CQ_ROWS = [["财政供养人员控制率", "%", "定量指标", "100%", "", "92%", "100%", "2", "2", "否"],
           ["预算调整率", "%", "定量指标", "3%", "", "0", "100%", "2", "2", "否"],
           ["管理制度健全性", "", "定性指标", "高", "", "高", "100%", "3", "3", "否"],
           ["宣传覆盖率", "%", "定量指标", "90%", "", "45%", "50%", "8", "4", "是"]]


@pytest.mark.parametrize("how", ["tab", "pipe", "cells"])
def test_the_same_form_as_a_table_with_its_cells_apart(how):
    """Not flattened: the cells keep their separators; 定量指标 is no value, 3% / 0 and 高 / 高
    are two cells, the 系数 is not the actual, 是/否 closes the row."""
    rows = [CQ_HEADER, *CQ_ROWS]
    if how == "tab":
        body = "\n".join("\t".join(r) for r in rows)
    elif how == "pipe":
        body = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    else:
        body = "\n".join(c for r in rows for c in r if c)
    report = parse_report("某某区融媒体中心2021年部门整体绩效自评表\n" + body + "\n", "t.txt")
    [table] = report.projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("财政供养人员控制率", "100%", "92%", 2, 2), ("预算调整率", "3%", "0", 2, 2),   # 0 as written
        ("管理制度健全性", "高", "高", 3, 3), ("宣传覆盖率", "90%", "45%", 8, 4)]
