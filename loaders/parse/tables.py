"""Text lines → a stream of table cells, whatever the layout the table arrived in.

Decision: every layout of LAYOUTS.md (pipe rows, tab rows, one cell per line,
space-separated rows, cells broken across lines) becomes one flat list of `Cell`s
that remembers *how* each cell was separated from the one before. The parsers of
money blocks and indicator rows read that list; they trust explicit separators
(| and tab) and treat line breaks inside PDF-style text as "maybe the same cell".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.parse.characters import space_aligned
from loaders.parse.flattened import is_digit_blob, label_hits, split_at_labels
from loaders.parse.labels import (glued_level_label, header_field, is_canned_actual, is_label, is_sign_off, is_unit,
                                  label_key, level_kind)
from loaders.parse.numbers import to_halfwidth
from loaders.parse.page_lines import PAGE_MARK_RE

# How a cell is separated from the previous one, strongest first.
CELL = "cell"      # an explicit separator: | or tab
SPACE = "space"    # white space on the same line
LINE = "line"      # a line break
BLANK = "blank"    # one or more blank lines
CONT = "cont"      # certainly the same cell (a wrapped line in a tab layout)

_OPERATOR_RE = re.compile(r"^(?:>=|<=|≥|≤|≧|≦|═|=|>|<|＞|＜|＝)$")
# a score cell may carry its unit: 40分 / 98.7 分 (some forms print it in every 分值 and 得分 cell)
_NUMBER_RE = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s*分)?$")
_HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


@dataclass
class Cell:
    text: str
    line: int            # 1-based line number
    sep: str             # CELL | SPACE | LINE | BLANK | CONT
    last_line: int = 0   # last line when the cell was joined from several lines
    boxed: bool = False  # came from a | or tab table row (so it is a cell, never prose)
    flat: bool = False   # cut out of a table flattened without separators (values may be glued)
    tab: bool = False    # from a tab layout, where a row start is marked (LINE / BLANK) and CELL continues it
    col: int = -1        # a tab row cell's column (empty cells before it counted); -1 when not known
    width: int = 0       # how many columns the cell's tab or pipe row reaches (its last filled cell + 1)
    words_at: frozenset[int] = frozenset()   # the columns of its tab or pipe row holding words, not numbers

    def __post_init__(self) -> None:
        self.last_line = self.last_line or self.line


def is_pipe_line(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 2


def tokenize(lines: list[str], first: int = 1) -> list[Cell]:
    """Cells of `lines` (lines[0] is line number `first`)."""
    cells: list[Cell] = []
    blank, tab_mode, blank_run = False, False, 0
    previous_row: list[Cell] = []   # filled cells of the last tab row line
    previous_count = widest_tab_row = 0   # cells (empty ones too) of the last tab line / of the widest
    previous_pipe_row: dict[int, Cell] = {}   # the last pipe grid row's filled cells by column
    grids = _pipe_grids(lines)
    grid_lines = {k for grid in grids for k in grid}
    numbered = _numbered_grid_lines(lines, grids)
    for offset, raw in enumerate(lines):
        number = first + offset
        line = raw.rstrip("\r\n")
        if not line.strip() and "\t" in line and tab_mode:
            cells.append(Cell("", number, BLANK if blank else CELL, boxed=True, tab=True))  # an empty cell
            blank, blank_run = False, 0
            continue
        line = line.rstrip()
        if not line.strip():
            blank, blank_run = True, blank_run + 1
            continue
        if (is_pipe_line(line) and _MARKDOWN_RULE_RE.match(line)) or PAGE_MARK_RE.match(line):
            continue   # | --- | --- | under a markdown header, or a page number (— 1 —): no cells
        if is_pipe_line(line):
            tab_mode, previous_row = False, []
            parts = _pipe_parts(line)
            if offset in numbered:
                parts = parts[1:]     # the row's number (序号)
            placed = offset in grid_lines
            if placed and _pipe_continuation(parts, previous_pipe_row):
                for k, part in enumerate(parts):
                    if part:
                        _extend(previous_pipe_row[k], part, number)   # | | | 以上 | |: the rest of 90% above
                continue
            reach = max((k + 1 for k, p in enumerate(parts) if p), default=0)
            words_at = _words_at(parts, 0)
            new = [Cell(p, number, CELL, boxed=True, col=k if placed else -1, width=reach, words_at=words_at)
                   for k, p in enumerate(parts) if p]
            cells += new
            previous_pipe_row = {c.col: c for c in new} if placed else {}
            blank, blank_run = False, 0
            continue
        previous_pipe_row = {}
        if "\t" in line:
            new = _split_tab_line(line, number, blank)
            above = _tail_of_cell_above(previous_row, new)
            if not blank and above is not None:
                _extend(above, next(c.text for c in new if c.text), number)   # | | | 以上 |: the rest of 满意度90%
                continue
            row_line = len(new) > 1
            # a line opening with a tab starts a row whose first (merged) cell is empty
            if not blank and not line.startswith("\t") and (_continues_row(previous_row, new) or _completes_row(
                    previous_row, previous_count, new, widest_tab_row)):
                _extend(previous_row[-1], new.pop(0).text, number)   # 有效 / 保障: a wrapped cell
                for cell in new:
                    cell.sep, cell.col = CELL, -1
            cells += new
            previous_row = [c for c in new if c.text] if row_line else []
            previous_count, widest_tab_row = len(new), max(widest_tab_row, len(new))
            tab_mode = sum(1 for c in new if c.text) == 1
        elif tab_mode and cells and cells[-1].text and blank_run <= 1 and not is_number_cell(cells[-1].text) \
                and _is_wrapped_fragment(line):   # a number never wraps into words; two blank lines end a table
            _extend(cells[-1], line.strip(), number)
        elif _sentence_among_lone_cells(lines, offset):
            tab_mode, previous_row = False, []
            cells.append(Cell(line.strip(), number, BLANK if blank else LINE))
        else:
            tab_mode, previous_row = False, []
            new = _split_spaced(line, number, BLANK if blank else LINE)
            if not blank and len(new) == 1 and (_cut_at_a_comma(cells, number) or _goes_on_mid_cell(cells, number, new[0].text)):
                _extend(cells[-1], new[0].text, number)   # 小学≥650元， ⏎ 初中≥850元: one cell a line broke
            else:
                cells += new
        blank, blank_run = False, 0
    return split_glued_level_labels(join_broken_labels(cells))


def split_glued_level_labels(cells: list[Cell]) -> list[Cell]:
    """满意度指标 | 服务对象满意度指标村民满意度: a 二级 label too long for its column ran into the name
    beside it. A space-aligned cell opening with a whole known level label ending in 指标, the rest a
    name of its own, right after a 一级 label on its line, is the label and the name."""
    out: list[Cell] = []
    for cell in cells:
        glued = glued_level_label(cell.text) if not cell.boxed and out else None
        before = out[-1] if out else None
        if glued and before is not None and before.line == cell.line and level_kind(before.text, fuzzy=False) \
                and not cell_kind(glued[1]) and len(glued[1]) >= 2 and not cell_kind(cell.text):
            out.append(Cell(glued[0], cell.line, cell.sep))
            out.append(Cell(glued[1], cell.line, SPACE))
        else:
            out.append(cell)
    return out


_SENTENCE_RE = re.compile(r"[，。；]")


def _sentence_among_lone_cells(lines: list[str], offset: int) -> bool:
    """A sentence cell of a table printed one cell per line (资金分配依据充分，得 3 分；发现 1 处…扣 0.5 分。):
    its spaces are a PDF's, set around numbers, not cell borders — the lines around it hold one cell each."""
    line = lines[offset].strip()
    if " " not in line or not _SENTENCE_RE.search(line) or space_aligned(line):
        return False
    neighbours = [_nearest_written(lines, offset, step) for step in (-1, 1)]
    return all(n is not None and not re.search(r"\s|\|", n) for n in neighbours)


