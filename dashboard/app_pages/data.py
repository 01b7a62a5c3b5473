"""数据: upload reports or load a folder (progress, per-file results, warnings), the load log,
and the analyst's agency merge / split."""
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import detail_queries as dq
from dashboard import loading
from dashboard.agency_panel import agency_panel
from dashboard.db import database_path, has_relation
from dashboard.ui import no_data, show_table

st.title("数据")
db_path = database_path()
st.caption(f"数据库文件：{db_path}")

upload_tab, folder_tab, log_tab, agency_tab = st.tabs(["上传报告", "载入文件夹", "载入记录", "单位合并与拆分"])


def show_results(results: pd.DataFrame) -> None:
    ok = int(results["status"].isin(["载入", "替换"]).sum())
    failed = int((results["status"] == "失败").sum())
    (st.success if failed == 0 else st.warning)(f"完成：{ok} 个载入，{failed} 个失败，共 {len(results)} 个文件。")
    show_table(results, key="load_results", downloads=False)


def run_with_progress(paths: list[Path]) -> None:
    bar = st.progress(0.0, text="正在载入…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=f"已处理 {done}/{total}：{name}")

    results, views_error = loading.load_files(paths, db_path, progress=progress)
    bar.progress(1.0, text="载入完成")
    if views_error:
        st.warning(views_error)
    show_results(results)


with upload_tab:
    st.caption("支持纯文本（txt/csv）、Word（docx/doc/wps）、PDF（有文字层）、Excel（xlsx/xls/et）、网页（htm/mht）、"
               "RTF 与 ODT；按内容识别格式，扩展名不符也能读。单个文件最大 50 MB。")
    files = st.file_uploader("选择报告文件", accept_multiple_files=True, key="data_upload",
                             type=list(loading.UPLOAD_TYPES))
    if files and st.button("载入上传的文件", key="data_upload_go", icon=":material/upload:"):
        saved, rejected, notes = loading.save_uploads([(f.name, f.getvalue()) for f in files],
                                                      loading.uploads_folder(db_path))
        for message in rejected:
            st.error(message)
        for note in notes:
            st.info(note)
        if saved:
            run_with_progress(saved)

with folder_tab:
    folder = st.text_input("服务器上的文件夹路径", key="data_folder", placeholder="/data/reports/2024")
    if st.button("载入文件夹", key="data_folder_go", icon=":material/folder_open:") and folder:
        path = Path(folder).expanduser()
        if not path.is_dir():
            st.error(f"文件夹不存在：{path}")
        else:
            run_with_progress([path])

with log_tab:
    if not db_path.exists() or not has_relation("load_log"):
        no_data("还没有载入记录。")
    else:
        log = dq.load_log()
        log["status"] = log["status"].map(loading.STATUS_WORDS).fillna(log["status"])
        show_table(log, key="load_log")

with agency_tab:
    if not db_path.exists() or not has_relation("agencies"):
        no_data("还没有单位名录。")
    else:
        agency_panel(db_path)
