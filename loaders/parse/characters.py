"""Character-level cleanups of a report's text before any reader runs.

Decision: each pass changes characters within a line, never the lines, so line numbers stay the
reader's: Traditional characters become Simplified (only where Simplified text has another form), odd
spaces plain ones, a letter-spaced line is closed up, full-width digits become ASCII outside space-
aligned lines (there they hold the columns' places), a number is joined to its unit and a thousands
group set apart by a space is joined (96.31 % → 96.31%, 3 420.50万元), and OCR's letters inside numbers
and its °/o for % are read as meant. Each pass is general — a character class, a share of a line — and
leaves text that does not show the trait as written.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from loaders.parse.text import read_rows


# Share of Chinese characters that change under Traditional → Simplified conversion above
# which a text is taken for Traditional. Simplified text has a few such characters (乾, 著 …).
TRADITIONAL_SHARE = 0.05
DETECTION_SAMPLE = 4000   # characters: a title and a few paragraphs decide the script


@lru_cache(maxsize=1)
def _traditional_table() -> tuple[dict[int, int], re.Pattern]:
    """hanziconv's character map as a str.translate table, and a pattern of the characters it changes."""
    from hanziconv.charmap import simplified_charmap, traditional_charmap  # noqa: PLC0415

    table = {ord(t): ord(s) for t, s in zip(traditional_charmap, simplified_charmap)
             if t != s and (not _simplified_character(t) or t in _TRADITIONAL_ALSO_IN_GB2312)}
    return table, re.compile("[" + re.escape("".join(chr(c) for c in table)) + "]")


# hanziconv maps some characters that Simplified text uses as they are (呼和浩特 → 唿, 显著 → 着,
# 猛, 糊, 脊 …): a character of GB2312 is Simplified and kept, except these, which are Traditional forms
_TRADITIONAL_ALSO_IN_GB2312 = frozenset("後徵夥麽於")


