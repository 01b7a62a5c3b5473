"""parse_report's document-level fields on small made-up reports (never corpus copies).

Project tables are another module's job (loaders.parse.projects); here parse_projects
is replaced by a stub returning fixed projects, so these tests pin down only the
document-level reading: agency, region, year, kind, evaluation type, score, grade,
department figures, findings, provenance and warnings.
"""
from __future__ import annotations

import pytest

import loaders.parse.report as report_module
from loaders.parse import parse_report
from loaders.parse.characters import simplified_if_traditional
from loaders.records import Indicator, Project


@pytest.fixture(autouse=True)
def tables(monkeypatch):
    """parse_projects stub: the test sets `tables.projects` to what the table parser would return."""
    class Tables:
        projects: list[Project] = []

    monkeypatch.setattr(report_module, "parse_projects", lambda lines, **options: (list(Tables.projects), []))
    return Tables


def parse(text: str):
    return parse_report(text, "example.txt")


NARRATIVE = """\
某某县农业农村局2023年度耕地保护专项资金绩效自评报告

一、项目基本情况
2023年财政下达耕地保护专项资金50万元，用于高标准农田管护。
二、绩效自评情况
本次自评按百分制打分：90分以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格。
项目自评总分为92.5分，评价等级为优秀。
三、存在的问题
1、部分村组管护责任落实不到位，
巡查记录不完整。
2、资金拨付进度偏慢。
四、改进措施
（一）压实管护责任，建立巡查台账。
（二）加快资金拨付。
五、其他需要说明的问题
无。
某某县农业农村局
2024年3月15日
"""


def test_narrative_report_document_fields():
    report = parse(NARRATIVE)
    assert report.agency == "某某县农业农村局"
    assert report.region == "某某县"
    assert report.year == 2023                     # not 2024, the report date
    assert report.report_kind == "project"
    assert report.evaluation_type == "self"
    assert report.total_score == 92.5
    assert report.grade == "优秀"                  # not a word from the band definitions
    assert report.department_budget is None        # a project report: its money is the project's


def test_narrative_report_provenance_points_at_the_lines():
    report = parse(NARRATIVE)
    assert report.provenance["agency"] == (1, 1)
    assert report.provenance["year"] == (1, 1)
    assert report.provenance["total_score"] == (7, 7)
    assert report.provenance["grade"] == (7, 7)


def test_findings_are_items_under_their_headings():
    findings = parse(NARRATIVE).findings
    assert [(f.kind, f.text, f.span) for f in findings] == [
        ("problem", "1、部分村组管护责任落实不到位，巡查记录不完整。", (9, 10)),
        ("problem", "2、资金拨付进度偏慢。", (11, 11)),
        ("measure", "（一）压实管护责任，建立巡查台账。", (13, 13)),
        ("measure", "（二）加快资金拨付。", (14, 14)),
    ]


DEPARTMENT_INCOME = """\
某市某区信访局
2022年度部门整体支出绩效自评报告
（二）部门收支情况
2022年财政拨款收入为120.5万元、支出为118.2万元，支出分别为基本支出和项目支出，其中基本支出为100.2万元，其中人员经费为80万元，日常公用经费20.2万元；项目支出为18万元。
部门整体支出绩效自评得分为96分，等级为优秀。
报告日期：2023年4月1日
"""


def test_income_is_not_budget_and_parts_of_spending_are_expenditure():
    report = parse(DEPARTMENT_INCOME)
    assert report.report_kind == "department"
    assert report.year == 2022
    budget = report.department_budget
    assert budget["budget"] is None
    assert budget["income"] == 120.5
    assert budget["executed"] == 118.2
    assert budget["basic_expenditure"] == 100.2
    assert budget["project_expenditure"] == 18
    assert budget["personnel_expenditure"] == 80
    assert budget["public_expenditure"] == 20.2
    assert "basic_budget" not in budget
    assert report.provenance["department_budget.executed"] == (4, 4)


