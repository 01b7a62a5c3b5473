"""The document's overall score and grade word.

Decision: a score or grade counts only when the document states it for itself —
"总分为98分", "自评总分: 95", "等级为优秀", "为95分，为优秀". Grade-band definitions
("90分以上为优秀", "得分≥85分为优秀") never count. When the document states several
different totals or grades (a summary of several evaluations) the field stays null
with a warning. A document about a single project takes that project's table total.
"""
from __future__ import annotations

import re

from loaders.parse.classify import is_review
from loaders.parse.header import Found
from loaders.parse.numbers import cn_with_point, rounds
from loaders.parse.narrative import clause_year, of_this_year
from loaders.parse.text import TextIndex, alternation, compact_with_offsets, read_terms
from loaders.records import Project

CJK = "\u4e00-\u9fff"
_NUMBER = r"(\d+(?:\.\d+)?)"
_CN_NUMBER = r"([一二三四五六七八九十百]{1,5}(?:点[零一二三四五六七八九]{1,2})?)"    # 综合得分为九十六点五分
# Marks of a grade-band definition just before a grade: ≥ / < / 以上 / 之间 / 60-69 …
_BAND_CONTEXT_RE = re.compile(r"[≥≤<>=＜＞]|以上|以下|之间|不低于|不足|低于|高于|\d\s*[-~—至到]\s*\d|含")
MAX_SCORE = 100
PROJECT_SUBJECT_CHARS = 8
GRADE_SUBJECT_CHARS = 20
GRADE_YEAR_REACH = 40       # 该项目2022年度绩效评价得分为82.5分，等级为“良”: the year is a clause back    # "本项目评价得分88分，评价等级为良好": the subject comes earlier
_SCORE_FOLLOWS_RE = re.compile(r"[\s,，;；]*(?:其中)?[^\d。]{0,6}?(?:得分|评分|自评分)")
_QUOTE = r"[“\"「『]?"
# …等级为“中”“差”的项目 / “中”及以下的: the grades a rule applies to, not a result
_CONDITION_AFTER_RE = re.compile(r"[”\"」』]?(?:[、，,和或]?[“\"「『][^”\"」』]{1,3}[”\"」』])*(?:的|及以下|及以上|以下|以上)")
_BAND_AFTER_RE = re.compile(r"\s*(?:\(含\))?\s*(?:及|或)?(?:以上|以下)")
_COUNT_OF_SUBJECTS_RE = re.compile(r"\d+个(?:项目|单位|部门)")
_TABLE_SCORE_FOLLOWS_RE = re.compile(r"[ \t|]+\d+(?:\.\d+)?\s*分?(?![\d.])")


def _grade_words(*, longer_than: int = 0) -> str:
    """Grade words, longest first, each allowed to be broken by a line end ("优\n秀")."""
    words = sorted((w for w in read_terms("grade_words.csv") if len(w) > longer_than), key=len, reverse=True)
    return "|".join("\n?".join(re.escape(ch) for ch in word) for word in words)


def _grade_pattern() -> str:
    # A one-character grade (优 / 良 / 中 / 差) must end the phrase: "结果为优化" is no grade.
    return rf"({_grade_words()})(?![{CJK}])|({_grade_words(longer_than=1)})"


def find_total_score(index: TextIndex, projects: list[Project], report_kind: str | None,
                     year: int | None = None) -> Found | None:
    """The document's own total, else the single project's table total.

    In a department or mixed report "本项目自评得分为92.9分" is a project's score, not the document's."""
    stated = _stated_totals(index, skip_project_scores=report_kind in ("department", "mixed"), year=year)
    if report_kind in ("department", "mixed") and len({value for value, _ in stated}) > 1:
        stated = _department_totals(index, stated) or stated
    adjusted = _review_adjusted(index)
    stated += adjusted
    values = sorted({value for value, _ in stated})
    final = _final_scores(index, stated) + adjusted
    if len(values) > 1 and len({value for value, _ in final}) == 1:
        return Found(final[0][0], final[0][1])   # 自评得分为95分 … 最终得分87.5分: the evaluation's own score
    if len(values) == 1:
        table = _table_total_found(index, projects, report_kind)
        if table is not None and rounds(values[0], float(table.value)):
            return table     # 自评得分96.8分 … 总分 | 100 | 96.77: the prose rounded the table's total
        if table is not None and table.value is not None and 0 < abs(values[0] - float(table.value)) <= NEAR_TABLE_TOTAL:
            # 得分97.3分 … 合计 | 100 | 97.23: the prose slipped; the table's sum is the one its rows give
            return Found(table.value, table.span, f"文中总分{values[0]:g}与评分表合计{float(table.value):g}不一致，取评分表合计")
        return Found(values[0], stated[0][1])
    if len(values) > 1:
        return Found(None, stated[0][1], f"文中有多个不同的总分（{'、'.join(f'{v:g}' for v in values)}），未取总分")
    return _table_total_found(index, projects, report_kind)


