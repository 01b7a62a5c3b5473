"""Indicator tables (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因) from a cell stream.

Decision: a row is read in two steps. First its end is found from the cell types
(the weight/score numbers that close it) and the labels that open the next one
(产出指标, 数量指标 …, carried down when a merged cell printed them once). Then
its cells are aligned to the header's columns by a small cost model that prefers
explicit separators and treats line breaks as "maybe the same cell". When two
readings are about equally good, the fields on which they disagree are left empty
and a warning is recorded: a missing target is better than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.parse.align import (
    NUMERIC_FIELDS, SECOND_SCORES, align_row, column_widths, data_columns, join_texts, positional_reading, reaches_the_scores,
    uncertain_fields,
)
from loaders.parse.flattened import split_row_blob
from loaders.parse.indicator_header import (header_by_position, header_gives_level_points, percent_weights_as_points,
                                            read_header)
from loaders.parse.labels import (completes_level_label, level_family, header_field, is_canned_actual, is_indicator_nature, is_label, is_unit, label_key,
                                  label_points, level_kind)
from loaders.parse.numbers import to_halfwidth
from loaders.parse.text import read_terms
from loaders.parse.yes_no_rows import closes_with_yes_no, read_rows
from loaders.parse.tables import BLANK, CELL, LINE, SPACE, Cell, cell_kind, cell_number, is_number_cell, is_placeholder
from loaders.records import Indicator

_OCR_GE_RE = re.compile(r"^[工\^$](?=\s*[\dOolI])")     # ≥ as OCR reads it: 工1.5万亩, ^95%, $90%
_OCR_LE_RE = re.compile(r"^[WS](?=\s*[\dOolI])")       # ≤ as OCR reads it: W3个工作日, W2400元/公里, S45元
# letters OCR reads for digits inside a number: l00% → 100%, 9O% → 90% (a run with a digit in it)
_OCR_NUMBER_RE = re.compile(r"(?<![A-Za-z])[\dOolI][\dOolI.]*(?![A-Za-z])")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


# an indicator that caps a quantity (a cost, a time limit, incidents): its sign is ≤
_CAP_NAME_RE = re.compile(r"成本|费用|控制|时限|用时|时间$|发生率|发生数|事故|投诉|差错|误差|超支|投入$|单价")


def ocr_number_fixed(text: str, name: str | None = None, level2: str | None = None) -> str:
    """A target or actual with OCR's misreadings in its leading number put right (工9O% → ≥90%);
    only runs that hold a real digit are touched, and words are left as they are. A $ or ^ stands for ≤
    as often as for ≥: on an indicator that caps a quantity ($260万元 of 活动经费控制, ^250万元 of 维修养护资金
    控制) it is read ≤ — a cap is never a floor; so is any target of a 成本指标 row ($1500元/人 of 人均培训补贴标准)."""
    cost_row = bool(level2 and "成本" in level2 and name and not name.endswith(("率", "度")))   # (a rate is a floor)
    if text[:1] in "$^" and ((name and _CAP_NAME_RE.search(name)) or cost_row):
        text = "≤" + text[1:]
    text = _OCR_LE_RE.sub("≤", _OCR_GE_RE.sub("≥", text, count=1), count=1)
    match = _OCR_NUMBER_RE.search(text)
    if not match or not re.search(r"\d", match.group()) or match.start() > 2:
        return text
    return text[:match.start()] + match.group().translate(_OCR_DIGITS) + text[match.end():]


_REASON_HINT = re.compile(r"原因|偏差|由于|因为|改进|措施|^无$")
_INDEX_PREFIX = re.compile(r"^(?:指标\s*\d+\s*[:：]|[（(]?\d+[)）.、．]\s*|[①-⑳]\s*)")


@dataclass
class IndicatorTable:
    columns: list[str]
    indicators: list[Indicator] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    total_span: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)
    end: int = 0                      # index of the first cell after the table
    execution: dict[str, float] = field(default_factory=dict)   # 预算执行率 | 99.97% | 10 | 10 printed in the table
    execution_line: int = 0
    total_as_printed: list[float] = field(default_factory=list)


def needed_before_close(columns: list[str]) -> tuple[int, int]:
    """(cells before the closing numbers, closing numbers): how a row's end is recognised."""
    cols = data_columns(columns)
    while cols and cols[-1] in ("reason", "ignore", *SECOND_SCORES):
        cols = cols[:-1]
    closing = 0
    while cols and cols[-1] in NUMERIC_FIELDS:
        cols, closing = cols[:-1], closing + 1
    return len([c for c in cols if c not in ("target_op", "target_nature", "target_unit")]), closing


def is_row_closed(buffer: list[Cell], columns: list[str], following: Cell | None,
                  percent_weights: bool = False) -> bool:
    if following is not None and following.boxed and following.sep in (LINE, BLANK) and any(c.text for c in buffer):
        return True   # the reader (or a blank line in a cell-per-line table) ended the row
    if _grid_row_ended(buffer, columns, following):
        return True
    if _scores_given_and_next_line_starts(buffer, columns, following) or _note_row_ended(buffer, columns, following) \
            or _weight_and_score_alone(buffer, columns, following):
        return True
    if following is not None and following.sep == CELL and buffer and (
            (following.tab and buffer[-1].tab) or (following.boxed and following.line == buffer[-1].line)):
        return False  # the same printed row goes on (a 偏差原因 cell after the scores)
    needed, closing = needed_before_close(columns)
    if closing == 0:
        if buffer and buffer[-1].boxed:
            return False   # boxed rows end only where a new row starts (handled above)
        texts = [c for c in buffer if c.text]
        if len(texts) >= needed and following is not None and following.sep == LINE \
                and all(c.sep in (LINE, BLANK) for c in texts) and _value_like(texts[-1].text) \
                and not _value_like(following.text) and not cell_kind(following.text):
            return True   # one cell per line, no scores: a row ending with its value, a name opening the next
        return len(texts) >= needed and (following is None or following.sep == BLANK)
    run = 0
    closing_cells = list(buffer)
    if columns[-1:] == ["ignore"]:
        while closing_cells and closing_cells[-1].text.strip() in ("是", "否"):
            closing_cells.pop()      # the 是否核心指标 cell after the scores
    for cell in reversed(closing_cells):
        if is_number_cell(cell.text):
            run += 1
            continue
        if percent_weights and run == closing - 1 and _is_points_cell(cell.text):
            run += 1     # 资金到位率 | 3% | 3: the weight printed as a percent closes the row like a number
        break
    if following is not None and is_number_cell(following.text):
        return False
    if run < closing:
        # a row printed with fewer numbers (得分 left empty) ends where the next line starts a name
        return run >= 1 and following is not None and following.sep in (LINE, BLANK) \
            and not cell_kind(following.text) and len(buffer) - run >= needed and not buffer[-1].boxed
    return len(buffer) - closing >= needed


def _name_weight_score(cells: list[Cell], columns: list[str]) -> list[tuple[float, list[list[Cell]]]]:
    """A row of one line holding a name, its weight and its score only (see _weight_and_score_alone): the
    values it leaves empty are empty, not its score read as a target."""
    if not _weight_and_score_alone(cells, columns, None):
        return []
    name, weight, score = [c for c in cells if c.text]
    return [(0.0, [[name] if col == "name" else [weight] if col == "weight" else [score] if col == "score" else []
                   for col in data_columns(columns)])]


def _weight_and_score_alone(buffer: list[Cell], columns: list[str], following: Cell | None) -> bool:
    """名称 | 分值 | 指标值 | 实际完成值 | 得分 with a line holding a name and two numbers, the second within the
    first, and the next line opening with words: a row whose values were left empty (a 决策 row: 立项依据充分性 3 3),
    its target and actual cells collapsed away — not the start of a row going on below."""
    data = data_columns(columns)
    if following is not None and following.sep not in (LINE, BLANK):
        return False
    if "name" not in data or data[-1:] != ["score"] \
            or data[data.index("name") + 1:data.index("name") + 2] != ["weight"]:
        return False
    filled = [c for c in buffer if c.text]
    if len(filled) != 3 or len({c.line for c in filled}) != 1 or is_number_cell(filled[0].text) \
            or not all(is_number_cell(c.text) for c in filled[1:]):
        return False
    weight, score = cell_number(filled[1].text), cell_number(filled[2].text)
    return weight is not None and score is not None and score <= weight and (following is None or (
        not _value_like(following.text) and not is_number_cell(following.text)))


