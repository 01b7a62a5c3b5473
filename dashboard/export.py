"""`perfdash export`: the annual summary as a Word file, optionally a zip of charts and tables.

Problems the user can fix (no database, no Chromium, no CJK font) are printed as one
Chinese line on stderr with exit code 2 — never a stack trace.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from dashboard.exporting.annual import export_annual
from dashboard.exporting.bundle import write_bundle
from dashboard.exporting.prereqs import ExportUnavailable
from dashboard.exporting.summary import Scope, open_marts

EXIT_USER_ERROR = 2


def _fail(message: str) -> int:
    print(f"导出失败：{message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


def run(args) -> int:
    db_path = Path(args.db)
    if not db_path.exists():
        return _fail(f"找不到数据库文件 {db_path}（请先运行 perfdash load 或 perfdash serve）")
    scope = Scope(year=args.year, region=args.region, agency=args.agency)
    try:
        con = open_marts(db_path)
        result = export_annual(con, scope, with_bundle=args.zip is not None)
    except ExportUnavailable as err:
        return _fail(str(err))
    except duckdb.Error as err:
        # Typically a loader holding the file read-write; the gist is enough to act on.
        return _fail(f"无法读取数据库 {db_path}：{str(err).splitlines()[0]}")
    _write_bytes(Path(args.out), result.docx)
    print(f"已写出年度汇总报告：{args.out}（图表 {len(result.content.charts)} 张，"
          f"重点关注项目 {len(result.content.flags)} 条）")
    if args.zip is not None:
        Path(args.zip).parent.mkdir(parents=True, exist_ok=True)
        write_bundle(Path(args.zip), result.zip_members)
        print(f"已写出图表与表格压缩包：{args.zip}（{len(result.zip_members)} 个文件）")
    for note in result.content.notes:
        print(f"提示：{note}", file=sys.stderr)
    return 0
