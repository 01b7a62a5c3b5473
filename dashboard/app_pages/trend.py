"""年度趋势: a few agencies across years, and rates as printed beside our recomputation."""
import streamlit as st

from dashboard import charts, queries
from dashboard.ui import current_filters, filters_caption, no_data, show_chart, show_table

st.title("年度趋势")
filters = current_filters()
caption = filters_caption(filters)
st.caption(caption)

metric = st.selectbox("指标", list(queries.AGENCY_METRICS), format_func=queries.AGENCY_METRICS.get,
                      key="trend_metric")
label = queries.AGENCY_METRICS[metric]
series = queries.agency_year_metric(filters, metric)
if series.empty:
    no_data()
    st.stop()

agencies = sorted(series["agency"].unique())
chosen = st.multiselect("单位（最多 8 个）", agencies, default=agencies[:5], max_selections=8, key="trend_agencies")
shown = series[series["agency"].isin(chosen)]
if shown.empty:
    no_data("请至少选择一个单位。")
else:
    show_chart(charts.fig_trend(shown, title=f"{label}：年度走势", value="value", value_label=label,
                                series="agency"), shown, key="trend_lines", caption=caption)

st.subheader("报告值与重算值")
st.caption("报告所列的执行率、结转结余率与按金额重算的结果并列；两者不一致的点偏离对角线，表中差异最大的在前。")
both = queries.printed_vs_computed(filters)
if both.empty:
    no_data("报告中没有列出可与重算值对照的比率。")
else:
    show_chart(charts.fig_printed_vs_computed(both, title="预算执行率：报告值与重算值", printed="execution_rate_pct",
                                              computed="execution_rate_pct_computed", value_label="执行率（%）"),
               both, key="trend_printed_computed", caption=caption)
    show_table(both, key="trend_rates_table")
