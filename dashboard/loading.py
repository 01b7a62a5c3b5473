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

from loaders.read.sniff import UPLOAD_EXTENSIONS

STATUS_WORDS = {"loaded": "载入", "replaced": "替换", "unchanged": "未变", "failed": "失败"}
UPLOAD_TYPES = UPLOAD_EXTENSIONS      # every extension the readers know (one list, in loaders.read.sniff)


def uploads_folder(db_path: Path) -> Path:
    """Uploads are kept beside the database they were loaded into (data/uploads by default)."""
    return Path(db_path).resolve().parent / "uploads"


def save_uploads(files: list[tuple[str, bytes]], folder: Path) -> tuple[list[Path], list[str], list[str]]:
    """Store uploaded (name, bytes) in `folder`; returns saved paths, a message per refused file,
    and a note per file stored under another name (its extension did not match its content)."""
    from loaders.errors import InputError
    from loaders.uploads import save_upload

    saved, rejected, notes = [], [], []
    for name, data in files:
        try:
            upload = save_upload(name, data, folder)
        except InputError as err:
            rejected.append(f"{name}：{err}")
            continue
        saved.append(upload.path)
        notes += [f"{name}：{note}（已保存为 {upload.path.name}）" for note in upload.notes]
    return saved, rejected, notes


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
