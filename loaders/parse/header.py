"""Who reported, where, and for which budget year.

Decision: the reporting unit is taken from the strongest evidence available, in a
fixed order — a labelled cell (实施单位, 单位名称 …), then the title, then the
supervising department, then the page's publisher, and only then a unit named in
the running text (with a warning). A candidate must look like a unit name (ends with
局 / 委员会 / 中心 / 医院 …, per data/org_suffixes.csv); otherwise it is not used.
The year is the budget year the evaluation is about: mentions written "20XX年度" in
title-like lines weigh most, full dates (2025年6月11日) and page furniture never count.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from loaders.parse.characters import space_aligned
from loaders.parse.page_lines import display_width
from loaders.parse.text import LINE_BREAKS, OWN_UNITS, CompactView, TextIndex, alternation, read_rows, read_terms
from loaders.records import Span

CJK = "\u4e00-\u9fff"
_NAME_CHARS = rf"[{CJK}()]"
CJK_CHAR = rf"[{CJK}]"
# 2024年 / 2024 年度 / OCR "2 0 2 4 年" / 二〇二四年
_YEAR_RE = re.compile(r"(?<![\d.])((?:1 ?9|2 ?0) ?\d ?\d|[二][〇零][一二三四五六七八九〇零]{2})\s*年\s*(度)?")
_CN_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# 单位名称（盖章）：XX局 — the seal note between a label and its value.
_SEAL_NOTE = r"(?:\s*\((?:盖章|公章|签章|章)\))?"
_FULL_DATE_TAIL_RE = re.compile(r"\s*\d{1,2}\s*月")
_BREADCRUMB = r"(?:[\u4e00-\u9fff]{2,}\s*(?:>>|>|＞|»|›)\s*){2,}[\u4e00-\u9fff]{2,}"
_BREADCRUMB_RE = re.compile(_BREADCRUMB)
# a web page's footer: the site's host, its licence (主办单位：XX区人民政府办公室  ICP备…)
_SITE_FOOTER = r"主办单位|承办单位|ICP备|网站标识码"
_SITE_FOOTER_RE = re.compile(_SITE_FOOTER)
# a site's menu under its banner (XX区人民政府 ⏎ 首页 ⏎ 政务公开 …)
# (or its items apart by spaces: 首页 政务公开 政务服务 政民互动)
_SITE_MENU_RE = re.compile(r"^\s*首页(?:\s*(?:[|｜>＞»]|$)|(?:[ \u3000]+[^\s，。：:]{2,6}){3,}\s*$)")
_FURNITURE_RE = re.compile(
    r"发布日期|发布时间|成文日期|填报日期|报告日期|索引号|打印|浏览次数|更新时间|主题分类|体裁分类|发文字号"
    r"|有效性|所在位置|当前位置|字体[:：]?\s*[大中小]|扫一扫|^\s*(?:上一篇|下一篇)"
    r"|" + _SITE_FOOTER + r"|" + _BREADCRUMB)   # a breadcrumb: 首页 > 政务公开 > …
# the title in a page's metadata block (名称：XX局2023年度…自评表)
_TITLE_LABEL_RE = re.compile(r"^(?:名\s*称|标\s*题|信息名称|文件名称)\s*[:：]\s*")
_TITLE_WORDS_RE = re.compile(r"绩效|自评|评价|预算|决算")
_EVALUATION_WORDS_RE = re.compile(r"绩效|自评|评价")
_EARLIER_PERIOD_RE = re.compile(r"(?:上一?轮|上一?年度?|去年|往年|较|比|同比)\s*[(（]?\s*$")
_YEAR_LABEL_RE = re.compile(r"(?:自评年度|评价年度|预算年度|所属年度|评价期间|自评期间)\s*[:：|\t]?\s*$")
YEAR_LABEL_WEIGHT = 20
PUBLISHER_RANK = 4   # data/agency_labels.csv: 发布机构 / 来源 describe the web page, not the report
# Words just before a unit named in prose that make it the commissioner, a cited authority,
# an approver or a recipient — not the unit that reports.
_FINANCE_BUREAU_RE = re.compile(r"财政(?:局|厅|部)$")
_PROJECT_NAME_BEFORE_RE = re.compile(r"项目名称\s*[:：|\t ]*$")
_COMMISSIONER_CUES = ("受", "根据", "按照", "依据", "经", "向", "报送", "上报", "报请", "委托", "组织单位")


@dataclass
class Found:
    """A value the parser decided, where it came from, and how sure it is."""
    value: object
    span: Span | None          # None when the value's source line is not known
    warning: str | None = None


# ---------------------------------------------------------------- agency

def find_agency(index: TextIndex, third_party: bool = False) -> Found | None:
    """The reporting unit as written, from the strongest evidence present. In a third-party
    report the evaluated unit is the 项目主管单位, ahead of the unit that carried the project out; a
    department's report on evaluating one of its units is that unit's."""
    # a project form names its 主管部门 (the budget department, who reports to the finance bureau) and the
    # 实施单位 that carried the project out; a unit's own name label (单位名称 / 部门：) comes first
    label_ranks = (0, 3, 1, 2) if third_party else (0, 1, 3, 2)
    finders = (lambda: subordinate_evaluated(index), lambda: _agency_from_cover(index),
               *(lambda rank=rank: _agency_from_labels_of_rank(index, rank) for rank in label_ranks),
               lambda: _agency_from_title(index), lambda: _agency_from_labels(index, rank=4),
               lambda: _agency_from_mentions(index))
    evaluators = _evaluator_names(index)
    for finder in finders:
        found = finder()
        if found is not None and found.value not in evaluators \
                and not (found.warning and _is_commissioner(index, found.value)):
            return _in_full(index, found)
    return None


SUPERVISING_RANK, IMPLEMENTING_RANK = 3, 2


def _agency_from_labels_of_rank(index: TextIndex, rank: int) -> Found | None:
    """The unit the labels of `rank` name — but the 实施单位 reports when the 主管部门 is
    - the people's government (主管部门 | 北京市顺义区人民政府 | 实施单位 | 北京市顺义区信访办公室: an office
      directly under the government), or a finance bureau routing a transfer (一事一议奖补 carried out by a
      township) — unless the 实施单位 is the bureau's own centre;
    - or the prose speaks as the 实施单位 (我校 … 实施单位：XX中心学校, 主管部门：XX教育局)."""
    found = _agency_from_labels(index, rank=rank)
    if rank != SUPERVISING_RANK or found is None:
        return found
    implementing = _agency_from_labels(index, rank=IMPLEMENTING_RANK)
    if implementing is None or implementing.value == found.value:
        return found
    supervisor, unit = str(found.value), str(implementing.value)
    if (supervisor.endswith("人民政府") or _FINANCE_BUREAU_RE.search(supervisor)) and "财政" not in unit:
        return implementing
    return implementing if _speaks_as(index, unit) and not _speaks_as(index, supervisor) else found


# a school speaks as 我校 whether its name ends with 学校 or 小学 / 中学
_VOICE_ENDINGS = {"校": ("校", "小学", "中学", "大学")}


def _speaks_as(index: TextIndex, name: str) -> bool:
    """The text speaks as a unit of this name's kind (我校 … XX中心学校, 我院 … XX人民医院; a township's
    government names its 乡 / 镇 before 人民政府) — the voices are the self-evaluation cues' (我局 / 我校 …)."""
    name = re.sub(r"(?:人民政府|政府|办事处)$", "", name)
    voices = {term[1:] for term in _self_voices() if term in index.text}
    return any(name.endswith(_VOICE_ENDINGS.get(word, (word,))) for word in voices)


