"""Project facts stated only in prose.

What it reads: the project named in the title or a table caption; money and score
sentences (下达 / 批复 / 年初预算数为 / 实际支出 / 执行率 / 总得分); one project per
prose section (一、<project name> … 本项目…); projects a summary lists (对A、B、C3个项目
进行评价 … 得分分别为…; NAME(预算X万元,支付Y万元,执行率Z%); 其中: NAME X万元);
indicator results listed under 绩效指标完成情况 headings or set out as list items
(loaders.parse.prose_items); and actual values that the narrative ties to a named indicator
of the table (…率实际为96.2%).

Decision: a sentence is used only when it names what it measures (the keyword or
the indicator's own name) and a list only when its stated count matches; anything
else is left alone. Patterns read the full-width-folded text; spans point at the
source line.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from loaders.parse.labels import header_field, level_kind, table_labels
from loaders.parse.numbers import (PERCENT_IN_WORDS, chinese_numeral, find_numbers, parse_number, parse_percent,
                                   to_halfwidth, to_wan)
from loaders.parse.prose_items import MAX_PROSE_ACTUAL, NOT_AN_INDICATOR, itemised_indicator, unquoted
from loaders.parse.text import addressed_to_own_units, compact, read_rows, site_menu_length
from loaders.records import Indicator, Project

# (a number after a digit and a space is a piece of one OCR spaced apart: 3.7 8万元 is no 8万元)
_NUM = r"(?<![\d.,])(?<!\d )(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|亿元|元)"
_GAP = r"[^。；;，,\n]{0,32}?"


def _money_words(field: str) -> str:
    """An alternation of the words that name `field` (loaders/data/prose_money_words.csv), longest first."""
    rows = sorted((r for r in read_rows("prose_money_words.csv") if r["field"] == field),
                  key=lambda r: len(r["word"]), reverse=True)
    return "|".join((f"(?<![{re.escape(r['not_after'])}])" if r["not_after"] else "") + re.escape(r["word"])
                    for r in rows)


BUDGET_RE = re.compile(r"(?:" + _money_words("budget") + ")" + _GAP + _NUM)
EXECUTED_RE = re.compile(r"(?:" + _money_words("executed") + r")(?:为|了)?" + r"[^。；;，,\n]{0,10}?" + _NUM)
RATE_RE = re.compile(rf"(?:执行率|支付进度|执行进度)(?:为|达到|达)?\s*(?:(\d+(?:\.\d+)?)\s*%|({PERCENT_IN_WORDS}))")
# 预算执行率指标权重10分，本项目预算执行率96.31%，得9.6分: the execution row's points and score in prose
# 预算执行率权重10分…得9.5分, or after the rate: 预算执行率95.03%（该项分值10分，得9.5分）
# 预算执行率95%，该项分值10分，得9.5分 / 预算执行率：分值10分，得8分 / 预算执行率  权重：10  得分：10
EXECUTION_POINTS_RE = re.compile(r"(?:预算)?执行率(?:指标)?(?:为?\s*(?:\d+(?:\.\d+)?%)?\s*[,，(（:：]?\s*(?:该项|该指标|本项)?)?"
                                 r"(?:权重|分值|满分)(?:为)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?"
                                 r"[^。；;]{0,40}?得(?:分)?(?:为)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?")
# not a band of the grading rules: 综合得分90分（含）以上为“优”
# 预算执行情况（分值10分）：执行率95.18%，自评得9.5分 — the points named before the rate
EXECUTION_POINTS_FIRST_RE = re.compile(r"预算执行(?:情况|率)?\s*[(（]\s*(?:分值|权重|满分)\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
                                       r"[^。；;]{0,60}?得(?:分)?\s*(\d+(?:\.\d+)?)\s*分")
SCORE_RE = re.compile(r"(?:总得分|总体评分|总分|综合得分|综合评分|自评得分|评价得分|最终得分|最终评分|复核得分|项目得分)(?:为|是|:)?\s*(\d+(?:\.\d+)?)\s*分"
                      r"(?!\s*(?:\(含\))?\s*(?:及|或)?(?:以上|以下))")
# a clause about one funding source's money (区级配套资金到位180万元)
_FUNDING_PART_RE = re.compile(r"(?:中央|省级|省|市级|区级|县级|乡镇|旗级)(?:财政)?(?:补助|配套|专项)?资金$|(?:中央|省级|市级|区级|县级)(?:补助|配套)$")
# a sentence about one source's money from its start (县级配套资金4000万元，实际支出3345.63万元，执行率83.64%)
_PART_SENTENCE_RE = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、]\s*)?"
                               r"((?:中央|省级|省|市级|区级|县级|乡镇|旗级)(?:财政)?(?:补助|配套|专项)?)资金")


def _about_a_funding_part(text: str, offset: int, head: str) -> bool:
    """The sentence holding `offset` opens with one source's money (县级配套资金4000万元，实际支出…) — unless
    the document's title names that source (…县级配套资金绩效自评报告: that money is the project)."""
    opening = _PART_SENTENCE_RE.match(re.split(r"[;。]", text[:offset])[-1])
    return bool(opening) and compact(opening.group(1)) not in compact(head)


