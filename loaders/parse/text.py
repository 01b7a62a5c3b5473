"""Normalised views of a document's text for the document-level parsers.

Decision: the lines handed to every parser are the decoded lines as written (only
line ends unified), so line numbers in provenance are the reader's line numbers.
Matching happens on a second view, `TextIndex.text`: each line NFKC-normalised
(full-width digits, （）％： become ASCII) and joined with "\n", so a pattern may run
across the line breaks that PDFs and Word copies put inside sentences, and every
match maps back to its 1-based line span.
"""
from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.records import Span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def split_lines(text: str) -> list[str]:
    """Decoded text → lines as written (CRLF / CR unified, BOM dropped); lines[0] is line 1."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


# What a PDF or a scan leaves between the rows of a table at a page break: a page number printed
# as — 3 — / - 3 - / 第3页 共12页, and the form feed itself. Bare digits are no page mark: a lone
# "20" line may be a score cell.
PAGE_MARK_RE = re.compile(r"^\s*(?:[—\-–－]+\s*\d{1,3}\s*[—\-–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*$")


# A text where nearly every line is followed by an empty one was written double-spaced (a web page
# or an export putting a paragraph mark after each cell); its single empty lines mean nothing.
DOUBLE_SPACED_SHARE = 0.8
DOUBLE_SPACED_MIN_LINES = 10


def lines_to_read(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """(the lines the readers see, the 1-based first and last line each comes from in `lines`):
    without page numbers, form feeds and the running head a PDF repeats at the top of each page, so
    a table broken by a page reads as one; without the single empty lines of a double-spaced text;
    with a paragraph a PDF broke at the page width joined again. The line numbers give spans back in
    the document's own lines."""
    kept, page_starts, new_page = [], [], False
    for number, line in enumerate(lines, start=1):
        new_page = new_page or "\f" in line
        line = line.replace("\f", "")
        if PAGE_MARK_RE.match(line):
            new_page = True
            continue
        if not line.strip():
            if "\f" not in lines[number - 1]:
                kept.append((number, line))
            continue
        if new_page:
            page_starts.append(len(kept))
            new_page = False
        kept.append((number, line))
    kept = _without_running_heads(kept, page_starts)
    if _double_spaced([line for _, line in kept]):
        kept = _halved_empty_runs(kept)
    joined = _rejoined_wrapped_prose([(number, number, line) for number, line in kept])
    return [line for _, _, line in joined], [(first, last) for first, last, _ in joined]


RUNNING_HEAD_LINES = 2     # a page's running head is its first line or two
MIN_RUNNING_HEAD_CHARS = 6
TOP_LINES = 3              # the document's own title stands in its first lines


def _without_running_heads(kept: list[tuple[int, str]], page_starts: list[int]) -> list[tuple[int, str]]:
    """A line standing first (or second) on two or more pages, or on a page and in the document's first
    lines, is the running head a PDF repeats (the report's title): its repeats at the page tops go."""
    top = [line.strip() for _, line in kept[:TOP_LINES] if line.strip()][:TOP_LINES]
    tops = [[k for k in range(start, min(start + RUNNING_HEAD_LINES, len(kept)))] for start in page_starts]
    seen = Counter(kept[k][1].strip() for page in tops for k in page)
    # a title, never a short cell or a number that happens to open two pages
    heads = {text for text, count in seen.items()
             if len(text) >= MIN_RUNNING_HEAD_CHARS and not re.search(r"\d\s*$", text) and (count >= 2 or text in top)}
    drop = {k for page in tops for k in page if kept[k][1].strip() in heads}
    return [item for k, item in enumerate(kept) if k not in drop]


# A PDF's text breaks every paragraph at the page width: many prose lines of (nearly) one width.
_PROSE_LINE_RE = re.compile(r"[\u4e00-\u9fff]")
MIN_WRAPPED_LINES = 3          # lines at the page width before a document counts as hard-wrapped
WRAPPED_SHARE = 0.2            # of its prose lines
WIDTH_SLACK = 3                # display columns short of the width a full line may stop
_SENTENCE_END_RE = re.compile(r"[。；！？:：]$")
_CLAUSE_MARK_RE = re.compile(r"[，。、；]")
MAX_SPACES_IN_PROSE = 2        # a PDF's spaces around a number; a table row of words has more
_SPACE_RE = re.compile(r"[ \u3000]+")
_NEW_ITEM_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑩])")


