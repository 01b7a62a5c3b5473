"""Streamlit building blocks shared by the pages: filters, charts, tables, KPI cards.

Pages stay thin by calling these. Two decisions live here: tables keep numbers
numeric (so they sort) and get their Chinese header, unit and decimals from one
column dictionary; and every chart goes through `show_chart`, the single place
where the export buttons (dashboard.exporting.ui, the exports engineer's) attach.
Report text is only ever passed to widgets that render it as text.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.db import Filters

KIND_LABELS = {"project": "项目自评", "department": "部门整体", "mixed": "综合"}
FILTER_KEYS = {"years": "f_years", "regions": "f_regions", "agencies": "f_agencies", "kinds": "f_kinds"}

# The browser's own PNG download on every chart (needs nothing on the server).
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2},
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

# column → (Chinese header, kind); kind decides the number format.
COLUMNS: dict[str, tuple[str, str]] = {
    "agency": ("单位", "text"), "region": ("地区", "text"), "year": ("年度", "year"),
    "report_kind": ("报告类型", "text"), "file_name": ("文件", "text"), "project": ("项目", "text"),
    "project_name": ("项目", "text"), "name": ("名称", "text"), "seq": ("序号", "count"),
    "reports": ("报告数", "count"), "projects": ("项目数", "count"), "indicators": ("指标数", "count"),
    "flags": ("标记数", "count"), "first_year": ("起始年度", "year"), "last_year": ("最近年度", "year"),
    "budget": ("预算数（万元）", "money"), "executed": ("执行数（万元）", "money"),
    "budget_full_year": ("全年预算数（万元）", "money"),
    "value": ("本年", "number"), "previous": ("上年", "number"), "change": ("变化", "number"),
    "rank": ("名次", "count"),
    "execution_rate_pct": ("执行率·报告（%）", "pct"), "execution_rate_pct_computed": ("执行率·重算（%）", "pct"),
    "carryover_rate_pct": ("结转结余率·报告（%）", "pct"),
    "carryover_rate_pct_computed": ("结转结余率·重算（%）", "pct"),
    "score_mean": ("平均分", "score"), "score_min": ("最低分", "score"), "share_100_pct": ("满分占比（%）", "pct"),
    "total_mismatches": ("报告总分≠重算总分的项目数", "count"), "total_score": ("总分·报告", "score"),
    "total_score_computed": ("总分·重算", "score"), "gap": ("差额", "score"), "grade": ("等级", "text"),
    "level1": ("一级指标", "text"), "level2": ("二级指标", "text"), "target": ("年度指标值", "text"),
    "actual": ("实际完成值", "text"), "weight": ("分值", "score"), "score": ("得分·报告", "score"),
    "score_computed": ("得分·重算", "score"), "met_status": ("是否达成", "text"),
    "gap_pct": ("偏差（占目标%）", "pct"), "deviation_reason": ("偏差原因", "text"),
    "rule": ("规则", "text"), "severity_label": ("严重程度", "text"), "explanation": ("说明", "text"),
    "field": ("字段", "text"), "line_start": ("起始行", "count"), "line_end": ("结束行", "count"),
    "snippet": ("原文", "text"), "status": ("结果", "text"), "warnings": ("警告", "text"), "error": ("错误", "text"),
    "logged_at": ("时间", "text"), "link": ("明细", "link"), "is_corrected": ("已更正", "bool"),
}
_FORMATS = {"money": "%.2f", "pct": "%.1f", "score": "%.2f", "number": "%.2f", "count": "%d", "year": "%d"}


def current_filters() -> Filters:
    """The sidebar selection of this session (set by streamlit_app.py)."""
    s = st.session_state
    return Filters(
        years=tuple(int(y) for y in s.get(FILTER_KEYS["years"], [])),
        regions=tuple(s.get(FILTER_KEYS["regions"], [])),
        agencies=tuple(s.get(FILTER_KEYS["agencies"], [])),
        kinds=tuple(s.get(FILTER_KEYS["kinds"], [])),
    )


def filters_caption(filters: Filters) -> str:
    """The active filters in words (stamped on exported charts)."""
    parts = [
        "年度：" + ("、".join(map(str, filters.years)) if filters.years else "全部"),
        "地区：" + ("、".join(filters.regions) if filters.regions else "全部"),
        "单位：" + (f"{len(filters.agencies)} 个" if filters.agencies else "全部"),
        "类型：" + ("、".join(KIND_LABELS.get(k, k) for k in filters.kinds) if filters.kinds else "全部"),
    ]
    return "；".join(parts)


def column_config(df: pd.DataFrame) -> dict:
    config = {}
    for col in df.columns:
        label, kind = COLUMNS.get(col, (col, "text"))
        if kind == "bool":
            config[col] = st.column_config.CheckboxColumn(label)
        elif kind == "link":
            config[col] = st.column_config.LinkColumn(label, display_text="查看")
        elif kind in _FORMATS:
            config[col] = st.column_config.NumberColumn(label, format=_FORMATS[kind])
        else:
            config[col] = st.column_config.TextColumn(label)
    return config


def show_table(df: pd.DataFrame, *, key: str, hidden: tuple[str, ...] = (), downloads: bool = True,
               height: int | None = None) -> None:
    """A read-only table with Chinese headers and number formats; id columns hidden."""
    visible = [c for c in df.columns if c not in hidden and not c.endswith(("_id", "_key"))]
    shown = df[visible]
    kwargs = {"height": height} if height else {}
    st.dataframe(shown, hide_index=True, column_config=column_config(shown), key=key, **kwargs)
    if downloads and len(shown):
        _attach_table_downloads(shown, key)


def show_chart(fig, df: pd.DataFrame, *, key: str, caption: str) -> None:
    """Render a figure; the export buttons for it and its data go here and only here."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key)
    try:
        from dashboard.exporting.ui import chart_downloads
    except ImportError:
        return
    with st.expander("下载图表与数据", icon=":material/download:"):
        chart_downloads(fig, df, caption, key=f"dl-{key}", file_stem=key)


def _attach_table_downloads(df: pd.DataFrame, key: str) -> None:
    try:
        from dashboard.exporting.ui import table_downloads
    except ImportError:
        return
    with st.expander("下载表格", icon=":material/download:"):
        table_downloads(df, key=f"dl-{key}", file_stem=key)


def kpi_row(items: list[tuple[str, str, str | None]]) -> None:
    """Metric cards: (label, formatted value, help)."""
    for column, (label, value, help_text) in zip(st.columns(len(items)), items):
        column.metric(label, value, help=help_text)


def no_data(message: str = "当前筛选条件下没有数据。") -> None:
    st.info(message, icon=":material/info:")

