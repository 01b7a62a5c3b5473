"""异常识别: the flags, filterable by rule and severity; each row opens its drill-down in 明细."""
import streamlit as st

from dashboard import queries
from dashboard.drill import detail_params, detail_url
from dashboard.ui import current_filters, filters_caption, no_data, show_table

st.title("异常识别")
filters = current_filters()
st.caption(filters_caption(filters) + "。每条标记都附有数字说明，可打开到项目与指标明细。")

counts = queries.flag_counts(filters)
if counts.empty:
    no_data("当前筛选条件下没有异常标记。")
    st.stop()

titles = dict(zip(counts["rule_id"], counts["rule_title"]))
left, right = st.columns([2, 1])
rules = left.multiselect("规则", list(dict.fromkeys(counts["rule_id"])), key="flags_rules",
                         format_func=lambda r: titles.get(r, r), placeholder="全部规则")
severities = right.multiselect("严重程度", ["high", "medium", "low"], key="flags_severity",
                               format_func=queries.SEVERITY_LABELS.get, placeholder="全部")

with st.expander("各规则标记数", expanded=False):
    show_table(counts.rename(columns={"rule_title": "rule"})[["rule", "severity_label", "flags"]],
               key="flags_summary", downloads=False)

total = queries.flag_total(filters, rules, severities)
pages = max(1, -(-total // queries.PAGE_SIZE))
page = (st.number_input("页码", 1, pages, 1, key="flags_page") - 1) if pages > 1 else 0
st.caption(f"共 {total} 条标记，本页最多 {queries.PAGE_SIZE} 条，严重程度高的在前。")
flags = queries.flag_list(filters, rules, severities, page=page)
if flags.empty:
    no_data()
    st.stop()

flags = flags.rename(columns={"rule_title": "rule"})
flags["link"] = [detail_url(row) for row in flags.to_dict("records")]
show_table(flags[["severity_label", "rule", "agency", "year", "explanation", "link"]], key="flags_table")

st.subheader("打开一条标记")
choice = st.selectbox(
    "标记", range(len(flags)), key="flags_open",
    format_func=lambda i: f"{flags['severity_label'].iloc[i]} · {flags['rule'].iloc[i]} · "
                          f"{flags['agency'].iloc[i]} {flags['year'].iloc[i]} · {str(flags['explanation'].iloc[i])[:60]}")
if st.button("查看明细", icon=":material/open_in_new:", key="flags_go"):
    st.switch_page("app_pages/detail.py", query_params=detail_params(flags.iloc[choice].to_dict()))