def _simplified_character(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_CHINESE_RE = re.compile("[\u4e00-\u9fff]")


def simplified_if_traditional(text: str) -> tuple[str, bool]:
    """(text in Simplified characters, whether it was converted).

    Reports copied from mirror sites come in Traditional characters; every vocabulary here
    is Simplified. The conversion is character by character, so lengths and line numbers
    do not move; Simplified text is returned untouched (a blind conversion would turn 乾坤
    into 干坤)."""
    table, traditional = _traditional_table()
    sample = text[:DETECTION_SAMPLE]
    chinese = len(_CHINESE_RE.findall(sample))
    if not chinese or len(traditional.findall(sample)) / chinese < TRADITIONAL_SHARE:
        return text, False
    return text.translate(table), True


def written_characters(original: str, simplified: str) -> dict[str, str]:
    """Simplified character → the character the document writes in its place (the most frequent,
    since some Simplified characters stand for two Traditional ones, and a few are written as they
    are): from a text and its character-by-character conversion."""
    counts: dict[str, Counter] = {}
    for before, after in zip(original, simplified):
        counts.setdefault(after, Counter())[before] += 1
    return {after: most for after, written in counts.items() if (most := written.most_common(1)[0][0]) != after}


# Word and web pages put no-break and thin spaces where a space is meant, and zero-width marks
# inside words and numbers (1\u200b00); every reader splits cells on plain spaces. OCR reads a
# table's vertical rule as 丨 (a radical no report writes in its text): a border — a cell border
# on a line ruled by two or more of them, else a space.
_ODD_SPACES = str.maketrans({**{ch: " " for ch in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"},
                             **{ch: None for ch in "\u200b\u200c\u200d\u2060\ufeff"}})
OCR_RULE = "丨"


# a line break inside a table cell as a Word-to-Markdown converter writes it (按季度<br>拨付)
_CELL_BREAK_RE = re.compile(r"<br\s*/?>", re.I)


def plain_spaces(text: str) -> str:
    """No-break and thin spaces (and OCR's 丨) → a space; zero-width marks and <br> inside a cell
    dropped (line breaks untouched)."""
    text = _CELL_BREAK_RE.sub("", text.translate(_ODD_SPACES))
    if OCR_RULE not in text:
        return text
    return "\n".join(line.replace(OCR_RULE, "|" if line.count(OCR_RULE) >= 2 else " ") for line in text.split("\n"))


# PDFs set a space between a number and its unit (96.31 %, 10 分, 1,236.40 万元); prose readers match
# them joined. Only in lines that are not space-aligned columns (there a space is layout), and 分
# only as a unit (10 分别用于 is no score).
_UNIT_GAP_RE = re.compile(r"(?<=\d)[ \u3000]+(?=%|万元|亿元|元|分(?![别期批项类配布析解管级档成为摊]))")
_ALIGNED_RE = re.compile(r"\S {2,}\S")


def space_aligned(line: str) -> bool:
    """A line whose runs stand two or more spaces apart: columns a layout printer set (pdftotext -layout)."""
    return bool(_ALIGNED_RE.search(line))
# a thousands group set apart by a space instead of a comma, before a money unit: 3 420.50万元
_THOUSANDS_GAP_RE = re.compile(r"(?<![\d.,])(\d{1,3}) (\d{3}(?:\.\d+)?)(?=\s*(?:万元|亿元|元))")


def units_joined(text: str) -> str:
    """96.31 % → 96.31%, 10 分 → 10分, 3 420.50万元 → 3420.50万元 in every line that is no space-aligned
    table row; there, an amount cell 1 260.00 → 1260.00 (the space moved to the cell's end, so the
    columns stay)."""
    return "\n".join(_THOUSANDS_CELL_RE.sub(_cell_closed, line) if space_aligned(line)
                     else _THOUSANDS_GAP_RE.sub(r"\1\2", _UNIT_GAP_RE.sub("", line))
                     for line in text.split("\n"))


# an amount cell of a space-aligned row whose thousands group stands a space apart (OCR: l 260.00 — its
# leading 1 read as l): the whole cell between column gaps, with its two decimals
_THOUSANDS_CELL_RE = re.compile(r"(?:(?<=  )|(?<=^)|(?<=^ ))([\dlI]{1,3}) (\d{3}\.\d{2})(?=  |$)", re.M)


def _cell_closed(match: re.Match) -> str:
    return match.group(1) + match.group(2) + " "


# A PDF set with letter spacing comes out of a text extractor with a space between every character
# (项 目 支 出 绩 效 自 评 表, 全 年 预 算 数 为 …): in a line where nearly every pair of Chinese
# characters stands one space apart, those spaces are no word or cell borders.
_CJK_OR_MARK = "\u4e00-\u9fff，。：；、（）《》“”"
_SPACED_PAIR_RE = re.compile(rf"(?<=[{_CJK_OR_MARK}]) (?=[{_CJK_OR_MARK}])")
_CLOSE_PAIR_RE = re.compile(rf"[{_CJK_OR_MARK}](?=[{_CJK_OR_MARK}])")
LETTER_SPACED_SHARE = 0.8
MIN_LETTER_SPACED_PAIRS = 4


def letter_spacing_closed(text: str) -> str:
    """项 目 名 称 ： 某 某 工 程 → 项目名称：某某工程 in every line spaced letter by letter — in every
    line of a document spaced so throughout (its short cells too: 2.26万 人)."""
    lines = text.split("\n")
    if _letter_spaced(text, MIN_LETTER_SPACED_PAIRS * 5):
        return "\n".join(_SPACED_PAIR_RE.sub("", line) for line in lines)
    return "\n".join(_SPACED_PAIR_RE.sub("", line) if _letter_spaced(line, MIN_LETTER_SPACED_PAIRS) else line
                     for line in lines)


def _letter_spaced(text: str, at_least: int) -> bool:
    spaced = len(_SPACED_PAIR_RE.findall(text))
    return spaced >= at_least and spaced >= LETTER_SPACED_SHARE * (spaced + len(_CLOSE_PAIR_RE.findall(text)))


# Word documents often type numbers full width (２０２３年, ９５．５％); the readers below match ASCII
# digits, so digits, ％ and a full-width point between digits are made ASCII first. One character
# for one, so line numbers and offsets do not move; words, brackets and colons are left as written.
_FULLWIDTH_NUMBER = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%"})
_FULLWIDTH_POINT_RE = re.compile(r"(?<=\d)．(?=[\dOlI])|(?<=[\dOlI])．(?=\d)")   # OCR: 2．l


def halfwidth_numbers(text: str) -> str:
    """２０２３年度 → 2023年度, ９５．５％ → 95.5%; everything else as written. A space-aligned line
    (pdftotext -layout) keeps its full-width digits: they hold its columns' places, and the
    readers of such lines fold them themselves."""
    return "\n".join(line if space_aligned(line) else _FULLWIDTH_POINT_RE.sub(".", line.translate(_FULLWIDTH_NUMBER))
                     for line in text.split("\n"))


# A run of digits, OCR's look-alike letters (O o → 0, l I → 1) and the separators between them; a
# Latin letter on either side makes it a word or a code (CO2, IPv6), never a number.
_OCR_RUN_RE = re.compile(r"(?<![A-Za-z])[\dOolI](?:[\dOolI]|[.,·](?=[\dOolI]))*(?![A-Za-z])")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "·": "."})
# ≥ read by OCR as 》 before a number (》150处); a 》 closing a 《title》 on the line is left alone
_OCR_PERCENT_RE = re.compile(r"(?<=\d)\s?[°º]\s?/\s?[oO0](?![A-Za-z0-9])")   # 97.93°/o: a percent sign OCR read as °/o
_OCR_YUAN_RE = re.compile(r"(?<=[万亿\d（(])兀")   # （万兀） / 300兀: 元 read as 兀 where only a unit stands
_OCR_ANGLE_GE_RE = re.compile(r"〉\s?=(?=\s*\d)")   # 〉=1 860公里: OCR read the sign ≥ as 〉 and =
_OCR_ANGLE_LE_RE = re.compile(r"〈\s?=(?=\s*\d)")
_OCR_GE_RE = re.compile(r"》(?=\s*\d)")
# a cell's lone 0 OCR read as the letter (O起 / o次): set apart, before a counting unit
_OCR_LONE_ZERO_RE = re.compile(r"(?<![A-Za-z\d.])(?:(?<=[\s|=≤≥<>])|^)[Oo](?=[起次人个件项例宗][\s|]|[起次人个件项例宗]$)", re.M)
# a speck read as · or • after a number at the end of a cell (20 ·⇥): blanked, lengths kept
_STRAY_MARK_RE = re.compile(r"(?<=\d)[ \u3000]+[·•](?=[ \u3000]*(?:\t|\||$))", re.M)