# 根据评价方案约定扣减1.5分，项目综合评分为83.6分: the score after a deduction is the final one
_AFTER_DEDUCTION_RE = re.compile(r"(?:扣减|扣除|核减)[^。]{0,30}$")
_TITLE_CUT = re.compile(r"(?:财政)?(?:重点)?(?:项目)?(?:财政)?(?:支出)?绩效(?:的)?(?:自评|评价|目标|管理)|指标完成|自评报告|自评表|评价报告")
# 第三方评价机构：XX绩效评价有限公司 — a cover line's label and value, no title
_LABELLED_LINE = re.compile(r"^\s*(?!附件|表)[\u4e00-\u9fff（）()]{2,12}[:：]")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")
_ORG_END = re.compile(r"^.{2,20}?(?:医院|委员会|办公室|局|中心|政府|学校|中学|小学|学院|部|办|院|所|站|队|馆|公司)(?=.{4,})")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")
_DEPARTMENT_WORDS = re.compile(r"整体|部门绩效|部门\(单位\)|部门（单位）")
# 1.产出指标完成情况 / 一、效益指标完成情况分析 / （一）产出指标 — a bare label only under a section numbering
# ((2)成本指标 under 1.产出指标完成情况 is a level 2)
_HEADING_LEVEL1 = re.compile(
    r"^\s*(?:(?:\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*(产出|效益|效果|满意度|成本)指标完成情况"
    r"|(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*(产出|效益|效果|满意度|成本)指标"
    r"\s*(?:[（(][^（()）]{0,20}[)）])?\s*[:：。]?\s*$)")   # （二）产出指标（分值50分，得分47分）
_HEADING_LEVEL2 = re.compile(r"^\s*(?:(?:[(（]\d+[)）]|\d+[.、．])\s*)?([\u4e00-\u9fff]{2,8}指标)\s*[。.:：]?\s*$")
_ACTUAL_RE = re.compile(r"实际(?:为|达到|达|是|开支|支出|派驻|完成|发放)?\s*([≥≤≧≦>＜<]?\s*\d+(?:\.\d+)?\s*(?:%|％|[万亿]?元|公里|平方米|米|人次|人|名|次|件|个|场|户|篇|份|天|小时)?)")


@dataclass
class Stated:
    value: float
    line: int
    received: bool = False    # funds said to have arrived (到位资金 X万元), not a budget by name
    budget_word: bool = False     # named a 预算 (项目总预算 X万元), not funds allocated (下达) or received


def is_department_document(lines: list[str], head: int = 8) -> bool:
    """The title speaks of a whole department (整体支出 / 部门绩效), not of a project — a 部门绩效评价 notice
    addressed to the department's own units (局属各单位：) names who evaluated their projects."""
    head_lines = _head_lines(lines, head)
    found = [m.group() for line in head_lines for m in _DEPARTMENT_WORDS.finditer(to_halfwidth(line))]
    if found and set(found) == {"部门绩效"} and addressed_to_own_units(head_lines):
        return False
    return bool(found)


def _head_lines(lines: list[str], count: int) -> list[str]:
    out = [line for line in lines if line.strip()]
    return out[site_menu_length(out):][:count]


def title_project_name(lines: list[str], head: int = 12) -> tuple[str, int] | None:
    """The evaluated project named in the title (…专项资金绩效自评报告 → …专项资金),
    else in a table caption (表1 2024年度信访工作经费指标完成统计表)."""
    top = lines[: max(head * 3, 40)]
    for number, line in enumerate(top, start=1):
        if re.match(r"^\s*[一二三四五六七八九十]+、", line):
            break   # the body has begun: no title after the first section heading
        tail = _title_tail(top, number)
        found = _title_name(line) or (tail and _title_head_line(line, tail) and _title_name(line.strip() + tail))
        if found:
            return found, number
    for number, line in enumerate(lines, start=1):
        if re.match(r"^\s*表\s*\d{1,2}\s", line):
            found = _title_name(line)
            if found:
                return found, number
    return None


_BREADCRUMB_MARK = re.compile(r"\S\s*[>＞»›]\s*\S")
_ORG_SUFFIX_END = re.compile(r"(?:局|委员会|办公室|中心|政府|学校|院|所|站|队|馆|公司|厅|委)$")


# the words a project's name ends with (…专项资金, …工程, …补助)
PROJECT_WORDS = "经费|资金|项目|工程|补助|补贴|专项"
_PROJECT_WORD_END = re.compile(rf"(?:{PROJECT_WORDS}|计划)$")


def _title_head_line(line: str, tail: str) -> bool:
    """The first line of a title broken in two: a year on one of the two lines or a project word
    ending it (…专项资金), and no issuer (某区财政局) at its end."""
    text = line.strip()
    named = _YEAR_RE.search(text) or _YEAR_RE.match(tail) or _PROJECT_WORD_END.search(text)
    return bool(named) and not _ORG_SUFFIX_END.search(text)


def _title_tail(lines: list[str], number: int) -> str:
    """The next line when it is the rest of a title broken before 绩效评价报告 (a title of two lines)."""
    following = next((line.strip() for line in lines[number:number + 2] if line.strip()), "")
    cut = _TITLE_CUT.search(following)
    # the second line may open with the year: 2020年度财政支出绩效评价报告
    head = following[: cut.start()] if cut else ""
    return following if cut and (not head or _YEAR_RE.fullmatch(head)) and len(following) <= 24 else ""


def _title_name(line: str) -> str | None:
    if re.search(r"[，,。；;|｜]", line) or _LABELLED_LINE.match(line) or _BREADCRUMB_MARK.search(line):
        return None     # a sentence, a 标题：… label, a page's breadcrumb (首页 > 财政信息 > 绩效评价) or its
                        # menu (XX旗人民政府 | 政务公开 | 绩效评价), a table row
    text = re.sub(r"\s+", "", re.sub(r"^\s*(?:表\s*\d{1,2}(?=\s)|附件\s*\d*[:：]?)", "", line))
    if not text or len(text) > 80 or _NUMBERED.match(text) or not _TITLE_CUT.search(text) \
            or _DEPARTMENT_WORDS.search(text):
        return None
    return name_from_title(text)