_LABEL_POINTS_RE = re.compile(r"^\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_VALUE_START_RE = re.compile(r"^\s*(?:[≥≤≧≦<>＞＜=＝]|\d)")


def _value_like(text: str) -> bool:
    """A target / actual cell: a comparison, a number, or a canned result (完成)."""
    return bool(_VALUE_START_RE.match(to_halfwidth(text))) or is_canned_actual(text)


def _grid_row_ended(buffer: list[Cell], columns: list[str], following: Cell | None) -> bool:
    """| | | 立项程序规范性 | 2 | | | 2 |: a pipe grid's row of one line that ends with its score under the
    last column (its target and actual left empty) ends with its line."""
    if following is None or not buffer or following.col < 0 or following.line <= buffer[-1].last_line:
        return False
    last = buffer[-1]
    one_line = all(c.line == last.line for c in buffer)
    return one_line and len(buffer) >= 2 and is_number_cell(last.text) and columns[-1:] == ["score"] \
        and last.col == len(columns) - 1


def _note_row_ended(buffer: list[Cell], columns: list[str], following: Cell | None) -> bool:
    """A pipe row whose scores are in and whose last cells are its 备注 / 原因 (… | 50 | 47 | 含桥梁接线1.2公里 |)
    ends with its line: the next line is the next row."""
    if following is None or not buffer or columns[-1:] not in (["ignore"], ["reason"]):
        return False
    last = buffer[-1]
    if not (last.boxed and following.boxed) or last.tab or following.line <= last.last_line:
        return False
    needed, closing = needed_before_close(columns)
    k = len(buffer)
    while k and buffer[k - 1].line == last.line and not is_number_cell(buffer[k - 1].text):
        k -= 1
    run = 0   # the closing numbers only: a number before them is a cell of its own column (完成率 91.9, an actual 0)
    while run < closing and k - run > 0 and is_number_cell(buffer[k - run - 1].text):
        run += 1
    return k < len(buffer) and closing > 0 and run >= closing and k - run >= needed


def _scores_given_and_next_line_starts(buffer: list[Cell], columns: list[str], following: Cell | None) -> bool:
    """A row whose scores are in (and its 偏差原因, if any, beside them) ends where text starts on
    a new line after an empty cell (…13 | 11.5 | 原因 ⏎ | | 下一个指标), even when the reader
    marked that line as a continuation of the row."""
    needed, closing = needed_before_close(columns)
    filled = [c for c in buffer if c.text]
    if following is None or not following.text or closing == 0 or not buffer or buffer[-1].text:
        return False
    if len(filled) < needed + closing or following.line <= filled[-1].last_line:
        return False
    tail = filled
    if "reason" in columns and not is_number_cell(tail[-1].text) and len(tail) > 1 \
            and tail[-1].line == tail[-2].last_line:
        tail = tail[:-1]          # the reason written beside the score
    return all(is_number_cell(c.text) for c in tail[-closing:])


def _level1_before_a_level2(cells: list[Cell]) -> bool:
    """满意度（15分） | 服务对象满意度 | 群众满意度 …: a word that is a level-1 label only before a level-2 label
    and a name (满意度 alone is as often a name, or a target's first line: 满意度 ⏎ 90%以上; and 满意度 |
    服务对象满意度 | 10 is a 二级 before its name and weight)."""
    if len(cells) < 3 or not is_label(level_text(cells[0].text.strip()), "level1_before_level2"):
        return False
    label, name = cells[1].text, cells[2].text
    return level_kind(label) in ("level2", "both") and bool(name) and not is_number_cell(name) \
        and level_kind(name) is None


def _level2_before_its_name(cells: list[Cell]) -> bool:
    """满意度 | 救助对象满意度 | 6: the same word as a cell of its own before a name that ends with it and
    the name's weight is the row's 二级 label (满意度 ⏎ 90%以上 is a name and its target's first line)."""
    if len(cells) < 3 or not is_label(level_text(cells[0].text.strip()), "level1_before_level2"):
        return False
    word, name, weight = level_text(cells[0].text.strip()), cells[1].text.strip(), cells[2].text
    return name.endswith(word) and len(name) > len(word) and not re.search(r"\d", name) \
        and level_kind(name) is None and is_number_cell(weight)


def resolve_level(text: str, kind: str, following: Cell | None, previous_kind: str | None) -> str:
    """Which level an ambiguous label (成本指标, 满意度指标) is: level1 when a level-2 label follows it."""
    if kind != "both":
        return kind
    next_kind = level_kind(following.text) if following is not None else None
    if next_kind in ("level2", "both"):
        return "level1"
    if previous_kind in ("level1", "both"):
        return "level2"
    return "level2"


@lru_cache(maxsize=65536)
def level_text(text: str) -> str:
    """产出指标(50分) / 产出指标50分 → 产出指标; 经济效益 指标 → 经济效益指标."""
    key = re.sub(r"\s+", "", text)
    key = re.sub(r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$", "", key)
    bare = re.sub(r"(?<=[\u4e00-\u9fff])\d+(?:\.\d+)?分$", "", key)   # 产出指标50分 / 决策20分: points without brackets
    return bare if bare != key and level_kind(bare, fuzzy=False) else key


def build_indicator(cells: list[Cell], columns: list[str], levels: tuple[str | None, str | None],
                    warnings: list[str], widths: dict[str, float] | None = None,
                    by_position: bool = False, percent_weights: bool = False) -> Indicator | None:
    """One indicator from a row's cells, or None when the row holds no indicator name."""
    kept = row_content(cells)
    if not kept:
        return None
    readings = positional_reading(cells, columns, by_position) or _name_weight_score(kept, columns) \
        or align_row(kept, columns, widths or None, percent_weights)
    if not readings:
        return None
    cols = data_columns(columns)
    words = join_texts(kept)
    if len(kept) > 1 and not re.search(r"\d", words) and re.search(r"[，。；]", words):
        # 受汛期影响工期 ⏎ 延后，已督促加快进度: a sentence broken over cells, no values — a reason the
        # row before may take (take_wrapped_reasons), never a target or an actual
        return Indicator(level1=levels[0], level2=levels[1], name=words)
    groups = dict(zip(cols, readings[0][1]))
    uncertain = uncertain_fields(readings, cols) - {"name"}
    values = {col: (join_texts(g) or None) if col not in uncertain else None for col, g in groups.items()}
    name = _INDEX_PREFIX.sub("", values.get("name") or "").strip()
    alone = not any(values.get(c) for c in cols if c != "name")
    if not name or (alone and (len(name) == 1 or re.search(r"[，。；]", name) or _DOCUMENT_TITLE_RE.search(name)
                               or header_field(name, "indicator"))):
        # one character alone (效 / 指 / 标 of a label printed downwards) names nothing; a sentence alone
        # (材料价格上涨5%，下年度压减…) is a note after a row; a form's title alone is the running head
        # atop the table's next page; a header word alone (指标 of 绩效 ⏎ 指标) — no indicator
        return None
    if is_label(name, "subtotal"):
        return None     # 小计 | | 50 | 48: a level's sum, no indicator
    if name in ("指标", "标"):
        return None     # a level label's end broken onto the row's line (社会效益 ⏎ 指标): no name
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
        # a "name" of digits or marks (10, ·): the row's cells slid — its numbers are not trusted either
        warnings.append(f"指标行“{join_texts(kept)[:30]}”没有可读的指标名称，疑为单元格错位，未读取。")
        return None
    if uncertain:
        warnings.append(f"指标“{name}”的单元格边界不确定（{'、'.join(sorted(uncertain))}留空）。")
    unit = _unit_column(values, cols)
    indicator = Indicator(level1=levels[0], level2=levels[1], name=name,
                          target=_with_unit(_operator_column(values, cols, _target_text(values, cols)), unit),
                          actual=_with_unit(values.get("actual"), unit if _unit_after_actual(cols) else None),
                          weight=_as_number(_percent_as_points(values.get("weight"))), score=_as_number(values.get("score")),
                          deviation_reason=values.get("reason"), scaled_score=_as_number(values.get("scaled_score")),
                          review_score=_as_number(values.get("review_score")))
    for field_name in ("target", "actual"):
        value = getattr(indicator, field_name)
        fixed = ocr_number_fixed(value, name, indicator.level2) if value else None
        if fixed and fixed != value:
            warnings.append(f"指标“{name}”的“{value}”含识别错字，按“{fixed}”读取。")
            setattr(indicator, field_name, fixed)
    if shifted_columns(indicator):
        warnings.append(f"指标“{name}”的实际完成值带比较符而年度指标值没有，疑为列错位，两值留空。")
        indicator.target = indicator.actual = None
    if _weight_read_as_actual(indicator, cols):
        warnings.append(f"指标“{name}”的分值空缺而实际完成值只是一个数，疑为列左移，数值留空。")
        indicator.target = indicator.actual = indicator.score = None
    if any(_holds_several_values(getattr(indicator, f)) for f in ("target", "actual")):
        warnings.append(f"指标“{name}”的指标值或实际值里并排着几个数，疑为几列被读成一格，两值及分值留空。")
        indicator.target = indicator.actual = indicator.weight = indicator.score = None
    if _numbers_left_over(kept, cols, indicator):
        warnings.append(f"指标“{name}”行末的数字比分值、得分列多，疑为数字被空格拆开，数值留空。")
        indicator.target = indicator.actual = indicator.weight = indicator.score = indicator.deviation_reason = None
    if any(_GLUED_TOTAL_RE.match(c.text.strip()) for c in kept):
        warnings.append(f"指标“{name}”一行连着总分行（如“5总分”），分值、得分与指标值无法分清，留空。")
        indicator.target = indicator.actual = indicator.weight = indicator.score = None
    indicator.provenance = field_spans(groups, indicator, (kept[0].line, kept[-1].last_line))
    return indicator


# a row glued to the 总分 row after it (… 5 5总分 100 97): the numbers read last are the total's
_GLUED_TOTAL_RE = re.compile(r"^\d+(?:\.\d+)?\s*(?:总分|合计|总计)$")


_DOCUMENT_TITLE_RE = re.compile(r"(?:自评|评价|评估)(?:表|报告)(?:[(（][一二三四五六七八九十\d]{1,3}[)）])?$")


def take_unlisted_level2(indicator: Indicator, row: list[Cell], columns: list[str]) -> str | None:
    """A 二级 label our vocabulary lacks: in a table with a 二级指标 column, a name made of two
    explicitly separated cells is 二级 | 三级 (also when a level 2 is carried from the rows above:
    this row starts a new one). Returns the label taken, which then carries down like a known one."""
    if "level2" not in columns:
        return None
    name_cells = [c for c in row if c.text and indicator.name and c.text in indicator.name]
    if len(name_cells) == 2 and name_cells[1].sep in (CELL, SPACE) and \
            indicator.name == name_cells[0].text + name_cells[1].text and len(name_cells[0].text) <= 10:
        indicator.level2, indicator.name = name_cells[0].text, name_cells[1].text
        return indicator.level2
    return None


def split_unlisted_level2(row: list[Cell], columns: list[str], by_position: bool,
                          level_points: bool = False) -> tuple[list[Cell], str | None]:
    """A 二级 label our vocabulary lacks (满意度 | 居民满意度 | 5 | 5): the cell in the 二级指标 column
    of a tab row under a one-line header, or the first cell of a clean reader row with one cell
    more than its data columns."""
    if by_position and "level2" in columns and len({c.line for c in row}) == 1 \
            and (all(reaches_the_scores(c, columns) for c in row if c.text) or _label_and_notes(row, columns)):
        at = [c for c in row if c.col == columns.index("level2") and c.text]
        before = [c for c in row if 0 <= c.col < columns.index("level2") and c.text]
        label = level_text(at[0].text.strip()) if at else ""
        if at and not before and not re.search(r"\d", label) and len(label) <= 12:
            return [c for c in row if c is not at[0]], at[0].text.strip()   # (with its points, if printed)
    cells = list(row)
    while cells and not cells[0].text:
        cells.pop(0)
    with_points = level_points and len(cells) == len(data_columns(columns)) + 2 and _is_points_cell(cells[1].text)
    if with_points:
        cells = cells[:1] + cells[2:]    # 满意度 | 40 | 村民满意度 …: the label's points go with it
    if "level2" not in columns or len(cells) != len(data_columns(columns)) + 1:
        return row, None
    # a word followed by its points is a label in any row; otherwise only a clean reader row's cell is
    if not all(c.line == cells[0].line and (with_points or (c.boxed and c.tab)) for c in cells):
        return row, None
    first = level_text(cells[0].text.strip())     # (目标设定（10分）: the label without its points)
    if len(first) > 10 or cell_kind(first) or re.search(r"\d", first):
        return row, None
    return cells[1:], cells[0].text.strip()


def _label_and_notes(row: list[Cell], columns: list[str]) -> bool:
    """目标设定（10分） | | | 与预算匹配的计满分: a tab line holding a level label and, else, only the end of the
    row above's note (a centred label printed beside a wrapped 评分标准)."""
    filled = [c for c in row if c.text]
    return bool(filled) and 0 <= filled[0].col < len(columns) and columns[filled[0].col] in ("level1", "level2") \
        and label_points(filled[0].text) is not None and _notes_only(filled[1:], columns)


def _notes_only(cells: list[Cell], columns: list[str]) -> bool:
    """Cells standing, by their tab places, only in note columns (评分标准, 备注)."""
    return all(0 <= c.col < len(columns) and columns[c.col] == "ignore" for c in cells if c.text)


def split_unlisted_levels(row: list[Cell], columns: list[str]) -> tuple[list[Cell], tuple[str, str] | None]:
    """满意度 满意度 群众满意度 ≥90% 92% 10 9: a row of words on one line with exactly one cell for each
    column, both level cells words our vocabulary lacks — they are its 一级 and 二级 (only when the
    row closes with its numbers, so the count is the row's own)."""
    cells = [c for c in row if c.text]
    data = data_columns(columns)
    while data and data[-1] in ("reason", "ignore") and len(cells) < len(data) + 2 and cells \
            and is_number_cell(cells[-1].text):
        data = data[:-1]     # (a 备注 / 偏差原因 column the row leaves empty: it ends with its score)
    if columns[:2] != ["level1", "level2"] or len(cells) != len(data) + 2 or len({c.line for c in cells}) != 1:
        return row, None
    firsts = [level_text(c.text.strip()) for c in cells[:2]]
    if any(len(t) > 10 or cell_kind(t) or re.search(r"\d", t) for t in firsts):
        return row, None
    closing = [col for col in data if col in NUMERIC_FIELDS]
    if data[-len(closing):] == closing and not all(is_number_cell(c.text) for c in cells[-len(closing):]):
        return row, None
    return cells[2:], (firsts[0], firsts[1])


MAX_LABEL_WORD = 6
MAX_LABEL_TAIL = 4      # 指标 / 响指标 / 度指标: what a narrow level cell leaves for its next line


def _label_tails_below(row: list[Cell], line: int) -> bool:
    """The next row is only short words on the line right below (指标 | 满意度指): the tails of labels cut
    in their narrow cells."""
    words = [c for c in row if c.text.strip()]
    return bool(words) and words[0].line == line + 1 and all(
        re.fullmatch(r"[\u4e00-\u9fff]{1,6}", c.text.strip()) for c in words)


def _unread_label_words(row: list[Cell]) -> bool:
    """A row of one or two short words on one line and nothing else (满意度 | 服务对象): label cells whose
    words we do not know, left as a row of their own."""
    words = [c.text.strip() for c in row if c.text.strip()]
    return 1 <= len(words) <= 2 and len({c.line for c in row if c.text.strip()}) == 1 and all(
        re.fullmatch(rf"[\u4e00-\u9fff]{{2,{MAX_LABEL_WORD}}}", w) and not cell_kind(w) for w in words)


def row_content(cells: list[Cell]) -> list[Cell]:
    """The cells that can hold values: dashes dropped; in a boxed table an empty cell stays as a
    place holder (the column was left empty) except at the row's ends (merged label cells)."""
    if all(c.boxed for c in cells):
        kept = [c for c in cells if not is_placeholder(c.text)]
        while kept and not kept[0].text:
            kept.pop(0)
        while kept and not kept[-1].text:
            kept.pop()
    else:
        kept = [c for c in cells if c.text and not is_placeholder(c.text)]
    if len({c.text for c in kept}) == 1 and len(kept) > 1:
        kept = kept[:1]   # one merged cell repeated across the row's columns: a label, no values
    return kept


_SPAN_FIELDS = {"name": "name", "actual": "actual", "weight": "weight", "score": "score", "reason": "deviation_reason",
                "target": "target", "target_op": "target", "target_nature": "target", "target_value": "target",
                "target_unit": "target"}


def field_spans(groups: dict[str, list[Cell]], indicator: Indicator, row: tuple[int, int]) -> dict:
    """Line span of the row and of each filled field (where the dashboard finds the source text)."""
    spans: dict[str, tuple[int, int]] = {"row": row}
    for col, group in groups.items():
        key = _SPAN_FIELDS.get(col)
        if key and group and getattr(indicator, key) is not None:
            first, last = group[0].line, group[-1].last_line
            old = spans.get(key)
            spans[key] = (min(first, old[0]), max(last, old[1])) if old else (first, last)
    return spans


_OPERATOR_RE = re.compile(r"≥|≤|≧|≦|>=|<=|不低于|不高于|以上|以内")


def _numbers_left_over(kept: list[Cell], cols: list[str], indicator: Indicator) -> bool:
    """More bare numbers end the row than 实际完成值, 分值 and 得分 can hold, after values written with
    their unit (≥1.5万亩 | 1.52万亩 | 2 0 | 2 0 read as actual 0, weight 2, score 0): OCR split a
    number, and which one is not knowable."""
    trailing = 0
    while trailing < len(kept) and is_number_cell(kept[len(kept) - 1 - trailing].text):
        trailing += 1
    # a 偏差原因 column holds words, never a bare number
    room = sum(1 for c in cols[cols.index("name") + 1:] if c not in ("target", "reason")) if "name" in cols else len(cols)
    with_unit = any(re.search(r"\d", c.text) and not is_number_cell(c.text) for c in kept[:len(kept) - trailing])
    numbers_as_reason = bool(indicator.deviation_reason) and re.fullmatch(r"[\d.\s]+", indicator.deviation_reason)
    return trailing > room and with_unit and (indicator.actual is None or is_number_cell(indicator.actual)
                                              or bool(numbers_as_reason))


_DATE_RE = re.compile(r"\d{2,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}:\d{2}")
_NUMBER_RUN_RE = re.compile(r"\d+(?:[.,]\d+)*")
MAX_NUMBERS_IN_A_VALUE = 2      # 5元/生·天, 2-3人, 1:1.2 — three numbers side by side are several cells run together


def _holds_several_values(text: str | None) -> bool:
    """Cells of several columns read as one target or actual (no sentence's punctuation in it): three numbers
    or more, dates aside (>=90%(百分比) 84%部分完成93.3310.00); numbers glued to words on both sides; two values
    in one cell (see the patterns below)."""
    if not text or re.search(r"[，。、；,;]", text):
        return False     # a sentence (每周…不少于10次。开展…不少于4次。) counts what it says
    if _NUMBER_NAME_SIGN_RE.match(to_halfwidth(text)) or _TWO_VALUES_RE.match(to_halfwidth(text).strip()):
        return True
    return len(_NUMBER_RUN_RE.findall(_DATE_RE.sub("", text))) > MAX_NUMBERS_IN_A_VALUE


# 10县域内就诊率≥90% (a score, the next row's name and its target); 8食堂从业人员流动较大18 (a score, a reason, a
# weight): numbers glued to words on both sides are several cells (12月底前支出≥90% opens with a date)
# ≥198.5万亩 198.5万亩 / 100% 99.6%: two values a space apart in one cell, the first with its unit — a target and an
# actual a lost tab joined (3 356人 is one number OCR spaced)
# (or glued, the unit said twice: ≥38个38个 — one cell per line, two cells read as one wrapped cell; 2023年12月 is a date)
_TWO_VALUES_RE = re.compile(r"^[≥≤<>=]?\d+(?:\.\d+)?(?:[^\d\s.]{1,4}\s+[≥≤<>=]?\d+(?:\.\d+)?[^\d\s]{0,4}"
                            r"|([^\d\s.]{1,4})[≥≤<>=]?\d+(?:\.\d+)?\1)$")
_NUMBER_NAME_SIGN_RE = re.compile(r"^\d+(?:\.\d+)?(?![年月日号天])(?:[\u4e00-\u9fff]{3,}[≥≤<>]\d|[\u4e00-\u9fff]{4,}\d+(?:\.\d+)?$)")


def _weight_read_as_actual(indicator: Indicator, cols: list[str]) -> bool:
    """较上年下降≥3%下降3.6% | 15 | — | 15: a table with a 分值 column, the row's weight empty, its actual a bare number
    and its target words — the target took the actual's cell and every cell after slid one column left."""
    target, actual = indicator.target or "", indicator.actual or ""
    return "weight" in cols and indicator.weight is None and indicator.score is not None \
        and is_number_cell(actual) and bool(re.search(r"[^\d\s.%]", target)) and not is_number_cell(target)


def shifted_columns(indicator: Indicator) -> bool:
    """An actual with a comparison (≥98%) beside a target without one: the cells slid a column."""
    target, actual = indicator.target or "", indicator.actual or ""
    return bool(target) and bool(_OPERATOR_RE.search(to_halfwidth(actual))) and not _OPERATOR_RE.search(to_halfwidth(target)) \
        and not re.search(r"\d", target)


def is_empty_row(indicator: Indicator) -> bool:
    return all(getattr(indicator, f) is None for f in ("target", "actual", "weight", "score"))


_SIGN_START_RE = re.compile(r"^[≥≤≧≦═=<>＞＜＝]")


def _target_text(values: dict[str, str | None], cols: list[str]) -> str | None:
    adjusted = values.get("adjusted")
    if adjusted and not is_placeholder(adjusted):
        return adjusted    # 年初指标值 ≥6500人 | 调整指标值 ≥6000人: the year's target, the one the result is scored on
    if "target" in cols or not any(c.startswith("target_") for c in cols):
        return values.get("target")
    op, nature = values.get("target_op") or "", values.get("target_nature") or ""
    if op and not _SIGN_START_RE.match(to_halfwidth(op)) and not is_indicator_nature(op):
        op = ""  # 文字描述 in the 符号 column says how to read the value; its 定性 is written as part of it
    op = op or (nature if _SIGN_START_RE.match(to_halfwidth(nature)) else "")   # 指标性质: a sign, or 定量 / 定性
    parts = [op, values.get("target_value") or "", values.get("target_unit") or ""]
    text = "".join(parts).strip()
    return text or None


_VALUE_WITH_UNIT_RE = re.compile(r"[≥≤≧≦<>=]*\s*\d+(?:\.\d+)?\s*(%|[^\d\s%]{1,4})")


def _unit_column(values: dict[str, str | None], cols: list[str]) -> str | None:
    """The row's 计量单位 cell when the table prints the unit beside a whole 指标值 column."""
    unit = (values.get("target_unit") or "").strip()
    if "target" in cols and "target_unit" in cols and not unit:
        # the word reader joined 100 + % (12 + 场) into the 指标值 cell: that is still the row's unit
        joined = _VALUE_WITH_UNIT_RE.fullmatch(to_halfwidth(values.get("target") or "").strip())
        unit = joined.group(1) if joined else ""
    if "target" not in cols or not unit:
        return None
    base = re.sub(r"[（(][^()（）]{1,8}[)）]$", "", unit).strip()    # %(百分比): the unit with its name, as written
    return unit if base == "%" or is_unit(base) or _reads_as_unit(base) else None


def _unit_after_actual(cols: list[str]) -> bool:
    """指标值 | 实际完成值 | 计量单位: the unit is the row's; 符号 | 指标值 | 单位 | 实际完成值: it is a part
    of the target (预期指标值 spans it), and the actual cell is kept as written."""
    return "actual" not in cols or "target_unit" not in cols or cols.index("target_unit") > cols.index("actual")


def _reads_as_unit(text: str) -> bool:
    """A unit our list lacks, under a 计量单位 header: a short word without digits (公斤, 元/亩),
    or units joined by / (小时/周). A sentence or a 定性 mark is no unit."""
    text = to_halfwidth(text)
    if re.search(r"[\d,.;:，。；：、]", text) or is_placeholder(text) or is_indicator_nature(text):
        return False
    parts = text.split("/")
    return len(text) <= 6 and all(0 < len(part) <= 3 for part in parts)


def _operator_column(values: dict[str, str | None], cols: list[str], target: str | None) -> str | None:
    """符号 | 指标值 (or 指标性质 | 指标值): the comparison printed in its own column goes before a target
    that has none."""
    op = to_halfwidth(values.get("target_op") or values.get("target_nature") or "").strip()
    if not {"target_op", "target_nature"} & set(cols) or not target or not re.fullmatch(r"[≥≤≧≦=<>]{1,2}", op):
        return target
    if re.match(r"[≥≤≧≦═=<>＞＜＝]", to_halfwidth(target)):
        return target
    return op + target.strip()


def _with_unit(value: str | None, unit: str | None) -> str | None:
    """≥95 with 计量单位 % → ≥95%: a bare number takes the unit its row states; a value that
    carries a unit or words already is kept as written."""
    if value is None or unit is None or not re.fullmatch(r"[≥≤≧≦<>=＞＜＝]*\s*-?\d+(?:\.\d+)?", to_halfwidth(value).strip()):
        return value
    return value.strip() + unit


_PERCENT_WEIGHT_LABEL_RE = re.compile(r"权重|[%％]")   # 权重 / 权重（%） / 分值（%）: a weight may be printed as 20%


def _is_points_cell(text: str) -> bool:
    """A level's points after its label: 13, or 15% of the 100 points."""
    return is_number_cell(text) or bool(re.fullmatch(r"\s*\d{1,3}(?:\.\d+)?\s*[%％]\s*", text))


def _percent_as_points(weight: str | None) -> str | None:
    """A 权重 of 20% is 20 of the 100 points (the aligner gives the weight column a percent cell
    only when the row needs it)."""
    return weight.strip().rstrip("%％").strip() if weight and re.search(r"\d\s*[%％]\s*$", weight) else weight


def _as_number(text: str | None) -> float | None:
    return None if text is None else cell_number(text)


def is_reason_cell(cell: Cell) -> bool:
    return bool(_REASON_HINT.search(cell.text))


@dataclass
class RowCollector:
    """The rows of one table as they are read: their cells and the levels in force."""
    columns: list[str]
    levels: list[str | None] = field(default_factory=lambda: [None, None])
    buffer: list[Cell] = field(default_factory=list)
    rows: list[tuple[list[Cell], tuple[str | None, str | None]]] = field(default_factory=list)
    previous_kind: str | None = None
    level_points: bool = False        # a level label is followed by its points (投入 | 13)
    nested_levels: bool = False       # 产出 / 效益 stand as level 2 under a broader level 1 (绩效)
    columns_by_position: bool = False  # a one-line tab header: a row cell's column index is its column
    percent_weights: bool = False     # the 权重 column may print 20% for 20 points
    level1_points: list[tuple[str, float | None]] = field(default_factory=list)   # 决策（12分）… as taken
    level2_points: list[tuple[int, str, float | None]] = field(default_factory=list)  # (row it heads, label, points)
    restated: list[bool] = field(default_factory=list)   # per row: it printed a level label of its own
    level_taken: bool = False

    def flush(self) -> None:
        if self.buffer:
            self.rows.append((list(self.buffer), (self.levels[0], self.levels[1])))
            self.restated.append(self.level_taken)
            self.buffer.clear()
            self.level_taken = False

    def take_level(self, cell: Cell, kind: str | None, following: Cell | None, rest_of_line: int = 0) -> bool:
        """A level label closes the row before it and sets the level carried down; True when taken.
        rest_of_line: the filled cells after it on its line."""
        # 二级 then a name that reads like one (服务对象满意度指标 | 服务对象满意度) is the name
        repeated_level2 = kind == "level2" and self.previous_kind == "level2" and self.levels[1] is not None \
            and label_key(cell.text) in label_key(self.levels[1])
        # a 二级 word followed by a number is a name with its weight (生态效益 | 4 | …), unless the
        # table prints each level's points after its label
        named_like_a_level = kind == "level2" and not self.level_points and following is not None \
            and is_number_cell(following.text) and label_points(cell.text) is None \
            and not label_key(cell.text).endswith("指标")   # 数量指标 | 65 ⏎ 岁…: a name broken after its number
        # 满意度   服务对象 服务对象满意度 $90% …: after label words we could not read, on their line and before
        # the row's values, a 二级 word is the row's name
        after_unread_labels = kind == "level2" and self.buffer and all(
            c.line == cell.line and _unread_label_words([c]) for c in self.buffer) \
            and following is not None and following.line == cell.line and re.search(r"\d", following.text)
        if kind not in ("level1", "level2", "both") or repeated_level2 or named_like_a_level or after_unread_labels:
            self.previous_kind = None
            return False
        self.flush()
        level = self.level_by_column(cell) or self._opens_a_full_row(cell, kind, rest_of_line) \
            or resolve_level(cell.text, kind, following, self.previous_kind)
        if level == "level1" and is_label(cell.text, "level1_nested") and \
                (self.previous_kind == "level1" or self.nested_levels):
            level = "level2"   # 绩效 | 产出 | …: 产出 (and later 效益) under the broader 绩效
            self.nested_levels = True
        if level == "level1":
            self.levels[:] = [level_text(cell.text), None]
            self.level1_points.append((self.levels[0], label_points(cell.text)))
        else:
            self.levels[1] = level_text(cell.text)
            self.level2_points.append((len(self.rows), self.levels[1], label_points(cell.text)))
        self.previous_kind = level
        self.level_taken = True
        return True

    def note_points(self, text: str) -> None:
        """投入 | 20: the points printed in the level's own 分值 column, for the label just taken."""
        points = cell_number(text)
        if self.previous_kind == "level1" and self.level1_points and self.level1_points[-1][1] is None:
            self.level1_points[-1] = (self.level1_points[-1][0], points)
        elif self.previous_kind == "level2" and self.level2_points and self.level2_points[-1][2] is None:
            self.level2_points[-1] = (*self.level2_points[-1][:2], points)

    def points_of_a_cut_label(self, text: str) -> bool:
        """（15分） opening a line while the 一级 label in force states no points: its points; True when taken."""
        if not self.level1_points or self.level1_points[-1][1] is not None \
                or self.level1_points[-1][0] != self.levels[0]:
            return False
        self.level1_points[-1] = (self.levels[0], label_points(self.levels[0] + text.strip()))
        return self.level1_points[-1][1] is not None

    def complete_level_label(self, text: str) -> bool:
        """社会效益 | 受益人口 | … ⏎ 指标 | 农村供水保证率 | …: the end of a level label its merged cell broke
        over the rows it spans, printed in the next row's place — the label in force is completed (for the
        rows read under it too), and the piece is no cell of the row."""
        if len(text) > MAX_LABEL_TAIL or not text.endswith("标") or self.buffer:
            return False
        for k in (1, 0):
            label = self.levels[k]
            if label and level_kind(label + text, fuzzy=False) is not None and label_key(label + text) != label_key(label):
                whole = label + text
                self.rows[:] = [(row, tuple(whole if n == k and level == label else level for n, level in enumerate(levels)))
                                for row, levels in self.rows]
                self.levels[k] = whole
                return True
        return False

    def _opens_a_full_row(self, cell: Cell, kind: str, rest_of_line: int) -> str | None:
        """满意度指标 满意度 受益群众满意度 ≥90% 94% 10 10: an ambiguous label opening a line whose cells
        fill every column — both levels, then the data — is the row's 一级."""
        full = len(data_columns(self.columns)) + 1
        if kind == "both" and cell.sep in (LINE, BLANK) and "level1" in self.columns and rest_of_line == full:
            return "level1"
        return None

    def _note_on_the_same_line(self, following: Cell | None, after: Cell | None) -> bool:
        """The cell after the scores, on their line, when the table ends with a 备注 / 原因 column. In a
        space-aligned line it must also end the line (a PDF line may hold several rows)."""
        if following is None or not self.buffer or self.columns[-1:] not in (["ignore"], ["reason"]):
            return False
        last = self.buffer[-1]
        if not last.text or last.flat or following.flat or not following.text or cell_kind(following.text):
            return False
        if following.sep not in (SPACE, CELL) or following.line != last.last_line:
            return False
        return (following.boxed and last.boxed) or after is None or after.line != following.line

    def level_by_column(self, cell: Cell) -> str | None:
        """In a clean tab row the column says the level: 预算执行 in the 一级指标 column is a level 1
        there, whatever the label is elsewhere."""
        if self.columns_by_position and 0 <= cell.col < len(self.columns) \
                and self.columns[cell.col] in ("level1", "level2") and reaches_the_scores(cell, self.columns):
            return self.columns[cell.col]
        return None

    def take_cell(self, cell: Cell, following: Cell | None, after: Cell | None = None) -> bool:
        """Add a cell to the current row; True when the reason cell after it was taken too."""
        self.buffer.append(cell)
        if not is_row_closed(self.buffer, self.columns, following, self.percent_weights):
            return False
        took_reason = following is not None and "reason" in self.columns and following.sep in (SPACE, CELL) \
            and is_reason_cell(following) and not cell_kind(following.text)
        # a last 是/否 column (是否核心指标) after the scores belongs to this row, never to the next
        took_reason = took_reason or (following is not None and self.columns[-1:] == ["ignore"]
                                      and following.text.strip() in ("是", "否"))
        # a 备注 / 偏差原因 cell printed on the row's own line after the scores is that row's
        took_reason = took_reason or self._note_on_the_same_line(following, after)
        if took_reason:
            self.buffer.append(following)
        self.flush()
        return took_reason


def parse_indicator_table(cells: list[Cell], start: int, stop_kinds: frozenset[str],
                          reviewed: bool = False) -> IndicatorTable:
    """Read the indicator table whose header starts at cells[start]; `reviewed`: the document reviews a
    self-evaluation, so its 复核得分 column gives the scores."""
    columns, i = read_header(cells, start)
    table = IndicatorTable(columns=columns)
    header = [c.text for c in cells[start:i]]
    if cells[start].flat and closes_with_yes_no(header):
        return read_yes_no_table(cells, i, header, table)
    percent_weights_as_points(cells, start, i)
    percent_weights = any(header_field(c.text, "indicator") == "weight" and _PERCENT_WEIGHT_LABEL_RE.search(c.text)
                          for c in cells[start:i])
    collector = RowCollector(columns, level_points=header_gives_level_points(cells, start, i),
                             percent_weights=percent_weights,
                             columns_by_position=header_by_position(cells[start:i], columns))
    i = collect_rows(cells, i, collector, table, stop_kinds, group_label=_group_label(cells[start]))
    table.end = i
    _total_under_its_columns(table, columns)
    widths = column_widths([r for r, _ in collector.rows], columns)
    lone_names: list[bool] = []      # the row was one cell: a name and nothing else
    # levels in force (as printed labels set them) → the unlisted 二级 read under them, which carries down
    # over the following rows until a printed label changes the levels or restates them; an unlisted
    # 一级 (a row opening with two such labels) carries down the same way
    unlisted: dict[tuple[str | None, str | None], str] = {}
    unlisted1: dict[tuple[str | None, str | None], str] = {}
    for n, ((row, in_force), restated) in enumerate(zip(collector.rows, collector.restated)):
        printed_line = row[0].line if row else 0
        row, own_levels = split_unlisted_levels(row, columns)
        if own_levels and n + 1 < len(collector.rows) and _label_tails_below(collector.rows[n + 1][0], printed_line):
            # 满意度   服务对象 … ⏎ 指标     满意度指: the words go on below — cut labels, not this row's levels
            table.warnings.append(f"“{own_levels[0]}”“{own_levels[1]}”一行的层级标签在下一行续写，未能拼合，层级留空。")
            own_levels = ("", "")     # (empty: no level, and none carried from above)
        row, label = split_unlisted_level2(row, columns, collector.columns_by_position, collector.level_points)
        if label:
            collector.level2_points.append((n, level_text(label), label_points(label)))
            label = level_text(label)
        if own_levels:
            unlisted1[in_force], label = own_levels
        if label is not None and (label or own_levels):
            unlisted[in_force] = label
        elif restated:
            unlisted.pop(in_force, None)   # 预算执行 printed again: the unlisted labels read before are over
            unlisted1.pop(in_force, None)
        row_levels = (unlisted1.get(in_force, in_force[0]) or None, unlisted.get(in_force, in_force[1]) or None)
        if collector.columns_by_position and any(c.text for c in row) and _notes_only(row, columns) \
                and len({c.line for c in row}) == 1:
            continue    # the end of the row above's 评分标准, printed on a label's line: no indicator
        indicator = build_indicator(row, columns, row_levels, table.warnings, widths, collector.columns_by_position,
                                    percent_weights)
        if indicator is None:
            continue
        if label := take_unlisted_level2(indicator, row, columns):
            unlisted[in_force] = label
        table.indicators.append(indicator)
        lone_names.append(len([c for c in row if c.text]) == 1)
    for indicator in table.indicators:     # 预算编制（10分）, a label our vocabulary lacks, loses its points too
        indicator.level1 = level_text(indicator.level1) if indicator.level1 else indicator.level1
        indicator.level2 = level_text(indicator.level2) if indicator.level2 else indicator.level2
    join_wrapped_names(table.indicators, lone_names)
    join_level_tails(table.indicators)
    level1_of_its_family(table.indicators)
    if not _groups_by_their_points(table.indicators, collector.level1_points):
        _first_group_labels_upward(table.indicators, columns)
    else:
        _groups_by_their_points(table.indicators, [(label, points) for _, label, points in sorted(
            collector.level2_points, key=lambda taken: taken[0])], "level2")
    if "reason" in columns:
        take_lone_reasons(table.indicators, lone_names, reached_end=i >= len(cells))
        take_wrapped_reasons(table.indicators)
    drop_cut_off_rows(table, reached_end=i >= len(cells))
    scores_from_scaled_column(table)
    scores_from_review_column(table, review_document=reviewed)
    return table


def scores_from_review_column(table: IndicatorTable, review_document: bool) -> None:
    """分值 | 自评分 | 复核分 with the 复核分 filled, in a document reviewing a self-evaluation: the review's
    scores are the evaluation's result (the 自评分 is what it reviewed); a row the review left empty keeps
    its 自评分. The total is the review's, printed last. In a self-evaluation form a 复核 column a bureau
    filled is not the form's own result: its 自评 scores stay."""
    reviewed = [i for i in table.indicators if i.review_score is not None]
    if not reviewed or not review_document:
        return
    table.warnings.append("指标表有复核分，得分按复核分读取。")
    for indicator in reviewed:
        if indicator.weight is None or indicator.review_score <= indicator.weight:
            indicator.score = indicator.review_score
    printed = table.total_as_printed
    if len(printed) >= 2 and printed[-1] <= max(printed[:-1]):
        table.total = [max(printed[:-1]), printed[-1]] if len(printed) == 3 else [printed[-1]]


def scores_from_scaled_column(table: IndicatorTable) -> None:
    """单项指标得分 | 权重占比 | 折算得分 with 100 | 20 | 20 and 90 | 20 | 18: a score above its weight says the
    得分 column is on a 100-point scale, and the points earned are the 折算 column's (they add up to the
    总分). When no 折算 cell is printed the row's score is left empty — a score above its weight is no score."""
    over = [i for i in table.indicators if i.score is not None and i.weight is not None and i.score > i.weight]
    if not over:
        return
    if "scaled_score" not in table.columns:
        for indicator in over:
            table.warnings.append(f"指标“{indicator.name}”的得分 {indicator.score:g} 高于分值 {indicator.weight:g}，得分留空。")
            indicator.score = None
        return
    table.warnings.append("指标表的单项指标得分为百分制，得分按折算得分读取。")
    for indicator in table.indicators:
        scaled = indicator.scaled_score
        indicator.score = scaled if scaled is not None and (indicator.weight is None or scaled <= indicator.weight) else None
    printed = table.total_as_printed
    if len(printed) in (2, 3) and printed[-1] <= printed[-2]:
        table.total = printed[-2:]   # 总分 | (700) | 100 | 98: the weights' sum, then the 折算 sum
    elif table.total:
        table.warnings.append("指标表合计行无法按折算得分读取，未作为总分。")
        table.total = []


def read_yes_no_table(cells: list[Cell], i: int, header: list[str], table: IndicatorTable) -> IndicatorTable:
    """A flattened form whose rows close with 是/否 (loaders.parse.yes_no_rows): the cells after
    the header are joined back into one run (a label may have been cut out of a name) and read."""
    end = i
    while end < len(cells) and not _ends_flat_run(cells[end]):
        end += 1
    run, lines = "", []
    for cell in cells[i:end]:
        run += cell.text
        lines += [cell.line] * len(cell.text)
    rows, table.warnings = read_rows(run, header)
    for row in rows:
        span = (lines[row.start], lines[row.end - 1])
        indicator = Indicator(name=row.name, target=row.target, actual=row.actual, weight=row.weight,
                              score=row.score)
        indicator.provenance = {"row": span, **{k: span for k in ("name", "target", "actual", "weight", "score")
                                                if getattr(indicator, k) is not None}}
        table.indicators.append(indicator)
    table.end = end
    return table


def _ends_flat_run(cell: Cell) -> bool:
    """The flattened table is over at a section heading (一、 / （二）) or the next block's label;
    a 3、 at a line start is a document site's page number there, not a heading."""
    return bool(_SECTION_RE.match(cell.text)) or cell_kind(cell.text) in ("total", "project_name", "money_row", "block_end")


_SECTION_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")


def _groups_by_their_points(indicators: list[Indicator], labels: list[tuple[str, float | None]],
                            level: str = "level1") -> bool:
    """决策（12分）… 过程（10分）: when every 一级 label states its points and the rows' weights, in order,
    fall into groups adding up to exactly those points, each row belongs to its label by that count —
    whatever line a centred label was printed on (or which rows a layout reader gave it, the label taken
    again on each of them). True when the groups were so given. The same for the 二级 labels (once the
    一级 groups are so given), when each states its points too. A row holding no number at all (a
    note's end read as a row) counts for no group."""
    labels = [label for n, label in enumerate(labels) if n == 0 or label != labels[n - 1]]
    indicators = [i for i in indicators if i.weight is not None or i.score is not None]
    if len(labels) < 2 or any(points is None for _, points in labels) \
            or any(i.weight is None for i in indicators):
        return False
    groups, k = [], 0
    for name, points in labels:
        start, total = k, 0.0
        while k < len(indicators) and total < points - 0.001:
            total += indicators[k].weight
            k += 1
        if abs(total - points) > 0.001 or k == start:
            return False
        groups.append((name, start, k))
    if k != len(indicators):
        return False
    for name, start, end in groups:
        for indicator in indicators[start:end]:
            setattr(indicator, level, name)
    return True


def _first_group_labels_upward(indicators: list[Indicator], columns: list[str]) -> None:
    """A merged label cell printed on the middle line of its group (pdftotext -layout centres it): the
    rows above the table's first label are in that label's group — a group is contiguous and its label
    lies inside it."""
    if "level1" not in columns:
        return
    at = next((k for k, i in enumerate(indicators) if i.level1 is not None or i.level2 is not None), None)
    if not at or indicators[at].level1 is None:
        return   # the first label is a 二级 alone: the rows above may be the last page's group, not this one
    first = indicators[at]
    below = sum(1 for i in indicators[at + 1:] if (i.level1, i.level2) == (first.level1, first.level2))
    if at > below + 1:
        return   # a centred label has about as many rows of its group below it as above
    for indicator in indicators[:at]:
        indicator.level1, indicator.level2 = first.level1, first.level2


def join_level_tails(indicators: list[Indicator]) -> None:
    """服务对象满意度 | … ⏎ | 指标 | …: a label cell wrapped into the next row's cell — the tail (no label
    itself) and the head make a known label, which both rows' groups carry."""
    for attr in ("level1", "level2"):
        for k in range(len(indicators) - 1):
            head, tail = getattr(indicators[k], attr), getattr(indicators[k + 1], attr)
            if not head or not tail or head == tail or not completes_level_label(head, tail):
                continue
            joined = head + tail
            for n in range(k, -1, -1):
                if getattr(indicators[n], attr) != head:
                    break
                setattr(indicators[n], attr, joined)
            for n in range(k + 1, len(indicators)):
                if getattr(indicators[n], attr) != tail:
                    break
                setattr(indicators[n], attr, joined)


def level1_of_its_family(indicators: list[Indicator]) -> None:
    """社会效益指标 under 产出指标 is no row of a standard form: a 一级 label printed in the middle of its
    group (below the group's first rows) left them the label above. Such rows take the next 一级 label
    of their 二级's family printed below them, when every row between is of that family too — or, a label
    centred lower than its group's middle, the one above them (产出指标 over 数量 / 质量, then 时效 / 成本
    under 效益指标). Rows above the table's first 一级 label take it the same way; and a row under a 一级
    label with no 二级 of its own, below a row whose 二级 is of that label's family, is that 二级's too
    (社会效益指标 | 视频破案占比 ⏎ 效益指标 | | 可防性案件发案下降率: the 二级 printed once over both)."""
    for above, row in zip(indicators, indicators[1:]):
        family = level_family(row.level1, "level1")
        if row.level2 is None and family and level_family(above.level2, "level2") == family \
                and level_family(above.level1, "level1") not in (None, family):
            row.level2 = above.level2
    for k, indicator in enumerate(indicators):
        wanted = level_family(indicator.level2, "level2")
        have = level_family(indicator.level1, "level1")
        if wanted is None or (have is None and indicator.level1 is not None) or wanted == have:
            continue
        for step in ((1,) if indicator.level1 is None else (1, -1)):
            at = _nearest_level1_of_family(indicators, k, wanted, step)
            if at is not None:
                for n in range(min(k, at + 1), max(k + 1, at)):
                    if indicators[n].level1 == indicator.level1 or indicators[n].level1 is None:
                        indicators[n].level1 = indicators[at].level1
                break


def _nearest_level1_of_family(indicators: list[Indicator], k: int, family: str, step: int) -> int | None:
    """The nearest row from k (downwards or upwards) whose 一级 is of `family`, every row on the way
    having a 二级 of that family."""
    at = k + step
    while 0 <= at < len(indicators) and level_family(indicators[at].level2, "level2") == family:
        if level_family(indicators[at].level1, "level1") == family:
            return at
        at += step
    return None


def join_wrapped_names(indicators: list[Indicator], lone_names: list[bool]) -> None:
    """A row that was one lone name cell, followed by a row of the same levels, is the first
    line of that row's name (家庭经济困难 / 学生就学保障 | 有效保障 | …) wrapped onto its own line."""
    k = 0
    while k + 1 < len(indicators):
        head, nxt = indicators[k], indicators[k + 1]
        if lone_names[k] and is_empty_row(head) and not is_empty_row(nxt) \
                and (head.level1, head.level2) == (nxt.level1, nxt.level2) and len(head.name or "") <= 12:
            nxt.name = (head.name or "") + (nxt.name or "")
            nxt.provenance["name"] = (head.provenance["row"][0], nxt.provenance.get("name", nxt.provenance["row"])[1])
            del indicators[k]
            del lone_names[k]
            continue
        k += 1


def take_lone_reasons(indicators: list[Indicator], lone_names: list[bool], *, reached_end: bool) -> None:
    """A lone text cell after a complete row, with no row of its levels after it, is that row's
    偏差原因 printed on its own line (…| 20 | 18 ⏎ 部分困难群众自付费用仍较高 ⏎ 满意度指标 …).
    Where the text stops, a last lone name is a row cut off by the page, not a reason."""
    k = 1
    while k < len(indicators) - (1 if reached_end else 0):
        row, before = indicators[k], indicators[k - 1]
        after = indicators[k + 1] if k + 1 < len(indicators) else None
        same_levels_after = after is not None and (after.level1, after.level2) == (row.level1, row.level2)
        if lone_names[k] and is_empty_row(row) and not is_empty_row(before) and before.deviation_reason is None \
                and before.score is not None and not same_levels_after:
            before.deviation_reason = row.name
            del indicators[k]
            del lone_names[k]
            continue
        k += 1


def take_wrapped_reasons(indicators: list[Indicator]) -> None:
    """部分家长对政策 ⏎ 了解不全面，将加 ⏎ 强宣传 after a complete row, one cell per line: a 偏差原因 broken
    over lines, read as a row of its own — words without a digit or a point, a sentence among them."""
    k = 1
    while k < len(indicators):
        row, before = indicators[k], indicators[k - 1]
        texts = [t for t in (row.name, row.target, row.actual) if t]
        if row.weight is None and row.score is None and before.score is not None and before.deviation_reason is None \
                and not any(re.search(r"\d", t) for t in texts) and re.search(r"[，。；]", "".join(texts)):
            before.deviation_reason = "".join(texts)
            del indicators[k]
            continue
        k += 1


def _group_label(header_cell: Cell) -> str | None:
    """A spanning group cell (绩效指标) a spreadsheet repeats in every row: not row content."""
    return label_key(header_cell.text) if header_field(header_cell.text, "indicator") == "ignore" else None


def _filled_after_on_its_line(cells: list[Cell], i: int) -> int:
    count, k = 0, i + 1
    while k < len(cells) and cells[k].line == cells[i].line:
        count += bool(cells[k].text)
        k += 1
    return count


def collect_rows(cells: list[Cell], i: int, collector: RowCollector, table: IndicatorTable,
                 stop_kinds: frozenset[str], group_label: str | None) -> int:
    """Walk the cells after the header into rows until the table ends; returns the next index."""
    while i < len(cells):
        cell = cells[i]
        following = cells[i + 1] if i + 1 < len(cells) else None
        kind = cell_kind(cell.text) if cell.text else None
        if kind is None and cell.text and _level1_before_a_level2(cells[i:i + 3]):
            kind = "level1"
        elif kind is None and cell.text and _level2_before_its_name(cells[i:i + 3]):
            kind = "level2"
        if kind in (None, "header") and cell.text and collector.complete_level_label(cell.text.strip()):
            i += 1
            continue
        if cell.sep in (LINE, BLANK) and _LABEL_POINTS_RE.match(cell.text) and collector.points_of_a_cut_label(cell.text):
            i += 1      # 决策 ⏎ （15分）: the end of the 一级 label above, broken before its points
            continue
        if collector.take_level(cell, kind, following, _filled_after_on_its_line(cells, i)):
            points = collector.level_points and following is not None and _is_points_cell(following.text)
            if points:
                collector.note_points(following.text)
            i += 2 if points else 1
            continue
        if kind == "total" or _stated_total_row(cell, following):
            collector.flush()
            return _read_total(cells, i + 1, table)
        if kind == "header" and header_field(cell.text, "money") == "execution_rate_pct":
            execution = _execution_row(cells, i, collector.columns)
            if execution is not None:
                collector.flush()
                table.execution, i = execution
                table.execution_line = cell.line
                continue
        if kind == "header":
            repeated, end = read_header(cells, i)
            if repeated == collector.columns:
                collector.flush()    # the header printed again on the next page
                i = end
                continue
        glued = cell.flat and kind is None and _is_glued_rows(cell)
        found = split_row_blob(cell.text, data_columns(collector.columns)) if glued else None
        if found is not None:
            collector.flush()      # rows flattened into one run — even a long one (…12.3受客观因素影响…) is no prose
            if _run_goes_on_below(cell, following):
                _last_numbers_unsure(found, table.warnings)
            add_glued_rows(found, cell, collector)
            i += 1
            continue
        if kind in stop_kinds or _is_prose(cell, cells, i, collector.columns) or _is_heading(cell):
            collector.flush()
            return _read_total_nearby(cells, i + 1, table) if kind == "block_end" else i
        if group_label and cell.text and label_key(cell.text) == group_label:
            i += 1
            continue
        if glued:
            collector.flush()
            table.warnings.append(f"指标行文字连在一起，无法唯一拆分，未读取：{cell.text[:30]}")
            i += 1
            continue
        after = cells[i + 2] if i + 2 < len(cells) else None
        i += 2 if collector.take_cell(cell, following, after) else 1
    collector.flush()
    return i


def _stated_total_row(cell: Cell, following: Cell | None) -> bool:
    """自评得分 | 88 opening a row under the indicators: the form's total, not an indicator."""
    return cell.sep in (LINE, BLANK) and following is not None and is_number_cell(following.text) \
        and label_key(cell.text) in _total_score_labels()


@lru_cache(maxsize=1)
def _total_score_labels() -> frozenset[str]:
    return frozenset(label_key(term) for term in read_terms("total_score_labels.csv"))


def _execution_row(cells: list[Cell], i: int, columns: list[str]) -> tuple[dict[str, float], int] | None:
    """预算执行率 | | | 99.97% | 10 | 10 printed as a row of the indicator table: the rate (the label
    may be printed twice, a remark like 未完全完成 may follow it), then its numbers under the table's
    score columns — 分值 | 得分, or 单项得分 | 权重占比 | 折算得分. (row fields, index after the row) or
    None when the row is not that."""
    line, label = cells[i].line, label_key(cells[i].text)
    k = i + 1
    values = []
    while k < len(cells) and cells[k].line == line and cells[k].sep in (CELL, SPACE):
        if cells[k].text and (values or label_key(cells[k].text) != label):
            values.append(cells[k].text)
        k += 1
    if _opens_its_line(cells, i):
        values = values[_target_cells_before_rate(values):]
    if not values or not re.fullmatch(r"\d+(?:\.\d+)?\s*[%％]", values[0].strip()):
        return None
    rest = values[1:]
    numbers = [cell_number(v) for v in rest if cell_number(v) is not None]
    remarks = rest[:len(rest) - len(numbers)]
    if any(re.search(r"\d", v) or len(v) > MAX_REMARK_CHARS for v in remarks):
        return None
    fields = _score_columns(columns)
    if len(numbers) == 2 and fields[:2] in (["weight", "score"], ["score", "weight"]):
        fields = fields[:2]
    if len(numbers) != len(fields) or {"weight", "score"} - set(fields):
        return None
    found = dict(zip(fields, numbers))
    weight, score = found["weight"], found["score"]
    if score > weight and found.get("scaled_score", weight + 1) <= weight:
        score = found["scaled_score"]     # 单项得分 100 | 权重 5 | 折算 5: the points earned are the 折算 column's
    if score > weight:
        return None
    rate = float(to_halfwidth(values[0]).strip().rstrip("%％").strip())
    return {"execution_rate_pct": rate, "execution_weight": weight, "execution_score": score}, k


MAX_REMARK_CHARS = 6
_RATE_TARGET_RE = re.compile(r"[≥≤><=]\s*\d+(?:\.\d+)?\s*%?")


def _opens_its_line(cells: list[Cell], i: int) -> bool:
    k = i - 1
    while k >= 0 and cells[k].line == cells[i].line:
        if cells[k].text:
            return False
        k -= 1
    return True


def _target_cells_before_rate(values: list[str]) -> int:
    """预算执行率 | ≥ | 95 | % | 97.50% | …: the cells of a stated target (a comparison) before the rate —
    on a row of its own, opened by 预算执行率 (under 过程 | 资金管理 it is an indicator like any other)."""
    joined = ""
    for k, text in enumerate(values[:4]):
        joined += to_halfwidth(text).strip()
        if _RATE_TARGET_RE.fullmatch(joined) and k + 1 < len(values) and "%" in to_halfwidth(values[k + 1]) \
                and not _RATE_TARGET_RE.fullmatch(joined + to_halfwidth(values[k + 1]).strip()):
            return k + 1
    return 0


def _score_columns(columns: list[str]) -> list[str]:
    """The numeric columns closing a row: from the first 分值 / 得分 on, while they are numbers
    (权重占比, 折算得分, an ignored column) — a 偏差原因 after them is no number."""
    first = next((k for k, c in enumerate(columns) if c in ("weight", "score")), None)
    if first is None:
        return []
    out = []
    for c in columns[first:]:
        if c not in ("weight", "score", *SECOND_SCORES, "ignore"):
            break
        out.append(c)
    return out


def drop_cut_off_rows(table: IndicatorTable, reached_end: bool) -> None:
    """A last row with a name and nothing else where the text stops is a page cut mid-table — and so is
    one without its points in a table whose rows have them (防火宣传覆盖率 | ≥9: its value may be cut too)."""
    last = table.indicators[-1] if table.indicators else None
    unscored = last is not None and last.weight is None and last.score is None and any(
        i.score is not None for i in table.indicators[:-1])
    if reached_end and last is not None and (is_empty_row(last) or unscored) and \
            any(not is_empty_row(i) for i in table.indicators):
        cut = table.indicators.pop()
        table.warnings.append(f"文本在指标“{cut.name}”处截断，该行未读取。")


_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d)\S{2,})")