@lru_cache(maxsize=1)
def _self_voices() -> tuple[str, ...]:
    return tuple(r["term"] for r in read_rows("evaluation_type_cues.csv")
                 if r["type"] == "self" and r["strength"] == "voice" and r["term"].startswith("我"))


def _is_commissioner(index: TextIndex, name: str) -> bool:
    """受XX市财政局委托: the unit that commissioned the evaluation is not the unit evaluated — so a
    web page's publisher (发布机构) or a unit the prose mentions that commissioned it is passed over."""
    if re.search(rf"受[^，。,；;]{{0,8}}?{re.escape(name)}\s*(?:的)?委托", index.text) is not None:
        return True
    # 沈丘县财政局： ⏎ 受贵局委托，我公司对…: the report is addressed to the unit that commissioned it
    return bool(_ADDRESSEE_COMMISSIONED_RE.search(index.text)) and re.search(
        rf"^\s*{re.escape(name)}\s*[:：]\s*$", index.text, re.M) is not None


_ADDRESSEE_COMMISSIONED_RE = re.compile(r"受(?:贵|你)(?:局|委|办|厅|单位|中心|院)(?:的)?委托")


FULL_NAME_LABEL_RANKS = (0, 1, 2, 3)
_FULL_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:省|自治区)?[\u4e00-\u9fff]{1,8}?(?:市|州|盟|地区)[\u4e00-\u9fff]{1,8}?(?:区|县|旗|市)")
SHORT_NAME_CHARS = 4
NAME_END_REACH = 4      # the short name's last character sits in the full name's last few (教委 → 教育委员会)


