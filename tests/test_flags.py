"""Every flag rule of mart_flags: fires on hand-made rows past its threshold, stays silent at it.

Each test builds a small database (schema.sql + rows), applies the views and reads
mart_flags. Thresholds are the national defaults of queries/rules/params.csv.
"""
from __future__ import annotations

import pytest

from loaders.views import apply_views
from tests.test_views_marts import (
    add_department, add_indicator, add_money_row, add_project, add_report, make_db, rows, scored_project,
)


@pytest.fixture
def con():
    db = make_db()
    yield db
    db.close()


def flags(con, rule_id: str) -> list[dict]:
    return rows(con, "select * from mart_flags where rule_id = ? order by report_id, project_id, indicator_id, "
                     "explanation", [rule_id])


def explanations(con, rule_id: str) -> list[str]:
    return [f["explanation"] for f in flags(con, rule_id)]


# ---------------------------------------------------------------- scores

def test_uniform_perfect_fires_only_when_every_indicator_is_full_and_total_is_100(con):
    add_report(con, "r1")
    scored_project(con, "r1", seq=1, name="宣传经费", total_score=100)
    scored_project(con, "r1", seq=2, name="差一分", total_score=100, scores=(20, 20, 20, 19, 10))
    scored_project(con, "r1", seq=3, name="总分99", total_score=99)
    apply_views(con)
    got = flags(con, "uniform_perfect")
    assert [f["project_id"] for f in got] == ["r1:1"]
    assert got[0]["explanation"] == "项目“宣传经费”全部5项指标均为满分，总分100分"
    assert got[0]["severity"] == "medium" and got[0]["rule_title"] == "全部满分"


def test_canned_actual_fires_on_stock_phrases_not_on_facts(con):
    add_report(con, "r1")
    p1 = add_project(con, "r1", 1, name="宣传经费")
    add_indicator(con, p1, 1, target="购买宣传材料", actual="完成指标", actual_label="完成")
    add_indicator(con, p1, 2, target="材料符合要求", actual="完成指标", actual_label="完成")
    add_indicator(con, p1, 3, target="≥200份", actual="发放宣传材料230份")
    p2 = add_project(con, "r1", 2, name="服务经费")
    add_indicator(con, p2, 1, target="购买宣传材料", actual="采购宣传册500份并全部发放")
    apply_views(con)
    got = flags(con, "canned_actual")
    assert [f["explanation"] for f in got] == [
        "项目“宣传经费”的3项指标中有2项实际完成值只写“完成指标”一类套话或照抄目标，不能作为完成证据"]
    assert got[0]["severity"] == "medium"


def test_one_canned_actual_among_many_is_low_severity(con):
    add_report(con, "r1")
    pid = add_project(con, "r1", 1, name="甲")
    add_indicator(con, pid, 1, target="逐步增强", actual="逐步增强")
    for seq in (2, 3, 4):
        add_indicator(con, pid, seq, target="≥100人", actual=f"{100 + seq}人")
    apply_views(con)
    assert [(f["severity"], f["metric_value"]) for f in flags(con, "canned_actual")] == [("low", 1.0)]


def test_score_above_money_fires_beyond_five_points(con):
    add_report(con, "r1")
    # indicator score ratio 100%; execution 94.9% → 5.1 points above; 95% → exactly 5, silent
    scored_project(con, "r1", seq=1, name="甲", budget_full_year=100, executed=94.9)
    scored_project(con, "r1", seq=2, name="乙", budget_full_year=100, executed=95)
    apply_views(con)
    assert explanations(con, "score_above_money") == ["项目“甲”指标得分率100%，比预算执行率94.9%高5.1个百分点"]


def add_satisfaction(con, pid, seq=1, *, actual=83.1, weight=10, score=10):
    return add_indicator(con, pid, seq, level1="满意度指标", level2="满意度指标", name="信访人满意度",
                         target="95%", target_value=95, target_unit="%",
                         actual=f"{actual}%", actual_value=actual, actual_unit="%", weight=weight, score=score)


