"""Scoring tables of third-party and department-wide evaluations: a 评分标准 / 指标说明 text
column beside 分值 and 得分, level labels that carry their own points (投入 | 13), in the
three ways a table arrives as text (tab rows, pipe rows, one cell per line).

Made-up tables in the shape of the Hunan 部门整体支出绩效评价指标表 and of the 决策 / 过程 /
产出 evaluation frameworks third-party evaluators use.
"""
import pytest

from loaders.parse.report import parse_report

ROWS = [
    ("决策", "项目立项", "立项依据充分性", "3", "项目立项符合国家法律法规、国民经济发展规划和相关政策，得1分；符合行业发展规划和政策要求，得1分；与部门职责范围相符，得1分。", "3"),
    ("", "", "立项程序规范性", "2", "按照规定的程序申请设立，得1分；审批文件、材料符合相关要求，得1分。", "1.5"),
    ("", "绩效目标", "绩效目标合理性", "3", "项目有绩效目标，得1分；与实际工作内容具有相关性，得1分。", "2"),
    ("过程", "资金管理", "资金到位率", "4", "资金到位率=实际到位资金/预算资金×100%，得分=资金到位率×4分。", "4"),
    ("", "", "预算执行率", "5", "预算执行率=实际支出资金/实际到位资金×100%，得分=预算执行率×5分。", "4.6"),
    ("产出", "产出数量", "培训人次", "10", "完成培训2000人次以上得满分，每少100人次扣1分。", "9"),
]
EXPECTED = [("决策", "项目立项", "立项依据充分性", 3, 3), ("决策", "项目立项", "立项程序规范性", 2, 1.5),
            ("决策", "绩效目标", "绩效目标合理性", 3, 2), ("过程", "资金管理", "资金到位率", 4, 4),
            ("过程", "资金管理", "预算执行率", 5, 4.6), ("产出", "产出数量", "培训人次", 10, 9)]
TITLE = "某某市财政局关于2023年某某专项资金的绩效评价报告\n评价指标体系及得分情况\n"


def layout(header, rows, how):
    if how == "tab":
        return "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    if how == "pipe":
        return "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    return "\n".join(c for r in [header, *rows] for c in r if c) + "\n"    # one cell per line


def read(text):
    [project] = parse_report(text, "t.txt").projects
    return project, [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators]


@pytest.mark.parametrize("how", ["tab", "pipe", "cells"])
def test_criteria_column_between_weight_and_score(how):
    header = ("一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分")
    project, got = read(TITLE + layout(header, ROWS, how) + layout(("总分", "100", "88.1"), [], how))
    assert got == EXPECTED
    assert project.name == "2023年某某专项资金"
    assert project.total_score == 88.1          # not the 100 of the 分值 column


@pytest.mark.parametrize("how", ["tab", "pipe", "cells"])
def test_criteria_columns_before_the_weight(how):
    header = ("一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "得分")
    rows = [(a, b, c, "反映项目立项情况。", e, w, s) for a, b, c, w, e, s in ROWS]
    _, got = read(TITLE + layout(header, rows, how))
    assert got == EXPECTED


@pytest.mark.parametrize("how", ["tab", "pipe", "cells"])
def test_level_labels_carrying_their_points(how):
    header = ("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "指标说明", "得分")
    rows = [
        ("投入", "13", "预算配置", "13", "在职人员控制率", "5", "在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分。", "在职人员控制率=在职人员数/编制数×100%。", "5"),
        ("", "", "", "", "“三公经费”变动率", "8", "“三公经费”变动率≤0，计8分；每超过一个百分点扣0.8分。", "本年度与上年度“三公经费”预算数之比。", "8"),
        ("过程", "61", "预算执行", "20", "预算完成率", "5", "100%计满分，每低于5%扣2分，扣完为止。", "预算完成率=预算完成数/预算数×100%。", "4"),
    ]
    text = "某某区2022年度部门（单位）整体支出绩效评价自评报告\n部门整体支出绩效评价指标表\n" + layout(header, rows, how)
    _, got = read(text)
    assert got == [("投入", "预算配置", "在职人员控制率", 5, 5), ("投入", "预算配置", "“三公经费”变动率", 8, 8),
                   ("过程", "预算执行", "预算完成率", 5, 4)]