def _table_total_found(index: TextIndex, projects: list[Project], report_kind: str | None) -> Found | None:
    single = _single_project(projects, report_kind)
    if single is not None and single.total_score is not None and 0 <= single.total_score <= MAX_SCORE:
        return Found(single.total_score, single.provenance.get("total_score"))
    table = _table_totals(index)
    return Found(table[0][0], table[0][1]) if len(table) == 1 and report_kind != "mixed" else None


NEAR_TABLE_TOTAL = 0.5   # a prose total this close to the table's is the same total mistyped, not another one


def _stated_totals(index: TextIndex, *, skip_project_scores: bool = False,
                   year: int | None = None) -> list[tuple[float, tuple[int, int]]]:
    labels = alternation(read_terms("total_score_labels.csv"))
    # 自评总分（含预算执行）：88分 — a bracketed note may stand between the label and its score
    pattern = re.compile(rf"(?:{labels})\s*(?:\((?!分\))[^()]{{1,12}}\))?\s*(\(分\)|为|是|:|达到)?\s*"
                         rf"(?:{_NUMBER}|{_CN_NUMBER}(?=分))\s*(分)?")
    found = []
    for match in pattern.finditer(index.text):
        rest = index.text[match.end(): match.end() + 4]
        if not (match.group(1) or match.group(4)):
            continue  # "总分 100 96" / "总分 100": a table row (weight, score), read by _table_totals
        if re.match(r"\s*[-~—至到%]", rest) or _BAND_AFTER_RE.match(index.text, match.end()):
            continue  # a range, a percent or a band (90分（含）以上为优), not a score
        if skip_project_scores and (_about_a_project(index.text, match.start()) or "项目" in match.group()):
            continue   # (该项目得分 in a department report scores a project)
        if re.search(r"执行率[^。；;，,]{0,10}$", index.text[max(0, match.start() - 12):match.start()]):
            continue  # 预算执行率（分值10分）自评得分9.65分: the execution row's score
        value = float(match.group(2)) if match.group(2) else cn_with_point(match.group(3))
        if value == MAX_SCORE and (_SCORE_FOLLOWS_RE.match(index.text, match.end())
                                   or _TABLE_SCORE_FOLLOWS_RE.match(index.text, match.end())):
            continue  # "总分100分，自评得分95分" / "总分 | 100分 | 98.7分": the maximum, then the score
        if value is not None and value <= MAX_SCORE:
            found.append((value, index.span_of(match.start(), match.end()), clause_year(index.text, match.start())))
    for match in _GRADE_WITH_SCORE_RE.finditer(index.text):
        value = float(match.group(1))
        if value <= MAX_SCORE and not (skip_project_scores and _about_a_project(index.text, match.start())):
            found.append((value, index.span_of(match.start(), match.end()), clause_year(index.text, match.start())))
    # an earlier year's score named beside this year's (该项目2022年度绩效评价得分为82.5分) is not the total
    return [(value, span) for value, span, named in found if of_this_year(named, found, year)]


def _final_scores(index: TextIndex, stated: list[tuple[float, tuple[int, int]]]) -> list[tuple[float, tuple[int, int]]]:
    """The scores a sentence calls final (最终得分 / 最终评分, or — in a document reviewing a self-evaluation —
    its 复核得分 beside the 自评得分, or 经复核，该项目得分 X分). A self-evaluation that tells what a bureau's
    review gave keeps its own score."""
    out = []
    final_words = r"(?:最终|复核|复评|经(?:复核|复评)[，,]?[^。；;\d]{0,10}?)" if is_review(index) else r"最终"
    for value, span in stated:
        number = re.escape(format(value, "g"))
        if re.search(final_words + r"(?:得分|评分)[^。；;，,\d]{0,4}" + number + r"(?![\d.])", _span_text(index, span)):
            out.append((value, span))
    return out


# 经我局复核，调整为92.88分: in a document reviewing a self-evaluation, the score the review set
_REVIEW_ADJUSTED_RE = re.compile(r"复核[^。；;\d]{0,12}?(?:调整|核定|认定|确定|核减)为\s*(\d+(?:\.\d+)?)\s*分")


def _review_adjusted(index: TextIndex) -> list[tuple[float, tuple[int, int]]]:
    if not is_review(index):
        return []
    return [(float(m.group(1)), index.span_of(m.start(), m.end())) for m in _REVIEW_ADJUSTED_RE.finditer(index.text)
            if float(m.group(1)) <= MAX_SCORE]


