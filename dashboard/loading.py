"""The 数据 page's work, without streamlit: save uploads safely, run a load, read its results.

Uploads are checked and stored by loaders.uploads (size, type by content, safe name,
only inside data/uploads); loading goes through loaders.load.load_paths, which
publishes a new database file atomically, so the dashboard shows the new data on
its next rerun without a restart.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

STATUS_WORDS = {"loaded": "载入", "replaced": "替换", "unchanged": "未变", "failed": "失败"}
UPLOAD_TYPES = {"txt", "docx", "pdf", "xlsx", "xls", "doc", "htm", "html"}


def uploads_folder(db_path: Path) -> Path:
    """Uploads are kept beside the database they were loaded into (data/uploads by default)."""
    return Path(db_path).resolve().parent / "uploads"


def save_uploads(files: list[tuple[str, bytes]], folder: Path) -> tuple[list[Path], list[str]]:
    """Store uploaded (name, bytes) in `folder`; returns saved paths and a message per refused file."""
    from loaders.errors import InputError
    from loaders.uploads import save_upload

    saved, rejected = [], []
    for name, data in files:
        try:
            saved.append(save_upload(name, data, folder).path)
        except InputError as err:
            rejected.append(f"{name}：{err}")
    return saved, rejected


def load_files(paths: list[Path], db_path: Path, *,
               progress: Callable[[int, int, str], None] | None = None) -> tuple[pd.DataFrame, str | None]:
    """Load files / folders; returns one row per file (Chinese status) and any views error."""
    from loaders.load import load_paths

    def on_file(done: int, total: int, result) -> None:
        if progress:
            progress(done, total, Path(result.path).name)

    summary = load_paths(paths, db_path, progress=on_file, workers=1)
    return results_frame(summary.results), summary.views_error


def results_frame(results) -> pd.DataFrame:
    """loaders.load.FileResult list → a table for the page."""
    rows = [{
        "file_name": Path(r.path).name,
        "status": STATUS_WORDS.get(r.status, r.status),
        "warnings": "；".join(r.warnings or []),
        "error": r.error or r.note or "",
    } for r in results]
    return pd.DataFrame(rows, columns=["file_name", "status", "warnings", "error"])
