"""The five seed documents (../shared/corpus/seeds) loaded through the real reader, parser and loader:
the flags a human raises in their truth files appear in mart_flags, with the numbers."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import CORPUS_DIR, require

SEEDS = CORPUS_DIR / "seeds"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    require(SEEDS.is_dir(), f"../shared/corpus/seeds not found beside this clone ({SEEDS})")
    from loaders.load import load_paths

    db_path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = load_paths(sorted(SEEDS.glob("*.txt")), db_path, workers=1)
    assert summary.failed == 0 and summary.views_error is None, summary.line()
    con = duckdb.connect(str(db_path), read_only=True)
    yield con
    con.close()


def seed_flags(con, prefix: str, rule_id: str) -> list[tuple[str | None, str]]:
    return con.execute(
        "select subject, explanation from mart_flags where starts_with(file_name, ?) and rule_id = ? "
        "order by explanation", [prefix, rule_id]).fetchall()


@pytest.mark.corpus
def test_fengtai_five_uniformly_perfect_projects(seeds_db):
    got = seed_flags(seeds_db, "004_", "uniform_perfect")
    assert len(got) == 5
    assert all("均为满分，总分100分" in text for _, text in got)


@pytest.mark.corpus
def test_fengtai_canned_actuals(seeds_db):
    got = seed_flags(seeds_db, "004_", "canned_actual")
    assert len(got) >= 1
    assert any("“完成指标”" in text for _, text in got)


@pytest.mark.corpus
def test_fengtai_weights_sum_to_110(seeds_db):
    got = seed_flags(seeds_db, "004_", "weights_not_100")
    assert len(got) >= 1
    assert all("指标分值合计100，加预算执行率分值10，共110，不等于100" in text for _, text in got)


@pytest.mark.corpus
def test_fengtai_midyear_cut_then_full_execution(seeds_db):
    got = seed_flags(seeds_db, "004_", "midyear_cut_full_execution")
    assert [text for _, text in got] == [
        "项目“2024年度区信访办信访工作经费”全年预算数由年初5万元调减至2.48万元（-50.4%），执行率却为100%"]


@pytest.mark.corpus
def test_fengtai_carryover_rate_matches_basic_expenditure(seeds_db):
    got = [text for _, text in seed_flags(seeds_db, "004_", "rate_mismatch")]
    assert "结转结余率印为3.42%，按结转结余24.68万元÷支出预算数794.51万元计算为3.11%；印出的比率与按基本支出720.84万元计算的一致" in got


@pytest.mark.corpus
def test_fengtai_execution_rate_computed(seeds_db):
    row = seeds_db.execute(
        "select execution_rate_pct, execution_rate_pct_computed, carryover_rate_printed_basis from mart_agency_year "
        "where agency_key in (select agency_key from mart_project where starts_with(file_name, '004_'))").fetchall()
    assert row == [(97.64, 97.64, "基本支出")]


@pytest.mark.corpus
def test_nanyue_missed_target_top_grade(seeds_db):
    got = seed_flags(seeds_db, "001_", "missed_target_top_grade")
    assert [text for _, text in got] == ["信访人满意度实际83.1%，低于目标95%，但报告自评等级为优秀"]


@pytest.mark.corpus
def test_changan_components_mismatch(seeds_db):
    got = [text for _, text in seed_flags(seeds_db, "003_", "components_mismatch")]
    assert "人员经费133.64万元 + 日常公用经费19.02万元 = 152.66万元，不等于基本支出360.87万元" in got


@pytest.mark.corpus
def test_changan_executed_shown_without_a_budget(seeds_db):
    row = seeds_db.execute(
        "select budget, executed, budget_source from mart_agency_year "
        "where agency_key in (select agency_key from stg_reports where starts_with(file_name, '003_'))").fetchall()
    assert row == [(None, 494.51, "部门")]