def name_from_title(text: str) -> str | None:
    text = re.sub(r"^(?:表\s*\d+|附件\s*\d*[:：]?)", "", text).strip()
    text = re.sub(r"^.{0,30}?关于", "", text)      # 某某区财政局关于…: the issuer is no part of the name
    cut = _TITLE_CUT.search(text)
    if not cut:
        return None
    name = text[: cut.start()]
    year = _YEAR_RE.search(name)
    if year and year.start() > 0 and year.end() < len(name):
        name = name[year.start():]
    elif year and year.end() == len(name):
        name = name[: year.start()]
        org = _ORG_END.match(name)
        if org:
            name = name[org.end():]
    name = re.sub(r"的$", "", name)              # 2023年某某专项资金的绩效评价报告
    name = re.sub(r"(?:支出|项目支出)$", "", name)
    bare = _YEAR_RE.sub("", name)
    if len(bare) < 4 or bare in ("项目", "专项资金", "预算项目"):
        return None
    return name


_SUBJECT_RE = re.compile(r"([^，,。；;:：、\s]{4,40}?(?:项目|资金|经费))(?:计划投资|共计?|总计|预算|下达|批复)")
_SUBJECT_PREFIX = re.compile(r"^(?:我县|我市|我区|我局|我单位|本单位|本项目|我委|我中心)")


def money_sentence_subject(lines: list[str], line_number: int) -> str | None:
    """The project a budget sentence is about: 我县2022年农村公路通村道路建设项目计划投资… → the name."""
    match = _SUBJECT_RE.search(to_halfwidth(lines[line_number - 1]))
    if not match:
        return None
    name = _SUBJECT_PREFIX.sub("", match.group(1))
    return name if len(_YEAR_RE.sub("", name)) >= 6 else None


def _budget_kind(text: str, match: re.Match) -> str | None:
    """年初预算 → budget_initial (only when the text says 年初); 结转/结余 are not the budget, nor is
    an adjustment (追加 / 调增 / 调减 120万元 changes the budget, it is not the budget)."""
    context = text[max(0, match.start() - 4):match.end()]
    if "其中" in re.split(r"[。；;]", text[max(0, match.start() - 12):match.start()])[-1] and "年初" not in context:
        return None   # 到位资金3.26亿元，其中中央预算内投资2.10亿元: a part of the budget, not the budget
    after = re.split(r"[，,。；;]", text[match.end():match.end() + 16])[0]
    if re.search(r"调增|调减|追加|核减|压减|减少|增加", after) or re.match(r"预算(?:资金)?中", text[match.start():]):
        return None   # 年初预算中638,600.00元因学校合并调减: a change to the budget, not the budget
    if "年初" in context:
        return "budget_initial"
    if re.search(r"结转|结余|追加|追减|调增|调减|增加|减少", context):
        return None
    return "budget_full_year"


_EXPLICIT_FULL_YEAR = re.compile(r"全年预算(?:数|资金)?|调整后(?:的)?预算(?:数)?|全年调整预算")
# the budget after an adjustment: 调增至 / 调整为 145万元 names the new total (调增 20万元 only the change)
ADJUSTED_TO_RE = re.compile(r"(?:调增|调减|调整|追加|增加|核减)(?:后)?(?:至|为|到)" + r"[^。；;，,\n\d]{0,6}?" + _NUM
                            # 下达126.4万元，年中追加4.8万元，合计131.2万元: the sum after the addition
                            + r"|(?:追加|调增|增加)[^。；;，,\n]{0,6}?" + r"\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万元|亿元|元)\s*[，,]\s*(?:合计|共计|总计)(?:为|达)?" + _NUM)


_CLAUSE_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


_EARLIER_PERIOD_WORDS_RE = re.compile(r"上一?轮|上一?年度|上年|去年|往年")
EARLIER = -1   # clause_year of a sentence about an earlier period named without its year (上年度本项目得分…)


def clause_year(text: str, offset: int, reach: int = 30, earlier_words: bool = True) -> int | None:
    """The year the sentence before `offset` names (2022年度…得分), not a date (2024年3月);
    EARLIER when it speaks of an earlier period (上一轮 / 上年度) and earlier_words; None when it names none."""
    sentence = re.split(r"[。；;]", text[max(0, offset - reach):offset])[-1]
    if "\n" in sentence and re.search(r"[\t|]", sentence):
        sentence = sentence.rsplit("\n", 1)[-1]   # a table row's sentence ends with its row (…2022年将完善 | 合计)
    if earlier_words and _EARLIER_PERIOD_WORDS_RE.search(sentence):
        return EARLIER
    years = _CLAUSE_YEAR_RE.findall(sentence)
    return int(years[-1]) if years else None


def of_this_year(named: int | None, found: list[tuple], year: int | None) -> bool:
    """A stated score or grade is about the year evaluated: it names no year, or names that year
    (the document's year when known, else the latest year the statements name)."""
    if named is None:
        return True
    if named == EARLIER:
        return False
    latest = year or max((y for *_, y in found if y and y != EARLIER), default=None)
    return named == latest


TITLE_LINES = 5


def title_year(lines: list[str]) -> int | None:
    """The year the document's first lines name (its title: XX局2023年度…自评报告), not a date."""
    head = "".join(line for line in lines[:TITLE_LINES * 2] if line.strip())[:200]
    for match in _CLAUSE_YEAR_RE.finditer(to_halfwidth(head)):
        if not _EARLIER_PERIOD_WORDS_RE.search(head[max(0, match.start() - 6):match.start()]):
            return int(match.group(1))
    return None


def _about_execution(text: str, offset: int) -> bool:
    """预算执行率（分值10分）自评得分9.65分: the score of the execution row, not the project's total."""
    clause = re.split(r"[。；;，,]", text[max(0, offset - 16):offset])[-1]
    return "执行率" in clause or "执行" in clause and "分值" in clause