# a number OCR read with spaces between its characters, alone in a ruled cell (| 9 7 . 1 5 % |)
_SPLIT_NUMBER_CELL_RE = re.compile(r"(?<=\|)( *)(\d[\d.]*(?: [\d.%]+)+)( *)(?=\|)")
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?%?$")


def split_cell_numbers_joined(text: str) -> str:
    """| 5 6 . 8 3 | → | 56.83     |: a ruled cell holds one value, so digits spaced apart in it are
    one number (kept only when the joining is a number); the cell keeps its width."""
    def join(match: re.Match) -> str:
        joined = match.group(2).replace(" ", "")
        if not _NUMBER_RE.match(joined):
            return match.group()
        return match.group(1) + joined + " " * (len(match.group(2)) - len(joined)) + match.group(3)
    return _SPLIT_NUMBER_CELL_RE.sub(join, text) if "|" in text else text


# a line that is only a number OCR read with a space after every character (3 1 5 0亩, 9 8 . 4 %)
_SPACED_NUMBER_LINE_RE = re.compile(
    r"^([ \u3000]*)([\dOolI](?: (?:[\d.OolI]|\.\d+))+)( ?)([%％]|[\u4e00-\u9fff][\u4e00-\u9fff/]{0,5})?([ \u3000]*)$", re.M)
