"""Rows of a table flattened onto one line without separators (loaders/parse/flattened.py).

Each case is a run as a web page's copy of a form prints it; a reading is accepted only
when exactly one way of cutting it fits the header's column order and the form's rules.
"""
import pytest

from loaders.parse.flattened import split_row_blob

COLUMNS = ["name", "weight", "target", "actual", "score", "reason"]


def row(name, weight, target, actual, score, **extra):
    return {"name": name, "weight": weight, "target": target, "actual": actual, "score": score, **extra}


@pytest.mark.parametrize("blob, expected", [
    # a unit written right after a number belongs to it, not to the next cell
    ("实施一事一议项目13≥8个达到13", [row("实施一事一议项目", "13", "≥8个", "达到", "13")]),
    ("项目总成本控制在预算内10≤242.04万元238.48万元10",
     [row("项目总成本控制在预算内", "10", "≤242.04万元", "238.48万元", "10")]),
    ("道路清扫保洁面积10≥470万平方米489万平方米10",
     [row("道路清扫保洁面积", "10", "≥470万平方米", "489万平方米", "10")]),
    # a date or a closing word after the number is part of the value
    ("项目完成时间1212月31日前按期完成12", [row("项目完成时间", "12", "12月31日前", "按期完成", "12")]),
    ("响应时间58小时内6小时5", [row("响应时间", "5", "8小时内", "6小时", "5")]),
    # a name may start with a number; the score before it is told apart by 得分 ≤ 分值
    ("家庭医生签约人数10≥32430人36114人1065岁及以上老年人健康管理人数10≥16610人18517人10",
     [row("家庭医生签约人数", "10", "≥32430人", "36114人", "10"),
      row("65岁及以上老年人健康管理人数", "10", "≥16610人", "18517人", "10")]),
    # the longest fixed phrase ends the target: 部分完成, not 完成
    ("群众文化生活10丰富多彩部分完成8", [row("群众文化生活", "10", "丰富多彩", "部分完成", "8")]),
    ("城市市容市貌30明显改善效果明显30", [row("城市市容市貌", "30", "明显改善", "效果明显", "30")]),
    # the last row's reason trails the run and is kept as written
    ("村民满意度10≥90%完成9.2受客观因素影响，部分任务未完成。",
     [row("村民满意度", "10", "≥90%", "完成", "9.2", reason="受客观因素影响，部分任务未完成。")]),
])
def test_one_reading_is_found(blob, expected):
    assert split_row_blob(blob, COLUMNS) == expected


@pytest.mark.parametrize("blob", [
    "基层医疗服务能力15稳步提升有效提升15",     # two unknown phrases: where the target ends is a guess
    "群众文化生活10丰富多彩大部分完成8",          # 大 may belong to the actual (大部分完成)
    "设备采购数量1073510",                     # 7|35|10 or 73|5|10: digits cut anywhere
])
def test_a_run_with_more_than_one_reading_is_not_read(blob):
    assert split_row_blob(blob, COLUMNS) is None


def test_reason_is_read_only_when_it_is_the_last_column():
    blob = "村民满意度10≥90%完成9.2受客观因素影响"
    assert split_row_blob(blob, ["name", "weight", "target", "actual", "reason", "score"]) is None


def test_a_score_and_a_name_are_not_read_as_a_name_starting_with_a_number():
    blob = "维护乡村道路13≥31公里35公里13保障村级组织运转个数13≥18个17个12.3受客观因素影响，部分任务未完成。"
    rows = split_row_blob(blob, COLUMNS)
    assert [r["name"] for r in rows] == ["维护乡村道路", "保障村级组织运转个数"]
    assert rows[1]["score"] == "12.3" and rows[1]["reason"] == "受客观因素影响，部分任务未完成。"


MIXED_FLAT = (
    "某某镇人民政府2024年度部门整体支出绩效自评报告\n"
    "一、部门预算执行情况\n2024年全年预算数242.02万元，资金总体支出237.66万元，预算执行率为98.20%。\n"
    "二、自评结论\n经自评，本部门2024年度部门整体支出绩效自评得分98分，评价等级为“优秀”。\n\n"
    "附件：项目支出绩效自评表\n"
    "项目支出绩效自评表（2024年度）项目名称2024年农村公益事业奖补资金主管部门某某镇人民政府实施单位某某镇人民政府"
    "资金情况（万元）全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额：87.0087.0010100.00%10"
    "年度总体目标预期目标实际完成情况按计划完成各项任务。资金管理规范，服务对象满意度较高。"
    "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标数量指标"
    "维护乡村道路13≥31公里35公里13保障村级组织运转个数13≥18个17个12.3受客观因素影响，部分任务未完成，下一步将加快推进。"
    "满意度指标服务对象满意度指标村民满意度10≥85%87%10总分10099.3\n"
)


def test_a_long_flattened_run_of_rows_is_no_prose_and_the_project_keeps_its_own_total():
    from loaders.parse.report import parse_report

    report = parse_report(MIXED_FLAT, "t.txt")
    [project] = [p for p in report.projects if p.subject == "project"]
    assert [(i.name, i.score) for i in project.indicators] == [
        ("维护乡村道路", 13), ("保障村级组织运转个数", 12.3), ("村民满意度", 10)]
    assert project.total_score == 99.3       # the table's 总分, not the department's 98 in the prose
