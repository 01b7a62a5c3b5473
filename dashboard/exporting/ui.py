"""Streamlit download buttons for charts, tables and the annual report (the only streamlit import).

The dashboard calls `chart_downloads(fig, df, caption, key=...)` beside every chart and
`table_downloads(df, key=...)` beside every table. Images are rendered only when a button
is clicked (Streamlit runs the data callable then), through one browser kept for the
server's lifetime, so a page with ten charts costs nothing until someone downloads.
"""
from __future__ import annotations

import atexit
import threading
from pathlib import Path

import streamlit as st

from dashboard.exporting.images import FORMATS, ChartRenderer
from dashboard.exporting.prereqs import missing_prerequisites
from dashboard.exporting.summary import Scope, data_date_of
from loaders.paths import default_db_path
from dashboard.exporting.tables import frame_to_csv_bytes, frame_to_xlsx_bytes

FORMAT_HELP = {
    "png": "高清图片（2 倍分辨率），可直接粘贴到 Word",
    "pdf": "矢量 PDF，已嵌入中文字体",
    "svg": "矢量 SVG；不含字体，需在装有中文字体的电脑上打开",
}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_renderer_lock = threading.Lock()
_renderer: ChartRenderer | None = None


@st.cache_resource(show_spinner=False)
def export_problems() -> tuple[str, ...]:
    """Missing packages for image export, checked once per server process."""
    return tuple(missing_prerequisites())


def _shared_renderer() -> ChartRenderer:
    global _renderer
    with _renderer_lock:
        if _renderer is None:
            _renderer = ChartRenderer().__enter__()
            atexit.register(_renderer.__exit__, None, None, None)
        return _renderer


def _image_bytes(fig, fmt: str, caption: str):
    return lambda: _shared_renderer().render(fig, fmt, caption=caption)


def show_export_problems() -> bool:
    """Show the install hint when image export cannot work here; True when it can."""
    problems = export_problems()
    if problems:
        st.info("图片导出暂不可用：" + "；".join(problems))
    return not problems


@st.cache_data(show_spinner=False, max_entries=8)
def _data_date_text(db_path: str, mtime_ns: int) -> str:
    when = data_date_of(Path(db_path))
    return when.isoformat() if when else "未知"


def with_data_date(caption: str, db_path: Path | None = None) -> str:
    """The caption plus 「数据日期：…」 (newest load in the database) unless it already has one."""
    if "数据日期" in caption:
        return caption
    path = Path(db_path or default_db_path())
    when = _data_date_text(str(path), path.stat().st_mtime_ns) if path.exists() else "未知"
    return f"{caption}　数据日期：{when}"


def chart_downloads(fig, df, caption: str, *, key: str, file_stem: str = "chart",
                    db_path: Path | None = None) -> None:
    """PNG / PDF / SVG of `fig` (caption stamped in, with the data date) and its data as CSV / XLSX."""
    caption = with_data_date(caption, db_path)
    images_ok = show_export_problems()
    columns = st.columns(5)
    for column, fmt in zip(columns[:3], FORMATS):
        column.download_button(
            fmt.upper(), data=_image_bytes(fig, fmt, caption), file_name=f"{file_stem}.{fmt}",
            mime=FORMATS[fmt], key=f"{key}-{fmt}", on_click="ignore", disabled=not images_ok,
            help=FORMAT_HELP[fmt],
        )
    columns[3].download_button("CSV", data=lambda: frame_to_csv_bytes(df), file_name=f"{file_stem}.csv",
                               mime="text/csv", key=f"{key}-csv", on_click="ignore")
    columns[4].download_button("XLSX", data=lambda: frame_to_xlsx_bytes(df, caption=caption),
                               file_name=f"{file_stem}.xlsx", mime=XLSX_MIME, key=f"{key}-xlsx",
                               on_click="ignore")


def table_downloads(df, *, key: str, file_stem: str = "table", caption: str | None = None) -> None:
    """XLSX (Chinese headers, 万元 / % formats) and CSV of a table."""
    left, right = st.columns(2)
    left.download_button("下载 XLSX", data=lambda: frame_to_xlsx_bytes(df, caption=caption),
                         file_name=f"{file_stem}.xlsx", mime=XLSX_MIME, key=f"{key}-xlsx", on_click="ignore")
    right.download_button("下载 CSV", data=lambda: frame_to_csv_bytes(df), file_name=f"{file_stem}.csv",
                          mime="text/csv", key=f"{key}-csv", on_click="ignore")


def _annual_docx(db_path: Path, scope: Scope):
    def build() -> bytes:
        # Imported here: the report stack is only needed when someone asks for it.
        from dashboard.exporting.annual import export_annual
        from dashboard.exporting.summary import open_marts
        return export_annual(open_marts(db_path), scope).docx
    return build


def annual_report_button(db_path: Path, *, year: int, region: str | None = None,
                         agency: str | None = None, key: str = "annual-report") -> None:
    """One button: the annual summary .docx for the chosen year and scope."""
    images_ok = show_export_problems()
    scope = Scope(year=year, region=region, agency=agency)
    st.download_button(
        f"生成{year}年度汇总报告（Word）", data=_annual_docx(Path(db_path), scope),
        file_name=f"绩效评价年度汇总_{year}.docx", mime=DOCX_MIME, key=key, on_click="ignore",
        disabled=not images_ok, icon=":material/description:",
    )
