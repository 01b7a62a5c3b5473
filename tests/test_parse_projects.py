"""loaders.parse.projects: one made-up table per layout of LAYOUTS.md → the records it must give.

The tables are invented in the shape of real ones (never copied from the corpus).
Each layout carries the same kind of content, so a regression in one layout shows
as a difference against the expectation written beside it.
"""
import re

import pytest

from loaders.parse.projects import parse_projects
from tests.conftest import require


def parse(text: str):
    projects, warnings = parse_projects(text.split("\n"))
    return projects, warnings


def indicator_rows(project):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators]


# --- tab rows: the layout the Word / PDF / Excel readers produce ------------------------------

TAB_ROWS = "\n".join([
    "项目支出绩效自评表",
    "项目名称\t城区道路养护项目\t主管部门\t某某区交通运输局",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t100\t120\t108\t10\t90%\t9",
    "其中：当年财政拨款\t100\t120\t108\t—\t90%\t—",
    "上年结转资金\t—\t—\t—\t—\t—\t—",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t养护道路里程\t≥50公里\t52公里\t20\t20",
    "\t质量指标\t验收合格率\t100%\t98%\t20\t18\t个别路段返工",
    "效益指标\t社会效益指标\t群众出行改善\t明显改善\t达成预期指标\t30\t30",
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t10\t10",
    "总分\t100\t97",
])


def test_tab_rows_money_block():
    projects, _ = parse(TAB_ROWS)
    assert len(projects) == 1
    p = projects[0]
    assert p.name == "城区道路养护项目"
    assert (p.budget_initial, p.budget_full_year, p.executed) == (100, 120, 108)
    assert (p.execution_weight, p.execution_rate_pct, p.execution_score) == (10, 90, 9)
    assert p.total_score == 97
    assert [r.label for r in p.money_rows] == ["年度资金总额", "其中:当年财政拨款", "上年结转资金"]
    assert p.extras["fiscal_appropriation_full_year"] == 120
    assert p.provenance["budget_full_year"] == (4, 4)


def test_tab_rows_indicators_with_merged_level1_carried_down():
    p = parse(TAB_ROWS)[0][0]
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "养护道路里程", "≥50公里", "52公里", 20, 20),
        ("产出指标", "质量指标", "验收合格率", "100%", "98%", 20, 18),
        ("效益指标", "社会效益指标", "群众出行改善", "明显改善", "达成预期指标", 30, 30),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10),
    ]
    assert p.indicators[1].deviation_reason == "个别路段返工"
    assert p.indicators[1].provenance["row"] == (9, 9)
    assert p.indicators[1].provenance["score"] == (9, 9)


def test_tab_rows_with_an_empty_target_cell_keep_the_column():
    text = TAB_ROWS.replace("群众出行改善\t明显改善\t", "群众出行改善\t\t")
    p = parse(text)[0][0]
    row = p.indicators[2]
    assert (row.name, row.target, row.actual, row.weight) == ("群众出行改善", None, "达成预期指标", 30)


# --- pipe table, amounts in 元 ------------------------------------------------------------------

PIPE = "\n".join([
    "| 项目名称 | 乡村学校营养餐补助 | 主管部门 | 某某县教育局 | 项目资金 (元) |",
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
    "| 年度资金总额 | 250000.00 | 240000.00 | 10 | 96% | 9.6 |",
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
    "| 产出指标 | 数量指标 | 受益学生人数 | ≥600人 | 615人 | 30 | 30 |",
    "| 时效指标 | 资金拨付及时率 | 100% | 95% | 20 | 19 |",
    "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% | 92% | 10 | 10 |",
    "| 总分 | 100 | 98.6 |",
])


def test_pipe_table_with_money_in_yuan_and_two_amounts_right_aligned():
    p = parse(PIPE)[0][0]
    assert p.name == "乡村学校营养餐补助"
    # two amounts printed for three amount columns: they are 全年预算数 and 全年执行数
    assert p.budget_initial is None
    assert p.budget_full_year == pytest.approx(25.0)
    assert p.executed == pytest.approx(24.0)
    assert (p.execution_weight, p.execution_rate_pct, p.execution_score) == (10, 96, 9.6)
    assert p.total_score == 98.6
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "受益学生人数", "≥600人", "615人", 30, 30),
        ("产出指标", "时效指标", "资金拨付及时率", "100%", "95%", 20, 19),
        ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "92%", 10, 10),
    ]