DEPARTMENT_BROKEN_LINES = """\
某某市某某区卫生健康局

2024 年度部门整体绩效评价报告

（二）当年预算执行情况

2024 年全年预算数 500.00 万元，其中，基本支出预算数

400.00 万元，项目支出预算数 100.00 万元。资金总体支出 480.00 万元，其中，基本支出 390.00 万元，

项目支出 90.00 万元。预算执行率为 96.00%。

年末，结转结余 20.00 万元，结转率为 4.00%

预决算差异率为 4.00%。
"""


def test_department_figures_across_broken_lines():
    report = parse(DEPARTMENT_BROKEN_LINES)
    assert report.department_budget == {
        "budget": 500.0, "executed": 480.0, "execution_rate_pct": 96.0,
        "carryover": 20.0, "carryover_rate_pct": 4.0,
        "basic_expenditure": 390.0, "project_expenditure": 90.0,
        "basic_budget": 400.0, "project_budget": 100.0, "budget_final_diff_rate_pct": 4.0,
    }
    assert report.provenance["department_budget.basic_budget"] == (7, 9)
    assert report.provenance["department_budget.carryover"] == (13, 13)
    assert report.agency == "某某市某某区卫生健康局"
    assert report.region == "某某市某某区"


def test_amounts_in_yuan_become_wan_yuan():
    text = "某某县水利局2023年度部门整体支出绩效自评报告\n全年预算数 1,250,000.00 元，资金总体支出 1,200,000.00 元。\n"
    budget = parse(text).department_budget
    assert budget["budget"] == 125.0
    assert budget["executed"] == 120.0


def test_scoring_criteria_are_not_statements():
    text = ("某某县水利局2023年度部门整体支出绩效自评报告\n"
            "预算执行率100%计满分，每低于5%扣2分。\n全年预算数 80 万元。\n")
    budget = parse(text).department_budget
    assert budget["execution_rate_pct"] is None
    assert budget["budget"] == 80


def test_full_width_digits_and_labelled_unit(tables):
    text = ("项目支出绩效自评表\n（２０２３年度）\n项目名称：乡村道路养护\n"
            "主管部门：某某县交通运输局　实施单位：某某县公路养护中心\n自评总分：９６分\n")
    report = parse(text)
    assert report.year == 2023
    assert report.total_score == 96
    assert report.agency == "某某县交通运输局"     # the budget department the form names, over its implementing unit


THIRD_PARTY = """\
关于2021年度城乡环境整治专项资金的绩效评价报告
受某某区财政局委托，某某会计师事务所作为第三方评价机构，对该项目开展重点绩效评价。
评价结论：综合得分为81.5分，评价等级为良好。
"""


def test_third_party_evaluation():
    report = parse(THIRD_PARTY)
    assert report.evaluation_type == "third_party"
    assert report.total_score == 81.5
    assert report.grade == "良好"
    assert report.year == 2021


def test_no_evaluator_named_is_unknown_with_a_warning():
    report = parse("2022年度项目支出绩效评价报告\n项目预算资金10万元，已全部支出。\n")
    assert report.evaluation_type == "unknown"
    assert any("评价类型不明" in w for w in report.warnings)
    assert report.agency is None


def test_several_different_grades_leave_the_grade_empty():
    text = ("2019年重点绩效评价结果公告\n禁毒专项评价结果为优秀，公厕改造专项评价结果为良好，"
            "扶持资金评价结果为合格。\n第三方评价机构：某大学。\n")
    report = parse(text)
    assert report.grade is None
    assert any("多个不同的等级" in w for w in report.warnings)


def test_mixed_when_a_department_report_carries_project_tables(tables):
    tables.projects = [Project(name="2024年度宣传经费", total_score=100), Project(name="2024年度购置经费", total_score=90)]
    report = parse("某某区信访办公室\n2024年度部门整体绩效评价报告\n项目支出绩效自评表\n总分 100 100\n总分 100 90\n")
    assert report.report_kind == "mixed"
    assert report.total_score is None        # two projects, no total of the document's own


