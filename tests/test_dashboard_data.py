"""The 数据 page: upload and folder loads with per-file results, and the agency merge."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.dashboard_apptest import fixture_db, open_page, raw  # noqa: F401

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"


@pytest.fixture
def own_db(fixture_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the fixture database (these tests write)."""
    copy = tmp_path / "db" / "data.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(fixture_db, copy)
    monkeypatch.setenv("PERFDASH_DB", str(copy))
    return copy


def demo_report() -> Path:
    reports = sorted(DEMO.glob("*_project_*.txt"))
    if not reports:
        pytest.fail("the bundled demo data (data/demo) has no project report")
    return reports[0]


def test_an_uploaded_report_is_loaded_and_logged(own_db):
    report = demo_report()
    at = open_page("data")
    at.file_uploader(key="data_upload").upload(report.name, report.read_bytes(), "text/plain").run()
    at.button(key="data_upload_go").click().run()
    assert not at.exception
    results = next(df.value for df in at.dataframe if "status" in df.value.columns and "warnings" in df.value.columns)
    assert list(results["status"]) == ["载入"]
    saved = list((own_db.parent / "uploads").iterdir())
    assert len(saved) == 1 and saved[0].read_bytes() == report.read_bytes()
    assert raw(own_db, "select count(*) from reports where file_path = ?", [str(saved[0])])[0][0] == 1


def test_a_bad_upload_fails_with_its_reason_and_nothing_is_loaded(own_db):
    before = raw(own_db, "select count(*) from reports")[0][0]
    at = open_page("data")
    at.file_uploader(key="data_upload").upload("report.txt", b"\x00\x01\x02" * 400, "text/plain").run()
    at.button(key="data_upload_go").click().run()
    assert not at.exception
    results = next(df.value for df in at.dataframe if "warnings" in df.value.columns)
    assert list(results["status"]) == ["失败"] and results["error"].iloc[0]
    assert any("1 个失败" in w.value for w in at.warning)
    assert raw(own_db, "select count(*) from reports")[0][0] == before


def test_a_folder_load_reports_each_file(own_db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(demo_report(), folder)
    (folder / "notes.txt").write_text("会议纪要：下周二开会。", encoding="utf-8")
    at = open_page("data")
    at.text_input(key="data_folder").input(str(folder)).run()
    at.button(key="data_folder_go").click().run()
    results = next(df.value for df in at.dataframe if "warnings" in df.value.columns)
    assert sorted(results["status"]) == ["失败", "载入"]
    assert results.loc[results["status"] == "失败", "error"].iloc[0]    # the reason is shown


def test_merging_two_agencies_moves_their_reports(own_db):
    import duckdb

    con = duckdb.connect(str(own_db))
    con.execute("insert into agencies (agency_id, canonical_name, region) values "
                "('a1', '北京市丰台区信访办公室', '北京市丰台区'), ('a2', '丰台区信访办', '北京市丰台区')")
    con.execute("update reports set agency_id = case when year = 2022 then 'a2' else 'a1' end "
                "where file_name like 'xf_%'")
    con.close()
    at = open_page("data")
    form_boxes = [b for b in at.selectbox if b.label == "保留的单位"]
    form_boxes[0].select("a1")
    next(m for m in at.multiselect if m.label == "并入的单位").select("a2")
    next(b for b in at.button if b.label == "合并").click().run()
    assert not at.exception and any("已合并" in s.value for s in at.success)
    assert raw(own_db, "select distinct agency_id from reports where file_name like 'xf_%'") == [("a1",)]
    assert raw(own_db, "select count(*) from agencies where agency_id = 'a2'")[0][0] == 0


def test_a_load_while_the_dashboard_is_open_shows_without_restart(own_db):
    from loaders.load import load_paths

    at = open_page()
    before = int(next(m.value for m in at.metric if m.label == "报告数"))
    summary = load_paths([demo_report()], own_db, workers=1)
    assert summary.loaded == 1
    at.run()                                   # the same session, next rerun
    assert int(next(m.value for m in at.metric if m.label == "报告数")) == before + 1


def test_splitting_an_agency_moves_the_reports_written_under_an_alias(own_db):
    import duckdb

    con = duckdb.connect(str(own_db))
    con.execute("insert into agencies (agency_id, canonical_name, region) values ('a1', '北京市丰台区信访办公室', '北京市丰台区')")
    con.execute("insert into agency_aliases (alias, region, agency_id) values "
                "('北京市丰台区信访办公室', '北京市丰台区', 'a1'), ('丰台区信访办', '北京市丰台区', 'a1')")
    con.execute("update reports set agency_id = 'a1' where file_name like 'xf_%'")
    con.execute("update reports set agency = '丰台区信访办' where file_name = 'xf_2022.txt'")
    con.close()
    at = open_page("data")
    at.selectbox(key="split_source").select("a1").run()
    next(m for m in at.multiselect if m.label == "分出去的写法").select("丰台区信访办")
    next(b for b in at.button if b.label == "拆分").click().run()
    assert not at.exception and any("已拆分" in s.value for s in at.success)
    moved = raw(own_db, "select agency_id from reports where file_name = 'xf_2022.txt'")[0][0]
    assert moved != "a1"
    assert raw(own_db, "select canonical_name from agencies where agency_id = ?", [moved]) == [("丰台区信访办",)]
    assert raw(own_db, "select count(*) from reports where agency_id = 'a1'")[0][0] == 2


def test_the_uploader_offers_every_extension_the_readers_know():
    from dashboard import loading
    from loaders.read.sniff import EXTENSIONS

    offered = {f".{t}" for t in loading.UPLOAD_TYPES}
    known = {ext for exts in EXTENSIONS.values() for ext in exts if ext}
    assert offered == known
    assert {".mht", ".rtf", ".odt", ".xlsm", ".csv", ".wps", ".doc", ".xls", ".htm"} <= offered


@pytest.mark.parametrize("builder, name", [("write_docx", "自评表.docx"), ("write_xlsx", "自评表.xlsx"),
                                           ("write_pdf", "自评表.pdf"), ("write_html", "自评表.htm")])
def test_a_report_in_each_built_format_uploads_and_loads(own_db, tmp_path, builder, name):
    from tests import format_builders

    data = getattr(format_builders, builder)(format_builders.STANDARD_REPORT, tmp_path / name).read_bytes()
    at = open_page("data")
    at.file_uploader(key="data_upload").upload(name, data, "application/octet-stream").run()
    at.button(key="data_upload_go").click().run()
    assert not at.exception
    results = next(df.value for df in at.dataframe if "warnings" in df.value.columns)
    assert list(results["status"]) == ["载入"], results.to_dict("records")


def test_an_upload_named_for_another_format_says_how_it_was_read(own_db, tmp_path):
    from tests.format_builders import STANDARD_REPORT, write_docx

    data = write_docx(STANDARD_REPORT, tmp_path / "r.docx").read_bytes()
    at = open_page("data")
    at.file_uploader(key="data_upload").upload("自评表.pdf", data, "application/pdf").run()
    at.button(key="data_upload_go").click().run()
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any("自评表.pdf" in n and "Word(.docx)" in n and "自评表.docx" in n for n in notes), notes
    results = next(df.value for df in at.dataframe if "warnings" in df.value.columns)
    assert list(results["status"]) == ["载入"]
