"""Real browser: `perfdash serve` on the fixture database, headless Chromium visits every page.

Asserts the Chinese titles, that charts and tables render, and follows a flag to its
indicator; full-page screenshots go to tests/artifacts/ (git-ignored) for a human look.
Uses Debian's chromium through Playwright for Python (never `playwright install`).
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.dashboard_fixture import build_database

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
# page url → (title, charts at least, tables at least)
PAGES = {
    "": ("总览", 3, 1),                 # the default page lives at the root URL
    "compare": ("单位对比", 2, 1),
    "trend": ("年度趋势", 2, 1),
    "scores": ("评分分布", 1, 2),
    "targets": ("目标与实际", 1, 1),
    "flags": ("异常识别", 0, 1),
    "detail": ("明细", 0, 1),
    "data": ("数据", 0, 0),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"perfdash serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("the dashboard did not become healthy")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_database(tmp_path_factory.mktemp("browser") / "fixture.duckdb")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "loaders.cli", "serve", "--port", str(port), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)   # the serve process and the streamlit child it started
        proc.wait(timeout=30)


@pytest.fixture
def page(server, chromium_path):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 2200}, locale="zh-CN")
        yield tab
        browser.close()


def open_and_wait(page, url: str, title: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=90_000)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=90_000)


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_title_charts_and_tables(page, server, path):
    title, charts, tables = PAGES[path]
    open_and_wait(page, f"{server}/{path}", title)
    if charts:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        assert page.locator(".js-plotly-plot").count() >= charts
    if tables:
        shown = page.locator('[data-testid="stDataFrame"]:visible')
        shown.first.wait_for(timeout=60_000)
        assert shown.count() >= tables
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / f"page_{path or 'overview'}.png"), full_page=True)


def test_overview_shows_kpis_in_chinese_units(page, server):
    open_and_wait(page, f"{server}/", "总览")
    cards = page.locator('[data-testid="stMetricValue"]')
    cards.nth(9).wait_for(timeout=60_000)
    values = cards.all_inner_texts()
    assert any(v.endswith("万元") or v.endswith("亿元") for v in values)
    assert any(re.fullmatch(r"\d+\.\d%", v) for v in values)


def test_a_flag_leads_to_its_indicator(page, server):
    open_and_wait(page, f"{server}/flags", "异常识别")
    rules = page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"]').filter(has_text="规则")
    rules.locator("input").click()
    page.keyboard.type("未达目标仍满分")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
    page.get_by_role("button", name=re.compile("查看明细")).click()
    page.get_by_role("heading", name="明细", exact=True).first.wait_for(timeout=60_000)
    page.wait_for_url(re.compile(r"indicator="), timeout=60_000)
    page.get_by_text("实际完成值").first.wait_for(state="attached", timeout=60_000)   # a grid cell of the facts table
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for(timeout=60_000)
    assert "群众满意度" in code.inner_text()
    page.screenshot(path=str(ARTIFACTS / "flag_to_indicator.png"), full_page=True)
