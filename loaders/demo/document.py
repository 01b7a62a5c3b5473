"""The order of a document's parts, shared by every renderer: paragraphs and tables.

A block is either a paragraph (str) or a table (rows of cell texts). The txt
renderer prints tables in its layout; docx / pdf make real tables of them.
"""
from __future__ import annotations

from loaders.demo import prose
from loaders.demo.model import DemoDocument
from loaders.demo.tables import Rows, project_table

Block = str | Rows


def compose(doc: DemoDocument) -> list[Block]:
    blocks: list[Block] = prose.furniture(doc) if doc.style.furniture else []
    blocks += [prose.title(doc), ""]
    kind, tables = doc.report.report_kind, doc.layout != "narrative"
    if kind == "project" and tables:
        blocks.append(project_table(doc, doc.report.projects[0]))
        return blocks + ["", f"填报单位：{doc.report.agency}    填报日期：{doc.report_date}"]
    blocks += prose.intro(doc)
    if kind == "project":
        blocks += prose.project_sections(doc, doc.report.projects[0])
    else:
        blocks += prose.department_sections(doc)
    if kind == "mixed":
        blocks += ["", "附件：项目支出绩效自评表", ""]
        for k, project in enumerate(doc.report.projects):
            if tables:
                blocks += [project_table(doc, project), ""]
            else:
                blocks += prose.project_sections(doc, project, numbered=f"{prose.CN_NUMS[k % 10]}、")
    return blocks + [""] + prose.closing(doc)
