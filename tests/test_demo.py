"""perfdash demo: deterministic generation, honest truth JSON, planted anomalies, every format readable,
and the round trip generated document → project extractor → score against the generated truth."""
from __future__ import annotations

import functools
import importlib.util
import json
import re
from pathlib import Path

import pdfplumber
import pytest

from loaders.cli import main as cli_main
from loaders.demo import catalog, parse_years, write_documents
from loaders.demo.generate import generate
from loaders.demo.model import PLANTS, TXT_LAYOUTS
from loaders.demo.tables import fmt_number
from tests.conftest import ROOT, require

SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@functools.cache
def district(formats=("txt",), agencies=40, years=(2021, 2022, 2023, 2024), seed=7):
    """Generated once per argument set: several tests read the same district (never mutate it)."""
    return tuple(generate(agencies, list(years), seed=seed, formats=formats))


def squeeze(text: str) -> str:
    """Text with the layout removed: no white space, no pipes (the scorer's view of a cell)."""
    return re.sub(r"[\s|]", "", text)


# ---------------------------------------------------------------- determinism and CLI

def test_same_seed_writes_identical_files_and_another_seed_does_not(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        write_documents(generate(5, [2023, 2024], seed=seed, formats=("txt", "docx", "xlsx", "pdf")), tmp_path / name)
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert {f.rsplit(".", 1)[1] for f in files_a} == {"txt", "docx", "xlsx", "pdf", "json", "tsv"}
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)
    assert (tmp_path / "a" / "manifest.tsv").read_bytes() != (tmp_path / "c" / "manifest.tsv").read_bytes()