def test_single_project_table_total_is_the_document_total(tables):
    tables.projects = [Project(name="义务教育营养改善计划", total_score=96, grade="优")]
    report = parse("2022年度项目支出绩效自评表\n项目名称 义务教育营养改善计划\n实施单位 某某县某某中学\n")
    assert report.total_score == 96
    assert report.grade == "优"
    assert report.report_kind == "project"


def test_department_table_without_a_name_gets_the_department_name(tables):
    tables.projects = [Project(name=None, subject="department", indicators=[Indicator(name="信访事项办结率")])]
    report = parse("某某县信访局\n2025年度整体支出绩效自评报告\n")
    assert report.projects[0].name == "某某县信访局部门整体支出"
    assert report.report_kind == "department"


def test_unit_named_only_in_prose_comes_with_a_warning():
    text = ("为做好2022年衔接资金项目绩效管理工作，现将2022年某某县交通运输局衔接资金项目绩效自评报告如下：\n"
            "项目资金2179万元，执行率97%。\n")
    report = parse(text)
    assert report.agency == "某某县交通运输局"
    assert any("取自正文提及" in w for w in report.warnings)


def test_parse_is_pure_and_repeatable():
    first, second = parse(NARRATIVE), parse(NARRATIVE)
    assert first.to_json() == second.to_json()
    assert first.to_json()["file"] == "example.txt"


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("单位名称（盖章）：某某市某某区民政局\n二〇二三年度部门整体支出绩效自评报告\n", "agency", "某某市某某区民政局"),
        ("单位名称（盖章）：某某市某某区民政局\n二〇二三年度部门整体支出绩效自评报告\n", "year", 2023),
        ("2022年度项目支出绩效自评报告\n自评结果为“良好”。\n", "grade", "良好"),
        ("某某县水利局 2 0 2 3 年度项目支出绩效自评报告\n", "year", 2023),
        ("2022年度项目支出绩效自评报告\n评价等级为优秀、良好、合格、不合格四档。\n", "grade", None),
        ("2022年度项目支出绩效自评报告\n综合评分：88.6分\n", "total_score", 88.6),
        ("2022年度项目支出绩效自评报告\n各项指标得分合计为 91.5 分。\n", "total_score", 91.5),
        ("2022年度项目支出绩效自评报告\n得分≥90分为优秀，80≤得分＜90分为良好。\n", "grade", None),
        ("2022年度项目支出绩效自评报告\n总分值100分。\n", "total_score", None),
        ("2022年度项目支出绩效自评报告\n项目质量鉴定为合格。\n", "grade", None),
        ("2022年度项目支出绩效自评表\n| 总分 | 100 | 98 |\n| 自评等级 | 优秀 |\n", "grade", "优秀"),
        ("2022年度项目支出绩效自评表\n自评等级\t优\n填表人：张三\n", "grade", "优"),
        ("2022年度整体绩效自评总结报告\n部门目标实现率 100%，整体绩效自评为优\n秀；\n", "grade", "优秀"),
    ],
    ids=["seal-note-label", "chinese-numeral-year", "quoted-grade", "ocr-spaced-year", "grade-scale", "综合评分",
         "得分合计", "band-definitions", "总分值-is-the-maximum", "quality-verdict-is-no-grade", "pipe-cells", "tab-cell-at-line-end",
         "grade-broken-over-lines"],
)
def test_document_field_variants(text, field, expected):
    assert getattr(parse(text), field) == expected


def test_final_accounts_spending_is_executed():
    text = "某某县民政局2023年度部门整体支出绩效自评报告\n部门预算收入 300 万元，部门决算支出 280 万元。\n"
    budget = parse(text).department_budget
    assert budget["executed"] == 280
    assert budget["budget"] is None     # 预算收入 is income-side, not the budget