def _in_full(index: TextIndex, found: Found) -> Found:
    """A cover or title line often shortens the unit (黔东南州人社局, 江北区教委) that a form's label
    cell names in full (黔东南苗族侗族自治州人力资源和社会保障局): the full name, as written there."""
    if _FULL_PLACE_RE.match(found.value):
        return found      # 深圳市福田区…: already names its city and district
    named = _labelled_names(index) | _names_before_an_abbreviation(index) | _whole_line_names(index, found.value[:2])
    fuller = [v for v in named if _shortens(found.value, v) and unit_name_prefix(v, whole=True) == v]
    return Found(max(fuller, key=len), found.span, found.warning) if fuller else found


def _labelled_names(index: TextIndex) -> set[str]:
    """The values of the unit labels (主管部门 / 实施单位 / 单位名称 …), in a cell beside them or after a colon."""
    labels = [row["label"] for row in read_rows("agency_labels.csv") if int(row["rank"]) in FULL_NAME_LABEL_RANKS]
    # (a web page's form keeps one space between a label and its cell: 主管部门 互助土族自治县市场监督管理局)
    pattern = r"(?<!被)(?:" + "|".join(map(re.escape, labels)) + r")(?:[ \t]*[:：|\t]|[ \u3000]+)[\s|]*(" + _NAME_CHARS + r"+)"
    return {m.group(1) for m in re.finditer(pattern, index.text)}


def _whole_line_names(index: TextIndex, place: str) -> set[str]:
    """Lines naming `place` that are a unit's name and nothing else (a cover line, a signature)."""
    return {name for _, line in content_lines(index) if len(line.strip()) <= 30 and place in line
            and (name := unit_name_prefix(line.strip().replace(" ", ""), whole=True))}


def _names_before_an_abbreviation(index: TextIndex) -> set[str]:
    """深圳市福田区文化广电旅游体育局（以下简称“区文体局”）: the full name a text gives before it shortens it."""
    names = set()
    for match in re.finditer(r"(" + _NAME_CHARS + r"{4,40}?)\s*[（(]\s*以下简称", index.text):
        text = match.group(1)
        # the prose run into the name (…对深圳市福田区…局): the longest tail that is a whole unit name
        tails = [text[k:] for k in range(len(text) - 3) if unit_name_prefix(text[k:], whole=True) == text[k:]]
        # (…项目由互助…局: a tail after a word of the sentence — 由 / 对 — before a tail cut inside a word: 目由互助…)
        after_a_word = [t for t in tails if t in _tails_after_words(text)]
        names |= set((after_a_word or tails)[:1])
    return names


def _shortens(short: str, full: str) -> bool:
    """`short` is `full` with characters left out: its characters in order, its opening pair of
    characters together (the place), its last one near the full name's end (not a subordinate unit)."""
    if len(short) < SHORT_NAME_CHARS or len(full) <= len(short) or short[:2] not in full:
        return False
    at = full.index(short[:2]) + 2
    for ch in short[2:]:
        at = full.find(ch, at) + 1
        if not at:
            return False
    return at >= len(full) - NAME_END_REACH + 1


EVALUATOR_RANK = 9
COMMISSIONER_RANK = 8


def _evaluator_names(index: TextIndex) -> set[str]:
    """Names the report gives its evaluator (评价机构：XX咨询有限公司): never the agency."""
    return _label_values(index, EVALUATOR_RANK)


def _label_values(index: TextIndex, rank: int) -> set[str]:
    """The values the labels of `rank` are given with a colon (主管部门：X …), as written; a label
    inside a longer one (评价单位 in 被评价单位) does not count."""
    values = set()
    for row in read_rows("agency_labels.csv"):
        if int(row["rank"]) == rank:
            pattern = r"(?<!被)" + re.escape(row["label"]) + _SEAL_NOTE + r"\s*[:：][\s|]*(" + _NAME_CHARS + r"+)"
            values |= {m.group(1) for m in re.finditer(pattern, index.text)}
    return values