def stated_money(lines: list[str]) -> dict[str, Stated]:
    """The first 下达/批复 amount, 实际支出 amount, 执行率 and 总得分 stated in prose; a budget
    named 全年预算数 / 调整后预算 wins over any other amount."""
    found: dict[str, Stated] = {}
    explicit: Stated | None = None
    budgets: list[Stated] = []
    scores: list[tuple[int | None, Stated]] = []
    final: list[Stated] = []
    spent: Stated | None = None     # the first amount said to be spent (实际支出)
    transferred = False             # the executed amount taken first was a transfer (已拨付至…)
    money_year = _money_year(lines)
    head = "".join(line for line in [line for line in lines if line.strip()][:TITLE_LINES]
                   if "。" not in line)      # the title's lines (not a sentence of a short text)
    for number, line in enumerate(lines, start=1):
        text = to_halfwidth(line)
        for key, pattern in (("budget_full_year", BUDGET_RE), ("executed", EXECUTED_RE)):
            for match in pattern.finditer(text):
                if "分别" in text[match.start():match.end()]:
                    continue   # 年初预算、调整后预算、实际支出分别为200万元、230万元…: labels and amounts in order
                if _FUNDING_PART_RE.search(re.split(r"[,;。]", text[:match.start()])[-1]) \
                        or _about_a_funding_part(text, match.start(), head):
                    continue   # 区级配套资金到位180万元 / 县级配套资金4000万元，实际支出…: one source's money
                named = _money_clause_year(text, match.start())
                if named is not None and money_year is not None and named != money_year:
                    continue   # 2022年该项目预算…，实际支出…。2023年…: another year's money, named to compare
                field_name = _budget_kind(text, match) if key == "budget_full_year" else key
                value = Stated(to_wan(parse_number(match.group(1)), match.group(2)), number,
                               received="到位" in match.group(), budget_word="预算" in match.group())
                if field_name == "budget_full_year":
                    budgets.append(value)
                if field_name == "budget_full_year" and explicit is None and \
                        _EXPLICIT_FULL_YEAR.search(text[max(0, match.start() - 2):match.end()]):
                    explicit = value
                if field_name == "executed" and "支出" in match.group() and spent is None:
                    spent = value
                if field_name == "executed" and field_name not in found:
                    transferred = "拨付" in match.group()
                if field_name and field_name not in found:
                    found[field_name] = value
        points = EXECUTION_POINTS_RE.search(text) or EXECUTION_POINTS_FIRST_RE.search(text)
        if points and "execution_weight" not in found and float(points.group(2)) <= float(points.group(1)) <= 30:
            found["execution_weight"] = Stated(float(points.group(1)), number)
            found["execution_score"] = Stated(float(points.group(2)), number)
        adjusted = ADJUSTED_TO_RE.search(text)
        if adjusted and explicit is None:
            amount, unit = adjusted.group(1) or adjusted.group(3), adjusted.group(2) or adjusted.group(4)
            explicit = Stated(to_wan(parse_number(amount), unit), number)
        rate = next((m for m in RATE_RE.finditer(text) if not _about_a_funding_part(text, m.start(), head)), None)
        value = (float(rate.group(1)) if rate.group(1) else parse_percent(rate.group(2))) if rate else None
        if value is not None and "execution_rate_pct" not in found:
            found["execution_rate_pct"] = Stated(value, number)   # 95.03% or 百分之九十六点五
        for score in SCORE_RE.finditer(text):
            if not _about_execution(text, score.start()):
                stated = Stated(float(score.group(1)), number)
                scores.append((clause_year(text, score.start()), stated))
                if score.group().startswith(("最终", "复核")) or _AFTER_DEDUCTION_RE.search(text[:score.start()]):
                    final.append(stated)
    # 该项目2022年度绩效评价得分为82.5分 … 2023年度综合得分为91.3分: an earlier year's score is not this one
    year = title_year(lines)
    current = [stated for named, stated in scores if of_this_year(named, [(None, y) for y, _ in scores], year)]
    current = [s for s in current if any(s is f for f in final)] or current   # 自评得分95分…最终得分87.5分: the last
    if current and "total_score" not in found and len({s.value for s in current}) == 1:
        found["total_score"] = current[0]    # (two different scores and none called final: neither is sure)
    if explicit is not None:
        found["budget_full_year"] = explicit
    if transferred and spent is not None:
        found["executed"] = spent    # 县财政已拨付至X局286万元 … 实际支出271.45万元: paid over is not spent
    _budget_the_rate_confirms(found, budgets)
    return found


_AMOUNT_RE = re.compile(r"\d[\d,.]*\s*(?:亿元|万元|元)")


def _money_clause_year(text: str, offset: int) -> int | None:
    """The year naming the amount at `offset`: one in its own clause since the last amount, else the one
    opening the sentence (2022年该项目预算…，实际支出… — both 2022's). A year a later clause gives its own
    amount names only that (加上2022年结转资金35.6万元，全年可用预算资金合计215.6万元 — the sentence's year)."""
    sentence_start = max(text.rfind(mark, 0, offset) for mark in "。;；") + 1
    amounts = list(_AMOUNT_RE.finditer(text, sentence_start, offset))
    if not amounts:
        return clause_year(text, offset, earlier_words=False)
    own = _CLAUSE_YEAR_RE.findall(text[amounts[-1].end():offset])
    opening = _CLAUSE_YEAR_RE.findall(text[sentence_start:amounts[0].start()])
    return int(own[-1]) if own else int(opening[-1]) if opening else None


def _money_year(lines: list[str]) -> int | None:
    """The year whose money the prose states: the title's, when a money statement names it, else the
    latest such statements name (2022年预算… 2023年预算…); None when they name no year."""
    years = {_money_clause_year(text, match.start())
             for text in map(to_halfwidth, lines) for pattern in (BUDGET_RE, EXECUTED_RE) for match in pattern.finditer(text)}
    years.discard(None)
    title = title_year([line for line in lines if not BUDGET_RE.search(line) and not EXECUTED_RE.search(line)])
    return title if title in years else max(years, default=None)


