"""总览: the ten-second picture — KPI row, score histogram, execution vs self-score, trend by year,
and the few most serious flags."""
import streamlit as st

from dashboard import charts, queries
from dashboard.drill import detail_url
from dashboard.format import fmt_count, fmt_pct, fmt_score, fmt_wan
from dashboard.ui import current_filters, filters_caption, kpi_row, no_data, show_chart, show_table

st.title("总览")
filters = current_filters()
caption = filters_caption(filters)
st.caption(caption)

k = queries.kpis(filters)
kpi_row([
    ("预算总额", fmt_wan(k["budget"]), "各单位年度预算数合计：有部门整体数据的用部门数，否则用项目全年预算数之和"),
    ("执行总额", fmt_wan(k["executed"]), "与预算总额同口径的执行数合计"),
    ("加权执行率", fmt_pct(k["execution_rate_weighted_pct"]), "执行数合计 ÷ 预算数合计，按金额加权"),
    ("结转结余率中位数", fmt_pct(k["carryover_rate_median_pct"]), "各单位年度结转结余率（重算）的中位数"),
])
kpi_row([
    ("单位数", fmt_count(k["agencies"]), None),
    ("报告数", fmt_count(k["reports"]), None),
    ("项目数", fmt_count(k["projects"]), None),
    ("自评分中位数", fmt_score(k["score_median"]), "项目自评总分（报告所列）的中位数"),
    ("满分项目占比", fmt_pct(k["perfect_share_pct"]), "自评总分为100分的项目占比"),
    ("异常标记", fmt_count(k["flags"]), "见“异常识别”页"),
])

left, right = st.columns(2)
with left:
    hist = queries.score_histogram(filters)
    if hist.empty:
        no_data()
    else:
        show_chart(charts.fig_score_histogram(hist, title="项目自评得分分布（虚线为等级分界）"), hist,
                   key="overview_hist", caption=caption)
with right:
    points = queries.execution_vs_score(filters)
    if points.empty:
        no_data()
    else:
        total = int(points["points_total"].iloc[0])
        points = points.drop(columns=["points_total"])
        title = "预算执行率与平均自评分（红区：分高钱少）"
        if total > len(points):
            title += f"：预算最大的 {len(points)} 个单位年度（共 {total} 个）"
        show_chart(charts.fig_execution_vs_score(points, title=title), points, key="overview_scatter", caption=caption)

st.subheader("最需要关注")
urgent = queries.flag_list(filters, [], ["high"])
if urgent.empty:
    st.caption("当前筛选条件下没有严重程度为“高”的标记。")
else:
    st.caption(f"严重程度为“高”的标记共 {queries.flag_total(filters, [], ['high'])} 条，以下为前 5 条；全部见“异常识别”页。")
    top = urgent.head(5).rename(columns={"rule_title": "rule"})
    top["link"] = [detail_url(row) for row in top.to_dict("records")]
    show_table(top[["rule", "agency", "year", "explanation", "link"]], key="overview_urgent", downloads=False)

trend = queries.trend_by_year(filters)
if trend.empty:
    no_data()
else:
    show_chart(charts.fig_trend(trend, title="加权预算执行率（按年度）", value="execution_rate_pct",
                                value_label="执行率（%）"), trend, key="overview_trend", caption=caption)