def _agency_from_labels(index: TextIndex, rank: int) -> Found | None:
    """The value of a unit label, read with line breaks removed: a cell broken over lines
    ("北京市丰台区信访办\n公室") is one name; cells side by side on a line stay apart."""
    if "joined_lines" not in index.memo:
        index.memo["joined_lines"] = CompactView(index, removed=LINE_BREAKS)
    view = index.memo["joined_lines"]
    for row in read_rows("agency_labels.csv"):
        if int(row["rank"]) != rank:
            continue
        colon = r"[\s\]】]*[:：]" if row["needs_colon"] == "1" else r"[\s:：|\]】]*"
        pattern = (re.escape(row["label"]) + _SEAL_NOTE + colon + r"[\s|]*(?:\d+\s*-\s*)?("
                   + _NAME_CHARS + r"+)")
        for match in re.finditer(pattern, view.text):
            if _label_inside_a_sentence(view, match):
                continue
            name = _label_value_name(view, match.start(1), match.group(1))
            if name:
                warning = (f"单位名称“{name}”取自“{row['label']}”（网页发布者，未必是报告单位），请核对"
                           if rank >= PUBLISHER_RANK else None)
                return Found(name, view.span_of(match.start(1), match.start(1) + len(name)), warning)
    return None


# A next line that starts like this begins a sentence, not the rest of a broken cell.
_SENTENCE_STARTS = "本我该其此各为在对于是经由"
MAX_CELL_CONTINUATION = 6


def _label_inside_a_sentence(view: CompactView, match: re.Match) -> bool:
    """建议主管部门加强食堂台账管理。: a label word inside a sentence, with no colon after it and a word
    before it, names no unit (a form's label stands at the start of its cell or line)."""
    start = match.start()
    if start == 0 or not re.match(CJK_CHAR, view.text[start - 1]) or re.search(r"[:：]", match.group()):
        return False
    number = view.line_of(start)
    line = view.index.line(number)
    if view.line_of(start - 1) != number:
        return False    # the label opens its line (a cell of a form printed one per line)
    return "\t" not in line and "|" not in line and bool(re.search(r"[，。；]", line))


def _label_value_name(view: CompactView, start: int, value: str) -> str | None:
    """The unit name in a label's value; it may run onto the next lines only as the rest of a
    broken cell ("…信访办" + "公室"), not into the next sentence ("…局" + "本局2022年…")."""
    first_line = view.line_of(start)
    same_line = "".join(ch for i, ch in enumerate(value) if view.line_of(start + i) == first_line)
    name = unit_name_prefix(value)
    if name is None or len(name) <= len(same_line):
        return name
    continuation = name[len(same_line):]
    if continuation[0] in _SENTENCE_STARTS or len(continuation) > MAX_CELL_CONTINUATION:
        return unit_name_prefix(same_line)
    line = view.index.line(first_line)
    if space_aligned(line):
        # a space-aligned form (主管部门  …农业农  实施单位  …茶叶产 ⏎ 村局  业发展中心): the cell goes on
        # only in the next line's run under its own column
        at = view.offsets[start] - view.index.starts[first_line - 1]   # the value's place in its line
        below = _run_below(line, view.index.line(first_line + 1) if first_line < len(view.index.lines) else "", at)
        return unit_name_prefix(same_line + below) if below else unit_name_prefix(same_line)
    return name


def _run_below(line: str, next_line: str, at: int) -> str:
    """The text of `next_line` that starts under column `at` of `line` (display columns), if any."""
    if at < 0:
        return ""
    column = display_width(line[:at])
    for match in re.finditer(r"\S+(?: \S+)*", next_line):
        if abs(display_width(next_line[:match.start()]) - column) <= 2:
            return match.group()
    return ""


def _agency_from_title(index: TextIndex) -> Found | None:
    """A cover line that is only a unit name, a title opening with the unit ("XX局2024年度…报告"),
    or a signature line at the end — in that order."""
    lines = content_lines(index)
    return (_cover_unit(index, lines[:8]) or _title_unit(lines[:30]) or _whole_line_unit(lines[-4:]))


def _agency_from_cover(index: TextIndex) -> Found | None:
    """The unit the title names — a title opening with it ("XX局2023年度项目支出绩效自评表") or a
    cover line above the title that is only its name. It reports, even when the form's 实施单位
    cell names the subordinate unit that carried the project out."""
    lines = content_lines(index)
    return _title_unit(lines[:30], index) or _cover_unit(index, lines[:3])