def _budget_the_rate_confirms(found: dict[str, Stated], budgets: list[Stated]) -> None:
    """Prose often names other years' money first (2021年度安排资金7,980万元。2022年度预算安排8,650万元…执行率
    94.84%): when the stated rate and spending contradict the budget taken, the one amount they confirm is
    the budget; with none, the budget is left empty."""
    budget, spent, rate = (found.get(k) for k in ("budget_full_year", "executed", "execution_rate_pct"))
    if budget is None or spent is None or rate is None or not budget.value:
        return
    def agrees(b: Stated) -> bool:
        return b.value > 0 and abs(spent.value / b.value * 100 - rate.value) <= 1.0
    if agrees(budget):
        return
    confirmed = [b for b in budgets if agrees(b)]
    if budget.budget_word and confirmed and all(b.received for b in confirmed):
        return   # 项目总预算3250万元…实际到位3050万元…执行率94.14%: a rate on the funds received; the budget stands
    if len({b.value for b in confirmed}) == 1:
        found["budget_full_year"] = confirmed[0]
    else:
        del found["budget_full_year"]


_PAREN_PROJECT_RE = re.compile(
    r"([^、，,。；;:：（(]{2,40}?)[（(]预算\s*" + _NUM + r"([^)）]*)[)）]")


def parenthetical_projects(lines: list[str]) -> list[Project]:
    """Projects listed as NAME(预算X万元,支付Y万元,执行率Z%) in a summary report."""
    out: list[Project] = []
    for number, line in enumerate(lines, start=1):
        for match in _PAREN_PROJECT_RE.finditer(to_halfwidth(line)):
            name = re.sub(r"^(?:包括|其中|如|含)", "", match.group(1)).strip()
            rest = match.group(4)
            project = Project(name=name, budget_full_year=to_wan(parse_number(match.group(2)), match.group(3)))
            paid = re.search(r"支付\s*" + _NUM, rest)
            if paid:
                project.executed = to_wan(parse_number(paid.group(1)), paid.group(2))
            elif "未支付" in rest:
                project.executed = 0.0
            rate = re.search(r"执行率\s*(\d+(?:\.\d+)?)\s*%", rest)
            if rate:
                project.execution_rate_pct = float(rate.group(1))
            project.provenance = {k: (number, number) for k in ("name", "budget_full_year")}
            out.append(project)
    return out


_LISTED_RE = re.compile(r"对(.{4,200}?)(\d+|[一二三四五六七八九十]+)个项目(?:进行|开展|实施)")
_SCORES_RE = re.compile(r"得分(?:分)?别为\s*((?:\d+(?:\.\d+)?\s*分?\s*[、,，和及]\s*)+\d+(?:\.\d+)?)\s*分")
_ITEM_RE = re.compile(r"其中[:：]\s*([^，,。；;:：\d]{4,40}?(?:经费|资金|项目))\s*(\d+(?:\.\d+)?)\s*(万元|元|亿元)")


def listed_projects(lines: list[str]) -> list[Project]:
    """Projects a summary names in a list: 对A、B、C3个项目进行重点评价 … 得分分别为93.4分、91分、81.5分,
    or one project given as 其中: NAME 46.00万元. A list is used only when its count is stated and
    matches; scores only when there is one per project."""
    text = "".join(to_halfwidth(line) for line in lines)
    listed = _LISTED_RE.search(text)
    if listed:
        names = [n.strip() for n in listed.group(1).split("、") if n.strip()]
        count = int(listed.group(2)) if listed.group(2).isdigit() else chinese_numeral(listed.group(2))
        if count == len(names) and count > 1:
            projects = [Project(name=name) for name in names]
            scores = _SCORES_RE.search(text, listed.end())
            values = find_numbers(scores.group(1)) if scores else []
            if len(values) == len(projects):
                for project, value in zip(projects, values):
                    project.total_score = value
            return projects
    out = []
    for number, line in enumerate(lines, start=1):
        compact = to_halfwidth(re.sub(r"\s+", "", line))
        for match in _ITEM_RE.finditer(compact):
            if not re.search(r"个项目|项目金额", compact[max(0, match.start() - 60):match.start()]):
                continue   # 其中: after a department total lists budget parts, not projects
            project = Project(name=match.group(1), budget_full_year=to_wan(float(match.group(2)), match.group(3)))
            project.provenance = {"name": (number, number), "budget_full_year": (number, number)}
            out.append(project)
    return out


_PROJECT_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+部分[、.．:：]?)\s*"
    rf"([^，,。；;:：\s]{{4,40}}?(?:{PROJECT_WORDS}|部门整体支出))\s*(?:[（(][^（()）]{{2,30}}[)）])?\s*(?:$|。(?=\S))")


def project_heading_before(lines: list[str], line: int, after: int) -> tuple[str, int] | None:
    """The project heading ((一)社区卫生服务机构运行补助) nearest above 1-based `line`, below `after`."""
    for number in range(line - 1, max(after, 0), -1):
        match = _PROJECT_HEADING.match(to_halfwidth(lines[number - 1]))
        if match:
            return match.group(1), number
    return None


_SCORED_PROJECT_RE = re.compile(
    rf"([^，,。；;:：、\s]{{4,30}}?(?:{PROJECT_WORDS}))(?:绩效)?(?:自评|评价)?得分(?:为)?\s*(\d+(?:\.\d+)?)\s*分")


