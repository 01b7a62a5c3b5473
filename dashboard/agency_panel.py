"""单位合并与拆分 on the 数据 page: the review list of uncertain name matches, merge and split.

The writes are dashboard.edits (the loader's safe writer around loaders.agencies).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import edits
from dashboard.db import frame


def agency_table() -> pd.DataFrame:
    return frame("""
        select a.agency_id, a.canonical_name, a.region,
               (select count(*) from reports r where r.agency_id = a.agency_id) as reports,
               (select string_agg(distinct al.alias, '、') from agency_aliases al where al.agency_id = a.agency_id)
                   as aliases
        from agencies a order by a.region, a.canonical_name limit 1000
    """)


def review_table() -> pd.DataFrame:
    return frame("""
        select r.alias, r.agency_id, a.canonical_name as agency_name, r.candidate_id,
               c.canonical_name as candidate_name, r.score, r.reason
        from agency_review r join agencies a on a.agency_id = r.agency_id
        join agencies c on c.agency_id = r.candidate_id
        where r.status = 'open' order by r.created_at desc limit 200
    """)


def agency_panel(db_path: Path) -> None:
    agencies = agency_table()
    if agencies.empty:
        st.info("还没有单位名录。")
        return
    names = dict(zip(agencies["agency_id"], agencies["canonical_name"] + "（" + agencies["region"].fillna("") + "）"))
    _review_section(db_path, names)
    _merge_section(db_path, names)
    _split_section(db_path, agencies, names)
    st.markdown("**单位名录**")
    st.dataframe(agencies.rename(columns={"canonical_name": "规范名称", "region": "地区", "reports": "报告数",
                                          "aliases": "报告中的写法"}).drop(columns=["agency_id"]),
                 hide_index=True)


def _review_section(db_path: Path, names: dict) -> None:
    reviews = review_table()
    st.markdown(f"**待确认的名称匹配（{len(reviews)} 条）**")
    if reviews.empty:
        st.caption("没有待确认的匹配。")
        return
    for i, row in enumerate(reviews.itertuples()):
        cols = st.columns([4, 1, 1])
        cols[0].text(f"“{row.alias}” 可能就是 {row.candidate_name}（{row.reason or ''}）")
        if cols[1].button("合并", key=f"review_merge_{i}"):
            edits.merge_agencies(db_path, row.candidate_id, [row.agency_id])
            st.rerun()
        if cols[2].button("不是同一单位", key=f"review_dismiss_{i}"):
            edits.dismiss_review(db_path, row.alias, row.agency_id, row.candidate_id)
            st.rerun()


def _merge_section(db_path: Path, names: dict) -> None:
    st.markdown("**合并单位**：把几个名称归为同一个单位，跨年度比较按合并后的单位进行。")
    with st.form("merge_form"):
        keep = st.selectbox("保留的单位", list(names), format_func=names.get, index=None, placeholder="请选择…")
        merge = st.multiselect("并入的单位", list(names), format_func=names.get, placeholder="请选择…")
        if st.form_submit_button("合并"):
            if not keep or not merge:
                st.error("请选择保留的单位和并入的单位")
            else:
                moved = edits.merge_agencies(db_path, keep, merge)
                st.success(f"已合并，{moved} 份报告归入 {names[keep]}。")


def _split_section(db_path: Path, agencies: pd.DataFrame, names: dict) -> None:
    st.markdown("**拆分单位**：把某些写法的报告分出去，成为一个新单位。")
    source = st.selectbox("被拆分的单位", list(names), format_func=names.get, index=None, placeholder="请选择…",
                          key="split_source")
    if not source:
        return
    aliases = agencies.loc[agencies["agency_id"] == source, "aliases"].iloc[0]
    options = [a for a in (aliases or "").split("、") if a]
    with st.form("split_form"):
        chosen = st.multiselect("分出去的写法", options, placeholder="请选择…")
        new_name = st.text_input("新单位名称（可留空，默认用第一个写法）")
        if st.form_submit_button("拆分"):
            if not chosen:
                st.error("请至少选择一个写法")
            else:
                edits.split_agency(db_path, source, chosen, new_name)
                st.success("已拆分。")