# 我局…对局属单位盐池县劳动就业服务中心实施的…项目进行了绩效评价: a department evaluated one of its units
# (an evaluation, not the 自评 it organised)
_SUBORDINATE_EVALUATED_RE = re.compile(rf"对{OWN_UNITS}单位\s*([\u4e00-\u9fff]{{4,30}}?)\s*(?:组织实施|负责实施|实施|承担)的"
                                       r"[^。；]{0,40}?进行了?(?:绩效)?(?<!自)评价"
                                       # 经评价，仪陇县就业服务中心2024年度…项目部门评价得分95.1分 (its notice of the result)
                                       r"|经(?:综合)?评价[，,]\s*([\u4e00-\u9fff]{4,30}?)\s*20\d{2}\s*年度?[^。；]{0,40}?项目"
                                       r"[^。；]{0,12}?(?<!自)评价?得分")


def subordinate_evaluated(index: TextIndex) -> Found | None:
    """The one unit of its own a department says it evaluated, if it says so."""
    return _one_unit_named(index, _SUBORDINATE_EVALUATED_RE)


def _one_unit_named(index: TextIndex, pattern: re.Pattern) -> Found | None:
    """The unit the prose names where `pattern` matches (its first filled group), when it names one only."""
    found = {}
    for number, line in content_lines(index):
        for match in pattern.finditer(line):
            name = unit_name_prefix(next((g for g in match.groups() if g), ""), whole=True)
            if name:
                found.setdefault(name, (number, number))
    return Found(*next(iter(found.items()))) if len(found) == 1 else None


def _cover_unit(index: TextIndex, lines: list[tuple[int, str]]) -> Found | None:
    """A cover line that is only a unit name — unless it is the finance bureau that commissioned
    the evaluation while the report names the 主管单位 (who reports). A site's banner above its breadcrumb
    (XX区人民政府 ⏎ 首页 > 政务公开 > …) names the website, not the unit."""
    banners = {n for n, _ in lines if n < len(index.lines) and _site_furniture_below(index, n)}
    cover = _whole_line_unit([(n, line) for n, line in lines if n not in banners])
    if cover is not None and _FINANCE_BUREAU_RE.search(cover.value) and (
            len({unit_name_prefix(v) or v for v in _label_values(index, rank=3)}) == 1
            or len({unit_name_prefix(v) or v for v in _label_values(index, rank=0)}) == 1
            or cover.value in _label_values(index, rank=COMMISSIONER_RANK)):
        return None   # it commissioned or reviewed the evaluation of one unit (委托单位：… / 被复核单位：…); a notice
                      # about several units is its own
    if cover is not None and _FINANCE_BUREAU_RE.search(cover.value):
        return _supervisor_in_prose(index) or cover   # 资金主管部门为X: the bureau evaluated X's fund
    return cover


def _site_furniture_below(index: TextIndex, number: int) -> bool:
    """A breadcrumb or a site menu under the line — or under the site's name in English beneath it
    (鄂温克族自治旗人民政府 ⏎ Ewenki Autonomous Banner People's Government ⏎ 首页 政务公开 …)."""
    below = number + 1
    if below < len(index.lines) and _LATIN_LINE_RE.match(index.line(below)):
        below += 1
    return below <= len(index.lines) and bool(_BREADCRUMB_RE.search(index.line(below)) or _SITE_MENU_RE.match(index.line(below)))


_LATIN_LINE_RE = re.compile(r"^\s*[A-Za-z][A-Za-z .,'&()-]{5,}\s*$")


# 资金主管部门为江门市新会区教育局: the unit whose fund a finance bureau's report evaluates, said in prose
_PROSE_SUPERVISOR_RE = re.compile(r"(?:资金|项目)主管(?:部门|单位)(?:为|是)\s*([\u4e00-\u9fff（）()]{4,30}?)(?=[，,。；;、\s]|$)"
                                  # 项目由X县卫生健康局（以下简称…）组织实施: the unit whose project the bureau evaluated
                                  r"|项目由\s*([\u4e00-\u9fff]{4,30}?)(?:[（(]以下简称[^）)]{0,16}[）)])?\s*(?:组织|负责|牵头)实施")


def _supervisor_in_prose(index: TextIndex) -> Found | None:
    return _one_unit_named(index, _PROSE_SUPERVISOR_RE)


def _whole_line_unit(lines: list[tuple[int, str]]) -> Found | None:
    for number, line in lines:
        text = line.strip()
        if len(text) <= 30:
            name = unit_name_prefix(text.replace(" ", ""), whole=True)
            if name:
                return Found(name, (number, number))
    return None


_FINANCE_BUREAU_ABOUT_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}?财政(?:局|厅)关于(.+)$")