def scored_projects(lines: list[str]) -> list[Project]:
    """Projects a department report names with their scores in one sentence (其中：人民调解经费自评得分98分，
    社区矫正工作经费自评得分95.5分…): a name and a total each, nothing else stated."""
    out: list[Project] = []
    for number, line in enumerate(lines, start=1):
        for match in _SCORED_PROJECT_RE.finditer(to_halfwidth(line)):
            name = re.sub(r"^(?:其中[:：]?|本项目|该项目|我局|我单位)", "", match.group(1))
            if len(_YEAR_RE.sub("", name)) < 4 or float(match.group(2)) > 100 or name in ("项目", "专项资金"):
                continue
            out.append(Project(name=name, total_score=float(match.group(2)),
                               provenance={"name": (number, number), "total_score": (number, number)}))
    return out if len(out) >= 2 else []


def section_projects(lines: list[str]) -> list[Project]:
    """A report that describes each project in its own section (一、2021年农村饮水安全巩固提升工程
    … 本项目年初预算数为… 1.产出指标完成情况…): one project per section, read from its prose."""
    starts = [(k, m.group(1)) for k, line in enumerate(lines) if (m := _PROJECT_HEADING.match(to_halfwidth(line)))]
    projects = []
    for n, (start, name) in enumerate(starts):
        if any(word in re.sub(r"[“”\"]", "", name) for word in table_labels().get("budget_category", ())):
            continue   # （四）“三公”经费: a spending category of the department's, no project
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        # keep line numbers; a paragraph may follow the heading on its own line ((一)XX项目。该项目…)
        section = [""] * start + [lines[start].split("。", 1)[1] if "。" in lines[start] else ""] + lines[start + 1:end]
        project = Project(name=name, provenance={"name": (start + 1, start + 1)},
                          subject="department" if name.endswith("部门整体支出") else "project")
        for key, stated in stated_money(section).items():
            setattr(project, key, stated.value)
            project.provenance[key] = (stated.line, stated.line)
        project.indicators = narrative_indicators(section)
        if project.indicators or any(getattr(project, k) is not None for k in ("budget_full_year", "executed",
                                                                                   "total_score")):
            projects.append(project)   # a heading alone (项目管理情况…) is not a project
    return projects


def narrative_indicators(lines: list[str]) -> list[Indicator]:
    """Indicator results listed in prose under 1.产出指标完成情况分析 / (1)数量指标 headings."""
    level1 = level2 = None
    out: list[Indicator] = []
    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number <= skip_to:
            continue    # read as the rest of the sentence before
        skip_to = 0
        text = to_halfwidth(line).strip()
        head1 = _HEADING_LEVEL1.match(text)
        if head1:
            level1, level2 = (head1.group(1) or head1.group(2)) + "指标", None
            continue
        keyed = key_value_indicator(text)   # labelled clauses say what each value is, headings or not
        if keyed is not None:
            keyed.level1 = keyed.level1 or level1
            keyed.level2 = keyed.level2 or level2
            keyed.provenance = {k: (number, number) for k in ("name", "target", "actual", "weight", "score")
                                if getattr(keyed, k) is not None}
            out.append(keyed)
            continue
        section = _SECTION_LEVEL1.match(text)
        if section and section.group(1) in table_labels()["level1"]:
            level1, level2 = section.group(1), None      # 三、产出（40分，得36.2分）: the items below are its
            continue
        item = itemised_indicator(text)   # (read once: the list-item reader, weighed below against the others)
        if level1 is None:
            if not _take_itemised(out, item, number, (None, None)) \
                    and not _take_scored_pairs(out, stated_pairs(text), number):
                _take_itemised(out, _scored(itemised_indicator(text, named_line=True)), number, (None, None))
            continue
        head2 = _HEADING_LEVEL2.match(text)
        if head2 and head2.group(1) in table_labels()["level2"]:
            level2 = head2.group(1)
            continue
        if re.match(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])", text):
            if not _take_itemised(out, item, number, (level1, level2)):
                level1 = level2 = None    # a new section, unless the numbered line is one of its items
            continue
        pairs, end = stated_pairs(text), number
        if not _completes_pairs(pairs, text):
            sentence, last = _sentence_from(lines, number)
            whole = stated_pairs(sentence) if last > number else []
            if whole:   # 实际完成 ⏎ 82.5 %，该指标分值15分: the sentence goes on below
                pairs, end, skip_to = whole, last, last
        if len(pairs) <= 1 and end == number and _item_reads_more(pairs, item):
            pairs = []     # the list item's clauses say more than the sentence reader found (read below)
        for pair in pairs:
            span = (number, end)
            out.append(Indicator(level1=level1, level2=pair.level2 or level2, name=pair.name, target=pair.target,
                                 actual=pair.actual, weight=pair.weight, score=pair.score,
                                 provenance={k: span for k in ("target", "actual", "weight", "score")
                                             if getattr(pair, k) is not None}))
        if pairs or _take_itemised(out, item, number, (level1, level2)):
            continue
        for name, actual in _entries(text):
            if NOT_AN_INDICATOR.search(name):
                continue   # 本项目自评得分为96分 / 资金执行率为… are about the project, not an indicator
            if _TARGET_LABEL_RE.match(actual):
                # 师生满意度：年度指标值为≥90%，…，实际满意度为96.3%: its target and actual, clause by clause
                _take_itemised(out, itemised_indicator(text, named_line=True), number, (level1, level2))
                continue
            if len(actual) > MAX_PROSE_ACTUAL or "。" in actual:
                continue   # 数量指标：<a sentence we could not read>: no value stated on its own
            out.append(Indicator(level1=level1, level2=level2, name=name, actual=actual,
                                 provenance={"actual": (number, number)}))
    return out


MAX_SENTENCE_LINES = 3


def _sentence_from(lines: list[str], number: int) -> tuple[str, int]:
    """The sentence that opens on line `number`, with the lines a PDF broke it onto (up to a full
    stop, a new item or a table row), and its last line."""
    text, last = to_halfwidth(lines[number - 1]).strip(), number
    while not re.search(r"[。;；]$", text) and last < len(lines) and last - number < MAX_SENTENCE_LINES - 1:
        following = to_halfwidth(lines[last]).strip()
        if not following or "\t" in following or "|" in following or _NEW_ITEM_START_RE.match(following):
            break
        text, last = text + following, last + 1
    return text, last


