"""Level labels a form printed over several lines, put back together line by line before the table
readers run (each pass keeps the line count, so line numbers stay the reader's).

What it reads: 总    分 (a row label spread over its cell); 绩 ⏎ 效 ⏎ 指 ⏎ 标 (a merged cell's label printed
down its narrow column, cleared); 满意度指 服务对象满 … ⏎ 标 意度指标 (labels broken inside narrow cells, their
ends at the next line's start or under them) — joined only when the pieces make known level labels.
"""
from __future__ import annotations

import re

from loaders.parse.labels import header_field, label_key, level_kind, table_labels
from loaders.parse.page_lines import display_width
from loaders.parse.tables import cell_kind, cell_number

MAX_PIECE_LINES = 2
_PIECE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}")


_SPACED_ROW_LABEL_RE = re.compile(r"^(\s*)([\u4e00-\u9fff])([ \u3000]{2,8})([\u4e00-\u9fff])(?=[ \u3000\t]|$)")


def spaced_row_label_joined(line: str) -> str:
    """总    分 / 合    计: a row label a form spreads over its cell's width is one word (padded so the
    columns after it keep their places)."""
    match = _SPACED_ROW_LABEL_RE.match(line)
    if not match or cell_kind(match.group(2) + match.group(4)) != "total":
        return line
    label = match.group(2) + match.group(4)
    return match.group(1) + label + " " * len(match.group(3)) + line[match.end():]


_VERTICAL_PIECE_RE = re.compile(r"^([ \u3000]*)([\u4e00-\u9fff]{1,2})(?=[ \u3000]+\S|[ \u3000]*$)")


def vertical_labels_cleared(lines: list[str]) -> list[str]:
    """绩 ⏎ 效 ⏎ 指 ⏎ 标 opening consecutive rows: a merged cell's label printed down its narrow column,
    a character or two per line, is no cell of those rows (blanked, so the columns after it keep their
    places)."""
    out, k = list(lines), 0
    spanning = {label_key(label) for label in table_labels().get("spanning_label", ())}
    while k < len(lines):
        run = []
        while k + len(run) < len(lines) and (match := _VERTICAL_PIECE_RE.match(lines[k + len(run)])):
            run.append(match)
        if len(run) >= 2 and "".join(m.group(2) for m in run) in spanning:
            for n, match in enumerate(run):
                out[k + n] = match.group(1) + " " * (2 * len(match.group(2))) + lines[k + n][match.end():]
        k += max(len(run), 1)
    return out


LABEL_TOKENS_LOOKED_AT = 3
MIN_ROW_TOKENS = 3     # what stays on the line is nothing, or a row of its own (name, values, points)


def broken_labels_joined(lines: list[str], printed: list[str] | None = None) -> list[str]:
    """满意度指 服务对象满 学生及家长满意度 … ⏎ 标 意度指标: in a row of cells set apart by single spaces (a scan's
    text), level labels broken inside their narrow cells go on at the next line's start. Each piece there
    that completes one of the row's first unfinished labels into a known level label is moved up to it,
    when the line is left empty (it stays, an empty line: line numbers keep) or holding a row of its own —
    a cell's wrapped tail beside the pieces (指标 里, 3.05万元/公 ⏎ 里) is left for the row readers.
    `printed`: the lines before a vertical label was cleared from them; an indented one is an aligned
    layout's, whose columns the layout reader places."""
    out, printed = list(lines), printed or lines
    for k in range(1, len(lines)):
        line = out[k]     # (as an earlier step left it)
        first = line.split(None, 1)[0] if line.strip() else ""
        if not _PIECE_RE.fullmatch(first) or level_kind(first, fuzzy=False) or not out[k - 1].strip():
            continue     # (the pieces open the line; most lines are rows of their own)
        above, tokens = out[k - 1].strip().split(" "), line.strip().split(" ")
        if "\t" in line or "|" in line:
            continue     # tab and pipe rows have their own readers
        if "  " in out[k - 1].strip():
            continue     # an aligned row: the layout reader's (what it leaves, label_ends_below_joined's)
        if _indent(printed[k]) or "  " in line.strip() or _indent(printed[k - 1]):
            out[k - 1], out[k] = _pieces_under_labels(out[k - 1], line)
            continue
        moved = 0
        for piece in tokens:
            if not piece or level_kind(piece, fuzzy=False) or not _PIECE_RE.fullmatch(piece):
                break
            at = next((j for j, word in enumerate(above[:LABEL_TOKENS_LOOKED_AT])
                       if level_kind(word + piece, fuzzy=False) and not level_kind(word + piece + "指标", fuzzy=False)),
                      None)
            if at is None:
                break
            above[at] += piece
            moved += 1
        rest = [t for t in tokens[moved:] if t]
        if moved and (not rest or len(rest) >= MIN_ROW_TOKENS):
            out[k - 1], out[k] = _indent(out[k - 1]) + " ".join(above), _indent(line) + " ".join(tokens[moved:])
    return out


