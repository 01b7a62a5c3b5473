"""What kind of document this is (project / department / mixed) and who evaluated (self / third party …).

Decision: both are read from vocabulary (data/report_kind_cues.csv,
data/evaluation_type_cues.csv), first in the title lines, where a document names
itself, then in the body; the subjects of the parsed tables (project / department)
complete the report kind. Weak evidence yields a value with a warning; no evidence
yields null (kind) or "unknown" (evaluation type) with a warning.
"""
from __future__ import annotations

import re

from loaders.parse.header import Found, content_lines, subordinate_evaluated
from loaders.parse.text import SALUTATION_RE, TextIndex, addressed_to_own_units, compact, read_rows, site_menu_length
from loaders.records import Project

TITLE_LINES = 8          # a title, a subtitle, a heading or two
TITLE_CHARS = 60         # a flattened page puts the whole table after the title on one line
# In the body only unmistakable department wording counts (整体绩效 also names the annual
# self-evaluation exercise in a project report).
BODY_DEPARTMENT_CUES = ("部门整体", "单位整体", "整体支出")
SECTION_HEADING_CHARS = 30
KIND_NAMES = {"project": "项目报告", "department": "部门整体报告", "mixed": "混合报告（部门整体与项目）"}


def title_text(index: TextIndex) -> tuple[str, tuple[int, int] | None]:
    """The opening content lines, each up to its first sentence mark (a paragraph is no title)
    and at most TITLE_CHARS (a flattened page runs the table on after the title), compacted."""
    lines = _without_site_menu(content_lines(index))[:TITLE_LINES]
    salutation = next((k for k, (_, line) in enumerate(lines) if k and SALUTATION_RE.match(line)), None)
    lines = lines[:salutation]      # 局属各单位： opens the letter: the title is above it
    if not lines:
        return "", None
    # (a document the text cites, 《…部门绩效评价工作的通知》, is no part of its title)
    heads = [re.split(r"[。，,；;！!？?]", _CITED_RE.sub("", line), maxsplit=1)[0][:TITLE_CHARS] for _, line in lines]
    return compact("\n".join(heads)), (lines[0][0], lines[-1][0])


_CITED_RE = re.compile(r"《[^》]{0,60}》")


def _addressed_to_its_units(index: TextIndex) -> bool:
    return addressed_to_own_units([line for _, line in _without_site_menu(content_lines(index))[:TITLE_LINES + 1]])