def _is_heading(cell: Cell) -> bool:
    """A section heading (三、 / （二） / 3.绩效评价工作过程) outside a cell ends the table, and so does the
    next form's 项目名称：X opening a line."""
    if cell.sep in (LINE, BLANK) and _INLINE_PROJECT_NAME_RE.match(cell.text):
        return True
    return not cell.boxed and bool(_HEADING_RE.match(cell.text)) and not is_number_cell(cell.text)


_INLINE_PROJECT_NAME_RE = re.compile(r"^项目名称\s*[:：]\s*\S")


def _is_prose(cell: Cell, cells: list[Cell], i: int, columns: list[str]) -> bool:
    """A long sentence outside a table cell ends the table (the narrative resumes) — unless
    the table has a text column (评分标准, 偏差原因) and the row's numbers follow the sentence."""
    if not cell.boxed and cell.sep == BLANK and len(cell.text) >= 20 and cell.text.rstrip().endswith("。"):
        return True     # a sentence of its own after a blank line: the narrative has resumed
    if not cell.boxed and i > 0 and cells[i - 1].boxed and cell.line != cells[i - 1].line \
            and cell.text.rstrip().endswith("。") and not {"ignore", "reason"} & set(data_columns(columns)):
        return True     # a sentence after a tab or pipe row of a table without a text column is no cell of it
    if cell.boxed or len(cell.text) <= 60:
        return False
    if not {"ignore", "reason"} & set(data_columns(columns)):
        return True
    return not any(is_number_cell(c.text) for c in cells[i + 1:i + 3])