MIN_SPACED_CHARACTERS = 3   # 2 0 alone may be two cells (分值 2, 得分 0); 1 6家 and 1 9 6 . 8 are one value;
                            # 1 O too (OCR's letter for 0 is no score of its own)


def spaced_number_lines_joined(text: str) -> str:
    """A line holding only a number spaced apart character by character is that number (the line's
    length kept: the spaces move to its end)."""
    def join(match: re.Match) -> str:
        spaced, unit = match.group(2), match.group(4) or ""
        joined = spaced.replace(" ", "").translate(_OCR_DIGITS)     # 2 O O: OCR's O for 0
        if not re.search(r"\d", spaced) or not _NUMBER_RE.match(joined) \
                or (len(spaced.split(" ")) < MIN_SPACED_CHARACTERS and not unit and not re.search(r"[Oo]$", spaced)):
            return match.group()
        removed = len(spaced) - len(joined) + len(match.group(3))
        return match.group(1) + joined + unit + " " * removed + match.group(5)
    return _SPACED_NUMBER_LINE_RE.sub(join, text)


# a decimal point OCR set apart from both its digits (2 . 5): no cell is a point alone
_SPACED_POINT_RE = re.compile(r"(\d) \. (\d+)")
# in a scan, a decimal's digits OCR set apart after its point, ending the line or before % (总分 100 95. 5,
# 93. 5%): no cell ends with a point
_SPACED_DECIMALS_RE = re.compile(r"(?<![\d.])(\d{1,3})\. (\d{1,2})(?=[%％]|[ \t]*$)", re.M)
# a number's leading digits OCR set apart from the rest (1 00%): no number opens with 0 before a digit
_SPLIT_BEFORE_ZERO_RE = re.compile(r"(?<![\d.])(\d{1,3}) (0\d+(?:\.\d+)?[%％])")
# the comparison signs a scan's number may open with, OCR's readings of ≥ / ≤ among them
_SIGNS = "≤≥<>工^$W"
_SIGN = "[" + re.escape(_SIGNS) + "]"
# a number OCR read character by character inside a sentence, its unit after it (得分为 8 8 . 0 3 分)
# (a sign OCR wrote before it is kept on it, so the closing-up spaces go before both: ≤5 6 0万元 → "  ≤560万元";
# an l for its first 1 too: l 2 8 6个)
_SPACED_NUMBER_BEFORE_UNIT_RE = re.compile(rf"(?<![\d.A-Za-z])({_SIGN}?[\dlI](?: (?:\d\.\d|\.\d|[\d.])){{2,}})(?= ?(?:分|%|％|万|亿|元))"
                                           # before a counting unit four characters at least: 6 4 3个小区 is
                                           # 分值 6, 得分 4 and a reason (three after a sign: 工3 0 0起)
                                           r"|(?<![\d.A-Za-z])([\dlI](?: [\d.]){3,})(?=公里|[人户个家次场所座处亩吨台套件起册名])"
                                           rf"|(?<![\d.])({_SIGN}\d(?: [\d.]){{2,}})(?=公里|[人户个家次场所座处亩吨台套件起册名])"
                                           # two digits: spaced from their unit too (9 6 %), or after a sign, OCR's too (≤1 2元, 工9 0%)
                                           rf"|(?<![\d.])({_SIGN}?\d \d)(?= (?:%|％|万元|元|分)(?![\d]))"
                                           rf"|(?<![\d.])({_SIGN}\d \d)(?=%|％|万元|元|公里|[人户个家次场所座处亩吨台套件起册名])")


