"""`perfdash extract FILE... --out DIR`: each report → DIR/<stem>.json in the FORMAT.md shape.

This JSON is the contract by which extraction quality is measured (the scorer in
../shared/tools reads it), so it is written exactly by `Report.to_json()`. A file
that cannot be read gets one line on stderr naming it and the reason; the others
go on; the exit status is non-zero when any file failed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from loaders.errors import InputError
from loaders.parse import parse_report
from loaders.read import read_document


def extract_file(path: Path) -> dict:
    """One report file → its FORMAT.md record (raises InputError with the reason)."""
    document = read_document(path)
    return parse_report(document.text, path.name).to_json()


def run(args) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    written: dict[str, Path] = {}
    for path in args.files:
        path = Path(path)
        try:
            record = extract_file(path)
        except (InputError, OSError) as err:
            failed += 1
            print(f"{path}: {_reason(err)}", file=sys.stderr)
            continue
        except Exception as err:  # noqa: BLE001 — a parser bug on one file must not stop the batch
            failed += 1
            print(f"{path}: 解析时出现内部错误（internal error: {type(err).__name__}: {err}）", file=sys.stderr)
            continue
        target = out_dir / f"{path.stem}.json"
        if path.stem in written:
            print(f"{path}: 与 {written[path.stem]} 同名，{target.name} 被后者覆盖（same stem）", file=sys.stderr)
        written[path.stem] = path
        target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(args.files) - failed} extracted, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _reason(err: Exception) -> str:
    if isinstance(err, FileNotFoundError):
        return "文件不存在（file not found）"
    if isinstance(err, IsADirectoryError):
        return "这是文件夹，不是文件（is a directory）"
    if isinstance(err, OSError):
        return f"无法读取文件（{err.strerror or err}）"
    return str(err)