def _pieces_under_labels(above: str, line: str) -> tuple[str, str]:
    """经济效益 示范主体主推技术到位 … ⏎ (indented) 指标     率: pieces on an indented line, each starting
    under a label of the single-spaced row above that it completes into a known level label, are joined
    to it (blanked where they stood, so what else the line holds keeps its place)."""
    words = list(re.finditer(r"\S+", above))
    texts = [word.group() for word in words]
    starts = [display_width(above[:word.start()]) for word in words]
    changed = False
    for piece in re.finditer(r"[\u4e00-\u9fff]{1,6}", line):
        column = display_width(line[:piece.start()])
        if column not in starts:
            continue
        j = starts.index(column)
        if level_kind(texts[j] + piece.group(), fuzzy=False):
            texts[j] += piece.group()
            line = line[:piece.start()] + " " * display_width(piece.group()) + line[piece.end():]
            changed = True
    return (_indent(above) + " ".join(texts), line) if changed else (above, line)


def label_ends_below_joined(lines: list[str]) -> list[str]:
    """Aligned rows the layout reader left as they were (no tab row): level labels whose ends stand on
    the lines below, joined (see _label_ends_below_joined)."""
    out = list(lines)
    for k in range(1, len(out)):
        if "  " in out[k - 1].strip() and "\t" not in out[k - 1] and "|" not in out[k - 1] and out[k].strip():
            _label_ends_below_joined(out, k)
    return out


def _label_ends_below_joined(out: list[str], k: int) -> None:
    """满意度   服务对象  学生及家长满意度 … ⏎ 指标     满意度指 ⏎          标: under an aligned row, lines holding
    nothing but words, each starting under one of the row's cells, end those cells' level labels. Joined
    into the row when every word makes its cell a known level label (the row's later cells move right;
    the lines below are left empty)."""
    above = out[k - 1]
    words = list(re.finditer(r"\S+", above))
    starts = {display_width(above[:word.start()]): n for n, word in enumerate(words)}
    tails: dict[int, str] = {}
    below = k
    while below < len(out) and below - k < MAX_PIECE_LINES and out[below].strip():
        pieces = list(re.finditer(r"\S+", out[below]))
        if not all(_PIECE_RE.fullmatch(p.group()) and display_width(out[below][:p.start()]) in starts for p in pieces):
            break
        for piece in pieces:
            n = starts[display_width(out[below][:piece.start()])]
            tails[n] = tails.get(n, "") + piece.group()
        below += 1
    if below == k or not all(level_kind(words[n].group() + tail, fuzzy=False) for n, tail in tails.items()):
        return
    for n in sorted(tails, reverse=True):
        above = above[:words[n].end()] + tails[n] + above[words[n].end():]
    out[k - 1] = above
    for line in range(k, below):
        out[line] = ""


def labels_joined_on_lines(lines: list[str]) -> list[str]:
    """The passes before the table readers: row labels spread over their cell (总    分), labels printed
    down a narrow column (绩 ⏎ 效 ⏎ 指 ⏎ 标), level labels broken into the next line's start."""
    spread = [spaced_row_label_joined(line) for line in lines]
    return broken_labels_joined(vertical_labels_cleared(spread), printed=spread)