def _completes_pairs(pairs: list[StatedIndicator], text: str) -> bool:
    """The line's own pairs stand whole: it ends a sentence (a value at its very end may be cut)."""
    return bool(pairs) and bool(re.search(r"[。;；]$", text))


_NEW_ITEM_START_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑩])")


# One indicator stated in a sentence: [二级：] name, 年度指标值/目标 target, [how measured] 实际完成 actual,
# [a reason] (分值15分，得12分). The name stands before a comma or in quotes (“补助企业数”指标值为…).
# a value's text: a comma only inside 1,000; a short bracket only inside it (村(社区)具体落实), never ending it
_VALUE_CHARS = r"(?:[^,;。()]|(?<=\d),(?=\d{3}(?!\d))|\([^()\d]{1,8}\)(?=[^,;。()\s]))"
_STATED_PAIR_RE = re.compile(
    r"(?:^|[;。:])\s*(?:\(?\d+[).、．])?\s*(?:([\u4e00-\u9fff]{2,12}指标)\s*[:。.])?\s*"
    r"(?:[“\"]([^”\"]{2,40})[”\"]\s*|([^,:;。“”]{2,40})[,:。]\s*)"
    r"(?:年度)?(?:指标值|目标值|预期目标|目标)(?:为|是)?\s*(" + _VALUE_CHARS + r"+?),\s*"
    r"(?:[^,;。\d]{1,10},\s*)?[^,;。\d]{0,8}?(?:实际(?:完成|新增|培训|发放|建成|实施|办理|开展)?(?:值|情况)?|(?:调查|测评|抽查|评价)(?:结果|满意度))"
    r"(?:为|(?P<verb>达到)|(?P<at>于))?\s*("
    + _VALUE_CHARS + r"+?)(?=,(?!\d{3}(?!\d))|[;。]|\((?![^()\d]{1,8}\)[^,;。()\s])|$)"
    r"(?:[^。;(]{0,40}?[(,]\s*(?:(?:该项|本项|该指标)(?:分值|权重|满分)?|分值|权重|满分)(?:为)?\s*(\d+(?:\.\d+)?)\s*分?\s*,\s*"
    r"(?:扣\s*\d+(?:\.\d+)?\s*分\s*后?\s*,?\s*)?(?:(?:自评|实)?得(?:分|满分)?|自评|评分)(?:为)?\s*(\d+(?:\.\d+)?)\s*分?\s*\)?)?")


_FUNCTION_WORD_RE = re.compile(r"^(?:为|是|至|于)$")   # 达到 is a canned actual, 为 never
_BARE_TARGET_NOUN_RE = re.compile(r"^(?:预期|预期目标|年度目标|目标|要求|标准|计划)(?:值|效果)?$")


@dataclass
class StatedIndicator:
    level2: str | None
    name: str
    target: str
    actual: str
    weight: float | None = None
    score: float | None = None


def stated_pairs(text: str) -> list[StatedIndicator]:
    """'(1)数量指标：受益学校数量，年度指标值为≥32所，实际完成值为34所；…' → one entry per indicator
    the sentence names; a 二级 named once holds for the rest of the sentence. Points stated in
    brackets after it (分值15分，得12分) are its weight and score when the score is within them."""
    out = []
    level2 = None
    for match in _STATED_PAIR_RE.finditer(to_halfwidth(text).strip()):
        if match.group(1):
            level2 = match.group(1) if match.group(1) in table_labels()["level2"] else None
        weight, score = (float(match.group(8)), float(match.group(9))) if match.group(8) else (None, None)
        if weight is not None and not 0 <= score <= weight:
            weight = score = None
        actual = match.group(7).strip()
        if _FUNCTION_WORD_RE.match(actual) or _FUNCTION_WORD_RE.match(match.group(4).strip()):
            continue   # 实际完成值为 ⏎ 2896平方米: a sentence cut at the line's end states no value here
        if level_kind((match.group(2) or match.group(3)).strip(), fuzzy=False):
            continue   # 质量指标：项目(工程)验收合格率100%…: a category, the indicator unnamed
        if match.group("verb") and _BARE_TARGET_NOUN_RE.match(actual):
            actual = match.group("verb") + actual   # 实际达到预期: the verb is the value's own
        if match.group("at"):
            actual = re.sub(r"完成$", "", actual)   # 实际于2023年10月完成 → 2023年10月
        out.append(StatedIndicator(level2, (match.group(2) or match.group(3)).strip(), unquoted(match.group(4)),
                                   unquoted(actual), weight, score))
    return out




_KEYED_FIELDS = {"level1", "level2", "name", "target", "actual", "weight", "score"}


def key_value_indicator(text: str) -> Indicator | None:
    """指标1：三级指标名称：农村户用厕所改造数量；年度指标值：≥500户；实际完成值：520户；分值：20分；得分：20分 —
    an indicator written as the table's labels with their values, one pair per clause."""
    values: dict[str, str] = {}
    # clauses end at ；/。, or — a line of labelled cells set apart by spaces (·受益学生人数　目标值：≥5.6万人　
    # 完成值：5.72万人　权重：20　得分：20) — at the spaces; such a line's unlabelled first cell is the name
    spaced = re.fullmatch(r"\s*[·•▪●-]?\s*([\u4e00-\u9fff“”\"（）()]{2,30})(?:\s+[^:\s\d]{2,8}:\s*\S+){3,}\s*",
                          to_halfwidth(text))
    clauses = re.split(r"\s+", to_halfwidth(text).strip()) if spaced else re.split(r"[;；。]", to_halfwidth(text))
    if spaced:
        values["name"] = spaced.group(1)
    for clause in clauses:
        label, colon, value = clause.rpartition(":") if clause.count(":") > 1 else clause.partition(":")
        field_name = header_field(label.split(":")[-1], "indicator") if colon else None
        if field_name in _KEYED_FIELDS and value.strip():
            values.setdefault(field_name, value.strip())
    if "name" not in values or not {"target", "actual"} & set(values):
        return None
    points = {k: parse_number(values[k]) for k in ("weight", "score") if k in values}
    return Indicator(level1=values.get("level1"), level2=values.get("level2"), name=values["name"],
                     target=values.get("target"), actual=values.get("actual"),
                     weight=points.get("weight"), score=points.get("score"))