# ≥3500户 3 672户: a target, then its actual OCR split like a thousands group, the unit said again
_SPLIT_ACTUAL_RE = re.compile(r"(?<![\d.])([≥≤<>]?)(\d+(?:\.\d+)?)([\u4e00-\u9fff]{1,3}) (\d{1,3}) (\d{3})(?=\3)")
NEAR_TARGET = (0.5, 2.0)    # an actual lies within half and twice its target; the piece after the gap alone does not
# 工90% 9 1%: a percent target, then its actual split after its first digit
_SPLIT_PERCENT_RE = re.compile(rf"(?<![\d.])([{_SIGNS}S]?)(\d+(?:\.\d+)?)(%) (\d) (\d(?:\.\d+)?)(?=%)")


def _split_actual_joined(match: re.Match) -> str:
    """3 672 joined when 3672 lies near the target and 672 does not (a weight of 10 before an actual of 200人
    stays: ≥200人 10 200人 — 10200 is nowhere near 200)."""
    target, head, tail = float(match.group(2)), match.group(4), match.group(5)
    low, high = NEAR_TARGET
    joined, piece = float(head + tail), float(tail)
    if not target or not low <= joined / target <= high or low <= piece / target <= high:
        return match.group()
    return f"{match.group(1)}{match.group(2)}{match.group(3)}  {head}{tail}"


def _spaced_number_joined(match: re.Match) -> str:
    """The number closed up, its length kept: the spaces go after it when its unit stood apart (8 8 . 0 3 分),
    else before it (1 5 0 2 6人, ≤1 2元: the unit stays on the number, the sign too)."""
    spaced = next(group for group in match.groups() if group)
    joined = spaced.replace(" ", "")
    if joined[:1] in "lI":
        joined = joined.translate(_OCR_DIGITS)
    if not _NUMBER_RE.match(joined.lstrip(_SIGNS)):
        return match.group()
    pad = " " * (len(spaced) - len(joined))
    signed = joined[:1] in _SIGNS or (match.start() and match.string[match.start() - 1] in _SIGNS)
    if match.string[match.end():match.end() + 1] == " " and not signed:
        return joined + pad
    return pad + joined


# a row's 分值 and 得分 OCR read one character apart (已完成 1 0 1 0 / 1768人 2 0 2 0): four characters at
# least, after a value that is no bare number, ending the line or before a reason's words
_SPACED_POINTS_RE = re.compile(r"(?<=[^\d\s.] )(\d(?: [\d.]){3,})(?=[ \u3000]+[^\d\s.%]|[ \u3000]*$)", re.M)
MAX_WEIGHT = 100
_OCR_SIGN_RE = re.compile(r"(?:^|[\s|])[工\^$]\s?\d", re.M)