# --- one cell per line (tab-prefixed cells, blank line between rows, wrapped cells) -----------

ONE_CELL_PER_LINE = "\n".join([
    "某某镇2023年农村环境整治专项资金绩效自评报告",
    "",
    "\t一级指标",
    "\t二级指标",
    "\t三级指标",
    "\t指标值",
    "",
    "\t产出",
    "指标",
    "\t数量指标",
    "\t整治村庄",
    "数量",
    "\t≥12个",
    "",
    "\t",
    "\t质量指标",
    "\t验收合格率",
    "\t100%",
    "",
    "\t满意度",
    "指标",
    "\t满意度",
    "指标",
    "\t村民满意度",
    "\t≥90%",
    "",
    "二、自评情况",
    "质量指标：验收合格率实际为100%，整治村庄数量实际为13个。",
    "满意度指标：经入户回访，满意度实际为91.5%。",
    "项目资金下达15万元，实际支出14.2万元，执行率94.67%。本项目总得分92分。",
])


def test_one_cell_per_line_with_wrapped_labels_and_narrative_actuals():
    projects, _ = parse(ONE_CELL_PER_LINE)
    assert len(projects) == 1
    p = projects[0]
    assert p.name == "2023年农村环境整治专项资金"     # the agency before the year is not the project
    assert [(i.level1, i.level2, i.name, i.target) for i in p.indicators] == [
        ("产出指标", "数量指标", "整治村庄数量", "≥12个"),
        ("产出指标", "质量指标", "验收合格率", "100%"),
        ("满意度指标", "满意度指标", "村民满意度", "≥90%"),
    ]
    # actual values stated in the narrative and tied to the named indicator
    assert [i.actual for i in p.indicators] == ["13个", "100%", "91.5%"]


def test_narrative_money_and_score_of_a_single_project():
    p = parse(ONE_CELL_PER_LINE)[0][0]
    assert (p.budget_initial, p.budget_full_year, p.executed) == (None, 15, 14.2)
    assert p.execution_rate_pct == 94.67
    assert p.total_score == 92
    assert p.provenance["executed"] == (30, 30)


# --- space-separated, whole table on one line ---------------------------------------------------

ONE_LINE_SPACED = (
    "附件: 项目支出绩效自评表 (2023年度) 项目名称 社区养老服务补助 主管部门 某某街道办事处 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 60 58.5 58.5 上年结转资金 其他资金 "
    "年度总体目标 预期目标 实际完成情况 为辖区老人提供助餐服务。 完成助餐服务。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 助餐服务人次 ≥3000人次 3200 25 25 "
    "成本指标 人均补助标准 ≤15元 达成预期指标 25 25 "
    "效益指标(30分) 社会效益指标 老人就餐便利度 明显提升 达成预期指标 30 30 "
    "满意度指标(10分) 满意度指标 老人满"
)


def test_one_line_table_money_total_row_as_printed():
    p = parse(ONE_LINE_SPACED)[0][0]
    assert p.name == "社区养老服务补助"
    # the 年度资金总额 row says 0; the money sits in the 本年财政拨款 row, kept apart
    assert (p.budget_initial, p.budget_full_year, p.executed, p.execution_rate_pct) == (0, 0, 0, 0)
    assert (p.execution_weight, p.execution_score) == (10, 0)
    assert (p.extras["fiscal_appropriation_initial"], p.extras["fiscal_appropriation_executed"]) == (60, 58.5)


def test_one_line_table_indicators_points_in_level1_and_cut_off_row_dropped():
    projects, warnings = parse(ONE_LINE_SPACED)
    assert indicator_rows(projects[0]) == [
        ("产出指标", "数量指标", "助餐服务人次", "≥3000人次", "3200", 25, 25),
        ("产出指标", "成本指标", "人均补助标准", "≤15元", "达成预期指标", 25, 25),
        ("效益指标", "社会效益指标", "老人就餐便利度", "明显提升", "达成预期指标", 30, 30),
    ]
    assert projects[0].total_score is None          # the page stops before 总分: nothing invented
    assert any("截断" in w for w in warnings)