# 自评结果为良好（85分）: the grade with its score in brackets
_GRADE_WITH_SCORE_RE = re.compile(r"(?:等级|结果)\s*(?:为|是|:|：)?\s*[“\"]?(?:优秀|良好|合格|不合格|优|良|中|差)[”\"]?"
                                  r"\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_DEPARTMENT_SUBJECT_RE = re.compile(r"部门整体|整体支出|部门\(单位\)整体|单位整体")


def _department_totals(index: TextIndex, stated: list[tuple[float, tuple[int, int]]]) -> list[tuple[float, tuple[int, int]]]:
    """Of several scores in a department report, those stated of the department as a whole
    (…部门整体支出绩效自评得分96.2分) — the others score its projects (…经费自评得分98分)."""
    out = []
    for value, span in stated:
        text = "".join(index.line(n) for n in range(span[0], span[1] + 1))
        clauses = re.split(r"[。；;，,]", re.sub(r"\s+", "", text))
        if any(_DEPARTMENT_SUBJECT_RE.search(part) and f"{value:g}" in part for part in clauses):
            out.append((value, span))
    return out


def _about_a_project(text: str, offset: int, *, reach: int = 0) -> bool:
    """The words just before a score name a project (本项目 / 该项目 …), not the department."""
    before = re.split(r"[。；;\n]", text[max(0, offset - (reach or PROJECT_SUBJECT_CHARS)): offset])[-1]
    return "项目" in before and not any(word in before for word in ("部门", "整体", "单位"))


def _table_totals(index: TextIndex) -> list[tuple[float, tuple[int, int]]]:
    """Total rows of score tables: "总分 | 100 | 96" or flattened "总分10096" → 96 (the weight is 100)."""
    found = []
    for match in re.finditer(r"(?:总分|合计)[\s|:]*100分?[\s|]*" + _NUMBER, index.text):
        value = float(match.group(1))
        if value is not None and value <= MAX_SCORE:
            found.append((value, index.span_of(match.start(), match.end())))
    return found


def _single_project(projects: list[Project], report_kind: str | None) -> Project | None:
    if report_kind == "mixed" or len(projects) != 1:
        return None
    return projects[0]


def find_grade(index: TextIndex, projects: list[Project], report_kind: str | None,
               year: int | None = None) -> Found | None:
    """The grade word as written (优秀 / 良 …) when the document grades itself
    (in a department or mixed report, not a project's grade)."""
    stated = _stated_grades(index, skip_project_grades=report_kind in ("department", "mixed"), year=year)
    values = sorted({value for value, _ in stated})
    final_grade = _REVIEW_GRADE if is_review(index) else _FINAL_GRADE
    reviewed = sorted({value for value, span in stated
                       if re.search(final_grade + re.escape(value), _span_text(index, span))})
    if len(values) > 1 and len(reviewed) == 1:
        return Found(reviewed[0], next(span for value, span in stated if value == reviewed[0]))   # 自评“优”…复核等级“良”
    if len(values) == 1:
        return Found(values[0], stated[0][1])
    if len(values) > 1:
        return Found(None, stated[0][1], f"文中有多个不同的等级（{'、'.join(values)}），未取等级")
    single = _single_project(projects, report_kind)
    if single is not None and single.grade:
        return Found(single.grade, single.provenance.get("grade"))
    return None


_REVIEW_GRADE = r"(?:复核|复评|最终)(?:等级|结果)(?:为|是|:|：)?[“\"”]?"
_FINAL_GRADE = r"最终(?:等级|结果)(?:为|是|:|：)?[“\"”]?"


def _span_text(index: TextIndex, span: tuple[int, int]) -> str:
    return re.sub(r"\s+", "", "".join(index.line(n) for n in range(span[0], span[1] + 1)))


def _stated_grades(index: TextIndex, *, skip_project_grades: bool = False,
                   year: int | None = None) -> list[tuple[str, tuple[int, int]]]:
    text, offsets = compact_with_offsets(index.text, keep_newlines=True)
    cues = alternation(read_terms("grade_cues.csv"))
    grade = _grade_pattern()
    patterns = (
        rf"(?:{cues})[|\n]?(?:为|是|:|属于)?[|\n]?{_QUOTE}(?:{grade})",        # 等级为优秀 / | 自评等级 | 优秀 |
        rf"\d+(?:\.\d+)?分[,，;；]?(?:等级|结果)?(?:为|属于|评定为){_QUOTE}(?:{grade})",   # 为95分，为优秀
        rf"(?:总分|合计)\|?100\|?\d+(?:\.\d+)?\|?(?:{grade})",             # 总分|100|96|优
    )
    found = []
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            if _BAND_CONTEXT_RE.search(text[max(0, match.start() - 12): match.start() + 4]):
                continue
            if text[match.end(): match.end() + 1] in ("、", "/"):
                continue  # "等级为优秀、良好、合格、不合格": the scale, not a grade
            if _CONDITION_AFTER_RE.match(text, match.end()):
                continue  # "对评价等级为“差”的项目…", "“中”及以下的": a condition on other evaluations
            if _COUNT_OF_SUBJECTS_RE.search(re.split(r"[。；;，,\n]", text[max(0, match.start() - 12): match.start()])[-1]):
                continue  # "其中1个项目自评等级为“优”": a count of evaluations, not the document's grade
            word = next(g for g in match.groups() if g).replace("\n", "")
            start, end = offsets[match.start()], offsets[match.end() - 1] + 1
            if skip_project_grades and _about_a_project(index.text, start, reach=GRADE_SUBJECT_CHARS):
                continue
            found.append((word, index.span_of(start, end), clause_year(index.text, start, reach=GRADE_YEAR_REACH)))
    return [(word, span) for word, span, named in found if of_this_year(named, found, year)]