def stated_pair(text: str) -> StatedIndicator | None:
    pairs = stated_pairs(text)
    return pairs[0] if pairs else None



_SECTION_LEVEL1 = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])\s*([\u4e00-\u9fff]{2,4})"
                             r"\s*(?:[(（][^()（）]{0,20}[)）])?\s*[:：。]?$")

def _item_reads_more(pairs: list[StatedIndicator], item: Indicator | None) -> bool:
    """Of the sentence reader's one indicator and the list-item reader's, the item's states more
    (数量指标——X：… its 二级; 得8.1分（满分9分） its points)."""
    if item is None:
        return False
    if not pairs:
        return True
    def filled(found) -> int:
        return sum(getattr(found, k) is not None for k in ("level2", "target", "actual", "weight", "score"))
    return filled(item) > filled(pairs[0])


def _take_itemised(out: list[Indicator], itemised: Indicator | None, number: int,
                   levels: tuple[str | None, str | None]) -> bool:
    if itemised is None:
        return False
    itemised.level1 = itemised.level1 or levels[0]
    itemised.level2 = itemised.level2 or levels[1]
    itemised.provenance = {k: (number, number) for k in ("name", "target", "actual", "weight", "score")
                           if getattr(itemised, k) is not None}
    out.append(itemised)
    return True


MIN_SCORED_PAIRS = 2


def _scored(indicator: Indicator | None) -> Indicator | None:
    """A named line read under no 产出/效益 heading counts only with its points (维修项目学校数：计划38所，
    实际完成31所，分值15分，得12分) — they make it a result, not the plan restated."""
    return indicator if indicator is not None and indicator.weight is not None and indicator.score is not None else None


def _take_scored_pairs(out: list[Indicator], pairs: list[StatedIndicator], number: int) -> bool:
    """A paragraph under no 产出/效益 heading that sets out indicators one clause group each (X，年度指标值…，
    实际完成…，分值15分，得15分；…): read when at least two of them state their points — a single
    target-and-actual sentence there may be the plan restated, not a result."""
    if sum(p.weight is not None for p in pairs) < MIN_SCORED_PAIRS:
        return False
    for pair in pairs:
        out.append(Indicator(level2=pair.level2, name=pair.name, target=pair.target, actual=pair.actual,
                             weight=pair.weight, score=pair.score,
                             provenance={k: (number, number) for k in ("name", "target", "actual", "weight", "score")
                                         if getattr(pair, k) is not None}))
    return True




_TARGET_LABEL_RE = re.compile(r"^(?:年度)?(?:指标值|目标值|预期目标|目标|计划)")


def _entries(text: str) -> list[tuple[str, str]]:
    """'名称:实际情况' or '名称94件;名称1087件' → (name, actual) pairs."""
    text = text.rstrip("。.;；")
    colon = re.match(r"^([\u4e00-\u9fff（）()“”]{3,30})\s*[:：]\s*(.+)$", text)
    if colon:
        return [(colon.group(1), colon.group(2).strip().rstrip("。"))]
    out = []
    for part in re.split(r"[;；]", text):
        match = re.match(r"^([\u4e00-\u9fff（）()“”]{3,30}?)\s*([≥≤≧≦<>]?\s*\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,2})?)$",
                         part.strip())
        if match:
            out.append((match.group(1), match.group(2).replace(" ", "")))
    return out


def tie_narrative_actuals(indicators: list[Indicator], lines: list[str], first_line: int) -> int:
    """Fill empty actuals from sentences after the table that name the indicator (…率实际为96.2%)."""
    filled = 0
    for number, line in enumerate(lines[first_line - 1:], start=first_line):
        text = to_halfwidth(line)
        for sentence in re.split(r"[。；;]", text):
            for clause in re.split(r"[，,]", sentence):
                match = _ACTUAL_RE.search(clause)
                if not match:
                    continue
                target = _indicator_named(clause[: match.start()], indicators) or _only_indicator_in(sentence, indicators)
                if target is not None and target.actual is None:
                    target.actual = match.group(1).replace(" ", "")
                    target.provenance["actual"] = (number, number)
                    filled += 1
    return filled


def _indicator_named(subject: str, indicators: list[Indicator]) -> Indicator | None:
    subject = re.sub(r"^.*?[:：]", "", subject)
    subject = re.sub(r"^[①-⑳\d.、\s]+", "", subject).strip()
    if len(subject) < 3:
        return None
    exact = [i for i in indicators if i.name and (i.name == subject or i.name.endswith(subject))]
    if len(exact) == 1:
        return exact[0]
    scored = [(difflib.SequenceMatcher(None, subject, i.name).ratio(), k) for k, i in enumerate(indicators) if i.name]
    scored.sort(reverse=True)
    if scored and scored[0][0] >= 0.8 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.1):
        return indicators[scored[0][1]]
    return None


def _only_indicator_in(sentence: str, indicators: list[Indicator]) -> Indicator | None:
    named = [i for i in indicators if i.name and len(i.name) >= 4 and i.name in sentence]
    return named[0] if len(named) == 1 else None
