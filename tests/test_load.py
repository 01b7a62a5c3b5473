"""`perfdash load`: records into DuckDB — rows, idempotence, replacement, bad input, bulk path.

Until the real parser (loaders.parse.parse_report) reads everything, most tests load
small made-up reports in a `键：值` format through `fake_parse_report`, passed to
load_paths(parse=...). It lives at module level so worker processes can import it.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders.cli import main as perfdash
from loaders.db import connect_reader, ensure_schema, forget_readers
from loaders.load import ReportMeta, build_rows, discover_files, load_paths, load_report
from loaders.records import Finding, Indicator, MoneyRow, Project, Report

BAD_DIR = Path(__file__).parent / "data" / "bad"


def fake_parse_report(text: str, file_name: str) -> Report:
    """Reads the made-up test reports below; every value keeps its line as provenance."""
    report = Report(file=file_name)
    project = None
    for no, line in enumerate(text.split("\n"), start=1):
        key, sep, value = line.partition("：")
        if not sep:
            continue
        span = (no, no)
        if key in ("单位", "地区", "等级"):
            attr = {"单位": "agency", "地区": "region", "等级": "grade"}[key]
            setattr(report, attr, value)
            report.provenance[attr] = span
        elif key == "年度":
            report.year = int(value) if value.isdigit() else value   # a bad year reaches the database
            report.provenance["year"] = span
        elif key == "总分":
            report.total_score = float(value)
            report.provenance["total_score"] = span
        elif key == "预算":
            report.department_budget = {"budget": float(value)}
            report.provenance["department_budget.budget"] = span
        elif key == "项目":
            project = Project(name=value, provenance={"name": span})
            report.projects.append(project)
        elif key == "资金":
            label, initial, full, executed = value.split("|")
            project.money_rows.append(MoneyRow(label, float(initial), float(full), float(executed), span=span))
            project.budget_initial, project.budget_full_year, project.executed = (
                float(initial), float(full), float(executed))
        elif key == "指标":
            l1, l2, name, target, actual, weight, score = value.split("|")
            project.indicators.append(Indicator(l1, l2, name, target, actual, float(weight), float(score),
                                                provenance={"target": span, "actual": span}))
        elif key == "问题":
            report.findings.append(Finding("problem", value, span))
        elif key == "解析器崩溃":
            raise RuntimeError("测试用的解析器错误")
        elif key == "进程崩溃" and multiprocessing.parent_process() is not None:
            os._exit(3)   # a reader dying in C code; never in the test process itself
    return report


def sample_text(agency: str = "北京市丰台区信访办公室", year: str = "2024", score: str = "95",
                extra: str = "") -> str:
    return (
        f"{agency}\n{year}年度项目支出绩效自评报告\n"
        f"单位：{agency}\n地区：北京市丰台区\n年度：{year}\n总分：{score}\n等级：优秀\n预算：794.51\n"
        "项目：信访宣传项目\n资金：年度资金总额|4|4|3.9\n"
        "指标：产出指标|数量指标|宣传材料发放|≥95%|98%|20|20\n"
        "指标：效益指标|社会效益指标|群众满意度|满意度90%以上|完成指标|10|9.5\n"
        f"问题：宣传覆盖面不足，资金万元执行率偏低\n{extra}"
    )


def write_reports(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"r{i:04d}.txt"
        path.write_text(sample_text(agency=f"北京市丰台区第{i}办公室", score=str(80 + i % 20)), encoding="utf-8")
        paths.append(path)
    return paths


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    return connect_reader(db).execute(sql, params or []).fetchall()


@pytest.fixture(autouse=True)
def _fresh_readers():
    yield
    forget_readers()


# ── load_report: one Report object → rows ─────────────────────────────────────

def handmade_report() -> Report:
    ind = Indicator("产出指标", "时效指标", "信访事项受理", "8小时内", "达成预期指标", 10, 10,
                    provenance={"target": (3, 3)})
    project = Project(name="信访宣传项目", budget_initial=4, budget_full_year=4, executed=4,
                      execution_rate_pct=100, execution_weight=10, execution_score=10, total_score=100,
                      indicators=[ind], money_rows=[MoneyRow("年度资金总额", 4, 4, 4, 100, 10, 10, span=(2, 2))],
                      provenance={"executed": (2, 2)})
    return Report(file="a.txt", agency="北京市丰台区信访办公室", region="北京市丰台区", year=2024,
                  report_kind="project", evaluation_type="self", total_score=95, grade="优秀",
                  department_budget={"budget": 794.51, "executed": 775.77},
                  projects=[project], findings=[Finding("measure", "加强宣传", (4, 4))],
                  provenance={"agency": (1, 1), "department_budget.budget": (2, 2)})


def test_load_report_writes_every_table():
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    lines = ["北京市丰台区信访办公室", "年度资金总额 4 4 4 100% 10 10", "信访事项受理 8小时内 达成预期指标", "改进措施：加强宣传"]
    rid = load_report(con, handmade_report(), ReportMeta("/in/a.txt", "abc123", lines=lines))
    assert rid == "abc123"
    assert con.execute("select agency, year, total_score, grade, file_name, n_lines from reports").fetchall() == [
        ("北京市丰台区信访办公室", 2024, 95.0, "优秀", "a.txt", 4)]
    assert con.execute("select budget, executed, carryover from department_budgets").fetchall() == [
        (794.51, 775.77, None)]
    assert con.execute("select project_id, seq, executed, execution_rate_pct from projects").fetchall() == [
        ("abc123:1", 1, 4.0, 100.0)]
    assert con.execute("select label, executed, line_start from money_rows").fetchall() == [("年度资金总额", 4.0, 2)]
    assert con.execute("select indicator_id, target, target_op, target_value, target_unit, actual_label "
                       "from indicators").fetchall() == [("abc123:1:1", "8小时内", "<=", 8.0, "小时", "达成预期指标")]
    assert con.execute("select kind, text from findings").fetchall() == [("measure", "加强宣传")]
    prov = dict(((e, f), s) for e, f, s in con.execute("select entity, field, snippet from provenance").fetchall())
    assert prov[("report", "agency")] == "北京市丰台区信访办公室"
    assert prov[("department", "budget")] == "年度资金总额 4 4 4 100% 10 10"
    assert prov[("indicator", "target")] == "信访事项受理 8小时内 达成预期指标"
    # the agency was registered and linked
    assert con.execute("select a.canonical_name from reports r join agencies a using (agency_id)").fetchall() == [
        ("北京市丰台区信访办公室",)]


def test_load_report_again_replaces_instead_of_duplicating():
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    meta = ReportMeta("/in/a.txt", "abc123", lines=["x"] * 4)
    load_report(con, handmade_report(), meta)
    load_report(con, handmade_report(), meta)
    assert con.execute("select count(*) from indicators").fetchall() == [(1,)]
    assert con.execute("select count(*) from provenance").fetchall()[0][0] == len(
        build_rows(handmade_report(), meta)[0]["provenance"])


def test_provenance_span_outside_the_text_keeps_lines_but_no_snippet():
    report = handmade_report()
    report.provenance["grade"] = (90, 91)
    built, _ = build_rows(report, ReportMeta("/in/a.txt", "h", lines=["only line"]))
    (row,) = [r for r in built["provenance"] if r[3] == "grade"]
    assert row[4:] == (90, 91, None)


# ── load_paths: files → database, idempotent ─────────────────────────────────

def test_load_then_reload_is_unchanged(tmp_path):
    files = write_reports(tmp_path / "in", 3)
    db = tmp_path / "p.duckdb"
    first = load_paths([tmp_path / "in"], db, workers=1, parse=fake_parse_report)
    assert (first.loaded, first.unchanged, first.failed) == (3, 0, 0)
    before = rows(db, "select report_id, loaded_at from reports order by 1")
    assert {r[0] for r in before} == {hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    second = load_paths([tmp_path / "in"], db, workers=1, parse=fake_parse_report)
    assert second.line() == "0 loaded, 3 unchanged, 0 failed"
    assert rows(db, "select report_id, loaded_at from reports order by 1") == before
    assert rows(db, "select count(*) from indicators") == [(6,)]
    assert rows(db, "select status, count(*) from load_log group by 1 order by 1") == [
        ("loaded", 3), ("unchanged", 3)]


def test_changed_file_replaces_only_its_own_rows(tmp_path):
    files = write_reports(tmp_path / "in", 3)
    db = tmp_path / "p.duckdb"
    load_paths(files, db, workers=1, parse=fake_parse_report)
    old_id = hashlib.sha256(files[1].read_bytes()).hexdigest()
    files[1].write_text(sample_text(agency="北京市丰台区第1办公室", score="61"), encoding="utf-8")
    summary = load_paths(files, db, workers=1, parse=fake_parse_report)
    assert summary.line() == "1 loaded, 2 unchanged, 0 failed"
    assert [r.status for r in summary.results] == ["unchanged", "replaced", "unchanged"]
    assert rows(db, "select count(*) from reports where report_id = ?", [old_id]) == [(0,)]
    assert rows(db, "select count(*) from projects where report_id = ?", [old_id]) == [(0,)]
    assert rows(db, "select total_score from reports where file_path = ?", [str(files[1].resolve())]) == [(61.0,)]
    assert rows(db, "select count(*) from reports") == [(3,)]
    assert rows(db, "select count(*) from indicators") == [(6,)]
    assert rows(db, "select count(*) from money_rows") == [(3,)]


def test_same_content_twice_is_stored_once(tmp_path):
    (a,) = write_reports(tmp_path / "in", 1)
    shutil.copy(a, tmp_path / "in" / "copy.txt")
    summary = load_paths([tmp_path / "in"], tmp_path / "p.duckdb", workers=1, parse=fake_parse_report)
    assert summary.line() == "1 loaded, 1 unchanged, 0 failed"
    assert "duplicate" in summary.results[1].note


def test_parallel_load_matches_serial(tmp_path):
    files = write_reports(tmp_path / "in", 24)
    serial = load_paths(files, tmp_path / "s.duckdb", workers=1, parse=fake_parse_report)
    parallel = load_paths(files, tmp_path / "p.duckdb", workers=2, parse=fake_parse_report)
    assert serial.line() == parallel.line() == "24 loaded, 0 unchanged, 0 failed"
    query = "select report_id, agency, total_score from reports order by 1"
    assert rows(tmp_path / "s.duckdb", query) == rows(tmp_path / "p.duckdb", query)
    query = "select indicator_id, target_op, target_value, actual_label from indicators order by 1"
    assert rows(tmp_path / "s.duckdb", query) == rows(tmp_path / "p.duckdb", query)


def test_a_crashing_worker_fails_only_its_file(tmp_path):
    write_reports(tmp_path / "in", 11)
    crash = tmp_path / "in" / "r0004x.txt"
    crash.write_text(sample_text(agency="北京市丰台区崩溃办公室", extra="进程崩溃：是\n"), encoding="utf-8")
    summary = load_paths([tmp_path / "in"], tmp_path / "p.duckdb", workers=2, parse=fake_parse_report)
    assert summary.line() == "11 loaded, 0 unchanged, 1 failed"
    (bad,) = [r for r in summary.results if r.status == "failed"]
    assert bad.path == str(crash.resolve()) and "进程崩溃" in bad.error
    assert [Path(r.path).name for r in summary.results] == sorted(p.name for p in (tmp_path / "in").iterdir())


def test_progress_reports_every_file(tmp_path):
    files = write_reports(tmp_path / "in", 4)
    seen = []
    load_paths(files, tmp_path / "p.duckdb", workers=1, parse=fake_parse_report,
               progress=lambda done, total, result: seen.append((done, total, result.status)))
    assert seen == [(i, 4, "loaded") for i in range(1, 5)]


def test_folders_are_walked_for_supported_files(tmp_path):
    write_reports(tmp_path / "in" / "2024" / "deep", 2)
    (tmp_path / "in" / "truth.json").write_text("{}", encoding="utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text("x", encoding="utf-8")
    found = discover_files([tmp_path / "in"])
    assert [p.name for p in found] == ["r0000.txt", "r0001.txt"]


# ── bad input: one clear line per file, the others still load ────────────────

BAD_REASONS = {
    "empty.txt": "文件为空",
    "blank.txt": "只有空白",
    "binary.txt": "二进制",
    "nul_bytes.txt": "NUL 字节",
    "truncated.txt": "文件被截断",
    "not_a_report.txt": "不是绩效评价报告",
}


def test_every_bad_input_is_named_in_this_folder():
    assert sorted(p.name for p in BAD_DIR.iterdir()) == sorted(BAD_REASONS)


def test_bad_inputs_fail_one_line_each_and_good_files_still_load(tmp_path, capsys, monkeypatch):
    good = write_reports(tmp_path / "in", 2)
    db = tmp_path / "p.duckdb"
    monkeypatch.setattr("loaders.load._parse_fn", None)
    monkeypatch.setattr("loaders.parse.parse_report", fake_parse_report)
    code = perfdash(["load", str(BAD_DIR), *map(str, good), "--db", str(db), "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[-2] == "2 loaded, 0 unchanged, 6 failed"
    failed_lines = [line for line in err.splitlines() if line.startswith("失败 ")]
    assert len(failed_lines) == 6
    for name, words in BAD_REASONS.items():
        (line,) = [line for line in failed_lines if line.startswith(f"失败 {(BAD_DIR / name).resolve()}: ")]
        assert words in line
    logged = dict(rows(db, "select file_name, error from load_log where status = 'failed'"))
    assert {name: words in logged[name] for name, words in BAD_REASONS.items()} == dict.fromkeys(BAD_REASONS, True)
    assert rows(db, "select count(*) from reports") == [(2,)]
    not_a_report = BAD_DIR / "not_a_report.txt"
    assert rows(db, "select content_hash, report_id from load_log where file_name = 'not_a_report.txt'") == [
        (hashlib.sha256(not_a_report.read_bytes()).hexdigest(), None)]


def test_command_line_prints_progress_statuses_and_summary(tmp_path, capsys, monkeypatch):
    files = write_reports(tmp_path / "in", 60)
    db = tmp_path / "p.duckdb"
    monkeypatch.setattr("loaders.parse.parse_report", fake_parse_report)
    assert perfdash(["load", str(tmp_path / "in"), "--db", str(db), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    progress = [line for line in err.splitlines() if line.startswith("进度 ")]
    assert progress[0] == "进度 3/60 (5%)" and progress[-1] == "进度 60/60 (100%)" and len(progress) == 20
    assert out.splitlines()[-2] == "60 loaded, 0 unchanged, 0 failed"
    assert out.splitlines()[-1].startswith("载入 60，未变 0，失败 0")
    files[0].write_text(sample_text(score="50"), encoding="utf-8")
    assert perfdash(["load", str(tmp_path / "in"), "--db", str(db), "--workers", "1"]) == 0
    out, _ = capsys.readouterr()
    assert f"替换 {files[0].resolve()}" in out.splitlines()
    assert f"未变 {files[1].resolve()}" in out.splitlines()
    assert out.splitlines()[-2] == "1 loaded, 59 unchanged, 0 failed"


def test_corrections_survive_a_reload(tmp_path):
    (path,) = write_reports(tmp_path / "in", 1)
    db = tmp_path / "p.duckdb"
    load_paths([path], db, workers=1, parse=fake_parse_report)
    from loaders.db import open_writer
    with open_writer(db) as con:
        con.execute("insert into corrections values (1, 'report', 'k', 'total_score', '80', '85', '核对原件', '张三', now())")
    path.write_text(sample_text(score="70"), encoding="utf-8")
    assert load_paths([path], db, workers=1, parse=fake_parse_report).line() == "1 loaded, 0 unchanged, 0 failed"
    assert rows(db, "select new_value, reason, author from corrections") == [("85", "核对原件", "张三")]


def test_parser_crash_fails_that_file_only(tmp_path):
    files = write_reports(tmp_path / "in", 2)
    crash = tmp_path / "in" / "crash.txt"
    crash.write_text(sample_text(extra="解析器崩溃：是\n"), encoding="utf-8")
    summary = load_paths([tmp_path / "in"], tmp_path / "p.duckdb", workers=1, parse=fake_parse_report)
    assert summary.line() == "2 loaded, 0 unchanged, 1 failed"
    (bad,) = [r for r in summary.results if r.status == "failed"]
    assert bad.path == str(crash.resolve()) and "测试用的解析器错误" in bad.error
    assert len(files) == 2


def test_database_error_rolls_back_that_report_only(tmp_path):
    write_reports(tmp_path / "in", 3)
    odd = tmp_path / "in" / "odd.txt"
    odd.write_text(sample_text(agency="北京市丰台区怪年份办公室", year="二〇二四"), encoding="utf-8")
    db = tmp_path / "p.duckdb"
    summary = load_paths([tmp_path / "in"], db, workers=1, parse=fake_parse_report)
    assert summary.line() == "3 loaded, 0 unchanged, 1 failed"
    (bad,) = [r for r in summary.results if r.status == "failed"]
    assert "写入数据库失败" in bad.error
    odd_id = hashlib.sha256(odd.read_bytes()).hexdigest()
    for table in ("reports", "projects", "indicators", "findings", "provenance", "department_budgets"):
        assert rows(db, f"select count(*) from {table} where report_id = ?", [odd_id]) == [(0,)], table
    assert rows(db, "select count(*) from reports") == [(3,)]
    assert rows(db, "select count(*) from agencies where canonical_name = '北京市丰台区怪年份办公室'") == [(0,)]


def test_hostile_text_is_stored_verbatim(tmp_path):
    evil = "<script>alert('x')</script>'; DROP TABLE reports; --"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(sample_text(agency=evil), encoding="utf-8")
    db = tmp_path / "p.duckdb"
    load_paths([tmp_path / "in"], db, workers=1, parse=fake_parse_report)
    assert rows(db, "select agency from reports") == [(evil,)]
    assert rows(db, "select canonical_name from agencies") == [(evil,)]
    assert rows(db, "select snippet from provenance where field = 'agency'") == [(f"单位：{evil}",)]


# ── end to end through the real reader and parser ────────────────────────────

def test_seed_reports_land_in_the_database_exactly_as_parsed(corpus_dir, tmp_path):
    """Whatever parse_report returns for the seed documents is what the database holds."""
    from loaders.parse import parse_report
    from loaders.read import read_document

    seeds = sorted((corpus_dir / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    db = tmp_path / "seeds.duckdb"
    summary = load_paths(seeds, db, workers=2)
    assert summary.line() == "5 loaded, 0 unchanged, 0 failed"
    for path in seeds:
        document = read_document(path)
        report = parse_report(document.text, path.name)
        rid = hashlib.sha256(path.read_bytes()).hexdigest()
        stored = rows(db, "select agency, region, year, report_kind, evaluation_type, total_score, grade "
                          "from reports where report_id = ?", [rid])
        assert stored == [(report.agency, report.region, report.year, report.report_kind, report.evaluation_type,
                           report.total_score, report.grade)], path.name
        projects = rows(db, "select name, executed, total_score from projects where report_id = ? order by seq",
                        [rid])
        assert projects == [(p.name, p.executed, p.total_score) for p in report.projects], path.name
        indicators = rows(db, "select i.name, i.target, i.actual, i.weight, i.score from indicators i "
                              "join projects p using (project_id) where i.report_id = ? order by p.seq, i.seq",
                          [rid])
        assert indicators == [(i.name, i.target, i.actual, i.weight, i.score)
                              for p in report.projects for i in p.indicators], path.name
        lines = document.text.split("\n")
        for start, end, snippet in rows(db, "select line_start, line_end, snippet from provenance "
                                            "where report_id = ? and snippet is not null", [rid]):
            assert snippet == "\n".join(lines[start - 1:end]).strip()[:500]
    # the seeds name one agency in several spellings at most; every report has one
    assert rows(db, "select count(*) from reports where agency is not null and agency_id is null") == [(0,)]
    again = load_paths(seeds, db, workers=2)
    assert again.line() == "0 loaded, 5 unchanged, 0 failed"


# ── SQL views are created in the same publish ────────────────────────────────

def _view_names(db: Path) -> set[str]:
    return {r[0] for r in rows(db, "select table_name from information_schema.tables where table_type = 'VIEW'")}


def test_views_are_applied_in_the_same_publish(tmp_path):
    from loaders.views import apply_views

    scratch = duckdb.connect(":memory:")
    ensure_schema(scratch)
    expected = set(apply_views(scratch))
    db = tmp_path / "p.duckdb"
    summary = load_paths(write_reports(tmp_path / "in", 2), db, workers=1, parse=fake_parse_report)
    assert summary.views_error is None
    stored = {r[0] for r in rows(db, "select table_name from information_schema.tables")}
    assert expected and expected <= stored
    marts = [name for name in expected if name.startswith("mart_")]
    assert marts, "the dashboard reads mart_* models"


def test_failing_views_keep_old_views_and_still_publish_the_data(tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "a", 1), db, workers=1, parse=fake_parse_report)
    views_before = _view_names(db)

    def broken(con, **_):
        con.execute("create or replace view half_done as select 1 as x")
        raise RuntimeError("视图写错了")

    monkeypatch.setattr("loaders.views.apply_views", broken)
    summary = load_paths(write_reports(tmp_path / "b", 1, start=5), db, workers=1, parse=fake_parse_report)
    assert "创建视图失败" in summary.views_error and "视图写错了" in summary.views_error
    forget_readers()
    assert rows(db, "select count(*) from reports") == [(2,)]
    assert _view_names(db) == views_before            # the half-done view was rolled back
