"""明细: agency → report → project → indicator, each level a list plus a detail keyed by id in the URL.

Every number is shown beside the source lines it was read from (provenance), and
an analyst can correct a value with a reason. Report text is shown only through
widgets that display text (tables, code blocks), never as Markdown or HTML.
"""
import pandas as pd
import streamlit as st

from dashboard import detail_queries as dq
from dashboard import edits
from dashboard.db import database_path
from dashboard.drill import LEVELS, detail_url
from dashboard.format import fmt_pct, fmt_score, fmt_wan
from dashboard.ui import KIND_LABELS, current_filters, no_data, show_table

st.title("明细")

# provenance field names → the words of the form
FIELD_LABELS = {**{f: label for labels in edits.CORRECTABLE.values() for f, label in labels.items()},
                "budget": "预算数", "budget_initial": "年初预算数", "carryover": "结转结余", "carryover_rate_pct": "结转结余率",
                "level1": "一级指标", "level2": "二级指标", "year": "年度", "agency": "单位", "row": "指标行",
                "basic_budget": "基本支出预算", "project_budget": "项目支出预算", "basic_expenditure": "基本支出",
                "project_expenditure": "项目支出", "report_kind": "报告类型", "evaluation_type": "评价类型",
                "execution_weight": "执行率分值"}


def resolve_parents() -> dict[str, str]:
    """Fill the upper levels from the deepest id in the URL (a shared link may carry only that)."""
    params = {level: st.query_params.get(level) for level in LEVELS}
    if params["indicator"] and (row := dq.indicator(params["indicator"])):
        params.update(project=row["project_id"], report=row["report_id"], agency=row["agency_key"])
    if params["project"] and (row := dq.project(params["project"])):
        params.update(report=row["report_id"], agency=row["agency_key"])
    if params["report"] and (row := dq.report(params["report"])):
        params["agency"] = row["agency_key"]
    for level, value in params.items():
        if value and st.query_params.get(level) != value:
            st.query_params[level] = value
    return params


def pick(label: str, ids: list[str], labels: dict[str, str], level: str, current: str | None) -> str | None:
    """A selectbox bound to one URL parameter; choosing clears the levels below it."""
    index = ids.index(current) if current in ids else None
    choice = st.selectbox(label, ids, index=index, format_func=lambda i: labels.get(i, i), placeholder="请选择…")
    if choice is not None and choice != current:
        st.query_params[level] = choice
        for deeper in LEVELS[LEVELS.index(level) + 1:]:
            st.query_params.pop(deeper, None)
        st.rerun()
    return choice


def as_list(value) -> list[str]:
    return [] if value is None else [str(v) for v in value]


def facts(rows: list[tuple[str, str]]) -> None:
    st.dataframe(pd.DataFrame(rows, columns=["项目", "值"]), hide_index=True, height=35 * (len(rows) + 1) + 3)


def provenance_block(entity_id: str) -> None:
    st.markdown("**来源（报告原文中的行）**")
    source = dq.provenance(entity_id)
    if source.empty:
        st.caption("没有记录这一层级数值的来源行。")
        return
    source["field"] = source["field"].map(lambda f: FIELD_LABELS.get(f, f))
    show_table(source, key=f"prov_{entity_id}", downloads=False)
    for snippet in source["snippet"].dropna().unique()[:3]:
        st.code(snippet, language=None, wrap_lines=True)


def flags_block(level: str, entity_id: str) -> None:
    found = dq.flags_of(level, entity_id)
    if not found.empty:
        st.markdown(f"**异常标记（{len(found)} 条）**")
        show_table(found, key=f"flags_{entity_id}", downloads=False)


def correction_form(entity: str, key: str, current: dict) -> None:
    """Store a corrected value with a reason; the views overlay it everywhere."""
    fields = edits.CORRECTABLE[entity]
    with st.expander("更正数值", icon=":material/edit:"):
        with st.form(f"fix_{entity}_{key}"):
            field = st.selectbox("字段", list(fields), format_func=fields.get)
            new_value = st.text_input("更正后的值")
            reason = st.text_input("更正理由（必填）")
            author = st.text_input("更正人（必填）")
            if st.form_submit_button("保存更正"):
                old = current.get(field)
                try:
                    edits.save_correction(database_path(), entity=entity, entity_key=key, field=field,
                                          old_value=None if old is None or pd.isna(old) else str(old),
                                          new_value=new_value, reason=reason, author=author)
                except edits.CorrectionError as err:
                    st.error(str(err))
                else:
                    st.success("已保存更正；各页面将显示更正后的值。")


params = resolve_parents()
filters = current_filters()

agencies = dq.agencies(filters, include=params["agency"])
if agencies.empty:
    no_data()
    st.stop()
total = int(agencies["agencies_total"].iloc[0])
agencies = agencies.drop(columns=["agencies_total"])
if total > len(agencies):
    st.caption(f"共 {total} 个单位，列表只列出前 {len(agencies)} 个；请用左侧的地区、单位筛选缩小范围。")
