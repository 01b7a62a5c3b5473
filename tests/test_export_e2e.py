"""End to end on demo data: `perfdash demo` → `perfdash load` (real marts) → `perfdash export`.

The expected numbers are read from the marts with SQL here, so the test checks that the
report states what the database holds, whatever the generator produced.
"""
from __future__ import annotations

import shutil
import zipfile

import duckdb
import pytest
from docx import Document

from dashboard.exporting.kpis import format_wan
from loaders.cli import main
from tests.conftest import require

YEAR = 2024


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    assert main(["demo", "--agencies", "3", "--years", f"{YEAR - 1}-{YEAR}", "--out", str(root / "demo")]) == 0
    db = root / "demo.duckdb"
    main(["load", str(root / "demo"), "--db", str(db), "--workers", "1"])   # a planted broken file may fail
    assert db.exists()
    return db


@pytest.fixture(scope="module")
def exported(demo_db, tmp_path_factory):
    require(shutil.which("chromium") is not None, "Debian chromium is not installed (apt-get install chromium)")
    out = tmp_path_factory.mktemp("e2e-out")
    code = main(["export", "--year", str(YEAR), "--out", str(out / "y.docx"), "--zip", str(out / "y.zip"),
                 "--db", str(demo_db)])
    assert code == 0
    return Document(str(out / "y.docx")), out / "y.zip"


def _mart(db, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql, params=[YEAR]).fetchall()
    finally:
        con.close()


def test_kpis_match_the_marts(demo_db, exported):
    doc, _ = exported
    kpis = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows[1:]}
    agencies, budget = _mart(demo_db, "select count(distinct agency), sum(budget) from mart_agency_year"
                                      " where year = ?")[0]
    assert agencies > 0
    assert kpis["单位数"] == str(agencies)
    assert kpis["预算总额"] == format_wan(budget)


def test_charts_and_flags_from_real_marts(demo_db, exported):
    doc, zip_path = exported
    pictures = [r for r in doc.part.rels.values() if "image" in r.reltype]
    with zipfile.ZipFile(zip_path) as archive:
        pngs = [n for n in archive.namelist() if n.endswith(".png")]
    assert len(pictures) == len(pngs) >= 1            # at least 各单位预算执行率 from mart_agency_year
    n_flags = _mart(demo_db, "select count(*) from mart_flags where year = ?")[0][0]
    flag_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "序号"]
    if n_flags:
        assert len(flag_tables[0].rows) - 1 == min(n_flags, 20)
    else:
        assert flag_tables == [] and "本范围内没有异常提示。" in [p.text for p in doc.paragraphs]
