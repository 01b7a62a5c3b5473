"""The dashboard frame: page setup, navigation, shared sidebar filters carried in the URL.

Pages live in app_pages/ and read the filters through dashboard.ui.current_filters.
Filters are mirrored into the query string (?year=2023&year=2024&region=…) so a
view can be shared by its URL; a URL opened fresh seeds the sidebar.
"""
from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/streamlit_app.py` puts dashboard/ on sys.path, not the project root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import queries  # noqa: E402
from dashboard.db import database_path, has_relation  # noqa: E402
from dashboard.ui import FILTER_KEYS, KIND_LABELS  # noqa: E402

URL_KEYS = {"years": "year", "regions": "region", "agencies": "agency_filter", "kinds": "kind"}

PAGES = [
    st.Page("app_pages/overview.py", title="总览", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("app_pages/compare.py", title="单位对比", icon=":material/leaderboard:", url_path="compare"),
    st.Page("app_pages/trend.py", title="年度趋势", icon=":material/trending_up:", url_path="trend"),
    st.Page("app_pages/scores.py", title="评分分布", icon=":material/bar_chart:", url_path="scores"),
    st.Page("app_pages/targets.py", title="目标与实际", icon=":material/target:", url_path="targets"),
    st.Page("app_pages/flags.py", title="异常识别", icon=":material/flag:", url_path="flags"),
    st.Page("app_pages/detail.py", title="明细", icon=":material/account_tree:", url_path="detail"),
    st.Page("app_pages/data.py", title="数据", icon=":material/upload_file:", url_path="data"),
]


def seed_filters_from_url(options: dict[str, list]) -> None:
    """On a session's first run, take the filters from the query string (unknown values dropped)."""
    if st.session_state.get("_filters_seeded"):
        return
    for name, url_key in URL_KEYS.items():
        wanted = st.query_params.get_all(url_key)
        if name == "agencies":
            allowed = {a: a for a in queries.agency_options(keep=tuple(wanted))[0]}
        else:
            allowed = {str(v): v for v in options[name]}
        st.session_state[FILTER_KEYS[name]] = [allowed[w] for w in wanted if w in allowed]
    st.session_state["_filters_seeded"] = True


def write_filters_to_url() -> None:
    for name, url_key in URL_KEYS.items():
        values = [str(v) for v in st.session_state.get(FILTER_KEYS[name], [])]
        if values:
            st.query_params[url_key] = values
        elif url_key in st.query_params:
            del st.query_params[url_key]


def sidebar_filters(options: dict[str, list]) -> None:
    seed_filters_from_url(options)
    with st.sidebar:
        st.markdown("**筛选**")
        st.multiselect("年度", options["years"], key=FILTER_KEYS["years"], placeholder="全部年度")
        regions = st.multiselect("地区", options["regions"], key=FILTER_KEYS["regions"], placeholder="全部地区")
        chosen = tuple(st.session_state.get(FILTER_KEYS["agencies"], []))
        agencies, total = queries.agency_options(tuple(regions), keep=chosen)
        st.multiselect("单位", agencies, key=FILTER_KEYS["agencies"], placeholder="全部单位")
        if total > queries.AGENCY_OPTIONS_LIMIT:
            st.caption(f"单位共 {total} 个，列表只列出前 {queries.AGENCY_OPTIONS_LIMIT} 个：先选地区，再选单位。")
        st.multiselect("报告类型", options["kinds"], key=FILTER_KEYS["kinds"], placeholder="全部类型",
                       format_func=lambda k: KIND_LABELS.get(k, k))
        st.caption("报告类型只筛选项目与指标层面的统计；单位年度金额、异常标记按单位和年度汇总，不受其限制。")
    write_filters_to_url()


def annual_report_sidebar(options: dict[str, list]) -> None:
    """The exports' one-click annual Word report, for the latest chosen year (and region, if one)."""
    try:
        from dashboard.exporting.ui import annual_report_button
    except ImportError:
        return
    years = st.session_state.get(FILTER_KEYS["years"]) or options["years"]
    regions = st.session_state.get(FILTER_KEYS["regions"]) or []
    if not years:
        return
    with st.sidebar.expander("导出年度汇总报告", icon=":material/description:"):
        annual_report_button(database_path(), year=int(max(years)),
                             region=regions[0] if len(regions) == 1 else None, key="sidebar-annual-report")


def database_ready() -> bool:
    path = database_path()
    if not path.exists():
        st.error(f"找不到数据库文件：{path}。请先运行 `perfdash load 报告文件夹`，或用 `perfdash serve` 以演示数据启动。")
        return False
    try:
        return has_relation("mart_project") and has_relation("mart_agency_year")
    except Exception as err:  # noqa: BLE001 — shown to the user instead of a stack trace
        st.error(f"无法读取数据库：{err}")
        return False


def main() -> None:
    st.set_page_config(page_title="绩效评价分析看板", layout="wide", page_icon=":material/analytics:")
    page = st.navigation(PAGES)
    if database_ready():
        if queries.demo_share() > 0:
            st.warning("当前显示的是内置演示数据（虚构单位与数字），不代表任何真实单位。", icon=":material/science:")
        options = queries.filter_options()
        sidebar_filters(options)
        annual_report_sidebar(options)
    elif page.title != "数据":
        st.info("视图尚未建立或数据库为空：可在“数据”页上传报告。", icon=":material/info:")
        st.stop()
    page.run()


main()