def _title_unit(lines: list[tuple[int, str]], index: TextIndex | None = None) -> Found | None:
    for number, line in lines:
        head = _title_head(line.strip())
        bureau = _FINANCE_BUREAU_ABOUT_RE.match(head) if head and index is not None else None
        if bureau and _fullest_mention(index, re.sub(r"^[区县市省州旗]", "", _strip_lead_words(bureau.group(1)))):
            head = "关于" + bureau.group(1)   # XX财政局关于县水利局2022年度…的复核报告: the bureau reports on that unit
        subject = _strip_lead_words(head[2:]) if head and head.startswith("关于") else None
        if subject and index is not None:
            # 关于区城市管理执法局2021年度…评价的报告: the unit evaluated, as the body names it in full
            name = _fullest_mention(index, re.sub(r"^[区县市省州旗]", "", subject)) or unit_name_prefix(subject)
        else:
            name = unit_name_prefix(_strip_lead_words(head)) if head else None
        if name:
            return Found(name, (number, number))
    return None


def _fullest_mention(index: TextIndex, name: str) -> str | None:
    """The longest form of a unit name the text writes (a title says 区城市管理执法局, the body
    武汉市江岸区城市管理执法局)."""
    longer = {tail + name     # (县财政局对抚松县水利局: the name starts after a word of the sentence)
              for m in re.finditer(rf"([{CJK}]{{2,12}}?(?:省|市|县|区|州|旗)?){re.escape(name)}", index.text)
              for tail in _tails_after_words(m.group(1))}
    places = [n for n in longer if re.match(rf"^[{CJK}]{{2,8}}(?:省|市|县|州|旗|区)", n) and unit_name_prefix(n) == n]
    return max(places, key=len) if places else None


def content_lines(index: TextIndex) -> list[tuple[int, str]]:
    """Non-empty lines that are not web-page furniture (索引号, 发布日期 …)."""
    if "content_lines" not in index.memo:
        kept, related = [], False
        for n, s in index.numbered_lines():
            if not s.strip() or _FURNITURE_RE.search(s):
                continue
            if _RELATED_HEADING_RE.match(s):
                related = True     # 相关文章: the titles of other pages follow
                continue
            if related and len(s.strip()) <= MAX_RELATED_TITLE and not re.search(r"[，,。；;：:]", s):
                continue
            related = False
            kept.append((n, s))
        index.memo["content_lines"] = kept
    return index.memo["content_lines"]


_RELATED_HEADING_RE = re.compile(r"^\s*(?:相关文章|相关链接|相关阅读|相关新闻|相关信息|推荐阅读)\s*[:：]?\s*$")
MAX_RELATED_TITLE = 50


def _head_and_tail_lines(index: TextIndex) -> list[tuple[int, str]]:
    """The first and last few content lines: where titles and signatures sit."""
    lines = content_lines(index)
    return lines[:8] + lines[-4:]


def _title_head(line: str) -> str | None:
    """The part of a title-like line before its year: "XX中心 2022 年整体…报告" → "XX中心".
    Not a sentence, nor a cited document (根据《XX局关于开展2024年度…的通知》)."""
    line = _TITLE_LABEL_RE.sub("", line)
    match = _YEAR_RE.search(line)
    if not match or not _TITLE_WORDS_RE.search(line[match.start(): match.start() + 60]):
        return None
    if re.search(r"[，,。；;：:！？《]", line[: match.start()]) or re.search(r"[，。；：:]\s*$", line):
        return None  # a sentence ("受XX局委托，XX公司对…2022年…", "根据XX局关于开展2023年度…安排，"), not a title
    head = line[: match.start()].strip()
    head = re.split(r"[\s,，。;；:：、《》]", head)[-1] if head else head
    return head or None


