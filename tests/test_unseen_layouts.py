"""Layouts the corpus lacks, found by writing reports the way other provinces print them.

Each table below is made up in the shape of a real form (no corpus text). Every case was
read wrongly once — a value in the wrong field, or a number from the wrong row — and the
assertion names the value a reader of the form would write down.
"""
import pytest

from loaders.parse import parse_report
from loaders.parse.projects import parse_projects


def only_project(text: str):
    projects, warnings = parse_projects(text.split("\n"))
    assert len(projects) == 1, [p.name for p in projects]
    return projects[0], warnings


def money(project):
    return (project.budget_initial, project.budget_full_year, project.executed,
            project.execution_rate_pct, project.execution_weight, project.execution_score)


def rows(project):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators]


# --- the money block ---------------------------------------------------------------------------

def test_a_single_budget_column_is_the_full_year_budget():
    project, _ = only_project("\n".join([
        "项目名称\t城区燃气管网改造补助",
        "资金情况（万元）\t预算数\t执行数\t执行率\t分值\t得分",
        "年度资金总额\t1,520.00\t1,368.00\t90.00%\t10\t9",
    ]))
    assert project.name == "城区燃气管网改造补助"
    assert money(project) == (None, 1520.0, 1368.0, 90.0, 10.0, 9.0)


def test_a_rate_printed_as_a_fraction_is_scaled_when_the_amounts_confirm_it():
    project, warnings = only_project("\n".join([
        "项目名称\t良种补贴",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t50.00\t50.00\t48.02\t10\t0.9604\t9.6",
    ]))
    assert project.execution_rate_pct == 96.04
    assert any("小数" in w for w in warnings)


def test_a_fraction_the_amounts_do_not_confirm_is_left_empty():
    project, warnings = only_project("\n".join([
        "项目名称\t良种补贴",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t50.00\t50.00\t30.00\t10\t0.9604\t9.6",
    ]))
    assert project.execution_rate_pct is None
    assert project.executed == 30.0
    assert any("0.9604" in w for w in warnings)


def test_an_implausible_rate_is_not_kept():
    project, warnings = only_project("\n".join([
        "项目名称\t某补助",
        "项目资金（万元）\t全年预算数\t全年执行数\t执行率\t分值\t得分",
        "年度资金总额\t100\t90\t900%\t10\t9",
    ]))
    assert project.execution_rate_pct is None
    assert project.executed == 90.0
    assert any("超出合理范围" in w for w in warnings)


# --- units written inside the cells --------------------------------------------------------------

POINTS_IN_CELLS = "\n".join([
    "某区教育体育局2023年度项目支出绩效自评表",
    "项目名称\t校园安保服务购买经费",
    "项目资金\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t860.00万元\t958.40万元\t931.52万元\t10分\t97.20%\t9.7分",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t配备专职保安人数\t≥248人\t252人\t40分\t40分",
    "满意度指标\t服务对象满意度指标\t师生家长满意度\t≥92%\t95.3%\t50分\t49分",
    "总分\t\t\t\t\t100分\t98.7分",
])


def test_points_written_in_every_score_cell_are_numbers():
    project, _ = only_project(POINTS_IN_CELLS)
    assert money(project) == (860.0, 958.4, 931.52, 97.2, 10.0, 9.7)
    assert rows(project) == [
        ("产出指标", "数量指标", "配备专职保安人数", "≥248人", "252人", 40.0, 40.0),
        ("满意度指标", "服务对象满意度指标", "师生家长满意度", "≥92%", "95.3%", 50.0, 49.0),
    ]
    assert project.total_score == 98.7


def test_the_total_row_with_points_gives_the_score_not_the_maximum():
    report = parse_report(POINTS_IN_CELLS, "example.txt")
    assert report.total_score == 98.7


# --- a target printed in parts: 符号 | 指标值 | 计量单位 ----------------------------------------------

def _split_target_table(op_header: str, sep: str) -> str:
    lines = [
        ["项目名称", "农田水利设施管护"],
        ["一级指标", "二级指标", "三级指标", op_header, "指标值", "计量单位", "实际完成值", "权重(%)", "得分"],
        ["产出指标", "数量指标", "管护农田面积", "≥", "5.2", "万亩", "5.35", "20", "20"],
        ["", "成本指标", "每亩管护成本", "≤", "120", "元/亩", "117.5", "10", "10"],
        ["效益指标", "经济效益指标", "粮食亩产增加", "≥", "20", "公斤", "18", "10", "8"],
        ["", "生态效益指标", "灌溉水有效利用系数", "≥", "0.6", "—", "0.61", "10", "10"],
    ]
    if sep == "|":
        return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
    return "\n".join("\t".join(cells) for cells in lines)


@pytest.mark.parametrize("op_header", ["符号", "指标性质"])
@pytest.mark.parametrize("sep", ["|", "\t"])
def test_an_operator_column_in_a_one_row_header_stays_with_the_target(op_header, sep):
    # the unit column before 实际完成值 is the target's (符号 | 指标值 | 单位); the actual cell is kept as written
    project, _ = only_project(_split_target_table(op_header, sep))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("管护农田面积", "≥5.2万亩", "5.35", 20.0, 20.0),
        ("每亩管护成本", "≤120元/亩", "117.5", 10.0, 10.0),
        ("粮食亩产增加", "≥20公斤", "18", 10.0, 8.0),
        ("灌溉水有效利用系数", "≥0.6", "0.61", 10.0, 10.0),
    ]


@pytest.mark.parametrize("unit, ok", [("公斤", True), ("元/亩", True), ("小时/周", True), ("万人次", True),
                                      ("定性", False), ("详见说明，按季度", False), ("12", False)])
def test_a_unit_column_takes_units_the_vocabulary_lacks_but_no_words(unit, ok):
    project, _ = only_project("\n".join([
        "项目名称\t某项目",
        "一级指标\t二级指标\t三级指标\t指标值\t计量单位\t实际完成值\t分值\t得分",
        f"产出指标\t数量指标\t服务时长\t≥20\t{unit}\t21\t10\t10",
    ]))
    (indicator,) = project.indicators
    assert indicator.target == (f"≥20{unit}" if ok else "≥20")


def test_a_score_is_not_glued_to_the_next_rows_label():
    """…| 10 | 9 ⏎ | 满意度指标 …: 9 + 生态效益指标 once read as a misspelt label (one character off)."""
    project, _ = only_project("\n".join([
        "项目名称\t文化惠民工程",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "效益指标\t社会效益指标\t参与人次\t≥6万人次\t5.8万人次\t20\t18",
        "\t可持续影响指标\t设备正常运行率\t≥98%\t99.2%\t10\t9",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93.5%\t10\t10",
    ]))
    assert [(i.level1, i.level2, i.score) for i in project.indicators] == [
        ("效益指标", "社会效益指标", 18.0),
        ("效益指标", "可持续影响指标", 9.0),
        ("满意度指标", "服务对象满意度指标", 10.0),
    ]


# --- columns the vocabulary lacks ------------------------------------------------------------------

def test_an_unknown_column_in_a_one_row_header_keeps_the_others_in_place():
    project, _ = only_project("\n".join([
        "项目名称\t燃气管道更新改造",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t完成率（%）\t分值\t得分\t偏差原因分析",
        "产出指标\t数量指标\t改造燃气管道长度\t≥42公里\t38.6公里\t91.9\t50\t45.9\t部分路段审批延后",
        "\t质量指标\t工程验收合格率\t100%\t100%\t100\t20\t20\t",
        "效益指标\t可持续影响指标\t管网设计使用年限\t≥30年\t30年\t100\t30\t30\t",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "改造燃气管道长度", "≥42公里", "38.6公里", 50.0, 45.9),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 20.0, 20.0),
        ("效益指标", "可持续影响指标", "管网设计使用年限", "≥30年", "30年", 30.0, 30.0),
    ]
    assert project.indicators[0].deviation_reason == "部分路段审批延后"


THIRD_PARTY_TABLE = "\n".join([
    "绩效评价指标评分表",
    "一级指标\t二级指标\t三级指标\t分值\t评分\t扣分原因",
    "决策（10分）\t项目立项\t立项依据充分性\t4\t4\t",
    "\t\t立项程序规范性\t6\t3\t未履行集体决策程序，扣3分",
    "效益（10分）\t可持续影响\t运营长效机制\t5\t1\t未建立考核机制，扣4分",
    "\t满意度\t居民满意度\t5\t5\t",
    "合计\t\t\t20\t13\t",
])


def test_a_row_opening_with_an_empty_cell_is_a_new_row_not_the_rest_of_a_reason():
    project, _ = only_project(THIRD_PARTY_TABLE)
    assert [(i.level1, i.level2, i.name, i.weight, i.score, i.deviation_reason) for i in project.indicators] == [
        ("决策", "项目立项", "立项依据充分性", 4.0, 4.0, None),
        ("决策", "项目立项", "立项程序规范性", 6.0, 3.0, "未履行集体决策程序，扣3分"),
        ("效益", "可持续影响", "运营长效机制", 5.0, 1.0, "未建立考核机制，扣4分"),
        ("效益", "满意度", "居民满意度", 5.0, 5.0, None),
    ]
    assert project.total_score is None   # 合计 | 20 | 13: a subtotal of fewer than the 100 points, no project score


def test_level_cells_with_bare_points_and_level_twos_under_a_broader_level_one():
    """Hubei-style 决策（20） / 绩效（50） | 产出 / 效益 / 满意度: the points in brackets carry no 分."""
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t指标分值\t指标解释\t自评分",
        "决策（20）\t项目立项\t立项依据充分性\t20\t项目立项是否符合法律法规\t20",
        "绩效（80）\t产出\t服务企业数量\t40\t全年服务中小企业≥300家，实际326家\t40",
        "\t效益\t企业融资对接金额\t20\t≥2亿元，实际1.8亿元\t16",
        "\t满意度\t企业满意度\t20\t≥90%，实际93%\t20",
        "\t\t企业回访率\t0\t≥80%\t0",
        "合计\t\t\t100\t\t96",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "项目立项", "立项依据充分性", 20.0, 20.0),
        ("绩效", "产出", "服务企业数量", 40.0, 40.0),
        ("绩效", "效益", "企业融资对接金额", 20.0, 16.0),
        ("绩效", "满意度", "企业满意度", 20.0, 20.0),
        ("绩效", "满意度", "企业回访率", 0.0, 0.0),
    ]


def test_under_a_one_line_tab_header_the_column_says_the_level():
    """预算执行 is a 二级 label in most tables; in the 一级指标 column of this one it is the 一级."""
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t完成植树造林面积\t≥1500亩\t1620亩\t45\t45",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t91%\t45\t40",
        "预算执行\t预算执行率\t预算执行率\t100%\t97.36%\t10\t5",
    ]))
    assert rows(project)[-1] == ("预算执行", "预算执行率", "预算执行率", "100%", "97.36%", 10.0, 5.0)
    assert rows(project)[1][:2] == ("满意度指标", "服务对象满意度指标")


THIRD_PARTY_REPORT = "\n".join([
    "某市某区2023年度农村人居环境整治专项资金",
    "绩效评价报告",
    "评价机构：某某会计师事务所有限公司",
    "该项目2023年预算安排1,200万元，实际支出1,086.4万元，预算执行率90.53%。经综合评价，该项目得分84.6分，评价等级为“良”。",
    "附表：绩效评价指标体系及评分表",
    "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分",
    "产出\t40\t产出数量\t40\t改厕任务完成率\t40\t37",
    "效益\t60\t可持续影响\t20\t设施持续使用情况\t20\t18",
    "\t\t满意度\t40\t村民满意度\t40\t29.6",
    "合计\t100\t\t100\t\t100\t84.6",
])


def test_a_title_on_two_lines_names_the_project_and_unlisted_level_twos_keep_their_points_apart():
    report = parse_report(THIRD_PARTY_REPORT, "example.txt")
    (project,) = report.projects
    assert project.name == "2023年度农村人居环境整治专项资金"
    assert (project.budget_full_year, project.executed, project.execution_rate_pct) == (1200.0, 1086.4, 90.53)
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("产出", "产出数量", "改厕任务完成率", 40.0, 37.0),
        ("效益", "可持续影响", "设施持续使用情况", 20.0, 18.0),
        ("效益", "满意度", "村民满意度", 40.0, 29.6),
    ]
    assert (report.total_score, report.grade, report.evaluation_type) == (84.6, "良", "third_party")


def test_a_grade_named_in_a_condition_is_no_grade():
    report = parse_report("\n".join([
        "某区财政局关于2023年度区级财政重点绩效评价结果的公告",
        "区财政局委托第三方机构对2个区级重点项目开展了绩效评价。评价结果如下：",
        "序号\t项目名称\t主管部门\t预算金额（万元）\t评价得分\t评价等级",
        "1\t老旧小区微改造项目\t区住房建设和园林局\t12,580.00\t88.5\t良",
        "2\t就业创业补贴资金\t区人力资源和社会保障局\t317.00\t58.6\t差",
        "对评价等级为“差”的项目，原则上压减下年度预算规模30%以上。",
    ]), "example.txt")
    assert report.grade is None
    assert [(p.name, p.total_score) for p in report.projects] == [("老旧小区微改造项目", 88.5), ("就业创业补贴资金", 58.6)]


def test_a_negative_actual_is_kept_as_written_beside_a_unit_column():
    project, _ = only_project("\n".join([
        "指标名称\t计量单位\t指标性质\t年初指标值\t全年完成值\t指标权重（分）\t指标得分（分）\t是否核心指标",
        "举办全民健身赛事活动场次\t场\t≥\t150\t186\t15\t15\t是",
        "“三公”经费变动率\t%\t≤\t0\t-6.5\t10\t10\t否",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("举办全民健身赛事活动场次", "≥150场", "186"), ("“三公”经费变动率", "≤0%", "-6.5")]


def test_a_reason_cell_ending_a_line_is_not_joined_to_the_next_rows_label():
    """…| 10 | 无 ⏎ 满意度指标 …: 无 + 满意度指标 once read as a misspelt label, losing the level 1."""
    project, _ = only_project("\n".join([
        "一级指标      二级指标          三级指标        年度指标值   实际完成值   分值   得分   偏差原因",
        "效益指标      社会效益指标      应用能力提升    明显提升     有所提升     15     12     培训不足",
        "              可持续影响指标    设备正常运行率  ≥98%         99.2%        10     10     无",
        "满意度指标    服务对象满意度指标 师生满意度     ≥90%         95.6%        15     15     无",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][-2:] == [
        ("效益指标", "可持续影响指标", "设备正常运行率"), ("满意度指标", "服务对象满意度指标", "师生满意度")]


# --- department figures in other wordings -----------------------------------------------------------

def department(text: str):
    report = parse_report(text, "example.txt")
    return report, report.department_budget or {}


def test_spending_of_the_year_and_its_parts_are_spending_not_budget():
    report, budget = department("\n".join([
        "某区农业农村局2023年度部门整体支出绩效自评报告",
        "二、部门整体支出情况",
        "2023年度部门年初预算2,836.50万元，全年预算数3,104.22万元，全年支出3,012.87万元，预算执行率97.06%。"
        "其中：基本支出1,124.65万元，项目支出1,888.22万元。年末结转结余91.35万元，结转结余率2.94%。",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (3104.22, 3012.87, 97.06)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (1124.65, 1888.22)
    assert "basic_budget" not in budget and "project_budget" not in budget


def test_a_rate_in_words_and_amounts_in_yi_yuan():
    report, budget = department("\n".join([
        "某市教育局2022年度部门整体支出绩效自评报告",
        "2022年全年预算数为32.65亿元，全年支出31.84亿元，预算执行率达百分之九十七点五二。其中基本支出24.36亿元，项目支出7.48亿元。",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (326500.0, 318400.0, 97.52)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (243600.0, 74800.0)


def test_a_budget_and_final_accounts_table_and_the_departments_own_score_among_project_scores():
    report, budget = department("\n".join([
        "某区司法局2023年度部门整体支出绩效自评报告",
        "2023年度部门预算执行情况如下表（单位：万元）：",
        "项目\t预算数\t决算数\t执行率",
        "基本支出\t1,486.25\t1,470.88\t98.97%",
        "项目支出\t612.40\t566.19\t92.45%",
        "合计\t2,098.65\t2,037.07\t97.07%",
        "我局2023年共有3个项目开展绩效自评，其中：人民调解经费自评得分98分，社区矫正工作经费自评得分95.5分。",
        "经自评，我局2023年度部门整体支出绩效自评得分96.2分，评价等级为“优”。",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (2098.65, 2037.07, 97.07)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (1470.88, 566.19)
    assert report.total_score == 96.2


@pytest.mark.parametrize("title, name", [
    (["某区2022年度城市社区服务设施运营补助资金", "重点绩效评价报告（摘要）"], "2022年度城市社区服务设施运营补助资金"),
    (["某县2023年度农村公路养护资金重点绩效评价报告"], "2023年度农村公路养护资金"),
    (["某市某区2023年度农村人居环境整治专项资金", "", "绩效评价报告"], "2023年度农村人居环境整治专项资金"),
    (["某市某区学前教育提升工程项目", "2020年度财政支出绩效评价报告"], "某市某区学前教育提升工程项目"),
    (["某市某区农村公路提档升级工程专项资金", "绩效评价报告"], "某市某区农村公路提档升级工程专项资金"),
    (["某区财政局", "绩效评价报告"], None),
    (["某区2023年度财政局", "绩效评价报告"], None),
])
def test_the_project_named_by_a_title_on_one_or_two_lines(title, name):
    from loaders.parse.narrative import title_project_name
    found = title_project_name(title + ["一、项目概况", "略。"])
    assert (found[0] if found else None) == name


# --- flattened runs --------------------------------------------------------------------------------

@pytest.mark.parametrize("row, target, actual", [
    ("设施使用年限40≥15年15年40", "≥15年", "15年"),      # 年: in the unit list
    ("无人机巡查架次40≥15架15架40", "≥15架", "15架"),     # 架: not in it, but written after both numbers
])
def test_a_flattened_row_keeps_its_unit_and_its_score(row, target, actual):
    from loaders.parse.flattened import split_row_blob
    (found,) = split_row_blob(row, ["name", "weight", "target", "actual", "score", "reason"])
    assert (found["target"], found["actual"], found["weight"], found["score"]) == (target, actual, "40", "40")


def test_a_unit_cut_off_its_number_is_no_actual():
    from loaders.parse.flattened import split_row_blob
    # 架 written after the target only: no reading puts 架 alone in the actual (and 15 in the score)
    found = split_row_blob("无人机巡查架次40≥15架1540", ["name", "weight", "target", "actual", "score"])
    assert found is None or all(row.get("actual") != "架" for row in found)


# --- OCR and PDF text --------------------------------------------------------------------------------

def test_a_thousands_gap_inside_a_number_is_no_cell_border():
    project, _ = only_project("\n".join([
        "项目名称  高标准农田建设项目",
        "项目资金    年初预算数   全年预算数   全年执行数   分值   执行率   得分",
        "年度资金总额   1 580.00   1 726.45   1 652.30   10   95.71%   9.6",
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        "产出指标  成本指标  亩均财政投入  ≤1500元/亩  1 150元/亩  10  10",
        "效益指标  社会效益指标  受益农户数  ≥3200户  3 416户  10  10",
    ]))
    assert money(project) == (1580.0, 1726.45, 1652.3, 95.71, 10.0, 9.6)
    assert [(i.target, i.actual) for i in project.indicators] == [("≤1500元/亩", "1150元/亩"), ("≥3200户", "3416户")]


def test_money_points_that_cannot_be_points_are_not_kept():
    project, warnings = only_project("\n".join([
        "项目名称\t某项目",
        "项目资金\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t100\t120\t108\t726.45\t90%\t652.3",
    ]))
    assert (project.execution_weight, project.execution_score) == (None, None)
    assert project.executed == 108.0
    assert any("726.45" in w for w in warnings)


SHORT_LABELS = "\n".join([
    "项目名称  社区卫生服务中心标准化建设项目",
    "一级指标    二级指标        三级指标                  指标值          实际完成值      权重    得分    备注",
    "产出        数量            完成标准化改造中心数量    12家            12家            15      15",
    "                            更新诊疗设备数量          ≥300台（套）    326台（套）     15      15      含DR设备2台",
    "            质量            改造工程验收合格率        100%            100%            10      10",
    "效果        社会效益        社区首诊率提升            较上年提高      提高2.3个百分点 10      10",
    "            服务对象满意度  群众就医满意度            ≥90%            93.8%           10      10",
])


def test_short_level_labels_and_a_note_at_the_end_of_a_row():
    """投入/过程/产出/效果 forms with 数量 / 质量 as level 2 (Shanghai, Zhejiang); a 备注 cell stays in its row."""
    project, _ = only_project(SHORT_LABELS)
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("产出", "数量", "完成标准化改造中心数量", 15.0, 15.0),
        ("产出", "数量", "更新诊疗设备数量", 15.0, 15.0),
        ("产出", "质量", "改造工程验收合格率", 10.0, 10.0),
        ("效果", "社会效益", "社区首诊率提升", 10.0, 10.0),
        ("效果", "服务对象满意度", "群众就医满意度", 10.0, 10.0),
    ]


def test_an_indicator_subtotal_without_the_execution_points_is_not_the_project_total():
    report = parse_report("\n".join([
        "某区交通运输局2023年度项目支出绩效自评表",
        "| 项目名称 | 农村公路提升改造工程 |",
        "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| 年度资金总额 | 21500 | 23600 | 22872 | 10 | 96.92% | 9.7 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 备注 |",
        "| 产出指标 | 数量指标 | 农村公路提升改造里程 | ≥85公里 | 88.6公里 | 50 | 47 | 含桥梁接线1.2公里 |",
        "| | | 危桥改造数量 | 3座 | 3座 | 40 | 40 | |",
        "| 总分 | | | | | 90 | 87 | 不含预算执行率10分 |",
        "自评总分：96.7分",
    ]), "example.txt")
    (project,) = report.projects
    assert report.total_score == 96.7
    assert project.total_score == 96.7
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("农村公路提升改造里程", 50.0, 47.0), ("危桥改造数量", 40.0, 40.0)]


def test_a_department_money_table_without_indicators_is_no_evaluated_subject():
    report = parse_report("\n".join([
        "某区农业农村局2021年度部门整体支出绩效自评报告",
        "2021年年初预算3,860.00万元，年中追加调整后全年预算4,386.52万元，全年实际支出4,215.87万元，预算执行率为96.11%。",
        "经自评，部门整体支出绩效自评得分93.5分。",
        "附件：部门整体支出绩效评价基础数据表（单位：万元）",
        "部门整体支出\t年初预算数\t全年预算数\t全年支出数",
        "合计\t3,860.00\t4,386.52\t4,215.87",
        "基本支出\t1,480.00\t1,590.40\t1,563.20",
        "项目支出\t2,380.00\t2,796.12\t2,652.67",
    ]), "example.txt")
    assert report.projects == []
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (4386.52, 4215.87, 96.11)
    assert report.total_score == 93.5


# --- who reports -----------------------------------------------------------------------------------

@pytest.mark.parametrize("head, agency", [
    # the title names the reporting department; the form's 实施单位 is the unit that carried the project out
    (["某市某区教育局2023年度项目支出绩效自评表", "项目名称\t智慧校园建设补助",
      "主管部门\t某市某区教育局\t实施单位\t某市某区教育发展服务中心"], "某市某区教育局"),
    (["某市某区水务局", "2021 年度项目支出绩效自评表", "项目名称 饮水安全巩固提升工程",
      "主管部门 某市某区水务局 实施单位 某市某区供水管理站"], "某市某区水务局"),
    # no unit in the title: the 主管部门 (the budget department, who reports), not the 实施单位 under it
    (["2023年度项目支出绩效自评表", "项目名称\t农村公路养护", "主管部门\t某县交通运输局\t实施单位\t某县公路管理所"],
     "某县交通运输局"),
    # a unit's own name label comes first
    (["2023年度项目支出绩效自评表 | 部门:某县第一中学 |", "主管部门 | 某县教育体育局 | 实施单位 | 某县第一中学 |"],
     "某县第一中学"),
    # a unit inside a cited document is not the title's
    (["某县文化广电体育和旅游局", "关于开展2024年度绩效自评工作的报告", "某县财政局：",
      "根据《某县财政局关于开展2024年度预算绩效自评工作的通知》要求，我局开展了自评。"], "某县文化广电体育和旅游局"),
    # a third-party report: the commissioning finance bureau is not the agency
    (["某市某区2020年度马铃薯产业发展专项资金", "绩效评价报告", "委托单位：某市某区财政局",
      "项目主管单位：某市某区农业农村局", "评价机构：某某会计师事务所有限公司",
      "受某市某区财政局委托，我所组成评价组开展评价。"], "某市某区农业农村局"),
    # a finance bureau's report on a department: the department evaluated, named in full as the body names it
    (["某市某区财政局", "关于区城市管理执法局2021年度部门整体支出绩效评价的报告", "区城市管理执法局：",
      "我局对你局2021年度部门整体支出开展了绩效评价。", "一、部门概况", "某市某区城市管理执法局负责全区市容环境卫生工作。"],
     "某市某区城市管理执法局"),
])
def test_the_reporting_unit(head, agency):
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex
    assert find_agency(TextIndex(head)).value == agency


def test_a_header_cell_spanning_two_columns_leaves_an_empty_column_in_each_row():
    """An Excel sheet saved as tabs: 三级指标 is merged over two columns, so every row has an empty cell there."""
    project, _ = only_project("\n".join([
        "项目名称\t中小学课后服务经费",
        "绩效指标\t一级指标\t二级指标\t三级指标\t\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "\t产出指标\t数量指标\t参加课后服务学生人数\t\t≥15万人\t16.2万人\t10\t10\t",
        "\t\t\t开展课后服务学校数\t\t≥230所\t236所\t10\t10\t",
        "\t满意度指标\t服务对象满意度指标\t学生家长满意度\t\t≥90%\t92.3%\t15\t14\t问卷调查1,200份",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "参加课后服务学生人数", "≥15万人", "16.2万人", 10.0, 10.0),
        ("产出指标", "数量指标", "开展课后服务学校数", "≥230所", "236所", 10.0, 10.0),
        ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "92.3%", 15.0, 14.0),
    ]


@pytest.mark.parametrize("row, expected", [
    # OCR split 10 into 1 0 / 680.00 into 6 80.00: one joining makes the row hold together
    ("年度资金总额   1 580.00   1 726.45   1 652.30   1 0   95.71％   9.6", (1580.0, 1726.45, 1652.3, 95.71, 10.0, 9.6)),
    ("年度资金总额   6 80.00   671.20   671.20   10   100%   10", (680.0, 671.2, 671.2, 100.0, 10.0, 10.0)),
    # no joining holds together (12 points and 9 at 100 %): only the rate and the cell after it are certain
    ("年度资金总额   100.00   100.00   100.00   1 2   100%   9", (None, None, None, 100.0, None, 9.0)),
])
def test_a_money_row_with_a_number_split_by_ocr(row, expected):
    project, warnings = only_project("\n".join([
        "项目名称  高标准农田建设项目",
        "项目资金    年初预算数   全年预算数   全年执行数   分值   执行率   得分",
        row,
    ]))
    assert money(project) == expected
    assert any("拆开" in w or "比列多" in w for w in warnings)


CRITERIA_ONE_CELL_PER_LINE = "\n".join([
    "项目名称：马铃薯产业发展专项资金",
    "一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分",
    "过程（20分）", "组织实施", "管理制度健全性", "4", "制定了相应的项目管理制度和财务管理制度，得4分。", "3.5",
    "制度执行有效性", "4", "项目实施遵守相关法律法规和管理规定，得4分。", "3",
    "效益（30分）", "项目效益", "马铃薯产业链延伸", "8", "新增加工企业或延伸加工环节得8分。", "5.4",
    "生态效益", "4", "推广绿色防控技术，化肥农药减量使用得4分。", "3",
    "受益农户满意度", "8", "满意度≥90%得8分。", "8",
])


def test_label_words_inside_criteria_sentences_and_a_name_that_reads_like_a_level():
    project, _ = only_project(CRITERIA_ONE_CELL_PER_LINE)
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("过程", "组织实施", "管理制度健全性", 4.0, 3.5),
        ("过程", "组织实施", "制度执行有效性", 4.0, 3.0),
        ("效益", "项目效益", "马铃薯产业链延伸", 8.0, 5.4),
        ("效益", "项目效益", "生态效益", 4.0, 3.0),
        ("效益", "项目效益", "受益农户满意度", 8.0, 8.0),
    ]


CSV_EXPORT = "\n".join([
    "2021年度项目支出绩效自评表,,,,,,,,,,",
    "项目名称,中小学课后服务经费,,,,,,,,,",
    "主管部门,北京市某区教育委员会,,,,实施单位,北京市某区教育委员会,,,,",
    "项目资金（万元）,,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,,",
    ',年度资金总额,,"12,600.00","13,245.80","12,987.36",10,98.05%,9.8,,',
    "绩效指标,一级指标,二级指标,三级指标,,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,",
    ",产出指标,数量指标,参加课后服务学生人数,,≥15万人,16.2万人,10,10,,",
    "总分,,,,,,,100,96.8,,",
])


def test_a_spreadsheet_saved_as_csv_under_a_txt_name_is_read_as_a_table(tmp_path):
    from loaders.read import looks_like_csv, read_document
    path = tmp_path / "export.txt"
    path.write_text(CSV_EXPORT, encoding="utf-8")
    report = parse_report(read_document(path).text, path.name)
    (project,) = report.projects
    assert money(project) == (12600.0, 13245.8, 12987.36, 98.05, 10.0, 9.8)
    assert rows(project) == [("产出指标", "数量指标", "参加课后服务学生人数", "≥15万人", "16.2万人", 10.0, 10.0)]
    assert report.agency == "北京市某区教育委员会"
    assert not looks_like_csv("某局2023年度绩效自评报告\n预算执行率为96%，得分9.6分，全年支出120万元，其中基本支出,\n合计")


def test_a_unit_word_opening_a_project_name_is_not_the_agency():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex
    found = find_agency(TextIndex(["2021年度项目支出绩效自评表", "项目名称\t朝阳区中小学课后服务经费",
                                   "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"]))
    assert found is None or found.value != "朝阳区中小学"


def test_tables_under_their_own_project_headings_take_the_heading_and_its_money():
    projects, _ = parse_projects("\n".join([
        "某区卫生健康委员会2020年度项目支出绩效自评情况说明",
        "（一）社区卫生服务机构运行补助",
        "该项目全年预算数3,420.00万元，全年执行数3,356.81万元，执行率98.15%。",
        "绩效目标完成情况表",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t完成情况说明",
        "产出指标\t数量指标\t补助社区卫生服务机构数量\t46家\t46家\t按计划完成",
        "（二）家庭医生签约服务经费",
        "该项目全年预算数865.00万元，全年执行数801.05万元，执行率92.61%。",
        "绩效目标完成情况表",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t完成情况说明",
        "产出指标\t数量指标\t重点人群签约人数\t≥28万人\t29.4万人\t完成",
    ]).split("\n"))
    assert [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct, [i.name for i in p.indicators])
            for p in projects] == [
        ("社区卫生服务机构运行补助", 3420.0, 3356.81, 98.15, ["补助社区卫生服务机构数量"]),
        ("家庭医生签约服务经费", 865.0, 801.05, 92.61, ["重点人群签约人数"]),
    ]


def test_a_results_report_with_a_paragraph_per_project():
    report = parse_report("\n".join([
        "某市某区财政局关于2020年度财政支出重点绩效评价情况的报告",
        "我局委托第三方机构对2020年度2个重点项目开展了绩效评价。",
        "（一）老旧小区改造项目。该项目由区住房和城乡建设局实施，2020年预算5,230万元，实际支出4,986.2万元，"
        "预算执行率95.34%。评价得分88.5分，评价等级为“良”。",
        "（二）农贸市场提升改造补助。该项目由区商务局实施，2020年预算266.4万元，实际支出88.6万元，"
        "预算执行率33.26%。评价得分58.5分，评价等级为“差”。",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct, p.total_score) for p in report.projects] == [
        ("老旧小区改造项目", 5230.0, 4986.2, 95.34, 88.5),
        ("农贸市场提升改造补助", 266.4, 88.6, 33.26, 58.5),
    ]
    assert report.total_score is None and report.grade is None


def test_weights_printed_as_percent_cells_after_each_level():
    project, _ = only_project("\n".join([
        "某区“家门口”服务体系建设专项资金2021年度绩效评价报告",
        "一级指标\t权重\t二级指标\t权重\t三级指标\t权重\t得分",
        "决策\t15%\t项目立项\t5%\t立项依据充分性\t2%\t2",
        "\t\t\t\t立项程序规范性\t3%\t3",
        "效益\t30%\t项目效益\t30%\t居民获得感提升\t10%\t8",
        "\t\t\t\t服务覆盖人口\t10%\t9",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "项目立项", "立项依据充分性", 2.0, 2.0),
        ("决策", "项目立项", "立项程序规范性", 3.0, 3.0),
        ("效益", "项目效益", "居民获得感提升", 10.0, 8.0),
        ("效益", "项目效益", "服务覆盖人口", 10.0, 9.0),
    ]


def test_a_percent_in_a_target_column_stays_a_percent():
    project, _ = only_project("\n".join([
        "绩效指标\t一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分",
        "产出指标\t质量指标\t工程验收合格率\t13\t100%\t98%\t12",
    ]))
    assert [(i.target, i.actual, i.weight, i.score) for i in project.indicators] == [("100%", "98%", 13.0, 12.0)]


def test_a_pipe_budget_table_with_adjusted_budget_and_final_spending_columns():
    report, budget = department("\n".join([
        "某区市场监督管理局2021年度部门整体支出绩效自评报告",
        "二、部门预算执行情况（单位：万元）",
        "| 项目 | 年初预算 | 调整预算 | 决算支出 | 执行率 |",
        "| 基本支出 | 2,316.20 | 2,402.85 | 2,398.16 | 99.80% |",
        "| 项目支出 | 864.00 | 1,126.40 | 1,012.73 | 89.91% |",
        "| 合计 | 3,180.20 | 3,529.25 | 3,410.89 | 96.65% |",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (3529.25, 3410.89, 96.65)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (2398.16, 1012.73)


@pytest.mark.parametrize("parts, expected", [
    ("基本支出：\t568.32\t项目支出：\t1,517.87", (568.32, 1517.87)),   # they add up to the spending
    ("基本支出：\t500.00\t项目支出：\t1,000.00", (None, None)),         # they add up to nothing stated
])
def test_spending_parts_in_form_cells_are_kept_when_they_add_up(parts, expected):
    report, budget = department("\n".join([
        "部门整体支出绩效自评表",
        "部门名称：某区水利局",
        "年度预算申请（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t1,826.40\t2,153.75\t2,086.19\t10\t96.86%\t9.7",
        "按支出性质分\t" + parts,
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t河道整治长度\t≥12公里\t12.5公里\t90\t88",
    ]))
    assert (budget.get("basic_expenditure"), budget.get("project_expenditure")) == expected
    assert budget["executed"] == 2086.19


# --- space-aligned columns with wrapped cells (pdftotext -layout) ----------------------------------

LAYOUT_WRAPPED = "\n".join([
    " 项目名称        农村厕所革命奖补资金",
    " 一级指标  二级指标   三级指标          年度指标值     实际完成值    分值   得分   偏差原因分析",
    " 产出指标  时效指标   奖补资金兑付及    ≥90%           85%           10     8      部分农户改厕",
    "                      时率                                                       验收滞后，",
    "                                                                                 已于2022年1",
    "                                                                                 月兑付",
    " 效益指标  社会效益   农村卫生厕所普    ≥95%           96.2%         15     15",
    "           指标       及率",
    " 满意度指   服务对象   受益群众满意度    ≥90%           93%           15     15",
    " 标        满意度指",
    "           标",
    " 总分                                                                  100    96",
    " 自评等级：优",
])


def test_cells_wrapped_in_their_columns_are_joined():
    project, _ = only_project(LAYOUT_WRAPPED)
    assert rows(project) == [
        ("产出指标", "时效指标", "奖补资金兑付及时率", "≥90%", "85%", 10.0, 8.0),
        ("效益指标", "社会效益指标", "农村卫生厕所普及率", "≥95%", "96.2%", 15.0, 15.0),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", 15.0, 15.0),
    ]
    assert project.indicators[0].deviation_reason == "部分农户改厕验收滞后，已于2022年1月兑付"
    assert project.total_score == 96.0


def test_a_layout_padded_by_characters_is_read_too():
    from loaders.parse.layout import layout_tables_as_tabs
    lines = [
        "一级指标  二级指标  三级指标      年度指标值  实际完成值  分值  得分",
        "产出指标  数量指标  新建村级服务  ≥12个       12个        20    20",
        "                    站数量",
    ]
    assert layout_tables_as_tabs(lines)[1:] == ["产出指标\t数量指标\t新建村级服务站数量\t≥12个\t12个\t20\t20", ""]


def test_a_layout_table_without_wrapped_or_merged_cells_is_left_to_the_word_reader():
    from loaders.parse.layout import layout_tables_as_tabs
    lines = [
        "一级指标      二级指标          三级指标              年度指标值   实际完成值   分值   得分",
        "产出指标      数量指标          智慧教室建设数量      ≥120间       126间        15     15",
        "产出指标      质量指标          设备验收合格率        100%         100%         10     10",
        "总分                                                                            100    96.5",
        "自评等级：优",
    ]
    assert layout_tables_as_tabs(lines) == lines
    merged = lines[:2] + ["              质量指标          设备验收合格率        100%         100%         10     10"] + lines[3:]
    assert layout_tables_as_tabs(merged)[2] == "\t质量指标\t设备验收合格率\t100%\t100%\t10\t10"
    project, _ = only_project("\n".join(merged))
    assert rows(project) == [("产出指标", "数量指标", "智慧教室建设数量", "≥120间", "126间", 15.0, 15.0),
                             ("产出指标", "质量指标", "设备验收合格率", "100%", "100%", 10.0, 10.0)]


# --- figures stated only in prose ------------------------------------------------------------------

PROSE_ONLY = "\n".join([
    "某区司法局",
    "2023年度法律援助专项经费项目支出绩效自评报告",
    "一、项目概况",
    "本项目年初预算资金1,328,960.00元，年中因案件量增加调增至1,450,000.00元，全年实际支出1,386,254.60元，预算执行率95.60%。",
    "二、绩效目标完成情况",
    "（一）产出指标",
    "1.数量指标：办理法律援助案件数，年度目标值≥650件，实际完成712件；设立法律援助工作站，年度目标值12个，实际完成12个。",
    "2.质量指标：法律援助案件结案率，年度目标值≥95%，实际完成97.3%。",
    "（二）效益指标",
    "社会效益指标：为受援人挽回经济损失，年度目标值≥500万元，实际完成623.5万元。",
    "（三）满意度指标",
    "服务对象满意度指标：受援人满意度，年度目标值≥90%，实际完成96.2%。",
    "三、自评结论",
    "该项目自评得分93.5分，评价等级为“优”。",
])


def test_indicators_and_an_adjusted_budget_stated_only_in_prose():
    report = parse_report(PROSE_ONLY, "example.txt")
    (project,) = report.projects
    assert (project.budget_initial, project.budget_full_year, project.execution_rate_pct) == (132.896, 145.0, 95.6)
    assert abs(project.executed - 138.625460) < 1e-6
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in project.indicators] == [
        ("产出指标", "数量指标", "办理法律援助案件数", "≥650件", "712件"),
        ("产出指标", "数量指标", "设立法律援助工作站", "12个", "12个"),
        ("产出指标", "质量指标", "法律援助案件结案率", "≥95%", "97.3%"),
        ("效益指标", "社会效益指标", "为受援人挽回经济损失", "≥500万元", "623.5万元"),
        ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥90%", "96.2%"),
    ]
    assert (report.total_score, report.grade) == (93.5, "优")


def test_a_flattened_money_row_with_thousands_separators_and_three_amounts():
    from loaders.parse.flattened import split_money_blob
    columns = ["budget_initial", "budget_full_year", "executed", "execution_weight", "execution_rate_pct",
               "execution_score"]
    assert split_money_blob("1,250.001,480.001,392.681094.10%9.4", columns) == \
        ["1,250.00", "1,480.00", "1,392.68", "10", "94.10%", "9.4"]
    # 1250.00148 | 0.00 | …: a zero budget with money spent, or amounts with uneven decimals, is no reading
    assert split_money_blob("1250.001480.001392.681094.10%9.4", columns) == \
        ["1250.00", "1480.00", "1392.68", "10", "94.10%", "9.4"]


def test_a_flattened_cover_page_label_ends_the_unit_name_before_it():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex
    found = find_agency(TextIndex(["2023年度项目支出绩效自评表项目名称城镇老旧小区改造主管部门某市某区住房和城乡建设局"
                                   "实施单位某市某区住房和城乡建设局项目资金(万元)年初预算数"]))
    assert found.value == "某市某区住房和城乡建设局"


def test_a_cost_item_sentence_before_the_departments_figures_is_not_the_departments_spending():
    report, budget = department("\n".join([
        "某区综合行政执法局2022年度部门整体支出绩效自评报告",
        "（一）“三公”经费情况。2022年“三公”经费预算数18.50万元，决算数12.36万元，较预算减少6.14万元。",
        "（二）预算执行情况。本年度部门预算年初批复4,980.00万元，年中追加经费后，调整预算为5,702.36万元，"
        "全年实际支出5,519.40万元，预算执行率96.79%。",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (5702.36, 5519.4, 96.79)


def test_a_cut_in_the_initial_budget_is_not_the_initial_budget():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["说明：年初预算中638,600.00元因学校合并调减。", "项目年初预算1,268.00万元。"])
    assert stated["budget_initial"].value == 1268.0


def test_a_markdown_rule_row_and_a_name_label_merged_over_two_cells():
    project, _ = only_project("\n".join([
        "| 项目名称 | | 中小学校园安保服务经费 |",
        "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| 年度资金总额 | 1,268.00 | 1,195.34 | 1,170.22 | 10 | 97.90% | 9.79 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 评价得分 |",
        "|:---|:---|:---|---:|---:|---:|---:|",
        "| 产出指标 | 数量指标 | 安保人员配备人数 | ≥260人 | 264人 | 90 | 88 |",
    ]))
    assert project.name == "中小学校园安保服务经费"
    assert money(project) == (1268.0, 1195.34, 1170.22, 97.9, 10.0, 9.79)
    assert rows(project) == [("产出指标", "数量指标", "安保人员配备人数", "≥260人", "264人", 90.0, 88.0)]


OCR_SPACED = "\n".join([
    "某市某区教育和体育局",
    "2021年度项目支出绩效自评表",
    "项 目 名 称     学生资助资金",
    "项目资金（万元）     年初预算数     全年预算数     全年执行数     分值     执行率     得分",
    "年 度 资 金 总 额     680.00        671.20         671.20         10       100%       10",
    "一 级 指 标   二 级 指 标   三 级 指 标                年度指标值     实际完成值     分值   得分",
    "产 出 指 标   数量指标      资助家庭经济困难学生人次   ≧3200人次      3356人次       45     45",
    "",
    "— 1 —",
    "",
    "一 级 指 标   二 级 指 标   三 级 指 标                年度指标值     实际完成值     分值   得分",
    "效 益 指 标   社会效益指标  因贫失学辍学学生           0人            0人            35     35",
    "满 意 度 指 标   服务对象满意度指标   受助学生及家长满意度   ≧95%   97.2%   10     9",
    "总 分                                                                             90     89",
])


def test_ocr_labels_with_spaced_characters_a_page_number_and_the_header_again():
    project, _ = only_project(OCR_SPACED)
    assert project.name == "学生资助资金"
    assert money(project) == (680.0, 671.2, 671.2, 100.0, 10.0, 10.0)
    assert rows(project) == [
        ("产出指标", "数量指标", "资助家庭经济困难学生人次", "≧3200人次", "3356人次", 45.0, 45.0),
        ("效益指标", "社会效益指标", "因贫失学辍学学生", "0人", "0人", 35.0, 35.0),
        ("满意度指标", "服务对象满意度指标", "受助学生及家长满意度", "≧95%", "97.2%", 10.0, 9.0),
    ]


def test_a_space_aligned_goals_table_without_scores_keeps_rows_under_merged_level_cells():
    project, _ = only_project("\n".join([
        "表1  绩效目标完成情况表",
        "",
        "一级指标    二级指标    三级指标                  指标值    完成值",
        "产出指标    质量指标    高血压患者规范管理率      ≥65%      66.3%",
        "                        2型糖尿病患者规范管理率   ≥65%      63.8%",
        "            时效指标    补助资金拨付及时率        100%      100%",
    ]))
    assert [(i.level2, i.name, i.target, i.actual) for i in project.indicators] == [
        ("质量指标", "高血压患者规范管理率", "≥65%", "66.3%"),
        ("质量指标", "2型糖尿病患者规范管理率", "≥65%", "63.8%"),
        ("时效指标", "补助资金拨付及时率", "100%", "100%"),
    ]


def test_a_flattened_money_header_where_rate_and_score_run_together():
    project, _ = only_project(
        "项目支出绩效自评表(2022年度)项目名称某区农村公路建设补助资金主管部门某区交通局实施单位某区农村公路管理所"
        "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额:3200.003450.003312.001096.00%9.6"
        "其中:当年财政拨款3200.003450.003312.00——上年结转资金其他资金")
    assert project.name == "某区农村公路建设补助资金"
    assert money(project) == (3200.0, 3450.0, 3312.0, 96.0, 10.0, 9.6)


def test_a_money_header_printed_word_above_word():
    project, _ = only_project("\n".join([
        "  项目名称              2021年水毁水利工程修复项目",
        "                              年初          全年          全年",
        "  项目资金（万元）            预算数        预算数        执行数        分值     执行率      得分",
        "  年度资金总额                0.00          4,200.00      4,036.50      10       96.11%      9.6",
    ]))
    assert project.name == "2021年水毁水利工程修复项目"
    assert money(project) == (0.0, 4200.0, 4036.5, 96.11, 10.0, 9.6)


def test_stacked_header_words_join_only_when_each_pair_is_a_label():
    from loaders.parse.layout import join_stacked_headers
    lines = ["        说明      全年", "项目    预算数    预算数    执行数"]
    assert join_stacked_headers(lines) == lines


def test_an_execution_rate_row_inside_the_indicator_table_is_the_projects_execution():
    project, _ = only_project("\n".join([
        "项目名称\t耕地地力保护补贴",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t权重\t得分\t未完成原因及改进措施",
        "产出指标\t数量指标\t补贴发放面积\t≥98万亩\t98.62万亩\t80\t80\t",
        "满意度指标\t服务对象满意度指标\t补贴对象满意度\t≥90%\t95.6%\t10\t10\t",
        "预算执行率\t\t\t\t99.97%\t10\t9.9",
    ]))
    assert (project.execution_rate_pct, project.execution_weight, project.execution_score) == (99.97, 10.0, 9.9)
    assert project.provenance["execution_score"] == (5, 5)
    assert [i.name for i in project.indicators] == ["补贴发放面积", "补贴对象满意度"]


def test_a_department_forms_money_block_with_its_parts_and_a_spending_table_with_a_rate_column():
    report, budget = department("\n".join([
        "部门（单位）整体支出绩效自评表",
        "（2020年度）",
        "部门（单位）名称\t某区农业农村局",
        "金额合计（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率",
        "\t年度资金总额\t4,862.30\t6,358.92\t6,187.06\t97.30%",
        "\t其中：基本支出\t512.40\t528.65\t526.31\t99.56%",
        "\t项目支出\t4,349.90\t5,830.27\t5,660.75\t97.09%",
        "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值",
        "\t产出指标\t数量指标\t农业技术推广培训人次\t≥3000人次\t3260人次",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (6358.92, 6187.06, 97.3)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (526.31, 5660.75)

    report, budget = department("\n".join([
        "某区卫生健康局2022年度部门整体支出绩效自评报告",
        "表1  2022年度部门整体支出情况表（单位：万元）",
        "项目\t年初预算数\t全年预算数\t全年支出数\t执行率",
        "合计\t6,820.40\t7,356.18\t7,105.63\t96.59%",
        "基本支出\t2,168.52\t2,203.77\t2,196.08\t99.65%",
        "项目支出\t4,651.88\t5,152.41\t4,909.55\t95.29%",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (7356.18, 7105.63, 96.59)
    assert report.projects == []


def test_a_budget_table_comparing_last_year_reads_this_years_columns():
    report, budget = department("\n".join([
        "某区文化和旅游发展委员会",
        "2022年度部门整体支出绩效自评报告",
        "表1 部门整体支出情况表（单位：万元）",
        "项目\t2021年决算数\t2022年预算数\t2022年决算数\t预算执行率",
        "部门整体支出\t5,126.38\t5,864.20\t5,617.45\t95.79%",
        "其中：基本支出\t1,892.60\t1,956.10\t1,948.27\t99.60%",
        "项目支出\t3,233.78\t3,908.10\t3,669.18\t93.89%",
    ]))
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (5864.2, 5617.45, 95.79)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (1948.27, 3669.18)


def test_arranged_funds_and_disbursed_subsidies_in_prose():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["2023年度区财政安排学位建设补助资金28,500万元，其中：年初预算26,000万元，年中追加2,500万元。"])
    assert (stated["budget_full_year"].value, stated["budget_initial"].value) == (28500.0, 26000.0)
    stated = stated_money(["下达补贴资金共计1.0356亿元，已通过“一卡通”发放补贴资金1.0353亿元，资金执行率99.97%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (10356.0, 10353.0)


def test_a_sentence_after_the_table_ends_it_and_may_give_the_execution_points():
    report = parse_report("\n".join([
        "某区卫生健康委员会2020年度社区卫生服务中心标准化建设项目绩效自评报告",
        "本项目年初预算1,250.00万元，全年实际支出1,203.9万元，预算执行率96.31%。",
        "一级指标    二级指标        三级指标                  指标值          实际完成值      权重    得分",
        "产出        数量            完成标准化改造中心数量    12家            12家            45      45",
        "效果        服务对象满意度  群众就医满意度            ≥90%            93.8%           45      45",
        "",
        "预算执行率指标权重10分，本项目预算执行率96.31%，得9.6分。",
        "自评结论：该项目绩效评级为“良”。",
    ]), "example.txt")
    (project,) = report.projects
    assert [i.name for i in project.indicators] == ["完成标准化改造中心数量", "群众就医满意度"]
    assert (project.execution_rate_pct, project.execution_weight, project.execution_score) == (96.31, 10.0, 9.6)
    assert report.grade == "良"


def test_project_scores_named_in_one_sentence_of_a_department_report():
    report = parse_report("\n".join([
        "某区司法局2023年度部门整体支出绩效自评报告",
        "我局2023年共有3个项目开展绩效自评，其中：人民调解“以奖代补”经费自评得分98分，社区矫正工作经费自评得分95.5分，"
        "法治宣传教育经费自评得分91分。",
        "经自评，我局2023年度部门整体支出绩效自评得分96.2分，评价等级为“优”。",
    ]), "example.txt")
    assert [(p.name, p.total_score) for p in report.projects] == [
        ("人民调解“以奖代补”经费", 98.0), ("社区矫正工作经费", 95.5), ("法治宣传教育经费", 91.0)]
    assert report.total_score == 96.2


def test_a_results_report_with_a_departments_paragraph_keeps_project_figures_out_of_the_department():
    report = parse_report("\n".join([
        "某市某区财政局关于2020年度财政支出重点绩效评价情况的报告",
        "我局委托第三方机构对2020年度2个重点项目和区民政局部门整体支出开展了绩效评价。",
        "（一）老旧小区改造项目。该项目由区住房和城乡建设局实施，2020年预算5,230万元，实际支出4,986.2万元，"
        "预算执行率95.34%。评价得分88.5分，评价等级为“良”。",
        "（二）农贸市场提升改造补助。该项目由区商务局实施，2020年预算266.4万元，实际支出88.6万元，"
        "预算执行率33.26%。评价得分58.5分，评价等级为“差”。",
        "（三）区民政局部门整体支出。评价得分91分，评价等级为“优”。",
    ]), "example.txt")
    assert [(p.name, p.subject, p.total_score) for p in report.projects] == [
        ("老旧小区改造项目", "project", 88.5), ("农贸市场提升改造补助", "project", 58.5),
        ("区民政局部门整体支出", "department", 91.0)]
    assert report.report_kind == "mixed"
    assert not (report.department_budget or {}).get("execution_rate_pct")


def test_a_row_with_an_ocr_split_number_leaves_its_values_empty():
    """OCR split 20 into 2 0: the row ends with four numbers for three places; it was read as
    actual 0, weight 2, score 0 — the values are left empty with a warning."""
    project, warnings = only_project("\n".join([
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        "产出指标  数量指标  新建高标准农田面积  ≥1.5万亩  1.52万亩  2 0  2 0",
        "          质量指标  工程验收合格率  100%  100%  10  10",
        "          时效指标  项目完工及时率  ≥90%  100%  10  10",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("新建高标准农田面积", None, None, None, None),          # 2 0 | 2 0: not knowable, left empty
        ("工程验收合格率", "100%", "100%", 10.0, 10.0),
        ("项目完工及时率", "≥90%", "100%", 10.0, 10.0),
    ]
    assert any("数字被空格拆开" in w for w in warnings)


def test_a_name_of_digits_is_no_indicator():
    from loaders.parse.indicators import build_indicator
    from loaders.parse.tables import tokenize
    warnings = []
    cells = tokenize(["10\t≥90%\t100%\t10\t10"])
    assert build_indicator(cells, ["name", "target", "actual", "weight", "score"], (None, None), warnings) is None
    assert any("没有可读的指标名称" in w for w in warnings)


@pytest.mark.parametrize("printed, target", [("工1.5万亩", "≥1.5万亩"), ("^95%", "≥95%"), ("$90%", "≥90%"),
                                             ("工程完工", "工程完工"), ("≥90%", "≥90%")])
def test_ocr_misreads_of_the_greater_or_equal_sign(printed, target):
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        f"产出指标\t数量指标\t新建高标准农田面积\t{printed}\t1.52万亩\t20\t20",
    ]))
    assert project.indicators[0].target == target


def test_executed_written_as_zhixingshu_in_prose():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["2022年本项目全年预算数为150万元，执行数为148.5万元，预算执行率99%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (150.0, 148.5)
    stated = stated_money(["区级财政安排专项资金9,600.00万元，其中年初预算8,000.00万元，年中追加1,600.00万元。"
                           "截至2021年12月31日，实际拨付使用资金9,124.80万元。"])
    assert (stated["budget_full_year"].value, stated["budget_initial"].value, stated["executed"].value) == \
        (9600.0, 8000.0, 9124.8)


def test_a_part_of_the_funds_is_not_the_budget_and_completed_investment_is_spending():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["项目总投资12.85亿元。",
                           "2021年度该项目共到位资金3.26亿元，其中中央预算内投资2.10亿元，省级配套0.68亿元。"
                           "截至2021年12月31日，累计完成投资3.05亿元，年度资金执行率为93.56%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (32600.0, 30500.0)


def test_percent_weights_under_a_leading_group_column_and_a_name_stopped_by_the_next_label():
    project, _ = only_project("\n".join([
        "项目名称\t课后服务补助经费\t\t\t\t",
        "项目单位\t某区教育局\t\t项目负责人\t李某\t",
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t权重（%）\t自评得分\t偏差原因\t",
        "\t产出指标\t数量指标\t开展课后服务学校数\t83所\t83所\t15%\t15\t",
        "\t\t质量指标\t安全事故发生率\t0\t0\t10%\t10\t",
        "\t满意度指标\t服务对象满意度指标\t家长满意度\t≥90%\t95.2%\t10%\t9\t",
    ]))
    assert project.name == "课后服务补助经费"
    assert rows(project) == [
        ("产出指标", "数量指标", "开展课后服务学校数", "83所", "83所", 15.0, 15.0),
        ("产出指标", "质量指标", "安全事故发生率", "0", "0", 10.0, 10.0),
        ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "95.2%", 10.0, 9.0),
    ]


@pytest.mark.parametrize("printed, read", [("l00%", "100%"), ("工9O%", "≥90%"), ("≥1O个", "≥10个"),
                                           ("Office系统上线", "Office系统上线"), ("完成", "完成")])
def test_ocr_letters_inside_a_number(printed, read):
    from loaders.parse.indicators import ocr_number_fixed
    assert ocr_number_fixed(printed) == read


def test_a_table_flattened_row_by_row():
    """Each row on its own line with no separators: the label, then its values run together."""
    project, _ = only_project("\n".join([
        "某县交通运输局2020年度项目支出绩效自评表",
        "项目名称农村公路生命安全防护工程主管部门某县交通运输局实施单位某县农村公路管理站",
        "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分",
        "年度资金总额：380.00412.50412.5010100%10",
        "其中：当年财政拨款380.00412.50412.50——",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
        "产出指标时效指标工程完工时间2020年11月底前2020年11月20日1010",
        "总分10098",
    ]))
    assert project.name == "农村公路生命安全防护工程"
    assert money(project) == (380.0, 412.5, 412.5, 100.0, 10.0, 10.0)
    assert rows(project) == [("产出指标", "时效指标", "工程完工时间", "2020年11月底前", "2020年11月20日", 10.0, 10.0)]
    assert project.total_score == 98.0


def test_another_years_money_named_first_is_not_the_budget():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["2019年下达资金100万元。2020年下达资金125万元，实际支出118.75万元，执行率95%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (125.0, 118.75)
    stated = stated_money(["2019年下达资金100万元。实际支出118.75万元，执行率60%。"])   # nothing agrees: left empty
    assert "budget_full_year" not in stated


def test_a_yes_no_completion_column_beside_the_actual_and_a_direction_column():
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t指标方向\t年度目标值\t实际完成值\t完成情况",
        "产出指标\t数量指标\t新增床位\t≥\t300张\t300张\t已完成",
        "效益指标\t社会效益指标\t年门诊服务能力\t≥\t60万人次\t项目尚未投入使用\t未完成",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("新增床位", "≥300张", "300张"), ("年门诊服务能力", "≥60万人次", "项目尚未投入使用")]


def test_the_commissioning_finance_bureau_on_the_cover_is_not_the_agency():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex
    found = find_agency(TextIndex(["某市财政局", "关于某市2022年度农村公路养护专项资金的绩效评价报告",
                                   "项目名称：农村公路养护专项资金", "项目主管单位：某市交通运输局", "委托单位：某市财政局"]))
    assert found.value == "某市交通运输局"


def test_more_prose_wordings_and_a_note_column_in_the_money_header():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["2020年项目资金125万元，已支出118.75万元，执行率95%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (125.0, 118.75)
    project, _ = only_project("\n".join([
        "项目名称\t家庭医生签约服务经费",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t备注",
        "年度资金总额\t1850.00\t1620.00\t1598.26\t10\t98.66%\t9.9\t年中调减230万元",
    ]))
    assert money(project) == (1850.0, 1620.0, 1598.26, 98.66, 10.0, 9.9)


# --- session 4: probe 4's missed groups -------------------------------------------------------

def test_the_sign_off_line_closes_the_indicator_table():
    project, _ = only_project("\n".join([
        "项目名称：乡村学校少年宫运行经费",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "效益指标\t社会效益指标\t参与活动学生人次\t≥5000人次\t5620人次\t20\t20",
        "填表人：王敏\t复核人：李强\t填表日期：2023年2月10日",
    ]))
    assert rows(project) == [("效益指标", "社会效益指标", "参与活动学生人次", "≥5000人次", "5620人次", 20.0, 20.0)]


def test_a_unit_under_a_magnitude_prefix_stays_with_its_target():
    project, _ = only_project("\n".join([
        "项目名称 农村饮水安全巩固提升工程",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 受益人口 ≥ 3.5 万人次 3.62万人次 10 10",
        "效益指标 社会效益指标 覆盖村组 ≥ 40 个 42个 10 10",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("受益人口", "≥3.5万人次", "3.62万人次"), ("覆盖村组", "≥40个", "42个")]


def test_spreadsheet_spacer_columns_in_the_money_header_keep_the_values_in_place():
    project, _ = only_project("\n".join([
        "金额单位：元",
        "项目名称\t\t城乡居民医保参保补助\t\t",
        "项目资金\t\t年初预算数\t全年预算数\t\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t2,400,000.00\t2,650,000.00\t\t2,584,800.00\t10\t97.54%\t9.75",
    ]))
    assert money(project) == (240.0, 265.0, 258.48, 97.54, 10.0, 9.75)


def test_a_department_budget_table_with_spacer_cells_and_a_group_column():
    report = parse_report("\n".join([
        "某县民政局",
        "2022年度部门整体支出绩效自评表",
        "金额单位：万元",
        "年度预算执行情况\t项目\t\t全年预算数\t\t全年执行数\t\t执行率",
        "\t年度资金总额\t\t3,210.00\t\t3,081.60\t\t96.00%",
        "\t按经济性质分\t基本支出\t1,010.00\t\t1,005.20\t\t99.52%",
        "\t\t项目支出\t2,200.00\t\t2,076.40\t\t94.38%",
        "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "\t产出指标\t数量指标\t低保对象动态管理率\t100%\t100%\t10\t10",
        "总分\t\t\t\t\t\t100\t95",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (3210.0, 3081.6, 96.0)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (1005.2, 2076.4)
    (entry,) = report.projects
    assert (entry.subject, entry.budget_full_year, entry.executed) == ("department", 3210.0, 3081.6)


def test_the_departments_initial_budget_stated_in_prose_beside_the_adjusted_one():
    report = parse_report("\n".join([
        "某市水利局2022年度部门整体支出绩效自评报告",
        "一、预算执行情况",
        "2022年本部门年初预算为12,480.00万元，年中调整后全年预算13,106.50万元，全年实际支出12,844.37万元，预算执行率98.00%。"
        "其中基本支出4,100.00万元，项目支出8,744.37万元。",
        "附表：部门整体支出绩效评价指标表",
        "一级指标\t二级指标\t三级指标\t分值\t评分标准\t得分",
        "产出\t数量\t重点工作完成率\t10\t全部完成得满分\t10",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget_initial"], budget["budget"], budget["executed"]) == (12480.0, 13106.5, 12844.37)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (4100.0, 8744.37)
    entry = next(p for p in report.projects if p.subject == "department")
    assert (entry.budget_initial, entry.budget_full_year) == (12480.0, 13106.5)


# --- session 4: blind holdouts probe 6 / probe 7 ---------------------------------------------

def test_ocr_letters_inside_numbers_are_read_as_digits_everywhere():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("得分为9l.2分，支出l,O97.13万元，2O2l年")[0] == "得分为91.2分，支出1,097.13万元，2021年"
    assert ocr_digits_fixed("O2O模式，CO2减排，IPv6，《办法》第3条")[0] == "O2O模式，CO2减排，IPv6，《办法》第3条"
    assert ocr_digits_fixed("》95% 3O5·76 O76%")[0] == "≥95% 305.76 O76%"   # a stray O before 76% is a border
    report = parse_report("\n".join([
        "2022年度项目支出绩效自评表",
        "项目名称 乡镇污水管网维护经费",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 l20.00 l50.00 l44.OO 1O 96.O% 9.6",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 维护管网长度 》3O公里 32公里 4O 4O",
        "总分 1OO 98.6",
    ]), "example.txt")
    (project,) = report.projects
    assert money(project) == (120.0, 150.0, 144.0, 96.0, 10.0, 9.6)
    assert rows(project) == [("产出指标", "数量指标", "维护管网长度", "≥30公里", "32公里", 40.0, 40.0)]
    assert any("识别错字" in w for w in report.warnings)


def test_a_money_row_that_goes_on_in_unreadable_cells_is_not_placed():
    project, warnings = only_project("\n".join([
        "项目名称 乡镇污水管网维护经费",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 1 2 0.00 1#0.00 144.00 10 96.0% 9.6",
    ]))
    assert money(project) == (None,) * 6
    assert any("无法读下去" in w for w in warnings)


def test_an_empty_rate_cell_a_pipe_row_drops_does_not_shift_the_score_into_it():
    project, _ = only_project("\n".join([
        "| 项目名称 | 老年人健康体检经费 |",
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| | 年度资金总额 | 240 | 260 | 247 | 10 | | 9.5 |",
    ]))
    assert money(project) == (240.0, 260.0, 247.0, None, 10.0, 9.5)


def test_points_printed_as_a_percent_beside_the_rate():
    project, _ = only_project("\n".join([
        "项目名称：河道保洁经费",
        "单位：万元",
        "资金情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t300.00\t320.00\t304.00\t10%\t95.00%\t9.5",
    ]))
    assert money(project) == (300.0, 320.0, 304.0, 95.0, 10.0, 9.5)


def test_more_money_header_wordings():
    project, _ = only_project("\n".join([
        "项目名称\t社区矫正工作经费",
        "资金情况（万元）\t年初预算数\t调整后预算数\t实际支出数\t分值\t执行率\t自评得分",
        "年度资金总额\t52.00\t60.00\t57.00\t10\t95.00%\t9.5",
    ]))
    assert money(project) == (52.0, 60.0, 57.0, 95.0, 10.0, 9.5)


def test_another_years_department_spending_in_prose_is_not_this_years():
    report = parse_report("\n".join([
        "某县司法局2023年度部门整体支出绩效自评报告",
        "一、部门整体支出情况",
        "2022年度我局实际支出为812.40万元。",
        "2023年度全年预算数为905.00万元，全年实际支出为871.52万元，预算执行率96.30%。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (905.0, 871.52, 96.3)
    report = parse_report("\n".join([
        "某县司法局2023年度部门整体支出绩效自评报告",
        "2022年度我局实际支出为812.40万元。",
    ]), "example.txt")
    assert (report.department_budget or {}).get("executed") is None


def test_a_department_table_with_initial_and_adjusted_budget_columns():
    report = parse_report("\n".join([
        "某县司法局2023年度部门整体支出绩效自评报告",
        "部门预算收支情况如下表（单位：万元）：",
        "| 项目 | 年初预算数 | 调整后预算数 | 实际支出数 | 执行率 |",
        "|---|---|---|---|---|",
        "| 合计 | 880.00 | 905.00 | 871.52 | 96.30% |",
        "| 基本支出 | 600.00 | 612.00 | 612.00 | 100.00% |",
        "| 项目支出 | 280.00 | 293.00 | 259.52 | 88.57% |",
        "此外，2022年度我局实际支出为812.40万元。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget_initial"], budget["budget"], budget["executed"]) == (880.0, 905.0, 871.52)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (612.0, 259.52)


def test_a_third_party_report_is_about_the_evaluated_unit_never_the_evaluator():
    report = parse_report("\n".join([
        "某县乡村道路提质改造工程",
        "绩效评价报告",
        "委托方：某县财政局",
        "评价机构：某某工程咨询有限公司",
        "被评价单位：某县交通运输局",
        "一、项目概况",
        "2022年度项目预算安排5,000,000.00元，实际支付4,800,000.00元，预算执行率96.00%。",
        "二、评价结论",
        "项目综合评分86.5分，评价等级为“良”。",
        "某某工程咨询有限公司",
    ]), "example.txt")
    assert (report.evaluation_type, report.agency) == ("third_party", "某县交通运输局")


def test_a_third_party_report_names_the_supervising_unit_before_the_implementer():
    report = parse_report("\n".join([
        "某县2021年度农村环境整治专项资金绩效评价报告",
        "委托单位：某县财政局",
        "评价机构：某会计师事务所有限公司",
        "项目主管单位：某县生态环境局",
        "项目实施单位：某县环境监测站",
        "2021年度该项目全年预算800.00万元，实际支出760.00万元，预算执行率95.00%。",
    ]), "example.txt")
    assert report.agency == "某县生态环境局"
    self_report = parse_report("\n".join([
        "2021年度项目支出绩效自评表",
        "项目名称\t农村环境整治专项资金",
        "主管部门\t某县生态环境局\t实施单位\t某县环境监测站",
    ]), "example.txt")
    assert self_report.agency == "某县生态环境局"   # a self-evaluation form too: its budget department reports


def test_grading_rules_and_counts_of_graded_projects_are_no_score_or_grade():
    report = parse_report("\n".join([
        "某县2022年度城区绿化养护专项资金绩效评价报告",
        "项目主管单位：某县林业局",
        "评分标准：综合得分85分（含）以上为“优”，70分（含）至85分为“良”，60分以下为“差”。",
        "综合得分78.4分，评价等级为“良”。",
    ]), "example.txt")
    assert (report.total_score, report.grade) == (78.4, "良")
    assert [p.total_score for p in report.projects] == [78.4]
    notice = parse_report("\n".join([
        "某县财政局关于2022年度项目支出绩效自评结果的公示",
        "序号\t项目名称\t全年预算数（万元）\t全年执行数（万元）\t执行率\t自评得分\t自评等级",
        "1\t城区绿化养护经费\t80.00\t80.00\t100.00%\t97\t优",
        "2\t乡村学校营养餐补助\t120.00\t110.00\t91.67%\t84\t良",
        "两个项目中，1个项目自评等级为“优”，1个项目为“良”；对评价等级为“中”及以下的项目压减预算。",
    ]), "example.txt")
    assert notice.grade is None


def test_execution_points_stated_right_after_the_rate():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["全年预算资金80万元，实际支出76万元，预算执行率95%（该项分值10分，得9.5分）。"])
    assert (stated["execution_weight"].value, stated["execution_score"].value) == (10.0, 9.5)


def test_in_a_pipe_grid_a_cells_column_says_its_level():
    project, _ = only_project("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "|---|---|---|---|---|---|---|",
        "| 预算执行 | 预算执行率 | 部门预算执行率 | 100% | 98.20% | 10 | 9.8 |",
        "| 产出指标 | 数量指标 | 法律援助案件数 | ≥300件 | 326件 | 40 | 40 |",
        "| | 获得感 | 受援群众满意度 | ≥90% | 95% | 10 | 10 |",
    ]))
    assert rows(project) == [
        ("预算执行", "预算执行率", "部门预算执行率", "100%", "98.20%", 10.0, 9.8),
        ("产出指标", "数量指标", "法律援助案件数", "≥300件", "326件", 40.0, 40.0),
        ("产出指标", "获得感", "受援群众满意度", "≥90%", "95%", 10.0, 10.0),
    ]


def test_a_zero_total_row_with_an_empty_rate_cell_gets_no_guessed_rate():
    project, _ = only_project("\n".join([
        "| 项目名称 | 村卫生室设备配置 |",
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| | 年度资金总额 | 0 | 0 | 0 | 10 | | 10 |",
    ]))
    assert money(project) == (0.0, 0.0, 0.0, None, None, None)


def test_a_tight_layout_with_cells_one_space_apart_and_numbers_right_aligned():
    project, _ = only_project("\n".join([
        " 项目名称              乡村文化广场建设补助",
        " 一级指标   二级指标       三级指标                    指标值    实际完成值    分值    得分",
        " 产出指标   数量指标       新建文化广场                  ≥12个         12个          40      40",
        " 效益指标   可持续影响指标 广场长效管护机制              健全           健全          20      18",
        " 满意度指标 服务对象满意度 村民满意度                    ≥90%           93%          40      40",
        "            指标",
        " 总分                                                                             100     98",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "新建文化广场", "≥12个", "12个", 40.0, 40.0),
        ("效益指标", "可持续影响指标", "广场长效管护机制", "健全", "健全", 20.0, 18.0),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "93%", 40.0, 40.0),
    ]
    assert project.total_score == 98.0


def test_prose_indicators_with_targets_named_as_goals_quoted_names_and_points():
    from loaders.parse.narrative import narrative_indicators
    found = narrative_indicators([
        "（一）产出指标",
        "数量指标：发放助学金人次，年度目标不少于1200人次，实际完成1265人次（分值20分，得20分）；"
        "资助覆盖学校数，年度目标不少于40所，实际完成38所，未完成原因是两所学校撤并（分值10分，得8分）。",
        "2.质量指标。“资助对象识别准确率”指标值为100%，实际完成100%。",
        "（二）满意度指标",
        "服务对象满意度指标：家长满意度，年度目标≥90%，经抽样调查实际完成95.6%（分值10分，得10分）。",
    ])
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in found] == [
        ("产出指标", "数量指标", "发放助学金人次", "不少于1200人次", "1265人次", 20.0, 20.0),
        ("产出指标", "数量指标", "资助覆盖学校数", "不少于40所", "38所", 10.0, 8.0),
        ("产出指标", "质量指标", "资助对象识别准确率", "100%", "100%", None, None),
        ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "95.6%", 10.0, 10.0),
    ]


def test_one_cell_per_line_a_date_target_broken_across_lines_stays_the_target():
    project, _ = only_project("\n".join([
        "项目名称", "退役军人短期疗养经费",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "组织疗养人次", "≥180人", "次", "186人次", "20", "20",
        "", "时效指标", "疗养任务完成时限", "2023年11月", "底前", "2023年10月", "15日", "10", "10",
        "", "总分", "100", "100",
    ]))
    assert rows(project)[1:] == [("产出指标", "时效指标", "疗养任务完成时限", "2023年11月底前", "2023年10月15日", 10.0, 10.0)]


def test_a_department_form_with_parts_rows_short_of_amounts():
    report = parse_report("\n".join([
        "部门整体支出绩效自评表",
        "（2022年度）",
        "部门（单位）名称\t某县自然资源局",
        "年度预算申请（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t980.00\t1,120.00\t1,086.40\t10\t97.00%\t9.7",
        "\t按收入性质分\t财政拨款\t1,120.00\t1,086.40",
        "\t\t其他资金\t0\t0",
        "\t按支出性质分\t基本支出\t700.00\t698.20",
        "\t\t项目支出\t420.00\t388.20",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t不动产登记办件量\t≥5000件\t5320件\t90\t90",
        "总分\t\t\t\t\t100\t99.7",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["budget_initial"]) == (1120.0, 1086.4, 980.0)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (698.2, 388.2)
    assert (budget["basic_budget"], budget["project_budget"]) == (700.0, 420.0)
    (entry,) = report.projects
    assert (entry.extras["fiscal_appropriation_full_year"], entry.extras["fiscal_appropriation_executed"]) == (1120.0, 1086.4)


def test_a_total_row_whose_weights_are_percent_and_a_closing_grade_line():
    report = parse_report("\n".join([
        "某县林业局2022年度项目支出绩效自评表",
        "项目名称\t森林防火专项经费",
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t权重\t自评得分",
        "产出指标\t数量指标\t巡护里程\t≥1200公里\t1260公里\t70%\t70",
        "效益指标\t生态效益指标\t森林火灾受害率\t≤0.9‰\t0.2‰\t30%\t28",
        "合计\t\t\t\t100%\t98",
        "自评结论：优",
    ]), "example.txt")
    assert (report.total_score, report.grade) == (98.0, "优")


def test_an_adjusted_budget_stated_as_调整预算数():
    report = parse_report("\n".join([
        "某县人民医院2022年度部门整体支出绩效自评报告",
        "2022年度年初预算数为8,200.00万元，调整预算数为8,960.50万元，全年支出合计8,702.12万元，预算执行率97.12%。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget_initial"], budget["budget"], budget["executed"]) == (8200.0, 8960.5, 8702.12)


def test_a_level_label_wrapped_onto_the_next_tab_line_keeps_the_row():
    project, _ = only_project("\n".join([
        "项目名称\t高标准农田建设",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标\t数量指标\t新建高标准农田\t≥2万亩\t2.1万亩\t60\t60\t",
        "满意度指标\t服务对象满意度",
        "指标\t受益农户满意度\t≥90%\t94%\t40\t40\t",
    ]))
    assert rows(project)[1] == ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "94%", 40.0, 40.0)


def test_a_layout_money_block_whose_label_shares_the_rows_line():
    project, _ = only_project("\n".join([
        " 项目名称              乡镇综合文化站运行补助",
        "                                  年初预算数     全年预算数     全年执行数     分值     执行率      得分",
        " 项目资金              年度资金总额          60.00          64.80          63.50       10      97.99%      9.8",
        " （万元）              其中：财政拨款        60.00          64.80          63.50        -          -       -",
        " 一级指标   二级指标       三级指标             指标值    实际完成值    分值    得分",
        " 产出指标   数量指标       开展文化活动场次      ≥40场      44场          90      90",
    ]))
    assert project.name == "乡镇综合文化站运行补助"
    assert money(project) == (60.0, 64.8, 63.5, 97.99, 10.0, 9.8)


def test_a_pipe_grid_row_with_an_empty_unit_cell_keeps_its_date_target():
    project, _ = only_project("\n".join([
        "| 项目名称 | 城区排涝泵站改造 |||",
        "| 一级指标 | 二级指标 | 三级指标 | 符号 | 指标值 | 计量单位 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 改造泵站数量 | ≥ | 6 | 座 | 6座 | 20 | 20 |",
        "| 产出指标 | 时效指标 | 泵站改造完工时间 | ≤ | 2022年6月 |  | 2022年5月 | 10 | 10 |",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("改造泵站数量", "≥6座", "6座"), ("泵站改造完工时间", "≤2022年6月", "2022年5月")]


def test_ocr_round_numbers_read_as_letters():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("总分 1OO 98.8 权重 l5 2O")[0] == "总分 100 98.8 权重 15 20"


# --- session 4: blind holdouts probe 8 / probe 9 ---------------------------------------------

def test_ocr_total_rows_with_split_digits_and_a_stray_mark():
    report = parse_report("\n".join([
        "某县交通运输局",
        "2022年度部门整体支出绩效自评报告",
        "部门整体支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t农村公路养护里程\t≥800公里\t812公里\t40\t40",
        "效益指标\t社会效益指标\t公路安全事故发生率\t同比下降\t同比下降\t20\t20 ·",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t92%\t30\t28",
        "预算执行率\t\t\t\t96.40%\t1O\t9.64",
        "合计\t\t\t\t\t1OO\t9 7.64",
    ]), "example.txt")
    (entry,) = report.projects
    assert [(i.name, i.target, i.actual, i.score) for i in entry.indicators][1] == ("公路安全事故发生率", "同比下降", "同比下降", 20.0)
    assert (entry.total_score, report.total_score) == (97.64, 97.64)
    project, _ = only_project("\n".join([
        "项目名称 乡村文化活动经费",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 开展活动场次 ≥60场 60场 90 88",
        "总分 100 97.8 2",
    ]))
    assert project.total_score == 97.82


def test_a_total_row_left_with_only_its_points_is_no_score():
    project, warnings = only_project("\n".join([
        "项目名称\t乡村文化活动经费",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t开展活动场次\t≥60场\t60场\t50\t48",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t50\t49",
        "总分\t\t\t\t\t100\t9#7",
    ]))
    assert project.total_score is None
    assert any("只有 100" in w for w in warnings)


def test_the_execution_rows_score_in_prose_is_not_the_total():
    report = parse_report("\n".join([
        "某区教育局2022年度学生资助项目绩效自评报告",
        "2022年该项目全年预算数860.00万元，全年实际支出829.04万元，预算执行率为百分之九十六点四。",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t资助学生人次\t≥5000人次\t5120人次\t90\t88",
        "预算执行率（分值10分）自评得分9.64分。",
        "经自评，本项目自评得分为97.64分，等级为优。",
    ]), "example.txt")
    (project,) = report.projects
    assert (project.execution_rate_pct, project.execution_weight, project.execution_score) == (96.4, 10.0, 9.64)
    assert (project.total_score, report.total_score) == (97.64, 97.64)
    assert len(project.indicators) == 1


def test_a_finance_bureau_notice_about_several_projects_is_the_bureaus_own():
    report = parse_report("\n".join([
        "某县财政局",
        "关于2022年度财政重点项目绩效评价结果的公告",
        "我局委托某会计师事务所对2022年度2个重点项目开展了绩效评价。结果如下：",
        "（一）某县2022年农村饮水安全巩固提升项目（主管部门：某县水务局）。该项目2022年预算资金1,200.00万元，"
        "实际支出1,150.00万元，预算执行率95.83%。经评价，项目综合得分88.5分，评价等级为“良”。",
        "（二）某县2022年城乡医疗救助资金（主管部门：某县医疗保障局）。该项目2022年预算资金400.00万元，"
        "实际支出400.00万元，预算执行率100%。经评价，项目综合得分93.0分，评价等级为“优”。",
    ]), "example.txt")
    assert report.agency == "某县财政局"
    assert [(p.name, p.budget_full_year, p.total_score) for p in report.projects] == [
        ("某县2022年农村饮水安全巩固提升项目", 1200.0, 88.5), ("某县2022年城乡医疗救助资金", 400.0, 93.0)]


def test_the_unit_of_a_block_label_printed_after_the_header_and_amounts_too_large_for_万元():
    project, _ = only_project("\n".join([
        "项目名称\t校园足球推广项目",
        "\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "项目资金（元）\t年度资金总额\t900,000.00\t950,000.00\t912,000.00\t10\t96.00%\t9.6",
    ]))
    assert money(project) == (90.0, 95.0, 91.2, 96.0, 10.0, 9.6)
    project, warnings = only_project("\n".join([
        "项目名称\t校园足球推广项目",
        "资金情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t9,000,000.00\t9,500,000.00\t9,120,000.00\t10\t96.00%\t9.6",
    ]))
    assert money(project)[:3] == (None, None, None)
    assert any("疑为元" in w for w in warnings)


def test_percent_weights_in_a_pipe_table():
    project, _ = only_project("\n".join([
        "| 项目名称 | 非遗保护传承经费 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 权重 | 自评得分 |",
        "| 产出指标 | 数量指标 | 传承人培训人次 | ≥200人次 | 216人次 | 20% | 20 |",
        "|  | 质量指标 | 培训合格率 | 100% | 100% | 10% | 10 |",
    ]))
    assert rows(project) == [("产出指标", "数量指标", "传承人培训人次", "≥200人次", "216人次", 20.0, 20.0),
                             ("产出指标", "质量指标", "培训合格率", "100%", "100%", 10.0, 10.0)]


def test_a_results_notice_with_other_amount_headers_is_a_list_not_a_money_block():
    report = parse_report("\n".join([
        "某县财政局关于2022年度项目绩效自评结果的公示",
        "各单位对2022年度项目开展了绩效自评，结果如下：",
        "序号\t项目名称\t项目金额（万元）\t实际支出（万元）\t执行率\t自评得分",
        "1\t农村公路养护\t120.00\t114.00\t95.00%\t90",
        "2\t城区绿化提升\t60.00\t60.00\t100.00%\t96",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.executed, p.total_score) for p in report.projects] == [
        ("农村公路养护", 120.0, 114.0, 90.0), ("城区绿化提升", 60.0, 60.0, 96.0)]


def test_the_evaluator_firm_is_never_the_agency_and_a_review_score_column_is_not_read():
    report = parse_report("\n".join([
        "某某会计师事务所有限公司",
        "关于2022年度泰和县养老服务补贴资金的绩效评价报告",
        "委托方：泰和县财政局",
        "泰和县民政局负责实施该项目。2022年项目预算资金300万元，实际支出291万元，预算执行率97%。",
        "项目综合得分89.5分，评价等级为良。",
    ]), "example.txt")
    assert report.agency == "泰和县民政局"
    project, _ = only_project("\n".join([
        "项目名称\t城区环卫保洁经费",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t复核得分",
        "年度资金总额\t200.00\t210.00\t207.90\t10\t99%\t9.9\t9.5",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t自评得分\t复核得分",
        "产出指标\t数量指标\t保洁面积\t≥180万平方米\t182万平方米\t90\t90\t85",
        "总分\t\t\t\t\t100\t99.9\t94.5",
    ]))
    assert money(project) == (200.0, 210.0, 207.9, 99.0, 10.0, 9.9)
    assert (rows(project)[0][-1], project.total_score) == (90.0, 99.9)


def test_an_earlier_years_score_and_grade_named_beside_this_years():
    report = parse_report("\n".join([
        "某县2023年度农村人居环境整治专项资金绩效评价报告",
        "项目主管单位：某县农业农村局",
        "2023年项目预算资金800万元，实际支出776万元，预算执行率97%。该项目2022年度绩效评价得分为81.5分，等级为“良”。",
        "经评价，该项目2023年度综合得分为92.4分，评价等级为“优”。",
    ]), "example.txt")
    assert (report.total_score, report.grade, report.projects[0].total_score) == (92.4, "优", 92.4)


def test_a_notice_listing_departments_evaluations_one_per_row():
    report = parse_report("\n".join([
        "某市某区财政局关于2022年度部门整体支出绩效评价结果的通报",
        "区财政局委托第三方机构对2个部门2022年度部门整体支出开展了重点绩效评价。评价结果如下：",
        "序号\t单位名称\t全年预算数（万元）\t实际支出（万元）\t预算执行率\t综合得分\t评价等级",
        "1\t泰和县教育局\t48,210.50\t47,002.11\t97.49%\t91.5\t优",
        "2\t泰和县民政局\t5,320.00\t5,201.40\t97.77%\t88.0\t良",
    ]), "example.txt")
    assert report.department_budget is None
    assert [(p.subject, p.name, p.budget_full_year, p.executed, p.total_score) for p in report.projects] == [
        ("department", "泰和县教育局", 48210.5, 47002.11, 91.5), ("department", "泰和县民政局", 5320.0, 5201.4, 88.0)]


def test_prose_indicator_points_without_brackets_and_a_department_score_worded_绩效得分():
    from loaders.parse.narrative import stated_pairs
    (pair,) = stated_pairs("1.数量指标：加固小型水库座数，年度目标值6座，实际完成6座，分值15分，得分15分。")
    assert (pair.name, pair.target, pair.actual, pair.weight, pair.score) == ("加固小型水库座数", "6座", "6座", 15.0, 15.0)
    report = parse_report("\n".join([
        "泰和县统计局2022年度部门整体支出绩效自评报告",
        "2022年部门全年预算数412.40万元，全年实际支出398.35万元，预算执行率96.59%。",
        "经自评，部门整体支出绩效得分94分。",
    ]), "example.txt")
    assert report.total_score == 94.0


def test_the_year_of_a_previous_round_or_a_carried_over_projects_name_is_not_the_year():
    report = parse_report("\n".join([
        "某师某市",
        "2022年学前教育保教费补助资金项目",
        "绩效评价报告",
        "被评价单位：泰和县教育局",
        "该项目上一轮（2021年度）绩效评价得分为84.5分，评价等级为“良”。",
        "该项目综合得分92.1分，绩效评价等级为“优”。",
    ]), "example.txt")
    assert (report.year, report.total_score, report.grade) == (2022, 92.1, "优")
    report = parse_report("\n".join([
        "泰和县生态环境局",
        "项目支出绩效自评表",
        "项目名称\t2021年度结转水污染防治资金项目",
        "自评年度\t2022年",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t整治行政村数量\t≥30个\t32个\t100\t100",
    ]), "example.txt")
    assert report.year == 2022


def test_earlier_years_scores_and_grades_stated_first():
    report = parse_report("\n".join([
        "泰和县民政局2023年度养老服务补贴项目绩效自评报告",
        "2022年度该项目自评得分为87分，评价等级为“良”。",
        "项目全年预算90万元，实际支出90万元。",
        "通过对照指标逐项打分，本年度该项目绩效自评得分为96分。",
    ]), "example.txt")
    assert (report.total_score, report.grade, report.projects[0].total_score) == (96.0, None, 96.0)
    report = parse_report("\n".join([
        "泰和县财政局2023年度部门整体支出绩效自评报告",
        "上年度（2022年）本部门整体支出绩效自评得分90.5分，等级为“优”。",
        "2023年部门全年预算数512.30万元，全年支出505.10万元，预算执行率98.59%。",
        "经自评，2023年度部门整体支出绩效自评得分93分。",
    ]), "example.txt")
    assert (report.total_score, report.grade) == (93.0, None)


def test_a_department_money_table_whose_sum_row_comes_after_its_parts():
    report = parse_report("\n".join([
        "泰和县交通运输局",
        "2023年度部门整体支出绩效自评报告",
        "                     2023年度部门预算及支出情况表            单位：万元",
        "  项目                全年预算数          全年支出数          执行率",
        "  基本支出              1,800.00            1,776.60           98.70%",
        "  项目支出              1,000.00              926.40           92.64%",
        "  合计                  2,800.00            2,703.00           96.54%",
        "本部门整体支出绩效自评得分92.6分，等级为“优”。",
        "                    部门整体支出绩效自评评分表",
        "  一级指标  二级指标    三级指标              分值    得分",
        "  过程      预算执行    预算执行率            10      9.6",
        "            预算管理    公用经费控制率        5       5",
        "                        三公经费变动率        5       5",
        "  产出      职责履行    实际完成率            80      73",
        "  合计                                            100     92.6",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (2800.0, 2703.0, 96.54)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (1776.6, 926.4)
    (entry,) = report.projects
    assert (entry.budget_full_year, entry.executed) == (2800.0, 2703.0)
    assert [(i.level2, i.name) for i in entry.indicators] == [
        ("预算执行", "预算执行率"), ("预算管理", "公用经费控制率"), ("预算管理", "三公经费变动率"), ("职责履行", "实际完成率")]


def test_grades_a_rule_applies_to_and_a_unit_line_under_the_name():
    report = parse_report("\n".join([
        "某市财政局关于2023年度市级重点项目绩效评价结果的通报",
        "序号\t项目名称\t主管部门\t预算金额\t实际支出\t预算执行率\t评价得分\t评价等级",
        "1\t城乡低保资金\t某市民政局\t10,000.00\t10,000.00\t100.00%\t93.2\t优",
        "2\t黄河流域生态修复项目\t某市林业局\t2,000.00\t1,600.00\t80.00%\t72.4\t中",
        "对评价等级为“中”“差”的项目，相关主管部门要在2024年10月底前完成整改。",
    ]), "example.txt")
    assert report.grade is None
    project, _ = only_project("\n".join([
        "项目名称\t\t基本公共卫生服务项目",
        "金额单位：元",
        "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t\t分值\t执行率\t得分",
        "年度资金总额\t\t3,000,000.00\t3,200,000.00\t3,104,000.00\t\t10\t97.00%\t9.7",
    ]))
    assert project.name == "基本公共卫生服务项目"
    assert money(project) == (300.0, 320.0, 310.4, 97.0, 10.0, 9.7)


def test_csv_rows_under_a_header_with_spacer_columns_and_no_reason():
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t\t三级指标\t\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标\t数量指标\t\t家庭医生签约人数\t\t≥3万人\t3.2万人\t50\t50",
        "\t\t\t慢病患者随访率\t\t≥90%\t86%\t20\t17\t部分患者外出务工",
        "满意度指标\t服务对象满意度指标\t\t居民满意度\t\t≥85%\t90%\t30\t30",
    ]))
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("数量指标", "家庭医生签约人数", "≥3万人", "3.2万人", 50.0, 50.0),
        ("数量指标", "慢病患者随访率", "≥90%", "86%", 20.0, 17.0),
        ("服务对象满意度指标", "居民满意度", "≥85%", "90%", 30.0, 30.0)]


def test_prose_indicators_in_more_wordings_with_thousands_and_deductions():
    from loaders.parse.narrative import narrative_indicators, stated_money
    found = narrative_indicators([
        "（二）产出指标（分值60分，得分56分）",
        "1.数量指标。购置应急物资，目标值不少于2,000件，实际完成1,860件，未完成原因是供应商延期，该项分值20分，扣2分，得18分。",
        "2.时效指标。物资采购完成时间，目标为2022年8月底前，实际于2022年9月完成，本项10分，扣2分，实得8分。",
        "3.质量指标。物资验收合格率，目标值100%，实际完成100%，本项满分10分，自评得10分。",
    ])
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in found] == [
        ("产出指标", "数量指标", "购置应急物资", "不少于2,000件", "1,860件", 20.0, 18.0),
        ("产出指标", "时效指标", "物资采购完成时间", "2022年8月底前", "2022年9月", 10.0, 8.0),
        ("产出指标", "质量指标", "物资验收合格率", "100%", "100%", 10.0, 10.0),
    ]
    stated = stated_money(["（一）预算执行情况（分值10分）：全年预算300万元，实际支出288万元，执行率96%，自评得9.6分。"])
    assert (stated["execution_weight"].value, stated["execution_score"].value) == (10.0, 9.6)


def test_more_wordings_of_department_budgets_and_results_list_columns():
    report = parse_report("\n".join([
        "泰和县文化旅游体育局2023年度部门整体支出绩效自评报告",
        "2023年度部门预算调整后为1,243.60万元，全年实际支出1,198.72万元，预算执行率96.39%。",
    ]), "example.txt")
    assert report.department_budget["budget"] == 1243.6
    report = parse_report("\n".join([
        "某区财政局关于2021年度财政重点绩效评价结果的公示",
        "序号\t项目名称\t项目单位\t资金量（万元）\t评价得分\t评价等级",
        "1\t城市道路提质改造项目\t区住房和城乡建设局\t3265.80\t83.5\t良",
        "2\t困难群众救助资金\t区民政局\t1856.24\t92.5\t优",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.total_score) for p in report.projects] == [
        ("城市道路提质改造项目", 3265.8, 83.5), ("困难群众救助资金", 1856.24, 92.5)]


def test_a_label_printed_on_the_middle_row_of_its_group_and_a_label_printed_downwards():
    project, _ = only_project("\n".join([
        "  一级指标  二级指标      三级指标              年度指标值    实际完成值    分值  得分",
        "                          开展联合执法检查次数  ≥40次         46次          10    10",
        "  产出指标  数量指标      查处违法案件数        ≥60件         72件          10    10",
        "                          投诉处理数量          据实处理      1385件        80    76",
        "  总分                                                                      100   96",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "开展联合执法检查次数"), ("产出指标", "数量指标", "查处违法案件数"),
        ("产出指标", "数量指标", "投诉处理数量")]
    project, _ = only_project("\n".join([
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "效 产出指标 数量指标 维修工程处数 ≥150处 163处 50 50",
        "指 质量指标 工程验收合格率 100% 100% 50 50",
        "标",
    ]))
    assert [i.name for i in project.indicators] == ["维修工程处数", "工程验收合格率"]


def test_a_money_row_that_cannot_be_read_gives_way_to_the_prose_and_the_document_total_is_the_projects():
    report = parse_report("\n".join([
        "关于泰和县2023年度公共文化服务补助资金项目绩效自评情况的报告",
        "2023年年初预算１３５万元，全年预算１５０万元。项目实际支出１４６．８万元，预算执行率９７．８７％。",
        "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分",
        "年度资金总额：13515014 6.81097.87%9.79",
        "总分\t\t\t\t100\t97.79",
    ]), "example.txt")
    (project,) = report.projects
    assert money(project)[:4] == (135.0, 150.0, 146.8, 97.87)
    assert (report.total_score, project.total_score) == (97.79, 97.79)


def test_the_national_department_form_with_income_and_spending_parts_side_by_side():
    report = parse_report("\n".join([
        "部门整体支出绩效自评表",
        "（2022年度）",
        "部门（单位）名称\t某县城市管理局",
        "年度预算申请（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额：\t4,200.00\t4,600.00\t4,416.00\t10\t96.00%\t9.6",
        "按收入性质分：\t\t\t按支出性质分：",
        "其中：一般公共预算：\t4,400.00\t\t其中：基本支出：\t1,616.00",
        "政府性基金拨款：\t200.00\t\t项目支出：\t2,800.00",
        "其他资金：\t0\t\t\t",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t道路保洁面积\t≥800万平方米\t820万平方米\t90\t88",
        "总分\t\t\t\t\t100\t97.6",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["basic_expenditure"], budget["project_expenditure"]) == (
        4600.0, 4416.0, 1616.0, 2800.0)
    (entry,) = report.projects
    assert (entry.execution_weight, entry.execution_score) == (10.0, 9.6)


def test_a_money_table_of_fund_sources_with_a_sum_row():
    project, _ = only_project("\n".join([
        "项目名称：学前教育保教费补助资金",
        "项目资金（单位：元）",
        "资金来源\t预算数\t实际支出数\t执行率",
        "中央财政资金\t5,000,000.00\t4,900,000.00\t98.00%",
        "县级配套资金\t1,000,000.00\t980,000.00\t98.00%",
        "合计\t6,000,000.00\t5,880,000.00\t98.00%",
    ]))
    assert money(project)[:4] == (None, 600.0, 588.0, 98.0)


def test_a_target_printed_in_parts_under_one_spanning_or_three_headers():
    for header in ("一级指标\t二级指标\t三级指标\t符号\t数值\t单位\t实际完成值\t分值\t得分",
                   "一级指标\t二级指标\t三级指标\t预期指标值\t\t\t实际完成值\t分值\t得分"):
        project, _ = only_project("\n".join([
            "项目名称\t特困人员救助供养资金",
            header,
            "产出指标\t数量指标\t集中供养人数\t≥\t860\t人\t872人\t50\t50",
            "效益指标\t社会效益指标\t基本生活保障水平\t\t稳步提高\t\t稳步提高\t50\t50",
        ]))
        assert [(i.name, i.target, i.actual) for i in project.indicators] == [
            ("集中供养人数", "≥860人", "872人"), ("基本生活保障水平", "稳步提高", "稳步提高")]


def test_tab_rows_whose_merged_cells_were_left_out_rather_than_left_empty():
    project, _ = only_project("\n".join([
        "项目名称\t农村公路养护补助资金",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t日常养护里程\t≥1200公里\t1236公里\t30\t30",
        "质量指标\t优良中等路率\t≥80%\t83.6%\t30\t30",
        "时效指标\t水毁路段抢通时间\t≤48小时\t36小时\t20\t20",
        "效益指标\t社会效益指标\t群众出行条件\t明显改善\t明显改善\t20\t20",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "日常养护里程", "≥1200公里", "1236公里", 30.0, 30.0),
        ("产出指标", "质量指标", "优良中等路率", "≥80%", "83.6%", 30.0, 30.0),
        ("产出指标", "时效指标", "水毁路段抢通时间", "≤48小时", "36小时", 20.0, 20.0),
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 20.0, 20.0)]


def test_department_prose_an_opening_balance_a_parts_rate_and_labels_paired_分别():
    report = parse_report("\n".join([
        "泰和县统计局2023年度部门整体支出绩效自评报告",
        "2023年初结转结余资金45.6万元。其中项目支出预算执行率为92.3%，基本支出预算执行率为99.6%。",
        "全年预算312.5万元，全年支出301.8万元，部门整体预算执行率96.58%。年末结转结余10.7万元，结转结余率3.42%。",
        "基本支出和项目支出分别为241.3万元、60.5万元。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["carryover"], budget["execution_rate_pct"]) == (10.7, 96.58)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (None, None)
    from loaders.parse.narrative import stated_money
    stated = stated_money(["该项目年初预算、调整后预算、实际支出分别为200万元、230万元、221.8万元，预算执行率96.43%。"])
    assert "executed" not in stated and "budget_full_year" not in stated


def test_a_department_table_with_a_column_per_year():
    report = parse_report("\n".join([
        "泰和县民政局2023年度部门整体支出绩效自评报告",
        "一、部门收支情况（单位：万元）",
        "项目\t2022年\t2023年\t增减率",
        "全年预算数\t1,286.4\t1,502.0\t16.76%",
        "全年支出数\t1,240.1\t1,463.9\t18.05%",
        "预算执行率\t96.40%\t97.46%\t",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (1502.0, 1463.9, 97.46)


def test_score_printed_before_points_and_a_level_label_printed_again():
    project, _ = only_project("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 评价得分 | 指标分值 |",
        "| 决策 | 项目立项 | 立项依据充分性 | 4 | 5 |",
        "| 产出 | 产出数量 | 公园改造完成率 | 80 | 95 |",
        "| 合计 | | | 84 | 100 |",
    ]))
    assert (rows(project)[0][-2:], project.total_score) == ((5.0, 4.0), 84.0)
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "管理（15分）\t预算执行\t预算执行率\t5\t4",
        "\t资产管理\t资产管理安全性\t5\t4",
        "\t预算执行\t政府采购执行率\t5\t5",
    ]))
    assert [i.level2 for i in project.indicators] == ["预算执行", "资产管理", "预算执行"]


def test_a_layout_header_whose_first_and_last_cells_wrap_onto_the_next_line():
    project, _ = only_project("\n".join([
        " 项目名称              城镇老旧小区改造项目",
        " 绩效     一级指标   二级指标     三级指标                年度指标值     实际完成值   分值   得分   偏差原因分析",
        " 指标                                                                                              及改进措施",
        "          产出指标   数量指标     改造老旧小区个数          ≥12个          12个         50     50",
        "                                  惠及居民户数              ≥2860户        2934户       50     45     部分小区未完工",
    ]))
    assert [(i.level1, i.level2, i.name, i.target, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "改造老旧小区个数", "≥12个", 50.0), ("产出指标", "数量指标", "惠及居民户数", "≥2860户", 45.0)]


def test_a_third_party_report_that_quotes_the_units_self_score_and_names_its_evaluator_on_the_cover():
    report = parse_report("\n".join([
        "泰和县2023年畜禽粪污资源化利用项目绩效评价报告",
        "被评价单位：泰和县农业农村局",
        "评价机构：某某绩效评价有限公司",
        "2023年度项目预算资金860万元，实际支出842.3万元，预算执行率97.94%。",
        "项目单位自评得分为95分。经评价组现场核查、复核，该项目绩效评价最终得分87.5分，等级为“良”。",
    ]), "example.txt")
    assert (report.evaluation_type, report.total_score, report.projects[0].total_score) == ("third_party", 87.5, 87.5)
    report = parse_report("\n".join([
        "泰和县2022年基层医疗卫生机构设备购置项目",
        "财政重点绩效评价报告",
        "被评价单位：泰和县卫生健康局",
        "第三方评价机构：某某绩效评价有限公司",
        "项目预算资金1,286,000.00元，实际支出1,213,746.52元，执行率94.38%。经评价，项目综合得分93.42分，绩效等级为“优”。",
    ]), "example.txt")
    assert "评价机构" not in (report.projects[0].name or "")


def test_a_results_notice_printed_one_cell_per_line():
    report = parse_report("\n".join([
        "某市财政局",
        "关于2023年度市级财政重点绩效评价结果的公告",
        "序号", "项目名称", "主管部门", "项目资金（万元）", "评价得分", "评价等级", "备注",
        "1", "某市2023年城市生活垃圾无害化处理项目", "某市城市管理执法局", "2180.00", "88.6", "良好",
        "2", "某市2023年文化惠民演出项目", "某市文化和旅游局", "265.00", "72", "中", "整改中",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.total_score) for p in report.projects] == [
        ("某市2023年城市生活垃圾无害化处理项目", 2180.0, 88.6), ("某市2023年文化惠民演出项目", 265.0, 72.0)]


def test_a_label_with_more_words_ends_the_name_and_a_note_after_a_row_is_no_indicator():
    project, _ = only_project("\n".join([
        "项目名称\t特困人员救助供养资金",
        "主管部门及代码\t[408]某县民政局\t实施单位\t某县社会福利中心",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "成本指标 经济成本指标 县道养护单价 ≤1.2万元 1.25万元 10 8 材料价格上涨5%，下年度压减至1.2万元",
    ]))
    assert project.name == "特困人员救助供养资金"
    assert [i.name for i in project.indicators] == ["县道养护单价"]


def test_a_rate_written_in_words_in_its_money_cell():
    project, _ = only_project("\n".join([
        "项目名称\t城区道路清扫保洁经费",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t1,200.00\t1,200.00\t1,188.00\t10\t百分之九十九\t9.9",
    ]))
    assert money(project) == (1200.0, 1200.0, 1188.0, 99.0, 10.0, 9.9)


def test_a_department_money_block_with_a_year_end_balance_row_and_side_parts():
    report = parse_report("\n".join([
        "部门整体支出绩效自评表",
        "部门（单位）名称\t某县教育局",
        "单位：万元",
        "年度预算收支情况\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t8,000.00\t8,400.00\t8,190.00\t10\t97.50%\t9.75",
        "\t按收入性质分：\t\t\t\t按支出性质分：",
        "\t其中：一般公共预算\t8,000.00\t8,400.00\t8,190.00\t其中：基本支出\t6,000.00",
        "\t政府性基金预算\t0.00\t0.00\t0.00\t项目支出\t2,190.00",
        "\t结转结余\t210.00",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t在校学生人数\t≥5万人\t5.1万人\t90\t88",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["carryover"], budget["basic_expenditure"], budget["project_expenditure"]) == (210.0, 6000.0, 2190.0)


def test_adjusted_department_budgets_in_more_wordings():
    for sentence in ("2023年初部门预算432.5万元，因经济普查经费追加，全年预算调整为468.9万元。全年支出455.21万元，预算执行率97.08%。",
                     "2023年度部门全年预算数（调整后）468.9万元，其中年初预算432.5万元；全年执行数455.21万元，执行率97.08%。",
                     # the budget's income and spending sides first, then the full year's budget named
                     "2023年度部门预算收入（财政拨款）455.21万元，支出455.21万元。2023年年初预算432.5万元，年中追加36.4万元，"
                     "全年预算468.9万元；全年执行455.21万元，预算执行率97.08%。"):
        report = parse_report("泰和县统计局2023年度部门整体支出绩效自评报告\n" + sentence, "example.txt")
        budget = report.department_budget
        assert (budget["budget"], budget["budget_initial"], budget["executed"]) == (468.9, 432.5, 455.21)


def test_the_funds_that_arrived_a_grade_with_its_score_and_an_indicator_written_as_labelled_clauses():
    from loaders.parse.narrative import narrative_indicators, stated_money
    stated = stated_money(["2023年上级下达资金500万元，实际到位480万元，全年支出470万元，资金执行率97.92%。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (480.0, 470.0)
    report = parse_report("\n".join([
        "泰和县住房和城乡建设局2023年保障性住房维修项目绩效自评报告",
        "一、项目资金情况：该项目全年预算资金65万元，实际支出61.2万元。",
        "二、自评结论：综合各项指标完成情况，该项目自评结果为良好（85分）。",
    ]), "example.txt")
    assert (report.total_score, report.grade, report.projects[0].total_score) == (85.0, "良好", 85.0)
    (found,) = narrative_indicators(["指标1：三级指标名称：农村户用厕所改造数量；年度指标值：≥500户；实际完成值：520户；分值：20分；得分：18分。"])
    assert (found.name, found.target, found.actual, found.weight, found.score) == ("农村户用厕所改造数量", "≥500户", "520户", 20.0, 18.0)


def test_one_cell_per_line_a_wrapped_name_before_its_comparison_target():
    project, _ = only_project("\n".join([
        "项目名称", "森林资源保护与造林绿化项目",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "完成人工造林", "面积", "≥3000亩", "3150亩", "15", "15",
        "产出指标", "数量指标", "森林防火巡护天数", "≥300天", "320天", "10", "10",
    ]))
    assert rows(project)[0] == ("产出指标", "数量指标", "完成人工造林面积", "≥3000亩", "3150亩", 15.0, 15.0)


def test_a_space_aligned_results_notice_whose_names_wrap():
    report = parse_report("\n".join([
        "                    某区财政局",
        "          关于2021年度财政重点绩效评价结果的公示",
        "  序号   项目名称                    项目单位          资金量（万元）   评价得分   评价等级",
        "  1      某区2021年城市道路提质    区住房和城乡      3265.80          83.5       良",
        "         改造项目                    建设局",
        "  2      某区2021年困难群众救助    区民政局          1856.24          92.5       优",
        "         资金",
        "                                                                   某区财政局",
        "                                                                      2022年7月8日",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.total_score) for p in report.projects] == [
        ("某区2021年城市道路提质改造项目", 3265.8, 83.5), ("某区2021年困难群众救助资金", 1856.24, 92.5)]


def test_a_forms_closing_score_and_grade_cells_are_no_indicator():
    project, _ = only_project("\n".join([
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93.5%", "20", "20",
        "自评得分", "88", "自评等级", "良",
    ]))
    assert [i.name for i in project.indicators] == ["企业满意度"]
    assert project.total_score == 88.0


def test_one_cell_per_line_a_deviation_reason_broken_over_lines():
    project, _ = only_project("\n".join([
        "项目名称", "学生资助专项资金",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析", "及改进措施",
        "效益指标", "可持续影响指标", "资助政策知晓率", "≥90%", "93%", "20", "19", "部分家长对政策", "了解不全面，将加", "强宣传",
        "满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%", "96%", "10", "10",
    ]))
    assert [(i.name, i.deviation_reason) for i in project.indicators] == [
        ("资助政策知晓率", "部分家长对政策了解不全面，将加强宣传"), ("受助学生满意度", None)]


def test_该项目得分_is_a_projects_total_but_not_a_departments():
    report = parse_report("\n".join([
        "泰和县农业农村局2023年度农业生产发展资金项目绩效自评报告",
        "该项目全年预算320万元，实际支出310.4万元，预算执行率97%。",
        "经自评，该项目得分97.7分，等级为优。",
    ]), "example.txt")
    assert (report.total_score, report.projects[0].total_score) == (97.7, 97.7)
    report = parse_report("\n".join([
        "泰和县农业农村局2023年度部门整体支出绩效自评报告",
        "2023年部门全年预算数512.30万元，全年支出505.10万元，预算执行率98.59%。",
        "其中农业生产发展资金项目得分95分。",
        "经自评，部门整体支出绩效自评得分93分。",
    ]), "example.txt")
    assert report.total_score == 93.0


def test_a_department_budget_table_with_a_carryover_column():
    report = parse_report("\n".join([
        "泰和县农业农村局2023年度部门整体支出绩效自评表",
        "单位：万元",
        "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\t结转结余",
        "合计\t2,100.00\t2,460.00\t2,387.10\t97.04%\t72.90",
        "基本支出\t860.00\t880.00\t880.00\t100.00%\t0.00",
        "项目支出\t1,240.00\t1,580.00\t1,507.10\t95.39%\t72.90",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t耕地深松面积\t≥5万亩\t5.2万亩\t100\t95",
    ]), "example.txt")
    assert report.department_budget["carryover"] == 72.9


def test_prose_indicators_named_before_a_colon_with_other_verbs_and_deductions():
    from loaders.parse.narrative import stated_pairs
    found = stated_pairs("1.数量指标。送戏下乡演出场次：年度目标100场，实际完成104场，该指标分值15分，得15分。"
                         "农家书屋新增图书：年度目标≥1万册，实际新增1.2万册，权重10分，实得10分。")
    assert [(p.level2, p.name, p.target, p.actual, p.weight, p.score) for p in found] == [
        ("数量指标", "送戏下乡演出场次", "100场", "104场", 15.0, 15.0),
        ("数量指标", "农家书屋新增图书", "≥1万册", "1.2万册", 10.0, 10.0)]
    (pair,) = stated_pairs("2.质量指标。场馆免费开放率：目标值100%，实际完成100%，但有1个站闭馆两周，满分10分，扣1分后得9分。")
    assert (pair.weight, pair.score) == (10.0, 9.0)


def test_a_money_row_split_into_fund_source_columns_before_its_sum():
    project, _ = only_project("\n".join([
        "项目名称\t牧区饮水安全巩固提升工程",
        "项目资金（万元）\t中央\t自治区\t盟市\t旗县\t合计\t执行数\t执行率\t分值\t得分",
        "年度资金总额\t300\t120\t40\t40\t500\t488\t97.6%\t10\t9.76",
    ]))
    assert money(project) == (None, 500.0, 488.0, 97.6, 10.0, 9.76)


def test_a_review_score_column_before_the_self_score_and_a_reason_column_after_them():
    project, _ = only_project("\n".join([
        "| 项目名称 | 非遗保护传承补助 | | | | | | | |",
        "| 绩效指标 | | | | | | | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 复核得分 | 自评得分 | 偏差原因分析及改进措施 |",
        "| 产出指标 | 数量指标 | 非遗展演活动 | ≥20场 | 18场 | 50 | 44 | 45 | 受汛期影响2场展演取消 |",
        "| 效益指标 | 可持续影响指标 | 保护传承长效机制 | 逐步完善 | 基本建立 | 50 | 47 | 48 |  |",
    ]))
    assert [(i.name, i.score, i.deviation_reason) for i in project.indicators] == [
        ("非遗展演活动", 45.0, "受汛期影响2场展演取消"), ("保护传承长效机制", 48.0, None)]


def test_prose_indicators_named_in_a_sentence_of_their_own():
    from loaders.parse.narrative import stated_pairs
    found = stated_pairs("1.数量指标：办理法律援助案件数。年度目标≥600件，全年实际办理652件，完成目标，该指标分值20分，得20分。")
    assert [(p.level2, p.name, p.target, p.actual, p.weight, p.score) for p in found] == [
        ("数量指标", "办理法律援助案件数", "≥600件", "652件", 20.0, 20.0)]
    (pair,) = stated_pairs("服务对象满意度指标：受援人满意度。目标≥95%，通过回访调查，实际97.2%，权重15分，得15分。")
    assert (pair.name, pair.target, pair.actual, pair.weight, pair.score) == ("受援人满意度", "≥95%", "97.2%", 15.0, 15.0)


def test_rows_continuing_the_last_pages_group_get_no_label_from_the_next_group():
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "\t\t设备验收合格率\t100%\t100%\t10\t10",
        "\t\t培训考核合格率\t≥95%\t97%\t10\t10",
        "\t时效指标\t项目完成及时率\t100%\t100%\t10\t10",
    ]))
    assert [(i.level2, i.name) for i in project.indicators] == [
        (None, "设备验收合格率"), (None, "培训考核合格率"), ("时效指标", "项目完成及时率")]


# --- session 5: the same document written another way reads the same ----------------------------

def test_full_width_numbers_are_read_as_numbers():
    from loaders.parse.characters import halfwidth_numbers
    assert halfwidth_numbers("２０２３年度，执行率９５．５％，（一）项目：") == "2023年度，执行率95.5%，（一）项目："
    assert halfwidth_numbers("２．l万元，第一．二条") == "2.l万元，第一．二条"   # OCR's l stays for the OCR pass
    report = parse_report("\n".join([
        "某某县文化馆２０２３年度项目支出绩效自评表",
        "项目名称\t公共文化服务体系建设补助资金",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t１２０．００\t１５０．００\t１４４．００\t１０\t９６．００％\t９．６",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t文化活动场次\t≥３０场\t３２场\t４０\t４０",
        "效益指标\t满意度指标\t群众满意度\t≥９０\t９４\t５０\t４８",
        "总分\t１００\t９７．６",
    ]), "example.txt")
    (project,) = report.projects
    assert report.year == 2023 and report.total_score == 97.6
    assert money(project) == (120.0, 150.0, 144.0, 96.0, 10.0, 9.6)
    assert rows(project) == [("产出指标", "数量指标", "文化活动场次", "≥30场", "32场", 40.0, 40.0),
                             ("效益指标", "满意度指标", "群众满意度", "≥90", "94", 50.0, 48.0)]


def test_a_page_break_inside_a_table_leaves_its_rows_whole_and_spans_in_document_lines():
    cells = ["序号", "项目名称", "主管部门", "项目资金（万元）", "评价得分", "评价等级",
             "1", "城市生活垃圾无害化处理项目", "某某市城市管理局", "2180.00", "88.6", "良好",
             "2", "汉江水质监测能力建设项目", "某某市生态环境局", "846.90"]
    text = "\n".join(["某某市财政局关于2023年度市级重点绩效评价结果的公告", *cells,
                      "— 2 —", "\f", "\f第 3 页 共 9 页", "85.3", "良好"])
    report = parse_report(text, "example.txt")
    assert [(p.name, p.budget_full_year, p.total_score, p.grade) for p in report.projects] == [
        ("城市生活垃圾无害化处理项目", 2180.0, 88.6, "良好"), ("汉江水质监测能力建设项目", 846.9, 85.3, "良好")]
    assert report.projects[1].provenance["name"] == (14, 22)   # the row ends on the document's line 22


def test_no_break_and_zero_width_spaces_are_spaces():
    from loaders.parse.characters import plain_spaces
    assert plain_spaces("总分\u00a0100\u2009９7.73，1\u200b00元\n下一行") == "总分 100 ９7.73，100元\n下一行"
    report = parse_report("\n".join([
        "某某县交通运输局2023年度部门整体支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t农村公路养护里程\t≥800公里\t812公里\t80\t77.73",
        "效益指标\t社会效益指标\t公路安全事故发生率\t同比下降\t同比下降\t20\t20\u00a0·",
        "合计\t\t\t\t\t1OO\t9\u00a07.73",
    ]), "example.txt")
    assert report.total_score == 97.73
    (project,) = report.projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators][1] == (
        "公路安全事故发生率", "同比下降", "同比下降", 20.0, 20.0)


def test_a_double_spaced_text_reads_as_written_without_its_empty_lines():
    from loaders.parse.page_lines import lines_to_read
    assert lines_to_read(["甲", "", "乙", "", "", "", "丙", ""] * 4) == (
        ["甲", "乙", "", "丙"] * 4, [(n + 8 * page,) * 2 for page in range(4) for n in (1, 3, 4, 7)])
    assert lines_to_read(["甲", "乙", "", "丙"] * 5)[0] == ["甲", "乙", "", "丙"] * 5   # single spacing kept
    cells = ["序号", "项目名称", "主管部门", "项目资金（万元）", "评价得分", "评价等级",
             "1", "城市生活垃圾无害化处理项目", "某某市城市管理局", "2180.00", "88.6", "良好",
             "2", "汉江水质监测能力建设项目", "某某市生态环境局", "846.90", "85.3", "良好"]
    text = "\n\n".join(["某某市财政局关于2023年度市级重点绩效评价结果的公告", *cells])
    report = parse_report(text, "example.txt")
    assert [(p.name, p.budget_full_year, p.total_score, p.grade) for p in report.projects] == [
        ("城市生活垃圾无害化处理项目", 2180.0, 88.6, "良好"), ("汉江水质监测能力建设项目", 846.9, 85.3, "良好")]
    assert report.projects[1].provenance["name"] == (27, 37)


def test_cells_set_apart_by_two_spaces_without_their_empty_cells_are_no_aligned_columns():
    project, _ = only_project("\n".join([
        "项目名称  公园绿地养护管理经费",
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施",
        "产出指标  数量指标  养护绿地面积  ≥1200公顷  1236公顷  10  10",
        "公园巡查次数  ≥365次  372次  5  5",
        "质量指标  绿地养护质量达标率  ≥95%  96.8%  10  10",
        "树木成活率  ≥98%  97.5%  10  9  夏季极端高温导致部分新植苗木死亡，已安排补植",
        "效益指标  生态效益指标  新增绿化覆盖面积  ≥15公顷  12.6公顷  10  8  两处地块拆迁滞后",
        "满意度指标  服务对象满意度指标  游园群众满意度  ≥90%  93.2%  10  10",
        "总分  100  96.86",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "养护绿地面积", "≥1200公顷", "1236公顷", 10.0, 10.0),
        ("产出指标", "数量指标", "公园巡查次数", "≥365次", "372次", 5.0, 5.0),
        ("产出指标", "质量指标", "绿地养护质量达标率", "≥95%", "96.8%", 10.0, 10.0),
        ("产出指标", "质量指标", "树木成活率", "≥98%", "97.5%", 10.0, 9.0),
        ("效益指标", "生态效益指标", "新增绿化覆盖面积", "≥15公顷", "12.6公顷", 10.0, 8.0),
        ("满意度指标", "服务对象满意度指标", "游园群众满意度", "≥90%", "93.2%", 10.0, 10.0)]
    assert project.indicators[3].deviation_reason == "夏季极端高温导致部分新植苗木死亡，已安排补植"


def test_a_percent_weight_in_a_row_of_words_is_points():
    project, _ = only_project("\n".join([
        "项目名称 退化林修复项目",
        "一级指标 二级指标 三级指标 符号 指标值 度量单位 实际完成值 权重（%） 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 退化林修复面积 ≥ 2000 亩 2050亩 20% 20",
        "产出指标 时效指标 任务完成时间 ≤ 12 月 11月 10% 10",
        "满意度指标 服务对象满意度指标 周边群众满意度 ≥ 90 % 91% 25% 25",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("退化林修复面积", "≥2000亩", "2050亩", 20.0, 20.0), ("任务完成时间", "≤12月", "11月", 10.0, 10.0),
        ("周边群众满意度", "≥90%", "91%", 25.0, 25.0)]


def test_percent_weights_of_every_level_in_rows_of_words():
    project, _ = only_project("\n".join([
        "项目名称 “家门口”服务体系建设专项资金",
        "一级指标 权重 二级指标 权重 三级指标 权重 得分",
        "决策 15% 项目立项 5% 立项依据充分性 2% 2",
        "立项程序规范性 3% 3",
        "过程 20% 资金管理 10% 资金到位率 3% 3",
        "预算执行率 4% 3.77",
        "资金使用合规性 3% 3",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "项目立项", "立项依据充分性", 2.0, 2.0), ("决策", "项目立项", "立项程序规范性", 3.0, 3.0),
        ("过程", "资金管理", "资金到位率", 3.0, 3.0), ("过程", "资金管理", "预算执行率", 4.0, 3.77),
        ("过程", "资金管理", "资金使用合规性", 3.0, 3.0)]


def test_a_unit_column_in_a_row_of_words_is_the_targets():
    project, _ = only_project("\n".join([
        "项目名称 消费促进专项活动经费",
        "一级指标 二级指标 三级指标 符号 指标值 计量单位 实际完成值 指标分值 自评得分 未完成原因",
        "产出指标 数量指标 举办促消费主题活动场次 ≥ 12 场 14 20 20",
        "质量指标 活动方案审核通过率 = 100 % 100 10 10",
        "效益指标 经济效益指标 重点商圈销售额增长 ≥ 5 % 3.8 20 15 受疫情影响客流下降",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("举办促消费主题活动场次", "≥12场", "14", 20.0, 20.0), ("活动方案审核通过率", "=100%", "100", 10.0, 10.0),
        ("重点商圈销售额增长", "≥5%", "3.8", 20.0, 15.0)]
    assert project.indicators[2].deviation_reason == "受疫情影响客流下降"


@pytest.mark.parametrize("column", ["完成率（%）", "达成度（%）"])
def test_a_header_word_the_vocabulary_lacks_between_known_ones_keeps_the_columns(column):
    project, _ = only_project("\n".join([
        "项目名称 城市燃气管道老化更新改造补助",
        f"一级指标 二级指标 三级指标 年度指标值 实际完成值 {column} 分值 得分 偏差原因分析",
        "效益指标 社会效益指标 燃气安全事故发生率 0 0 100 20 20",
        "可持续影响指标 管网设计使用年限 ≥30年 30年 100 10 10",
        "时效指标 项目按期完成率 ≥95% 95.5% 100.5 10 10",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("燃气安全事故发生率", "0", "0", 20.0, 20.0), ("管网设计使用年限", "≥30年", "30年", 10.0, 10.0),
        ("项目按期完成率", "≥95%", "95.5%", 10.0, 10.0)]


def test_a_header_word_the_vocabulary_lacks_at_the_end_of_a_header_of_words():
    project, _ = only_project("\n".join([
        "项目名称 社区卫生服务机构运行补助",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 完成情况阐述",
        "效益指标 社会效益指标 社区门急诊人次 ≥580万人次 512万人次 受疫情影响门诊量下降约11.7%",
        "可持续影响指标 社区首诊制度运行 持续运行 持续运行 完成",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("社区门急诊人次", "≥580万人次", "512万人次"), ("社区首诊制度运行", "持续运行", "持续运行")]


def test_an_unlisted_level2_carries_down_until_a_printed_label_changes_or_restates_the_levels():
    project, _ = only_project("\n".join([
        "项目名称 学前教育提升工程项目",
        "一级指标 二级指标 三级指标 分值 得分 得分率",
        "投入 项目立项 立项规范性 4 4 100.0%",
        "绩效目标合理性 4 3 75.0%",
        "资金落实 资金到位率 4 4 100.0%",
        "到位及时率 4 3.5 87.5%",
        "项目立项 立项程序规范性 4 4 100.0%",
        "过程 业务管理 管理制度健全性 5 4 80.0%",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("投入", "项目立项", "立项规范性"), ("投入", "项目立项", "绩效目标合理性"), ("投入", "资金落实", "资金到位率"),
        ("投入", "资金落实", "到位及时率"), ("投入", "项目立项", "立项程序规范性"), ("过程", "业务管理", "管理制度健全性")]


def test_a_notice_listing_projects_in_words_apart_by_single_spaces():
    report = parse_report("\n".join([
        "某某市财政局关于2023年度市级重点项目绩效评价结果的通报",
        "单位：万元",
        "序号 项目名称 主管部门 预算金额 实际支出 预算执行率 评价得分 评价等级",
        "1 老旧小区改造配套基础设施项目 某某市住房和城乡建设局 5,680.00 5,214.36 91.80% 85.6 良",
        "2 城乡低保资金 某某市民政局 12,430.50 12,430.50 100.00% 93.2 优",
        "3 中小企业发展专项资金 某某市工业和信息化局 1,200.00 562.80 46.90% 58.0 差",
        "合计 19,310.50 18,207.66 94.29%",
    ]), "example.txt")
    assert [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct, p.total_score, p.grade)
            for p in report.projects] == [
        ("老旧小区改造配套基础设施项目", 5680.0, 5214.36, 91.8, 85.6, "良"),
        ("城乡低保资金", 12430.5, 12430.5, 100.0, 93.2, "优"),
        ("中小企业发展专项资金", 1200.0, 562.8, 46.9, 58.0, "差")]


def test_a_notice_row_of_words_that_does_not_fit_its_header_reads_no_list():
    report = parse_report("\n".join([
        "某某市财政局关于2023年度市级重点项目绩效评价结果的通报",
        "序号 项目名称 主管部门 预算金额 实际支出 预算执行率 评价得分 评价等级",
        "1 老旧小区改造 配套基础设施项目 某某市住房和城乡建设局 5,680.00 5,214.36 91.80% 85.6 良",
        "2 城乡低保资金 某某市民政局 12,430.50 12,430.50 100.00% 93.2 优",
    ]), "example.txt")
    assert all(p.total_score is None and p.budget_full_year is None for p in report.projects)


@pytest.mark.parametrize("column", ["完成率（%）", "备注"])
def test_a_pipe_row_with_a_number_column_before_its_scores_ends_with_its_line(column):
    project, _ = only_project("\n".join([
        "| 项目名称 | 城市燃气管道老化更新改造补助 |",
        f"| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | {column} | 分值 | 得分 | 偏差原因分析 |",
        "| 产出指标 | 数量指标 | 改造燃气管道长度 | ≥42公里 | 38.6公里 | 91.9 | 20 | 18.4 | 部分路段因道路开挖审批延后 |",
        "|  |  | 改造用户数 | ≥8600户 | 8720户 | 101.4 | 10 | 10 |  |",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("改造燃气管道长度", "≥42公里", "38.6公里", 20.0, 18.4), ("改造用户数", "≥8600户", "8720户", 10.0, 10.0)]


def test_a_space_between_a_number_and_its_unit_in_prose():
    from loaders.parse.characters import units_joined
    assert units_joined("预算执行率96.31 %，得9.6 分，共10 分别用于\n一级指标  分值  得分\n20  10 分") == \
        "预算执行率96.31%，得9.6分，共10 分别用于\n一级指标  分值  得分\n20  10 分"
    report = parse_report("\n".join([
        "某某区卫生健康委员会2020年度项目支出绩效自评报告",
        "社区卫生服务中心标准化建设项目全年预算资金1,280,000.00 元，全年实际支出1,216,350.00 元，"
        "预算执行率95.03 %（该项分值10 分，得9.5 分）。",
        "经自评，该项目得分为92.5 分，等级为优。",
    ]), "example.txt")
    (project,) = report.projects
    assert (project.budget_full_year, project.executed, project.execution_rate_pct) == (128.0, 121.635, 95.03)
    assert (project.execution_weight, project.execution_score, report.total_score) == (10.0, 9.5, 92.5)


def test_a_sentence_cell_with_spaces_in_a_table_printed_one_cell_per_line():
    project, _ = only_project("\n".join([
        "项目名称", "马铃薯产业发展专项资金",
        "一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分",
        "决策（20 分）", "资金投入", "预算编制科学性", "3", "预算内容与项目内容匹配，得 3 分。", "3",
        "资金分配合理性", "3", "资金分配依据充分，得 3 分；发现 1 处分配不合理扣 0.5 分。", "2.5",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "资金投入", "预算编制科学性", 3.0, 3.0), ("决策", "资金投入", "资金分配合理性", 3.0, 2.5)]


def test_tab_rows_whose_empty_merged_cells_were_left_out_and_whose_reason_lands_under_the_score():
    project, _ = only_project("\n".join([
        "项目名称\t高标准农田建设项目",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标\t数量指标\t新建高标准农田面积\t≥3.2万亩\t3.26万亩\t20\t20",
        "时效指标\t项目完工时间\t2022年12月底前\t2023年3月\t10\t6\t受汛期影响工期顺延",
        "成本指标\t亩均投资\t≤3000元\t2980元\t10\t10",
        "效益指标\t经济效益指标\t亩均增产\t≥50公斤\t56公斤\t15\t15",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "新建高标准农田面积", "≥3.2万亩", "3.26万亩", 20.0, 20.0),
        ("产出指标", "时效指标", "项目完工时间", "2022年12月底前", "2023年3月", 10.0, 6.0),
        ("产出指标", "成本指标", "亩均投资", "≤3000元", "2980元", 10.0, 10.0),
        ("效益指标", "经济效益指标", "亩均增产", "≥50公斤", "56公斤", 15.0, 15.0)]
    assert project.indicators[1].deviation_reason == "受汛期影响工期顺延"


def test_a_department_budget_row_whose_cells_left_their_columns_is_not_read_by_the_header_places():
    report = parse_report("\n".join([
        "某某区卫生健康委员会",
        "2020年度部门整体支出绩效自评表",
        "金额单位：万元",
        "年度预算执行情况\t项目\t全年预算数\t全年执行数\t执行率",
        "年度资金总额\t6,528.30\t6,391.07\t97.90%",
        "按支出性质分\t基本支出\t2,140.50\t2,140.50\t100.00%",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (6528.3, 6391.07, 97.9)
    assert budget["basic_expenditure"] == 2140.5


def _broken_at(paragraph: str, width: int) -> list[str]:
    """The paragraph as a PDF prints it: a new line wherever the page width is reached."""
    from loaders.parse.page_lines import display_width
    lines, line = [], ""
    for ch in paragraph:
        if display_width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def test_a_paragraph_a_pdf_broke_at_the_page_width_reads_as_one_line():
    from loaders.parse.page_lines import lines_to_read
    paragraph = ("根据《某某县财政局关于开展2024年度预算绩效自评工作的通知》（某财绩〔2024〕3号）要求，我局对2023年度"
                 "部门整体支出开展了绩效自评，现将有关情况报告如下。2023年度全年预算数1,250.00万元，全年支出1,186.40"
                 "万元，预算执行率94.91%，年末结转结余63.60万元。")
    wrapped = ["某某县林业局2023年度部门整体支出绩效自评报告", "一、部门基本情况", *_broken_at(paragraph, 60),
               "二、自评结论", "经自评，我局2023年度部门整体支出绩效自评得分为93.5分，自评等级为“优”。"]
    assert len(wrapped) == 9
    lines, origins = lines_to_read(wrapped)
    assert lines[2] == paragraph and origins[2] == (3, 7)
    assert lines[3] == "二、自评结论" and origins[3] == (8, 8)
    report = parse_report("\n".join(wrapped), "example.txt")
    budget = report.department_budget
    assert (report.year, report.total_score) == (2023, 93.5)
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (1250.0, 1186.4, 94.91)
    assert report.provenance["department_budget.execution_rate_pct"] == (3, 7)


# --- session 5: blind holdout probe 16 ------------------------------------------------------------

def test_a_finance_bureaus_notice_of_its_own_key_evaluations_is_no_self_evaluation():
    report = parse_report("\n".join([
        "某市财政局", "关于2024年度市级财政重点绩效评价结果的公告",
        "我局对2024年度2个市级重点项目开展了财政重点绩效评价，结果如下：",
        "序号", "项目名称", "主管部门", "预算数", "（万元）", "实际支出", "（万元）", "执行率", "评价得分", "评价等级",
        "1", "城乡居民基本医疗保险市级补助资金", "某市医疗保障局", "3650.00", "3650.00", "100.00%", "95.0", "优秀",
        "2", "高标准农田建设市级配套资金", "某市农业农村局", "2200.00", "1963.50", "89.25%", "81.0", "良好",
    ]), "example.txt")
    assert report.evaluation_type == "third_party"
    assert [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct, p.total_score) for p in report.projects] == [
        ("城乡居民基本医疗保险市级补助资金", 3650.0, 3650.0, 100.0, 95.0), ("高标准农田建设市级配套资金", 2200.0, 1963.5, 89.25, 81.0)]


def test_a_pipe_name_row_with_a_second_label_and_amounts_whose_header_cells_name_the_unit():
    project, _ = only_project("\n".join([
        "| 项目名称 | 社区健康促进项目 | 预算单位 | 某区疾病预防控制中心 |",
        "| 年初预算数（元） | 全年预算数（元） | 全年执行数（元） | 权重(%) | 执行率 | 自评得分 |",
        "| 865,000.00 | 865,000.00 | 821,750.00 | 20 | 95.00% | 18 |",
    ]))
    assert project.name == "社区健康促进项目"
    assert (project.budget_initial, project.budget_full_year, project.executed, project.execution_rate_pct) == (
        86.5, 86.5, 82.175, 95.0)


def test_a_table_total_of_fewer_than_100_points_is_a_subtotal_and_a_total_with_a_note_is_read():
    report = parse_report("\n".join([
        "某区住房和城乡建设局2022年度项目支出绩效自评表",
        "项目名称\t老旧小区改造项目",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t改造老旧小区数量\t≥8个\t8个\t20\t20",
        "总分\t\t\t\t\t80\t70",
        "自评总分（含预算执行）：88分",
    ]), "example.txt")
    assert report.total_score == 88 and report.projects[0].total_score == 88


@pytest.mark.parametrize("table", [
    ["| 支出类别 | 金额（万元） | 占比 |", "| 基本支出 | 512.30 | 61.98% |", "| 项目支出 | 314.24 | 38.02% |",
     "| 合计 | 826.54 | 100% |"],
    ["支出类别\t金额（万元）\t占比", "基本支出\t512.3\t61.98%", "项目支出\t314.24\t38.02%"],
    ["项目\t基本支出\t项目支出\t合计", "金额（万元）\t512.3\t314.24\t826.54"],
])
def test_spending_parts_in_a_small_table_with_one_amount_column(table):
    report = parse_report("\n".join([
        "某镇人民政府2022年度部门整体支出绩效自评报告",
        "2022年度部门全年预算数为842.1万元。2022年度全年支出826.54万元，预算执行率98.15%。按支出性质分：",
        *table,
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["executed"], budget["basic_expenditure"], budget["project_expenditure"]) == (826.54, 512.3, 314.24)
    assert budget.get("basic_budget") is None


def test_parts_that_add_up_to_no_stated_total_are_not_read():
    report = parse_report("\n".join([
        "某镇人民政府2022年度部门整体支出绩效自评报告",
        "2022年度部门全年预算数为842.1万元。2022年度全年支出826.54万元，预算执行率98.15%。",
        "2021年度支出结构", "项目\t基本支出\t项目支出", "金额（万元）\t480\t300",
    ]), "example.txt")
    assert report.department_budget.get("basic_expenditure") is None


# --- session 5: blind holdout probe 17 ------------------------------------------------------------

def test_a_unit_label_word_inside_a_recommendation_names_no_agency():
    report = parse_report("\n".join([
        "某市某区2023年度营养改善计划项目", "财政支出绩效评价报告",
        "委托单位：某市某区财政局", "项目主管单位：某市某区教育局", "评价机构：某会计师事务所有限公司",
        "经评价，该项目综合得分为86.5分，绩效评价等级为“良”。",
        "七、有关建议", "建议主管部门加强食堂台账管理。",
    ]), "example.txt")
    assert (report.agency, report.evaluation_type) == ("某市某区教育局", "third_party")


def test_prose_indicators_stated_with_a_result_a_verb_kept_and_execution_points_after_a_comma():
    report = parse_report("\n".join([
        "某区农业农村和水利局", "关于2022年度高标准农田建设项目绩效自评情况的报告",
        "项目名称：2022年度高标准农田建设项目。该项目全年预算数为860万元，实际支出834.2万元，预算执行率97%，"
        "该项分值10分，得9.7分。",
        "（一）效益指标",
        "1.可持续影响指标。“工程设施使用年限”目标≥15年，实际达到预期，权重15分，得15分。",
        "（二）满意度指标",
        "“项目区农户满意度”目标≥90%，问卷调查结果为94%，分值10分，得10分。",
    ]), "example.txt")
    (project,) = report.projects
    assert project.name == "2022年度高标准农田建设项目"
    assert (project.execution_weight, project.execution_score) == (10.0, 9.7)
    assert [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("效益指标", "工程设施使用年限", "≥15年", "达到预期", 15.0, 15.0),
        ("满意度指标", "项目区农户满意度", "≥90%", "94%", 10.0, 10.0)]


def test_a_spaced_total_label_in_a_layout_table_and_a_total_holding_the_execution_points():
    project, _ = only_project("\n".join([
        "项目名称   农村饮水工程",
        "一级指标  二级指标  三级指标   年度指标值   实际完成值   分值   得分",
        "产出指标  数量指标  新建集中供水工程   3处    3处    15    15",
        "效益指标  社会效益  农村自来水普及率  ≥90%   92%   20   18",
        "总    分                                    100   97.87",
    ]))
    assert [i.name for i in project.indicators] == ["新建集中供水工程", "农村自来水普及率"]
    assert project.total_score == 97.87
    project, _ = only_project("\n".join([
        "项目名称\t农村公路提档升级工程",
        "项目资金（万元）\t全年预算数\t年初预算数\t全年执行数\t执行率\t分值\t得分",
        "年度资金总额\t1,520.00\t1,800.00\t1,498.62\t98.59%\t10\t9.86",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t权重（%）\t自评得分",
        "产出指标\t数量指标\t提档升级农村公路里程\t≥35公里\t36.2公里\t90\t89",
        "合计\t\t\t\t\t90\t98.86",
    ]))
    assert project.total_score == 98.86   # more than the indicators' 90 points: it holds the 执行率 ones


def test_an_ambiguous_label_opening_a_row_that_fills_every_column_is_the_level1():
    project, _ = only_project("\n".join([
        "项目名称 农村饮水工程",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "效益指标 社会效益 农村自来水普及率 ≥90% 92% 20 18",
        "满意度指标 满意度 受益群众满意度 ≥90% 94% 10 10",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("效益指标", "社会效益", "农村自来水普及率"), ("满意度指标", "满意度", "受益群众满意度")]


def test_one_cell_per_line_a_name_before_the_header_and_a_reason_broken_over_two_lines():
    project, _ = only_project("\n".join([
        "项目名称", "农村供水工程",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "时效指标", "工程完工时间", "2022年11月底前", "2022年12月20日", "10", "7",
        "受汛期影响工期", "延后，已督促加快进度",
        "效益指标", "社会效益指标", "受益人口", "≥3.2万人", "3.4万人", "20", "20",
    ]))
    assert project.name == "农村供水工程"
    assert [(i.name, i.score, i.deviation_reason) for i in project.indicators] == [
        ("工程完工时间", 7.0, "受汛期影响工期延后，已督促加快进度"), ("受益人口", 20.0, None)]


def test_a_sentence_cut_at_the_line_end_states_no_value_and_a_label_line_is_no_continuation():
    from loaders.parse.narrative import stated_pairs
    assert stated_pairs("（2）数量指标：维修改造校舍面积，年度指标值为≥2540平方米，实际完成值为") == []
    (reached,) = stated_pairs("（2）质量指标：项目验收合格率，年度指标值为100%，实际完成值为达到。")
    assert (reached.name, reached.target, reached.actual) == ("项目验收合格率", "100%", "达到")
    from loaders.parse.page_lines import lines_to_read
    title = "泸州市某区住房和城乡建设局关于2023年度项目支出绩效自评结果的公示"
    paragraph = ("根据区财政局工作安排，我局对2023年度城镇老旧小区改造配套基础设施项目开展了绩效自评。项目实施以来，"
                 "共完成老旧小区改造12个，惠及居民2,136户，居民满意度达到92.5%以上，效果良好，现将自评结果公示如下。")
    lines = [title, "发布时间：2024-05-08 来源：某区住建局", *_broken_at(paragraph, 64)]
    read, origins = lines_to_read(lines)
    assert read == [title, lines[1], paragraph] and origins[2] == (3, len(lines))


def test_a_full_row_of_words_whose_level_cells_the_vocabulary_lacks_gives_both_levels():
    project, _ = only_project("\n".join([
        "部门整体支出绩效自评表",
        "一级指标  二级指标  三级指标  年度目标值  实际完成值  分值  得分",
        "产出指标  数量指标  法治宣传活动场次  ≥120场  136场  20  20",
        "满意度    满意度    群众满意度  ≥90%  92%  10  9",
    ]))
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "法治宣传活动场次", "≥120场", "136场", 20.0),
        ("满意度", "满意度", "群众满意度", "≥90%", "92%", 9.0)]


def test_a_units_own_report_that_mentions_the_finance_bureaus_evaluation_stays_its_own():
    report = parse_report("某区教育局2023年度部门整体支出绩效评价报告\n"
                          "我局积极配合区财政局开展的财政重点绩效评价工作。经评价，我局部门整体支出得分95分。", "example.txt")
    assert report.evaluation_type == "self"


def test_a_sentence_after_a_layout_table_is_no_wrapped_cell_of_its_last_row():
    project, _ = only_project("\n".join([
        "项目名称     营养改善计划",
        "一级指标     二级指标             三级指标               年度指标值    实际完成值     分值   得分",
        "效益指标     社会效益指标         学生营养健康状况       持续改善      持续改善       20     20",
        "             可持续影响指标       营养餐长效机制         建立          已建立         10     10",
        "满意度指标   服务对象满意度指标   学生及家长满意度       ≥90%          93%            20     19",
        "预算执行率（分值10分）自评得分9.65分。",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][-1] == (
        "满意度指标", "服务对象满意度指标", "学生及家长满意度")


def test_a_unit_name_wrapped_in_its_cell_of_a_space_aligned_form_takes_only_its_own_column():
    report = parse_report("\n".join([
        "茶产业发展专项资金项目支出绩效自评表",
        "项目名称             2020年茶产业发展专项资金",
        "主管部门             六盘水市水城区农业农   实施单位             六盘水市水城区茶叶产",
        "                     村局                                        业发展中心",
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        "产出指标  数量指标  新建茶园面积  ≥3000亩  3150亩  20  20",
    ]), "example.txt")
    assert report.agency == "六盘水市水城区茶叶产业发展中心"


def test_a_space_aligned_row_cut_before_its_scores_is_no_wrapped_tail_of_the_row_above():
    project, _ = only_project("\n".join([
        "项目名称    妇幼健康服务项目",
        "一级指标    二级指标        三级指标              年度指标值     实际完成值    分值    得分",
        "产出指标    质量指标        孕产妇死亡率          ≤18/10万       0/10万        10      10",
        "            时效指标        补助资金发放及时率    ≥95%           97%           10      10",
        "效益指标    社会效益指标    孕产妇系统管理率      ≥90%",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][:2] == [
        ("产出指标", "质量指标", "孕产妇死亡率"), ("产出指标", "时效指标", "补助资金发放及时率")]


# --- session 5: blind holdouts probe 19 / 20 / 21 -------------------------------------------------

def test_a_department_table_printing_income_before_spending_takes_the_spending_total():
    report = parse_report("\n".join([
        "某市卫生健康局2024年度部门整体支出绩效自评报告",
        "一、部门整体支出情况（单位：万元）",
        "项目\t年初预算\t调整预算\t决算数\t执行率",
        "一、收入合计\t38,260.50\t42,918.36\t42,918.36\t100.00%",
        "其中：财政拨款收入\t30,150.50\t34,602.16\t34,602.16\t100.00%",
        "二、支出合计\t38,260.50\t42,918.36\t41,235.87\t96.08%",
        "其中：基本支出\t12,480.00\t12,913.60\t12,860.42\t99.59%",
        "项目支出\t25,780.50\t30,004.76\t28,375.45\t94.57%",
        "| 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 家庭医生签约服务人数 | ≥18万人 | 18.6万人 | 10 | 10 |",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (42918.36, 41235.87, 96.08)


def test_a_money_table_whose_income_rows_end_the_block_before_the_spending_rows():
    report = parse_report("\n".join([
        "某市卫生健康局2024年度部门整体支出绩效自评报告",
        "2024年度本部门收支预算执行情况如下表（单位：万元）：",
        "项目\t年初预算\t调整预算\t决算数\t执行率",
        "一、收入合计\t38,260.50\t42,918.36\t42,918.36\t100.00%",
        "其中：财政拨款收入\t30,150.50\t34,602.16\t34,602.16\t100.00%",
        "上年结转\t1,210.00\t1,210.00\t1,210.00\t100.00%",
        "其他收入\t6,900.00\t7,106.20\t7,106.20\t100.00%",
        "二、支出合计\t38,260.50\t42,918.36\t41,235.87\t96.08%",
        "其中：基本支出\t12,480.00\t12,913.60\t12,860.42\t99.59%",
        "项目支出\t25,780.50\t30,004.76\t28,375.45\t94.57%",
        "| 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 家庭医生签约服务人数 | ≥18万人 | 18.6万人 | 10 | 10 |",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (42918.36, 41235.87, 96.08)
    assert report.projects[0].executed in (None, 41235.87)


def test_a_layout_table_whose_cells_are_centred_in_their_rows():
    project, _ = only_project("\n".join([
        "项目名称  2022年基本公共卫生服务项目补助资金",
        "  绩效指标  一级指标  二级指标        三级指标            年度指标值  实际完成值  分值  得分",
        "                                      65岁及以上老年人    ≥52000",
        "            产出指标  数量指标                                        53618人     8     8",
        "                                      健康管理人数        人",
        "                                      高血压患者基层规范  ≥38000",
        "                                                                      36450人     8     7.2",
        "                                      管理服务人数        人",
        "                                      居民电子健康档案建",
        "                      质量指标                            ≥90%        91.3%       8     8",
        "                                      档率",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "65岁及以上老年人健康管理人数", "≥52000人", "53618人", 8.0, 8.0),
        ("产出指标", "数量指标", "高血压患者基层规范管理服务人数", "≥38000人", "36450人", 8.0, 7.2),
        ("产出指标", "质量指标", "居民电子健康档案建档率", "≥90%", "91.3%", 8.0, 8.0)]


def test_prose_indicators_from_a_pdf_spaces_around_numbers_quotes_and_a_wrapped_actual():
    from loaders.parse.narrative import stated_pairs
    (pair,) = stated_pairs("3.社会效益指标：城乡居民公共卫生差距，目标值为“不断缩小”，实际完成“逐步缩小”，分值10分，得10分。")
    assert (pair.target, pair.actual) == ("不断缩小", "逐步缩小")
    (project,) = parse_report("\n".join([
        "某区交通运输局关于2021年农村公路日常养护资金项目绩效自评报告",
        "（一）产出指标（共 50 分）",
        "1. 数量指标：农村公路日常养护里程。年度目标值 ≥ 420",
        "公里，实际完成 436 公里，该指标分值 20 分，得 20 分。",
        "2. 质量指标：优良中等路率。年度目标值 ≥ 80 %，实际完成",
        "82.5 %，该指标分值 15 分，得 15 分。",
        "（二）效益指标（共 30 分）",
        "1. 社会效益指标：农村群众出行条件。年度目标值为持续改善，实际完成情况",
        "为持续改善，该指标分值 15 分，得 15 分。",
    ]), "example.txt").projects
    assert [(i.name, i.actual, i.weight, i.score) for i in project.indicators][1:] == [
        ("优良中等路率", "82.5%", 15.0, 15.0), ("农村群众出行条件", "持续改善", 15.0, 15.0)]


def test_a_prose_indicator_sentence_broken_over_lines_of_any_width():
    (project,) = parse_report("\n".join([
        "某区交通运输局关于2021年农村公路日常养护资金项目绩效自评报告",
        "（一）产出指标（共 50 分）",
        "2. 质量指标：优良中等路率。年度目标值 ≥ 80 %，实际完成",
        "82.5 %，该指标分值 15 分，得 15 分。",
        "3. 时效指标：养护资金拨付及时率。年度目标值 100%，",
        "实际完成 90%，该指标分值 15 分，",
        "得 13.5 分。",
    ]), "example.txt").projects
    assert [(i.name, i.actual, i.weight, i.score, i.provenance["actual"]) for i in project.indicators] == [
        ("优良中等路率", "82.5%", 15.0, 15.0, (3, 4)), ("养护资金拨付及时率", "90%", 15.0, 13.5, (5, 7))]


def test_level1_labels_printed_mid_group_are_placed_by_the_points_they_state():
    project, _ = only_project("\n".join([
        "项目名称  农村饮水安全工程维修养护项目",
        "  一级指标      二级指标    三级指标                分值  得分",
        "                项目立项    立项依据充分性          4     4",
        "  决策（12分    绩效目标    绩效目标合理性          4     3",
        "  ）",
        "                资金投入    预算编制科学性          4     3.5",
        "                资金管理    资金到位率              5     5",
        "  过程（10分    组织实施    管理制度健全性          5     4.5",
        "  ）",
    ]))
    assert [(i.level1, i.name) for i in project.indicators] == [
        ("决策", "立项依据充分性"), ("决策", "绩效目标合理性"), ("决策", "预算编制科学性"),
        ("过程", "资金到位率"), ("过程", "管理制度健全性")]


def test_a_bare_page_number_before_the_title_again_is_a_page_break():
    report = parse_report("\n".join([
        "                              2023年度部门整体支出绩效自评表",
        "  部门（单位）名称：某区人力资源和社会保障局",
        "  绩效指标  一级指标    二级指标            三级指标                年度指标值  实际完成值  分值  得分",
        "            产出指标    数量指标            城镇新增就业人数        ≥6500人     7012人      10    10",
        "            效益指标    社会效益指标        城镇登记失业率          ≤4.5%       3.8%        10    10",
        "",
        "                                                                              1",
        "                              2023年度部门整体支出绩效自评表",
        "",
        "  绩效指标  一级指标    二级指标            三级指标                年度指标值  实际完成值  分值  得分",
        "                        社会效益指标        根治欠薪案件办结率      100%        98.2%       10    9",
    ]), "example.txt")
    assert [(i.name, i.weight, i.score) for i in report.projects[0].indicators] == [
        ("城镇新增就业人数", 10.0, 10.0), ("城镇登记失业率", 10.0, 10.0), ("根治欠薪案件办结率", 10.0, 9.0)]


def test_a_pipe_total_row_with_self_and_review_scores_is_three_cells_not_a_split_number():
    project, _ = only_project("\n".join([
        "| 项目名称 | 家庭医生签约服务补助资金 |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 自评得分 | 复核得分 | 偏差原因分析及改进措施 |",
        "| 产出指标 | 数量指标 | 组建家庭医生团队数 | ≥286个 | 286个 | 100 | 97.5 | 96 |  |",
        "| 总分 | | | | | 100 | 97.5 | 96 | |",
    ]))
    assert project.total_score == 97.5


def test_a_value_with_its_unit_never_runs_into_the_points_after_it():
    project, _ = only_project("\n".join([
        "项目名称", "", "就业创业补助资金", "",
        "一级指标", "", "二级指标", "", "三级指标", "", "年度指标值", "", "实际完成值", "", "分值", "",
        "财政复核得分", "", "单位自评得分", "", "偏差原因分析及改进措施", "",
        "产出指标", "数量指标", "开展职业技能培训人次", "≥2500人次", "2380人次", "15", "13", "14",
        "部分培训班次因场地调整顺延", "",
        "产出指标", "质量指标", "培训后取证率", "≥80%", "82.5%", "10", "10", "10",
    ]))
    assert [(i.name, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("开展职业技能培训人次", "2380人次", 15.0, 14.0), ("培训后取证率", "82.5%", 10.0, 10.0)]


def test_ocr_department_prose_with_thousands_apart_a_read_percent_and_a_three_public_heading():
    report = parse_report("\n".join([
        "某市文化和旅游局",
        "2023 年度部门整体支出绩效自评报告",
        "    （一）预算安排。2023年年初预算3 420.50万元，调整后全年预算为3 666.18万元。",
        "    （二）预算执行。2023年全年实际支出3 590.27万元，预算执行率97.93°/o。",
        "    （三）“三公”经费。2023年“三公”经费支出6.80万元。",
        "    我局2023年度部门整体支出绩效自评得分92.5分，自评等级为“优”。",
    ]), "example.txt")
    budget = report.department_budget
    assert report.report_kind == "department" and not report.projects
    assert (budget["budget_initial"], budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (
        3420.5, 3666.18, 3590.27, 97.93)


def test_pipe_rows_holding_only_the_wrapped_rest_of_cells_above():
    project, _ = only_project("\n".join([
        "| 项目名称 | 2022年边境贸易发展专项资金 |  |  |  |  |  |  |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |  |",
        "| 产出指标（40分） | 质量指标 | 互市商品落地加 | ≥60% | 63.5% | 10 | 10 |  |",
        "|  |  | 工率 |  |  |  |  |  |",
        "| 满意度指标（10分） | 服务对象满意度指标 | 参与边民满意度 | 90% | 95% | 10 | 10 |  |",
        "|  |  |  | 以上 |  |  |  |  |",
    ]))
    assert [(i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("互市商品落地加工率", "≥60%", "63.5%", 10.0), ("参与边民满意度", "90%以上", "95%", 10.0)]


def test_an_ocr_form_whose_page_mark_precedes_the_name_line_with_its_signs_and_unit_misread():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("〉=1 860公里，〈=7 000元，（万兀），>= 98 %")[0] == "≥1 860公里，≤7 000元，（万元），>= 98 %"
    report = parse_report("\n".join([
        "公 安 县 交 通 运 输 局",
        "2022 年度项目支出绩效自评表",
        "                                                    第 1 页 共 2 页",
        "项目名称    2022年公安县农村公路养护资金",
        "主管部门    公安县交通运输局        实施单位    公安县农村公路管理局",
    ]), "example.txt")
    assert report.projects[0].name == "2022年公安县农村公路养护资金"


def test_a_level_labels_wrapped_tail_on_the_next_rows_first_line_belongs_to_the_label_above():
    project, _ = only_project("\n".join([
        "项目名称    农村公路养护资金",
        "一级      二级        三级指标                年度指标值      实际完成值     分值   得分",
        "指标      指标",
        "产出      数量指标    农村公路日常养护里程    ≥1860公里       1872公里        15     15",
        "指标                  生命安全防护工程实施    ≥35公里         36.2公里        10     10",
        "                      里程",
        "          质量指标    优良中等路率            ≥80%            83.5%           10     10",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "农村公路日常养护里程"), ("产出指标", "数量指标", "生命安全防护工程实施里程"),
        ("产出指标", "质量指标", "优良中等路率")]


def test_centred_cells_that_wrap_unevenly_and_a_level_label_above_the_scores():
    project, _ = only_project("\n".join([
        "项目名称  基本公共卫生服务项目补助资金",
        "  绩效指标  一级指标  二级指标        三级指标            年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施",
        "                                      城乡居民公共卫生差",
        "            效益指标  社会效益指标                        不断缩小    不断缩小    15    15",
        "                                      距",
        "                                                                                              村医队伍老龄化，服务能",
        "                                      基本公共卫生服务水",
        "                      可持续影响指标                      不断提高    不断提高    15    14    力提升较慢，将加大培训",
        "                                      平",
        "                                                                                              力度",
        "                      服务对象满意度  城乡居民对基本公共",
        "            满意度指标                                     ≥85%        88.9%       10    10",
        "                      指标            卫生服务满意度",
        "  总分                                                                            40    39",
    ]))
    assert [(i.level1, i.level2, i.name, i.score) for i in project.indicators] == [
        ("效益指标", "社会效益指标", "城乡居民公共卫生差距", 15.0),
        ("效益指标", "可持续影响指标", "基本公共卫生服务水平", 14.0),
        ("满意度指标", "服务对象满意度指标", "城乡居民对基本公共卫生服务满意度", 10.0)]
    assert project.indicators[1].deviation_reason == "村医队伍老龄化，服务能力提升较慢，将加大培训力度"


def test_an_unlisted_level2_with_its_points_in_a_row_of_words():
    project, _ = only_project("\n".join([
        "项目名称 农村人居环境整治专项",
        "一级指标 分值 二级指标 分值 三级指标 分值 得分",
        "效益 30 社会效益 15 村容村貌改善情况 8 7",
        "长效管护机制建立 7 3.5",
        "满意度 10 村民满意度 10 9",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators][-1] == (
        "效益", "满意度", "村民满意度", 10.0, 9.0)


# --- session 5: blind holdouts probe 22 / 23 ------------------------------------------------------

def test_a_notice_whose_budget_columns_are_headed_by_the_year_start_and_adjusted_budgets():
    report = parse_report("\n".join([
        "某区财政局关于2023年度区级项目支出绩效评价结果的通报",
        "序号\t项目名称\t主管部门\t年初预算（万元）\t调整后预算（万元）\t实际支出（万元）\t评价得分\t评价等级",
        "1\t老旧小区改造配套设施项目\t某区住建局\t2,500.00\t2,765.50\t2,598.43\t88.5\t良",
        "2\t义务教育学校课后服务补助\t某区教育局\t455.00\t455.00\t455.00\t93.5\t优",
    ]), "example.txt")
    assert [(p.name, p.budget_initial, p.budget_full_year, p.executed, p.total_score) for p in report.projects] == [
        ("老旧小区改造配套设施项目", 2500.0, 2765.5, 2598.43, 88.5), ("义务教育学校课后服务补助", 455.0, 455.0, 455.0, 93.5)]


def test_a_layout_score_table_with_short_level_headers_and_empty_value_columns():
    project, _ = only_project("\n".join([
        "项目名称  老旧小区改造项目",
        "  一级    二级        三级指标                指标值          实际完成        分值  得分  扣分说明",
        "  决策    项目立项    立项依据充分性                                             4     4",
        "                      立项程序规范性                                             3     3",
        "          绩效目标    绩效目标合理性                                             4     3  部分指标未量化",
    ]))
    assert [(i.level1, i.level2, i.name, i.target, i.weight, i.score) for i in project.indicators] == [
        ("决策", "项目立项", "立项依据充分性", None, 4.0, 4.0), ("决策", "项目立项", "立项程序规范性", None, 3.0, 3.0),
        ("决策", "绩效目标", "绩效目标合理性", None, 4.0, 3.0)]


def test_a_split_target_whose_unit_has_several_characters():
    project, _ = only_project("\n".join([
        "项目名称  城乡居民医疗保障补助资金",
        "  一级指标    二级指标            三级指标                    符号 指标值      计量单位  实际完成值    分值  得分",
        "  产出指标    时效指标            医疗救助资金结算时限        ≤    15          个工作日  12个工作日      10    10",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [("医疗救助资金结算时限", "≤15个工作日", "12个工作日")]


def test_a_layout_header_wrapped_in_narrow_columns_keeps_the_columns_to_its_right_in_place():
    # 指标  自评 over 分值  得分: joined in full (指标分值  自评得分) they would push the 偏差原因 column
    # right, and the wrapped unit 立方米 would fall under the scores
    project, _ = only_project("\n".join([
        "项目名称：大气环境监测运维项目",
        "  一级指标    二级指标      三级指标            年度指      实际完        指标  自评  偏差原因分析及改进措施",
        "                                                标值        成值          分值  得分",
        "  效益指标    生态效益指标  PM2.5年均浓度       ≤40微克/    41微克/         15    12  受区域传输和不利气象条件",
        "                                                立方米      立方米                    影响未达目标。",
        "  满意度指标  服务对象满    公众对空气质量改善  ≥80%        82.5%           10    10",
        "              意度指标      满意度",
    ]))
    assert rows(project) == [
        ("效益指标", "生态效益指标", "PM2.5年均浓度", "≤40微克/立方米", "41微克/立方米", 15.0, 12.0),
        ("满意度指标", "服务对象满意度指标", "公众对空气质量改善满意度", "≥80%", "82.5%", 10.0, 10.0)]
    assert project.indicators[0].deviation_reason == "受区域传输和不利气象条件影响未达目标。"


def test_a_short_level2_header_names_the_column_of_a_label_the_vocabulary_lacks():
    project, _ = only_project("\n".join([
        "项目名称  老旧小区改造项目",
        "  一级    二级        三级指标                指标值          实际完成        分值  得分  扣分说明",
        "  效益    可持续影响  长效管理机制建立情况    建立            部分建立          10     6  19个小区未落实物业",
        "                                                                                          管理",
        "          满意度      居民满意度              ≥90%            88.3%             10   8.5  未达到目标值",
    ]))
    assert [(i.level2, i.name, i.score) for i in project.indicators] == [
        ("可持续影响", "长效管理机制建立情况", 6.0), ("满意度", "居民满意度", 8.5)]


def test_a_cost_control_block_with_an_earlier_years_column_above_the_department_spending_block():
    # Hunan's 部门整体支出绩效自评基础数据表: 经费控制情况 (2020年决算数 | 2021年预算数 | 2021年决算数) above
    # 部门整体支出; the earlier year's 日常公用经费 is no figure of the year evaluated
    report = parse_report("\n".join([
        "某市司法局2021年度部门整体支出绩效自评报告",
        "一、部门整体支出情况",
        "金额单位：万元",
        "经费控制情况\t2020年决算数\t2021年预算数\t2021年决算数",
        "三公经费\t6.85\t6.20\t5.12",
        "日常公用经费\t48.30\t52.00\t50.26",
        "部门整体支出\t2020年决算数\t2021年年初预算数\t2021年调整预算数\t2021年决算数",
        "合计\t892.40\t860.50\t945.36\t921.07",
        "其中：基本支出\t610.22\t640.30\t652.18\t648.90",
        "项目支出\t282.18\t220.20\t293.18\t272.17",
        "年末结转结余\t\t\t\t24.29",
        "二、自评结论",
        "经自评，我局2021年度部门整体支出绩效自评得分94分，等级为优。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["carryover"], budget["budget_initial"]) == (
        945.36, 921.07, 24.29, 860.5)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (648.9, 272.17)
    assert budget.get("public_expenditure") in (None, 50.26)


def test_a_letter_spaced_money_header_over_three_lines_and_an_indicator_header_over_two():
    # 分 值 / 得 分 centred in a taller row sit on the middle line, each amount's （万元） on the line below
    project, _ = only_project("\n".join([
        "  项 目 名 称       2023年退役军人就业创业扶持资金",
        "                                    年初预算数    全年预算数    全年执行数               执行率",
        "                                                                               分 值               得 分",
        "                                    （万元）      （万元）      （万元）                 （%）",
        "  项目资金          年度资金总额       248.00        236.50        229.14        10       96.89       9.69",
        "                    其中：财政拨款     248.00        236.50        229.14        —         —         —",
        "            一级指标    二级指标            三级指标                年度        实际",
        "  绩效指标                                                          指标值      完成值      分值  得分",
        "            产出指标    数量指标            退役军人适应性培训人数  ≥350人      368人       15    15",
    ]))
    assert money(project) == (248.0, 236.5, 229.14, 96.89, 10.0, 9.69)
    assert rows(project) == [("产出指标", "数量指标", "退役军人适应性培训人数", "≥350人", "368人", 15.0, 15.0)]


def test_a_money_header_in_yuan_over_two_lines_converts_its_amounts():
    project, _ = only_project("\n".join([
        "项目名称    乡村道路养护",
        "                    全年预算数        全年执行数              执行率",
        "                    （元）            （元）        分值      （%）     得分",
        "  年度资金总额      1,250,000.00      1,200,000.00  10        96.00     9.6",
    ]))
    assert money(project) == (None, 125.0, 120.0, 96.0, 10.0, 9.6)


def test_income_and_spending_parts_side_by_side_under_their_own_header_are_parts_of_the_block_above():
    project, _ = only_project("\n".join([
        "项目名称：部门整体支出",
        "                    年初预算数   全年预算数   全年执行数     分值     执行率     得分",
        "  年度资金总额：      1,980.50     2,105.30     2,046.88        10      97.23%     9.72",
        "  按收入性质分：                                          按支出性质分：",
        "                    年初预算数   全年预算数   全年执行数                    年初预算数   全年预算数   全年执行数",
        "  一般公共预算拨款    1,980.50     2,105.30     2,046.88    其中：基本支出    1,420.00     1,488.60     1,476.12",
        "  政府性基金拨款          0.00         0.00         0.00          项目支出      560.50       616.70       570.76",
    ]))
    assert money(project) == (1980.5, 2105.3, 2046.88, 97.23, 10.0, 9.72)
    parts = {row.label.replace("其中:", ""): (row.budget_full_year, row.executed) for row in project.money_rows}
    assert parts["基本支出"] == (1488.6, 1476.12) and parts["项目支出"] == (616.7, 570.76)


def test_one_cell_per_line_money_with_the_review_score_before_the_units_own_self_score():
    cells = ["项目名称", "2023年就业创业补助资金", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值",
             "执行率", "财政复核得分", "单位自评得分", "年度资金总额", "520.00", "612.50", "582.60", "10", "95.12%",
             "9.0", "9.5"]
    project, _ = only_project("\n\n".join(cells))
    assert money(project) == (520.0, 612.5, 582.6, 95.12, 10.0, 9.5)


def test_an_ocr_money_row_whose_thousands_group_stands_apart_and_its_1_read_as_l():
    report = parse_report("\n".join([
        "某县交通运输局2022年度项目支出绩效自评表",
        "项目名称    2022年农村公路养护资金",
        "项目资金            年初预算数    全年预算数    全年执行数    分值    执行率      得分",
        "（万兀）",
        "       年度资金总额    l 260.00     l 318.40      l 297.12     1O      98·39％     9.84",
        "       其中:当年财政拨款  l 260.00  l 318.40      l 297.12      一      一          一",
    ]), "example.txt")
    assert money(report.projects[0]) == (1260.0, 1318.4, 1297.12, 98.39, 10.0, 9.84)


def test_a_weight_and_a_score_one_space_apart_are_no_thousands_group():
    from loaders.parse.characters import units_joined
    assert units_joined("  数量指标    培训人数    ≥300人    320人    10 9.50") == "  数量指标    培训人数    ≥300人    320人    10 9.50"
    assert units_joined("  年度资金总额    1 260.00    1 318.40") == "  年度资金总额    1260.00     1318.40 "


def test_a_year_end_balance_stated_as_carryover_and_balance_funds():
    report = parse_report("\n".join([
        "某县教育体育局2023年度部门整体支出绩效自评报告",
        "（二）支出情况。2023年度全年预算数25,772.35万元，实际支出25,318.92万元，预算执行率98.24%。",
        "（四）结转结余情况。年末结转和结余资金453.43万元，结转结余率1.76%。",
    ]), "example.txt")
    assert (report.department_budget["carryover"], report.department_budget["carryover_rate_pct"]) == (453.43, 1.76)


def test_prose_indicators_under_numbered_level2_headings_with_more_ways_to_state_the_points():
    from loaders.parse.narrative import narrative_indicators
    found = narrative_indicators([
        "（二）产出指标（权重50分）",
        "1.数量指标",
        "（1）居民电子健康档案建档率：年度目标值为≥90%，实际完成92.6%，该指标分值8分，得8分。",
        "2.时效指标",
        "（2）资金拨付及时率：目标值100%，实际完成100%，分值6分，自评6分。",
        "（三）效益指标（权重30分）",
        "1.可持续影响指标",
        "（3）基层医疗卫生机构服务能力：目标值为“持续提升”，实际完成“持续提升”，满分10分，评分10分。",
        "（四）满意度指标（权重10分）",
        "服务对象满意度指标",
        "（4）城乡居民满意度：目标值≥85%，问卷调查满意度为91.3%，分值为10分，实得10分。",
    ])
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in found] == [
        ("产出指标", "数量指标", "居民电子健康档案建档率", "≥90%", "92.6%", 8.0, 8.0),
        ("产出指标", "时效指标", "资金拨付及时率", "100%", "100%", 6.0, 6.0),
        ("效益指标", "可持续影响指标", "基层医疗卫生机构服务能力", "持续提升", "持续提升", 10.0, 10.0),
        ("满意度指标", "服务对象满意度指标", "城乡居民满意度", "≥85%", "91.3%", 10.0, 10.0)]


def test_a_forms_title_atop_the_tables_next_page_is_no_indicator():
    project, _ = only_project("\n".join([
        "项目名称\t农村人居环境整治提升项目",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t改造农村户厕数量\t≥1200户\t1236户\t10\t10",
        "农村人居环境整治提升项目绩效自评表",
        "效益指标\t社会效益指标\t农村卫生厕所普及率\t提高3个百分点\t提高3.4个百分点\t15\t15",
    ]))
    assert [i.name for i in project.indicators] == ["改造农村户厕数量", "农村卫生厕所普及率"]


GLUED_LEVEL2_ROW = "  满意度指标  服务对象满意度指标村民满意度                  ≥90%        94.8%           10    10"


def test_a_level2_label_too_long_for_its_column_runs_into_the_name_of_a_one_line_row():
    project, _ = only_project("\n".join([
        "项目名称  村庄人居环境整治",
        "  一级指标    二级指标        三级指标                    年度指标值  实际完成值      分值  得分",
        "  产出指标    数量指标        管护村庄数量                330个       330个           10    10",
        GLUED_LEVEL2_ROW,
    ]))
    assert rows(project)[-1] == ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "94.8%", 10.0, 10.0)


def test_a_level2_label_too_long_for_its_column_in_a_table_the_layout_reader_rewrites():
    project, _ = only_project("\n".join([
        "项目名称  村庄人居环境整治",
        "  一级指标    二级指标        三级指标                    年度指标值  实际完成值      分值  得分",
        "  产出指标    数量指标        农村公厕日常保洁            ≥1200座     1236座          10    10",
        "                              座数",
        GLUED_LEVEL2_ROW,
    ]))
    assert rows(project) == [("产出指标", "数量指标", "农村公厕日常保洁座数", "≥1200座", "1236座", 10.0, 10.0),
                             ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "94.8%", 10.0, 10.0)]


def test_a_name_that_merely_contains_a_level_word_is_not_cut():
    project, _ = only_project("\n".join([
        "项目名称  村庄人居环境整治",
        "  一级指标    二级指标        三级指标                    年度指标值  实际完成值      分值  得分",
        "  产出指标    数量指标        管护指标完成数              330个       330个           10    10",
    ]))
    assert rows(project) == [("产出指标", "数量指标", "管护指标完成数", "330个", "330个", 10.0, 10.0)]


def test_a_flattened_money_row_with_uneven_decimals_and_a_score_by_bands_is_read_when_only_one_reading_fits():
    from loaders.parse.flattened import split_money_blob
    columns = ["budget_full_year", "executed", "execution_weight", "execution_rate_pct", "execution_score"]
    # 5420.8 beside 5366.59, and 18 of 20 points at 99%: only the amounts and the rate still agree
    assert split_money_blob("5420.85366.592099.00%18", columns) == ["5420.8", "5366.59", "20", "99.00%", "18"]
    # without the rate, the amounts cannot be told apart (5420.85 | 366.59 … reads as well): nothing is read
    assert split_money_blob("5420.85366.592018", ["budget_full_year", "executed", "execution_weight",
                                                  "execution_score"]) is None


DEPT_FORM_WITH_SPACERS = [
    "某区教育体育局2021年度部门整体支出绩效自评表",
    "金额单位：万元",
    "资金情况\t\t年初预算数\t\t全年预算数\t\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t\t86,420.35\t\t91,208.77\t\t89,655.10\t10\t98.30%\t9.83",
    "按收入性质分\t其中：财政拨款\t82,610.35\t\t87,388.77\t\t85,903.46",
    "按支出性质分\t基本支出\t61,230.00\t\t62,114.52\t\t62,030.88",
    "\t项目支出\t25,190.35\t\t29,094.25\t\t27,624.22",
    "年末结转结余\t\t\t\t\t\t1,553.67\t结转结余率\t1.70%",
    "一级指标\t二级指标\t三级指标\t年度指标值\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "满意度指标\t服务对象满意度指标\t教职工满意度\t≥90%\t\t88.7%\t5\t4.5\t2022年将完善考核办法",
    "合计\t\t\t\t\t\t100\t98.33",
    "自评等级\t优",
]


def test_a_department_form_whose_part_rows_leave_their_last_cells_out_and_a_balance_row_with_its_rate():
    report = parse_report("\n".join(DEPT_FORM_WITH_SPACERS), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["carryover"], budget["carryover_rate_pct"]) == (
        91208.77, 89655.1, 1553.67, 1.7)
    assert (budget["basic_expenditure"], budget["project_expenditure"]) == (62030.88, 27624.22)


def test_a_grade_after_a_table_row_that_names_another_year_is_this_years():
    report = parse_report("\n".join(DEPT_FORM_WITH_SPACERS), "example.txt")
    assert (report.grade, report.total_score) == ("优", 98.33)


def test_an_indicator_tables_total_row_below_a_department_money_table_is_no_department_figure():
    report = parse_report("\n".join([
        "某区教育体育局2021年度部门整体支出绩效自评表",
        "金额单位：万元",
        "资金情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t86,420.35\t91,208.77\t89,655.10\t10\t98.30%\t9.83",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t在校生数\t≥9.2万人\t9.35万人\t90\t88.5",
        "合计\t\t\t\t\t100\t98.33",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"]) == (91208.77, 89655.1, 98.3)
    assert not [w for w in report.warnings if "两个不同的数" in w]    # 合计 | … | 100 | 98.33 was never read


@pytest.mark.parametrize("unit, factor", [("（万元）", 1), ("（元）", 10_000)])
def test_a_money_block_printed_one_label_over_its_value(unit, factor):
    amounts = [860 * factor, 912.5 * factor, 897.26 * factor]
    project, _ = only_project("\n".join([
        "项目名称", "2022年农村公路养护工程补助资金", "资金情况",
        f"年初预算数{unit}", f"{amounts[0]:.2f}", f"全年预算数{unit}", f"{amounts[1]:.2f}",
        f"全年执行数{unit}", f"{amounts[2]:.2f}", "预算执行率", "98.33%", "执行率分值", "10", "执行率得分", "9.83",
        "", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分",
        "产出指标", "数量指标", "农村公路日常养护里程", "≥1150公里", "1168公里", "10", "10",
    ]))
    assert money(project) == (860.0, 912.5, 897.26, 98.33, 10.0, 9.83)
    assert rows(project) == [("产出指标", "数量指标", "农村公路日常养护里程", "≥1150公里", "1168公里", 10.0, 10.0)]


def test_one_label_with_its_value_below_is_no_money_block():
    project, _ = only_project("\n".join([
        "项目名称", "2022年农村公路养护工程补助资金", "全年预算数（万元）", "912.50",
        "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分",
        "产出指标", "数量指标", "农村公路日常养护里程", "≥1150公里", "1168公里", "10", "10",
    ]))
    assert (project.money_rows, project.budget_full_year, len(project.indicators)) == ([], None, 1)


def test_an_ocr_table_rule_read_as_a_radical_ends_the_project_name_on_the_line_before():
    report = parse_report("\n".join([
        "某市文化广播电视和旅游局",
        "项目支出绩效自评表",
        "（2023年度）",
        "项目名称 某市2023年公共文化服务体系建设专项资金",
        "主管部门丨某市文化广播电视和旅游局 实施单位 某市文化广播电视和旅游局",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 64.00 71.80 70.52 10 98.22% 9.82",
    ]), "example.txt")
    assert [p.name for p in report.projects] == ["某市2023年公共文化服务体系建设专项资金"]


def test_a_note_below_the_form_that_names_header_words_is_no_second_table():
    report = parse_report("\n".join([
        "某区交通运输局2021年度项目支出绩效自评表",
        "项目名称\t公交惠民补助资金",
        "一级指标\t二级指标\t三级指标\t指标方向\t目标值\t度量单位\t实际值\t权重（%）\t自评得分",
        "产出指标\t数量指标\t公交线路数\t≥\t96\t条\t98条\t10\t10",
        "合计\t\t\t\t\t\t\t100\t98.9",
        "",
        "说明：1. 指标方向为“定性”的，目标值填写定性描述。2. 年中追加预算400万元用于新能源公交车电池更换。",
    ]), "example.txt")
    assert [p.name for p in report.projects] == ["公交惠民补助资金"]


def test_a_group_label_broken_over_the_header_and_the_first_row_is_no_column():
    # 绩效 ⏎ 指标: the merged 绩效指标 cell's name, its second half opening the first row
    project, _ = only_project("\n".join([
        "项目名称  高标准农田建设项目",
        "绩效  一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施",
        "指标  产出指标  数量指标  新建高标准农田面积  ≥1.5万亩  1.52万亩  20  20",
        "                质量指标  工程验收合格率  100%  100%  10  10",
        "      效益指标  经济效益指标  亩均粮食产能提高  ≥100公斤  105公斤  10  9  部分地块土壤改良效果尚未显现",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "新建高标准农田面积", "≥1.5万亩", "1.52万亩", 20.0, 20.0),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 10.0, 10.0),
        ("效益指标", "经济效益指标", "亩均粮食产能提高", "≥100公斤", "105公斤", 10.0, 9.0)]
    assert project.indicators[2].deviation_reason == "部分地块土壤改良效果尚未显现"


def test_an_ocr_split_score_pair_beside_a_reason_column_leaves_the_numbers_empty():
    project, warnings = only_project("\n".join([
        "项目名称  高标准农田建设项目",
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施",
        "产出指标  数量指标  新建高标准农田面积  ≥1.5万亩  1.52万亩  2 0  2 0",
    ]))
    indicator = project.indicators[0]
    assert (indicator.name, indicator.weight, indicator.score, indicator.deviation_reason) == (
        "新建高标准农田面积", None, None, None)
    assert any("数字被空格拆开" in w for w in warnings)


def test_rows_centred_each_their_own_way_under_a_stacked_group_column():
    # pdftotext -layout of a Word form: a 绩效 ⏎ 指标 group column before narrow level columns, and
    # rows whose scores sit on their first or their last line — a short line ends its cell
    project, _ = only_project("\n".join([
        "项目名称                 灌区渠系配套改造",
        "  绩效    一级     二级                                                                     偏差原因",
        "  指标    指标     指标       三级指标         年度指标值      实际完成值    分值   得分    及改进措施",
        "                              新建防渗渠道",
        "          产出     数量       长度             ≥42公里         43.5公里      20     20",
        "          指标     指标       配套建筑物完",
        "                              成数             ≥160座          162座         10     10",
        "                   质量       工程验收合格     100%            100%          10     10",
        "                   指标       率",
        "          效益     社会效     新增灌溉面积     ≥1.2万亩        1.1万亩       20     18      部分渠段未",
        "          指标     益指标                                                                 通水",
        "  总分                                                                       60     58",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "新建防渗渠道长度", "≥42公里", "43.5公里", 20.0, 20.0),
        ("产出指标", "数量指标", "配套建筑物完成数", "≥160座", "162座", 10.0, 10.0),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 10.0, 10.0),
        ("效益指标", "社会效益指标", "新增灌溉面积", "≥1.2万亩", "1.1万亩", 20.0, 18.0),
    ]
    assert project.indicators[-1].deviation_reason == "部分渠段未通水"


def test_a_flattened_form_with_sign_value_unit_targets_a_remark_and_three_score_columns():
    # a provincial 预算项目绩效自评表 flattened one row per line, single spaces: the target printed in
    # parts (>= 3500 户), a 完成情况 remark after the actual, 单项得分 | 权重占比 | 折算得分 under 自评得分,
    # and the 预算执行率 row with its label twice and a remark before its numbers
    project, _ = only_project("\n".join([
        "一、基本情况 项目名称: 困难残疾人生活补贴 金额单位: 万元",
        "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 数值 单位 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 数量指标 补贴发放户数 >= 3500 户 3618户 完成 30.00 30.00 9.00",
        "效益指标 可持续影响指标 残疾人生活水平 逐步改善 逐步改善 完成 20.00 20.00 4.00",
        "预算执行率 预算执行率 96.40% 未完全完成 9.64 10.00 0.96",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "补贴发放户数", ">=3500户", "3618户", 30.0, 30.0),
        ("效益指标", "可持续影响指标", "残疾人生活水平", "逐步改善", "逐步改善", 20.0, 20.0),
    ]
    assert (project.execution_rate_pct, project.execution_weight, project.execution_score) == (96.4, 10.0, 9.64)


def test_a_page_breadcrumb_is_no_title_and_the_metadata_name_line_is():
    # a county portal's page: the breadcrumb names a column (部门绩效评价), the metadata block's
    # 名称 line is the document's title and names the unit that reports
    report = parse_report("\n".join([
        "东川县人民政府网 > 信息公开 > 部门绩效评价",
        "索引号：11532300MB1234567X/2024-00011     发布机构：东川县水务局",
        "名    称：东川县水务局2023年度农村饮水安全维修养护项目绩效自评表",
        "项目支出绩效自评表",
        "项目名称\t农村饮水安全维修养护项目",
        "主管部门\t东川县水务局\t实施单位\t东川县农村供水管理站",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t120.00\t120.00\t117.60\t10\t98.00%\t9.8",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t维修供水工程处数\t≥30处\t32处\t40\t40",
        "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t93%\t50\t50",
    ]), "example.txt")
    assert (report.agency, report.report_kind) == ("东川县水务局", "project")


def test_a_level_label_wrapped_over_three_lines_of_two_rows_is_one_label():
    # 社会 ⏎ 效益 ⏎ 指标 beside two rows: 效益指标 on the second row's lines is the tail of 社会
    project, _ = only_project("\n".join([
        "项目名称                 城乡义务教育营养改善计划",
        "  一级     二级     三级指标              年度指标值     实际完成值     分值   得分",
        "  效益     社会     学生营养餐覆盖率      100%           100%           10     10",
        "  指标     效益     学生体质健康达标      ≥92%           93.4%          10     10",
        "           指标     率",
        "  总分                                                                  20     20",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("效益指标", "社会效益指标", "学生营养餐覆盖率"),
        ("效益指标", "社会效益指标", "学生体质健康达标率"),
    ]


OCR_RULED_FORM = "\n".join([
    "桐林县卫生健康局2023年度项目支出绩效自评表",
    "丨项目名称  丨基本公共卫生服务项目                                  丨",
    "丨项目资金  丨            丨年初预算数 丨全年预算数 丨全年执行数 丨分值丨执行率  丨得分 丨",
    "丨(万元)    丨年度资金总额丨  4 2 0    丨  4 3 6 . 5丨  4 2 8 . 1丨 l0 丨9 8 . 0 8 %丨 9 . 8丨",
    "丨一级指标丨二级指标丨三级指标            丨年度指标值 丨实际完成值 丨分值丨得分丨偏差原因      丨",
    "丨产出指标丨数量指标丨老年人健康管理服务人丨≥1.5万人   丨1.62万人   丨 2 0丨 2 0丨              丨",
    "丨        丨        丨数                  丨           丨           丨    丨    丨              丨",
    "丨        丨质量指标丨高血压患者规范管理率丨≥60%       丨63.2%      丨 2 0丨 1 8丨随访人员不足，丨",
    "丨        丨        丨                    丨           丨           丨    丨    丨已增配        丨",
    "丨效益指标丨社会效益丨居民健康素养水平    丨≥25%       丨26.1%      丨 3 0丨 3 0丨              丨",
    "丨        丨指标    丨                    丨           丨           丨    丨    丨              丨",
    "丨满意度指丨服务对象丨群众满意度          丨≥90%       丨94%        丨 2 0丨 2 0丨              丨",
    "丨标      丨满意度指丨                    丨           丨           丨    丨    丨              丨",
    "丨        丨标      丨                    丨           丨           丨    丨    丨              丨",
])


def test_an_ocr_ruled_form_reads_its_cells_wrapped_lines_and_spaced_digits():
    # a scanned form read by OCR: 丨 for the table's rules, digits spaced apart inside a cell
    # (4 3 6 . 5, 2 0), 10 read as l0, and cells wrapped onto ruled lines with no scores
    report = parse_report(OCR_RULED_FORM, "example.txt")
    (project,) = report.projects
    assert money(project) == (420.0, 436.5, 428.1, 98.08, 10.0, 9.8)
    assert rows(project) == [
        ("产出指标", "数量指标", "老年人健康管理服务人数", "≥1.5万人", "1.62万人", 20.0, 20.0),
        ("产出指标", "质量指标", "高血压患者规范管理率", "≥60%", "63.2%", 20.0, 18.0),
        ("效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "26.1%", 30.0, 30.0),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "94%", 20.0, 20.0),
    ]
    assert project.indicators[1].deviation_reason == "随访人员不足，已增配"


def test_a_ruled_row_without_scores_under_short_cells_is_not_joined_to_the_row_above():
    from loaders.parse.ruled import ruled_continuations_joined
    lines = [
        "|一级指标|二级指标|三级指标|指标值|实际完成值|分值|得分|",
        "|产出指标|数量指标|新建公厕|≥12座|12座|20|20|",
        "|        |        |改造公厕数量|≥30座|31座|    |    |",
    ]
    assert ruled_continuations_joined(lines) == lines


@pytest.mark.parametrize("line, read", [
    ("3 1 5 0亩", "3150亩"),           # a cell on its own line, OCR's space after every character
    ("1 6家", "16家"),
    ("  9 8 . 4 %", "98.4%"),
    ("2 O O", "200"),                  # and its O for 0
    ("2 0", "2 0"),                    # two characters alone may be two cells (分值 2, 得分 0)
    ("10 10", "10 10"),                # numbers of several digits apart are cells
    ("O O O", "O O O"),                # no real digit: no number
])
def test_a_line_of_one_number_spaced_apart_by_ocr_is_that_number(line, read):
    from loaders.parse.characters import spaced_number_lines_joined
    joined = spaced_number_lines_joined(line)
    assert joined.strip() == read and len(joined) == len(line)


def test_a_sentence_about_a_part_of_the_budget_and_another_rate_give_no_department_figure():
    # 基本支出预算 X，实际支出 Y speaks of the basic part all along; 政府采购执行率 is procurement's rate
    report = parse_report("\n".join([
        "桃源县市场监督管理局2023年度部门整体支出绩效自评报告",
        "一、部门整体支出情况",
        "（一）基本支出",
        "    2023年基本支出预算1,205.30万元，实际支出1,190.02万元，主要用于人员工资和日常运转。",
        "（二）项目支出",
        "    2023年项目支出预算620.00万元，实际支出588.40万元。",
        "二、存在问题",
        "    政府采购执行率88.50%，部分采购计划未执行。",
    ]), "example.txt")
    budget = report.department_budget or {}
    assert (budget.get("budget"), budget.get("executed"), budget.get("execution_rate_pct")) == (None, None, None)


def test_a_space_aligned_table_with_a_column_per_year_is_read_in_the_year_evaluated():
    report = parse_report("\n".join([
        "沙河区文化旅游体育局2023年度部门整体支出绩效自评报告",
        "（一）近三年预算执行情况",
        "                         单位：万元",
        "项目                 2021年        2022年        2023年",
        "调整后预算数        2,104.85      2,322.09      2,587.92",
        "全年支出数          1,868.12      2,154.66      2,502.15",
        "预算执行率            88.75%        92.79%        96.69%",
        "结转结余率            11.25%         7.21%         3.31%",
        "2023年，我局调整后预算2,587.92万元，全年支出2,502.15万元，预算执行率96.69%。",
    ]), "example.txt")
    budget = report.department_budget
    assert (budget["budget"], budget["executed"], budget["execution_rate_pct"], budget["carryover_rate_pct"]) == \
        (2587.92, 2502.15, 96.69, 3.31)


def test_a_shortened_cover_name_is_given_in_full_and_the_next_form_ends_the_department_table():
    # the cover says 南岸区卫健委, the form's 主管部门 cell the full name; the department table ends where the
    # next form's title and 项目名称：X open (they were read as its last row, and the project lost its name)
    report = parse_report("\n".join([
        "南岸区卫健委2023年度部门整体绩效自评及重点项目绩效自评情况",
        "2023年度部门整体绩效自评表",
        "主管部门\t重庆市南岸区卫生健康委员会\t财政处室\t社保科",
        "指标名称\t计量单位\t指标性质\t年初指标值\t调整指标值\t全年完成值\t得分系数（%）\t指标权重（分）\t指标得分（分）\t是否核心指标",
        "家庭医生签约率\t%\t定量指标\t≥75%\t\t78.2%\t100\t20\t20\t是",
        "群众满意度\t%\t定量指标\t≥90%\t\t93%\t100\t20\t20\t否",
        "",
        "2023年度项目支出绩效自评表（一）",
        "项目名称：南岸区基层医疗机构能力提升项目",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 改造卫生服务站数量 ≥8个 8个 50 50",
        "满意度指标 服务对象满意度指标 患者满意度 ≥90% 91% 40 40",
    ]), "example.txt")
    assert report.agency == "重庆市南岸区卫生健康委员会"
    department, project = report.projects
    assert [i.name for i in department.indicators] == ["家庭医生签约率", "群众满意度"]
    assert project.name == "南岸区基层医疗机构能力提升项目" and len(project.indicators) == 2


def test_a_level_label_wrapped_into_the_next_tab_row_is_one_label():
    project, _ = only_project("\n".join([
        "项目名称\t校园安全设施改造",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t改造监控点位\t≥60个\t64个\t40\t40",
        "满意度指标\t服务对象满意度\t学生家长满意度\t≥90%\t91.8%\t30\t28",
        "\t指标\t教职工满意度\t≥90%\t95%\t30\t30",
    ]))
    assert [i.level2 for i in project.indicators] == ["数量指标", "服务对象满意度指标", "服务对象满意度指标"]


def test_a_two_row_header_naming_the_targets_value_and_unit_under_it():
    # a spreadsheet's tab copy: 预期指标值 (with the empty cell it spans) over 指标值 | 度量单位
    project, _ = only_project("\n".join([
        "项目名称\t城乡居民医保基金监管",
        "绩效指标\t一级指标\t二级指标\t三级指标\t预期指标值\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "\t\t\t\t指标值\t度量单位\t\t\t\t",
        "\t产出指标\t数量指标\t开展监督检查家次\t≥300\t家次\t315\t50\t50\t",
        "\t效益指标\t社会效益指标\t政策知晓率\t≥85\t%\t83.5\t50\t45\t宣传覆盖面不足",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "开展监督检查家次", "≥300家次", "315", 50.0, 50.0),
        ("效益指标", "社会效益指标", "政策知晓率", "≥85%", "83.5", 50.0, 45.0),
    ]


def test_a_layout_table_with_an_off_centre_header_word_and_blank_lines_between_rows():
    # pdftotext -layout: 未完成原因 set over 得分 | 及改进措施, and taller rows leaving blank lines
    project, _ = only_project("\n".join([
        "项目名称                 城乡学校校舍维修",
        "                                                                                       未完成原因",
        "   一级指标      二级指标        三级指标                 指标值           完成值        分值     得分      及改进措施",
        "",
        "                                 维修校舍面积              ≥1.2万平方米    1.26万平方米   40        40",
        "   产出指标      数量指标",
        "                                 维修学校数量              ≥18所           17所           30        27       一所学校",
        "                                                                                                            延至下年",
        "",
        "   满意度指标    服务对象满意    师生满意度                ≥90%            94%            30        30",
        "                 度指标",
        "",
        "                          总    分                                                      100       97",
    ]))
    assert [(i.level1, i.level2, i.name, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "维修校舍面积", 40.0), ("产出指标", "数量指标", "维修学校数量", 27.0),
        ("满意度指标", "服务对象满意度指标", "师生满意度", 30.0)]
    assert project.indicators[1].deviation_reason == "一所学校延至下年"


def test_level_labels_centred_between_the_rows_they_span():
    # pdftotext -layout of a form whose merged label cells are centred: 数量指标 on a line of its own
    # between its two rows, 时效指标 on its one row's line, 社会效益指标 between two rows, and the
    # level-1 labels in the middle of their blocks
    project, _ = only_project("\n".join([
        "项目名称                 农村饮水工程维修养护",
        "   一级指标     二级指标        三级指标            年度指标值      实际完成值      分值      得分",
        "                                维修供水工程处数    ≥40处           42处            20        20",
        "                数量指标",
        "   产出指标                     更换管网长度        ≥15公里         16.2公里        20        20",
        "                时效指标        维修完成及时率      ≥95%            97%             20        20",
        "                                受益人口            ≥8万人          8.4万人         20        20",
        "   效益指标     社会效益指标",
        "                                供水保证率          ≥90%            93%             20        19",
        "                                 总分                                              100       99",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "维修供水工程处数"), ("产出指标", "数量指标", "更换管网长度"),
        ("产出指标", "时效指标", "维修完成及时率"), ("效益指标", "社会效益指标", "受益人口"),
        ("效益指标", "社会效益指标", "供水保证率")]


def test_a_spanning_value_header_whose_parts_come_after_the_last_header_cell():
    # a Word table copied one cell per line: 指标值 spans 年度指标值 | 实际完成值, printed after 偏差原因
    project, _ = only_project("\n".join([
        "项目名称", "残疾人托养服务补助",
        "一级指标", "二级指标", "三级指标", "指标值", "分值", "得分", "偏差原因分析及改进措施", "年度指标值", "实际完成值",
        "产出指标", "数量指标", "托养服务人数", "≥60人", "62人", "50", "50",
        "满意度指标", "服务对象满意度指标", "托养对象满意度", "≥90%", "93%", "50", "48",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "托养服务人数", "≥60人", "62人", 50.0, 50.0),
        ("满意度指标", "服务对象满意度指标", "托养对象满意度", "≥90%", "93%", 50.0, 48.0)]


def test_a_pipe_grid_row_with_empty_target_and_actual_ends_with_its_line():
    # an evaluator's scoring table: 指标分值 before 目标值 | 实际完成值, the latter empty for 决策 rows
    project, _ = only_project("\n".join([
        "项目名称：城区道路保洁",
        "| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 目标值 | 实际完成值 | 评价得分 |",
        "|---|---|---|---|---|---|---|",
        "| 决策（10） | 项目立项 | 立项依据充分性 | 4 | | | 4 |",
        "| | | 立项程序规范性 | 3 | | | 2.5 |",
        "| | 绩效目标 | 绩效目标合理性 | 3 | | | 2 |",
        "| 产出（90） | 产出数量 | 道路保洁面积 | 90 | ≥1260万平方米 | 1268.4万平方米 | 90 |",
    ]))
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("立项依据充分性", 4.0, 4.0), ("立项程序规范性", 3.0, 2.5), ("绩效目标合理性", 3.0, 2.0), ("道路保洁面积", 90.0, 90.0)]


def test_a_table_without_scores_one_cell_per_line_ends_a_row_at_its_value():
    project, _ = only_project("\n".join([
        "项目名称", "学校公用经费保障",
        "一级指标", "二级指标", "三级指标", "指标值", "完成值",
        "产出指标", "数量指标",
        "在校学生人数", "≥1800人", "1846人",
        "教职工培训人次", "≥120人次", "135人次",
        "满意度指标", "服务对象满意度指标",
        "家长满意度", "≥90%", "94%",
    ]))
    assert [(i.level2, i.name, i.target, i.actual) for i in project.indicators] == [
        ("数量指标", "在校学生人数", "≥1800人", "1846人"), ("数量指标", "教职工培训人次", "≥120人次", "135人次"),
        ("服务对象满意度指标", "家长满意度", "≥90%", "94%")]


def test_a_centred_level_label_broken_around_a_row_is_one_label():
    # 产出 ⏎ (a row) ⏎ 指标: the label's halves sit around its group's middle, apart by a row's line
    project, _ = only_project("\n".join([
        "项目名称                 农村危房改造补助",
        "   一级      二级                                   年度       实际完成",
        "             指标            三级指标                                    分值      得分",
        "   指标                                            指标值      值",
        "             数量指标    农村危房改造户数          ≥172户      172户      15        15",
        "                         竣工验收合格率            100%        100%       10        10",
        "             质量指标",
        "                         抗震设防达标率            100%        100%        5         5",
        "   产出",
        "                         开工及时率                ≥95%        97.1%       5         5",
        "   指标      时效指标",
        "                         项目完工时间              10月底前    11月15日    5         3",
        "             成本指标    户均补助标准              ≤2.4万元    2.4万元    10        10",
        "                          总分                                            55        53",
    ]))
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
        ("产出指标", "时效指标"), ("产出指标", "成本指标")]


@pytest.mark.parametrize("before, after", [
    ("2022年该项目预算7,920.00万元，实际支出7,512.36万元。", ""),        # an earlier year named first
    ("", "2024年安排资金9,400.00万元。"),                                   # a later year named after
])
def test_prose_money_of_another_year_than_the_one_evaluated_is_not_the_projects(before, after):
    report = parse_report("\n".join([
        "朝阳区民政局2023年度养老服务驿站运营补贴项目绩效评价报告",
        "一、项目资金情况",
        before + "2023年该项目调整后预算8,215.50万元，全年实际支出8,016.73万元，预算执行率97.58%。" + after,
    ]), "example.txt")
    (project,) = report.projects
    assert (project.budget_full_year, project.executed, project.execution_rate_pct) == (8215.5, 8016.73, 97.58)


def test_a_top_aligned_layout_table_keeps_its_labels_on_their_first_rows():
    # labels printed on their group's first row; the page stops in a row whose label and name began
    project, _ = only_project("\n".join([
        "项目名称                 天然林资源保护工程",
        "一级指标    二级指标      三级指标                      年度指标值          实际完成值            分值    得分",
        "产出指标    数量指标      天然林管护面积                ≥48.6万亩           48.6万亩              20      20",
        "                          聘用生态护林员人数            ≥412人              412人                 20      20",
        "            质量指标      管护区森林火灾受害率          ≤0.9‰               0                     20      20",
        "效益指标    生态效益指标  森林覆盖率                    较上年提高          提高0.3个百分点       20      20",
        "            社会效益指标  带动建档立卡脱贫人口就",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][:4] == [
        ("产出指标", "数量指标", "天然林管护面积"), ("产出指标", "数量指标", "聘用生态护林员人数"),
        ("产出指标", "质量指标", "管护区森林火灾受害率"), ("效益指标", "生态效益指标", "森林覆盖率")]


def test_a_centred_level_label_broken_over_three_lines_is_one_label():
    project, _ = only_project("\n".join([
        "项目名称                 学前教育发展资金",
        "  一级    二级      三级指标               年度指标值      实际完成值     分值  得分",
        "  产出    数量指标  新增学前教育学位数     ≥270个          285个          50    50",
        "  指标",
        "        服务对象",
        "满意度  满意度指  幼儿家长满意度         ≥90%            95%            25    25",
        " 指标      标",
        "                  教师满意度             ≥90%            96%            25    25",
        "  总分                                                                   100   100",
    ]))
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("产出指标", "数量指标"), ("满意度指标", "服务对象满意度指标"), ("满意度指标", "服务对象满意度指标")]


@pytest.mark.parametrize("title, body, kind", [
    ("市南区城市管理局关于2023年度公厕运营管理项目部门评价报告", "我局对所属单位的项目开展了评价，自评得分为92分。", "department"),
    ("龙文区教育局关于2022年度区属学校项目支出绩效评价结果的通报", "各校自评后，我局组织复核。", "department"),
    ("鞍山市财政局关于2022年度市本级财政重点绩效评价结果的公告",
     "序号\t项目名称\t主管部门\t评价机构\t评价得分\n1\t就业补助资金\t市人社局\t某会计师事务所\t88", "third_party"),
])
def test_who_evaluated_from_the_title(title, body, kind):
    from loaders.parse.classify import find_evaluation_type
    from loaders.parse.text import TextIndex
    assert find_evaluation_type(TextIndex([title, *body.split("\n")])).value == kind


def test_a_page_number_after_the_total_row_printed_one_cell_per_line_is_no_score():
    project, warnings = only_project("\n".join([
        "项目名称", "老旧小区改造项目",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "改造小区数量", "≥14个", "14个", "50", "50",
        "满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "88.5%", "50", "45",
        "总分", "100", "95", "2",
        "附件：项目实施照片",
    ]))
    assert project.total_score == 95.0
    assert any("2" in w and "不属于表格" in w for w in warnings)


def test_a_level_label_whose_tail_is_a_label_word_itself_joins_the_head():
    # 服务对象 ⏎ 满意度指 ⏎ 标 over two top-aligned rows: the tail 满意度指标 is the rest of 服务对象…
    project, _ = only_project("\n".join([
        "项目名称                 乡村文化旅游节",
        "  一级指标   二级指标    三级指标                 年度指标值     实际完成值     分值    得分",
        "  产出指标   数量指标    举办文旅活动场次         ≥12场          14场           80      80",
        "  满意度     服务对象    游客满意度               ≥90%           92.5%          10      10",
        "  指标       满意度指    参演群众满意度           ≥90%           95%            10      10",
        "             标",
        "  总分                                                                         100     100",
    ]))
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("产出指标", "数量指标"), ("满意度指标", "服务对象满意度指标"), ("满意度指标", "服务对象满意度指标")]


def test_a_layout_table_whose_rows_start_after_blank_lines_and_scores_sit_between_headers():
    # rows set apart by blank lines, a row's name beginning on the lines above its scores, and a score
    # printed halfway between the 分值 and 得分 headers
    project, _ = only_project("\n".join([
        "项目名称                 高标准农田建设",
        "  一级指标   二级指标      三级指标           年度指标值      实际完成值    分值    得分       偏差原因分析及改进措施",
        "产出指标                新建高标准农田面     ≥1.2万亩       1.2万亩       50     50",
        "            数量指标    积",
        "",
        "                        项目区耕地质量等",
        "            质量指标    级提升幅度          ≥0.5个等级     0.5个等级      50     45     部分地块土壤改良周期长",
        "",
        "                                                 总分                     100    95",
    ]))
    assert rows(project) == [
        ("产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩", "1.2万亩", 50.0, 50.0),
        ("产出指标", "质量指标", "项目区耕地质量等级提升幅度", "≥0.5个等级", "0.5个等级", 50.0, 45.0)]


def test_a_level1_label_printed_below_its_groups_first_row_is_that_rows_too():
    # 效益指标 printed in the middle of its group: the group's first row (社会效益指标) is no 产出 row
    project, _ = only_project("\n".join([
        "项目名称\t农村危房改造补助",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t改造户数\t≥172户\t172户\t50\t50",
        "\t社会效益指标\t保障农牧民住房安全\t有效保障\t有效保障\t20\t20",
        "效益指标\t社会效益指标\t带动当地务工人数\t≥300人次\t326人次\t20\t20",
        "\t可持续影响指标\t住房安全长效机制\t持续发挥\t持续发挥\t10\t10",
    ]))
    assert [i.level1 for i in project.indicators] == ["产出指标", "效益指标", "效益指标", "效益指标"]


def test_a_tab_line_holding_the_rest_of_one_cell_continues_it():
    project, _ = only_project("\n".join([
        "项目名称\t档案馆数字化",
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t档案数字化页数\t≥120万页\t126万页\t50\t50",
        "满意度指标\t服务对象满意度指标\t档案利用者满意度\t满意度90%\t96%\t50\t45",
        "\t\t\t以上",
        "合计\t\t\t\t\t100\t95",
    ]))
    assert [(i.name, i.target) for i in project.indicators] == [
        ("档案数字化页数", "≥120万页"), ("档案利用者满意度", "满意度90%以上")]


def test_a_level_label_with_its_points_written_without_brackets():
    project, _ = only_project("\n".join([
        "项目名称\t高标准农田建设",
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
        "产出指标50分\t数量指标\t新建高标准农田面积\t1.2万亩\t1.2万亩\t50\t50",
        "效益指标40分\t经济效益指标\t新增粮食产能\t≥150万公斤\t156万公斤\t40\t40",
    ]))
    assert [i.level1 for i in project.indicators] == ["产出指标", "效益指标"]


def test_a_site_banner_above_its_breadcrumb_is_no_unit():
    report = parse_report("\n".join([
        "无锡市锡山区人民政府",
        "首页 > 政务公开 > 部门信息公开 > 区人力资源和社会保障局",
        "2023年度职业技能提升补贴项目支出绩效自评表",
        "项目名称\t职业技能提升补贴",
        "主管部门\t无锡市锡山区人力资源和社会保障局\t实施单位\t无锡市锡山区职业技能鉴定中心",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t补贴培训人次\t≥3000人次\t3216人次\t100\t100",
    ]), "example.txt")
    assert report.agency == "无锡市锡山区人力资源和社会保障局"


# --- a 单项指标得分 column on a 100-point scale ------------------------------------------------------

HUNDRED_SCALE_FORM = [
    "项目名称：乡镇卫生院标准化建设补助",
    "一级指标\t二级指标\t三级指标\t预期指标值\t单项指标实际完成值\t单项指标完成情况\t自评得分",
    "\t\t\t符号\t数值\t单位\t\t\t单项指标得分\t权重占比（%）\t单项指标折算得分",
    "产出指标\t数量指标\t达标卫生院数量\t≥\t12\t所\t13所\t完成\t100.00\t30.00\t30.00",
    "\t质量指标\t设备验收合格率\t=\t100\t%\t96%\t未完成\t80.00\t25.00\t20.00",
    "效益指标\t社会效益指标\t基层首诊率\t≥\t60\t%\t58%\t未完成\t50.00\t30.00\t15.00",
    "预算执行率\t预算执行率\t\t≥\t90\t%\t92.40%\t完成\t100.00\t15.00\t15.00",
    "总分\t\t\t\t\t\t\t\t\t100.00\t80.00",
]


def test_a_score_column_on_a_hundred_point_scale_gives_way_to_its_scaled_column():
    project, warnings = only_project("\n".join(HUNDRED_SCALE_FORM))
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("达标卫生院数量", 30.0, 30.0), ("设备验收合格率", 25.0, 20.0), ("基层首诊率", 30.0, 15.0)]
    assert (project.execution_rate_pct, project.execution_weight, project.execution_score) == (92.4, 15.0, 15.0)
    assert project.total_score == 80.0
    assert any("百分制" in w for w in warnings)


def test_a_scaled_column_beside_scores_in_points_is_not_read_as_the_score():
    # 单项得分 equal to the weight, 折算 = 得分 × 权重 / 100 printed beside: the scores are in points
    project, _ = only_project("\n".join([
        "项目名称：农村饮水安全巩固提升",
        "一级指标\t二级指标\t三级指标\t预期指标值\t单项指标实际完成值\t单项指标完成情况\t自评得分",
        "\t\t\t符号\t数值\t单位\t\t\t单项指标得分\t权重占比（%）\t单项指标折算得分",
        "产出指标\t数量指标\t新建集中供水工程\t≥\t8\t处\t8处\t完成\t40.00\t40.00\t16.00",
        "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥\t90\t%\t93%\t完成\t50.00\t50.00\t25.00",
        "合计\t\t\t\t\t\t\t\t90.00\t90.00\t41.00",
    ]))
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("新建集中供水工程", 40.0, 40.0), ("受益群众满意度", 50.0, 50.0)]


def test_a_score_above_its_weight_without_a_scaled_column_is_left_empty():
    project, warnings = only_project("\n".join([
        "项目名称：林下经济发展扶持资金",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t扶持经营主体数量\t≥20家\t22家\t20\t100",
        "效益指标\t经济效益指标\t带动农户增收\t≥1500元\t1620元\t30\t28",
    ]))
    assert [(i.name, i.score) for i in project.indicators] == [("扶持经营主体数量", None), ("带动农户增收", 28.0)]
    assert any("高于分值" in w for w in warnings)


def test_a_budget_rate_row_with_its_target_in_a_department_table_stays_an_indicator():
    project, _ = only_project("\n".join([
        "项目名称：部门整体支出",
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
        "过程\t资金管理\t预算执行率\t≥95%\t96.06%\t10\t9.6",
        "产出\t产出数量\t救助人次\t≥1000人次\t1130人次\t20\t20",
    ]))
    assert [(i.level1, i.name, i.target, i.score) for i in project.indicators][0] == ("过程", "预算执行率", "≥95%", 9.6)
    assert project.execution_weight is None


def test_level_labels_our_vocabulary_lacks_carry_down_both_levels():
    project, _ = only_project("\n".join([
        "项目名称：部门整体支出",
        "一级指标 二级指标 三级指标 分值 目标值 实际完成值 得分",
        "职能履行 政务服务 审批事项按时办结率 15 ≥98% 99.2% 15",
        "窗口咨询答复量 10 ≥5000件 5321件 10",
        "平台运维 系统正常运行率 10 ≥99% 99.6% 10",
        "数据共享接口数 5 ≥20个 24个 5",
        "合计 40 40",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("职能履行", "政务服务", "审批事项按时办结率"), ("职能履行", "政务服务", "窗口咨询答复量"),
        ("职能履行", "平台运维", "系统正常运行率"), ("职能履行", "平台运维", "数据共享接口数")]


# --- round 8 (made up in other wordings) --------------------------------------------------------------

def test_a_sentence_citing_the_finance_bureaus_notice_is_no_title():
    report = parse_report("\n".join([
        "某某县林业和草原局",
        "",
        "2023年度森林防火专项经费绩效自评报告",
        "",
        "　　按照某某县财政局关于做好2023年度预算绩效自评工作的部署，我局对森林防火专项经费开展了自评。",
        "　　该项目年初预算120万元，全年支出118.6万元。",
    ]), "example.txt")
    assert report.agency == "某某县林业和草原局"


def test_a_publisher_that_commissioned_the_evaluation_is_not_the_unit_evaluated():
    report = parse_report("\n".join([
        "发布机构：某某市财政局　　　发文日期：2025年05月20日",
        "某某市2024年城区排涝设施运行维护经费绩效评价报告",
        "评价机构：某某工程咨询有限公司",
        "一、基本情况",
        "2024年，某某市城市管理局统筹使用城区排涝设施运行维护经费，对泵站和管网进行维护。",
        "受某某市财政局委托，某某工程咨询有限公司对该项目开展绩效评价。",
    ]), "example.txt")
    assert report.agency == "某某市城市管理局"


def test_a_budget_approved_at_the_start_of_the_year_in_yuan_is_the_initial_budget():
    _, budget = department("\n".join([
        "某某县自然资源局2022年度部门整体支出绩效自评报告",
        "2022年年初批复部门预算12,500,000.00元，年中追加后全年调整后预算14,216,300.00元。",
        "全年实际支出13,905,120.40元，预算执行率97.81%。",
    ]))
    assert (budget.get("budget_initial"), budget.get("budget")) == (1250.0, 1421.63)


def test_a_department_report_with_a_section_on_its_projects_results_is_mixed():
    report = parse_report("\n".join([
        "某某区残疾人联合会2023年度部门整体支出绩效自评报告",
        "一、部门概况",
        "2023年全年预算数862.40万元，全年支出835.12万元，预算执行率96.84%。",
        "四、重点项目绩效自评情况",
        "项目名称\t预算数（万元）\t执行数（万元）\t自评得分",
        "残疾人康复救助项目\t210.00\t206.50\t95",
    ]), "example.txt")
    assert report.report_kind == "mixed"


def test_centred_level_labels_left_below_the_last_row_where_the_page_stops_span_no_row():
    project, _ = only_project("\n".join([
        "项目名称                 乡村道路安全生命防护工程",
        "   一级指标     二级指标        三级指标            年度指标值      实际完成值      分值      得分",
        "                                安装护栏长度        ≥12公里         12.5公里        20        20",
        "                数量指标",
        "                                设置警示标志        ≥300块          320块           10        10",
        "   产出指标     质量指标        工程验收合格率      100%            100%            10        10",
        "                时效指标        工程完工时间        2023年10月      2023年9月       10        10",
        "   效益指标     社会效益指标",
    ]))
    assert [(i.level2, i.name) for i in project.indicators] == [
        ("数量指标", "安装护栏长度"), ("数量指标", "设置警示标志"), ("质量指标", "工程验收合格率"),
        ("时效指标", "工程完工时间")]


def test_a_cell_break_from_a_word_to_markdown_converter_joins_the_cell():
    [project] = parse_report("\n".join([
        "项目名称：社区卫生服务能力提升",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| 产出指标 | 时效指标 | 资金拨付及时性 | 按季度<br>拨付 | 按季度<br/>拨付 | 10 | 10 |",
    ]), "example.txt").projects
    assert [(i.target, i.actual) for i in project.indicators] == [("按季度拨付", "按季度拨付")]


def test_a_decimal_point_set_apart_by_ocr_joins_its_digits():
    [project] = parse_report("\n".join([
        "项目名称：农田水利设施维修",
        "一级指标 二级指标 三级指标 分值 指标值 实际值 得分",
        "过程 资金管理 资金使用合规性 5 合规 基本合规 3 . 5",
    ]), "example.txt").projects
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [("资金使用合规性", 5.0, 3.5)]


def test_the_verb_of_a_notices_title_is_no_part_of_the_unit():
    report = parse_report("\n".join([
        "关于公开某某区卫生健康局2023年度项目支出绩效自评结果的说明",
        "主管部门：某某市某某区卫生健康局",
        "项目名称：家庭医生签约服务补助",
    ]), "example.txt")
    assert report.agency == "某某市某某区卫生健康局"


# --- indicators set out as list items in prose -------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("（二）“巡查河道长度”指标（权重12分）：目标1,500公里，实际完成1,562公里，得12分。",
     (None, None, "巡查河道长度", "1,500公里", "1,562公里", 12.0, 12.0)),
    ("2.质量指标“设备检测合格率”，年度指标值≥98%，实际完成99.1%，分值15分，自评得分15分。",
     (None, "质量指标", "设备检测合格率", "≥98%", "99.1%", 15.0, 15.0)),
    ("指标三：病媒生物监测点位数（产出/数量）。目标：≥24个；完成：26个；权重10；得分10。",
     ("产出", "数量", "病媒生物监测点位数", "≥24个", "26个", 10.0, 10.0)),
    ("3.培训合格率：目标≥90%，实际为86%（2022年为91%），得6.5分（满分8分）；",
     (None, None, "培训合格率", "≥90%", "86%", 8.0, 6.5)),
    ("三级指标“示范村创建数量”（权重10%），指标值4个，完成值4个，得10分；",
     (None, None, "示范村创建数量", "4个", "4个", 10.0, 10.0)),
    ("“助残服务机构覆盖率”年度目标为“全覆盖”，实际完成情况为基本覆盖，指标分值10分，得8分。",
     (None, None, "助残服务机构覆盖率", "全覆盖", "基本覆盖", 10.0, 8.0)),
])
def test_an_indicator_set_out_clause_by_clause_in_a_list_item(line, expected):
    from loaders.parse.prose_items import itemised_indicator
    from loaders.parse.numbers import to_halfwidth
    found = itemised_indicator(to_halfwidth(line))
    assert (found.level1, found.level2, found.name, found.target, found.actual, found.weight, found.score) == \
        tuple(to_halfwidth(v) if isinstance(v, str) else v for v in expected)


@pytest.mark.parametrize("line", [
    "（三）“不合格产品处置率”指标（权重10分）：目标100%，实际发现不合格产品12批次，已全部处置。",  # a bare 实际 telling
    "4.工程质量：已完工项目验收合格率100%，该指标10分，得10分。",                                  # no target stated
    "1.资金执行率：目标≥95%，实际92%，得12分（满分10分）；",                                      # 执行率 is the project's
])
def test_a_list_item_that_does_not_state_an_indicators_target_and_actual_is_not_read_as_one(line):
    from loaders.parse.prose_items import itemised_indicator
    from loaders.parse.numbers import to_halfwidth
    assert itemised_indicator(to_halfwidth(line)) is None


def test_a_third_party_report_listing_its_indicators_under_section_headings():
    report = parse_report("\n".join([
        "首页 > 政务公开 > 财政信息 > 绩效评价",
        "某某县2023年农村公路养护补助资金",
        "绩效评价报告",
        "评价机构：某某项目管理咨询有限公司",
        "一、基本情况",
        "2023年该项目预算350万元，实际支出332.5万元，预算执行率95%。",
        "二、评价结论",
        "经评价，该项目指标体系评价得分88.4分。因抽查发现1处路段养护记录缺失，按评价方案扣减1分，项目综合评分为87.4分。",
        "三、绩效分析",
        "（一）产出",
        "1.养护农村公路里程：目标≥620公里，实际完成628公里，得10分（满分10分）；",
        "2.路面病害处治及时率：目标≥95%，实际为91.5%，得7.7分（满分8分）；",
    ]), "example.txt")
    [project] = report.projects
    assert project.name == "2023年农村公路养护补助资金"    # (the place before the year is the issuer's)
    assert project.total_score == 87.4
    assert [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("产出", "养护农村公路里程", "≥620公里", "628公里", 10.0, 10.0),
        ("产出", "路面病害处治及时率", "≥95%", "91.5%", 8.0, 7.7)]


# --- round 9 (made up in other wordings) --------------------------------------------------------------

def test_upper_header_cells_grouping_a_whole_header_row_and_subtotal_rows():
    project, _ = only_project("\n".join([
        "项目名称\t社区养老服务站运营补贴",
        "绩效指标\t\t\t目标\t\t评分\t\t",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标\t数量指标\t运营站点数量\t≥18个\t19个\t20\t20\t",
        "\t\t小计\t\t\t20\t20\t",
        "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t93%\t10\t10\t",
    ]))
    assert rows(project) == [("产出指标", "数量指标", "运营站点数量", "≥18个", "19个", 20.0, 20.0),
                             ("满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%", 10.0, 10.0)]


def test_a_money_row_number_before_its_label_is_no_amount():
    project, _ = only_project("\n".join([
        "项目名称\t乡镇文化站免费开放经费",
        "序号\t资金项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "1\t年度资金总额\t36\t36\t35.1\t10\t97.5%\t9.75",
        "2\t其中：当年财政拨款\t36\t36\t35.1",
    ]))
    assert money(project) == (36.0, 36.0, 35.1, 97.5, 10.0, 9.75)


def test_a_spreadsheet_cell_with_a_line_break_splits_its_row_over_two_tab_lines():
    project, _ = only_project("\n".join([
        "项目名称\t农机购置补贴",
        "\t一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\t偏差原因",
        "\t产出指标\t数量指标\t补贴机具数量\t≥800台\t846台\t20\t20\t",
        "\t满意度指标\t服务对象满意度指标\t购机农户满意度\t满意度",
        "90%以上\t94%\t10\t10\t",
    ]))
    assert rows(project)[-1] == ("满意度指标", "服务对象满意度指标", "购机农户满意度", "满意度90%以上", "94%", 10.0, 10.0)


def test_a_page_footer_naming_the_unit_beside_its_page_mark_is_furniture():
    from loaders.parse.page_lines import lines_to_read
    kept, spans = lines_to_read([
        "产出指标  数量指标  造林面积  ≥500亩  520亩  20  20",
        "────────────────────────────────────────",
        "某某县林业局                                  第 1 页 共 2 页",
        "效益指标  生态效益指标  森林覆盖率  ≥30%  30.4%  20  20",
    ])
    assert [line for line in kept if line.strip()] == [
        "产出指标  数量指标  造林面积  ≥500亩  520亩  20  20", "效益指标  生态效益指标  森林覆盖率  ≥30%  30.4%  20  20"]


def test_the_last_line_of_a_layout_table_below_its_last_rows_scores_is_that_rows():
    project, _ = only_project("\n".join([
        "项目名称                 林业有害生物防治",
        " 一级指标   二级指标     三级指标      年度指标值     实际完成值   分值     得分",
        "                         防治作业面",
        "            数量指标     积              ≥3000亩        3120亩       20       20",
        "            时效指标     防治完成时      2023年8月      2023年7月    10       10",
        "                         限              底前",
    ]))
    assert [(i.name, i.target) for i in project.indicators] == [("防治作业面积", "≥3000亩"), ("防治完成时限", "2023年8月底前")]


# --- a review (复核) of a self-evaluation ------------------------------------------------------------

REVIEW_REPORT = "\n".join([
    "某某区2023年度项目支出绩效自评复核报告",
    "复核实施机构：某某资产评估咨询有限公司",
    "被复核单位：某某区民政局",
    "一、复核说明",
    "我公司对区民政局报送的居家养老服务补贴项目绩效自评结果进行了复核。",
    "二、自评与复核得分对照表",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t自评分\t复核分\t复核说明",
    "产出指标\t数量指标\t服务老人人数\t≥3000人\t3120人\t30\t30\t30\t",
    "产出指标\t质量指标\t服务合格率\t≥95%\t完成\t30\t30\t22\t佐证不足",
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t92%\t30\t28\t25\t样本不足",
    "合计\t\t\t\t\t90\t88\t77",
    "三、复核结论",
    "区民政局自评得分88分，自评等级为“良”。经复核，该项目复核得分77分，复核等级为“中”。",
])


def test_a_review_reports_scores_and_grade_are_the_reviews():
    report = parse_report(REVIEW_REPORT, "example.txt")
    assert report.evaluation_type == "third_party"
    assert (report.total_score, report.grade) == (77.0, "中")
    [project] = report.projects
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("服务老人人数", 30.0, 30.0), ("服务合格率", 30.0, 22.0), ("老人满意度", 30.0, 25.0)]


def test_a_summary_tables_review_score_is_each_projects_result():
    from loaders.parse.project_list import read_project_list
    projects, _ = read_project_list([
        "单位名称\t项目名称\t预算数\t执行数\t执行率\t自评得分\t复核得分\t评价等级",
        "某某中学\t校园安防设施更新项目\t52.6\t50.1\t95.25%\t96\t91.5\t优秀",
        "某某小学\t课后服务补助项目\t38\t38\t100%\t95\t\t优秀",
    ])
    assert [(p.name, p.total_score) for p in projects] == [("校园安防设施更新项目", 91.5), ("课后服务补助项目", 95.0)]


def test_level_labels_set_on_the_second_line_of_their_rows_beside_a_names_tail():
    project, _ = only_project("\n".join([
        "项目名称                 困难群众临时救助",
        "  一级  二级指标  三级指标        年度指标值  实际完成值  分值   得分",
        "  指标",
        "                  临时救助对象    ≥1200人次   1260人次      20     20",
        "        数量指标  人次",
        "                  救助对象认定准  100%        100%          20     20",
        "  产出  质量指标  确率",
        "  指标",
        "                  救助资金发放及  ≥98%        100%          20     20",
        "        时效指标  时率",
    ]))
    assert [(i.level2, i.name) for i in project.indicators] == [
        ("数量指标", "临时救助对象人次"), ("质量指标", "救助对象认定准确率"), ("时效指标", "救助资金发放及时率")]


def test_a_score_ocr_read_character_by_character_inside_a_sentence():
    report = parse_report("\n".join([
        "某某县2023年河道清淤疏浚项目绩效评价报告",
        "    本项目绩效评价综合得分为 8 6 . 4 5 分，评价等级为“良好”。",
    ]), "example.txt")
    assert report.total_score == 86.45


def test_one_funding_sources_money_in_prose_is_not_the_projects_budget():
    from loaders.parse.narrative import stated_money
    found = stated_money(["注：市级配套资金到位95万元，尚有12万元未到位。", "项目预算资金420万元，实际支出401.3万元。"])
    assert (found["budget_full_year"].value, found["executed"].value) == (420.0, 401.3)


def test_a_pipe_table_of_funding_sources_closed_by_its_sum_row():
    project, _ = only_project("\n".join([
        "项目名称：城区公园提升改造",
        "| 资金来源 | 预算数 | 到位数 | 实际支出 | 执行率 |",
        "| 中央补助 | 200.00 | 200.00 | 200.00 | 100.00% |",
        "| 市级配套 | 150.00 | 120.00 | 110.50 | 73.67% |",
        "| 合计 | 350.00 | 320.00 | 310.50 | 88.71% |",
    ]))
    assert (project.budget_full_year, project.executed, project.execution_rate_pct) == (350.0, 310.5, 88.71)


def test_a_page_break_leaves_one_empty_line_whatever_the_margins_printed():
    from loaders.parse.page_lines import lines_to_read
    kept, _ = lines_to_read([
        "产出指标  数量指标  造林面积  ≥500亩  520亩  20  20", "", "",
        "                                   第 1 页 共 2 页", "", "", "",
        "效益指标  生态效益指标  森林覆盖率  ≥30%  30.4%  20  20",
    ])
    assert kept == ["产出指标  数量指标  造林面积  ≥500亩  520亩  20  20", "",
                    "效益指标  生态效益指标  森林覆盖率  ≥30%  30.4%  20  20"]


def test_a_finance_bureau_heading_the_cover_of_a_report_it_commissioned_is_not_the_agency():
    report = parse_report("\n".join([
        "                     某某市某某区财政局",
        "             2023年某某区农村供水保障项目",
        "                       绩效评价报告",
        "委托单位：某某市某某区财政局",
        "评价机构：某某会计师事务所有限公司",
        "项目单位：某某市某某区水利局",
    ]), "example.txt")
    assert report.agency == "某某市某某区水利局"


def test_a_last_row_without_its_points_where_the_text_stops_is_cut():
    project, warnings = only_project("\n".join([
        "项目名称\t乡村护林员补助",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t聘用护林员人数\t≥120人\t124人\t20\t20",
        "效益指标\t可持续影响指标\t林区巡护覆盖率\t≥9",
    ]))
    assert [i.name for i in project.indicators] == ["聘用护林员人数"]
    assert any("截断" in w for w in warnings)


def test_level_labels_our_vocabulary_lacks_written_with_their_points():
    project, warnings = only_project("\n".join([
        "部门整体支出绩效自评评分表",
        "一级指标\t二级指标\t三级指标\t分值\t得分\t评分说明",
        "投入（20分）\t预算编制（10分）\t预算编制完整性\t5\t5\t全部收支纳入预算",
        "\t目标设定（10分）\t绩效目标合理性\t5\t5\t",
        "过程（30分）\t预算执行（15分）\t预算执行率\t10\t9.44\t执行率94.35%",
        "\t预算管理（15分）\t政府采购执行率\t5\t5\t",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("投入", "预算编制", "预算编制完整性", 5.0, 5.0), ("投入", "目标设定", "绩效目标合理性", 5.0, 5.0),
        ("过程", "预算执行", "预算执行率", 10.0, 9.44), ("过程", "预算管理", "政府采购执行率", 5.0, 5.0)]


def test_a_centred_level1_label_takes_the_rows_of_its_family_and_a_label_tail_ends_the_table():
    # 产出指标 set high in its group (beside the first row's wrapped reason), 效益指标 beside its second row
    project, _ = only_project("\n".join([
        "项目名称      村级公益事业建设补助",
        " 一级指标     二级指标    三级指标                 年度指标值    实际完成值   分值   得分  偏差原因",
        "              数量指标    建成公益项目数            ≥40个          38个         20     19  部分村选址",
        " 产出指标                                                                                  调整",
        "              质量指标    项目验收合格率             100%          100%         20     20",
        "              时效指标    项目完工及时率             ≥95%           90%         10      9",
        "            社会效益指标  受益群众人数              ≥2万人        2.3万人       20     20",
        " 效益指标     可持续影响   设施管护机制              建立          已建立       20     20",
        "                指标",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "建成公益项目数"), ("产出指标", "质量指标", "项目验收合格率"),
        ("产出指标", "时效指标", "项目完工及时率"), ("效益指标", "社会效益指标", "受益群众人数"),
        ("效益指标", "可持续影响指标", "设施管护机制")]


def test_a_level1_label_in_the_level2_column_heads_the_level2_labels_below_it():
    project, _ = only_project("\n".join([
        "项目名称：农村小型水利设施维修",
        "一级指标\t二级指标\t三级指标\t分值\t年初指标值\t年终完成值\t自评分",
        "项目绩效\t产出指标",
        "\t数量指标\t维修塘堰座数\t20\t40座\t41座\t20",
        "\t时效指标\t汛前完成率\t10\t≥90%\t92%\t10",
        "\t效果指标",
        "\t社会效益指标\t受益灌溉面积\t15\t≥0.8万亩\t0.85万亩\t15",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "维修塘堰座数"), ("产出指标", "时效指标", "汛前完成率"),
        ("效果指标", "社会效益指标", "受益灌溉面积")]


@pytest.mark.parametrize("line, expected", [
    ("（2）新建（改建）村级便民服务站（10分）：目标值≥60个，完成值58个，得9分。",
     (None, "新建(改建)村级便民服务站", "≥60个", "58个", 10.0, 9.0)),
    ("数量指标——组建家庭医生团队数。目标：≥180个；完成：186个；分值：10；得分：10。",
     ("数量指标", "组建家庭医生团队数", "≥180个", "186个", 10.0, 10.0)),
])
def test_more_ways_a_list_item_sets_out_an_indicator(line, expected):
    from loaders.parse.prose_items import itemised_indicator
    from loaders.parse.numbers import to_halfwidth
    found = itemised_indicator(to_halfwidth(line))
    assert (found.level2, found.name, found.target, found.actual, found.weight, found.score) == expected


def test_a_level_label_with_its_points_written_after_it_without_brackets():
    from loaders.parse.indicators import level_text
    assert [level_text(t) for t in ("决策20分", "产出指标50分", "效益30.5分")] == ["决策", "产出指标", "效益"]


def test_prose_before_a_place_word_and_a_sites_footer_name_no_unit():
    report = parse_report("\n".join([
        "某某县2024年度财政重点绩效评价结果公开",
        "县财政局对4个重点项目开展了评价，委托某某会计师事务所实施，县市场监督管理局部门整体支出由县财政局组织专家评价。",
        "主办单位：某某县人民政府办公室  某ICP备12345678号",
    ]), "example.txt")
    assert report.agency is None


def test_a_pipe_table_written_without_its_outer_pipes_but_rows_closed_by_one():
    project, _ = only_project("\n".join([
        "项目名称：部门整体支出",
        "一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 权重 | 得分 | 备注",
        "投入 | 预算编制 | 预算编制准确率 | ≥95% | 96.1% | 5 | 5 |",
        "过程 | 资产管理 | 资产管理规范性 | 规范 | 规范 | 5 | 4 | 个别资产未入账",
    ]))
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("投入", "预算编制", "预算编制准确率", "≥95%", "96.1%", 5.0, 5.0),
        ("过程", "资产管理", "资产管理规范性", "规范", "规范", 5.0, 4.0)]


def test_a_finance_bureaus_review_form_names_the_unit_it_reviewed():
    report = parse_report("\n".join([
        "某某市某某区财政局",
        "2023年度项目支出绩效自评复核结果反馈表",
        "",
        "被复核单位：某某市某某区林业局",
        "复核项目：森林防火专项经费",
    ]), "example.txt")
    assert report.agency == "某某市某某区林业局"


def test_a_publisher_that_commissioned_the_evaluation_under_its_full_name():
    report = parse_report("\n".join([
        "某某市某某区2023年度农村道路建设项目财政重点绩效评价报告",
        "发布时间：2024-07-16 来源：某某区财政局",
        "受某某市某某区财政局委托，某某资产评估咨询有限公司对某某区交通运输局实施的项目开展了评价。",
    ]), "example.txt")
    assert report.agency == "某某区交通运输局"


def test_a_shortened_unit_name_is_given_in_full_as_the_text_introduces_it():
    report = parse_report("\n".join([
        "受某某区财政局委托，某某绩效评估咨询有限公司对某某市某某区文化广电旅游体育局（以下简称“区文体局”）开展绩效评价。",
        "某某区文体局2022年度部门整体支出绩效评价评分表",
    ]), "example.txt")
    assert report.agency == "某某市某某区文化广电旅游体育局"


def test_a_department_report_closing_with_its_key_projects_results_is_mixed():
    report = parse_report("\n".join([
        "某某区水利服务中心2022年度部门整体支出绩效自评报告",
        "2022年全年预算数1,451.42万元，全年支出1,390.32万元，预算执行率95.79%。",
        "四、重点项目绩效自评结果",
        "序号  项目名称                    预算数(万元)   支出数(万元)   自评分",
    ]), "example.txt")
    assert report.report_kind == "mixed"


def test_a_header_whose_level_words_wrap_into_narrow_columns_and_wrapped_level_labels():
    project, _ = only_project("\n".join([
        "项目名称：小型农田水利设施建设",
        "  一级     二级      三级指标        年度指标值     实际完成值     分值    得分",
        "  指标     指标",
        "",
        "                     新建排灌泵      ≥12座          12座           20      20",
        "           数量      站数量",
        "  产出     指标",
        "  指标     质量      工程验收合      100%           100%           20      20",
        "           指标      格率",
        "",
        "  效益     社会效    受益农户数      ≥3000户        3120户         20      20",
        "  指标     益指标",
    ]))
    assert [(i.level1, i.level2, i.name, i.target) for i in project.indicators] == [
        ("产出指标", "数量指标", "新建排灌泵站数量", "≥12座"), ("产出指标", "质量指标", "工程验收合格率", "100%"),
        ("效益指标", "社会效益指标", "受益农户数", "≥3000户")]


def test_cells_set_apart_by_one_full_width_space_are_no_aligned_columns():
    report = parse_report("\n".join([
        "项目名称：高标准农田建设项目",
        "一级指标\u3000二级指标\u3000三级指标\u3000年度指标值\u3000实际完成值\u3000分值\u3000得分\u3000偏差原因",
        "产出指标\u3000数量指标\u3000新建高标准农田面积\u3000≥3.3万亩\u30003.3万亩\u300010\u300010\u3000",
        "\u3000" * 10 + "高效节水灌溉面积\u3000≥2.0万亩\u30002.1万亩\u300010\u300010\u3000",
        "\u3000" * 5 + "质量指标\u3000项目工程验收合格率\u3000≥95%\u3000100%\u300010\u300010\u3000",
        "效益指标\u3000社会效益指标\u3000受益农户数\u3000≥3000户\u30003120户\u300010\u300010\u3000",
        "满意度指标\u3000服务对象满意度指标\u3000受益群众满意度\u3000≥90%\u300093%\u300010\u300010\u3000",
    ]), "example.txt")
    assert [(i.name, i.target, i.actual) for i in report.projects[0].indicators] == [
        ("新建高标准农田面积", "≥3.3万亩", "3.3万亩"), ("高效节水灌溉面积", "≥2.0万亩", "2.1万亩"),
        ("项目工程验收合格率", "≥95%", "100%"), ("受益农户数", "≥3000户", "3120户"), ("受益群众满意度", "≥90%", "93%")]


def test_a_sites_banner_above_its_menu_is_no_unit_and_a_short_name_is_given_in_full():
    report = parse_report("\n".join([
        "跳转到主要内容区域",
        "某某市某某区人民政府",
        "首页",
        "政务公开",
        "来源：某某区商务局　　发布时间：2023年05月11日",
        "某某市某某区商务局",
        "            2023年度项目支出绩效自评表",
        "项目名称        社区菜市场提升改造补助",
    ]), "example.txt")
    assert report.agency == "某某市某某区商务局"


def test_a_sentence_citing_a_notice_that_ends_with_a_colon_is_no_title():
    report = parse_report("\n".join([
        "某某县住房和城乡建设局",
        "关于2024年城镇老旧小区改造配套资金项目绩效自评情况的报告",
        "县财政局：",
        "　　按照县财政局关于做好2024年度预算项目绩效自评工作的部署，我局开展了自评，现报告如下：",
    ]), "example.txt")
    assert report.agency == "某某县住房和城乡建设局"


def test_a_sign_column_writes_its_qualitative_mark_and_a_nature_column_only_its_signs():
    signed, _ = only_project("\n".join([
        "项目名称：农村公路养护工程资金",
        "\t\t\t\t预期指标值\t\t\t\t\t自评得分",
        "一级指标\t二级指标\t三级指标\t指标解释\t符号\t数值\t单位\t实际完成值\t完成情况\t得分\t权重占比(%)\t单项指标折算得分",
        "产出指标\t数量指标\t县乡道养护里程\t年度完成的里程\t>=\t312\t公里\t312公里\t完成\t100.00\t20.00\t20.00",
        "效果指标\t社会效益指标\t群众出行安全保障\t保障出行安全\t定性\t有效\t\t有效保障\t完成\t100.00\t15.00\t15.00",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in signed.indicators] == [
        ("县乡道养护里程", ">=312公里", "312公里", 20.0, 20.0), ("群众出行安全保障", "定性有效", "有效保障", 15.0, 15.0)]
    natured, _ = only_project("\n".join([
        "项目名称：农村公路养护工程补助资金",
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t农村公路养护里程\t≥\t1280\t公里\t1286公里\t20\t20",
        "效益指标\t社会效益指标\t群众出行条件\t定性\t有效改善\t\t有效改善\t10\t10",
    ]))
    assert [i.target for i in natured.indicators] == ["≥1280公里", "有效改善"]


def test_level2_labels_stacked_in_a_centred_block_and_a_label_broken_before_a_label_word():
    project, _ = only_project("\n".join([
        "项目名称：城乡低保资金",
        " 一级     二级指标     三级指标            年度指标值    实际完成值    分值    得分",
        "                       保障对象人数        ≥2000人       2105人         20      20",
        "",
        "                       对象认定准确        ≥98%          99%            20      20",
        "                       率",
        " 产出     数量指标",
        " 指标     质量指标     低保金发放及时      100%          100%           20      20",
        "          时效指标     率",
        "",
        " 满意度   服务对象     保障对象满意度      ≥95%          97%            20      20",
        " 指标     满意度指标",
    ]))
    assert [(i.level2, i.name) for i in project.indicators] == [
        ("数量指标", "保障对象人数"), ("质量指标", "对象认定准确率"), ("时效指标", "低保金发放及时率"),
        ("服务对象满意度指标", "保障对象满意度")]


def test_two_whole_level_labels_in_one_rows_lines_are_never_joined():
    from loaders.parse.layout import _second_whole_label
    assert _second_whole_label("时效指标", "效果指标") and not _second_whole_label("服务对象", "满意度指标") \
        and not _second_whole_label("社会效益", "指标") and not _second_whole_label("", "效果指标")


def test_a_centred_level_label_beside_a_wrapped_reason_after_a_blank_line_goes_on_with_the_table():
    project, _ = only_project("\n".join([
        "项目名称：农村公路日常养护补助",
        "一级指  二级指标    三级指标          年度指标值    实际完成值  分值   得分  偏差原因分析及改进措施",
        "标",
        "                    农村公路养护里程  ≥1260公里     1263.5公里    15     15",
        "",
        "        数量指标                                                             1座危桥因汛期延误",
        "                    危桥改造数量      3座           2座           10    6.7  施工",
        "产出指",
        "标",
        "        质量指标    优良中等路比例    ≥75%          78.2%         15     15",
    ]))
    assert [(i.level2, i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("数量指标", "农村公路养护里程", "≥1260公里", "1263.5公里", 15.0), ("数量指标", "危桥改造数量", "3座", "2座", 6.7),
        ("质量指标", "优良中等路比例", "≥75%", "78.2%", 15.0)]


def test_a_table_without_outer_pipes_whose_rows_open_with_an_empty_cell():
    project, _ = only_project("\n".join([
        "项目名称：城乡环卫一体化",
        "一级指标 | 二级指标 | 三级指标 | 目标值 | 实际完成值 | 分值 | 得分",
        "决策（20分） | 项目立项 | 立项依据充分性 |  |  | 3 | 3",
        " |  | 立项程序规范性 |  |  | 3 | 2.5",
        " | 绩效目标 | 绩效目标合理性 |  |  | 4 | 3.5",
    ]))
    assert [(i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("项目立项", "立项依据充分性", 3.0, 3.0), ("项目立项", "立项程序规范性", 3.0, 2.5), ("绩效目标", "绩效目标合理性", 4.0, 3.5)]


def test_a_department_budget_said_to_be_adjusted_is_the_years_budget():
    _, budget = department("\n".join([
        "某某县民政局2022年度部门整体支出绩效自评报告",
        "（一）预算批复及调整情况。2022年部门预算批复1,120.50万元，年中追加救助资金，调整后预算为1,286.40万元。",
        "（二）支出情况。2022年支出决算1,260.32万元，预算执行率97.97%。",
    ]))
    assert (budget.get("budget"), budget.get("executed")) == (1286.4, 1260.32)
    _, budget = department("\n".join([
        "某某区民政局2023年度部门整体支出绩效自评报告",
        "2023年度部门预算批复986.40万元，年内追加46.50万元，全年预算调整为1,032.90万元。",
    ]))
    assert budget.get("budget") == 1032.9


def test_a_money_row_whose_numbers_wrap_inside_narrow_cells_is_left_unread():
    project, warnings = only_project("\n".join([
        "项目名称      2023年孕前优生健康检查项目",
        "                                年初预算数  全年预算数  全年执行数  分值     执行率    得分",
        "年度资金总额                     １３０.０   ９８.５０   ８７.１２  １０    ８８.４   ８.８",
        "                                        ０                                      ５%      ４",
    ]))
    assert money(project) == (None, None, None, None, None, None)
    assert any("折行" in w for w in warnings)


def test_a_layout_table_runs_on_over_a_page_break_with_its_running_head_and_centred_labels():
    # page 2 opens with the report's title again and an empty line; no header repeats; labels are
    # centred on their rows (社会效益 ⏎ 指标 across two rows) and a label's last piece (标) sits just above 总分
    title = "某某县文化和旅游局2022年度公共文化服务体系建设项目绩效自评报告"
    report = parse_report("\n".join([
        title,
        "项目名称：公共文化服务体系建设",
        " 一级指标   二级指标   三级指标            年度指标值    实际完成值    分值   得分",
        "                       送戏下乡场次        ≥120场        126场         15     15",
        "            数量指标",
        "                       农家书屋补充图书    ≥8000册       8300册        10     10",
        " 产出指标",
        " （45分）   质量指标   活动验收合格率      100%          100%          10     10",
        "            时效指标   资金拨付及时率      100%          100%          10     10",
        "",
        "                                              第 1 页 共 2 页",
        "\f" + title,
        "",
        "            成本指标   场均演出成本        ≤0.8万元      0.76万元      10     10",
        "                       群众文化活动参与    ≥5万人次      5.4万人次     15     15",
        "            社会效益",
        " 效益指标   指标       文化设施开放时长    ≥56小时/周    58小时/周     15     15",
        " （30分）",
        "            可持续影   长效运营机制        健全          基本健全      5      4",
        "            响指标",
        " 满意度指   服务对象   群众满意度          ≥90%          94%           10     10",
        " 标(10分)   满意度指",
        "            标",
        " 总分                                                                  100    99",
    ]), "example.txt")
    got = [(i.level1[:4], i.level2, i.name, i.score) for i in report.projects[0].indicators]
    assert got == [
        ("产出指标", "数量指标", "送戏下乡场次", 15.0), ("产出指标", "数量指标", "农家书屋补充图书", 10.0),
        ("产出指标", "质量指标", "活动验收合格率", 10.0), ("产出指标", "时效指标", "资金拨付及时率", 10.0),
        ("产出指标", "成本指标", "场均演出成本", 10.0), ("效益指标", "社会效益指标", "群众文化活动参与", 15.0),
        ("效益指标", "社会效益指标", "文化设施开放时长", 15.0), ("效益指标", "可持续影响指标", "长效运营机制", 4.0),
        ("满意度指", "服务对象满意度指标", "群众满意度", 10.0)]


def test_words_set_past_a_score_headers_end_are_the_reason_beside_it():
    from loaders.parse.layout import Column, _column_of
    columns = [Column(1, "name", 9), Column(20, "weight", 24), Column(27, "score", 31), Column(34, "reason", 50)]
    assert _column_of(31, columns, "施工延误") == 3      # a reason's line set short of its header
    assert _column_of(28, columns, "9.5") == 2 and _column_of(31, columns, "9.5") == 2   # numbers go by the start


def test_a_centred_label_is_placed_by_its_rows_scores_and_their_lines_alike():
    from loaders.parse.layout import _blocks_by_middles
    # rows: (the line with its scores, the middle of its lines); 4 rows, two labels at lines 24 and 31.5:
    # by scores alone the first label is as near two rows as three, by lines alone too; both together tell
    rows = [(23, 23.5), (25, 25), (28, 28.5), (30, 30.5), (32, 32.5)]
    assert _blocks_by_middles([24, 28.5, 31.5], rows) == [(0, 2), (2, 3), (3, 5)]


def test_a_review_reports_review_score_columns_are_its_result_and_a_self_forms_are_not():
    table = [
        "项目名称\t城区路灯维护经费",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t自评得分\t复核得分",
        "年度资金总额\t80\t80\t72.8\t10\t91%\t10\t9.1",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t自评得分\t复核得分\t复核意见",
        "产出指标\t数量指标\t路灯维修盏数\t≥1200盏\t1010盏\t50\t50\t42\t未完成目标",
        "效益指标\t社会效益指标\t夜间出行安全\t有效保障\t完成\t40\t40\t30\t佐证不足",
        "合计\t\t\t\t\t100\t100\t81.1\t",
    ]
    review = parse_report("\n".join(["某某县2022年度项目支出绩效自评复核报告", "复核机构：某某工程咨询有限公司",
                                     "经复核，该项目得分81.1分，复核等级为“良”。", *table]), "example.txt")
    project = review.projects[0]
    assert [i.score for i in project.indicators] == [42.0, 30.0]
    assert (project.execution_score, project.total_score, review.total_score) == (9.1, 81.1, 81.1)
    own = parse_report("\n".join(["某某县城市管理局2022年度项目支出绩效自评表", *table]), "example.txt")
    project = own.projects[0]
    assert [i.score for i in project.indicators] == [50.0, 40.0]
    assert (project.execution_score, project.total_score) == (10.0, 100.0)


def test_a_form_group_label_in_a_margin_left_of_the_header_is_no_cell():
    project, _ = only_project("\n".join([
        "项目名称：城乡供水设施维护",
        "          一级指标   二级指标   三级指标            年度指标值    实际完成值    分值   得分   偏差原因",
        "          产出指标   数量指标   维护供水管网长度    ≥120公里      124公里       20     20",
        "                                新建取水点          ≥6个          6个           10     10",
        " 绩效                质量指标   出水水质达标率      100%          100%          20     20",
        " 指标                时效指标   维护完成时间        2023年10月底  2023年9月     10     10",
        "          效益指标   社会效益   受益人口            ≥3.2万人      3.3万人       30     30",
        "          满意度     服务对象   用水户满意度        ≥90%          93%           10     10",
        " 总分                                                                           100    100",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][2:4] == [
        ("产出指标", "质量指标", "出水水质达标率"), ("产出指标", "时效指标", "维护完成时间")]
    assert project.total_score == 100.0


def test_a_merged_cells_label_printed_down_its_column_is_no_cell_of_the_rows():
    from loaders.parse.label_lines import vertical_labels_cleared
    lines = ["年   一级指标   二级指标   三级指标",
             "度   产出指标   数量指标   培训人次   ≥500人次   520人次   20   20",
             "绩   产出指标   质量指标   结业率   ≥95%   97%   20   20",
             "效        效益指标   社会效益指标   就业率   ≥60%   64%   30   30",
             "指",
             "标"]
    cleared = vertical_labels_cleared(lines)
    assert all(not line[:2].strip() for line in cleared) and cleared[1] == "  " + lines[1][1:]
    assert vertical_labels_cleared(["县   一级指标   二级指标", "区   产出指标   数量指标"])[0].startswith("县")


def test_ocr_zero_read_as_a_letter_before_a_unit_and_a_count_spaced_apart():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("安全事故发生数   O起   0起   10")[0] == "安全事故发生数   0起   0起   10"
    assert ocr_digits_fixed("受益人数   ≥15000人   1 5 0 2 6人   15")[0].split() == ["受益人数", "≥15000人", "15026人", "15"]
    assert ocr_digits_fixed("完工及时率 6 4 3个小区跨年完工")[0] == "完工及时率 6 4 3个小区跨年完工"   # 分值 得分 and a reason
    assert ocr_digits_fixed("推广O2O模式")[0] == "推广O2O模式"


def test_two_numbers_of_a_money_row_split_by_ocr_gaps_are_joined_when_the_rate_holds():
    project, warnings = only_project("\n".join([
        "项目名称 农村饮水安全巩固提升补助",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 240 240 2 16.6 10 9 0.25% 9.03",
    ]))
    assert money(project) == (240.0, 240.0, 216.6, 90.25, 10.0, 9.03)
    project, _ = only_project("\n".join([     # no joining makes 执行数 / 预算数 the rate: only the rate is read
        "项目名称 农村饮水安全巩固提升补助",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 240 240 2 16.6 10 9 5.25% 9.03",
    ]))
    assert project.executed is None


def test_a_list_item_restating_its_indicator_with_the_value_and_saying_it_met_its_target():
    from loaders.parse.numbers import to_halfwidth
    from loaders.parse.prose_items import itemised_indicator

    def read(text):
        item = itemised_indicator(to_halfwidth(text))
        return item and (item.name, item.target, item.actual)
    assert read("“城区绿化覆盖率”指标，年度目标值≥42%，年末全区城区绿化覆盖率达到43.1%，完成目标。") == (
        "城区绿化覆盖率", "≥42%", "43.1%")
    assert read("“居民满意度”指标，年度目标值≥85%，发放问卷300份（回收281份），满意度为91.2%。") == (
        "居民满意度", "≥85%", "91.2%")
    assert read("“公厕保洁达标率”指标，年度目标值≥95%，经抽查30座，实际达标率96.7%，完成目标。") == (
        "公厕保洁达标率", "≥95%", "96.7%")
    assert read("“改造完工时间”指标，年度目标值为2022年10月底前，实际于2022年11月5日完成全部工程。") == (
        "改造完工时间", "2022年10月底前", "2022年11月5日")
    assert read("“新增停车泊位”指标，年度目标值≥800个，全年实际完成826个。") == ("新增停车泊位", "≥800个", "826个")
    assert read("（2）“抽检批次”指标，目标2000批次，实际发现不合格样品41批次。") is None
    assert read("“道路保洁面积”指标，年度目标值≥120万平方米，完成目标。") is None


def test_a_department_reports_key_projects_section_names_its_tables_and_prose_projects():
    report = parse_report("\n".join([
        "某某县水利局2021年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "2021年全年预算数3,120.50万元，全年支出3,002.18万元，其中基本支出820.40万元、项目支出2,181.78万元。",
        "二、重点项目绩效情况",
        "（一）2021年小型水库除险加固项目",
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "600.00\t720.00\t705.60\t10\t98.00%\t9.8",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t除险加固水库座数\t6座\t6座\t50\t50",
        "效益指标\t社会效益指标\t受益人口\t≥2万人\t2.3万人\t40\t40",
        "总分\t\t\t\t\t100\t99.8",
        "（二）农村饮水工程维修养护经费",
        "县财政下达农村饮水工程维修养护经费120万元，全年支出118万元，执行率98.33%。项目自评得分96分。",
        "三、存在的问题",
    ]), "example.txt")
    assert report.report_kind == "mixed"
    got = [(p.subject, p.name, p.budget_full_year, p.total_score) for p in report.projects]
    assert got == [("project", "2021年小型水库除险加固项目", 720.0, 99.8), ("project", "农村饮水工程维修养护经费", 120.0, 96.0)]


def test_the_departments_budget_called_its_budget_figure():
    _, budget = department("\n".join([
        "某某区统计局2023年度部门整体支出绩效自评报告",
        "2023年度本部门预算数256.30万元，全部为财政拨款；全年支出数250.12万元，预算执行率97.59%。",
    ]))
    assert (budget.get("budget"), budget.get("executed"), budget.get("execution_rate_pct")) == (256.3, 250.12, 97.59)


def test_a_lone_cell_ending_with_a_comma_goes_on_in_the_next_line():
    project, _ = only_project("\n".join([
        "项目名称", "城乡义务教育公用经费保障", "",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "",
        "产出指标", "成本指标", "生均公用经费标准", "小学≥720元，", "初中≥940元", "达标", "10", "10", "",
        "效益指标", "社会效益指标", "义务教育巩固率", "≥99%", "99.4%", "10", "10",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("生均公用经费标准", "小学≥720元，初中≥940元", "达标"), ("义务教育巩固率", "≥99%", "99.4%")]


def test_a_line_naming_its_indicator_then_its_target_and_actual_in_clauses():
    from loaders.parse.narrative import narrative_indicators
    found = narrative_indicators([
        "（三）满意度指标完成情况",
        "服务对象满意度：年度指标值为≥85%，通过回访群众260人，实际满意度为91.5%。",
    ])
    assert [(i.level1, i.name, i.target, i.actual) for i in found] == [("满意度指标", "服务对象满意度", "≥85%", "91.5%")]


def test_a_rate_on_the_funds_received_leaves_the_stated_budget_standing():
    from loaders.parse.narrative import stated_money
    found = stated_money(["（二）资金情况。项目总预算1200万元，其中省级补助800万元、县级配套400万元。截至年底实际到位资金1000万元，"
                          "实际支出940万元，资金执行率94%。"])
    assert (found["budget_full_year"].value, found["executed"].value, found["execution_rate_pct"].value) == (1200, 940, 94)


def test_a_wrapped_header_word_set_off_its_column_and_a_reason_starting_under_the_score():
    project, _ = only_project("\n".join([
        "项目名称：人工影响天气作业",
        "                                                                      偏差原因分析",
        "        一级指标  二级指标   三级指标        年度指标值   实际完成值   分值  得分   及改进措施",
        "                           作业点建设数                                          天气过程偏少，",
        "         产出指标  数量指标   量               ≥4个         3个         10    7.5   作业条件不足",
        "                  质量指标   作业安全事故     =0起         0起         10    10",
    ]))
    assert [(i.name, i.score, i.deviation_reason) for i in project.indicators] == [
        ("作业点建设数量", 7.5, "天气过程偏少，作业条件不足"), ("作业安全事故", 10.0, None)]


def test_an_office_directly_under_the_government_reports_its_own_form():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines

    def agency(text):
        found = find_agency(TextIndex(split_lines(text)))
        return found and found.value
    head = "项目支出绩效自评表\n（2023年度）\n项目名称\t12345热线运行经费\n"
    assert agency(head + "主管部门\t某某市某某区人民政府\t实施单位\t某某市某某区政务服务管理办公室\n") == "某某市某某区政务服务管理办公室"
    assert agency(head + "主管部门\t某某市某某区水务局\t实施单位\t某某市某某区河道管理所\n") == "某某市某某区水务局"


def test_a_pages_link_to_the_previous_article_says_nothing_of_the_reports_kind():
    report = parse_report("\n".join([
        "某某县人民政府", "首页", "政务公开",
        "当前位置：首页 > 政务公开 > 财政信息 > 绩效自评",
        "某某县文化馆2023年度项目支出绩效自评表公开",
        "项目支出绩效自评表（2023年度） 项目名称 非遗保护传承经费 主管部门 某某县文化和旅游局",
        "上一篇：某某县文化馆2023年度部门整体支出绩效自评报告 下一篇：关于开展非遗进校园活动的通知",
    ]), "example.txt")
    assert report.report_kind == "project"


def test_the_department_frameworks_level_labels_one_cell_per_line():
    project, _ = only_project("\n".join([
        "部门整体支出绩效评价指标表", "",
        "一级指标", "二级指标", "三级指标", "分值", "得分", "",
        "过程", "预算执行", "预算执行率", "10", "9.6", "",
        "资产管理", "固定资产利用率", "5", "5", "",
        "产出", "履职产出", "重点工作完成率", "20", "18", "",
        "效益", "履职效益", "群众满意度", "10", "9",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("过程", "预算执行", "预算执行率"), ("过程", "资产管理", "固定资产利用率"),
        ("产出", "履职产出", "重点工作完成率"), ("效益", "履职效益", "群众满意度")]


def test_a_finance_bureaus_report_on_the_fund_of_the_unit_its_prose_names():
    report = parse_report("\n".join([
        "某某市某某区财政局",
        "关于2022年度城乡居民医疗救助资金绩效评价报告",
        "发布时间：2023-08-01   来源：某某区财政局",
        "区财政局于2023年5月对2022年度城乡居民医疗救助资金开展了财政绩效评价，资金主管部门为某某市某某区医疗保障局。",
        "2022年共下达资金1,200万元，实际支出1,150万元，资金执行率95.83%。综合得分86分，评价等级为良。",
    ]), "example.txt")
    assert report.agency == "某某市某某区医疗保障局"
    notice = parse_report("\n".join([
        "某某市某某区财政局",
        "关于2022年度重点项目支出绩效评价结果的公告",
        "区财政局对5个重点项目开展了绩效评价，结果如下。",
    ]), "example.txt")
    assert notice.agency == "某某市某某区财政局"


def test_a_sites_menu_line_names_no_project_and_a_bare_number_is_no_target_beside_a_name():
    from loaders.parse.flattened import _row_consistent
    from loaders.parse.narrative import title_project_name
    found = title_project_name(["某某旗人民政府 | 政务公开 | 财政信息 | 绩效评价",
                                "某某旗2024年度农村牧区道路养护资金绩效评价报告"])
    assert found == ("2024年度农村牧区道路养护资金", 2)
    assert not _row_consistent({"name": "立项依据充分性", "target": "33", "actual": "立项程序规范性", "weight": "3", "score": "2.5"})
    assert _row_consistent({"name": "培训人次", "target": "120", "actual": "完成", "weight": "10", "score": "10"})


def test_two_ocr_spaced_digits_with_their_unit_spaced_too_or_after_a_sign_are_one_number():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("资金执行率9 6 %，结余资金1 . 8万元")[0].split("，")[0].replace(" ", "") == "资金执行率96%"
    assert ocr_digits_fixed("每亩补助标准  ≤1 2元  12元  5  5")[0].split() == ["每亩补助标准", "≤12元", "12元", "5", "5"]
    assert ocr_digits_fixed("分值  得分  2 0")[0] == "分值  得分  2 0"      # two cells, no unit


def test_a_self_evaluation_telling_what_a_bureaus_review_gave_takes_neither_as_final():
    report = parse_report("\n".join([
        "某某县农业农村局2023年度项目支出绩效自评报告",
        "一、项目概况。2023年项目预算资金120万元，实际支出114万元，执行率95%。",
        "五、自评结论。经自评，本项目自评得分92.5分，等级为“优”；经县财政局复核，复核得分86.5分，复核等级为“良”。",
    ]), "example.txt")
    # the review's score is not the self-evaluation's result, nor is it sure the self score is: left empty
    assert (report.total_score, report.grade) == (None, None)
    assert any("多个不同的总分" in w for w in report.warnings)


def test_a_pages_related_articles_are_page_furniture():
    report = parse_report("\n".join([
        "某某县人民政府", "首页", "信息公开",
        "某某县水利局2023年度小型水库维修养护项目支出绩效自评表",
        "项目支出绩效自评表 (2023年度) 项目名称 2023年小型水库维修养护项目 主管部门 某某县水利局",
        "相关文章",
        "某某县水利局2023年度部门整体支出绩效自评报告",
        "某某县2023年水利发展资金绩效目标表",
    ]), "example.txt")
    assert report.report_kind == "project"


def test_a_value_and_the_same_word_below_it_are_two_cells_not_a_wrap():
    project, _ = only_project("\n".join([
        "项目名称", "社区卫生服务能力提升项目", "",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "",
        "产出指标", "数量指标", "慢病患者随访", "人数", "≥1.2", "万人", "1.3万人", "15", "15", "",
        "质量指标", "随访服务规范率", "≥90%", "92.5%", "15", "15", "",
        "效益指标", "社会效益指标", "慢病患者规范", "管理率", "≥60%", "63.1%", "15", "15", "",
        "可持续影响指标", "社区医生服", "务能力", "稳步提高", "提高", "15", "15", "",
        "长效运行机", "制建立", "建立", "已建立", "10", "10",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators][3:] == [
        ("社区医生服务能力", "稳步提高", "提高"), ("长效运行机制建立", "建立", "已建立")]


def test_a_unit_cell_with_its_name_in_brackets_is_joined_to_the_target():
    project, _ = only_project("\n".join([
        "项目名称\t城市管理执法经费",
        "一级指标\t二级指标\t三级指标\t符号\t预期指标值\t单位(文字描述)\t单项指标实际完成值\t单项指标得分\t权重占比(%)\t单项指标折算得分",
        "产出指标\t质量指标\t案件办结率\t>=\t95\t%(百分比)\t97%\t100\t20\t20",
        "产出指标\t数量指标\t巡查覆盖街道数\t>=\t6\t个\t6个\t100\t20\t20",
    ]))
    assert [i.target for i in project.indicators] == [">=95%(百分比)", ">=6个"]


def test_a_money_row_with_a_number_split_twice_by_ocr_gaps():
    project, _ = only_project("\n".join([
        "项目名称 2024年渔文化节活动经费",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 1 8 0.00 180.00 171.00 1 0 9 5.00% 9.5",
    ]))
    assert money(project) == (180.0, 180.0, 171.0, 95.0, 10.0, 9.5)


def test_ocr_gaps_before_a_thousands_comma_and_before_a_ten_thousand_unit():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("畜禽免疫数量 ≥320万头 3 3 6万头 25 25")[0].split() == ["畜禽免疫数量", "≥320万头", "336万头", "25", "25"]
    project, _ = only_project("\n".join([
        "项目名称 高标准农田建设项目",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 11,000.00 12,000.00 1 1,040.00 10 9 2% 9.2",
    ]))
    assert money(project)[:4] == (11000.0, 12000.0, 11040.0, 92.0)


def test_a_sites_menu_above_the_title_says_nothing_of_the_kind_or_the_evaluator():
    report = parse_report("\n".join([
        "首页", "要闻动态", "政务公开", "政务服务", "互动交流", "走进某区", "搜索", "登录 | 注册", "无障碍浏览 | 长者模式",
        "某某市某某区人民政府",
        "首页 > 政务公开 > 财政资金 > 绩效信息",
        "某某市某某区市场监督管理局2021年度部门整体支出绩效自评报告",
        "发布日期：2022-07-08　　信息来源：区市场监管局",
        "一、部门预算及执行情况",
        "2021年度部门年初预算2,986.00万元，调整后预算3,124.87万元，实际支出2,987.43万元，预算执行率95.60%。",
        "二、部门整体绩效目标实现情况",
        "全区未发生重大食品药品安全事故，营商环境第三方评估满意度92.4%。",
        "三、自评结论", "经自评，本局2021年度部门整体支出绩效自评得分94.5分，等级为优。",
    ]), "example.txt")
    assert (report.report_kind, report.evaluation_type) == ("department", "self")
    assert [p.subject for p in report.projects] == []


def test_a_money_block_after_an_indicator_table_opens_the_next_project():
    projects, _ = parse_projects("\n".join([
        "三、部门整体支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t送戏下乡场次\t≥80场\t86场\t90\t90",
        "合计\t\t\t\t\t90\t90",
        "四、项目支出绩效自评情况",
        "（一）2019年非遗保护经费",
        "\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t60.00\t60.00\t57.00\t10\t95%\t9.5",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t非遗展演场次\t≥12场\t12场\t90\t90",
    ]).split("\n"))
    assert [(len(p.indicators), p.budget_full_year) for p in projects] == [(1, None), (1, 60.0)]


def test_guangdongs_department_framework_one_cell_per_line():
    project, _ = only_project("\n".join([
        "部门整体支出绩效自评表", "",
        "一级指标", "二级指标", "三级指标", "分值", "年度目标值", "实际完成值", "得分", "",
        "预算执行", "支出进度", "预算执行率", "10", "≥95%", "97.3%", "10", "",
        "支出规范性", "政府采购执行率", "5", "100%", "100%", "5", "",
        "履职效能", "部门履职", "网格化管理覆盖率", "10", "100%", "100%", "10",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("预算执行", "支出进度", "预算执行率"), ("预算执行", "支出规范性", "政府采购执行率"),
        ("履职效能", "部门履职", "网格化管理覆盖率")]


def test_a_labelled_line_where_the_text_stops_under_a_labelled_row_is_a_cut_row():
    project, _ = only_project("\n".join([
        "项目名称：公共文化惠民演出",
        "一级指标   二级指标   三级指标               年度指标值    实际完成值    分值   得分",
        "产出指标   数量指标   惠民演出场次           ≥100场        108场         15     15",
        "                      观众人次               ≥2万人次      2.3万人次     10     10",
        "           质量指标   演出节目审核通过率     100%          100%          10     10",
        "           时效指标   演出按计划完",
    ]))
    assert [(i.level2, i.name) for i in project.indicators][:3] == [
        ("数量指标", "惠民演出场次"), ("数量指标", "观众人次"), ("质量指标", "演出节目审核通过率")]


def test_a_level1_and_a_level2_label_on_lines_of_their_own_are_two_labels():
    project, _ = only_project("\n".join([
        "项目名称", "", "全民健身赛事活动补助", "",
        "一级指标", "", "二级指标", "", "三级指标", "", "指标值", "", "完成值", "", "权重", "", "得分", "",
        "产出", "", "数量", "", "赛事活动场次", "", "≥30场", "", "31场", "", "50", "", "50", "",
        "效益", "", "社会效益", "", "参与群众人次", "", "≥10万人次", "", "11.2万人次", "", "50", "", "50",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出", "数量", "赛事活动场次"), ("效益", "社会效益", "参与群众人次")]


def test_a_target_column_headed_expected_or_planned_value():
    from loaders.parse.labels import header_field
    assert [header_field(t, "indicator") for t in ("预期值", "计划值", "年度计划值", "预期目标值")] == ["target"] * 4
    project, _ = only_project("\n".join([
        "项目名称：退化林修复项目",
        " 一级指标  二级指标   三级指标                 预期值       实际值      权重(%)  评分",
        " 产出指标  数量指标   退化林修复面积           1.2万亩      0.9万亩       50      40",
        " 满意度    服务对象   周边群众满意度           ≥90%         94%           50      50",
        " 指标      满意度",
    ]))
    assert [(i.level1, i.level2, i.target) for i in project.indicators] == [
        ("产出指标", "数量指标", "1.2万亩"), ("满意度指标", "服务对象满意度", "≥90%")]


def test_a_county_whose_name_opens_with_town_is_a_place_not_a_relative_reference():
    from loaders.parse.header import unit_name_prefix
    assert unit_name_prefix("镇沅彝族哈尼族拉祜族自治县卫生健康局") == "镇沅彝族哈尼族拉祜族自治县卫生健康局"
    assert unit_name_prefix("镇雄县林业和草原局", whole=True) == "镇雄县林业和草原局"
    assert unit_name_prefix("镇卫生院") is None and unit_name_prefix("县信访局") is None


def test_a_named_line_with_its_plan_and_actual_in_clauses():
    from loaders.parse.narrative import narrative_indicators
    found = narrative_indicators(["（一）产出指标完成情况", "文化下乡演出场次：计划80场，实际完成86场，超额完成目标。"])
    assert [(i.name, i.target, i.actual) for i in found] == [("文化下乡演出场次", "80场", "86场")]


def test_a_pipe_table_numbering_its_rows_with_empty_target_and_actual_cells():
    project, _ = only_project("\n".join([
        "项目名称：农村环境综合整治专项",
        "序号 | 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际完成值 | 分值 | 得分",
        "1 | 决策(20) | 项目立项 | 立项依据充分性 | | | 5 | 5",
        "2 | | | 立项程序规范性 | | | 5 | 4",
        "3 | 产出(40) | 产出数量 | 整治村庄数量 | ≥12个 | 12个 | 40 | 40",
    ]))
    assert [(i.level1, i.name, i.target, i.weight, i.score) for i in project.indicators] == [
        ("决策", "立项依据充分性", None, 5.0, 5.0), ("决策", "立项程序规范性", None, 5.0, 4.0),
        ("产出", "整治村庄数量", "≥12个", 40.0, 40.0)]


def test_a_header_cell_naming_a_note_and_a_column_is_that_column():
    from loaders.parse.labels import header_field
    assert header_field("评价标准/目标值", "indicator") == "target"
    assert header_field("年度指标值/实际完成值", "indicator") is None     # two columns: not sure which
    project, _ = only_project("\n".join([
        "项目名称：城镇老旧小区改造项目",
        "一级指标(分值)\t二级指标\t三级指标\t分值\t评价标准/目标值\t实际完成情况\t得分",
        "决策(20)\t项目立项\t立项依据充分性\t10\t依据充分\t依据充分\t10",
        "\t绩效目标\t绩效目标合理性\t10\t目标合理\t部分目标偏高\t8",
    ]))
    assert [(i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("立项依据充分性", "依据充分", "依据充分", 10.0), ("绩效目标合理性", "目标合理", "部分目标偏高", 8.0)]


@pytest.mark.parametrize("name, printed, target", [
    ("活动经费控制", "$260万元", "≤260万元"), ("急难型救助审批时限", "$3个工作日", "≤3个工作日"),
    ("养殖户满意度", "$90%", "≥90%"), ("新建高标准农田面积", "工1.5万亩", "≥1.5万亩"),
    ("维修养护资金控制", "^250万元", "≤250万元"), ("供水保证率", "^95%", "≥95%"),
    ("法律援助案件指派时限", "W3个工作日", "≤3个工作日"), ("母婴传播率", "W4%", "≤4%")])
def test_ocrs_dollar_sign_is_a_cap_on_an_indicator_that_caps_a_quantity(name, printed, target):
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        f"产出指标\t成本指标\t{name}\t{printed}\t1\t20\t20",
    ]))
    assert project.indicators[0].target == target


def test_a_paragraph_of_scored_indicator_clauses_under_no_level_heading():
    from loaders.parse.narrative import narrative_indicators
    found = narrative_indicators([
        "二、绩效目标完成情况",
        "各项指标完成如下：义诊下乡场次，年度指标值24场，全年实际完成26场，该指标分值20分，得20分；"
        "出诊响应时间，年度指标值30分钟内，实际平均22分钟，分值10分，得10分；"
        "患者满意度，年度指标值≥90%，实际88%，分值10分，得8分。"])
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in found] == [
        ("义诊下乡场次", "24场", "26场", 20.0, 20.0), ("出诊响应时间", "30分钟内", "平均22分钟", 10.0, 10.0),
        ("患者满意度", "≥90%", "88%", 10.0, 8.0)]
    # one target-and-actual sentence with no points there may restate the plan: not read as a result
    assert narrative_indicators(["本项目目标如下：义诊下乡场次，年度指标值24场，实际完成26场。"]) == []


def test_a_total_score_written_in_chinese_numerals():
    report = parse_report("\n".join([
        "某县卫生健康局2022年度基层医疗设备购置项目绩效自评报告",
        "一、项目概况", "本项目年初预算120万元，全年实际支出114万元，预算执行率95%。",
        "二、自评结论", "经自评，本项目综合得分为八十七点五分，绩效等级为“良”。"]), "t.txt")
    assert report.total_score == 87.5


def test_a_year_naming_another_amount_in_the_sentence_does_not_name_the_budget_after_it():
    from loaders.parse.narrative import stated_money
    stated = stated_money(["2022年度专项资金年初预算300万元，加上2021年结转资金40万元，全年可用预算资金合计340万元，"
                           "全年实际支出323万元，预算执行率95%。"])
    assert (stated["budget_initial"].value, stated["budget_full_year"].value, stated["executed"].value) == (300, 340, 323)
    # a sentence opening with an earlier year is that year's money throughout
    stated = stated_money(["2021年该项目预算280万元，实际支出250万元。2022年该项目预算300万元，全年实际支出290万元。"])
    assert (stated["budget_full_year"].value, stated["executed"].value) == (300, 290)


def test_the_implementing_unit_reports_under_a_finance_bureau_or_when_the_prose_speaks_as_it():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines

    def agency(text):
        found = find_agency(TextIndex(split_lines(text)))
        return found and found.value
    head = "项目支出绩效自评表\n（2021年度）\n项目名称\t村级公益事业建设奖补项目\n"
    # a finance bureau as 主管部门 of a transfer a township carried out
    assert agency(head + "主管部门\t某某县财政局\t实施单位\t某某县某某镇人民政府\n") == "某某县某某镇人民政府"
    # …but its own centre carrying out its project is the bureau's
    assert agency(head + "主管部门\t某某县财政局\t实施单位\t某某县财政局国库集中支付中心\n") == "某某县财政局"
    # the prose speaks as the 实施单位 (我院), not as the 主管部门
    form = "主管部门\t某某县卫生健康委员会\t实施单位\t某某县第二人民医院\n"
    assert agency("我院根据通知要求开展了绩效自评。\n" + head + form) == "某某县第二人民医院"
    school = "主管部门\t某某市某某区教育委员会\t实施单位\t某某市某某区实验小学\n"
    assert agency(head + school + "我校始建于1958年。\n") == "某某市某某区实验小学"     # 我校: a 小学 too
    assert agency(head + form) == "某某县卫生健康委员会"


def test_satisfaction_alone_is_a_level1_label_only_before_a_level2_label_and_a_name():
    project, _ = only_project("\n".join([
        "项目名称\t乡村文化活动经费",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标（50分）\t数量指标\t送戏下乡场次\t≥60场\t64场\t50\t50",
        "满意度（20分）\t服务对象满意度\t村民满意度\t≥90%\t93%\t20\t20",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "送戏下乡场次"), ("满意度", "服务对象满意度", "村民满意度")]
    # 满意度 as a 二级 under 效益, before a name our vocabulary also lists as a 二级, and its weight
    project, _ = only_project("\n".join([
        "项目名称\t乡村文化活动经费",
        "一级指标\t二级指标\t三级指标\t分值\t目标值\t实际值\t得分",
        "效益（20分）\t社会效益\t群众文化生活改善\t10\t有效改善\t有效改善\t10",
        "\t满意度\t服务对象满意度\t10\t≥90%\t93%\t10",
    ]))
    assert [(i.level1, i.level2, i.name) for i in project.indicators][-1] == ("效益", "满意度", "服务对象满意度")


def test_a_row_of_two_unlisted_level_labels_leaving_its_note_column_empty():
    report = parse_report("\n".join([
        "某县林业和草原局2023年度部门整体支出绩效自评表",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 备注",
        "产出 职责履行 完成营造林面积 ≥2万亩 2.1万亩 50 50",
        "效益 生态效益 森林覆盖率 ≥30% 30.4% 30 30",
        "满意度 社会公众满意度 社会公众满意度 ≥90% 92% 20 20",
    ]), "t.txt")
    last = report.projects[0].indicators[-1]
    assert (last.level1, last.level2, last.name, last.target, last.actual) == (
        "满意度", "社会公众满意度", "社会公众满意度", "≥90%", "92%")


def test_level1_labels_centred_in_their_groups_reach_the_rows_above_them():
    # what a PDF's centred 一级 labels leave in rows: the label on its group's middle row
    project, _ = only_project("\n".join([
        "项目名称\t城区路灯维护经费",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "\t数量指标\t路灯维护数量\t≥5000盏\t5120盏\t20\t20",
        "产出指标\t质量指标\t亮灯率\t≥98%\t98.6%\t20\t20",
        "\t时效指标\t故障修复时限\t≤48小时\t36小时\t10\t10",
        "\t社会效益指标\t夜间出行安全\t有效改善\t有效改善\t15\t15",
        "效益指标\t\t交通事故下降率\t≥5%\t6.2%\t15\t15",
        "\t可持续影响指标\t设施长效运行\t长期\t长期\t10\t10",
    ]))
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
        ("效益指标", "社会效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标")]


def test_a_scans_weight_and_score_read_one_character_apart_are_closed_up_when_one_cut_fits():
    from loaders.parse.characters import ocr_digits_fixed
    scan = "受益人数 工1 2 0 0人 1 2 3 6人 2 0 1 5\n资金拨付及时率 ^95% 已完成 1 0 1 0\n总分 1 0 0 9 5\n"
    fixed, _ = ocr_digits_fixed(scan)
    assert [line.split()[-2:] for line in fixed.split("\n")[:3]] == [["20", "15"], ["10", "10"], ["100", "95"]]
    # a row of three one-digit columns (分值 3 | 自评 3 | 复核 3) is not cut; nor a text that is no scan
    assert ocr_digits_fixed("受益人数 工1 2 0 0人 1 2 3 6人\n财务制度 3 3 3\n")[0].endswith("财务制度 3 3 3\n")
    assert ocr_digits_fixed("资金拨付及时率 95% 已完成 1 0 1 0")[0] == "资金拨付及时率 95% 已完成 1 0 1 0"


def test_level_labels_broken_in_a_scans_single_spaced_rows_join_their_pieces_on_the_next_line():
    report = parse_report("\n".join([
        "某县教育局2022年度学生资助项目支出绩效自评表",
        "项目名称 学生资助补助经费",
        "绩 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "效 产出指标 数量指标 受助学生人数 工1200人 1236人 50 50",
        "指 效益指标 社会效益 家庭负担减轻程度 有效减轻 有效减轻 30 30",
        "标 指标 因贫辍学人数 0人 0人 10 10",
        "满意度指 服务对象满 学生家长满意度 工90% 95% 10 10",
        "标 意度指标",
    ]), "t.txt")
    assert [(i.level1, i.level2, i.name) for i in report.projects[0].indicators] == [
        ("产出指标", "数量指标", "受助学生人数"), ("效益指标", "社会效益指标", "家庭负担减轻程度"),
        ("效益指标", "社会效益指标", "因贫辍学人数"), ("满意度指标", "服务对象满意度指标", "学生家长满意度")]


def test_a_scans_two_digit_weight_split_in_its_aligned_column_is_closed_up():
    from loaders.parse.characters import ocr_digits_fixed
    scan = ("产出指标 数量指标  改造户数          工45户        48户          1 5   15\n"
            "                   验收合格率        1OO%          100%          1 0    8     部分返工\n")
    lines = ocr_digits_fixed(scan)[0].split("\n")
    assert [line.split()[-2:] for line in lines[:1]] == [["15", "15"]]
    assert lines[1].split()[-3:] == ["10", "8", "部分返工"]
    # a weight below its score is no weight: left as printed
    assert "1 2   15" in ocr_digits_fixed("改造户数  工45户  48户  1 2   15\n")[0]


def test_label_words_cut_in_their_cells_leave_the_rows_levels_empty_and_its_name_is_read():
    report = parse_report("\n".join([
        "某县农业农村局2021年度农技推广项目支出绩效自评表",
        "项目名称 基层农技推广补助项目",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 培训农技人员 工200人 210人 45 45",
        "效益指标 社会效益指标 主推技术到位率 工95% 96% 45 45",
        "满意度   服务对象 服务对象满意度 工90% 95% 10 10",
        "指标     群众满",
    ]), "t.txt")
    last = report.projects[0].indicators[-1]
    assert (last.level1, last.level2, last.name, last.target, last.actual, last.weight, last.score) == (
        None, None, "服务对象满意度", "≥90%", "95%", 10.0, 10.0)


def test_a_label_piece_indented_under_its_label_on_the_next_line_completes_it():
    report = parse_report("\n".join([
        "某县农业农村局2021年度农技推广项目支出绩效自评表",
        "项目名称 基层农技推广补助项目",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 培训农技人员 工200人 210人 50 50",
        "效益指标 经济效益 示范主体技术到位率 工95% 96% 30 30",
        "         指标",
        "         可持续影 农技服务能力 持续提升 持续提升 20 20",
        "         响指标",
    ]), "t.txt")
    assert [(i.level2, i.name) for i in report.projects[0].indicators] == [
        ("数量指标", "培训农技人员"), ("经济效益指标", "示范主体技术到位率"), ("可持续影响指标", "农技服务能力")]


def test_a_prose_report_of_several_projects_in_parts_with_labelled_cells_and_named_lines():
    report = parse_report("\n".join([
        "某县卫生健康局2023年度部分项目支出绩效自评报告",
        "根据县财政局统一部署，我局选取两个项目开展绩效自评，情况报告如下。",
        "第一部分  基层医疗卫生机构设备购置项目",
        "一、资金情况",
        "该项目2023年年初预算600.00万元，调整后全年预算640.00万元，全年执行620.80万元，执行率97.00%。",
        "二、指标完成情况",
        "（一）产出指标",
        "　　·购置设备台数　目标值：≥120台　完成值：126台　权重：40　得分：40",
        "（二）满意度指标",
        "　　·患者满意度　目标值：≥90%　完成值：92%　权重：50　得分：50",
        "（三）预算执行率　权重：10　得分：9.7",
        "第二部分  村卫生室标准化建设项目",
        "一、资金情况",
        "本项目全年预算资金300万元，实际完成支出270万元，预算执行率为90%。",
        "二、指标完成情况",
        "标准化村卫生室数量：计划完成建设卫生室数量45个，实际完成43个，分值40分，得分36分。",
        "群众满意度：目标≥85%，实际90%，分值50分，得分50分。",
        "预算执行率：分值10分，得9分。",
    ]), "t.txt")
    first, second = report.projects
    assert (first.name, first.budget_full_year, first.executed, first.execution_weight, first.execution_score) == (
        "基层医疗卫生机构设备购置项目", 640.0, 620.8, 10.0, 9.7)
    assert [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in first.indicators] == [
        ("产出指标", "购置设备台数", "≥120台", "126台", 40.0, 40.0), ("满意度指标", "患者满意度", "≥90%", "92%", 50.0, 50.0)]
    assert (second.name, second.executed, second.execution_weight, second.execution_score) == (
        "村卫生室标准化建设项目", 270.0, 10.0, 9.0)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in second.indicators] == [
        ("标准化村卫生室数量", "45个", "43个", 40.0, 36.0), ("群众满意度", "≥85%", "90%", 50.0, 50.0)]


def test_a_filled_adjusted_target_is_the_years_target():
    project, warnings = only_project("\n".join([
        "项目名称\t社区卫生服务中心运行经费",
        "指标名称\t计量单位\t指标性质\t年初指标值\t调整指标值\t全年完成值\t得分系数（%）\t指标权重（分）\t指标得分（分）\t是否核心指标",
        "家庭医生签约人数\t人\t定量指标\t≥18000\t\t19262\t100%\t50\t50\t是",
        "老年人健康体检人数\t人\t定量指标\t≥6500\t≥6000\t6128\t100%\t50\t50\t是",
    ]))
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("家庭医生签约人数", "≥18000人", "19262"), ("老年人健康体检人数", "≥6000人", "6128")]


def test_a_level_labels_end_printed_in_the_next_rows_place_completes_it_for_both_rows():
    report = parse_report("\n".join([
        "某县司法局2022年度部门整体支出绩效自评表",
        "一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因分析及改进措施",
        "产出指标   数量指标   调解案件受理数   ≥1500件   1648件   20   20",
        "                      普法宣传活动   ≥60场   72场   20   20",
        "           质量指标   调解成功率   ≥95%   97.6%   20   20",
        "效益指标   社会效益   再犯罪率   ≤0.2%   0   10   10",
        "           指标       群众法治意识   明显提升   明显提升   10   10",
        "           可持续影响指标   公共法律服务体系   健全   健全   10   10",
        "总分                                       100   100",
    ]), "t.txt")
    assert [(i.level2, i.name) for i in report.projects[0].indicators][3:5] == [
        ("社会效益指标", "再犯罪率"), ("社会效益指标", "群众法治意识")]


def test_level_label_ends_on_lines_below_an_aligned_row_join_it():
    report = parse_report("\n".join([
        "某县教育局2019年度项目支出绩效自评表",
        "项目名称  学生营养改善计划",
        "    一级指标 二级指标  三级指标           年度指标值   实际完成值   分值  得分",
        "    产出指标 数量指标  受益学生人数        ≥5.2万人     5.31万人     50    50",
        "             可持续影  营养改善长效机制    逐步健全     逐步健全     30    30",
        "             响指标",
        "    满意度   服务对象  学生及家长满意度    ≥90%         93%          20    20",
        "    指标     满意度指",
        "             标",
    ]), "t.txt")
    assert [(i.level1, i.level2, i.name) for i in report.projects[0].indicators][1:] == [
        ("产出指标", "可持续影响指标", "营养改善长效机制"), ("满意度指标", "服务对象满意度指标", "学生及家长满意度")]


def test_ocr_glyphs_for_common_characters_in_a_scan():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("产岀指标 数畺指标 受益学生人数 工5.2万人 5.31万人 10 10")[0].startswith("产出指标 数量指标")
    assert ocr_digits_fixed("产岀指标 数畺指标 受益学生人数")[0] == "产岀指标 数畺指标 受益学生人数"   # no scan, as written


def test_a_unit_of_an_autonomous_county_mentioned_in_prose_keeps_its_whole_place_name():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines
    text = ("某某县2023年衔接推进乡村振兴补助资金项目绩效评价报告\n评价机构：某某会计师事务所\n"
            "项目主管部门为彭水苗族土家族自治县农业农村委员会，各乡镇为实施主体。\n")
    assert find_agency(TextIndex(split_lines(text)), third_party=True).value == "彭水苗族土家族自治县农业农村委员会"


def test_a_target_holding_several_columns_numbers_is_left_empty():
    project, warnings = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "满意度指标\t服务对象满意度指标\t家长满意度\t>=90%(百分比) 84%部分完成93.3310.00\t9.33\t10\t9.33",
        "产出指标\t时效指标\t完成时限\t2021年12月31日前\t2021年12月20日\t10\t10",
    ]))
    assert [(i.target, i.actual, i.score) for i in project.indicators] == [
        (None, None, None), ("2021年12月31日前", "2021年12月20日", 10.0)]
    assert any("几个数" in w for w in warnings)


def test_a_scans_aligned_cells_read_one_character_apart_are_closed_up():
    from loaders.parse.characters import ocr_digits_fixed
    scan = "\n".join([
        "项目资金  年度资金总额   8 5 . O O   85.00      7 9 . 6 0   10   9 3 . 6 5 %  9.36",
        "产出指标 数量指标 送戏下乡演出场次        工120场        1 2 6场       15    15",
        "总        分                                 100    99. 5",
    ])
    lines = ocr_digits_fixed(scan)[0].split("\n")
    assert lines[0].split()[2:] == ["85.00", "85.00", "79.60", "10", "93.65", "%", "9.36"]
    assert lines[1].split()[4] == "126场" and lines[2].split()[-1] == "99.5"
    assert all(len(a) == len(b) for a, b in zip(scan.split("\n"), lines))
    # single-spaced, a weight and a score beside a spaced decimal stay apart (88.41% 3 . 5 is read elsewhere)
    assert "6 4 3个小区" in ocr_digits_fixed("工5户 6 4 3个小区未落实")[0]


def test_a_review_of_a_units_self_evaluation_by_its_department():
    report = parse_report("\n".join([
        "某县农业农村局关于县农业技术推广中心2020年度项目支出绩效自评结果的复核报告",
        "县财政局：",
        "我局对所属二级单位县农业技术推广中心报送的项目绩效自评结果进行了复核，现将复核情况报告如下。",
        "二、复核结论",
        "县农业技术推广中心自评得分99.2分，经我局复核，调整为92.88分，复核等级为“优”。",
    ]), "t.txt")
    assert (report.evaluation_type, report.total_score) == ("department", 92.88)
    from loaders.parse.labels import header_field
    assert header_field("复核折算得分", "indicator") == "review_score"


def test_a_prose_value_with_a_bracketed_word_inside_and_a_category_is_no_name():
    from loaders.parse.narrative import stated_pairs
    (pair,) = stated_pairs("烈士纪念设施日常管护机制：年度目标健全，实际已建立由乡镇负责、村（社区）具体落实的日常管护制度。")
    assert pair.actual == "已建立由乡镇负责、村(社区)具体落实的日常管护制度"
    (pair,) = stated_pairs("受益户数，年度指标值1500户，实际完成1560户（2021年为1,388户），分值10分，得10分。")
    assert pair.actual == "1560户"     # (a bracketed note with a number ends the value)
    assert stated_pairs("2.质量指标。年度目标：项目（工程）验收合格率100%，实际完成100%。") == []   # a category, unnamed


def test_a_units_name_in_a_sites_breadcrumb_is_the_site_not_the_reporter():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines
    text = ("某某县人民政府网 > 政务公开 > 财政信息 > 绩效评价\n某某县2021年农村饮水工程财政重点绩效评价报告\n"
            "委托单位：某某县财政局\n评价机构：某某会计师事务所有限公司\n该工程由某某县水利局组织实施。\n")
    assert find_agency(TextIndex(split_lines(text)), third_party=True).value == "某某县水利局"


def test_two_digits_ocr_spaced_after_ocrs_own_sign_are_one_number():
    from loaders.parse.characters import ocr_digits_fixed
    assert ocr_digits_fixed("主汛期前完工率 6 工9 0% 83.3% 5.55")[0].split()[2] == "工90%"
    assert ocr_digits_fixed("救助对象满意度 工9 5% 97.5% 10 10")[0].split()[1] == "工95%"


def test_short_level_headers_over_rows_the_layout_reader_leaves_as_words():
    # 一级 / 二级 printed short, the rows not aligned under them: a 二级 our vocabulary lacks (满意度)
    # on a row's start is its label, and carries to the row under it
    project, _ = only_project("\n".join([
        "  一级  二级     三级指标          分值  指标值    实际完成值   得分",
        "  产出   数量指标    新建村级文化广场数      20  ≥12个      12个        20",
        "  效益  社会效益    群众文化活动参与人次    15  ≥3000人次    3420人次    15",
        "        满意度  参与群众满意度   10  ≥90%       93%        10",
        "                   演职人员满意度   5  ≥85%       88%        5",
    ]))
    assert rows(project)[2:] == [("效益", "满意度", "参与群众满意度", "≥90%", "93%", 10.0, 10.0),
                                 ("效益", "满意度", "演职人员满意度", "≥85%", "88%", 5.0, 5.0)]
    from loaders.parse.label_lines import short_level_headers_in_full
    assert short_level_headers_in_full(["二级公路改造  一级  120公里"]) == ["二级公路改造  一级  120公里"]


def test_a_satisfaction_word_on_its_own_line_before_a_name_ending_in_it_is_the_level2():
    project, _ = only_project("\n".join([
        "一级指标", "二级指标", "三级指标", "分值", "评分说明", "得分",
        "效益", "社会效益", "低保对象按时足额领取率", "8", "全年按月发放，得满分。", "8",
        "满意度", "低保对象满意度", "6", "抽样调查满意度91.5%，得满分。", "6",
    ]))
    assert [r[:3] for r in rows(project)] == [("效益", "社会效益", "低保对象按时足额领取率"), ("效益", "满意度", "低保对象满意度")]


def test_a_wide_name_column_under_a_centred_header_starts_in_the_gap_after_the_level2_column():
    # 三级指标 centred over a wide column: its cells (and their wrapped tails: 率, 次数) start left of
    # the header, nearer the narrow 二级指标 column's end than the header's start
    project, _ = only_project("\n".join([
        " 一级指标    二级指标         三级指标           分值    目标值      实际值       得分",
        "             项目立项    立项依据充分性            3        —          —          3",
        " 决策                    绩效目标合理性            3        —          —          2",
        "                         村级文化服务中心达标",
        "             产出数量                              5      ≥40个       42个         5",
        " 产出                    率",
        "                         流动图书车下乡服务",
        "                                                   5      ≥24次       20次         4",
        "                         次数",
    ]))
    assert [r[2:] for r in rows(project)][1:] == [("绩效目标合理性", None, None, 3.0, 2.0),
                                                 ("村级文化服务中心达标率", "≥40个", "42个", 5.0, 5.0),
                                                 ("流动图书车下乡服务次数", "≥24次", "20次", 5.0, 4.0)]
    assert rows(project)[2][:2] == ("产出", "产出数量")


def test_a_first_row_of_one_line_over_rows_centred_on_their_scores():
    # the first row fits its line; the rows under it wrap, their scores on the middle line
    project, _ = only_project("\n".join([
        "  一级指标   二级指标      三级指标                   年度指标值     实际完成值     分值     得分",
        "                           农村卫生厕所改造完成数     ≥1200户        1236户         10       10",
        "                           改厕后粪污无害化处理覆",
        "                                                      ≥85%           88.1%          10       10",
        "                           盖率",
        "  产出指标   数量指标      村庄生活垃圾收运处置体",
        "                                                      ≥95%           93.2%          10       9",
        "                           系覆盖行政村比例",
    ]))
    assert [r[2:] for r in rows(project)] == [
        ("农村卫生厕所改造完成数", "≥1200户", "1236户", 10.0, 10.0),
        ("改厕后粪污无害化处理覆盖率", "≥85%", "88.1%", 10.0, 10.0),
        ("村庄生活垃圾收运处置体系覆盖行政村比例", "≥95%", "93.2%", 10.0, 9.0)]


def test_amounts_ocr_spaced_with_their_decimals_in_prose():
    from loaders.parse.characters import ocr_digits_fixed
    fixed, _ = ocr_digits_fixed("截至年底实际支出1 3 1.8 2万元，执行率9 7 . 2 1%，全年预算数1 3 5 . 6万元。")
    assert "131.82万元" in fixed and "135.6万元" in fixed and len(fixed) == len("截至年底实际支出1 3 1.8 2万元，执行率9 7 . 2 1%，全年预算数1 3 5 . 6万元。")
    import re
    from loaders.parse.narrative import _NUM
    assert [m.group(1) for m in re.finditer(_NUM, "结余3.7 8万元，另支出2 6万元")] == []   # pieces are no amounts


def test_a_percent_whose_leading_digit_ocr_set_apart_is_one_number():
    from loaders.parse.characters import ocr_digits_fixed
    row = "质量指标 茶青抽检合格率 100% 1 00% 8 8"
    fixed, _ = ocr_digits_fixed(row)
    assert fixed.split()[2:] == ["100%", "100%", "8", "8"] and len(fixed) == len(row)
    assert ocr_digits_fixed("完成率 0.5% 1 0.5%")[0] == "完成率 0.5% 1 0.5%"     # 0.5% is a number of its own


def test_a_flattened_run_cut_into_numbered_pieces_leaves_its_last_rows_numbers_unsure():
    # a site cut the table's text into pieces (1、… 2、…): the last row's 10 | 10 runs on into the next piece
    project, warnings = only_project("\n".join([
        "一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "1、产出指标数量指标新建蓄水池数量≥40座42座1010农村供水保障人口≥1.5万人1.62万人10",
        "2、10质量指标工程验收合格率100%100%88",
    ]))
    assert rows(project)[1][2:] == ("农村供水保障人口", "≥1.5万人", "1.62万人", None, None)
    assert any("下一段" in w for w in warnings)


def test_numbers_on_lines_of_their_own_with_ocrs_o_or_a_spaced_decimal_tail():
    from loaders.parse.characters import ocr_digits_fixed
    scan = "建档率\n工90%\n1O\n1 O\n总分\n1OO\n9 2 .36\n2 0\n10 9"
    assert ocr_digits_fixed(scan)[0].split("\n") == ["建档率", "工90%", "10", "10 ", "总分", "100", "92.36  ", "2 0", "10 9"]


def test_a_line_opening_with_a_middle_dot_is_the_rest_of_the_cell_above():
    # one cell per line, cells that wrap (1250元/生 ⏎ ·年, 满意度 90% ⏎ 以上) among them
    project, _ = only_project("\n".join([
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "成本指标", "寄宿生生活补助标准", "1250元/生", "·年", "1250元/生", "·年", "10", "10",
        "满意度指标", "服务对象满意度指标", "住校生家长满意度", "满意度 90%", "以上", "93.5%", "10", "10",
        "总分", "100", "100",
    ]))
    assert rows(project)[0] == ("产出指标", "成本指标", "寄宿生生活补助标准", "1250元/生·年", "1250元/生·年", 10.0, 10.0)


def test_a_finance_bureaus_report_on_one_units_project_names_that_unit():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines
    titled = ("松岭县财政局关于县林业局2022年度森林防火项目绩效自评结果的复核报告\n"
              "县财政局对松岭县林业局报送的2022年度森林防火项目绩效自评结果进行了抽查复核。\n")
    assert find_agency(TextIndex(split_lines(titled)), third_party=True).value == "松岭县林业局"
    covered = ("松岭县财政局\n关于2021年度农村饮水安全项目重点绩效评价情况的报告\n\n"
               "县财政局委托某某咨询有限公司对县水利局实施的项目开展了重点绩效评价。\n"
               "该项目由松岭县水利局（以下简称“县水利局”）组织实施，惠及全县12个乡镇。\n")
    assert find_agency(TextIndex(split_lines(covered)), third_party=True).value == "松岭县水利局"


def test_a_departments_evaluation_of_one_project_is_a_project_report():
    report = parse_report("\n".join([
        "某某县农业农村局",
        "关于2022年度耕地地力保护补贴项目的部门绩效评价报告",
        "我局成立评价工作组，对县农业技术推广中心实施的耕地地力保护补贴项目开展了部门绩效评价。",
        "经评价，该项目综合得分91.5分，评价等级为“优”。",
    ]), "t.txt")
    assert (report.report_kind, report.evaluation_type) == ("project", "department")


def _at(*cells: tuple[int, str | None]) -> str:
    """A line of a -layout table: each text starting at its display column."""
    from loaders.parse.page_lines import display_width
    line = ""
    for column, text in cells:
        if text:
            line += " " * max(column - display_width(line), 1 if line else 0) + text
    return line


def test_a_layout_table_over_a_page_whose_labels_sit_at_the_break():
    # 效益指标 printed under the page's last row (its group goes on over the page), a footer one space from its
    # page mark, and 服务对象满 ⏎ … ⏎ 意度指标 around the last row after a blank line
    header = [_at((3, "一级"), (14, "二级"), (117, "偏差原因分析")),
              _at((26, "三级指标"), (53, "分值"), (63, "年度指标值"), (83, "实际完成值"), (103, "得分")),
              _at((3, "指标"), (14, "指标"), (117, "及改进措施")), ""]

    def row(name, weight, target, actual, score, level2=None, level1=None):
        return _at((3, level1), (14, level2), (26, name), (53, weight), (63, target), (83, actual), (103, score))
    report = parse_report("\n".join([
        "某某县农业农村局2022年度项目支出绩效自评表", "项目名称：2022年度农机购置补贴项目", "", *header,
        row("农机购置补贴受益农户数", "10", "≥850户", "872户", "10", "数量指标"),
        _at((3, "产出指标")),
        row("补贴对象核查准确率", "10", "100%", "100%", "10", "质量指标"), "",
        row("受益农户亩均节本增效", "15", "逐步增加", "明显增加", "15"),
        _at((14, "经济效益")),
        _at((3, "效益指标"), (14, "指标")), "",
        _at((101, "某某县农业农村局 第 1 页")),
        "\f  项目支出绩效自评表（续）", "", *header,
        row("农机作业服务能力", "15", "持续提升", "持续提升", "15", "可持续影响"),
        _at((14, "指标")), "",
        _at((14, "服务对象满")),
        row("受益农户满意度", "10", "≥95%", "97.3%", "10", None, "满意度指标"),
        _at((14, "意度指标")), "",
        _at((22, "总分"), (53, "100"), (103, "100")),
    ]), "t.txt")
    (project,) = report.projects
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "农机购置补贴受益农户数"), ("产出指标", "质量指标", "补贴对象核查准确率"),
        ("效益指标", "经济效益指标", "受益农户亩均节本增效"), ("效益指标", "可持续影响指标", "农机作业服务能力"),
        ("满意度指标", "服务对象满意度指标", "受益农户满意度")]


def test_an_ocr_spaced_value_keeps_its_sign_and_an_l_for_its_first_one():
    from loaders.parse.characters import ocr_digits_fixed
    row = "产出成本   运维成本控制       7      ≤5 6 0万元   5 4 2 .8 6万元  不超预算得满分   7"
    fixed = ocr_digits_fixed(row)[0]
    assert fixed.split()[3:5] == ["≤560万元", "542.86万元"] and len(fixed) == len(row)
    row = "产出数量   监控点位维护数量   10    工1 2 6 0个  l 2 8 6个    完成目标得满分   10"
    assert ocr_digits_fixed(row)[0].split()[3:5] == ["工1260个", "1286个"]
    assert ocr_digits_fixed("社会效益   破案起数   8   工3 0 0起   3 5 6起")[0].split()[3] == "工300起"


def test_a_report_addressed_to_the_bureau_that_commissioned_it_names_the_unit_evaluated():
    from loaders.parse.header import find_agency
    from loaders.parse.text import TextIndex, split_lines
    text = ("松岭县2019年度农村公路养护经费\n绩效评价报告\n\n松岭县财政局：\n"
            "    受贵局委托，我公司对松岭县交通运输局2019年度农村公路养护经费项目进行了绩效评价。\n"
            "    项目资金由松岭县财政局拨付。\n")
    assert find_agency(TextIndex(split_lines(text)), third_party=True).value == "松岭县交通运输局"


def test_a_criteria_column_under_a_centred_header_holding_spaced_numbers():
    # 评分标准 centred over a wide column whose text starts left of it and says 得 3 分: one cell, not a score
    project, _ = only_project("\n".join([
        '  一级指标    二级指标       三级指标        分值              评分标准                      得分         扣分说明',
        '',
        '                         建设依据充分性       3     项目建设符合国家法律法规、行业规划和        3',
        '                                                    相关政策，得 3 分；每发现一处不符扣 1',
        '              项目立项                              分。',
        '                         申报程序规范性       2     按规定程序申请设立、审批文件齐全，得       2',
        '                                                    2 分，否则酌情扣分。',
        '                         目标设定合理性       3     目标与实际工作内容相关、与预算相匹配，     2.5    部分目标与投入量不',
        '                                                    得 3 分，否则酌情扣分。                          匹配',
        '  决策（20    绩效目标',
        '  分）                   指标设置明确性       4     绩效指标细化、量化、可衡量，得 4 分；      2      指标未按任务类别细',
        '                                                    每有一项不可衡量扣 0.5 分。                      化，多项无法量化',
        '                         预算测算科学性       4     预算编制经论证，内容与项目匹配，得 4      3.5     未考虑建设实际进度',
        '              资金投入                              分，否则酌情扣分。',
        '                         资金分配合理性       4     资金分配依据充分，与实际需求相适应，       4',
        '                                                    得 4 分，否则酌情扣分。',
        '                         资金到位率           3     实际到位/计划到位×100%×分值。              3',
    ]))
    assert [r[2:] for r in rows(project)][2:5] == [("目标设定合理性", None, None, 3.0, 2.5), ("指标设置明确性", None, None, 4.0, 2.0),
                                               ("预算测算科学性", None, None, 4.0, 3.5)]
    assert [r[0] for r in rows(project)] == ["决策"] * 7


def test_a_round_score_ocr_spaced_after_the_criteria_words_is_one_number():
    from loaders.parse.characters import ocr_digits_fixed
    row = "产出数量   监控点位维护数量   1 0     工1260个     1286个    完成目标得满分           1 0"
    fixed = ocr_digits_fixed(row)[0]
    assert fixed.split()[-1] == "10" and len(fixed) == len(row)
    # a weight and a score one space apart after a value stay two cells
    assert ocr_digits_fixed("法律援助案件办结数  ^180件   203件     1 0   1 0")[0].endswith("1 0   1 0")
    assert ocr_digits_fixed("满意度   群众满意度   6   工9 0 %   8 7 .3 %   按比例计分   5 .6")[0].split()[3] == "工90"


def test_level1_points_regroup_rows_when_every_row_repeats_its_label():
    # a layout reader gave each row the nearest centred label (决策（10分）… 过程（10分）); their points decide
    project, _ = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "决策（10分）\t项目立项\t立项依据充分性\t3\t3",
        "决策（10分）\t\t绩效目标合理性\t3\t2",
        "决策（10分）\t资金投入\t预算编制科学性\t4\t4",
        "决策（10分）\t\t资金到位率\t4\t4",
        "过程（10分）\t资金管理\t资金使用合规性\t6\t5",
        "产出（20分）\t产出数量\t新建幼儿园数\t20\t15",
    ]))
    assert [(r[0], r[2]) for r in rows(project)][3:5] == [("过程", "资金到位率"), ("过程", "资金使用合规性")]


def test_a_prose_total_rounding_the_tables_is_the_tables():
    report = parse_report("\n".join([
        "某区绿化市容局2022年度项目支出绩效自评报告",
        "经对照年度绩效目标逐项打分，本项目2022年度绩效自评得分96.8分，自评等级为“优”。",
        "项目名称：2022年度行道树养护项目",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t行道树养护株数\t≥12000株\t12150株\t50\t50",
        "效益指标\t社会效益指标\t树木成活率\t≥98%\t97.2%\t50\t46.77",
        "总分\t\t\t\t\t100\t96.77",
    ]), "t.txt")
    assert report.total_score == 96.77


def test_a_budget_added_to_in_the_year_and_summed_and_a_time_limit_after_ocrs_dollar():
    from loaders.parse.narrative import stated_money
    found = stated_money(["县财政下达我镇2020年村级组织运转经费126.4万元，年中追加4.8万元，合计131.2万元，主要用于村干部报酬。"])
    assert found["budget_full_year"].value == 131.2
    from loaders.parse.indicators import ocr_number_fixed
    assert ocr_number_fixed("$48小时", "水毁路段抢通时间") == "≤48小时"


def test_rows_glued_to_the_next_rows_name_or_the_total_leave_their_numbers_empty():
    project, warnings = only_project(
        "项目支出绩效自评表 （2019年度） 项目名称 县级医院设备更新补助资金 主管部门 某某县卫生健康局 实施单位 某某县人民医院 "
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
        "产出指标 数量指标 新购医疗设备台数 ≥20台 22台 50 50"
        "满意度指标 服务对象满意度指标 门诊患者满意度 ≥90% 95% 25 25住院患者满意度 ≥90% 96.2% 25 22总分 100 97")
    (row,) = [r for r in rows(project) if r[2] == "门诊患者满意度"]
    assert row[5:] == (None, None)      # not the total's 100 | 97
    from loaders.parse.indicators import _holds_several_values
    assert _holds_several_values("10县域内就诊率≥90%") and not _holds_several_values("12月底前支出≥90%")
    assert _holds_several_values("8食堂从业人员流动较大18") and not _holds_several_values("3家医院")
    assert _holds_several_values("≥198.5万亩 198.5万亩") and not _holds_several_values("3 356人")
    assert _holds_several_values("≥38个38个") and not _holds_several_values("2023年12月")


def test_a_form_pasted_as_csv_lines_among_the_prose(tmp_path):
    from loaders.read import read_document
    path = tmp_path / "report.txt"
    path.write_text("\n".join([
        "某某县水务局2024年度项目支出绩效自评报告",
        "为了加强管理,提高效益,我局对照年初设定的绩效目标进行了自评,现报告如下。",
        "项目名称,农村供水工程维修养护资金,,,,,,,",
        "项目资金（元）,,年初预算数,全年预算数,全年执行数,分值,执行率(%),得分,",
        ',年度资金总额,"3,000,000.00","3,865,000.00","3,729,100.00",10,96.48,9.65,',
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施",
        ",产出指标,数量指标,维修养护工程数量,≥85宗,88宗,10,10,",
        "总分,,,,,,100,96.56,",
    ]), encoding="utf-8")
    lines = read_document(path).text.split("\n")
    assert lines[1].count(",") == 3      # prose keeps its commas
    assert lines[4].split("\t") == ["", "年度资金总额", "3,000,000.00", "3,865,000.00", "3,729,100.00", "10", "96.48", "9.65"]
    report = parse_report(read_document(path).text, "report.txt")
    assert (report.projects[0].executed, report.total_score) == (372.91, 96.56)


def test_a_sentence_about_one_funding_source_names_no_project_money():
    from loaders.parse.narrative import stated_money
    found = stated_money(["某县2020年农村公路提档升级工程补助资金绩效评价报告", "",
                          "2.县级配套资金支付滞后。县级配套资金4000万元，实际支出3345.63万元，执行率83.64%，影响整体预算执行。"])
    assert "executed" not in found and "execution_rate_pct" not in found
    found = stated_money(["某县2023年高标准农田建设县级配套资金绩效自评报告", "",
                          "县级配套资金年初预算2,400万元，截至12月31日累计支出2,136万元，预算执行率89%。"])
    assert (found["executed"].value, found["execution_rate_pct"].value) == (2136.0, 89.0)


def test_a_weight_printed_as_a_percent_beside_a_fractional_rate_is_no_rate():
    from loaders.parse.money import place_values
    warnings: list[str] = []
    placed = place_values(["320", "356.8", "348.3725", "10%", "0.976380325112108", "9.76"],
                          ["budget_initial", "budget_full_year", "executed", "execution_rate_pct", "execution_score"], warnings)
    assert "execution_rate_pct" not in placed and warnings
    # a rate alone (its amounts split by OCR) still reads
    placed = place_values(["4 8", "6", "5687.25", "5231.40", "91.98%"],
                          ["budget_initial", "budget_full_year", "executed", "execution_rate_pct"], [])
    assert placed["execution_rate_pct"] == "91.98%"


def test_ocrs_s_before_a_number_is_le():
    from loaders.parse.indicators import ocr_number_fixed
    assert ocr_number_fixed("S45元", "人均筛查补助标准") == "≤45元" and ocr_number_fixed("SDS检测", "x") == "SDS检测"


def test_a_row_slid_a_column_left_leaves_its_values_empty():
    project, warnings = only_project("\n".join([
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "效益指标\t生态效益指标\t其他垃圾减量率\t较上年下降≥3%下降3.6%\t15\t\t15",
        "产出指标\t数量指标\t示范小区创建数\t≥5个\t6个\t15\t15",
    ]))
    assert rows(project)[0][3:] == (None, None, None, None) and rows(project)[1][3:] == ("≥5个", "6个", 15.0, 15.0)


def test_an_actual_ocr_split_like_a_thousands_group_near_its_target():
    from loaders.parse.characters import ocr_digits_fixed
    row = "惠及居民户数 ≥3500户 3 672户 10 10 工5"
    fixed = ocr_digits_fixed(row)[0]
    assert fixed.split()[2] == "3672户" and len(fixed) == len(row)
    # a weight before an actual is no piece of it: 10200 is nowhere near the target
    assert ocr_digits_fixed("受益人数 ≥200人 10 200人 10 工5")[0].split()[2:4] == ["10", "200人"]


def test_levels_with_points_in_columns_of_their_own_regroup_rows_beside_centred_labels():
    """一级 | 分值 | 二级 | 分值 | 三级指标 | 分值 printed by pdftotext -layout: each label centred over its
    rows, sometimes on a line of its own beside the end of a wrapped 评分标准; the labels' points say
    which rows are theirs."""
    project, _ = only_project("\n".join([
        " 一级   分   二级         分   三级指标              分   评分标准                         得分",
        " 指标   值   指标         值                          值",
        "                                 目标依据充分性        6    依据充分、与职责匹配计满分，     6",
        "             目标管理     12                                 否则酌情扣分",
        "                                 目标细化量化程度      6    量化指标占比≥60%计满分           5",
        " 决策   20",
        "             资金投入     8      预算编制科学性        8    编制依据充分计满分               7",
        "                                 资金到位及时率        10   到位及时计满分                   10",
        "             资金管理     20     资金使用合规性        10   无违规计满分                     9",
        " 过程   30",
        "             组织实施     10     制度执行有效性        10   制度执行到位计满分               8",
        "                                 供水工程维修处数      15   完成计划计满分                   15",
        " 产出   30   履职产出     30",
        "                                 水质检测合格率        15   ≥95%计满分                       14",
        " 效益   20   履职效益     20     群众满意度            20   ≥90%计满分                       18",
        " 合计   100                                                                                  92",
    ]))
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "目标管理", "目标依据充分性", 6.0, 6.0),
        ("决策", "目标管理", "目标细化量化程度", 6.0, 5.0),
        ("决策", "资金投入", "预算编制科学性", 8.0, 7.0),
        ("过程", "资金管理", "资金到位及时率", 10.0, 10.0),
        ("过程", "资金管理", "资金使用合规性", 10.0, 9.0),
        ("过程", "组织实施", "制度执行有效性", 10.0, 8.0),
        ("产出", "履职产出", "供水工程维修处数", 15.0, 15.0),
        ("产出", "履职产出", "水质检测合格率", 15.0, 14.0),
        ("效益", "履职效益", "群众满意度", 20.0, 18.0),
    ]


def test_a_levels_points_column_is_said_in_its_labels_cell():
    from loaders.parse.label_lines import level_points_in_labels
    assert level_points_in_labels([
        "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分",
        "投入\t15\t预算配置\t15\t在职人员控制率\t15\t15",
        "\t\t\t\t重点支出保障率\t5\t4",
        "合计\t100\t\t\t\t\t94",
        "注：表中分值为满分。",
    ]) == [
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "投入（15分）\t预算配置（15分）\t在职人员控制率\t15\t15",
        "\t\t重点支出保障率\t5\t4",
        "合计\t100\t\t\t\t\t94",
        "注：表中分值为满分。",
    ]


def test_an_ocr_single_spaced_header_with_its_level_words_cut_reads_its_columns():
    """一级 二级 三级指标 … ⏎ 指标 指标 及改进措施: a scan's header, its cells apart by one space, the ends of
    its level words on the next line — the columns are the levels, not three more name columns."""
    project, _ = only_project("\n".join([
        "一级 二级 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析",
        "指标 指标 及改进措施",
        "产出 数量 新建污水管网长度 ≥12公里 12.6公里 20 20",
        "指标 指标",
        "效益 社会 污水收集处理率 ≥85% 88% 20 19",
        "指标 效益",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators][:2] == [
        ("新建污水管网长度", "≥12公里", "12.6公里", 20.0, 20.0),
        ("污水收集处理率", "≥85%", "88%", 20.0, 19.0),
    ]


def test_an_ocr_percent_actual_split_after_its_first_digit_near_its_target():
    from loaders.parse.characters import ocr_digits_fixed
    row = "群众满意度 工85% 8 7% 10 10"
    assert ocr_digits_fixed(row)[0].split()[1:3] == ["工85%", "87%"]
    # a small actual after a cap is no piece of a larger number: ≤5% 5 3% stays (53 is nowhere near 5)
    assert ocr_digits_fixed("事故发生率 工5% 5 3% 10 10")[0].split()[1:4] == ["工5%", "5", "3%"]


def test_a_full_score_rows_weight_ocr_split_before_its_equal_score():
    from loaders.parse.characters import spaced_points_joined
    assert spaced_points_joined("监督抽检批次  工1200批次  1236批次  1 5 15").split()[-2:] == ["15", "15"]
    # three equal points (分值 | 自评 | 复核) stay three, and a partial score is not guessed
    assert spaced_points_joined("机制运行 已完成 5 5 5").split()[-3:] == ["5", "5", "5"]
    assert spaced_points_joined("覆盖率 98% 1 2 10").split()[-3:] == ["1", "2", "10"]
    # and a full score split after its equal weight at the line's end
    assert spaced_points_joined("收集箱配置数量  ^120个  124个  10    1 0").split()[-2:] == ["10", "10"]
    assert spaced_points_joined("收集箱配置数量  ^120个  124个  10 1 5").split()[-3:] == ["10", "1", "5"]


def test_a_total_whose_points_ocr_split_into_three_digits():
    project, _ = only_project("\n".join([
        "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        "产出指标  数量指标  检测批次  ≥500批次  512批次  60  60",
        "满意度指标  服务对象满意度指标  群众满意度  ≥90%  88.6%  40  38.6",
        "总分                                          1 0 0  98.6",
    ]))
    assert project.total_score == 98.6


def test_a_total_printed_points_first_under_a_score_before_weight_header_keeps_its_order():
    """单项指标得分 | 权重占比 | 折算得分 (a Hebei form): 总分 100 97.40 — a score never exceeds its points."""
    from loaders.parse.indicators import IndicatorTable, _total_under_its_columns
    table = IndicatorTable(columns=["level1", "level2", "name", "target", "actual", "score", "weight", "scaled_score"])
    table.total = [100.0, 97.4]
    _total_under_its_columns(table, table.columns)
    assert table.total == [100.0, 97.4]
    table.total = [83.5, 100.0]
    _total_under_its_columns(table, table.columns)
    assert table.total == [100.0, 83.5]


def test_a_departments_report_on_evaluating_one_of_its_units_is_that_units_and_a_department_evaluation():
    report = parse_report("\n".join([
        "某某县农业农村局",
        "关于2022年度农机购置补贴资金项目绩效评价的报告",
        "县财政局：",
        "　　根据县财政局工作要求，我局组织评价工作组，对局属单位某某县农业机械化服务中心实施的2022年度农机购置补贴资金项目进行了绩效评价。现将评价情况报告如下：",
        "　　该项目经评价得分88.5分，评价等级为“良”。",
    ]), "example.txt")
    assert (report.agency, report.evaluation_type) == ("某某县农业机械化服务中心", "department")
    # a department that organised its units' self-evaluations evaluated nothing itself
    report = parse_report("\n".join([
        "某某县农业农村局",
        "关于2022年度项目支出绩效自评情况的报告",
        "　　我局对所属单位某某县农业机械化服务中心实施的农机购置补贴资金项目进行了绩效自评。",
    ]), "example.txt")
    assert (report.agency, report.evaluation_type) == ("某某县农业农村局", "self")


def test_a_unit_label_one_space_before_its_cell_gives_the_full_name_and_a_market_is_no_city():
    report = parse_report("\n".join([
        "某某县市场监督管理局2024年度项目支出绩效自评表",
        "项目名称 特种设备安全监察经费",
        "主管部门 某某蒙古族自治县市场监督管理局 实施单位 某某蒙古族自治县市场监督管理局",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 特种设备检验台次 ≥600台次 622台次 50 50",
    ]), "example.txt")
    assert (report.agency, report.region) == ("某某蒙古族自治县市场监督管理局", "某某蒙古族自治县")


def test_a_sites_banner_above_its_name_in_english_and_a_menu_of_spaced_items_is_no_unit():
    report = parse_report("\n".join([
        "某某自治旗人民政府",
        "Mouxx Autonomous Banner People's Government",
        "首页 政务公开 政务服务 政民互动",
        "关于2021年度局属单位项目支出绩效评价结果的通报",
        "来源：旗林草局　　发布时间：2022-06-18",
        "局属各单位：",
        "　　我局对局属单位2021年度实施的3个项目开展了部门评价。",
    ]), "example.txt")
    assert report.agency == "旗林草局"     # (the page's publisher, with a warning to check it)


def test_a_name_reaching_a_sliver_under_a_stacked_level_header_is_the_names():
    """一级 ⏎ 指标 joined into 一级指标 is printed wider than its column: a name starting a character
    before that header's end, under the gap to 三级指标, is the name's column, not the 二级's."""
    project, _ = only_project("\n".join([
        "    一级      二级                                    年度           实际",
        "    指标      指标           三级指标                 指标值         完成值        分值       得分",
        "",
        "                     新建村级文化活动室数量           ≥12个          12个           20         20",
        "             数量",
        "  产出指标   指标    送戏下乡场次                     ≥60场          64场           20         20",
        "",
        "             社会    群众文化活动参与人次             ≥3万人次       3.2万人次      30         30",
        "  效益指标   效益",
        "             指标",
    ]))
    assert [(i.level2, i.name, i.target) for i in project.indicators][:1] == [("数量指标", "新建村级文化活动室数量", "≥12个")]


def test_a_cited_notices_name_and_the_letters_addressee_are_no_part_of_the_title():
    report = parse_report("\n".join([
        "某某市林业局关于2022年度局属单位项目支出绩效评价结果的通报",
        "局属各单位：",
        "根据《某某市财政局关于开展2022年度市级预算部门整体绩效评价工作的通知》要求，我局对局属单位的3个项目开展了评价。",
        "序号  单位名称  项目名称  预算金额  实际支出  评价得分  评价等级",
        "1  某某市林业调查规划院  森林资源二类调查经费  80.00  78.60  92.5  优",
    ]), "example.txt")
    assert report.report_kind == "project"


def test_a_department_acting_as_the_supervisor_of_a_units_project_evaluated_it():
    report = parse_report("\n".join([
        "某某区文化广电旅游体育局关于区图书馆2023年度公共图书馆免费开放项目绩效评价报告",
        "　　我局作为主管部门，组织局计划财务科及外聘专家成立评价组，对项目开展了绩效评价。",
        "　　项目实施单位：某某市某某区图书馆",
    ]), "example.txt")
    assert report.evaluation_type == "department"
    report = parse_report("\n".join([
        "某某区文化广电旅游体育局2023年度项目支出绩效自评报告",
        "　　我局作为主管部门，组织所属单位开展了项目支出绩效自评。",
    ]), "example.txt")
    assert report.evaluation_type == "self"


def test_a_score_explanation_column_is_a_note_and_centred_labels_regroup_by_their_points():
    """得分说明 after 得分 (a department framework table in pdftotext -layout): a note column; 决策 ⏎ （10 分）
    centred over its rows gives them by its points."""
    project, _ = only_project("\n".join([
        "  一级指标    二级指标      三级指标                分值    得分      得分说明",
        "              目标设定      绩效目标合理性            5       4       目标与职能衔接不紧密",
        "  决策                      绩效指标明确性            5       5",
        "  （10 分）",
        "                            预算完成率                5       4.5     预算完成率 96.9%",
        "  过程        预算执行      支付进度率                5       5",
        "  （15 分）                 结转结余率                5       3       结转结余率 8.2%",
        "  产出        职责履行      重点工作办结率            10      9",
        "  （10 分）",
    ]))
    assert [(i.level1, i.name, i.weight, i.score) for i in project.indicators] == [
        ("决策", "绩效目标合理性", 5.0, 4.0), ("决策", "绩效指标明确性", 5.0, 5.0),
        ("过程", "预算完成率", 5.0, 4.5), ("过程", "支付进度率", 5.0, 5.0), ("过程", "结转结余率", 5.0, 3.0),
        ("产出", "重点工作办结率", 10.0, 9.0),
    ]


def test_rows_of_a_name_a_weight_and_a_score_alone_under_a_header_with_values_between():
    """分值 | 指标值 | 实际完成值 | 得分 with the 决策 rows leaving their values empty, the cells collapsed in a
    space layout: each line is a row (not a score read as the next row's target), and a 一级 label's
    points broken onto the next line are its points."""
    project, _ = only_project("\n".join([
        "一级指标 二级指标 三级指标 分值 指标值 实际完成值 得分",
        "决策 项目立项 立项依据充分性 4 4",
        "（12分） 立项程序规范性 2 1.5",
        "绩效目标 绩效目标合理性 3 2",
        "绩效指标明确性 3 2.5",
        "产出 产出数量 宣传活动场次 12 ≥20场 22场 12",
        "（12分）",
    ]))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("立项依据充分性", None, None, 4.0, 4.0), ("立项程序规范性", None, None, 2.0, 1.5),
        ("绩效目标合理性", None, None, 3.0, 2.0), ("绩效指标明确性", None, None, 3.0, 2.5),
        ("宣传活动场次", "≥20场", "22场", 12.0, 12.0),
    ]


def test_an_amount_added_to_the_budget_is_not_the_budget_and_a_rounded_prose_rate_yields_to_the_tables():
    report = parse_report("\n".join([
        "某县人民法院2022年度部门整体支出绩效自评报告",
        "2022年度年初预算数为2,312.60万元。年度执行中追加调整预算392.70万元，调整后全年预算数为2,705.30万元。",
        "全年实际支出2,610.44万元，预算执行率96.5%。",
        "表1\t部门预算执行情况表",
        "项目\t全年预算数\t全年执行数\t执行率",
        "合计\t2705.30\t2610.44\t96.49%",
    ]), "example.txt")
    assert (report.department_budget["budget"], report.department_budget["execution_rate_pct"]) == (2705.3, 96.49)


def test_a_prose_total_a_slip_away_from_the_tables_sum_is_the_tables():
    report = parse_report("\n".join([
        "某县气象局2021年度项目支出绩效自评报告",
        "经综合评价，该项目自评得分95.3分，等级为优。",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t人工增雨作业次数\t≥30次\t32次\t50\t50",
        "效益指标\t社会效益指标\t农业防灾减灾效果\t明显\t较明显\t50\t45.21",
        "合计\t\t\t\t\t100\t95.21",
    ]), "example.txt")
    assert report.total_score == 95.21 and any("95.3" in w for w in report.warnings)


def test_money_paid_over_to_the_unit_is_not_what_it_spent():
    from loaders.parse.narrative import stated_money
    found = stated_money(["某县2020年度县级储备粮管理费用补贴资金绩效评价报告", "",
                          "县财政预算安排补贴资金320万元，已拨付至县粮食和物资储备局320万元，资金到位率100%。",
                          "截至2020年12月31日，实际支出301.26万元。"])
    assert found["executed"].value == 301.26
    # a transfer is the spending when nothing else is said
    found = stated_money(["某县2020年度耕地地力保护补贴资金绩效自评报告", "", "全年已拨付补贴资金1,250万元。"])
    assert found["executed"].value == 1250.0


def test_a_departments_notice_to_its_units_lists_their_projects_and_its_attached_scoring_table_is_one_of_theirs():
    report = parse_report("\n".join([
        "某某市文化旅游局关于2023年度部门绩效评价结果的通报",
        "局属各单位：",
        "根据市财政局要求，市文化旅游局成立评价工作组，对局属单位2个项目开展了评价。现将结果通报如下：",
        "一、评价结果",
        "序号 单位名称 项目名称 预算数（万元） 执行数（万元） 执行率 评价得分 评价等级",
        "1 某某市群众艺术馆 公共文化服务体系建设经费 120.00 114.60 95.50% 91 优",
        "2 某某市博物馆 文物保护修缮经费 80.00 62.40 78.00% 76.5 中",
        "二、存在的主要问题",
        "（一）文物保护修缮经费执行偏慢。",
        "附件",
        "某某市群众艺术馆公共文化服务体系建设经费部门评价评分表",
        "一级指标 二级指标 三级指标 分值 目标值 实际完成值 得分",
        "产出 产出数量 举办公益文化活动场次 50 ≥40场 46场 50",
        "效益 社会效益 群众文化活动参与人次 50 ≥5万人次 4.6万人次 41",
        "合计 100 91",
    ]), "example.txt")
    assert (report.report_kind, report.evaluation_type) == ("project", "department")
    assert [(p.name, p.executed, len(p.indicators)) for p in report.projects] == [
        ("公共文化服务体系建设经费", 114.6, 2), ("文物保护修缮经费", 62.4, 0)]


def test_an_ocr_dollar_before_a_cost_rows_target_is_a_cap():
    from loaders.parse.indicators import ocr_number_fixed
    assert ocr_number_fixed("$1500元/人", "人均培训补贴标准", "成本指标") == "≤1500元/人"
    assert ocr_number_fixed("^95%", "验收合格率", "质量指标") == "≥95%"


def test_a_form_the_supervising_department_filled_as_its_evaluation_is_the_implementing_units():
    report = parse_report("\n".join([
        "2019年度项目支出绩效评价表（主管部门评价）",
        "评价单位（盖章）：某某市某某区文化和旅游局\t\t\t单位：万元",
        "项目名称\t群众文化活动补助资金",
        "主管部门\t某某市某某区文化和旅游局\t实施单位\t某某市某某区文化馆",
        "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t30\t36\t35.2\t10\t97.78%\t9.78",
    ]), "example.txt")
    assert (report.agency, report.evaluation_type) == ("某某市某某区文化馆", "department")


def test_a_departments_rate_saved_as_a_spreadsheets_fraction_is_a_percent_when_its_amounts_confirm_it():
    report = parse_report("\n".join([
        "某某县某某镇人民政府2024年度部门整体支出绩效自评表",
        "部门（单位）名称\t某某县某某镇人民政府",
        "年度预算执行情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t3100.00\t3600.00\t3420.00\t10\t0.95\t9.5",
    ]), "example.txt")
    assert report.department_budget["execution_rate_pct"] == 95.0


def test_a_header_printed_again_atop_the_next_page_is_no_part_of_the_last_row():
    report = parse_report("\n".join([
        "某某县人民医院设备购置项目绩效评价报告                     某某评字〔2023〕第12号",
        "",
        " 一级指标    二级指标      三级指标           分值    目标值            实际完成值        得分    扣分原因",
        "             项目立项      立项依据充分性      5                                          5",
        " 决策                      绩效目标合理性      5                                          4       目标未细化到",
        " （10分）                                                                                          年度",
        "                           制度执行有效性      5                                          3       设备验收记录不",
        "                                                                                                  全",
        "                                                                                   — 3 —",
        "\f某某县人民医院设备购置项目绩效评价报告                     某某评字〔2023〕第12号",
        "",
        " 一级指标    二级指标      三级指标           分值    目标值            实际完成值        得分    扣分原因",
        "             产出数量      维修设备数量        10      ≥40台             42台              10",
    ]), "example.txt")
    assert [(i.name, i.weight, i.score) for i in report.projects[0].indicators] == [
        ("立项依据充分性", 5.0, 5.0), ("绩效目标合理性", 5.0, 4.0), ("制度执行有效性", 5.0, 3.0), ("维修设备数量", 10.0, 10.0)]


def test_levels_printing_their_points_and_scores_in_single_spaced_cells_are_read_as_rows():
    """一级指标 分值 得分 二级指标 分值 得分 三级指标 分值 得分 评分依据, one space between cells (a Shandong
    department framework table in a report's text): each row opens with the levels it starts."""
    report = parse_report("\n".join([
        "某某区文化和旅游局2021年度部门整体支出绩效评价报告",
        "评价组按照部门整体支出绩效评价指标体系，对该局2021年度部门整体支出情况开展了评价，综合得分88分。评分情况如下，其中各项指标的评分依据均经评价组核实确认后列示于表中，供参考使用。",
        "一级指标 分值 得分 二级指标 分值 得分 三级指标 分值 得分 评分依据",
        "决策 20 16 目标设定 10 8 绩效目标合理性 5 4 目标与职责相符，但部分目标未细化到年度工作计划之中",
        "绩效指标明确性 5 4 部分指标以定性表述为主，扣1分",
        "预算编制 10 8 预算编制科学性 10 8 年中追加较多，扣2分",
        "产出 80 72 产出数量 80 72 文化惠民演出场次 80 72 完成90场，目标100场",
        "合计 100 88",
    ]), "example.txt")
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in report.projects[0].indicators] == [
        ("决策", "目标设定", "绩效目标合理性", 5.0, 4.0), ("决策", "目标设定", "绩效指标明确性", 5.0, 4.0),
        ("决策", "预算编制", "预算编制科学性", 10.0, 8.0), ("产出", "产出数量", "文化惠民演出场次", 80.0, 72.0)]


def test_a_row_of_a_name_and_two_numbers_one_space_apart_does_not_go_on_a_wrapped_sentence():
    from loaders.parse.page_lines import _continues_prose, _runs_to_the_width
    assert not _continues_prose("绩效指标明确性 3 2 部分指标以定性表述为主，扣1分")
    assert _continues_prose("年中追加预算较多，占年初预算的79.77%。")
    assert not _runs_to_the_width("决策 15 12 目标设定 6 4.5 绩效目标合理性 3 2.5 目标与职责相符但部分目标未细化到年度", 40)


def test_an_ocr_decimal_apart_after_its_point_ending_a_line_or_before_percent():
    from loaders.parse.characters import ocr_digits_fixed
    fixed = ocr_digits_fixed("满意度 工90% 93. 5% 10 10\n总分 100 95. 5")[0].split("\n")
    assert fixed[0].split()[2] == "93.5%" and fixed[1].split()[-1] == "95.5"
    # a point before a cell's gap in the middle of a row is another OCR's matter (598. 76 10 …): left here
    assert ocr_digits_fixed("满意度 工90% 93% 10 10\n资金总额 520 598. 76 10 97.9 5% 9.8")[0].split("\n")[1].split()[2] == "598."


def test_a_departments_notice_of_one_units_evaluation_names_that_unit():
    report = parse_report("\n".join([
        "某某县人力资源和社会保障局关于2024年度职业技能培训补贴项目部门评价结果的通报",
        "局属各单位、机关各股室：",
        "根据县财政局要求，我局组织评价工作组开展了评价。",
        "经评价，某某县就业服务中心2024年度职业技能培训补贴项目部门评价得分92.5分，评价等级为“优”。",
    ]), "example.txt")
    assert (report.agency, report.evaluation_type) == ("某某县就业服务中心", "department")


def test_one_level_printing_its_points_and_score_before_the_names_is_the_first_level():
    from loaders.parse.label_lines import scored_level_rows_as_tabs
    assert scored_level_rows_as_tabs([
        "一级指标 分值 得分 三级指标 分值 得分 评分依据",
        "决策 20 18 立项依据充分性 10 9 依据较充分",
        "绩效目标合理性 10 9 目标合理",
        "合计 100 90",
    ]) == ["一级指标\t三级指标\t分值\t得分\t评分依据", "决策（20分）\t立项依据充分性\t10\t9\t依据较充分",
           "\t绩效目标合理性\t10\t9\t目标合理", "合计 100 90"]
