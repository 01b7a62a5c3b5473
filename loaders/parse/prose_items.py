"""Indicators set out as list items in prose, one clause per part.

What it reads: （一）“抽检批次”指标（权重15分）：目标2,000批次，实际完成2,046批次，得15分 /
1.数量指标“享受补助企业数量”，年度指标值≥35家，实际完成39家，分值20分，自评得分20分 /
指标一：强制检定计量器具数量（产出/数量）。目标：≥5000台；完成：5326台；权重25；得分25 — the name
(quoted, or before the first clause), 目标 / 年度指标值, 实际 / 完成, 权重 / 分值 / 满分 and 得 N 分.

Decision: an item is read only when it names its indicator, a target and an actual; points whose
score exceeds them are dropped. Pure: a halfwidth-folded line in, an Indicator or None out.
"""
from __future__ import annotations

import re

from loaders.parse.labels import table_labels
from loaders.records import Indicator

MAX_PROSE_ACTUAL = 40
# 本项目自评得分为96分 / 资金执行率为…: sentences about the project, not an indicator
NOT_AN_INDICATOR = re.compile(r"得分|评分|总分|预算|执行率|为$|是$|本项目|该项目")

_START = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|[①-⑳]|指标[一二三四五六七八九十\d]{1,2}[:：])\s*")
_LEVEL2 = re.compile(r"^([\u4e00-\u9fff]{2,8}指标)\s*(?:——|—|-|:)?\s*")
_NAME = re.compile(r"^(?:三级指标)?\s*(?:“([^”\"]{2,40})”|\"([^\"]{2,40})\")\s*(?:指标)?"
                        r"|^((?:[^,:;。()“”\d]|\([^()\d/]{1,6}\)){2,30}?)(?=\s*(?:\([^()]*[\d/][^()]*\))?\s*[:,。])")
_NOTE = re.compile(r"^\s*\(([^()]{1,20})\)")
_LEVEL_PAIR = re.compile(r"^([\u4e00-\u9fff]{2,6})/([\u4e00-\u9fff]{2,8})$")
_CLAUSES = re.compile(r"[;。]|,(?!\d{3}(?!\d))")
_TARGET = re.compile(r"^(?:年度)?(?:指标值|目标值|预期目标值?|目标|计划(?:完成)?)(?:为|是)?\s*:?\s*(.+)$")
_ACTUAL = re.compile(r"^(?:(?:全年|年末|年底|当年)?实际(?:完成|新增|支持|发放|培训|建成|达到|为)?(?:值|情况)?(?:为|达到)?|完成值(?:为)?|完成(?:情况)?)"
                          r"\s*:?\s*(.+)$")
# 完成目标 / 完成年度任务: the item says it met its target, it states no value
_MET_ITS_TARGET = re.compile(r"^(?:年度|预期|既定)?(?:目标|任务|计划|指标)(?:任务|值)?$")
# 全县农村生活污水治理率达到57.2% / 设施正常运行率为93%: the indicator named again with its value
_RESTATED = re.compile(r"^([^\d,;。]{0,24}?)(?:达到|为|达)\s*([\d≥≤<>][^,;。]*)$")
_WEIGHT = re.compile(r"^(?:该指标|该项|本项|指标)?(?:权重|分值|满分)(?:为)?\s*:?\s*(\d+(?:\.\d+)?)\s*(?:分|%)?$|^该指标\s*(\d+(?:\.\d+)?)\s*分$")
_SCORE = re.compile(r"^(?:(?:自评|实)?得(?:分)?|自评|评分)(?:为)?\s*:?\s*(\d+(?:\.\d+)?)\s*分?(?:\s*\(满分\s*(\d+(?:\.\d+)?)\s*分\))?$")


_DATE_DONE = re.compile(r"^于(\d{4}年\d{1,2}月(?:\d{1,2}日)?)")
_NAMED_VALUE = re.compile(r"^([\u4e00-\u9fff]{2,6}?)(?:为|达到)?([\d≥≤<>].*)$")


def _after_bare_actual(value: str, name: str | None) -> str | None:
    """实际于2023年12月20日完成… → the date; 实际达标率86.7% (the name's last characters) → 86.7%; else None."""
    dated = _DATE_DONE.match(value)
    if dated:
        return dated.group(1)
    named = _NAMED_VALUE.match(value)
    if named and name and name.endswith(named.group(1)[-3:]) and len(named.group(1)) <= len(name):
        return named.group(2)
    return None


def _restated_value(rest: str, name: str, target: str) -> str | None:
    """The first clause after the target naming the indicator again (its name, or its last three
    characters: 运行率, 满意度) with a value (…治理率达到57.2%): the actual. A number counted on the way
    (回收问卷为200份) names no indicator."""
    clauses = [c.strip() for c in _CLAUSES.split(rest)]
    after = next((k for k, c in enumerate(clauses) if target in c), None)
    for clause in clauses[after + 1:] if after is not None else []:
        found = _RESTATED.match(clause)
        if found and (name in found.group(1) or name[-3:] in found.group(1)):
            return found.group(2).strip()
    return None