def test_missed_target_full_marks(con):
    add_report(con, "r1")
    p1 = add_project(con, "r1", 1)
    add_satisfaction(con, p1, 1, score=10)
    add_satisfaction(con, p1, 2, score=8.75)
    add_satisfaction(con, p1, 3, actual=96, score=10)
    apply_views(con)
    got = flags(con, "missed_target_full_marks")
    assert [f["indicator_id"] for f in got] == ["r1:1:1"]
    assert got[0]["explanation"] == "“信访人满意度”实际83.1%，未达到目标95%，却得满分10分"
    assert got[0]["severity"] == "high"


def test_missed_target_top_grade_uses_the_report_grade_when_the_project_has_none(con):
    add_report(con, "r1", grade="优秀", total_score=95)
    p1 = add_project(con, "r1", 1, total_score=95)
    add_satisfaction(con, p1, 1, weight=None, score=None)
    add_report(con, "r2", grade="良好", total_score=85)
    p2 = add_project(con, "r2", 1, total_score=85)
    add_satisfaction(con, p2, 1, weight=None, score=None)
    add_report(con, "r3")
    p3 = add_project(con, "r3", 1, grade="优", total_score=92)
    add_satisfaction(con, p3, 1)
    add_satisfaction(con, p3, 2, actual=90)
    apply_views(con)
    assert explanations(con, "missed_target_top_grade") == [
        "信访人满意度实际83.1%，低于目标95%，但报告自评等级为优秀",
        "信访人满意度实际83.1%，低于目标95%，但项目自评等级为优（共2项指标未达目标）",
    ]


def test_weights_not_100_counts_the_execution_weight(con):
    add_report(con, "r1")
    scored_project(con, "r1", seq=1, name="一百一", weights=(20, 20, 20, 20, 10, 10), total_score=100)
    scored_project(con, "r1", seq=2, name="九十加十", weights=(30, 20, 20, 10, 10), total_score=100)
    scored_project(con, "r1", seq=3, name="无执行率行", weights=(30, 30, 20, 20), execution_weight=None,
                   execution_score=None, total_score=100)
    scored_project(con, "r1", seq=4, name="无执行率行九十", weights=(30, 30, 20, 10), execution_weight=None,
                   execution_score=None, total_score=100)
    scored_project(con, "r1", seq=5, name="无执行率行八十", weights=(30, 30, 10, 10), execution_weight=None,
                   execution_score=None, total_score=100)
    apply_views(con)
    assert explanations(con, "weights_not_100") == ["项目“一百一”指标分值合计100，加预算执行率分值10，共110，不等于100，印出的总分为100分",
                                                    "项目“无执行率行八十”指标分值合计80，既不是100也不是不含执行率的90，印出的总分为100分"]


def test_score_over_weight_on_indicators_and_the_execution_row(con):
    add_report(con, "r1")
    pid = add_project(con, "r1", 1, name="甲", execution_weight=10, execution_score=12)
    add_indicator(con, pid, 1, name="培训人数", weight=20, score=21)
    add_indicator(con, pid, 2, name="培训次数", weight=20, score=20)
    apply_views(con)
    assert explanations(con, "score_over_weight") == ["“培训人数”得分21分，超过该项分值20分",
                                                      "项目“甲”预算执行率得分12分，超过该项分值10分"]


def test_total_mismatch(con):
    add_report(con, "r1")
    scored_project(con, "r1", seq=1, name="对", weights=(30, 20, 20, 10, 10), total_score=100)
    scored_project(con, "r1", seq=2, name="错", weights=(30, 20, 20, 10, 10), total_score=95)
    # weights 100 + 10: the sum 110 ≠ 100 is told once, by weights_not_100
    scored_project(con, "r1", seq=3, name="一百一", weights=(30, 30, 20, 10, 10), total_score=100)
    apply_views(con)
    assert explanations(con, "total_mismatch") == ["项目“错”各项得分相加为100分（指标90 + 预算执行率10），印出的总分却是95分"]
    assert [f["project_id"] for f in flags(con, "weights_not_100")] == ["r1:3"]