# --- PDF text: cells broken across lines, several cells on one line ------------------------------

BROKEN_CELLS = "\n".join([
    "项目名称 2024年度某某中心设备购置经费",
    "项目资金",
    "（万元）",
    "年初预",
    "算数",
    "全年预",
    "算数",
    "全年",
    "执行数",
    "分值 执行率 得分",
    "年度资金总额 8 6.5 6.5 10 100% 10",
    "其中：当年财政",
    "拨款",
    "8 6.5 6.5 — 100% —",
    "一级指",
    "标",
    "二级指标 三级指标",
    "年度",
    "指标值",
    "实际",
    "完成值",
    "分",
    "值",
    "得",
    "分",
    "产出指",
    "标",
    "数量指标 购置办公设备",
    "≥12台",
    "完成",
    "指标",
    "20 20",
    "质量指标 设备验收合格",
    "验收合格",
    "率100%",
    "完成",
    "指标",
    "20 20",
    "总分 100 100",
])


def test_broken_cells_money_block():
    p = parse(BROKEN_CELLS)[0][0]
    assert p.name == "2024年度某某中心设备购置经费"
    assert (p.budget_initial, p.budget_full_year, p.executed) == (8, 6.5, 6.5)
    assert (p.execution_weight, p.execution_rate_pct, p.execution_score) == (10, 100, 10)
    assert p.total_score == 100


def test_broken_cells_are_joined_without_spaces():
    p = parse(BROKEN_CELLS)[0][0]
    assert p.indicators[1].provenance["target"] == (34, 35)     # 验收合格 / 率100%
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "购置办公设备", "≥12台", "完成指标", 20, 20),
        ("产出指标", "质量指标", "设备验收合格", "验收合格率100%", "完成指标", 20, 20),
    ]


def test_ambiguous_cell_boundary_leaves_the_target_empty_with_a_warning():
    # a full-width name line, then two short lines: name continued, or the target? Nothing tells.
    text = BROKEN_CELLS.replace("数量指标 购置办公设备\n≥12台", "数量指标\n购置办公设备一批\n设备台数\n满足需要")
    projects, warnings = parse(text)
    first = projects[0].indicators[0]
    assert first.target is None
    assert first.weight == 20
    assert any("不确定" in w for w in warnings)


# --- department-wide indicator table, narrative-only reports -----------------------------------

DEPARTMENT = "\n".join([
    "某某区司法局2023年度部门整体支出绩效自评报告",
    "一、部门概况",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t普法宣传场次\t≥20场\t26场\t40\t40",
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t60\t60",
])


def test_department_table_is_a_department_subject_without_a_name():
    projects, _ = parse(DEPARTMENT)
    assert len(projects) == 1
    assert projects[0].subject == "department"
    assert projects[0].name is None          # parse_report fills in the department's name
    assert [i.name for i in projects[0].indicators] == ["普法宣传场次", "群众满意度"]


NARRATIVE = "\n".join([
    "某某县卫生健康局",
    "关于2022年度妇幼健康服务补助资金绩效的自评报告",
    "一、绩效目标分解下达情况",
    "市财政下达妇幼健康服务补助资金预算36万元。",
    "二、绩效目标完成情况分析",
    "截至2022年12月31日，资金已使用30.6万元，资金执行率85%。",
    "(三)绩效指标完成情况分析。",
    "1.产出指标完成情况分析。",
    "(1)数量指标。",
    "孕产妇健康管理人数1200人;儿童健康检查人次3500人次。",
    "(2)质量指标。",
    "孕产妇系统管理率:系统管理率达到92%。",
    "2.满意度指标完成情况分析",
    "服务对象满意度:服务对象满意度≥90%。",
])


