"""Pure figure builders: a small aggregated frame in, a plotly figure out.

No database and no streamlit here, so the exports (PNG / PDF / SVG and the annual
Word report) draw exactly the charts the dashboard shows. Every builder has the
shape `fig_xxx(df, *, title=...) -> go.Figure`; column names are those of the
frames that dashboard.db returns. Chinese text needs a CJK font, named explicitly
because static export runs in a headless Chromium with no browser defaults.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

FONT_FAMILY = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"
# 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (METRICS.md national defaults).
DEFAULT_GRADE_BANDS: tuple[tuple[float, str], ...] = ((90, "优"), (80, "良"), (60, "中"))
SCORE_ABOVE_MONEY_MARGIN = 5.0
BAND_COLORS = {"优": "#2e7d32", "良": "#66bb6a", "中": "#ffb300", "差": "#e53935", "未定": "#9e9e9e"}
STATUS_COLORS = {"达成": "#43a047", "未达成": "#e53935", "无法判断": "#9e9e9e"}
PRIMARY = "#1f5fa8"


def _style(fig: go.Figure, title: str, *, x_title: str | None = None, y_title: str | None = None) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 13},
        template="plotly_white",
        margin={"l": 60, "r": 20, "t": 60, "b": 90},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def fig_score_histogram(df: pd.DataFrame, *, title: str = "项目自评得分分布",
                        bands: tuple[tuple[float, str], ...] = DEFAULT_GRADE_BANDS,
                        bin_width: float = 5.0) -> go.Figure:
    """Bars of projects per score bin (columns score_bin = lower bound, projects) with the grade-band lines."""
    fig = go.Figure(go.Bar(
        x=df["score_bin"] + bin_width / 2, y=df["projects"], width=bin_width * 0.95,
        marker_color=PRIMARY, name="项目数",
        hovertemplate="得分 %{customdata}<br>项目数 %{y}<extra></extra>",
        customdata=[f"{b:g}–{b + bin_width:g}" for b in df["score_bin"]],
    ))
    for bound, grade in bands:
        fig.add_vline(x=bound, line_dash="dash", line_color="#555",
                      annotation_text=f"{grade} ≥ {bound:g}", annotation_position="top left")
    return _style(fig, title, x_title="自评得分", y_title="项目数")


def fig_execution_vs_score(df: pd.DataFrame, *, title: str = "预算执行率与自评得分",
                           margin: float = SCORE_ABOVE_MONEY_MARGIN) -> go.Figure:
    """One point per agency × year (columns agency, year, execution_rate_pct, score_mean).

    The shaded triangle is where the self-score exceeds the execution rate by more
    than `margin` points: the score is higher than the money spent would justify.
    """
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[0, 100 - margin, 0, 0], y=[margin, 100, 100, margin], fill="toself", mode="lines",
        line={"width": 0}, fillcolor="rgba(229,57,53,0.12)", hoverinfo="skip",
        name=f"分高钱少区（得分高于执行率 {margin:g} 分以上）",
    ))
    fig.add_trace(go.Scatter(
        x=df["execution_rate_pct"], y=df["score_mean"], mode="markers", name="单位 × 年度",
        marker={"size": 9, "color": PRIMARY, "opacity": 0.75},
        customdata=df[["agency", "year"]].astype(str).to_numpy(),
        hovertemplate="%{customdata[0]} %{customdata[1]}年<br>执行率 %{x:.1f}%<br>平均自评分 %{y:.1f}<extra></extra>",
    ))
    fig.add_trace(go.Scatter(x=[0, 100], y=[0, 100], mode="lines", name="得分 = 执行率",
                             line={"dash": "dot", "color": "#777"}, hoverinfo="skip"))
    low = min(50.0, float(df["execution_rate_pct"].min()) - 5) if len(df) else 50.0
    fig.update_xaxes(range=[max(low, 0), 105])
    fig.update_yaxes(range=[max(min(low, float(df["score_mean"].min()) - 5) if len(df) else 50.0, 0), 101])
    return _style(fig, title, x_title="预算执行率（%）", y_title="平均自评得分")


def fig_trend(df: pd.DataFrame, *, title: str, value: str, value_label: str,
              series: str | None = None) -> go.Figure:
    """Lines by year (column year + `value`), one line per `series` value when given."""
    fig = go.Figure()
    groups = df.groupby(series, sort=True) if series else [(value_label, df)]
    for name, part in groups:
        part = part.sort_values("year")
        fig.add_trace(go.Scatter(x=part["year"].astype(str), y=part[value], mode="lines+markers",
                                 name=str(name[0] if isinstance(name, tuple) else name)))
    return _style(fig, title, x_title="年度", y_title=value_label)


def fig_ranking(df: pd.DataFrame, *, title: str, value: str, value_label: str,
                label: str = "agency") -> go.Figure:
    """Horizontal bars, best at the top (columns `label`, `value`)."""
    ordered = df.sort_values(value, ascending=True)
    fig = go.Figure(go.Bar(x=ordered[value], y=ordered[label], orientation="h", marker_color=PRIMARY,
                           text=ordered[value].round(1), textposition="outside",
                           hovertemplate="%{y}<br>" + value_label + " %{x:.2f}<extra></extra>"))
    fig.update_layout(height=max(300, 26 * len(ordered) + 120))
    return _style(fig, title, x_title=value_label)


def fig_heatmap(df: pd.DataFrame, *, title: str, value: str, value_label: str) -> go.Figure:
    """Agency × year grid (columns agency, year, `value`)."""
    grid = df.pivot_table(index="agency", columns="year", values=value, aggfunc="first")
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(), x=[str(c) for c in grid.columns], y=list(grid.index),
        colorscale="RdYlGn", colorbar={"title": value_label},
        text=[[("" if pd.isna(v) else f"{v:.1f}") for v in row] for row in grid.to_numpy()],
        texttemplate="%{text}", hovertemplate="%{y} %{x}年<br>" + value_label + " %{z:.2f}<extra></extra>",
    ))
    fig.update_layout(height=max(300, 24 * len(grid) + 120))
    return _style(fig, title, x_title="年度")


def fig_grade_bands(df: pd.DataFrame, *, title: str = "等级分布", group: str = "year") -> go.Figure:
    """Stacked bars of projects per computed grade band (columns `group`, band, projects)."""
    fig = go.Figure()
    for band in [b for b in BAND_COLORS if b in set(df["band"])]:
        part = df[df["band"] == band]
        fig.add_trace(go.Bar(x=part[group].astype(str), y=part["projects"], name=band,
                             marker_color=BAND_COLORS[band]))
    fig.update_layout(barmode="stack")
    return _style(fig, title, y_title="项目数")


def fig_target_gaps(df: pd.DataFrame, *, title: str = "各类指标完成情况") -> go.Figure:
    """Stacked bars of indicators per category and status (columns category, status, indicators)."""
    fig = go.Figure()
    for status, color in STATUS_COLORS.items():
        part = df[df["status"] == status]
        if len(part):
            fig.add_trace(go.Bar(x=part["category"], y=part["indicators"], name=status, marker_color=color))
    fig.update_layout(barmode="stack")
    return _style(fig, title, x_title="指标类别", y_title="指标数")


def fig_printed_vs_computed(df: pd.DataFrame, *, title: str, printed: str, computed: str,
                            value_label: str, label: str = "agency") -> go.Figure:
    """Printed value against our recomputation; points off the diagonal disagree."""
    both = df.dropna(subset=[printed, computed])
    lo = float(min(both[printed].min(), both[computed].min())) if len(both) else 0.0
    hi = float(max(both[printed].max(), both[computed].max())) if len(both) else 100.0
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[lo, hi], y=[lo, hi], mode="lines", name="一致",
                             line={"dash": "dot", "color": "#777"}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=both[computed], y=both[printed], mode="markers", name="报告值",
                             marker={"size": 9, "color": PRIMARY},
                             text=both[label].astype(str),
                             hovertemplate="%{text}<br>重算 %{x:.2f}<br>报告 %{y:.2f}<extra></extra>"))
    return _style(fig, title, x_title=f"重算{value_label}", y_title=f"报告{value_label}")