def test_department_label_broken_inside_a_word():
    # PDF text: the line ends inside 项目支出.
    text = ("某某县疾控中心2024年度部门整体支出绩效自评报告\n"
            "资金总体支出 1414.69 万元，其中，基本支出 1122.71 万元，项\n目支出 291.98 万元。\n")
    report = parse(text)
    assert report.department_budget["project_expenditure"] == 291.98
    assert report.provenance["department_budget.project_expenditure"] == (2, 3)


def test_region_takes_a_province_only_when_the_text_states_it():
    stated = parse("根据《某某省财政厅关于绩效自评的通知》，某某县水利局2023年度项目支出绩效自评报告\n项目资金10万元。\n")
    prose = parse("某某县水利局2023年度项目支出绩效自评报告\n负责省、市、县交办的任务，项目资金10万元。\n")
    assert stated.region == "某某省某某县"
    assert prose.region == "某某县"


def test_totals_of_the_final_accounts_table():
    text = ("某某市某某区教育局2023年度部门整体支出绩效自评报告\n"
            "2023年度本年收入总计 1234.56 万元，本年支出总计 1200.00 万元，预算执行率达 98.5％。\n")
    budget = parse(text).department_budget
    assert (budget["income"], budget["executed"], budget["execution_rate_pct"], budget["budget"]) == (1234.56, 1200.0, 98.5, None)


def test_traditional_characters_are_read_as_simplified():
    text = ("北京市豐臺區信訪辦公室\n2024年度部門整體支出績效自評報告\n"
            "2024年全年預算數 794.51 萬元，預算執行率為 97.64%。\n部門整體支出績效總分為98分，等級為優秀。\n")
    report = parse(text)
    assert (report.agency, report.year, report.report_kind) == ("北京市丰台区信访办公室", 2024, "department")
    assert (report.total_score, report.grade) == (98, "优秀")
    assert report.department_budget["budget"] == 794.51
    assert report.department_budget["execution_rate_pct"] == 97.64
    assert report.provenance["department_budget.budget"] == (3, 3)
    assert "繁体" in report.warnings[0]


def test_the_json_of_a_traditional_copy_gives_its_names_as_written():
    text = ("北京市豐臺區信訪辦公室\n2024年度部門整體支出績效自評報告\n"
            "部門整體支出績效總分為98分，等級為優秀。\n")
    record = parse(text).to_json()
    assert (record["agency"], record["grade"]) == ("北京市豐臺區信訪辦公室", "優秀")


def test_characters_simplified_text_shares_with_traditional_are_kept():
    text = ("呼和浩特市賽罕區農牧局\n2023年度項目支出績效自評報告\n"
            "項目實施後，農牧民收入增長效果顯著，群眾滿意度達到95%。項目自評得分為92分。\n")
    report = parse(text)
    assert report.agency == "呼和浩特市赛罕区农牧局" and report.total_score == 92
    simplified = simplified_if_traditional(text)[0]
    assert "效果显著" in simplified and "项目实施后" in simplified


def test_simplified_text_is_not_converted():
    report = parse("某某县文化局2023年度项目支出绩效自评报告\n乾坤文化节项目资金10万元。\n")
    assert not any("繁体" in w for w in report.warnings)


def test_department_table_takes_the_department_money(tables):
    tables.projects = [Project(name=None, subject="department", total_score=98,
                               indicators=[Indicator(name="信访事项办结率")])]
    text = ("某某县信访局\n2025年度整体支出绩效自评报告\n"
            "2025年财政拨款收入为494.51万元、支出为494.51万元。\n部门整体支出绩效总分为98分。\n")
    table = parse(text).projects[0]
    assert (table.budget_full_year, table.executed) == (None, 494.51)   # 收入 is not a budget
    assert table.provenance["executed"] == (3, 3)