def test_narrative_report_project_from_title_and_prose():
    projects, _ = parse(NARRATIVE)
    assert len(projects) == 1
    p = projects[0]
    assert p.name == "2022年度妇幼健康服务补助资金"
    assert (p.budget_initial, p.budget_full_year, p.executed, p.execution_rate_pct) == (None, 36, 30.6, 85)
    assert [(i.level1, i.level2, i.name, i.actual) for i in p.indicators] == [
        ("产出指标", "数量指标", "孕产妇健康管理人数", "1200人"),
        ("产出指标", "数量指标", "儿童健康检查人次", "3500人次"),
        ("产出指标", "质量指标", "孕产妇系统管理率", "系统管理率达到92%"),
        ("满意度指标", None, "服务对象满意度", "服务对象满意度≥90%"),
    ]


def test_summary_report_lists_projects_in_parentheses():
    text = ("全年共实施项目3个，其中2个项目部分支付，包括老旧小区改造前期经费(预算80万元,因设计变更未支付)、"
            "2023年燃气安全检查经费(预算12.5万元,支付10万元,执行率80%)。")
    projects, _ = parse(text)
    assert [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct) for p in projects] == [
        ("老旧小区改造前期经费", 80, 0, None),
        ("2023年燃气安全检查经费", 12.5, 10, 80),
    ]


def test_text_without_any_project_gives_nothing():
    projects, _ = parse("关于开展绩效评价工作的通知\n请各单位于月底前报送材料。")
    assert projects == []


# --- whole table on one line without any separator ----------------------------------------------

GLUED = (
    "绩效目标自评表(2023年度)项目名称某某村饮水安全巩固提升工程主管部门某某县水务局实施单位某某县水务局"
    "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:4536101"
    "其中:本年财政拨款4536其他资金年度总体目标年初设定目标年度总体目标完成情况综述保障农村饮水安全。"
    "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
    "产出指标(60分)数量指标新建供水管网20≥12公里≥12公里20质量指标工程验收合格率20100%100%20"
    "成本指标项目总投资2045万元36万元20"
    "效益指标(30分)社会效益指标受益人口数30≥2000人≥2000人30"
    "总分10098注:1.本表由项目单位填写"
)


def test_glued_line_money_split_by_header_order_and_checked_by_the_rate():
    p = parse(GLUED)[0][0]
    assert p.name == "某某村饮水安全巩固提升工程"
    # 4536101 → no reading fits 全年预算数|全年执行数|分值|执行率 (there is no % sign): nothing is guessed
    assert (p.budget_full_year, p.executed) == (None, None)


def test_glued_line_indicator_rows_and_total():
    projects, warnings = parse(GLUED)
    p = projects[0]
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "新建供水管网", "≥12公里", "≥12公里", 20, 20),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 20, 20),
        ("产出指标", "成本指标", "项目总投资", "45万元", "36万元", 20, 20),
        ("效益指标", "社会效益指标", "受益人口数", "≥2000人", "≥2000人", 30, 30),
    ]
    assert p.total_score == 98


def test_glued_money_row_with_a_percent_is_split_when_one_reading_fits():
    text = GLUED.replace("年度资金总额:4536101", "年度资金总额:45361080.00%8")
    p = parse(text)[0][0]
    assert (p.budget_full_year, p.executed, p.execution_weight, p.execution_rate_pct, p.execution_score) == (
        45, 36, 10, 80, 8)


# --- reader rows with merged cells: empty (Word) or repeated in each spanned row (Excel) --------

def reader_rows(repeat: bool) -> str:
    group = "项目资金（万元）" if repeat else ""
    block = "绩效指标" if repeat else ""
    level1 = "产出指标" if repeat else ""
    return "\n".join([
        "项目名称\t河道保洁服务",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        f"{group}\t年度资金总额\t30\t30\t27\t10\t90.00%\t9",
        f"{group}\t其中：当年财政拨款\t30\t30\t27\t\t\t",
        f"{group}\t上年结转资金\t\t\t\t\t\t",
        "年度总体目标\t预期目标\t实际完成情况",
        "\t完成河道日常保洁。\t完成全年保洁任务。",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        f"{block}\t产出指标\t数量指标\t保洁河道长度\t≥40公里\t42公里\t30\t30",
        f"{block}\t{level1}\t时效指标\t垃圾清运及时率\t≥95%\t96%\t30\t30",
        f"{block}\t满意度指标\t服务对象满意度指标\t沿岸居民满意度\t≥85%\t88%\t30\t30",
        "总分\t\t\t\t\t\t100\t99",
    ])


