"""Missing Chromium or CJK font: the exact Chinese message, from the library and the CLI."""
from __future__ import annotations

import pytest

from dashboard.exporting import prereqs
from dashboard.exporting.prereqs import (
    MISSING_CHROMIUM, MISSING_CJK_FONT, ExportUnavailable, check_prerequisites, missing_prerequisites,
)
from loaders.cli import main
from tests.test_export_fixture import build_export_db


@pytest.fixture(autouse=True)
def fresh_cache():
    prereqs._cached_missing.cache_clear()
    yield
    prereqs._cached_missing.cache_clear()


def test_messages_are_exact():
    assert MISSING_CHROMIUM == "请安装 chromium（apt-get install chromium）"
    assert MISSING_CJK_FONT == "请安装中文字体 fonts-noto-cjk"


def test_missing_chromium(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: None)
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: ["/usr/share/fonts/x.ttc"])
    assert missing_prerequisites() == [MISSING_CHROMIUM]
    with pytest.raises(ExportUnavailable, match="^请安装 chromium（apt-get install chromium）$"):
        check_prerequisites()


def test_missing_font(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: [])
    assert missing_prerequisites() == [MISSING_CJK_FONT]


def test_missing_both_names_both(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: None)
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: [])
    with pytest.raises(ExportUnavailable) as err:
        check_prerequisites()
    assert str(err.value) == f"{MISSING_CHROMIUM}；{MISSING_CJK_FONT}"


def test_chromium_found_through_path_lookup(monkeypatch, tmp_path):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(prereqs.shutil, "which", lambda name: "/opt/c/chromium" if name == "chromium" else None)
    assert prereqs.find_chromium() == "/opt/c/chromium"
    monkeypatch.setattr(prereqs.shutil, "which", lambda name: None)
    assert prereqs.find_chromium() is None
    pinned = tmp_path / "chrome"
    pinned.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(pinned))
    assert prereqs.find_chromium() == str(pinned)


def test_no_fc_list_means_no_font(monkeypatch):
    monkeypatch.setattr(prereqs.shutil, "which", lambda name: None)
    assert prereqs.list_cjk_fonts() == []


@pytest.mark.parametrize(("chromium", "fonts", "message"), [
    (None, ["/f.ttc"], MISSING_CHROMIUM),
    ("/usr/bin/chromium", [], MISSING_CJK_FONT),
])
def test_cli_prints_the_message_and_no_traceback(monkeypatch, tmp_path, capsys, chromium, fonts, message):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: chromium)
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: fonts)
    db = build_export_db(tmp_path / "f.duckdb")
    out = tmp_path / "r.docx"
    code = main(["export", "--year", "2024", "--out", str(out), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"导出失败：{message}"
    assert "Traceback" not in err and not out.exists()


def test_cli_without_database(tmp_path, capsys):
    code = main(["export", "--year", "2024", "--out", str(tmp_path / "r.docx"), "--db", str(tmp_path / "none.duckdb")])
    assert code == 2
    assert "找不到数据库文件" in capsys.readouterr().err


def test_browser_failure_during_render_becomes_a_message(monkeypatch):
    import plotly.graph_objects as go
    from kaleido.errors import BrowserFailedError
    from dashboard.exporting import images

    def fail(*args, **kwargs):
        raise BrowserFailedError("chrome exited")
    monkeypatch.setattr(images.pio, "to_image", fail)
    with pytest.raises(ExportUnavailable) as err:
        images._to_image(go.Figure().to_dict(), "png", 100, 100, 2)
    assert str(err.value) == images.BROWSER_FAILED