def _nearest_written(lines: list[str], offset: int, step: int) -> str | None:
    k = offset + step
    while 0 <= k < len(lines) and not lines[k].strip():
        k += step
    return lines[k].strip() if 0 <= k < len(lines) else None


_MARKDOWN_RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$")


def _extend(cell: Cell, text: str, number: int) -> None:
    """A wrapped line of a tab-layout cell: CJK text wraps without a space."""
    cell.text += text
    cell.last_line = number


def _pipe_grids(lines: list[str]) -> list[list[int]]:
    """Runs of pipe rows of one width (empty cells counted; a markdown rule between them is no row),
    as line indexes: in such a grid a cell's place is its column."""
    rows = [(k, len(_pipe_parts(line))) for k, line in enumerate(lines)
            if is_pipe_line(line.rstrip()) and not _MARKDOWN_RULE_RE.match(line.rstrip())]
    grids: list[list[int]] = []
    for (k, width), (m, next_width) in zip(rows, rows[1:]):
        if width == next_width and all(not lines[j].strip() or is_pipe_line(lines[j].rstrip()) for j in range(k + 1, m)):
            if grids and grids[-1][-1] == k:
                grids[-1].append(m)
            else:
                grids.append([k, m])
    return grids


def _numbered_grid_lines(lines: list[str], grids: list[list[int]]) -> set[int]:
    """The rows of grids whose first column is the rows' numbers (序号 | 一级指标 | …): that column is
    no column of the table the header names."""
    numbered: set[int] = set()
    for grid in grids:
        if label_key(_pipe_parts(lines[grid[0]])[0]) in _ROW_NUMBER_HEADERS:
            numbered |= set(grid)
    return numbered