@pytest.mark.parametrize("repeat", [False, True], ids=["word-empty-merged", "excel-repeated-merged"])
def test_reader_rows_with_merged_cells(repeat):
    projects, _ = parse(reader_rows(repeat))
    assert len(projects) == 1
    p = projects[0]
    assert p.name == "河道保洁服务"
    assert (p.budget_initial, p.budget_full_year, p.executed, p.execution_rate_pct, p.execution_score) == (
        30, 30, 27, 90, 9)
    assert p.extras["fiscal_appropriation_executed"] == 27
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "保洁河道长度", "≥40公里", "42公里", 30, 30),
        ("产出指标", "时效指标", "垃圾清运及时率", "≥95%", "96%", 30, 30),
        ("满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥85%", "88%", 30, 30),
    ]
    assert p.total_score == 99


def test_row_with_a_missing_score_does_not_swallow_the_next_row():
    text = BROKEN_CELLS.replace("≥12台\n完成\n指标\n20 20", "≥12台\n完成\n指标\n20")
    p = parse(text)[0][0]
    first, second = p.indicators[0], p.indicators[1]
    assert (first.name, first.target, first.actual) == ("购置办公设备", "≥12台", "完成指标")
    # one number for two columns (分值 | 得分): which one is not knowable, so neither is filled
    assert (first.weight, first.score) == (None, None)
    assert (second.name, second.weight, second.score) == ("设备验收合格", 20, 20)


def test_money_unit_from_the_forms_unit_line_above_the_block():
    text = "\n".join([
        "项目名称 社区图书室运营 金额单位：元",
        "二、预算执行情况",
        "年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 50,000.00 48,000.00 45,600.00 10 95% 9.5",
    ])
    p = parse(text)[0][0]
    assert (p.budget_initial, p.budget_full_year, p.executed) == (5.0, 4.8, 4.56)


def test_prose_budget_is_initial_only_when_it_says_so():
    text = "\n".join([
        "某某县2023年水利设施维修项目绩效自评报告",
        "一、基本情况",
        "该项目年初预算资金30万元，实际支出28万元。",
    ])
    p = parse(text)[0][0]
    assert (p.budget_initial, p.budget_full_year, p.executed) == (30, None, 28)


def test_summary_notice_lists_projects_and_their_scores_in_order():
    text = ("我局委托第三方对2022年校园安保经费、老年助餐补贴资金、乡村道路养护经费3个项目进行重点评价。"
            "评价得分分别为92分、85.5分、78分。")
    projects, _ = parse(text)
    assert [(p.name, p.total_score) for p in projects] == [
        ("2022年校园安保经费", 92), ("老年助餐补贴资金", 85.5), ("乡村道路养护经费", 78)]


def test_listed_names_are_not_used_when_the_stated_count_disagrees():
    text = "对校园安保经费、老年助餐补贴资金4个项目进行重点评价。评价得分分别为92分、85.5分。"
    assert parse(text)[0] == []


def test_budget_parts_of_a_department_are_not_projects():
    text = "\n".join([
        "某某中心2022年整体支出绩效自评报告",
        "部门预算总金额 500 万元。其中: 基本运行保障经费 420 万元。",
        "我单位共有 1 个项目批复了绩效目标,项目金额 80 万元。其中: 闸坝维修养护经费 80 万元。",
    ])
    projects, _ = parse(text)
    assert [(p.name, p.budget_full_year) for p in projects] == [("闸坝维修养护经费", 80)]


def test_evaluation_framework_table_with_an_unlisted_level2_label():
    text = "\n".join([
        "项目名称 乡村公路养护",
        "一级指标 二级指标 三级指标 分值 得分",
        "决策 项目立项 立项依据充分性 3 3",
        "立项程序规范性 2 2",
        "过程 资金使用 资金使用合规性 5 4",
        "预算执行率 5 5",
    ])
    p = parse(text)[0][0]
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in p.indicators] == [
        ("决策", "项目立项", "立项依据充分性", 3, 3),
        ("决策", "项目立项", "立项程序规范性", 2, 2),
        ("过程", "资金使用", "资金使用合规性", 5, 4),   # 资金使用 is in no list: read from the layout
        ("过程", "资金使用", "预算执行率", 5, 5),
    ]