_SHORT_LEVEL_HEADER_RE = re.compile(r"(?:(?<=^)|(?<=\s))([一二三])级(?=\s|$)")
_CELL_GAP_RE = re.compile(r"\t|[ \u3000]{2,}")


def short_level_headers_in_full(lines: list[str]) -> list[str]:
    """一级   二级      三级指标   分值 …: a header line the layout reader left as words (its rows not
    aligned) naming the level columns short — said in full (一级指标 …) so the word reader knows them.
    Only a line holding both 一级 and 二级 as whole cells beside a header word (一级公路 is no cell)."""
    out = list(lines)
    for k, line in enumerate(lines):
        cells = [c for c in _CELL_GAP_RE.split(line.strip()) if c]
        words = line.split()
        if "一级" in cells and "二级" in cells and any(cell_kind(c) == "header" for c in cells):
            out[k] = _SHORT_LEVEL_HEADER_RE.sub(lambda m: m.group(1) + "级指标", line)
        elif "一级" in words and "二级" in words and all(w in _SHORT_LEVEL_WORDS or cell_kind(w) == "header" for w in words):
            # 一级 二级 三级指标 年度指标值 … ⏎ 指标 指标 及改进措施 (an OCR's single-spaced header): the second
            # line holds only the ends of the cells above — said with them, and the line left empty
            out[k] = _SHORT_LEVEL_HEADER_RE.sub(lambda m: m.group(1) + "级指标", line)
            if k + 1 < len(lines) and _header_tails(lines[k + 1].split(), words):
                out[k + 1] = ""
    return out


_SHORT_LEVEL_WORDS = ("一级", "二级", "三级")


def _header_tails(tails: list[str], heads: list[str]) -> bool:
    """指标 指标 及改进措施 under 一级 二级 … 偏差原因分析: each word completes a short level word or a
    header word above it into a header word."""
    return bool(tails) and all(t == "指标" and tails.count("指标") <= sum(h in _SHORT_LEVEL_WORDS for h in heads)
                               or any(cell_kind(h + t) == "header" for h in heads) for t in tails)


def _indent(line: str) -> str:
    return line[:len(line) - len(line.lstrip())]


def level_points_in_labels(lines: list[str]) -> list[str]:
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 …: a tab table printing each level's points in a
    column of their own after its label says them in the label's cell (投入 | 20 → 投入（20分）), the way
    most forms print them, and drops those columns — so a row's cells stand in the header's places and
    the labels' points can regroup rows a centred label was printed beside. Words in a level's points
    column are a label printed wider than its cell: the next level's (目标设定 | | 10 → 目标设定（10分）)."""
    out, k = list(lines), 0
    while k < len(out):
        pairs = _level_point_pairs(out[k])
        if not pairs:
            k += 1
            continue
        out[k] = _without_point_columns(out[k].split("\t"), pairs, len(out[k].split("\t")))
        k += 1
        while k < len(out) and ("\t" in out[k] or not out[k].strip()) and not _level_point_pairs(out[k]):
            if "\t" in out[k]:
                out[k] = _row_with_points_in_labels(out[k], pairs)
            k += 1
    return out


def _level_point_pairs(line: str) -> list[int]:
    """The level columns of a tab header line whose next column holds that level's points."""
    if "\t" not in line:
        return []
    fields = [header_field(cell.strip(), "indicator") for cell in line.split("\t")]
    if any(f is None for f in fields) or "name" not in fields or "weight" not in fields[fields.index("name"):]:
        return []
    return [k for k in range(len(fields) - 1) if fields[k] in ("level1", "level2") and fields[k + 1] == "weight"
            and k + 1 < fields.index("name")]