agency = pick("单位", agencies["agency_key"].tolist(),
              dict(zip(agencies["agency_key"], agencies["agency"])), "agency", params["agency"])
if agency is None:
    st.caption("选择一个单位，再逐级查看报告、项目与指标；每一级的网址都可以直接分享。")
    agencies["link"] = [detail_url({"agency_key": k}) for k in agencies["agency_key"]]
    show_table(agencies, key="detail_agencies", downloads=False)
    st.stop()

reports = dq.reports_of_agency(agency)
report_labels = {r.report_id: f"{r.year}年 · {KIND_LABELS.get(r.report_kind, r.report_kind)} · {r.file_name}"
                 for r in reports.itertuples()}
report_id = pick("报告", reports["report_id"].tolist(), report_labels, "report", params["report"])
if report_id is None:
    show_table(reports, key="detail_reports", downloads=False)
    st.stop()

report = dq.report(report_id) or {}
projects = dq.projects_of_report(report_id)
project_labels = {p.project_id: f"{p.seq}. {p.name}" for p in projects.itertuples()}
project_id = pick("项目", projects["project_id"].tolist(), project_labels, "project", params["project"])
if project_id is None:
    st.subheader("报告")
    facts([("文件", str(report.get("file_name"))), ("单位（报告所写）", str(report.get("agency_as_written"))),
           ("地区", str(report.get("region"))), ("年度", str(report.get("year"))),
           ("报告总分", fmt_score(report.get("total_score"))), ("等级", str(report.get("grade") or "—"))])
    if dept := dq.department(report_id):
        st.markdown("**部门整体支出**")
        facts([("年初预算数", fmt_wan(dept.get("budget_initial"))), ("全年预算数", fmt_wan(dept.get("budget"))),
               ("预算调整额（重算）", fmt_wan(dept.get("budget_adjustment_computed"))),
               ("执行数", fmt_wan(dept.get("executed"))),
               ("执行率（报告）", fmt_pct(dept.get("execution_rate_pct"))),
               ("执行率（重算）", fmt_pct(dept.get("execution_rate_pct_computed"))),
               ("结转结余", fmt_wan(dept.get("carryover"))),
               ("结转结余率（报告）", fmt_pct(dept.get("carryover_rate_pct"))),
               ("结转结余率（重算）", fmt_pct(dept.get("carryover_rate_pct_computed"))),
               ("重算所用分母", str(dept.get("carryover_denominator_label") or "—"))])
    show_table(projects, key="detail_projects", downloads=False)
    flags_block("report", report_id)
    provenance_block(report_id)
    correction_form("report", edits.correction_key("report", str(report["file_name"])), report)
    st.stop()

project = dq.project(project_id) or {}
indicators = dq.indicators_of_project(project_id)
indicator_labels = {i.indicator_id: f"{i.seq}. {i.level2 or ''} · {i.name}" for i in indicators.itertuples()}
indicator_id = pick("指标", indicators["indicator_id"].tolist(), indicator_labels, "indicator", params["indicator"])

if indicator_id is None:
    st.subheader("项目")
    facts([("项目名称", str(project.get("name"))),
           ("全年预算数", fmt_wan(project.get("budget_full_year"))), ("全年执行数", fmt_wan(project.get("executed"))),
           ("执行率（报告）", fmt_pct(project.get("execution_rate_pct"))),
           ("执行率（重算）", fmt_pct(project.get("execution_rate_pct_computed"))),
           ("总分（报告）", fmt_score(project.get("total_score"))),
           ("总分（重算）", fmt_score(project.get("total_score_computed"))),
           ("等级（报告）", str(project.get("grade") or "—")),
           ("已更正字段", "、".join(as_list(project.get("corrected_fields"))) or "无")])
    show_table(indicators, key="detail_indicators", downloads=False)
    flags_block("project", project_id)
    provenance_block(project_id)
    correction_form("project", edits.correction_key("project", str(project["file_name"]), int(project["seq"])),
                    project)
    st.stop()

indicator = dq.indicator(indicator_id) or {}
st.subheader("指标")
facts([("一级 / 二级指标", f"{indicator.get('level1') or '—'} / {indicator.get('level2') or '—'}"),
       ("三级指标", str(indicator.get("name"))), ("年度指标值", str(indicator.get("target"))),
       ("实际完成值", str(indicator.get("actual"))), ("分值", fmt_score(indicator.get("weight"))),
       ("得分（报告）", fmt_score(indicator.get("score"))), ("得分（重算）", fmt_score(indicator.get("score_computed"))),
       ("是否达成", str(indicator.get("met_status"))), ("偏差（占目标）", fmt_pct(indicator.get("gap_pct"))),
       ("偏差原因", str(indicator.get("deviation_reason") or "—")),
       ("已更正字段", "、".join(as_list(indicator.get("corrected_fields"))) or "无")])
flags_block("indicator", indicator_id)
provenance_block(indicator_id)
correction_form("indicator", edits.correction_key("indicator", str(indicator["file_name"]),
                                                  int(indicator["project_seq"]), int(indicator["seq"])), indicator)
