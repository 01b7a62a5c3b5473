"""The five key charts of the annual summary, each with the small frame it was drawn from.

The dashboard's own builders (dashboard/charts.py) are used when they exist, so the Word
report shows what the dashboard shows; until then the simple builders here stand in.
A chart whose data is missing is left out (and said so), never drawn empty.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.exporting.images import CJK_FONT_FAMILY, DEFAULT_HEIGHT, DEFAULT_WIDTH
from dashboard.exporting.summary import SummaryFrames, pick

INDICATOR_CATEGORIES = ("数量", "质量", "时效", "成本", "效益", "满意度")


@dataclass
class ChartSpec:
    key: str            # file stem in the zip: ascii, stable
    title: str          # Chinese, shown in the chart and as the Word sub-heading
    fig: go.Figure
    data: pd.DataFrame  # exactly the rows drawn, exported beside the image


def _base_layout(fig: go.Figure, title: str, *, x_title: str = "", y_title: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title}, width=DEFAULT_WIDTH, height=DEFAULT_HEIGHT, template="plotly_white",
        font={"family": CJK_FONT_FAMILY, "size": 13}, xaxis_title=x_title, yaxis_title=y_title,
        showlegend=False,
    )
    return fig


def _agency_rate(ay: pd.DataFrame, computed: str, printed: str) -> pd.DataFrame:
    agency, rate = pick(ay, "agency", "agency_name"), pick(ay, computed, printed)
    if agency is None or rate is None:
        return pd.DataFrame()
    data = ay[[agency, rate]].dropna().rename(columns={agency: "agency"})
    return data.groupby("agency", as_index=False)[rate].mean().sort_values(rate, ascending=False)


def chart_execution_by_agency(frames: SummaryFrames) -> ChartSpec | None:
    data = _agency_rate(frames.agency_year, "execution_rate_pct_computed", "execution_rate_pct")
    if data.empty:
        return None
    rate = data.columns[1]
    title = "各单位预算执行率"
    fig = go.Figure(go.Bar(x=data["agency"], y=data[rate], marker_color="#3b6ea8"))
    fig.add_hline(y=80, line_dash="dash", line_color="#c0392b", annotation_text="80%")
    return ChartSpec("execution_by_agency", title, _base_layout(fig, title, y_title="预算执行率（%）"), data)


def chart_score_distribution(frames: SummaryFrames) -> ChartSpec | None:
    dist = frames.score_distribution
    band, count = pick(dist, "grade_band", "band", "grade"), pick(dist, "projects", "n", "count", "n_projects")
    if band is None or count is None or dist.empty:
        return None
    data = dist.groupby(band, as_index=False, sort=False)[count].sum().rename(columns={band: "grade_band"})
    title = "自评等级分布"
    fig = go.Figure(go.Bar(x=data["grade_band"], y=data[count], marker_color="#5b8c5a"))
    return ChartSpec("score_distribution", title, _base_layout(fig, title, y_title="项目数"), data)


def chart_execution_vs_score(frames: SummaryFrames) -> ChartSpec | None:
    projects = frames.projects
    rate = pick(projects, "execution_rate_pct_computed", "execution_rate_pct")
    score, name = pick(projects, "total_score"), pick(projects, "name", "project_name", "project")
    if rate is None or score is None:
        return None
    keep = [c for c in ("agency", name, rate, score) if c]
    data = projects[keep].dropna(subset=[rate, score])
    if data.empty:
        return None
    title = "预算执行率与自评得分"
    fig = go.Figure(go.Scatter(x=data[rate], y=data[score], mode="markers",
                               marker={"size": 8, "color": "#3b6ea8", "opacity": 0.7},
                               text=data[name] if name else None))
    return ChartSpec("execution_vs_score", title,
                     _base_layout(fig, title, x_title="预算执行率（%）", y_title="自评总分"), data)


def chart_carryover(frames: SummaryFrames) -> ChartSpec | None:
    data = _agency_rate(frames.agency_year, "carryover_rate_pct_computed", "carryover_rate_pct")
    if data.empty:
        return None
    rate = data.columns[1]
    title = "各单位结转结余率"
    fig = go.Figure(go.Bar(x=data["agency"], y=data[rate], marker_color="#d68a2e"))
    return ChartSpec("carryover_by_agency", title, _base_layout(fig, title, y_title="结转结余率（%）"), data)


def indicator_category(level2: str | None) -> str:
    """数量指标 / 质量指标 … → 数量 / 质量 …; everything else is 其他."""
    text = level2 or ""
    return next((c for c in INDICATOR_CATEGORIES if c in text), "其他")


def chart_missed_by_category(frames: SummaryFrames) -> ChartSpec | None:
    ind = frames.indicators
    if ind.empty or "met" not in ind.columns:
        return None
    level2 = pick(ind, "category", "level2")
    categories = ind[level2].map(indicator_category) if level2 else pd.Series("其他", index=ind.index)
    # met is true / false / null (not measurable): only an explicit false counts as missed.
    missed = categories[ind["met"].eq(False).fillna(False).astype(bool)].value_counts()
    order = [c for c in INDICATOR_CATEGORIES + ("其他",) if c in set(categories)]
    data = pd.DataFrame({"category": order, "missed": [int(missed.get(c, 0)) for c in order]})
    title = "未达成目标的指标（按类别）"
    fig = go.Figure(go.Bar(x=data["category"], y=data["missed"], marker_color="#c0392b"))
    return ChartSpec("missed_by_category", title, _base_layout(fig, title, y_title="未达成指标数"), data)


KEY_CHARTS = {
    chart_execution_by_agency: "各单位预算执行率",
    chart_score_distribution: "自评等级分布",
    chart_execution_vs_score: "预算执行率与自评得分",
    chart_carryover: "各单位结转结余率",
    chart_missed_by_category: "未达成目标的指标（按类别）",
}


def key_charts(frames: SummaryFrames) -> tuple[list[ChartSpec], list[str]]:
    """The charts that have data, and a note for each one left out."""
    charts, notes = [], []
    for builder, title in KEY_CHARTS.items():
        spec = builder(frames)
        if spec is None:
            notes.append(f"缺少数据，未生成图表：{title}")
        else:
            charts.append(spec)
    return charts, notes
