"""Full page render in headless Chromium: `perfdash serve` on a benchmark database, timed with Playwright.

A page counts as rendered when Streamlit's script run is over (no status widget),
the main block holds elements, and every plotly chart has drawn its SVG. The first
load after the server starts (mostly imports) is reported apart from later loads.
Debian's chromium only (RECIPES.md): never `playwright install`.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PAGES = ("overview", "compare", "trend", "scores", "targets", "flags", "detail")


def page_url(base: str, name: str) -> str:
    """总览 is the default page: Streamlit serves it at / (at /overview it shows "page not found")."""
    return f"{base}/" if name == "overview" else f"{base}/{name}"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
RENDERED = """() => {
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    const main = document.querySelector('[data-testid="stMain"]') || document.body;
    if (main.querySelectorAll('[data-testid="stElementContainer"]').length < 2) return false;
    if (main.querySelector('[data-testid="stSkeleton"]')) return false;
    return [...main.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'));
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"dashboard did not answer on port {port} within {timeout:.0f} s")


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, PERFDASH_DB=str(db))
    return subprocess.Popen([sys.executable, "-m", "loaders.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop_server(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, 15)                 # the group we started: serve + its streamlit child
    except ProcessLookupError:
        return
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, 9)
        server.wait()


def time_page(page, url: str, timeout_ms: int = 120_000) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_timeout(300)                    # let the script run start before looking for its end
    page.wait_for_function(RENDERED, timeout=timeout_ms, polling=50)
    return time.perf_counter() - start


def time_interaction(page, act) -> float:
    """Seconds from a widget change to the rerun's last chart drawn (the page is already open)."""
    start = time.perf_counter()
    act()
    page.wait_for_timeout(150)                    # the rerun starts; its status widget appears
    page.wait_for_function(RENDERED, timeout=120_000, polling=50)
    return time.perf_counter() - start


def choose_option(page, where: str, widget_label: str, option_index: int) -> None:
    """Open the selectbox or multiselect labelled `widget_label` inside `where` (stMain / stSidebar)
    and pick its option_index-th option with the keyboard, as a user would."""
    box = page.locator(f'[data-testid="{where}"] [data-testid="stSelectbox"], '
                       f'[data-testid="{where}"] [data-testid="stMultiSelect"]').filter(has_text=widget_label)
    box.first.locator("input").click()
    for _ in range(option_index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def time_interactions(page, base: str) -> dict[str, float]:
    """An analyst's clicks inside an open session: another metric on 单位对比, one year in the sidebar."""
    out = {}
    time_page(page, page_url(base, "compare"))
    out["单位对比：换指标"] = time_interaction(page, lambda: choose_option(page, "stMain", "指标", 1))
    time_page(page, page_url(base, "overview"))
    out["总览：侧栏选年度"] = time_interaction(page, lambda: choose_option(page, "stSidebar", "年度", 0))
    return out


def measure(db: Path) -> dict:
    """{'first_s', 'pages': {name: seconds}, 'max_page_s'} or {'error': reason}."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return {"error": "Debian chromium not installed"}
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    port = free_port()
    server = start_server(db, port)
    try:
        wait_healthy(port)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            base = f"http://127.0.0.1:{port}"
            first = time_page(page, page_url(base, "overview"))
            pages = {name: time_page(page, page_url(base, name)) for name in PAGES}
            interactions = time_interactions(page, base)
            browser.close()
        return {"first_s": first, "pages": pages, "max_page_s": max(pages.values()),
                "interactions": interactions, "max_interaction_s": max(interactions.values(), default=None)}
    except Exception as err:  # noqa: BLE001 — a failed render is a benchmark result, not a crash
        return {"error": f"{type(err).__name__}: {str(err)[:200]}"}
    finally:
        stop_server(server)