_ROW_NUMBER_HEADERS = {"序号", "编号"}


def _pipe_parts(line: str) -> list[str]:
    """A pipe row's cells, empty ones included: | | 年度资金总额 | 100 | → ['', '年度资金总额', '100']. A row
    written without its outer pipes but closed by one (产出 | … | 10 | 10 |) ends with an empty cell."""
    body = line.strip()
    # a row opening with " | " but not closed by a pipe, in a table written without outer pipes, opens
    # with an empty cell (| | 立项程序规范性 | … under 一级指标 | 二级指标 | 三级指标 | …)
    opened = body.startswith("|") and (body.endswith("|") or not line[:1].isspace())
    body = body[1:] if opened else body
    body = body[:-1] if body.endswith("|") and opened else body
    return [p.strip() for p in body.split("|")]


def _split_tab_line(line: str, number: int, blank: bool) -> list[Cell]:
    """A tab line is either one table row (reader output) or one cell of a cell-per-line table.

    The first cell of a row line is marked as a row start (LINE, or BLANK after a
    blank line) so a row ends where the reader ended it; a lone cell continues its row
    unless a blank line separates rows.
    """
    parts = [p.strip() for p in line.split("\t")]
    first = 1 if not parts[0] else 0
    parts = parts[first:]
    filled = [p for p in parts if p]
    width = len(parts) + first
    words_at = _words_at(parts, first)
    out = [Cell(part, number, CELL, boxed=True, tab=True, col=k + first, width=width, words_at=words_at)
           for k, part in enumerate(parts)]
    if out:
        out[0].sep = BLANK if blank else (LINE if len(filled) >= 2 else CELL)
    return out


def _words_at(parts: list[str], first: int) -> frozenset[int]:
    """Columns of a row holding words (not a number, a percent or a dash)."""
    return frozenset(k + first for k, part in enumerate(parts)
                     if part and not (is_number_cell(part) or is_placeholder(part) or _PERCENT_RE.match(to_halfwidth(part))))


_PERCENT_RE = re.compile(r"^\s*\d+(?:\.\d+)?\s*%\s*$")


MAX_CONTINUATION_CELLS = 2


def _pipe_continuation(parts: list[str], previous: dict[int, Cell]) -> bool:
    """A grid row holding only a fragment or two of words, each under a filled cell of the row above
    (| | | 工率 | | | and | | | | 以上 |): the wrapped rest of those cells, no row of its own — never
    a label (效益指标), a number or a placeholder."""
    filled = [(k, p) for k, p in enumerate(parts) if p]
    if not filled or len(filled) > MAX_CONTINUATION_CELLS or len(previous) < 3:
        return False
    return all(k in previous and not cell_kind(p) and not is_number_cell(p) and not is_placeholder(p)
               and not re.search(r"\d", p) and len(p) <= 12 for k, p in filled)