_WORDS_THEN_NUMBER = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:为|达到)?([\d≥≤<>].*)$")


def _without_restated_name(value: str, name: str) -> str:
    """计划完成维修改造面积3.2万平方米 (of 维修改造校舍面积) → 3.2万平方米: words before the number that end
    as the indicator's name ends say the name again, not the value."""
    words = _WORDS_THEN_NUMBER.match(value)
    if words and len(name) >= 2 and words.group(1)[-2:] == name[-2:]:
        return words.group(2)
    return value


def unquoted(value: str) -> str:
    """目标值为“持续提升” → 持续提升: the quotes mark the words, they are no part of them."""
    return re.sub(r'^[“"‘\']\s*(.*?)\s*[”"’\']$', r"\1", value.strip())



def itemised_indicator(text: str, named_line: bool = False) -> Indicator | None:
    """One indicator a list item sets out clause by clause: its name (quoted, or before the first
    clause), 目标/年度指标值 …, 实际/完成 …, and its points (权重 / 分值 / 满分, 得 N 分). Only an item
    naming all of name, target and actual is read; points whose score exceeds them are dropped.
    `named_line`: the line opens with the indicator's name and a colon (师生满意度：年度指标值为…), read
    so though it is no list item."""
    item = _START.match(text)
    labelled_start = _LEVEL2.match(text)
    if not item and not named_line and not re.match(r"^(?:三级指标)?[“\"]", text) and not (
            labelled_start and labelled_start.group(1) in table_labels()["level2"]
            and re.search(r"(?:——|—|:)\s*$", labelled_start.group())):
        return None    # not a list item, unless it opens with the quoted name (“新增高新技术企业数”，年度指标值…)
                       # or with its 二级 set off (数量指标——组建家庭医生团队数。目标：…)
    rest = text[item.end():] if item else text
    level2 = None
    labelled = _LEVEL2.match(rest)
    if labelled and labelled.group(1) in table_labels()["level2"]:
        level2, rest = labelled.group(1), rest[labelled.end():]
    named = _NAME.match(rest)
    if not named:
        return None
    name = (named.group(1) or named.group(2) or named.group(3)).strip()
    rest = rest[named.end():]
    level1 = weight = None
    note = _NOTE.match(rest)
    if note:
        pair = _LEVEL_PAIR.match(note.group(1))
        points = _WEIGHT.match(note.group(1).strip()) or re.fullmatch(r"(\d+(?:\.\d+)?)()\s*分", note.group(1).strip())
        if pair:
            level1, level2 = pair.group(1), level2 or pair.group(2)
        elif points:
            weight = float(points.group(1) or points.group(2))
        rest = rest[note.end():]
    fields: dict[str, str] = {}
    score = None
    for clause in (c.strip().lstrip(":").strip() for c in _CLAUSES.split(rest)):
        for key, pattern in (("target", _TARGET), ("actual", _ACTUAL)):
            found = pattern.match(clause)
            if found and key not in fields and (key == "target" or "target" in fields):
                value = found.group(1).strip()
                if key == "actual" and clause[:len(clause) - len(found.group(1))].strip().endswith("实际") \
                        and not re.match(r"[\d≥≤<>=]", value):
                    value = _after_bare_actual(value, name)
                    if value is None:
                        break   # 实际发现不合格样品41批次: a bare 实际 before a verb tells, it states no value
                if key == "actual" and _MET_ITS_TARGET.match(value):
                    break
                value = _without_restated_name(value, name)
                fields[key] = unquoted(re.sub(r"\s*\([^()]*\d[^()]*\)$", "", value))  # (2021年为1,388户): a note
                break
        else:
            points = _WEIGHT.match(clause)
            scored = _SCORE.match(clause)
            if points and weight is None:
                weight = float(points.group(1) or points.group(2))
            elif scored and score is None:
                score = float(scored.group(1))
                weight = weight if weight is not None or scored.group(2) is None else float(scored.group(2))
    if name and "target" in fields and "actual" not in fields:
        restated = _restated_value(rest, name, fields["target"])
        if restated:
            fields["actual"] = restated
    if not name or {"target", "actual"} - set(fields) or NOT_AN_INDICATOR.search(name):
        return None
    if any(len(v) > MAX_PROSE_ACTUAL for v in fields.values()):
        return None
    if weight is not None and score is not None and score > weight:
        weight = score = None
    return Indicator(level1=level1, level2=level2, name=name, target=fields["target"], actual=fields["actual"],
                     weight=weight, score=score)