def _row_with_points_in_labels(line: str, pairs: list[int]) -> str:
    cells = line.split("\t")
    if cell_kind(cells[0].strip()) in ("total", "subtotal") or not cells[0].strip() and \
            any(cell_kind(c.strip()) in ("total", "subtotal") for c in cells[:2]):
        return line    # 合计 | 100 | … | 92: the table's sums, read as they stand
    width = len(cells)
    cells += [""] * (max(pairs) + 2 - len(cells))
    for label_at in pairs:
        points = cells[label_at + 1].strip()
        if points and cell_number(points) is None and not cells[label_at].strip() \
                and label_at + 2 in pairs and not cells[label_at + 2].strip():
            cells[label_at + 2], cells[label_at + 1] = points, ""    # a wide label spilt left of its column
            continue
        if points and cell_number(points) is not None and cells[label_at].strip():
            cells[label_at] = f"{cells[label_at].strip()}（{cell_number(points):g}分）"
    return _without_point_columns(cells, pairs, width)


def _without_point_columns(cells: list[str], pairs: list[int], width: int) -> str:
    kept = [cell for k, cell in enumerate(cells) if k - 1 not in pairs]
    dropped = len(cells) - len(kept)
    kept = kept[:max(width - dropped, max((k + 1 for k, c in enumerate(kept) if c.strip()), default=0))]
    return "\t".join(kept)


def scored_level_rows_as_tabs(lines: list[str]) -> list[str]:
    """一级指标 分值 得分 二级指标 分值 得分 三级指标 分值 得分 评分依据, its cells one space apart: each level
    prints its label, points and score in cells of their own, and a row opens with as many of those
    (label, points, score) groups as it starts levels. Such a table is said as tab rows the readers know
    (决策（15分） | 目标设定（6分） | 绩效目标合理性 | 3 | 2.5 | note); the levels' own scores are sums, left out."""
    out, k = list(lines), 0
    while k < len(out):
        levels = _scored_level_header(out[k])
        if levels is None:
            k += 1
            continue
        rest = [f for f in (header_field(w, "indicator") for w in out[k].split()[3 * (levels + 1):]) if f]
        out[k] = "\t".join(["一级指标", "二级指标"][:levels] + ["三级指标", "分值", "得分"] + ["评分依据"] * bool(rest))
        k += 1
        while k < len(out) and out[k].strip():
            row = _scored_level_row(out[k], levels)
            if row is None:
                break
            out[k] = row
            k += 1
    return out


_SCORED_GROUP = ("weight", "score")


def _scored_level_header(line: str) -> int | None:
    """How many level columns (1 or 2) stand before the name in such a header line, else None."""
    if "\t" in line or "|" in line:
        return None
    fields = [header_field(w, "indicator") for w in line.split()]
    for levels in (2, 1):
        expected = [f for kind in [*["level1", "level2"][:levels], "name"] for f in (kind, *_SCORED_GROUP)]
        if fields[:len(expected)] == expected and all(f in ("ignore", "reason") for f in fields[len(expected):]):
            return levels
    return None


def _scored_level_row(line: str, levels: int) -> str | None:
    """决策 15 12 目标设定 6 4.5 绩效目标合理性 3 2.5 依据… → 决策（15分）	目标设定（6分）	绩效目标合理性	3	2.5	依据…;
    None when the line does not open with such groups (the table has ended)."""
    words = line.split()
    groups = []
    while len(groups) <= levels and len(words) >= 3 + 3 * len(groups):
        label, points, score = words[3 * len(groups):3 * len(groups) + 3]
        if cell_number(label) is not None or cell_number(points) is None or cell_number(score) is None:
            break
        groups.append((label, points))
    if not groups or cell_kind(groups[0][0]) in ("total", "subtotal"):
        return None
    note = " ".join(words[3 * len(groups):])
    labels = [f"{label}（{cell_number(points):g}分）" for label, points in groups[:-1]]
    name, (weight, score) = groups[-1][0], words[3 * len(groups) - 2:3 * len(groups)]
    return "\t".join([""] * (levels - len(labels)) + labels + [name, weight, score] + [note] * bool(note))
