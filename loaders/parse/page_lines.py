"""The lines a report's readers see: what a PDF or an export adds between and inside them, undone.

Decision: the document's own lines stay the ones provenance points to; the readers get a cleaned
copy and, for each of its lines, the first and last document line it came from. Taken out: page
numbers and form feeds (a table broken by a page reads as one; a bare number far from the margin
counts only with the title again after it), the running head a PDF repeats atop each page, the
single empty lines of a double-spaced text. Joined: a paragraph a PDF broke at the page width (never
a title, a label line, a new item or a table row). Each step is judged on the whole document (a
width, a share of lines, a line seen atop two pages), never on one line alone, so a short form is
left as written. Pure: lines in, lines out.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter


# What a PDF or a scan leaves between the rows of a table at a page break: a page number printed
# as — 3 — / - 3 - / 第3页 共12页, and the form feed itself. Bare digits are no page mark: a lone
# "20" line may be a score cell.
PAGE_MARK_RE = re.compile(r"^\s*(?:[—\-–－]+\s*\d{1,3}\s*[—\-–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*$")
# A page's footer: the unit (or the form's name) set apart from its page mark by a wide gap
# (XX林业和草原局          第 1 页 共 2 页), and the rule a PDF draws above it.
_PAGE_MARK = r"第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?"
# (one space apart too when the unit's words hold no sentence mark: 邳州市退役军人事务局 第 1 页)
PAGE_FOOTER_RE = re.compile(rf"^\s*(?:[^\d\s][^\d]{{1,40}}?\s{{4,}}{_PAGE_MARK}|{_PAGE_MARK}\s{{4,}}[^\d\s][^\d]{{1,40}}?"
                            rf"|[^\d\s，。；：,;:][^\d，。；：,;:]{{1,40}}?\s{_PAGE_MARK})\s*$")
_RULE_LINE_RE = re.compile(r"^\s*[─━—_=－-]{10,}\s*$")


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
    kept, page_starts, new_page, after_mark = [], [], False, False
    top = {line.strip() for line in [line for line in lines if line.strip()][:TOP_LINES]}
    for number, line in enumerate(lines, start=1):
        new_page = new_page or "\f" in line
        line = line.replace("\f", "")
        if PAGE_MARK_RE.match(line) or PAGE_FOOTER_RE.match(line) or _bare_page_number(lines, number, top):
            new_page = True
            margin = False
            while kept and (_RULE_LINE_RE.match(kept[-1][1]) or not kept[-1][1].strip()):
                dropped = kept.pop()[1]    # the page's bottom margin, the rule above its footer
                margin = margin or not dropped.strip()
            if margin:
                kept.append((number, ""))    # the break: one empty line, however many the margins printed
            after_mark = True
            continue
        if not line.strip():
            if "\f" not in lines[number - 1] and not after_mark:
                kept.append((number, line))
            continue
        after_mark = False
        if new_page:
            page_starts.append(len(kept))
            new_page = False
        kept.append((number, line))
    kept = _without_running_heads(kept, page_starts, top)
    if _double_spaced([line for _, line in kept]):
        kept = _halved_empty_runs(kept)
    joined = _rejoined_wrapped_prose([(number, number, line) for number, line in kept])
    return [line for _, _, line in joined], [(first, last) for first, last, _ in joined]


_BARE_NUMBER_LINE_RE = re.compile(r"^[ \u3000]{8,}\d{1,3}\s*$")


def _bare_page_number(lines: list[str], number: int, top: set[str]) -> bool:
    """A page number printed alone far from the margin (…      1) with the document's title again after
    it: the page break of a text that kept no form feed."""
    if not _BARE_NUMBER_LINE_RE.match(lines[number - 1]):
        return False
    following = next((line.strip() for line in lines[number:number + 3] if line.strip()), "")
    return following.replace("\f", "") in top


RUNNING_HEAD_LINES = 2     # a page's running head is its first line or two
MIN_RUNNING_HEAD_CHARS = 6
TOP_LINES = 3              # the document's own title stands in its first lines


def _without_running_heads(kept: list[tuple[int, str]], page_starts: list[int], top: set[str]) -> list[tuple[int, str]]:
    """A line standing first (or second) on two or more pages, or on a page and among the document's
    first lines (`top`), is the running head a PDF repeats (the report's title): its repeats at the
    page tops go."""
    tops = [[k for k in range(start, min(start + RUNNING_HEAD_LINES, len(kept)))] for start in page_starts]
    seen = Counter(kept[k][1].strip() for page in tops for k in page)
    # a title, never a short cell or a number that happens to open two pages
    everywhere = Counter(line.strip() for _, line in kept)
    # a page top seen on two pages, or a repeat of a line atop the document (never that first line itself)
    heads = {text for text, count in seen.items()
             if len(text) >= MIN_RUNNING_HEAD_CHARS and re.search(r"[\u4e00-\u9fffA-Za-z].*[\u4e00-\u9fffA-Za-z]", text)
             and (count >= 2 or (text in top and everywhere[text] >= 2 and not re.search(r"\d\s*$", text)))}
    drop = {k for page in tops for k in page if kept[k][1].strip() in heads}
    for k in sorted(drop):
        # the page's top margin below its running head: the break already left its one empty line
        while k + 1 < len(kept) and not kept[k + 1][1].strip():
            k += 1
            drop.add(k)
    return [item for k, item in enumerate(kept) if k not in drop]


# A PDF's text breaks every paragraph at the page width: many prose lines of (nearly) one width.
_PROSE_LINE_RE = re.compile(r"[\u4e00-\u9fff]")
MIN_WRAPPED_LINES = 3          # lines at the page width before a document counts as hard-wrapped
WRAPPED_SHARE = 0.2            # of its prose lines
WIDTH_SLACK = 6                # display columns short of the width a full line may stop (three characters)
_SENTENCE_END_RE = re.compile(r"[。；！？:：]$")
_TITLE_END_RE = re.compile(r"(?:报告|报告书|自评表|评价表|通知|通报|公告|公示|说明)$")   # a title as wide as the page
_CLAUSE_MARK_RE = re.compile(r"[，。、；]")
_CELL_GAP_RE = re.compile(r"[ \u3000]{2,}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]")
# a new item, or a label line of its own (发布时间：… / 项目名称：…), never the rest of a sentence
_NEW_ITEM_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑩]"
                          r"|[\u4e00-\u9fff]{2,8}[:：])")


def _rejoined_wrapped_prose(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A prose line that runs to the page width and ends mid-sentence goes on in the next line (全年
    预算数1,250.00 / 万元，…): the two are one line again — never a table row, a heading or a new item."""
    width = _wrap_width([text for _, _, text in lines])
    if width is None:
        return lines
    out: list[tuple[int, int, str]] = []
    title = next((k for k, (_, _, text) in enumerate(lines) if text.strip()), None)
    for first, last, text in lines:
        previous = out[-1][2] if out else ""
        if out and len(out) - 1 != title and _runs_to_the_width(previous, width) and _continues_prose(text):
            out[-1] = (out[-1][0], last, previous.rstrip() + text.strip())
        else:
            out.append((first, last, text))
    return out


def _prose(text: str) -> bool:
    """A line of sentences: Chinese with a comma or a full stop, no cell borders (tabs, pipes, the
    spaces of a table row)."""
    return bool(_PROSE_LINE_RE.search(text)) and bool(_CLAUSE_MARK_RE.search(text)) and _plain(text.strip())


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text breaks its prose at — in display columns, as a PDF sets the page
    width — else None."""
    widths = [display_width(text.strip()) for text in lines if _prose(text) and len(text.strip()) >= 15]
    if not widths:
        return None
    width = max(set(widths), key=lambda w: (sum(1 for v in widths if abs(v - w) <= 1), w))
    near = sum(1 for w in widths if abs(w - width) <= WIDTH_SLACK)
    return width if near >= MIN_WRAPPED_LINES and near >= WRAPPED_SHARE * len(widths) else None


def _runs_to_the_width(text: str, width: int) -> bool:
    """A line filled to the page width that stops mid-sentence (it may hold no comma yet: 根据《…通知》（临财绩)."""
    body = text.strip()
    return _plain(body) and bool(_PROSE_LINE_RE.search(body)) and not _SENTENCE_END_RE.search(body) \
        and not _SCORED_ROW_RE.match(body) \
        and not _TITLE_END_RE.search(body) and display_width(body) >= width - WIDTH_SLACK


def _continues_prose(text: str) -> bool:
    """The next line goes on with the sentence: no new item, no table row (the paragraph's last
    line may be short and hold no comma, or no Chinese: .6%。)."""
    body = text.strip()
    words = bool(_PROSE_LINE_RE.search(body)) or bool(_CLAUSE_MARK_RE.search(body))
    return bool(body) and words and _plain(body) and not _NEW_ITEM_RE.match(body) and not _SCORED_ROW_RE.match(body)


# 绩效指标明确性 3 2 部分指标…: a table row whose cells stand one space apart (a name, its points, its score)
_SCORED_ROW_RE = re.compile(r"^(?!合计|小计|总计|总分)[\u4e00-\u9fff（）()、“”]{2,24} \d+(?:\.\d+)? \d+(?:\.\d+)?(?: |$)")


def _plain(body: str) -> bool:
    """No cell borders: no tab, no pipe, no run of spaces, and no space between two Chinese words
    (a row of words' cells) — a PDF's spaces stand only around numbers and signs (目标值 ≥ 420 公里)."""
    return "\t" not in body and "|" not in body and not _CELL_GAP_RE.search(body)


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