# --- properties that hold on any text -----------------------------------------------------------

def stated_numbers(text: str) -> set[float]:
    from loaders.parse.numbers import find_numbers
    glued = re.sub(r"(?<=\d)(?=\d)", " ", text)   # digits glued together (a flattened table) may be any cut
    found = set(find_numbers(text))
    for run in re.findall(r"\d+(?:\.\d+)?", text):
        for k in range(1, len(run)):
            for part in (run[:k], run[k:]):
                if re.fullmatch(r"\d+(?:\.\d+)?", part):
                    found.add(float(part))
    return found | set(find_numbers(glued))


def output_numbers(projects) -> list[tuple[str, float]]:
    out = []
    for p in projects:
        for key in ("budget_initial", "budget_full_year", "executed", "execution_rate_pct",
                    "execution_weight", "execution_score", "total_score"):
            if getattr(p, key) is not None:
                out.append((key, getattr(p, key)))
        for i in p.indicators:
            out += [(f"{i.name}.weight", i.weight), (f"{i.name}.score", i.score)]
    return [(k, v) for k, v in out if v is not None]


def assert_every_number_is_stated(text: str, projects) -> None:
    """Nothing invented: every number we give is printed in the text (amounts maybe in 元)."""
    stated = stated_numbers(text)
    for key, value in output_numbers(projects):
        assert any(abs(value - s) < 1e-6 or abs(value * 10000 - s) < 1e-3 for s in stated), (key, value)


@pytest.mark.parametrize("text", [TAB_ROWS, PIPE, ONE_CELL_PER_LINE, ONE_LINE_SPACED, BROKEN_CELLS, GLUED,
                                  DEPARTMENT, NARRATIVE, reader_rows(True)])
def test_every_number_given_is_printed_in_the_text(text):
    assert_every_number_is_stated(text, parse(text)[0])


@pytest.mark.parametrize("text", [TAB_ROWS, PIPE, ONE_LINE_SPACED, BROKEN_CELLS, GLUED, reader_rows(False)])
def test_a_table_cut_anywhere_gives_no_number_from_beyond_the_cut(text):
    lines = text.split("\n")
    cuts = range(1, len(lines)) if len(lines) > 1 else range(20, len(text), 23)
    for cut in cuts:
        kept = "\n".join(lines[:cut]) if len(lines) > 1 else text[:cut]
        assert_every_number_is_stated(kept, parse(kept)[0])


@pytest.mark.parametrize("text", ["", "\n\n\n", "\t\t\t", "| | |", "总分", "项目名称", "年度资金总额 1 2 3",
                                  "一级指标 二级指标", "\x00\x01\x02", "产出指标(50分)" * 50, "9" * 500])
def test_odd_input_gives_no_error(text):
    projects, warnings = parse(text)
    assert isinstance(projects, list) and isinstance(warnings, list)


def test_corpus_documents_give_only_stated_numbers(corpus_dir):
    from tests.conftest import corpus_documents
    documents = corpus_documents()
    require(bool(documents), "no corpus documents with truth beside them")
    for path in documents:
        text = path.read_text(encoding="utf-8")
        assert_every_number_is_stated(text, parse(text)[0])


def test_money_cells_carrying_their_own_unit():
    text = "\n".join([
        "项目名称\t村级公益事业补助",
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t1,328,960.00元\t1,328,960.00元\t1,262,512.00元\t10\t95%\t9.5",
    ])
    p = parse(text)[0][0]
    assert (p.budget_initial, p.budget_full_year, p.executed) == pytest.approx((132.896, 132.896, 126.2512))


def test_amount_wrapped_before_its_unit():
    text = BROKEN_CELLS.replace("年度资金总额 8 6.5 6.5 10 100% 10", "年度资金总额 8 6.5 6.5万\n元\n10 100% 10")
    p = parse(text)[0][0]
    assert (p.budget_initial, p.budget_full_year, p.executed, p.execution_weight) == (8, 6.5, 6.5, 10)