@pytest.mark.parametrize("score, grade, fires", [(85, "优秀", True), (92, "优秀", False), (85, "良好", False),
                                                 (59, "中", True), (95, "火箭", False)])
def test_grade_band_mismatch_for_projects(con, score, grade, fires):
    add_report(con, "r1")
    add_project(con, "r1", 1, name="甲", total_score=score, grade=grade)
    apply_views(con)
    got = explanations(con, "grade_band_mismatch")
    assert bool(got) is fires
    if fires:
        assert got[0].startswith(f"项目“甲”总分{score}分，按分数段应为")


def test_grade_band_mismatch_for_reports(con):
    add_report(con, "r1", total_score=88, grade="优秀")
    add_report(con, "r2", total_score=95, grade="优秀")
    apply_views(con)
    got = flags(con, "grade_band_mismatch")
    assert [(f["report_id"], f["explanation"]) for f in got] == [("r1", "报告总分88分，按分数段应为“良”，印出的等级却是“优秀”")]


# ---------------------------------------------------------------- money

@pytest.mark.parametrize("initial, full_year, executed, printed, fires", [
    (5, 2.48, 2.48, 100, True),       # 丰台 信访工作经费: −50.4 % then 100 %
    (5, 4.1, 4.1, 100, False),        # −18 %: not a cut beyond 20 %
    (5, 2.48, 2.2, 88.71, False),     # cut, but not fully executed
])
def test_midyear_cut_full_execution(con, initial, full_year, executed, printed, fires):
    add_report(con, "r1")
    add_project(con, "r1", 1, name="信访工作经费", budget_initial=initial, budget_full_year=full_year,
                executed=executed, execution_rate_pct=printed)
    apply_views(con)
    got = explanations(con, "midyear_cut_full_execution")
    assert got == (["项目“信访工作经费”全年预算数由年初5万元调减至2.48万元（-50.4%），执行率却为100%"] if fires else [])


@pytest.mark.parametrize("executed, unspent, low", [(79, True, True), (80, False, False), (79.99, True, True), (80.01, False, False)])
def test_unspent_and_low_execution_thresholds(con, executed, unspent, low):
    add_report(con, "r1")
    add_project(con, "r1", 1, name="甲", budget_full_year=100, executed=executed)
    apply_views(con)
    assert bool(flags(con, "unspent_over_20pct")) is unspent
    assert bool(flags(con, "low_execution")) is low


def test_zero_budget_gives_no_rate_flags(con):
    # a 年度资金总额 row printed 0 / 0 / 0 with 执行率 0: the rate is undefined, not 0 %
    add_report(con, "r1")
    scored_project(con, "r1", seq=1, budget_initial=0, budget_full_year=0, executed=0, execution_rate_pct=0)
    apply_views(con)
    assert flags(con, "low_execution") == [] and flags(con, "score_above_money") == []


def test_low_execution_text(con):
    add_report(con, "r1")
    add_project(con, "r1", 1, name="甲", budget_full_year=100, executed=79)
    apply_views(con)
    assert explanations(con, "low_execution") == ["项目“甲”预算执行率79%，低于80%"]
    assert explanations(con, "unspent_over_20pct") == ["项目“甲”全年预算100万元，执行79万元，未执行比例21%，超过20%"]


@pytest.mark.parametrize("printed, fires", [(97.64, False), (97.6, False), (98, False), (97.8, True), (97.65, True),
                                            (99, True)])
def test_project_rate_mismatch_respects_printed_rounding(con, printed, fires):
    add_report(con, "r1")
    add_project(con, "r1", 1, budget_full_year=794.51, executed=775.77, execution_rate_pct=printed)
    apply_views(con)
    assert bool(flags(con, "rate_mismatch")) is fires


