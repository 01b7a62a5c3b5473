"""The rule set is data: queries/rules/*.csv loaded into rule_* tables; the most specific scope wins,
so a region or a year gets its own bands or thresholds without a code change."""
from __future__ import annotations

import csv
import shutil

import pytest

from loaders.rules import RULE_TABLES, RULES_DIR, load_rules, read_rule_file
from loaders.views import apply_views
from tests.test_views_marts import add_project, add_report, make_db, one, rows


@pytest.fixture
def con():
    db = make_db()
    yield db
    db.close()


@pytest.fixture
def rules_dir(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def append_rows(path, new_rows):
    with path.open(encoding="utf-8", newline="") as fh:
        fields = csv.DictReader(fh).fieldnames
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        for row in new_rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def test_national_defaults_are_loaded(con):
    counts = load_rules(con)
    assert set(counts) == {f"rule_{stem}" for stem in RULE_TABLES}
    bands = rows(con, "select band, lower_bound, lower_inclusive, upper_bound, upper_inclusive from rule_grade_bands "
                      "where scope_region = '*' order by band_rank")
    assert bands == [
        {"band": "优", "lower_bound": 90, "lower_inclusive": True, "upper_bound": 100, "upper_inclusive": True},
        {"band": "良", "lower_bound": 80, "lower_inclusive": True, "upper_bound": 90, "upper_inclusive": False},
        {"band": "中", "lower_bound": 60, "lower_inclusive": True, "upper_bound": 80, "upper_inclusive": False},
        {"band": "差", "lower_bound": 0, "lower_inclusive": True, "upper_bound": 60, "upper_inclusive": False},
    ]
    weights = one(con, "select sum(weight) as total from rule_default_weights where scope_region = '*'")
    assert weights["total"] == 100


def test_every_rule_file_reads_with_its_declared_columns():
    for stem, columns in RULE_TABLES.items():
        for row in read_rule_file(RULES_DIR / f"{stem}.csv", columns):
            assert len(row) == len(columns)


def test_missing_column_is_named(tmp_path):
    bad = tmp_path / "params.csv"
    bad.write_text("scope_region,param\n*,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="缺少列：scope_year, value"):
        read_rule_file(bad, RULE_TABLES["params"])


def test_a_region_band_table_replaces_the_national_one_only_there(con, rules_dir):
    append_rows(rules_dir / "grade_bands.csv", [
        dict(scope_region="河北省", band_rank=1, band="优秀", lower_bound=85, lower_inclusive="true",
             upper_bound=100, upper_inclusive="true"),
        dict(scope_region="河北省", band_rank=2, band="良好", lower_bound=75, lower_inclusive="true",
             upper_bound=85, upper_inclusive="false"),
        dict(scope_region="河北省", band_rank=3, band="一般", lower_bound=60, lower_inclusive="true",
             upper_bound=75, upper_inclusive="false"),
        dict(scope_region="河北省", band_rank=4, band="较差", lower_bound=0, lower_inclusive="true",
             upper_bound=60, upper_inclusive="false"),
    ])
    add_report(con, "hb", region="河北省石家庄市长安区", agency="长安区信访局")
    add_project(con, "hb", 1, total_score=86)
    add_report(con, "bj", region="北京市丰台区", agency="丰台区信访办")
    add_project(con, "bj", 1, total_score=86)
    apply_views(con, rules_dir=rules_dir)
    got = rows(con, "select report_id, grade_band from mart_project order by report_id")
    assert got == [{"report_id": "bj", "grade_band": "良"}, {"report_id": "hb", "grade_band": "优秀"}]
    hb_bands = rows(con, "select band from mart_score_distribution where agency = '长安区信访局' order by band_rank")
    assert [b["band"] for b in hb_bands] == ["优秀", "良好", "一般", "较差"]


def test_band_table_with_a_hole_leaves_the_score_unbanded(con, rules_dir):
    # 90/80/70 with a hole between 69 and 70 (seen in real reports): 69.5 falls in no band
    append_rows(rules_dir / "grade_bands.csv", [
        dict(scope_region="某省", band_rank=1, band="优", lower_bound=90, lower_inclusive="true", upper_bound=100,
             upper_inclusive="true"),
        dict(scope_region="某省", band_rank=2, band="良", lower_bound=80, lower_inclusive="true", upper_bound=89,
             upper_inclusive="true"),
        dict(scope_region="某省", band_rank=3, band="中", lower_bound=70, lower_inclusive="true", upper_bound=80,
             upper_inclusive="false"),
        dict(scope_region="某省", band_rank=4, band="差", lower_bound=0, lower_inclusive="true", upper_bound=69,
             upper_inclusive="true"),
    ])
    add_report(con, "r1", region="某省某县")
    add_project(con, "r1", 1, total_score=69.5)
    add_project(con, "r1", 2, total_score=69)
    apply_views(con, rules_dir=rules_dir)
    got = rows(con, "select seq, grade_band from mart_project order by seq")
    assert got == [{"seq": 1, "grade_band": None}, {"seq": 2, "grade_band": "差"}]


def test_year_and_region_specific_thresholds(con, rules_dir):
    append_rows(rules_dir / "params.csv", [
        dict(scope_region="*", scope_year=2023, param="low_execution_pct", value="90"),
        dict(scope_region="湖南省", param="low_execution_pct", value="70"),
        dict(scope_region="湖南省衡阳市", scope_year=2024, param="low_execution_pct", value="60"),
    ])
    add_report(con, "a", region="北京市丰台区", year=2023, agency="甲")
    add_report(con, "b", region="北京市丰台区", year=2024, agency="乙")
    add_report(con, "c", region="湖南省长沙市", year=2023, agency="丙")
    add_report(con, "d", region="湖南省衡阳市南岳区", year=2024, agency="丁")
    add_report(con, "e", region="湖南省衡阳市南岳区", year=2023, agency="戊")
    for report_id in "abcde":
        add_project(con, report_id, 1, budget_full_year=100, executed=85)
    apply_views(con, rules_dir=rules_dir)
    got = rows(con, "select region, year, low_execution_pct from int_scope_rules order by region, year")
    assert [(r["region"], r["year"], r["low_execution_pct"]) for r in got] == [
        ("北京市丰台区", 2023, 90), ("北京市丰台区", 2024, 80),
        ("湖南省衡阳市南岳区", 2023, 70), ("湖南省衡阳市南岳区", 2024, 60), ("湖南省长沙市", 2023, 70),
    ]
    flagged = rows(con, "select agency from mart_flags where rule_id = 'low_execution'")
    assert [f["agency"] for f in flagged] == ["甲"]        # 85 < 90 only under 2023's national override


def test_carryover_denominator_is_a_rule(con, rules_dir):
    from tests.test_views_marts import add_department
    append_rows(rules_dir / "params.csv", [dict(scope_region="北京市", param="carryover_denominator",
                                                value="basic_expenditure")])
    add_report(con, "d1", region="北京市丰台区")
    add_department(con, "d1", budget=794.51, executed=775.77, carryover=24.68, carryover_rate_pct=3.42,
                   basic_expenditure=720.84)
    apply_views(con, rules_dir=rules_dir)
    got = one(con, "select carryover_rate_pct_computed, carryover_denominator_label from mart_agency_year")
    assert got == {"carryover_rate_pct_computed": 3.42, "carryover_denominator_label": "基本支出"}
    assert rows(con, "select * from mart_flags where rule_id = 'rate_mismatch'") == []


def test_default_execution_weight_comes_from_the_weights_file(con, rules_dir):
    path = rules_dir / "default_weights.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("*,,预算执行率,10,", "*,,预算执行率,20,"),
                    encoding="utf-8")
    add_report(con, "r1")
    add_project(con, "r1", 1, budget_full_year=100, executed=50)
    apply_views(con, rules_dir=rules_dir)
    got = one(con, "select execution_weight_used, execution_score_computed, total_weight_expected from mart_project")
    assert got == {"execution_weight_used": 20, "execution_score_computed": 10, "total_weight_expected": 110}