def test_inline_project_name_other_part_rows_and_score_in_the_form_head():
    text = "\n".join([
        "项目名称：城乡环卫一体化\t自评总分：88.5",
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t200\t220\t209\t10\t95%\t9.5",
        "其中：中央补助资金\t50\t50\t50\t\t100%\t",
        "其中：县级配套\t150\t170\t159\t\t93.53%\t",
    ])
    p = parse(text)[0][0]
    assert p.name == "城乡环卫一体化"
    assert p.total_score == 88.5
    assert [r.label for r in p.money_rows] == ["年度资金总额", "其中:中央补助资金", "其中:县级配套"]
    assert (p.money_rows[2].budget_full_year, p.money_rows[2].execution_rate_pct) == (170, 93.53)
    assert (p.budget_full_year, p.executed) == (220, 209)


def test_a_label_broken_by_the_page_is_not_taken_for_the_name():
    projects, _ = parse("项目名称 项目主管单\n位 某某局\n年初预算数 全年预算数 全年执行数\n年度资金总额 5 5 5")
    assert projects[0].name is None


def test_tab_rows_copied_from_a_pdf_with_cells_wrapped_inside():
    text = "\n".join([
        "项目名称\t社区助老服务",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t服务老人人次\t≥800人次\t812人次\t40\t40",
        "效",
        "益指标\t社会效益指标\t老人生活质量\t明显",
        "改善\t部分",
        "达成\t30\t24",
        "总分\t100\t94",
    ])
    p = parse(text)[0][0]
    assert indicator_rows(p) == [
        ("产出指标", "数量指标", "服务老人人次", "≥800人次", "812人次", 40, 40),
        ("效益指标", "社会效益指标", "老人生活质量", "明显改善", "部分达成", 30, 24),
    ]
    assert p.total_score == 94


SECTIONS = "\n".join([
    "某某区水务局2023年度部门整体支出绩效自评报告",
    "二、部门预算执行情况",
    "2023年全年预算数900万元，资金总体支出880万元。",
    "三、项目支出绩效情况",
    "（一）2023年小型水库除险加固工程",
    "本项目年初预算数为120万元，全年预算数为130万元，全年执行数为128.5万元，预算执行率为98.85%。",
    "1.产出指标完成情况。",
    "（1）数量指标：除险加固水库数量，年度指标值为≥3座，实际完成值为3座。",
    "本项目自评得分为96分。",
    "（二）2023年河道清淤疏浚经费",
    "本项目全年预算数为45万元，全年执行数为45万元。",
    "（三）项目管理情况",
    "各项目均按规定实施。",
])


def test_report_with_one_prose_section_per_project():
    projects, _ = parse(SECTIONS)
    assert [(p.name, p.budget_initial, p.budget_full_year, p.executed, p.total_score) for p in projects] == [
        ("2023年小型水库除险加固工程", 120, 130, 128.5, 96),
        ("2023年河道清淤疏浚经费", None, 45, 45, None),
    ]
    assert [(i.level2, i.name, i.target, i.actual) for i in projects[0].indicators] == [
        ("数量指标", "除险加固水库数量", "≥3座", "3座")]
    # the department's own figures (900 / 880) stay out of the projects
    assert projects[0].provenance["budget_full_year"] == (6, 6)


def test_a_name_wrapped_onto_its_own_tab_line_joins_the_row_below():
    text = "\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t20\t20",
        "效益指标\t社会效益指标\t家庭经济困难",
        "学生就学保障\t有效保障\t达成预期指标\t30\t30",
    ])
    p = parse(text)[0][0]
    assert [(i.level2, i.name, i.target) for i in p.indicators] == [
        ("数量指标", "培训人次", "≥500人次"), ("社会效益指标", "家庭经济困难学生就学保障", "有效保障")]


def test_row_with_an_empty_reason_ends_where_the_next_name_starts_on_a_new_line():
    # a PDF copy: the 偏差原因 cell is empty (trailing tab) and the next row's name is wrapped
    # onto two lines, the first of which the reader prints as a lone cell
    text = ("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t质量指标\t资金发\n放准确率\t100%\t100%\t13\t13\t\n"
            "\t\t救助对象\n认定准确率\t≥98%\t100%\t13\t12\t\n")
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in parse(text)[0][0].indicators]
    assert rows == [("资金发放准确率", "100%", "100%", 13, 13), ("救助对象认定准确率", "≥98%", "100%", 13, 12)]


