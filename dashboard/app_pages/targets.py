"""目标与实际: indicator outcomes by category, missed targets, over-achievement (≥ 130% of target)."""
import streamlit as st

from dashboard import charts, queries
from dashboard.ui import current_filters, filters_caption, no_data, show_chart, show_table

st.title("目标与实际")
filters = current_filters()
caption = filters_caption(filters)
st.caption(caption)

status = queries.target_status_by_category(filters)
if status.empty:
    no_data()
else:
    show_chart(charts.fig_target_gaps(status, title="各类指标完成情况（按二级指标）"), status,
               key="targets_status", caption=caption)

missed_tab, over_tab = st.tabs(["未达成目标", "超额完成（≥ 目标的 130%）"])
for tab, kind, hint in ((missed_tab, "missed", "偏差为负表示低于目标；未写偏差原因的需要说明。"),
                        (over_tab, "over", "大幅超额往往说明目标定得过低。")):
    with tab:
        total = queries.indicator_count(filters, kind=kind)
        st.caption(f"共 {total} 项。{hint}")
        pages = max(1, -(-total // queries.PAGE_SIZE))
        page = st.number_input("页码", 1, pages, 1, key=f"targets_page_{kind}") - 1 if pages > 1 else 0
        rows = queries.indicator_list(filters, kind=kind, page=page)
        if rows.empty:
            no_data()
        else:
            show_table(rows, key=f"targets_{kind}")
