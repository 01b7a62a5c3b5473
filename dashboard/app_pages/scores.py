"""评分分布: grade bands per year, per agency × year summary, printed vs recomputed totals."""
import streamlit as st

from dashboard import charts, queries
from dashboard.ui import current_filters, filters_caption, no_data, show_chart, show_table

st.title("评分分布")
filters = current_filters()
caption = filters_caption(filters)
st.caption(caption + "。等级按评分规则中的分数段由报告总分计算。")

bands = queries.grade_bands_by_year(filters)
if bands.empty:
    no_data()
else:
    show_chart(charts.fig_grade_bands(bands, title="各年度项目等级分布"), bands, key="scores_bands", caption=caption)
    st.caption(f"共 {int(bands['projects'].sum())} 个项目在报告中列出了总分；未列总分的项目不计入等级分布。")

st.subheader("各单位年度得分")
table = queries.score_table(filters)
if table.empty:
    no_data()
else:
    show_table(table, key="scores_table")

st.subheader("报告总分与重算总分")
st.caption("重算总分 = 按评分规则重算的各指标得分 + 执行率得分；无法重算的项目不列出。差额最大者在前。")
gaps = queries.printed_vs_recomputed_scores(filters)
if gaps.empty:
    no_data("没有可重算总分的项目。")
else:
    show_table(gaps, key="scores_recomputed")