def test_department_carryover_rate_mismatch_names_the_matching_denominator(con):
    add_report(con, "d1", region="北京市丰台区")
    add_department(con, "d1", budget=794.51, executed=775.77, execution_rate_pct=97.64, carryover=24.68,
                   carryover_rate_pct=3.42, basic_expenditure=720.84, project_expenditure=54.93)
    add_report(con, "d2")
    add_department(con, "d2", budget=794.51, executed=775.77, carryover=24.68, carryover_rate_pct=3.11)
    apply_views(con)
    got = flags(con, "rate_mismatch")
    assert [f["report_id"] for f in got] == ["d1"]
    assert got[0]["explanation"] == ("结转结余率印为3.42%，按结转结余24.68万元÷支出预算数794.51万元计算为3.11%；"
                                     "印出的比率与按基本支出720.84万元计算的一致")


def test_department_components_mismatch(con):
    add_report(con, "d1")
    add_department(con, "d1", executed=494.51, basic_expenditure=360.87, project_expenditure=133.64,
                   personnel_expenditure=133.64, public_expenditure=19.02)
    add_report(con, "d2")
    add_department(con, "d2", budget=100, executed=90, carryover=10, basic_expenditure=60, project_expenditure=30,
                   personnel_expenditure=50, public_expenditure=10, basic_budget=70, project_budget=30)
    apply_views(con)
    got = flags(con, "components_mismatch")
    assert [(f["report_id"], f["explanation"]) for f in got] == [
        ("d1", "人员经费133.64万元 + 日常公用经费19.02万元 = 152.66万元，不等于基本支出360.87万元")]


def test_unspent_versus_carryover_is_a_low_severity_check(con):
    add_report(con, "d1")
    add_department(con, "d1", budget=794.51, executed=775.77, carryover=24.68)
    apply_views(con)
    got = flags(con, "components_mismatch")
    assert [(f["severity"], f["explanation"]) for f in got] == [
        ("low", "预算794.51万元 − 支出775.77万元 = 18.74万元，不等于结转结余24.68万元")]


def test_project_money_rows_components_mismatch(con):
    add_report(con, "r1")
    p1 = add_project(con, "r1", 1, name="甲")
    add_money_row(con, p1, 1, "年度资金总额", budget_full_year=10, executed=10)
    add_money_row(con, p1, 2, "其中：本年财政拨款", budget_full_year=6, executed=6)
    add_money_row(con, p1, 3, "上年结转资金", budget_full_year=4, executed=3)
    apply_views(con)
    assert explanations(con, "components_mismatch") == ["项目“甲”资金来源各分项的全年执行数相加为9万元，而“年度资金总额”为10万元"]


# ---------------------------------------------------------------- peers and years

def test_peer_outlier_robust_z(con):
    for i, executed in enumerate((95, 96, 97, 98, 96, 40)):
        add_report(con, f"r{i}", agency=f"单位{i}")
        add_project(con, f"r{i}", 1, budget_full_year=100, executed=executed)
    apply_views(con)
    got = flags(con, "peer_outlier")
    assert [f["agency"] for f in got] == ["单位5"]
    assert got[0]["explanation"].startswith("2024年预算执行率40%，同年6家单位的中位数为96%")
    assert got[0]["severity"] == "low"


def test_peer_outlier_needs_enough_peers(con):
    for i, executed in enumerate((95, 96, 97, 40)):
        add_report(con, f"r{i}", agency=f"单位{i}")
        add_project(con, f"r{i}", 1, budget_full_year=100, executed=executed)
    apply_views(con)
    assert flags(con, "peer_outlier") == []


@pytest.mark.parametrize("rate_2023, fires", [(60, True), (70, False)])
def test_yoy_jump_execution_rate(con, rate_2023, fires):
    add_report(con, "a", year=2023)
    add_project(con, "a", 1, budget_full_year=100, executed=rate_2023)
    add_report(con, "b", year=2024)
    add_project(con, "b", 1, budget_full_year=100, executed=95)
    apply_views(con)
    got = explanations(con, "yoy_jump")
    assert got == (["2024年预算执行率95%，比上年增加35个百分点，超过30个百分点"] if fires else [])


# ---------------------------------------------------------------- copies

def add_indicator_table(con, pid, actuals):
    for i, actual in enumerate(actuals, start=1):
        add_indicator(con, pid, i, name=f"指标{i}", target=f"目标{i}", actual=actual)