CELL_PER_LINE_YUAN = "\n".join([
    "项目支出绩效自评表", "项目名称", "某某县城乡居民医疗救助资金", "项目资金（元）",
    "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "年度资金总额", "1,328,960.00", "1,328,960.00", "1,200,000.00", "10", "90.30%", "9.03",
    "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    "效益指标", "社会效益指标", "困难群众医疗负担减轻", "有效减轻", "有效减轻", "20", "18", "部分困难群众自付费用仍较高",
    "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "93%", "20", "20",
]) + "\n"


def test_two_header_cells_on_two_lines_stay_two_columns():
    # 执行率 / 得分 one per line are two columns, not the label 执行率得分
    p = parse(CELL_PER_LINE_YUAN)[0][0]
    assert (p.budget_full_year, p.executed, p.execution_weight, p.execution_rate_pct, p.execution_score) == \
        (132.896, 120.0, 10, 90.3, 9.03)


def test_a_reason_on_its_own_line_belongs_to_the_row_above():
    p = parse(CELL_PER_LINE_YUAN)[0][0]
    assert [(i.name, i.score, i.deviation_reason) for i in p.indicators] == [
        ("困难群众医疗负担减轻", 18, "部分困难群众自付费用仍较高"), ("救助对象满意度", 20, None)]


def test_a_budget_adjustment_is_not_the_budget_and_the_stated_full_year_budget_wins():
    text = ("某某市生态环境局2022年度大气污染防治专项资金项目绩效自评报告\n"
            "2022年项目年初预算安排资金500万元，年中追加预算120万元，全年预算数620万元，实际支出598.6万元，预算执行率96.55%。\n")
    [project] = parse(text)[0]
    assert (project.budget_initial, project.budget_full_year, project.executed, project.execution_rate_pct) == \
        (500, 620, 598.6, 96.55)


def test_a_total_row_with_thousands_separators_does_not_break_the_parse():
    # 合计 | 1,656.40 — an amount, not a score: read nothing, fail nothing
    projects, _ = parse("项目名称\t某某项目\n总分\t1,656.40\n合计\t1,234.5\n")
    assert [p.total_score for p in projects] == [None]


def test_a_two_row_header_with_empty_cells_under_its_spanning_cells():
    # a spreadsheet's tab copy: 预期指标值 spans 符号 | 值 | 单位 (two empty cells beside it), 自评得分 spans three
    text = ("一级指标\t二级指标\t三级指标\t预期指标值\t\t\t实际完成值\t自评得分\t\t\n"
            "\t\t\t符号\t值\t单位\t\t单项指标得分\t权重占比\t单项指标折算得分\n"
            "产出指标\t数量指标\t特困人员救助人数\t≥\t560\t人\t572人\t25\t25\t6.25\n"
            "\t时效指标\t资金发放及时率\t=\t100\t%\t96%\t24\t25\t6\n")
    rows = [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in parse(text)[0][0].indicators]
    assert rows == [("数量指标", "特困人员救助人数", "≥560人", "572人", 25, 25),
                    ("时效指标", "资金发放及时率", "=100%", "96%", 25, 24)]


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_unit_column_beside_a_whole_target_column(sep):
    # 指标值 | 计量单位 | 完成值 side by side is one header row (not 指标值's parts): the target takes the unit,
    # the actual cell is kept as written (FORMAT.md; the database reads its unit)
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "完成值", "分值", "得分"],
            ["产出指标", "数量指标", "维修供水管网长度", "≥12", "公里", "13.5", "20", "20"],
            ["", "质量指标", "水质达标率", "≥95", "%", "97", "20", "19"],
            ["效益指标", "社会效益指标", "群众饮水条件", "明显改善", "", "明显改善", "10", "10"]]
    text = "\n".join(sep.join(r) if sep == "\t" else "| " + sep.join(r) + " |" for r in rows) + "\n"
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in parse(text)[0][0].indicators]
    assert got == [("维修供水管网长度", "≥12公里", "13.5", 20, 20), ("水质达标率", "≥95%", "97", 20, 19),
                   ("群众饮水条件", "明显改善", "明显改善", 10, 10)]