def test_unit_cell_broken_over_lines_is_one_name():
    text = ("项目支出绩效自评表\n（2024 年度）\n项目名称 2024年度宣传经费\n\n主管部门 101019 实施单位\n"
            "北京市某某区信访办\n\n公室\n\n项目资金\n")
    report = parse(text)
    assert report.agency == "北京市某某区信访办公室"
    assert report.provenance["agency"] == (6, 8)


def test_cells_side_by_side_stay_apart():
    report = parse("2021年度项目绩效目标自评表\n项目实施单位 某某市交通运输局 某某市交通运输局 项目负责人 张三\n")
    assert report.agency == "某某市交通运输局"


def test_department_report_with_a_project_section_is_mixed():
    text = ("某某区动物疫病预防控制中心2023年度部门整体支出绩效自评报告\n"
            "2023年全年预算数 135.06 万元，预算执行率为 98.68%。\n附件：项目支出绩效自评表\n"
            "一、2023年动物防疫补助资金\n本项目全年预算数为 84.4 万元。\n")
    report = parse(text)
    assert report.report_kind == "mixed"
    assert report.department_budget["budget"] == 135.06     # the first, department statement


def test_mixed_report_total_is_the_department_score_not_a_project_score():
    text = ("某某区卫生健康局2024年度部门整体支出绩效自评报告\n"
            "2024年全年预算数 5933.24 万元，资金总体支出 5617.10 万元，预算执行率为 94.67%。\n"
            "经自评，某某区卫生健康局2024年度部门整体支出绩效自评得分96分，评价等级为“优秀”。\n"
            "附件：项目支出绩效自评表\n一、2024年公共卫生服务补助资金\n"
            "本项目全年预算数为 139.29 万元，全年执行数为 139.29 万元，预算执行率为 100%。\n"
            "（三）自评结论。本项目自评得分为92.9分。\n")
    report = parse(text)
    assert report.report_kind == "mixed"
    assert report.total_score == 96
    assert report.department_budget["executed"] == 5617.10
    assert not any("两个不同的数" in w for w in report.warnings)   # the project's figures are not the department's


def test_third_party_report_names_the_evaluated_unit_not_the_commissioner():
    text = ("关于某某县2022年农村饮水安全工程项目的绩效评价报告\n"
            "受某某县财政局委托，某某会计师事务所有限公司对某某县水利局实施的2022年农村饮水安全工程项目开展绩效评价。\n"
            "评价结论：该项目综合得分85.6分，绩效评价等级为\"良\"。\n")
    report = parse(text)
    assert report.agency == "某某县水利局"
    assert report.evaluation_type == "third_party"
    assert (report.total_score, report.grade, report.year) == (85.6, "良", 2022)


def test_maximum_before_the_score_is_not_a_second_total():
    report = parse("某某县水利局2023年度项目支出绩效自评报告\n本项目总分100分，自评得分95分，等级为优秀。\n")
    assert report.total_score == 95


def test_spending_side_of_a_budget_is_the_budget():
    text = "某某县民政局2023年度部门整体支出绩效自评报告\n2023年部门预算收入500万元、支出500万元；全年实际支出480万元。\n"
    budget = parse(text).department_budget
    assert (budget["budget"], budget["executed"]) == (500, 480)


@pytest.mark.parametrize("text", ["", "\n\n", "绩效", "总分", "等级为", "2024年", "实施单位：", "存在的问题\n",
                                  "预算执行率为%", "全年预算数 万元", "｜" * 5000],
                         ids=lambda t: repr(t[:12]))
def test_odd_fragments_parse_without_inventing_values(text):
    report = parse(text)
    assert (report.agency, report.total_score, report.grade, report.department_budget) == (None, None, None, None)
    assert report.findings == []