def _rejoined_wrapped_prose(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A prose line that runs to the page width and ends mid-sentence goes on in the next line (全年
    预算数1,250.00 / 万元，…): the two are one line again — never a table row, a heading or a new item."""
    texts = [text for _, _, text in lines]
    widths = [w for w in (_wrap_width(texts, display_width),) if w]
    if not widths:
        return lines
    out: list[tuple[int, int, str]] = []
    for first, last, text in lines:
        previous = out[-1][2] if out else ""
        if out and _runs_to_the_width(previous, widths) and _continues_prose(text):
            out[-1] = (out[-1][0], last, previous.rstrip() + text.strip())
        else:
            out.append((first, last, text))
    return out


def _prose(text: str) -> bool:
    """A line of sentences: Chinese with a comma or a full stop, no cell borders (tabs, pipes, the
    spaces of a table row)."""
    return bool(_PROSE_LINE_RE.search(text)) and bool(_CLAUSE_MARK_RE.search(text)) and _plain(text.strip())


def _wrap_width(lines: list[str], measure) -> tuple | None:
    """(measure, width) a hard-wrapped text breaks its prose at — in display columns, as a PDF sets
    the page width — else None."""
    widths = [measure(text.strip()) for text in lines if _prose(text) and len(text.strip()) >= 15]
    if not widths:
        return None
    width = max(set(widths), key=lambda w: (sum(1 for v in widths if abs(v - w) <= 1), w))
    near = sum(1 for w in widths if abs(w - width) <= WIDTH_SLACK)
    return (measure, width) if near >= MIN_WRAPPED_LINES and near >= WRAPPED_SHARE * len(widths) else None


def _runs_to_the_width(text: str, widths: list[tuple]) -> bool:
    """A line filled to the page width that stops mid-sentence (it may hold no comma yet: 根据《…通知》（临财绩)."""
    body = text.strip()
    return _plain(body) and bool(_PROSE_LINE_RE.search(body)) and not _SENTENCE_END_RE.search(body) \
        and any(measure(body) >= width - WIDTH_SLACK for measure, width in widths)


def _continues_prose(text: str) -> bool:
    """The next line goes on with the sentence: no new item, no table row (the paragraph's last
    line may be short and hold no comma, or no Chinese: .6%。)."""
    body = text.strip()
    words = bool(_PROSE_LINE_RE.search(body)) or bool(_CLAUSE_MARK_RE.search(body))
    return bool(body) and words and _plain(body) and not _NEW_ITEM_RE.match(body)


def _plain(body: str) -> bool:
    """No cell borders: no tab, no pipe, no more spaces than a PDF sets around numbers."""
    return "\t" not in body and "|" not in body and len(_SPACE_RE.findall(body)) <= MAX_SPACES_IN_PROSE


def display_width(text: str) -> int:
    """Columns a printer gives the text: a Chinese or full-width character two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _halved_empty_runs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Double spacing doubled every line break: a run of k empty lines was k // 2 of them."""
    out, run = [], []
    for item in lines:
        if not item[1].strip():
            run.append(item)
            continue
        out += run[: len(run) // 2] + [item]
        run = []
    return out + run[: len(run) // 2]


def _double_spaced(lines: list[str]) -> bool:
    """Nearly every written line is followed by an empty one."""
    written = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    spaced = sum(1 for i in written if not lines[i + 1].strip())
    return len(written) >= DOUBLE_SPACED_MIN_LINES and spaced >= DOUBLE_SPACED_SHARE * len(written)


def normalise(text: str) -> str:
    """NFKC: full-width forms → ASCII, compatibility ideographs → standard ones."""
    return unicodedata.normalize("NFKC", text)


def compact(text: str) -> str:
    """Without any white space: undoes line-wrap spaces inside words ("优 秀", "2022 年")."""
    return re.sub(r"\s+", "", text)


@dataclass
class TextIndex:
    """The normalised document (lines joined by "\n") and the offset of each line start."""
    lines: list[str]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    _numbered: list[tuple[int, str]] = field(default_factory=list, repr=False)
    memo: dict[str, object] = field(default_factory=dict, repr=False)   # views computed once per document

    def __post_init__(self) -> None:
        normalised = [normalise(line) for line in self.lines]
        offset = 0
        for line in normalised:
            self.starts.append(offset)
            offset += len(line) + 1
        self.text = "\n".join(normalised)

    def line_of(self, offset: int) -> int:
        """1-based line number holding the character at `offset`."""
        return bisect.bisect_right(self.starts, offset)

    def span_of(self, start: int, end: int) -> Span:
        """1-based inclusive line span of text[start:end]."""
        return (self.line_of(start), self.line_of(max(start, end - 1)))

    def line(self, number: int) -> str:
        """The normalised text of 1-based line `number`."""
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]

    def numbered_lines(self) -> list[tuple[int, str]]:
        """(1-based line number, normalised line) for every line."""
        if not self._numbered:
            self._numbered = [(i + 1, line) for i, line in enumerate(self.text.split("\n"))]
        return self._numbered


@lru_cache(maxsize=None)
def read_terms(csv_name: str, column: str = "term") -> tuple[str, ...]:
    """One column of a vocabulary CSV in loaders/data, in file order."""
    with (DATA_DIR / csv_name).open(encoding="utf-8") as fh:
        return tuple(row[column] for row in csv.DictReader(fh) if row[column])


@lru_cache(maxsize=None)
def read_rows(csv_name: str) -> tuple[dict[str, str], ...]:
    """All rows of a vocabulary CSV in loaders/data, in file order."""
    with (DATA_DIR / csv_name).open(encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(line for line in fh if not line.startswith("#")))


def alternation(terms: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal terms, longest first (so 部门预算总金额 beats 预算)."""
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


class Offsets:
    """Maps an offset in a compacted text back to the original: runs of kept characters
    keep their order, so a bisect over the run starts is enough (no per-character list)."""

    def __init__(self, run_starts: list[int], compact_starts: list[int]) -> None:
        self.run_starts, self.compact_starts = run_starts, compact_starts

    def __getitem__(self, offset: int) -> int:
        i = max(0, bisect.bisect_right(self.compact_starts, offset) - 1)
        return self.run_starts[i] + offset - self.compact_starts[i]


ALL_WHITE_SPACE = r"\s+"
SPACES_AND_TABS = r"[^\S\n]+"           # a cell at the end of a line stays apart from the next line
LINE_BREAKS = r"[^\S\n]*\n\s*"        # a cell broken over lines is rejoined; cells on a line stay apart


def compact_with_offsets(text: str, *, keep_newlines: bool = False,
                         removed: str | None = None) -> tuple[str, Offsets]:
    """`compact(text)` plus a map from its offsets to offsets in `text` (to map matches back).

    keep_newlines=True drops only spaces and tabs; `removed` names another pattern to drop."""
    removed = removed or (SPACES_AND_TABS if keep_newlines else ALL_WHITE_SPACE)
    runs = list(re.finditer(removed, text))
    pieces, run_starts, compact_starts, position, length = [], [], [], 0, 0
    for gap in runs + [None]:
        end = gap.start() if gap else len(text)
        if end > position:
            pieces.append(text[position:end])
            run_starts.append(position)
            compact_starts.append(length)
            length += end - position
        position = gap.end() if gap else position
    return "".join(pieces), Offsets(run_starts or [0], compact_starts or [0])


class CompactView:
    """The document without white space, for prose that Word/PDF copies break inside words
    ("项\\n目支出 2919.81 万元"); offsets map back to lines of the TextIndex."""

    def __init__(self, index: TextIndex, removed: str = ALL_WHITE_SPACE) -> None:
        self.index = index
        self.text, self.offsets = compact_with_offsets(index.text, removed=removed)

    def line_of(self, offset: int) -> int:
        return self.index.line_of(self.offsets[min(offset, max(len(self.text) - 1, 0))])

    def span_of(self, start: int, end: int) -> Span:
        return self.index.span_of(self.offsets[start], self.offsets[max(start, end - 1)] + 1)


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


# Word and web pages put no-break and thin spaces where a space is meant, and zero-width marks
# inside words and numbers (1\u200b00); every reader splits cells on plain spaces.
_ODD_SPACES = str.maketrans({**{ch: " " for ch in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"},
                             **{ch: None for ch in "\u200b\u200c\u200d\u2060\ufeff"}})


def plain_spaces(text: str) -> str:
    """No-break and thin spaces → a space; zero-width marks dropped (line breaks untouched)."""
    return text.translate(_ODD_SPACES)


# PDFs set a space between a number and its unit (96.31 %, 10 分, 1,236.40 万元); prose readers match
# them joined. Only in lines that are not space-aligned columns (there a space is layout), and 分
# only as a unit (10 分别用于 is no score).
_UNIT_GAP_RE = re.compile(r"(?<=\d)[ \u3000]+(?=%|万元|亿元|元|分(?![别期批项类配布析解管级档成为摊]))")
_ALIGNED_RE = re.compile(r"\S {2,}\S")


def units_joined(text: str) -> str:
    """96.31 % → 96.31%, 10 分 → 10分 in every line that is no space-aligned table row."""
    return "\n".join(line if _ALIGNED_RE.search(line) else _UNIT_GAP_RE.sub("", line) for line in text.split("\n"))


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
    """２０２３年度 → 2023年度, ９５．５％ → 95.5%; everything else as written."""
    return _FULLWIDTH_POINT_RE.sub(".", text.translate(_FULLWIDTH_NUMBER))


# A run of digits, OCR's look-alike letters (O o → 0, l I → 1) and the separators between them; a
# Latin letter on either side makes it a word or a code (CO2, IPv6), never a number.
_OCR_RUN_RE = re.compile(r"(?<![A-Za-z])[\dOolI](?:[\dOolI]|[.,·](?=[\dOolI]))*(?![A-Za-z])")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "·": "."})
# ≥ read by OCR as 》 before a number (》150处); a 》 closing a 《title》 on the line is left alone
_OCR_GE_RE = re.compile(r"》(?=\s*\d)")
# a speck read as · or • after a number at the end of a cell (20 ·⇥): blanked, lengths kept
_STRAY_MARK_RE = re.compile(r"(?<=\d)[ \u3000]+[·•](?=[ \u3000]*(?:\t|\||$))", re.M)


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
    fixed = _STRAY_MARK_RE.sub(lambda m: " " * len(m.group()), fixed)
    fixed = "\n".join(line if "《" in line else _OCR_GE_RE.sub("≥", line) for line in fixed.split("\n"))
    return fixed, fixed != text
