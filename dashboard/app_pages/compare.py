"""单位对比: rank agencies on one metric for a year, agency × year heat-map, year-over-year table."""
import streamlit as st

from dashboard import charts, queries
from dashboard.ui import current_filters, filters_caption, no_data, show_chart, show_table

st.title("单位对比")
filters = current_filters()
caption = filters_caption(filters)
st.caption(caption + "。地区与单位在左侧筛选。")

years = list(filters.years) or queries.filter_options()["years"]
left, right = st.columns(2)
metric = left.selectbox("指标", list(queries.AGENCY_METRICS), format_func=queries.AGENCY_METRICS.get,
                        key="compare_metric")
year = right.selectbox("年度", sorted(years, reverse=True), key="compare_year")
label = queries.AGENCY_METRICS[metric]

CHART_TOP, CHART_BOTTOM, HEATMAP_ROWS = 20, 10, 40

ranked = queries.ranking(filters, metric, year)
if ranked.empty:
    no_data()
else:
    total = int(ranked["ranked_agencies"].iloc[0])
    ends = queries.ranking(filters, metric, year, ends=(CHART_TOP, CHART_BOTTOM))
    shown = "全部单位" if total <= CHART_TOP + CHART_BOTTOM else f"前 {CHART_TOP} 名与后 {CHART_BOTTOM} 名（共 {total} 个单位）"
    show_chart(charts.fig_ranking(ends, title=f"{year}年 各单位{label}排名：{shown}", value="value", value_label=label),
               ends, key="compare_ranking", caption=caption)
    st.subheader("同比变化")
    note = f"本年、上年与变化均为“{label}”。"
    if total > len(ranked):
        note += f"表中为前 {len(ranked)} 名（共 {total} 个单位）；用左侧的地区、单位筛选缩小范围。"
    st.caption(note)
    show_table(ranked.drop(columns=["ranked_agencies"]), key="compare_yoy")

    grid = queries.agency_year_metric(filters, metric, rank_year=year, top=HEATMAP_ROWS)
    if not grid.empty:
        many = int(grid["agencies"].iloc[0])
        title = f"单位 × 年度：{label}" + (f"（{year}年排名前 {HEATMAP_ROWS} 的单位，共 {many} 个）" if many > HEATMAP_ROWS else "")
        show_chart(charts.fig_heatmap(grid, title=title, value="value", value_label=label),
                   grid.drop(columns=["agencies"]), key="compare_heatmap", caption=caption)