def test_results_notice_without_title_is_mixed_by_its_words_and_tables(tables):
    tables.projects = [Project(name="2019年禁毒工作专项经费", total_score=93.4)]
    text = ("为推进预算绩效管理，我局委托第三方对2019年禁毒工作专项经费等项目进行重点评价。"
            "评价得分为93.4分，区卫健局2019年部门整体绩效评价结果为优秀。\n")
    report = parse(text)
    assert report.report_kind == "mixed"
    assert any("报告类型不确定" in w for w in report.warnings)


def test_flattened_page_keeps_department_figures_beside_a_narrative_project(tables):
    # The whole page is one line: the department's figures and the project's share it.
    line = ("某某市河湖管理中心 2022 年整体和项目支出绩效自评总结报告 部门预算总金额 803.74 万元其中:基本支出 757.49 万元,"
            "项目支出 46.25 万元。 完成率均达到 100%;我单位共有 1 个项目,项目金额 46.00 万元。")
    tables.projects = [Project(name="闸坝维修经费", budget_full_year=46.0, provenance={"budget_full_year": (1, 1)})]
    budget = parse(line + "\n").department_budget
    assert (budget["budget"], budget["basic_budget"], budget["execution_rate_pct"]) == (803.74, 757.49, 100)


def test_table_column_headers_are_not_finding_headings():
    text = ("2024年度项目支出绩效自评表\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分\n"
            "析及改进措施\n产出指标\t数量指标\t培训人次\t≥300人次\t312人次\t20\t20\t\n")
    assert parse(text).findings == []


def test_publisher_label_is_used_with_a_warning():
    text = "[ 发布机构 ] | 某某县发展和改革委员会 |\n关于2024年度项目绩效目标的自评报告\n项目预算资金20万元。\n"
    report = parse(text)
    assert report.agency == "某某县发展和改革委员会"
    assert any("网页发布者" in w for w in report.warnings)


def test_approving_bureau_in_prose_is_not_the_reporter():
    text = ("2023年度项目支出绩效自评报告\n经某某县财政局批复，某某县某某镇人民政府实施道路养护项目，"
            "某某县某某镇人民政府按期完成。项目资金30万元。\n")
    assert parse(text).agency == "某某县某某镇人民政府"


def test_a_project_mentioned_in_department_prose_does_not_give_department_figures():
    text = ("某某县文旅局2023年度部门整体支出绩效自评报告\n"
            "其中，文化惠民项目预算100万元，实际支出95万元，执行率95%。\n"
            "部门全年预算数 800 万元，资金总体支出 760 万元，预算执行率为 95.00%。\n")
    budget = parse(text).department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (800, 760, 95.0)


def test_a_task_completion_rate_is_not_the_execution_rate():
    text = ("某某县水利局2022年整体和项目支出绩效自评总结报告\n部门预算总金额 800 万元。任务完成率 100%。\n")
    assert parse(text).department_budget["execution_rate_pct"] is None


def test_budget_arranged_or_approved():
    text = "某某县林业局2023年度部门整体支出绩效自评报告\n2023年部门预算安排 420.5 万元。\n"
    assert parse(text).department_budget["budget"] == 420.5


def test_budget_labelled_yearly_with_thousands_separators():
    text = "某某区城市管理局2023年度部门整体支出绩效自评报告\n（三）预算执行情况：年度预算数12,500.00万元，预算执行率96.80%。\n"
    budget = parse(text).department_budget
    assert (budget["budget"], budget["execution_rate_pct"]) == (12500.0, 96.8)