def _agency_from_mentions(index: TextIndex) -> Found | None:
    """A place-named unit in the running text (西平县交通运输局): the most frequent, with a warning."""
    # Prose runs words together, so only unmistakable unit endings count here (局, 中心, 医院 …).
    suffixes = alternation([r["term"] for r in read_rows("org_suffixes.csv") if r["strength"] == "strong"])
    # (an autonomous county's name runs longer: 酉阳土家族苗族自治县)
    pattern = re.compile(rf"((?:[{CJK}]{{2,6}}?|[{CJK}]{{2,8}}?自治)(?:省|市|县|区|州|旗)[{CJK}]{{1,14}}?(?:{suffixes}))")
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    for match in pattern.finditer(index.text):
        name = _unit_in_mention(match.group(1))
        # (the words before it in its own clause: 受贵局委托，我公司对X — the comma ends the commission)
        context = re.split(r"[，。；,;]", index.text[max(0, match.start(1) - 6): match.start(1)])[-1] + match.group(1)[:2]
        if not name or any(word in context for word in _COMMISSIONER_CUES) or _is_commissioner(index, name):
            continue  # 受XX财政局委托 / 根据XX局通知: who commissioned or instructed, not who reports
        line = index.line(index.span_of(match.start(1), match.end(1))[0])
        if _SITE_FOOTER_RE.search(line) or _BREADCRUMB_RE.search(line):
            continue  # 主办单位：XX区人民政府办公室 / XX县人民政府网 > 政务公开 > …: the web site, not the report's unit
        if _PROJECT_NAME_BEFORE_RE.search(index.text[max(0, match.start(1) - 12): match.start(1)]):
            continue  # 项目名称 | 朝阳区中小学课后服务经费: the start of a project's name, not a unit
        # A unit inside 《…》 is usually the author of a cited document, not the reporter.
        counts[name] += 1 if _inside_book_title(index.text, match.start(1)) else 2
        first.setdefault(name, index.span_of(match.start(1), match.end(1)))
    if not counts:
        return None
    name, _ = counts.most_common(1)[0]
    return Found(name, first[name], warning=f"单位名称“{name}”取自正文提及，未见单位标签或标题，请核对")


def _unit_in_mention(text: str) -> str | None:
    """The unit name inside a prose match, which may start a few characters early
    ("司对某某县水利局" → "某某县水利局")."""
    place_end = max(text.find(ch) for ch in "省市县区州旗")
    for start in range(0, max(1, place_end - 1)):
        name = unit_name_prefix(_strip_lead_words(text[start:]))
        if name and not _PROSE_IN_PLACE_RE.search(name[:max(name.find(ch) for ch in "省市县区州旗")]):
            return name
    return None


# a "place" holding a preposition or a particle is a run of prose (部门整体支出由区财政局…), no place name
_PROSE_IN_PLACE_RE = re.compile(r"[由对向在的将为是被把从经]|支出|收入|资金")


def _tails_after_words(text: str) -> list[str]:
    """The text, and its ends that start after a word prose runs into a name (县财政局对抚松县 → 抚松县)."""
    return [text] + [text[k:] for k in range(1, len(text) - 1)
                     if _strip_lead_words(text[k - 1:k]) == "" or _strip_lead_words(text[max(k - 2, 0):k]) == ""]


def _strip_lead_words(text: str) -> str:
    """"现将2022年西平县交通运输局" matches from 年: drop the prose words run into the name."""
    leads = read_terms("agency_lead_words.csv")
    stripped = True
    while stripped:
        stripped = False
        for word in leads:
            if text.startswith(word):
                text, stripped = text[len(word):], True
    return text


def _inside_book_title(text: str, offset: int) -> bool:
    opened = text.rfind("《", max(0, offset - 40), offset)
    return opened >= 0 and "》" not in text[opened:offset]


def unit_name_prefix(text: str, *, whole: bool = False) -> str | None:
    """The longest start of `text` that reads as a unit name, cut before stop words.

    whole=True: the whole text must be the name (a line that is only a unit name).
    """
    text = text.strip()
    cut = _cut_at_stop_words(text)
    if whole and cut != text and not _only_department_tail(text, cut):
        return None
    suffixes = read_terms("org_suffixes.csv")
    for end in range(len(cut), 3, -1):
        candidate = cut[:end]
        if any(candidate.endswith(s) for s in suffixes) and _looks_like_unit(candidate):
            if whole and end != len(cut):
                return None
            return candidate
    return None


def _cut_at_stop_words(text: str) -> str:
    """The text before the first stop word; empty when it starts with one (another label)."""
    stops = read_terms("agency_stop_words.csv")
    if text.startswith(stops):
        return ""
    positions = [text.find(word, 1) for word in stops]
    positions = [p for p in positions if p > 0]
    return text[: min(positions)] if positions else text


def _only_department_tail(text: str, cut: str) -> bool:
    """"长安区信访局部门": a unit name followed only by 部门 / 单位 (a title broken over lines)."""
    return text[len(cut):] in ("部门", "单位")


_PLACE_OPENING_WITH_TOWN_RE = re.compile(r"^[镇乡][\u4e00-\u9fff]{1,12}?(?:自治县|县|市|区|旗)")