def _read_total_nearby(cells: list[Cell], i: int, table: IndicatorTable, reach: int = 4) -> int:
    """The 总分 row printed just after a closing note row (其他需要说明事项 | 无 | 总分 | 100 | 96)."""
    for k in range(i, min(i + reach, len(cells))):
        if cells[k].text and cell_kind(cells[k].text) == "total":
            return _read_total(cells, k + 1, table)
    return i


def _is_glued_rows(cell: Cell) -> bool:
    return bool(re.search(r"\d", cell.text)) and bool(re.search(r"[\u4e00-\u9fff]", cell.text))


_NUMBER_OPENING_RE = re.compile(r"^\s*(?:\d{1,2}[、.．]\s*)?\d")


def _run_goes_on_below(cell: Cell, following: Cell | None) -> bool:
    """A flattened run ending its line while the next line opens with a number (2、10水土流失…): a site cut the
    table's text into pieces, so the run's last row may lose its last numbers to the next piece."""
    return following is not None and following.line == cell.last_line + 1 and bool(_NUMBER_OPENING_RE.match(following.text))


def _last_numbers_unsure(found: list[dict[str, str]], warnings: list[str]) -> None:
    last = found[-1]
    if last.get("weight") or last.get("score"):
        warnings.append(f"指标“{last.get('name', '')}”在一段连排文字的末尾，分值、得分可能续在下一段，留空。")
        last["weight"] = last["score"] = ""