def _tail_of_cell_above(previous_row: list[Cell], new: list[Cell]) -> Cell | None:
    """The cell of the row above that a tab line holding one short fragment in the same column continues
    (满意度90% ⏎ 以上): words, no number and no label, under a filled cell of a whole row."""
    filled = [c for c in new if c.text]
    if len(filled) != 1 or len(previous_row) < MIN_ROW_CELLS_ABOVE or filled[0].col < 2:
        return None
    text = filled[0].text
    if len(text) > MAX_CELL_TAIL or re.search(r"\d", text) or cell_kind(text) not in (None, "canned"):
        return None
    return next((c for c in previous_row if c.col == filled[0].col), None)


MIN_ROW_CELLS_ABOVE = 4
MAX_CELL_TAIL = 6


def _continues_row(previous_row: list[Cell], new: list[Cell]) -> bool:
    """A tab line whose first cell is the rest of the previous line's last cell (a copied PDF
    table wrapped inside cells): a short fragment, no label, after a row not closed by a number."""
    if not previous_row or len(new) < 2 or not new[0].text:
        return False
    head, last = new[0].text, previous_row[-1].text
    if is_number_cell(last):
        return is_unit(head)            # 548.85 / 万元: a number wraps only before its unit
    return len(head) <= 4 and cell_kind(head) in (None, "canned") and not is_number_cell(head) \
        and cell_kind(last) in (None, "canned")


def _completes_row(previous_row: list[Cell], previous_count: int, new: list[Cell], widest: int) -> bool:
    """接受托管服务农户满意度 | 满意度 ⏎ 90%以上 | 92% | 10 | 10: a spreadsheet cell holding a line break
    splits its row in two lines whose cells, the broken one counted once, make a whole row."""
    if not previous_row or not new or not new[0].text or previous_count >= widest or previous_count + len(new) - 1 > widest:
        return False
    # the upper part holds no score yet, the lower part closes with them; the lower part opens no row
    return not any(is_number_cell(c.text) for c in previous_row) and any(is_number_cell(c.text) for c in new) \
        and cell_kind(new[0].text) in (None, "canned")


def _cut_at_a_comma(cells: list[Cell], number: int) -> bool:
    """The line above was a lone cell ending with a clause comma (小学≥650元，): a cell never ends
    so, the line broke it."""
    if not cells or cells[-1].last_line != number - 1 or cells[-1].sep not in (LINE, BLANK) or cells[-1].boxed:
        return False
    return bool(_CLAUSE_END_RE.search(cells[-1].text)) and (len(cells) < 2 or cells[-2].last_line < cells[-1].line)


_CLAUSE_END_RE = re.compile(r"[，、；,;]$")
_MID_CELL_OPENING_RE = re.compile(r"^[·•/／）)]")


def _goes_on_mid_cell(cells: list[Cell], number: int, text: str) -> bool:
    """6000元/生 ⏎ ·年: a line opening with a mark no cell opens with (· / ）) under a lone cell is its rest."""
    return bool(_MID_CELL_OPENING_RE.match(text)) and bool(cells) and cells[-1].last_line == number - 1 \
        and cells[-1].sep in (LINE, BLANK) and not cells[-1].boxed and (len(cells) < 2 or cells[-2].last_line < cells[-1].line)


def _is_wrapped_fragment(text: str) -> bool:
    """A short line without a tab inside a tab table is the rest of the cell above."""
    text = text.strip()
    return len(text) <= 12 and not _HEADING_RE.match(text)


_THOUSANDS_HEAD_RE = re.compile(r"^[≥≤<>=]?\d{1,3}$")
_THOUSANDS_TAIL_RE = re.compile(r"^\d{3}(?![\d,])")


