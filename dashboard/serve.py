"""`perfdash serve [--port N] [--db FILE]`: start the dashboard, building a demo database first if needed.

On a fresh machine there is no database: it is built from the bundled demo reports
in data/demo/ through the loader API (with progress printed), so the dashboard
starts with no other step and marks the data as demo data. The database path is
handed to the Streamlit process through $PERFDASH_DB (loaders.paths reads it).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from loaders.paths import DB_ENV, DEMO_DIR, ROOT

APP = ROOT / "dashboard" / "streamlit_app.py"


def streamlit_command(port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless=true", f"--server.port={port}", "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none", "--server.maxUploadSize=50", "--client.toolbarMode=viewer"]


def build_demo_database(db_path: Path, demo_dir: Path = DEMO_DIR) -> int:
    """Load the bundled demo reports into a new database; returns the number of failed files."""
    from loaders.load import load_paths

    if not demo_dir.is_dir():
        print(f"找不到演示数据文件夹：{demo_dir}", file=sys.stderr)
        return 1
    print(f"数据库不存在，正在用演示数据建库：{demo_dir} → {db_path}", flush=True)

    def progress(done: int, total: int, result) -> None:
        if done == total or done % max(1, total // 10) == 0:
            print(f"  已处理 {done}/{total} 个文件", flush=True)

    summary = load_paths([demo_dir], db_path, progress=progress)
    print(f"演示数据载入完成：{summary.loaded} 个载入，{summary.failed} 个失败，用时 {summary.seconds:.1f} 秒", flush=True)
    if summary.views_error:
        print(summary.views_error, file=sys.stderr)
    return summary.failed


def run(args) -> int:
    db_path = Path(args.db).resolve()
    if not db_path.exists():
        build_demo_database(db_path)
        if not db_path.exists():
            print("建库失败，看板无法启动。", file=sys.stderr)
            return 1
    env = {**os.environ, DB_ENV: str(db_path)}
    print(f"看板地址：http://localhost:{args.port}  （数据库：{db_path}）", flush=True)
    try:
        return subprocess.call(streamlit_command(args.port), env=env, cwd=ROOT)
    except KeyboardInterrupt:
        return 0