def add_glued_rows(found: list[dict[str, str]], cell: Cell, collector: RowCollector) -> None:
    """Rows of a table flattened without separators (split by loaders.parse.flattened) as cell rows."""
    cols = data_columns(collector.columns)
    for row in found:
        cells = [Cell(row.get(col, ""), cell.line, CELL, boxed=True) for col in cols]
        collector.rows.append((cells, tuple(collector.levels)))
        collector.restated.append(False)


def _split_score_pair(text: str) -> list[float] | None:
    """总分100100 → 100 | 100: the only cut where both are scores (≤ 100, 得分 ≤ 分值)."""
    found = []
    for k in range(1, len(text)):
        left, right = text[:k], text[k:]
        if re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", left) and re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", right) \
                and float(left) <= 100 and float(right) <= float(left):
            found.append([float(left), float(right)])
    return found[0] if len(found) == 1 else None


_SPLIT_NUMBER_CELL_RE = re.compile(r"^\d{1,3}(?: \d{1,3})+(?:\.\d+)?$")
_ALL_WEIGHTS_RE = re.compile(r"^\s*100(?:\.0+)?\s*[%％]\s*$")


def _read_total(cells: list[Cell], i: int, table: IndicatorTable) -> int:
    first = i
    glued = re.match(r"\d+(?:\.\d+)?", to_halfwidth(cells[i].text)) if i < len(cells) and cells[i].flat else None
    if glued and not is_number_cell(cells[i].text):
        # 总分100100注:… — the scores run into the note after the table
        value = float(glued.group())
        table.total += (_split_score_pair(glued.group()) or []) if value > 100 else [value]
        table.total_span = (cells[i].line, cells[i].line)
        return i + 1
    while i < len(cells) and (is_number_cell(cells[i].text) or is_placeholder(cells[i].text) or
                              (not cells[i].text and cells[i].boxed) or _ALL_WEIGHTS_RE.match(cells[i].text)
                              or _SPLIT_NUMBER_CELL_RE.match(to_halfwidth(cells[i].text).strip())):
        split = _SPLIT_NUMBER_CELL_RE.match(to_halfwidth(cells[i].text).strip())
        if split and not is_number_cell(cells[i].text):
            joined = split.group().replace(" ", "")
            table.warnings.append(f"总分行的“{cells[i].text}”中有空格，按“{joined}”读取。")
            if float(joined) <= 100:
                table.total.append(float(joined))   # 合计 | 100 | 9 7.73: one cell, its digits split by OCR
        elif _ALL_WEIGHTS_RE.match(cells[i].text):
            table.total.append(100.0)   # 合计 | 100% | 95: percent weights add up to the 100 points
        elif is_number_cell(cells[i].text):
            value = cell_number(cells[i].text)
            if value > 100 and cells[i].flat:
                table.total += _split_score_pair(to_halfwidth(cells[i].text).strip()) or []
            elif value <= 1000:
                table.total.append(value)
        i += 1
    if i > first:
        table.total_span = (cells[first - 1].line, cells[i - 1].last_line)
    numbers = [c for c in cells[first:i] if is_number_cell(c.text)]
    texts = [c.text for c in numbers]
    # three numbers in cells a table drew apart (| 100 | 97.5 | 96 | under 分值 | 自评得分 | 复核得分) are three
    # cells; only numbers a reader split by spaces may be one number cut by OCR
    apart = all(c.boxed and c.sep == CELL for c in numbers[1:])
    if len(texts) in (3, 4) and len(table.total) == len(texts) and not apart:
        rejoined = _rejoined_total(texts)
        if rejoined is not None:
            table.warnings.append(f"总分行的数字“{' '.join(texts)}”中有一个数被空格拆开，按“{rejoined[0]:g} {rejoined[1]:g}”读取。")
            table.total = rejoined
    return i