def test_cli_writes_reports_truth_and_manifest(tmp_path, capsys):
    code = cli_main(["demo", "--agencies", "5", "--years", "2023-2024", "--out", str(tmp_path), "--seed", "1"])
    assert code == 0
    reports = sorted(tmp_path.glob("*.txt"))
    assert reports and all(p.with_suffix(".json").exists() for p in reports)
    manifest = (tmp_path / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    assert len(manifest) == len(reports) + 1
    assert f"已生成 {len(reports)} 份报告" in capsys.readouterr().out


def test_cli_refuses_an_unknown_format_in_chinese(tmp_path, capsys):
    assert cli_main(["demo", "--out", str(tmp_path), "--formats", "txt,odt"]) == 2
    assert "不支持的格式：odt" in capsys.readouterr().err


def test_years_accept_a_range_or_a_list():
    assert parse_years("2021-2024") == [2021, 2022, 2023, 2024]
    assert parse_years("2022,2024") == [2022, 2024]


# ---------------------------------------------------------------- the district is realistic

def test_a_district_has_forty_units_across_sectors_and_realistic_money():
    docs = district()
    agencies = {d.report.agency for d in docs}
    sectors = {d.sector for d in docs}
    assert len(agencies) == 40
    assert {"教育", "卫健", "民政", "信访", "农业农村", "公安", "司法", "文旅", "交通", "水利"} <= sectors
    assert all(re.fullmatch(r"\S+(区|县)\S+", a) for a in agencies)
    budgets = sorted(p.budget_full_year for d in docs for p in d.report.projects)
    median = budgets[len(budgets) // 2]
    assert 20 < median < 1000                      # 万元: a county project, not 元 and not 亿元
    assert {d.report.report_kind for d in docs} == {"project", "department", "mixed"}
    assert set(TXT_LAYOUTS) <= {d.layout for d in docs}


def test_indicator_weights_follow_the_national_default():
    for doc in district(agencies=10, years=(2023,)):
        for project in doc.report.projects:
            if project.execution_weight is None:
                continue                            # narrative: no weights printed
            by_level = {}
            for ind in project.indicators:
                by_level[ind.level1] = by_level.get(ind.level1, 0) + ind.weight
            assert by_level == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
            assert project.execution_weight == 10


# ---------------------------------------------------------------- planted anomalies are real

def first_number(text: str | None) -> float | None:
    m = NUMBER.search((text or "").replace(",", ""))
    return float(m.group()) if m else None


def shows(plant: str, doc, by_stem) -> bool:
    """Evidence for a planted anomaly, read off the truth record alone."""
    r, projects = doc.report, doc.report.projects
    indicators = [i for p in projects for i in p.indicators]
    dept = r.department_budget or {}
    if plant == "always_100":
        return all(p.total_score == 100 for p in projects) and (r.total_score in (None, 100))
    if plant == "canned_actuals":
        return any(i.actual in catalog.CANNED_ACTUALS or i.actual == i.target for i in indicators)
    if plant == "missed_target_full_marks":
        return any(i.target.startswith("≥") and first_number(i.actual) is not None
                   and first_number(i.actual) < first_number(i.target) and i.score in (i.weight, None)
                   for i in indicators) and any(p.total_score >= 90 for p in projects)
    if plant == "midyear_cut_full_execution":
        return any(p.budget_initial and p.budget_full_year < 0.8 * p.budget_initial and p.execution_rate_pct == 100
                   for p in projects)
    if plant == "high_carryover":
        return dept["carryover_rate_pct"] > 20
    if plant == "sum_mismatch":
        return any(abs(sum(i.score for i in p.indicators) + p.execution_score - p.total_score) > 0.01
                   for p in projects)
    if plant == "rate_mismatch":
        return any(abs(p.executed / p.budget_full_year * 100 - p.execution_rate_pct) > 0.5 for p in projects)
    if plant == "components_mismatch":
        return abs(dept["basic_expenditure"] + dept["project_expenditure"] - dept["executed"]) > 0.01
    if plant == "copied_previous_year":
        source = by_stem[doc.copied_from].report
        return ([i.actual for p in source.projects for i in p.indicators] == [i.actual for i in indicators]
                and [p.executed for p in source.projects] == [p.executed for p in projects]
                and source.year == r.year - 1)
    raise AssertionError(plant)


def test_every_planted_anomaly_is_visible_in_the_truth_and_rates_are_realistic():
    docs = district()
    by_stem = {d.stem: d for d in docs}
    seen = {}
    for doc in docs:
        for plant in doc.plants:
            assert shows(plant, doc, by_stem), (doc.stem, plant)
            seen[plant] = seen.get(plant, 0) + 1
    assert set(seen) == set(PLANTS)                 # every kind shows up in one district
    planted_share = sum(1 for d in docs if d.plants) / len(docs)
    assert 0.2 < planted_share < 0.6, planted_share
    assert seen["copied_previous_year"] < 0.15 * len(docs)


def test_normal_reports_do_not_show_the_anomalies():
    docs = district()
    by_stem = {d.stem: d for d in docs}
    clean = [d for d in docs if not d.plants]
    for plant in ("midyear_cut_full_execution", "high_carryover", "components_mismatch", "rate_mismatch"):
        wrongly = [d.stem for d in clean if (d.report.department_budget or plant in ("midyear_cut_full_execution", "rate_mismatch"))
                   and shows(plant, d, by_stem)]
        assert not wrongly, (plant, wrongly[:3])


# ---------------------------------------------------------------- the truth is what the document states

def test_truth_json_is_the_format_contract(tmp_path):
    write_documents(generate(8, [2024], seed=2), tmp_path)
    for path in tmp_path.glob("*.json"):
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert truth["file"] == path.with_suffix(".txt").name
        assert {"agency", "region", "year", "report_kind", "evaluation_type", "total_score", "grade",
                "department_budget", "projects", "flags_a_human_would_raise", "notes"} <= set(truth)
        for project in truth["projects"]:
            rate = project["execution_rate_pct"]
            assert rate is None or rate > 1             # percent numbers, never fractions
            assert all(set(i) >= {"level1", "level2", "name", "target", "actual", "weight", "score"}
                       for i in project["indicators"])


@pytest.mark.parametrize("layout", TXT_LAYOUTS)
def test_txt_layout_states_every_truth_value(tmp_path, layout):
    docs = [d for d in district(agencies=20, years=(2023, 2024)) if d.layout == layout][:12]
    assert docs
    write_documents(docs, tmp_path)
    for doc in docs:
        text = squeeze((tmp_path / f"{doc.stem}.txt").read_text(encoding="utf-8"))
        assert squeeze(doc.report.agency) in text and f"{doc.report.year}年" in text
        for project in doc.report.projects:
            for ind in project.indicators:
                assert squeeze(ind.name) in text and squeeze(ind.target) in text and squeeze(ind.actual) in text
            if doc.style.money_unit == "万元":
                assert fmt_number(project.executed, doc.style.money_decimals) in text
        for value in (doc.report.department_budget or {}).values():
            assert fmt_number(value, doc.style.money_decimals) in text or fmt_number(value) in text


def test_a_yuan_table_prints_money_times_ten_thousand(tmp_path):
    doc = next(d for d in district(agencies=40) if d.style.money_unit == "元" and d.report.report_kind == "project")
    write_documents([doc], tmp_path)
    text = (tmp_path / f"{doc.stem}.txt").read_text(encoding="utf-8")
    assert "项目资金（元）" in text or "资金情况（元）" in text
    executed = doc.report.projects[0].executed
    assert f"{executed * 10000:.2f}" in text.replace(",", "")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_binary_formats_read_back_through_the_project_reader(tmp_path, fmt):
    from loaders.read import read_document

    docs = [d for d in district(formats=(fmt,), agencies=4, years=(2024,)) if d.fmt == fmt][:4]
    assert docs
    write_documents(docs, tmp_path)
    for doc in docs:
        text = squeeze(read_document(tmp_path / f"{doc.stem}.{fmt}").text)
        assert squeeze(doc.report.agency) in text
        for ind in doc.report.projects[0].indicators if doc.report.projects else []:
            assert squeeze(ind.name) in text and squeeze(ind.target) in text


def test_xlsx_keeps_an_equals_target_as_text_not_a_formula(tmp_path):
    from loaders.read import read_document

    doc = next(d for d in district(formats=("xlsx",), agencies=40, years=(2023, 2024), seed=11)
               if d.fmt == "xlsx" and any(i.target.startswith("=") for p in d.report.projects for i in p.indicators))
    write_documents([doc], tmp_path)
    target = next(i.target for p in doc.report.projects for i in p.indicators if i.target.startswith("="))
    assert target in read_document(tmp_path / f"{doc.stem}.xlsx").text


def test_pdf_text_layer_is_extractable_chinese(tmp_path):
    doc = next(d for d in district(formats=("pdf",), agencies=3, years=(2024,)) if d.report.report_kind == "project")
    write_documents([doc], tmp_path)
    with pdfplumber.open(tmp_path / f"{doc.stem}.pdf") as pdf:
        text = squeeze("".join(page.extract_text() or "" for page in pdf.pages))
        tables = [t for page in pdf.pages for t in page.extract_tables()]
    assert "项目支出绩效自评表" in text and squeeze(doc.report.agency) in text
    assert tables and any(squeeze(doc.report.projects[0].indicators[0].name) in squeeze(str(t)) for t in tables)


# ---------------------------------------------------------------- round trip through the extractor

def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extraction_f1(paths: list[Path]) -> float:
    from loaders.parse import parse_report
    from loaders.read import read_document

    scorer = load_scorer()
    total = scorer.Tally()
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        report = parse_report(read_document(path).text, path.name)
        for tally in scorer.score_doc(truth, report.to_json()).values():
            total.add(tally)
    return total.prf()[2]


# F1 measured at 12:30 on seed 11 (8 documents each): tab, pipe, docx, xlsx, pdf 1.000; cells 0.991;
# broken 0.856; narrative 0.855; flat 0.826. Floors sit a little below. Known gaps of the extractor at
# that time: indicators stated only in sentences (narrative), cells wrapped mid-word (broken), and
# run-together cells whose words have no separator (flat: "有效保障达到预期").
ROUND_TRIP_FLOORS = {
    ("txt", "tab"): 0.95, ("txt", "pipe"): 0.95, ("txt", "cells"): 0.95,
    ("txt", "broken"): 0.80, ("txt", "narrative"): 0.80, ("txt", "flat"): 0.75,
    ("docx", "table"): 0.95, ("xlsx", "table"): 0.95, ("pdf", "table"): 0.95,
}


@pytest.mark.parametrize("fmt,layout", sorted(ROUND_TRIP_FLOORS))
def test_round_trip_extraction_f1_per_format_and_layout(tmp_path, fmt, layout):
    require(SCORER.exists(), f"../shared/tools/score_extraction.py not found ({SCORER})")
    docs = [d for d in district(formats=(fmt,), agencies=16, years=(2023, 2024), seed=11)
            if d.fmt == fmt and d.layout == layout][:8]
    assert docs
    write_documents(docs, tmp_path)
    f1 = extraction_f1([tmp_path / f"{d.stem}.{fmt}" for d in docs])
    print(f"round trip {fmt}/{layout}: F1={f1:.3f} over {len(docs)} documents")
    assert f1 >= ROUND_TRIP_FLOORS[(fmt, layout)]


# ---------------------------------------------------------------- the bundled data set

def test_bundled_demo_data_is_what_its_readme_command_makes(tmp_path):
    bundled = ROOT / "data" / "demo"
    readme = (bundled / "README.rst").read_text(encoding="utf-8")
    command = re.search(r"`uv run perfdash (demo [^`]+) --out data/demo`", readme).group(1).split()
    assert cli_main([*command, "--out", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in bundled.iterdir() if p.name != "README.rst")
    assert all((tmp_path / f).read_bytes() == (bundled / f).read_bytes() for f in made)
    assert sum(p.stat().st_size for p in bundled.iterdir()) < 6_000_000      # a few MB in git, no more


# ---------------------------------------------------------------- the benchmark's own pieces

def test_truth_records_rebuild_the_generated_report():
    from bench.truth_load import report_from_truth

    for doc in district(agencies=6, years=(2024,)):
        truth = doc.truth_json()
        rebuilt = report_from_truth(truth).to_json()
        assert rebuilt == {k: v for k, v in truth.items() if k not in ("flags_a_human_would_raise", "notes")}


def test_pandas_baseline_computes_the_same_numbers_as_duckdb(tmp_path, monkeypatch):
    from bench import baseline
    from bench.truth_load import TRUTH_DIR_ENV, parse_with_truth
    from loaders.load import load_paths

    folder = tmp_path / "reports"
    write_documents(district(agencies=12, years=(2023, 2024)), folder)
    monkeypatch.setenv(TRUTH_DIR_ENV, str(folder))
    summary = load_paths([folder], tmp_path / "b.duckdb", workers=1, parse=parse_with_truth)
    assert not [r for r in summary.results if r.status == "failed"]
    region = district(agencies=12, years=(2023, 2024))[0].report.region
    result = baseline.compare(str(tmp_path / "b.duckdb"), 2024, region)
    assert set(result["aggregations"]) == {"agency_year", "score_bands", "indicator_categories", "department_carryover"}
    for name, row in result["aggregations"].items():
        assert row["same"] and row["rows"] > 0, name


def test_benchmark_table_marks_targets_met_and_missed(tmp_path):
    from bench.report import write_markdown

    run = {"size": 100000, "parser": "truth", "reports": 100000, "db_projects": 96000, "db_indicators": 700000,
           "load_failed": 0, "load_s": 400.0, "mart_ms": {"mart_project (筛选后全部行)": 30.0},
           "dashboard_ms": {"kpis": 75.0}, "render": {"first_s": 9.0, "max_page_s": 1.5, "pages": {"overview": 1.5}},
           "load_peak_tree_mb": 900.0, "load_peak_process_mb": 600.0, "bench_process_mb": 300.0, "db_mb": 700.0,
           "baseline": {}, "commit": "abc", "run_at": "now", "filter": {"year": 2024, "region": "x"},
           "generate_s": 1.0, "bytes": 1}
    out = tmp_path / "b.md"
    write_markdown({"machine": {"cores": "2"}, "sizes": {"100000-truth": run}}, out)
    row = next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| 100,000 | truth"))
    assert "| 250 ✅ |" in row and "| 30.0 ✅ |" in row and "| 75.0 ❌ |" in row and "1.50 ✅" in row