def _spaced_words(line: str) -> list[str]:
    """The words of a space-aligned line. Where the cells are set apart by wider gaps, a single
    space inside a number is a thousands gap an OCR or PDF reader printed (1 580.00, 3 416户)."""
    matches = list(re.finditer(r"[^ \u3000\u00a0]+", line.strip()))
    words = [m.group() for m in matches]
    gaps = [matches[k].start() - matches[k - 1].end() for k in range(1, len(matches))]
    words, gaps = _join_spaced_letters(words, gaps)
    words, gaps = _join_bracketed(words, gaps)
    if not any(g >= 2 for g in gaps):
        return words
    out: list[str] = []
    for k, word in enumerate(words):
        if k and gaps[k - 1] == 1 and out and _THOUSANDS_HEAD_RE.match(to_halfwidth(out[-1])) \
                and _THOUSANDS_TAIL_RE.match(to_halfwidth(word)):
            out[-1] += word
        else:
            out.append(word)
    return out


_ONE_CJK_RE = re.compile(r"^[\u4e00-\u9fff]$")
MAX_BRACKET_WORDS = 3


def _join_bracketed(words: list[str], gaps: list[int]) -> tuple[list[str], list[int]]:
    """产出（30 分）, 资金（万 元）: a bracket opened in a word and closed at most two words later, one
    space apart, is one word (a PDF sets a space inside it; it is no cell border)."""
    out, out_gaps = [], []
    k = 0
    while k < len(words):
        end = k
        if _open_brackets(words[k]) > 0:
            close = next((m for m in range(k + 1, min(k + MAX_BRACKET_WORDS, len(words)))
                          if _open_brackets(" ".join(words[k:m + 1])) == 0), None)
            if close is not None and all(g == 1 for g in gaps[k:close]):
                end = close
        if out:
            out_gaps.append(gaps[k - 1])
        out.append(" ".join(words[k:end + 1]))
        k = end + 1
    return out, out_gaps


def _open_brackets(text: str) -> int:
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


def _join_spaced_letters(words: list[str], gaps: list[int]) -> tuple[list[str], list[int]]:
    """An OCR'd label printed with a space between its characters (项 目 名 称, 一 级 指 标): single
    characters one space apart that together make a table label are that label. (gaps[k-1] is the
    gap before words[k].)"""
    out, out_gaps = [], []
    k = 0
    while k < len(words):
        end = k + 1
        while end < len(words) and _ONE_CJK_RE.match(words[end]) and gaps[end - 1] == 1:
            end += 1
        single = _ONE_CJK_RE.match(words[k])
        take = next((e for e in range(end, k + 1, -1) if cell_kind("".join(words[k:e]))), None) if single else None
        step = take - k if take else 1      # the longest run of characters that is a label
        out.append("".join(words[k:k + step]))
        if k:
            out_gaps.append(gaps[k - 1])
        k += step
    return out, out_gaps


def _split_spaced(line: str, number: int, first_sep: str) -> list[Cell]:
    words = _spaced_words(line)
    merged: list[str] = []
    for word in words:
        if merged and _belongs_to_previous(merged[-1], word):
            merged[-1] += " " + word if _needs_space(merged[-1], word) else word
        else:
            merged.append(word)
    out: list[Cell] = []
    for word in merged:
        pieces = split_at_labels(word) if _flattened_run(word) or _label_then_digits(word) else [word]
        for piece in pieces:
            out.append(Cell(piece, number, first_sep if not out else SPACE, flat=len(pieces) > 1))
    return out


def _label_then_digits(word: str) -> bool:
    """年度资金总额：380.00412.50412.5010100%10 / 总分10098: a row label with its values run together."""
    pieces = split_at_labels(word) if len(word) >= 6 else [word]
    if len(pieces) != 2 or not cell_kind(pieces[0]):
        return False
    rest = to_halfwidth(pieces[1]).replace("—", "").replace("-", "")
    return is_digit_blob(rest)


def _flattened_run(word: str) -> bool:
    """A long run holding table labels is a flattened table row — unless it is a sentence of a
    criteria column (制定了相应的项目管理制度和财务管理制度，得4分。) that mentions a couple of them."""
    if len(word) < 20:
        return False
    hits = label_hits(word)
    return hits >= 2 and not (word.rstrip().endswith(("。", "；", ";")) and hits <= 3)