def test_copied_report_same_agency_other_year(con):
    same = [f"实际{i}" for i in range(6)]
    add_report(con, "y23", year=2023)
    add_indicator_table(con, add_project(con, "y23", 1), same)
    add_report(con, "y24", year=2024)
    add_indicator_table(con, add_project(con, "y24", 1), same)
    add_report(con, "y25", year=2025)
    add_indicator_table(con, add_project(con, "y25", 1), same[:3] + ["新1", "新2", "新3"])
    add_report(con, "other24", year=2024, agency="别的单位")
    add_indicator_table(con, add_project(con, "other24", 1), same)
    apply_views(con)
    got = flags(con, "copied_report")
    assert [(f["report_id"], f["metric_value"]) for f in got] == [("y24", 1.0)]
    assert got[0]["explanation"] == "2024年报告与2023年报告（y23.txt）内容相似度100%：6条指标、问题表述与金额中6条完全相同"


def test_reports_whose_agency_was_not_read_are_not_compared_as_one_agency(con):
    same = [f"实际{i}" for i in range(6)]
    for report_id, year in (("u23", 2023), ("u24", 2024)):
        add_report(con, report_id, year=year, agency=None, region=None)
        pid = add_project(con, report_id, 1, name="工作经费")
        add_indicator_table(con, pid, same)
        add_indicator_table(con, add_project(con, report_id, 2, name="服务经费"), same)
    apply_views(con)
    assert flags(con, "copied_report") == []
    assert flags(con, "duplicate_indicator_table") == []
    # they still count, in one bucket, in the agency marts
    assert rows(con, "select agency, count(*) as n from mart_agency_year group by agency") == [
        {"agency": "未识别单位", "n": 2}]


def test_copied_narrative_report_is_found_by_its_money_and_findings(con):
    from tests.test_views_marts import insert
    for report_id, year in (("n23", 2023), ("n24", 2024)):
        add_report(con, report_id, year=year)
        add_project(con, report_id, 1, name=f"{year}年信访维稳专项经费", budget_full_year=10, executed=10)
        add_department(con, report_id, budget=500, executed=480, carryover=20)
        for seq, text in enumerate(("绩效目标设置不够细化", "资金使用进度偏慢", "加强预算执行监控"), start=1):
            insert(con, "findings", {"report_id": report_id, "seq": seq, "kind": "problem", "text": text})
    apply_views(con)
    got = flags(con, "copied_report")
    assert [(f["report_id"], f["metric_value"]) for f in got] == [("n24", 1.0)]


def test_duplicate_indicator_table_within_an_agency_year(con):
    add_report(con, "r1")
    add_indicator_table(con, add_project(con, "r1", 1, name="工作经费"), ["完成", "完成", "完成"])
    add_indicator_table(con, add_project(con, "r1", 2, name="服务经费"), ["完成", "完成", "完成"])
    add_indicator_table(con, add_project(con, "r1", 3, name="购置经费"), ["完成", "完成", "部分完成"])
    apply_views(con)
    assert explanations(con, "duplicate_indicator_table") == [
        "项目“工作经费”的3行指标表与同年1个其他项目完全相同（服务经费）",
        "项目“服务经费”的3行指标表与同年1个其他项目完全相同（工作经费）",
    ]


def test_every_contract_rule_has_a_severity_and_title(con):
    from tests.test_views_contract import FLAG_RULE_IDS
    apply_views(con)
    got = rows(con, "select rule_id, severity, title from rule_flag_rules")
    assert sorted(r["rule_id"] for r in got) == sorted(FLAG_RULE_IDS)
    assert all(r["severity"] in ("high", "medium", "low") and r["title"] for r in got)


def test_peer_outlier_when_all_other_peers_are_identical(con):
    # MAD is 0 when most peers share one value: the mean absolute deviation stands in
    for i, executed in enumerate((100, 100, 100, 100, 100, 60)):
        add_report(con, f"r{i}", agency=f"单位{i}")
        add_project(con, f"r{i}", 1, budget_full_year=100, executed=executed)
    apply_views(con)
    assert [f["agency"] for f in flags(con, "peer_outlier")] == ["单位5"]
