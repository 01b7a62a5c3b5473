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

ranked = queries.ranking(filters, metric, year)
if ranked.empty:
    no_data()
else:
    show_chart(charts.fig_ranking(ranked, title=f"{year}年 各单位{label}排名", value="value", value_label=label),
               ranked, key="compare_ranking", caption=caption)
    st.subheader("同比变化")
    st.caption(f"本年、上年与变化均为“{label}”。")
    show_table(ranked, key="compare_yoy")

grid = queries.agency_year_metric(filters, metric)
if not grid.empty:
    show_chart(charts.fig_heatmap(grid, title=f"单位 × 年度：{label}", value="value", value_label=label),
               grid, key="compare_heatmap", caption=caption)