def _belongs_to_previous(previous: str, word: str) -> bool:
    """'>= 98 %(百分比)', '300 公里': an operator, a number and a unit are one cell."""
    prev = to_halfwidth(previous)
    if _OPERATOR_RE.match(prev):
        return True
    if re.search(r"\d$", prev) and (to_halfwidth(word).startswith("%") or is_unit(word)):
        return True
    return False


def _needs_space(previous: str, word: str) -> bool:
    """Latin words and numbers joined keep their space (2 000, IPv 6); 90 + % is 90%, = + 100 is =100."""
    if re.search(r"[=<>]$", to_halfwidth(previous)):
        return False
    return bool(re.match(r"[\x21-\x24\x26-\x7e]", to_halfwidth(word[:1]))) and bool(
        re.search(r"[\x21-\x7e]$", to_halfwidth(previous)))


@lru_cache(maxsize=65536)
def cell_kind(text: str) -> str | None:
    """What a cell is as a label: level1/level2/both/money_row/total/header/canned, else None."""
    kind = level_kind(text)
    if kind:
        return kind
    for name in ("money_row", "total", "project_name", "block_end", "name_stop"):
        if is_label(text, name):
            return name
    if is_sign_off(text):
        return "block_end"
    if header_field(text, "indicator") or header_field(text, "money"):
        return "header"
    if is_canned_actual(text):
        return "canned"
    return None


def join_broken_labels(cells: list[Cell], longest: int = 6) -> list[Cell]:
    """Join cells a line break split inside a label: 产出\\n指标, 年初预\\n算数, 偏差原因分\\n析及改进措施."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        best = 1
        joinable = len(cells[i].text) <= 12 and not is_number_cell(cells[i].text)   # labels hold no bare number
        for size in range(2, longest + 1 if joinable else 1):
            group = cells[i:i + size]
            if len(group) < size or any(c.sep in (CELL, SPACE) for c in group[1:]) or not all(c.text for c in group):
                break
            joined = "".join(c.text for c in group)
            if cell_kind(joined) and not all(cell_kind(c.text) == "header" for c in group) \
                    and not (level_kind(group[-1].text) and not level_kind(joined, fuzzy=False)) \
                    and not all(level_kind(c.text, fuzzy=False) for c in group):
                # 年初预 / 算数 is one label; 执行率 / 得分 are two header cells; 无 / 满意度指标 is
                # the end of a row and a label (the pair only looked like a misspelt label); 产出 / 数量
                # are a 一级 and a 二级 label, never one 产出数量
                best = size
        group = cells[i:i + best]
        if best > 1:
            out.append(Cell("".join(c.text for c in group), group[0].line, group[0].sep, group[-1].last_line,
                            group[0].boxed))
            _unplace_rest_of_line(cells, i + best, group[-1])
        else:
            out.append(cells[i])
        i += best
    return out


def _unplace_rest_of_line(cells: list[Cell], start: int, tail: Cell) -> None:
    """The tab cells after a label's wrapped tail (服务对象满意度 / 指标 | 受益群众满意度 | …) sit one
    column left of where the tab count puts them: their column is no longer known."""
    k = start
    while k < len(cells) and cells[k].line == tail.line and tail.col == 0:
        cells[k].col = -1
        k += 1


@lru_cache(maxsize=65536)
def is_number_cell(text: str) -> bool:
    return bool(_NUMBER_RE.match(to_halfwidth(text).strip()))


def cell_number(text: str) -> float | None:
    """The number of a number cell (1,234.5 / 40分), None for any other cell."""
    if not is_number_cell(text):
        return None
    return float(to_halfwidth(text).strip().rstrip("分").strip().replace(",", ""))


@lru_cache(maxsize=65536)
def is_placeholder(text: str) -> bool:
    """An empty cell drawn as a dash: —, -, /, 无."""
    return to_halfwidth(text).strip() in {"—", "-", "--", "——", "/", "/", "无", "—-", "－"}