def _looks_like_unit(name: str) -> bool:
    if not 4 <= len(name) <= 30 or not re.fullmatch(_NAME_CHARS + "+", name):
        return False
    # 区信访办 / 县信访局 / 本单位: a relative reference, not a name — but 镇沅…自治县 / 乡城县 / 镇江市 are places
    if name[0] in "省市县区州镇乡本我该各此其" and not _PLACE_OPENING_WITH_TOWN_RE.match(name):
        return False
    return not any(word in name for word in read_terms("agency_forbidden.csv"))


# ---------------------------------------------------------------- region

_REGION_RE = re.compile(
    rf"^(?:中共|中国共产党)?((?:[{CJK}]{{2,7}}?(?:省|自治区))?(?:[{CJK}]{{2,7}}?(?:市(?!场)|自治州|州|盟|地区))?"
    rf"(?:[{CJK}]{{1,7}}?(?:县|区|旗|市(?!场)))?(?:[{CJK}]{{2,3}}?(?:镇|乡|街道))?)"
)   # (互助县市场监督管理局: the 市 of 市场 names no city)


def region_of_agency(agency: str | None) -> str | None:
    """The place the unit's name starts with: "北京市丰台区信访办公室" → "北京市丰台区"."""
    if not agency:
        return None
    match = _REGION_RE.match(agency)
    region = match.group(1) if match else ""
    if len(region) < 2 or region == agency:
        return None
    return region


# A province named as part of a provincial unit (河南省财政厅, 四川省人民政府办公厅): a stated place,
# unlike a province word in prose (负责省、市…), which proves nothing.
_PROVINCE_UNIT_RE = re.compile(rf"([{CJK}]{{2,5}}?(?:省|自治区)|北京市|上海市|天津市|重庆市)(?=[{CJK}]{{0,10}}?(?:厅|局|委员会|人民政府))")


def find_region(index: TextIndex, agency: Found | None) -> Found | None:
    """The unit's place from its name, with the province the text states when the name lacks one.

    Only stated places: "西平县交通运输局" + "河南省财政厅…" → "河南省西平县"; no province is guessed."""
    local = region_of_agency(agency.value if agency else None)
    if not local:
        return None
    provinces = set()
    for match in _PROVINCE_UNIT_RE.finditer(index.text):
        province = _strip_lead_words(match.group(1))
        if re.fullmatch(rf"[{CJK}]{{2,3}}(?:省|自治区)|北京市|上海市|天津市|重庆市", province):
            provinces.add(province)
    if len(provinces) == 1:
        province = provinces.pop()
        if not local.startswith(province) and not province.startswith(local):
            return Found(province + local, agency.span)
    return Found(local, agency.span)


# ---------------------------------------------------------------- year

def find_year(index: TextIndex) -> Found | None:
    """The budget year evaluated: the best-supported year mention that is not a date."""
    weights: Counter[int] = Counter()
    first: dict[int, Span] = {}
    head_lines = {n for n, _ in _head_and_tail_lines(index)[:8]}
    for match in _YEAR_RE.finditer(index.text):
        if _FULL_DATE_TAIL_RE.match(index.text, match.end()):
            continue  # 2025年6月11日: a date, usually the report's, not the budget year
        number = index.line_of(match.start())
        line = index.line(number)
        if _FURNITURE_RE.search(line):
            continue
        year = int("".join(_CN_DIGITS.get(ch, ch) for ch in match.group(1) if ch != " "))  # 二〇二三 → 2023
        before = index.text[max(0, match.start() - 6):match.start()]
        if _EARLIER_PERIOD_RE.search(before):
            continue  # 上一轮（2021年度）绩效评价得分 / 较2021年: another period, named to compare
        if _YEAR_LABEL_RE.search(before):
            weights[year] += YEAR_LABEL_WEIGHT   # 自评年度 | 2022年: the form says which year it is
            first.setdefault(year, (number, number))
            continue
        title_words = _EVALUATION_WORDS_RE.search(line) or (
            number in head_lines and _EVALUATION_WORDS_RE.search(index.line(number + 1) if number < len(index.lines) else ""))
        weight = 1 + (2 if match.group(2) else 0) + (2 if title_words else 0)
        weight += 2 if number in head_lines else 0
        weights[year] += weight
        first.setdefault(year, (number, number))
    if not weights:
        return None
    ranked = weights.most_common()
    year, weight = ranked[0]
    warning = None
    if len(ranked) > 1 and ranked[1][1] * 2 > weight:
        warning = f"年度不确定：{year} 与 {ranked[1][0]} 都像是评价年度，取了 {year}"
    return Found(year, first[year], warning)
