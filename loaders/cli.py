"""`perfdash` — the one console command; each subcommand lives in its own module.

Modules are imported only when their subcommand runs, so `perfdash extract`
never pays for streamlit or plotly.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders.paths import default_db_path


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfdash", description="绩效评价分析看板 perfdash")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="报告 → JSON（FORMAT.md 格式），每个文件一个 JSON")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True, help="输出目录")

    p = sub.add_parser("load", help="把报告（文件或文件夹）载入 DuckDB")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--db", type=Path, default=None, help=f"数据库文件（默认 $PERFDASH_DB 或 {default_db_path()}）")
    p.add_argument("--workers", type=int, default=None, help="并行解析进程数（默认 CPU 核数）")

    p = sub.add_parser("serve", help="启动看板（首次启动时用内置演示数据建库）")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--db", type=Path, default=None)

    p = sub.add_parser("demo", help="生成演示报告及其真值 JSON")
    p.add_argument("--agencies", type=int, default=40)
    p.add_argument("--years", default="2021-2024", help="如 2021-2024")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--formats", default="txt", help="txt,docx,xlsx,pdf 中的一个或多个")

    p = sub.add_parser("export", help="导出年度汇总 Word 报告（--zip 另出图表与表格压缩包）")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", default=None)
    p.add_argument("--agency", default=None)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--zip", type=Path, default=None, help="另存全部图表 PNG 与 XLSX 表格的压缩包")
    p.add_argument("--db", type=Path, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    if getattr(args, "db", "absent") is None:
        args.db = default_db_path()
    if args.command == "extract":
        from loaders.extract import run
    elif args.command == "load":
        from loaders.load import run
    elif args.command == "serve":
        from dashboard.serve import run
    elif args.command == "demo":
        from loaders.demo import run
    else:
        from dashboard.export import run
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