def _total_under_its_columns(table: IndicatorTable, columns: list[str]) -> None:
    """The total row's numbers as (分值, 得分): 总分 | 100 | 99.9 | 91.5 under 分值 | 自评得分 | 复核得分 — a
    column after 得分 we do not read (复核得分) gives no total; 得分 printed before 分值 is put second."""
    tail = [c for c in data_columns(columns) if c in ("weight", "score", "scaled_score", "ignore")]
    read = [c for c in data_columns(columns) if c in ("weight", "score", "review_score")]
    if len(table.total) == 3 and read == ["weight", "score", "review_score"]:
        # 合计 | 100 | 100 | 85.05 under 分值 | 自评得分 | 复核得分: the review's total is kept as printed
        # (scores_from_review_column takes it where the document is a review)
        table.total_as_printed, table.total = list(table.total), table.total[:2]
        return
    if len(table.total) == 3 and tail[-3:] == ["weight", "score", "ignore"]:
        table.total = table.total[:2]
    table.total_as_printed = list(table.total)
    if len(table.total) == 3 and tail[-3:] in (["score", "weight", "scaled_score"], ["weight", "score", "scaled_score"]):
        # 合计 | 99.89 | 100 | 15.49 under 单项得分 | 权重 | 折算得分: the 折算 sum is no total (but see
        # scores_from_scaled_column, for a 得分 column on a 100-point scale)
        table.total = [table.total[tail[-3:].index("weight")], table.total[tail[-3:].index("score")]]
        return
    points = [c for c in tail if c in ("weight", "score")]
    if len(table.total) > len(tail) == len(points) == 2:
        # 总分 ⏎ 100 ⏎ 95 ⏎ 2: a number after the table's two score columns is no cell of it (a page number)
        table.warnings.append(f"总分行后多出的数字“{table.total[2]:g}”不属于表格，未读取。")
        table.total = table.total[:2]
    if len(table.total) == 2 and points == ["score", "weight"] and table.total[0] <= table.total[1]:
        table.total = table.total[::-1]   # 合计 | 83.5 | 100 under 评价得分 | 指标分值: the points, then the score
        # (总分 100 97.40 under 单项指标得分 | 权重占比 | 折算得分 is the points, then the score: none exceeds its points)


def _rejoined_total(texts: list[str]) -> list[float] | None:
    """总分 | 100 | 97.8 2 (OCR split a digit off), 总分 1 0 0 98.26: the 分值 and 得分, when exactly one cut of
    the numbers into two runs, each read as one number, gives a score within the points."""
    found = []
    for cut in range(1, len(texts)):
        weight_text, score_text = (to_halfwidth("".join(part)).replace(" ", "") for part in (texts[:cut], texts[cut:]))
        if not all(re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", t) for t in (weight_text, score_text)):
            continue
        weight, score = float(weight_text), float(score_text)
        if 0 < weight <= 100 and score <= weight:
            found.append([weight, score])
    return found[0] if len(found) == 1 else None