def test_signature_ends_the_last_findings_section_and_region_stops_at_the_place():
    text = ("2023年度项目支出绩效自评报告\n四、存在问题\n无\n五、下一步改进措施\n继续加强项目管理。\n"
            "某某市某某区住房和城乡建设局\n2024年3月\n")
    report = parse(text)
    assert [(f.kind, f.text) for f in report.findings] == [("measure", "继续加强项目管理。")]
    assert report.agency == "某某市某某区住房和城乡建设局"
    assert report.region == "某某市某某区"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (Project(subject="department", budget_full_year=1500, executed=1480, execution_rate_pct=98.67), (1500, 1480, 98.67)),
        (Project(subject="department", executed=1500, execution_rate_pct=1480), (None, None, None)),
        (Project(subject="department", budget_full_year=1500, executed=1480, execution_rate_pct=50), (None, None, None)),
    ],
    ids=["consistent", "rate-out-of-range", "rate-contradicts-amounts"],
)
def test_department_table_money_is_taken_only_when_it_holds_together(tables, table, expected):
    tables.projects = [table]
    budget = parse("某某县人社局\n2022年度部门整体支出绩效自评表\n").department_budget or {}
    assert (budget.get("budget"), budget.get("executed"), budget.get("execution_rate_pct")) == expected


def test_general_public_budget_income_is_a_fund_type_not_a_budget():
    text = ("2022年度部门整体支出绩效自评报告\n单位：某某自治县民族宗教事务局\n"
            "本局2022年一般公共预算财政拨款收入356.20万元，支出350.10万元。其中：基本支出300.10万元，项目支出50.00万元。\n")
    report = parse(text)
    budget = report.department_budget
    assert (budget["budget"], budget["income"], budget["executed"]) == (None, 356.2, 350.1)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (300.1, 50.0)
    assert report.agency == "某某自治县民族宗教事务局"


def test_mixed_report_grade_is_the_department_grade_not_a_project_grade():
    text = ("某某区卫生健康局2024年度部门整体支出绩效自评报告\n部门整体支出绩效评价等级为优秀。\n"
            "附件：项目支出绩效自评表\n一、公共卫生服务补助资金\n本项目评价得分88分，评价等级为良好。\n")
    report = parse(text)
    assert (report.report_kind, report.grade) == ("mixed", "优秀")


def test_basic_data_table_label_value_pairs():
    text = ("某某县财政局2023年度部门整体支出绩效自评报告\n部门整体支出基础数据表\n金额单位：万元\n"
            "全年预算数\t1100\t全年执行数\t1050.5\t预算执行率\t95.5%\n结转结余\t49.5\t\t\n")
    report = parse(text)
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"], budget["carryover"]) == (1100, 1050.5, 95.5, 49.5)
    assert report.provenance["department_budget.executed"] == (4, 4)


def test_basic_data_table_without_a_unit_reads_no_amount():
    text = "某某县财政局2023年度部门整体支出绩效自评报告\n全年预算数\t1100\t预算执行率\t95.5%\n"
    budget = parse(text).department_budget
    assert (budget["budget"], budget["execution_rate_pct"]) == (None, 95.5)


def test_basic_data_table_in_yuan():
    text = "某某县财政局2023年度部门整体支出绩效自评报告\n| 全年预算数(元) | 1,250,000.00 |\n"
    assert parse(text).department_budget["budget"] == 125.0



def test_a_department_budget_table_gives_the_totals_and_the_parts():
    text = ("某某区卫生健康局2023年度部门整体支出绩效自评报告\n一、部门预算执行情况\n单位：万元\n"
            "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
            "基本支出\t3,200.00\t3,350.50\t3,301.20\t98.53%\n"
            "项目支出\t1,800.00\t2,105.30\t1,890.60\t89.80%\n"
            "合计\t5,000.00\t5,455.80\t5,191.80\t95.16%\n")
    budget = parse(text).department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (5455.8, 5191.8, 95.16)
    assert (budget["basic_budget"], budget["basic_expenditure"]) == (3350.5, 3301.2)
    assert (budget["project_budget"], budget["project_expenditure"]) == (2105.3, 1890.6)


def test_a_department_budget_table_without_a_unit_gives_no_amount():
    text = ("某某区卫生健康局2023年度部门整体支出绩效自评报告\n"
            "项目\t全年预算数\t全年执行数\t执行率\n合计\t5,455.80\t5,191.80\t95.16%\n")
    assert (parse(text).department_budget or {}).get("budget") is None