def _points_split(spaced: str) -> tuple[str, str] | None:
    """1 0 1 0 → (10, 10): the one way to cut the characters into a weight and a score (no number opening
    with 0 before a digit, the score within the weight, the weight within 100), else None."""
    joined = spaced.replace(" ", "")
    ways = []
    for cut in range(1, len(joined)):
        weight, score = joined[:cut], joined[cut:]
        if not all(re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", part) for part in (weight, score)):
            continue
        if float(score) <= float(weight) <= MAX_WEIGHT:
            ways.append((weight, score))
    return ways[0] if len(ways) == 1 else None


# in an aligned row, a two-digit weight OCR split in its column before the score (维修养护集中供水工程  工45处
# 48处  1 5   15): columns stand two spaces apart at least, so one space inside a column splits a number
_SPACED_WEIGHT_RE = re.compile(r"(?<=[ \u3000]{2})(\d) (\d)(?=  +(\d+(?:\.\d+)?)(?:  |[ \u3000]*$))", re.M)


# a full-score row's weight OCR split before its equal score (1236批次  1 5 15): the two digits read as one
# make the score after them — three numbers where a row holds two
_SPLIT_FULL_WEIGHT_RE = re.compile(r"([^\d\s.][ \u3000]+)([1-9]) (\d)( +)(\d{2})(?=[ \u3000]+[^\d\s.%]|[ \u3000]*$)", re.M)


# and a full score split after its equal weight (124个        10    1 0)
_SPLIT_FULL_SCORE_RE = re.compile(r"(?<=[^\d\s.][ \u3000])([ \u3000]*)(\d{2})([ \u3000]+)([1-9]) (\d)(?=[ \u3000]+[^\d\s.%]|[ \u3000]*$)", re.M)


def spaced_points_joined(text: str) -> str:
    """In a scan whose other numbers OCR also spaced apart, a row's weight and score read one character
    apart are closed up when only one cut makes them a weight and a score; a weight split in its aligned
    column is closed up when it is not below the score after it (the line's length kept)."""
    def join(match: re.Match) -> str:
        split = _points_split(match.group(1))
        if split is None:
            return match.group()
        closed = f"{split[0]} {split[1]}"
        return closed + " " * (len(match.group(1)) - len(closed))

    def join_weight(match: re.Match) -> str:
        weight = int(match.group(1) + match.group(2))
        return f"{weight} " if match.group(1) != "0" and float(match.group(3)) <= weight <= MAX_WEIGHT else match.group()
    def join_full_weight(match: re.Match) -> str:
        before, tens, units, gap, score = match.groups()
        return f"{before}{tens}{units} {gap}{score}" if tens + units == score else match.group()
    def join_full_score(match: re.Match) -> str:
        lead, weight, gap, tens, units = match.groups()
        return f"{lead}{weight}{gap}{tens}{units} " if tens + units == weight else match.group()
    text = _SPLIT_FULL_SCORE_RE.sub(join_full_score, _SPLIT_FULL_WEIGHT_RE.sub(join_full_weight, text))
    return _SPACED_WEIGHT_RE.sub(join_weight, _SPACED_POINTS_RE.sub(join, text))


# in a scan's aligned row (cells two spaces apart at least), a cell OCR read one character apart: a decimal
# (8 5 . O O, 9 3 . 6 5 %, 99. 5: a point is never a cell of its own) or a count with its unit (1 2 6场)
_SPACED_DECIMAL_CELL_RE = re.compile(r"(?<=  )([\dOolI]{1,3}(?: [\dOolI]{1,3}){0,5} ?\. ?[\dOolI]{1,2}(?: [\dOolI]){0,3})(?= ?%| {2,}|[ \u3000]*$)", re.M)
_SPACED_COUNT_CELL_RE = re.compile(r"(?<=  )(\d(?: \d){1,5})(?=[\u4e00-\u9fff%]{1,3}(?: {2,}|[ \u3000]*$))", re.M)
# or a round score closing a row after words (…完成目标得满分      1 0): as two cells it would be a weight of 1
# and a score of 0 after a reason, which a row never holds
_SPACED_ROUND_CELL_RE = re.compile(r"(?<=[\u4e00-\u9fff。）)] {2})( *[1-9](?: [0Oo]){1,2})(?=[ \u3000]*$)", re.M)


def spaced_cells_joined(text: str) -> str:
    """8 5 . O O → 85.00, 1 2 6场 → 126场, …得满分   1 0 → 10 in a scan's aligned rows (the spaces go before the number, so the
    line keeps its length and the number its unit)."""
    def join(match: re.Match) -> str:
        spaced = match.group(1)
        joined = spaced.replace(" ", "").translate(_OCR_DIGITS)
        if " " not in spaced or not re.search(r"\d", spaced) or not _NUMBER_RE.match(joined):
            return spaced     # (99.5 as printed: nothing to join)
        return " " * (len(spaced) - len(joined)) + joined     # (next to its unit or % still)
    return _SPACED_ROUND_CELL_RE.sub(join, _SPACED_COUNT_CELL_RE.sub(join, _SPACED_DECIMAL_CELL_RE.sub(join, text)))


@lru_cache(maxsize=1)
def _ocr_characters() -> dict[int, str]:
    """岀 → 出, 畺 → 量: glyphs OCR reads for common characters (loaders/data/ocr_characters.csv)."""
    return str.maketrans({row["read"]: row["meant"] for row in read_rows("ocr_characters.csv")})


def ocr_digits_fixed(text: str) -> tuple[str, bool]:
    """(text with OCR's letters inside numbers put right — 9l.2分 → 91.2分, 3O5·76 → 305.76,
    》9O% → ≥90% —, whether anything changed). Only a run holding a real digit is touched;
    lengths do not move, so line numbers and offsets stay those of the reader."""
    def fix_run(match: re.Match) -> str:
        run = match.group()
        digits, letters = len(re.findall(r"\d", run)), len(re.findall(r"[OolI]", run))
        opens_or_ends_with_digit = run[0].isdigit() or run[-1].isdigit()
        if not digits or (digits < letters and not opens_or_ends_with_digit and not re.search(r"[.,·]", run)):
            return run   # O2O is a word; 1OO and l44.OO are numbers
        fixed = run.translate(_OCR_DIGITS)
        # a number never opens with 0 before a digit: O76% is a stray O (a cell border) before 76%
        return run[0] + fixed[1:] if run[0] in "Oo" and re.match(r"0\d", fixed) else fixed

    fixed = _OCR_RUN_RE.sub(fix_run, text)
    # a scan's text: OCR's marks elsewhere (a number spaced before its unit, a letter read in a number,
    # ≥ read as 工 / ^ / $) — only there is a row's spaced weight and score read as split numbers
    scan = fixed != text or bool(_SPACED_NUMBER_BEFORE_UNIT_RE.search(fixed) or _OCR_SIGN_RE.search(fixed))
    fixed = _STRAY_MARK_RE.sub(lambda m: " " * len(m.group()), fixed)
    fixed = _OCR_PERCENT_RE.sub("%", fixed)
    fixed = _OCR_YUAN_RE.sub("元", fixed)
    fixed = _OCR_LONE_ZERO_RE.sub("0", fixed)
    fixed = _OCR_ANGLE_GE_RE.sub("≥", _OCR_ANGLE_LE_RE.sub("≤", fixed))
    fixed = "\n".join(line if "《" in line else _OCR_GE_RE.sub("≥", line) for line in fixed.split("\n"))
    fixed = spaced_number_lines_joined(split_cell_numbers_joined(fixed))
    if scan:    # (an aligned cell first: the unit joiner below would take 1 2 6场's last digits alone)
        fixed = spaced_cells_joined(fixed)
    fixed = _SPACED_NUMBER_BEFORE_UNIT_RE.sub(_spaced_number_joined, fixed)
    if scan:    # (after the unit joiner: 1 2 0 0人 is one value, not points)
        fixed = spaced_points_joined(fixed).translate(_ocr_characters())
        fixed = _SPLIT_ACTUAL_RE.sub(_split_actual_joined, fixed)
        fixed = _SPLIT_PERCENT_RE.sub(_split_actual_joined, fixed)
        fixed = _SPACED_DECIMALS_RE.sub(lambda m: f" {m.group(1)}.{m.group(2)}", fixed)   # (its % kept on it)
    fixed = _SPACED_POINT_RE.sub(lambda m: f"{m.group(1)}.{m.group(2)}  ", fixed)
    fixed = _SPLIT_BEFORE_ZERO_RE.sub(lambda m: f" {m.group(1)}{m.group(2)}", fixed)
    return fixed, fixed != text