def _without_site_menu(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return lines[site_menu_length([line for _, line in lines]):]


def _cues(csv_name: str, column: str) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in read_rows(csv_name):
        grouped.setdefault(row[column], []).append(row)
    return grouped


def find_report_kind(index: TextIndex, projects: list[Project]) -> Found | None:
    """project | department | mixed, from the title's words and the subjects of the parsed tables;
    from the body's words (with a warning) when the title says nothing."""
    title, span = title_text(index)
    cues = _cues("report_kind_cues.csv", "kind")
    for phrase in cues.get("by_department", []):
        title = title.replace(phrase["term"], "的")     # 关于X项目的部门绩效评价报告: who evaluated, not what
    if _addressed_to_its_units(index):
        title = title.replace("部门绩效评价", "绩效评价").replace("部门评价", "评价")   # 局属各单位： the department evaluated them
    said = {kind for kind in ("department", "project", "mixed")
            if any(r["term"] in title for r in cues.get(kind, []))}
    subjects = {p.subject for p in projects}
    if not said:
        # (the page's own words: a link to the previous article names another report)
        return _kind_from_body(compact("\n".join(line for _, line in content_lines(index))), cues, subjects, span)
    if "mixed" in said:
        return Found("mixed", span)
    if "department" in said or "department" in subjects:
        has_projects = "project" in subjects or project_section_line(index) is not None
        return Found("mixed" if has_projects else "department", span)
    return Found("project", span)


def project_section_line(index: TextIndex) -> int | None:
    """The first heading line of a project evaluation inside the document ("二、项目支出绩效评价报告")."""
    terms = [r["term"] for r in read_rows("report_kind_cues.csv") if r["kind"] == "project_section"]
    for number, line in content_lines(index):
        if len(line) <= SECTION_HEADING_CHARS and any(t in compact(line) for t in terms):
            return number
    return None


def _kind_from_body(body: str, cues: dict[str, list[dict[str, str]]], subjects: set[str],
                    span: tuple[int, int] | None) -> Found | None:
    """No title to go by (a results notice, a page opening mid-text): the body's words and the tables."""
    department = "department" in subjects or any(t in body for t in BODY_DEPARTMENT_CUES)
    project = "project" in subjects or any(r["term"] in body for r in cues["project"])
    kind = "mixed" if department and project else "department" if department else "project" if project else None
    if kind is None:
        return None
    return Found(kind, span, f"报告类型不确定：标题未说明，按正文用词判为{KIND_NAMES[kind]}")


_FINANCE_BUREAU_RE = re.compile(r"^[\u4e00-\u9fff]{1,20}财政(?:局|厅)")   # the title's unit is a finance bureau


def is_review(index: TextIndex) -> bool:
    """The title reviews a self-evaluation (自评复核报告 / 抽查复核): its 复核 scores are the result. A
    table row among the first lines (自评得分 | 复核得分) is no title. (Asked by several readers: kept.)"""
    if "is_review" in index.memo:
        return index.memo["is_review"]
    title = "".join(re.split(r"[。，,；;！!？?]", line, maxsplit=1)[0]
                    for _, line in _without_site_menu(content_lines(index))[:TITLE_LINES]
                    if "\t" not in line and "|" not in line)
    index.memo["is_review"] = any(r["term"] in title for r in read_rows("evaluation_type_cues.csv")
                                  if r["type"] == "review" and r["strength"] == "title")
    return index.memo["is_review"]


def find_evaluation_type(index: TextIndex) -> Found:
    """self | department | third_party | unknown, strongest evidence first."""
    title, span = title_text(index)
    body = compact(index.text)
    rows = read_rows("evaluation_type_cues.csv")

    def terms(kind: str, strength: str) -> list[str]:
        return [r["term"] for r in rows if r["type"] == kind and r["strength"] == strength]

    # 绩效自评报告 / 自评表 / 自评情况 in the title — not 项目单位自评得分 in a line that opens the body
    reviewed = is_review(index)     # 自评复核报告: someone checked the 自评
    if not reviewed and any(re.search(re.escape(t) + r".{0,6}?(?:报告|表|情况|结果)", title)
                            for t in terms("self", "strong")):
        return Found("self", span)
    if any(re.search(r"(?<!主管)" + re.escape(t) + r"(?!机构)", title) for t in terms("department", "strong")):
        return Found("department", span)    # 关于…部门评价报告: the title says who evaluated (not a 主管部门 | 评价机构 header)
    if reviewed:     # who reviewed decides: an outside body or a finance bureau, else the supervising department
        outside = any(t in body for t in terms("third_party", "strong")) or _FINANCE_BUREAU_RE.match(title)
        return Found("third_party" if outside else "department", span)
    if any(t in body for t in terms("third_party", "strong")):
        return Found("third_party", span)
    if _FINANCE_BUREAU_RE.match(title) and any(t in body for t in terms("finance", "strong")):
        return Found("third_party", span)   # 某市财政局关于…财政重点绩效评价结果的通报: the bureau evaluated others
    if not _FINANCE_BUREAU_RE.match(title) and "评价" in title and any(t in title for t in terms("department", "subordinate")):
        return Found("department", span)    # XX局关于局属单位…评价结果的通报: the department evaluated its units
    if not _FINANCE_BUREAU_RE.match(title) and "评价" in title and _addressed_to_its_units(index):
        return Found("department", span)    # …绩效评价结果的通报 ⏎ 局属各单位：
    if not _FINANCE_BUREAU_RE.match(title) and subordinate_evaluated(index) is not None:
        return Found("department", span)    # 我局…对局属单位X实施的…项目进行了绩效评价
    if "评价" in title and "自评" not in title and any(t in body for t in terms("department", "acting")):
        return Found("department", span)    # 我局作为主管部门，组织…: the department evaluated
    if any(t in body for t in terms("self", "strong")):
        return Found("self", span)
    outside = {t for t in terms("third_party", "weak") if t in body}
    speaks_for_itself = any(t in body for t in terms("self", "voice"))
    if len(outside) >= 2 and not speaks_for_itself:
        return Found("third_party", span,
                     f"评价类型按用词推断为第三方评价（{'、'.join(sorted(outside))}），文中未明说")
    if speaks_for_itself:
        return Found("self", span, "评价类型按“本单位/我局”等自称推断为自评，文中未明说")
    return Found("unknown", span, "评价类型不明：文中没有自评或第三方评价的说法")
