"""Agency identity: the many ways a report names its unit → one canonical agency.

北京市丰台区信访办公室, 丰台区信访办 and 区信访办 (in a 丰台 document) are one agency.
The decision: a name is reduced to a *key* (region prefix, 中共 / 人民政府 and other
noise dropped, long forms contracted: 办公室 → 办); the same (region, key) is the same
agency, automatically. Anything less certain — same key in another region spelling,
or a similar name of the same sector — never merges by itself: a new agency is
created and the pair goes to `agency_review` for an analyst, who can then merge or
split agencies (functions below, called by the dashboard inside `open_writer`).
Analyst decisions are stored as aliases with source 'analyst' and win over automatic
matching on every later load. Vocabularies live in loaders/data/agency_*.csv.
"""
from __future__ import annotations

import csv
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb   # only for annotations: loader worker processes import this module

DATA_DIR = Path(__file__).resolve().parent / "data"
SIMILAR_ENOUGH_TO_REVIEW = 0.66   # 信访办 ~ 信访局 (2 of 3 characters) is worth a look
# 州 ends a part only when no 市 follows (杭州市 is one part, 甘孜藏族自治州 another).
_REGION_PART_RE = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|省|市|州(?!市)|盟|县|区|旗)")
_LEVEL_OF_SUFFIX = (("自治区", "省"), ("省", "省"), ("自治州", "市"), ("市", "市"), ("州", "市"), ("盟", "市"),
                    ("自治县", "县(区)"), ("县", "县(区)"), ("区", "县(区)"), ("旗", "县(区)"))
# Words that begin with a level character but are not a region (市场监管局 is not 市+场监管局).
_WORDS_STARTING_WITH_LEVEL = ("市场", "市政", "区域", "县域")
_BRACKETED_TAIL_RE = re.compile(r"[(（\[【][^()（）]*[)）\]】]$")


@dataclass(frozen=True)
class Match:
    agency_id: str
    how: str            # alias | key | new | new_review
    confidence: float


# ── vocabularies ──────────────────────────────────────────────────────────────

def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    rows = [(r["long"], r["short"]) for r in _read_csv("agency_abbreviations.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _noise_words() -> list[tuple[str, str]]:
    rows = [(r["word"], r["where"]) for r in _read_csv("agency_noise_words.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _sector_words() -> list[tuple[str, str]]:
    rows = [(r["word"], r["sector"]) for r in _read_csv("agency_sectors.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


# ── pure name handling ────────────────────────────────────────────────────────

def region_parts(region: str | None) -> list[str]:
    """北京市丰台区 → ['北京市', '丰台区']."""
    if not region:
        return []
    return _REGION_PART_RE.findall(_clean(region))


def region_level(region: str | None) -> str | None:
    """省 / 市 / 县(区) from the deepest part of the region, None when unknown."""
    parts = region_parts(region)
    if not parts:
        return None
    for suffix, level in _LEVEL_OF_SUFFIX:
        if parts[-1].endswith(suffix):
            return level
    return None


def agency_level(name: str | None, region: str | None) -> str | None:
    """乡镇 when the unit itself is a township / street office, else the region's level."""
    if name and re.search(r"(乡|镇)(人民政府|党委)|街道办事处|街道工作委员会", _clean(name)):
        return "乡镇"
    return region_level(region)


def agency_sector(name: str | None) -> str | None:
    """信访 / 教育 / 卫健 … from the longest sector word in the name."""
    if not name:
        return None
    clean = _clean(name)
    for word, sector in _sector_words():
        if word in clean:
            return sector
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def name_key(name: str, region: str | None) -> str:
    """The matching key of an agency name within its region (see module docstring)."""
    key = _BRACKETED_TAIL_RE.sub("", _clean(name))
    key = _drop_noise(key)            # 中共北京市… : the party prefix comes before the region
    key = _drop_region_prefix(key, region)
    key = _drop_noise(key)
    key = _drop_level_char(key, region)
    for long, short in _abbreviations():
        key = key.replace(long, short)
    return key or _clean(name)


def _drop_region_prefix(key: str, region: str | None) -> str:
    spellings = []
    for part in region_parts(region):
        spellings.append(part)
        short = re.sub(r"(特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗)$", "", part)
        if len(short) >= 2:
            spellings.append(short)
    changed = True
    while changed:
        changed = False
        for spelling in sorted(spellings, key=len, reverse=True):
            if key.startswith(spelling) and len(key) > len(spelling):
                key, changed = key[len(spelling):], True
    return key


def _drop_noise(key: str) -> str:
    for word, where in _noise_words():
        if where == "prefix" and key.startswith(word):
            key = key[len(word):]
        elif where == "suffix" and key.endswith(word) and len(key) > len(word):
            key = key[: -len(word)]
        elif where == "anywhere":
            key = key.replace(word, "")
    return key


def _drop_level_char(key: str, region: str | None) -> str:
    """区信访办 in a 丰台区 document: the leading level character stands for the region."""
    parts = region_parts(region)
    if not parts or len(key) < 3 or key.startswith(_WORDS_STARTING_WITH_LEVEL):
        return key
    level_chars = {p[-1] for p in parts}
    return key[1:] if key[0] in level_chars else key


def agency_id_for(region: str | None, key: str) -> str:
    """Stable id: hash of (region, key)."""
    return hashlib.sha1(f"{_clean(region or '')}|{key}".encode()).hexdigest()[:16]


# ── registry in the database ─────────────────────────────────────────────────

class AgencyRegistry:
    """Resolves report agency names to agency ids for one writer connection.

    The registry is read into memory once and new agencies, aliases and review rows
    are buffered: `take_pending()` hands them to the loader, which inserts them in
    bulk inside the same transaction as the reports that need them. One query per
    name would cost more than the whole rest of a load. After a rollback, build a
    new registry (the buffered names never reached the database).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._aliases: dict[tuple[str, str | None], str] = {}
        # analyst aliases come last so they overwrite automatic ones
        for alias, region, agency_id in con.execute(
                "select l.alias, l.region, l.agency_id from agency_aliases l "
                "join agencies a on a.agency_id = l.agency_id "
                "order by l.source = 'analyst', l.confidence nulls first").fetchall():
            self._aliases[(alias, region)] = agency_id
        self._agencies: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._by_key: dict[str | None, list[str]] = {}
        self._by_region_sector: dict[tuple[str | None, str | None], list[str]] = {}
        for agency_id, region, key, sector in con.execute(
                "select agency_id, region, name_key, sector from agencies").fetchall():
            self._remember(agency_id, region, key, sector)
        self._pending: dict[str, list[tuple]] = {"agencies": [], "agency_aliases": [], "agency_review": []}

    def resolve(self, name: str | None, region: str | None) -> Match | None:
        if not name or not _clean(name):
            return None
        # names are stored as written (trimmed); only the matching key is normalised
        name, region = name.strip(), (_clean(region) or None) if region else None
        known = self._aliases.get((name, region))
        if known:
            return Match(known, "alias", 1.0)
        key = name_key(name, region)
        agency_id = agency_id_for(region, key)
        how = "key"
        if agency_id not in self._agencies:
            same = self._same_agency_other_spelling(region, key)
            if same:
                agency_id, how = same, "region_tail"
        if agency_id not in self._agencies:
            candidates = self._review_candidates(agency_id, name, region, key)
            self._create(agency_id, name, region, key)
            for other_id, score, reason in candidates:
                self._pending["agency_review"].append(
                    (name, region, agency_id, other_id, score, reason, "open", datetime.now()))
            how = "new_review" if candidates else "new"
        self._aliases[(name, region)] = agency_id
        self._pending["agency_aliases"].append((name, region, agency_id, "auto", 1.0))
        return Match(agency_id, how, 1.0)

    def _same_agency_other_spelling(self, region: str | None, key: str) -> str | None:
        """The one known agency with this key whose region is this region written longer or
        shorter (青山区 / 江南省青山区). Two or more such agencies are ambiguous: None."""
        if not region:
            return None
        found = [other_id for other_id in self._by_key.get(key, [])
                 if _region_is_tail_spelling(region, self._agencies[other_id][0])]
        return found[0] if len(found) == 1 else None

    def take_pending(self) -> dict[str, list[tuple]]:
        """New rows for agencies / agency_aliases / agency_review since the last call."""
        pending = self._pending
        self._pending = {table: [] for table in pending}
        return pending

    def _remember(self, agency_id: str, region: str | None, key: str | None, sector: str | None) -> None:
        self._agencies[agency_id] = (region, key, sector)
        self._by_key.setdefault(key, []).append(agency_id)
        self._by_region_sector.setdefault((region, sector), []).append(agency_id)

    def _create(self, agency_id: str, name: str, region: str | None, key: str) -> None:
        sector = agency_sector(name)
        self._remember(agency_id, region, key, sector)
        self._pending["agencies"].append(
            (agency_id, name, region, agency_level(name, region), sector, key, datetime.now()))

    def _review_candidates(self, agency_id: str, name: str, region: str | None, key: str
                           ) -> list[tuple[str, float, str]]:
        """Agencies that might be this one: same key elsewhere, or a similar name of the same sector."""
        out = []
        for other_id in self._by_key.get(key, []):
            if other_id != agency_id and _regions_compatible(region, self._agencies[other_id][0]):
                out.append((other_id, 0.9, "同名，地区写法不同或缺失"))
        sector = agency_sector(name)
        if sector:
            for other_id in self._by_region_sector.get((region, sector), []):
                other_key = self._agencies[other_id][1] or ""
                score = difflib.SequenceMatcher(None, key, other_key).ratio()
                if other_id != agency_id and other_key != key and score >= SIMILAR_ENOUGH_TO_REVIEW:
                    out.append((other_id, round(score, 3), "同地区同领域，名称相近"))
        return out

    def write_pending(self) -> None:
        """Insert the buffered rows now (callers that do not batch, e.g. tests and the dashboard)."""
        for table, rows in self.take_pending().items():
            for row in rows:
                cols = PENDING_COLUMNS[table]
                marks = ", ".join("?" * len(cols))
                verb = "insert" if table == "agency_review" else "insert or ignore"   # review has no key
                # table and column names are our own constants, values are bound
                self.con.execute(f"{verb} into {table} ({', '.join(cols)}) values ({marks})", list(row))


PENDING_COLUMNS = {
    "agencies": ("agency_id", "canonical_name", "region", "level", "sector", "name_key", "created_at"),
    "agency_aliases": ("alias", "region", "agency_id", "source", "confidence"),
    "agency_review": ("alias", "region", "agency_id", "candidate_id", "score", "reason", "status", "created_at"),
}


def _region_is_tail_spelling(a: str, b: str | None) -> bool:
    """Both stated, different, and the shorter is the tail of the longer (丰台区 / 北京市丰台区)."""
    if not b:
        return False
    pa, pb = region_parts(a), region_parts(b)
    if not pa or not pb or pa == pb:
        return False
    short, long_ = sorted((pa, pb), key=len)
    return long_[-len(short):] == short


def _regions_compatible(a: str | None, b: str | None) -> bool:
    """One region missing, or one written as the tail of the other (丰台区 / 北京市丰台区)."""
    if not a or not b:
        return True
    pa, pb = region_parts(a), region_parts(b)
    return bool(pa and pb and pa[-1] == pb[-1])


# ── analyst actions (the dashboard calls these inside loaders.db.open_writer) ──

def merge_agencies(con: duckdb.DuckDBPyConnection, keep_id: str, merge_ids: list[str]) -> int:
    """Fold `merge_ids` into `keep_id`: reports, aliases (as analyst aliases) and review rows.

    Returns the number of reports moved. Later loads keep the merge (analyst aliases win).
    """
    merge_ids = [m for m in merge_ids if m != keep_id]
    if not merge_ids:
        return 0
    _require_agencies(con, [keep_id, *merge_ids])
    moved = con.execute("select count(*) from reports where agency_id in (select unnest(?::varchar[]))",
                        [merge_ids]).fetchall()[0][0]
    con.execute("update reports set agency_id = ? where agency_id in (select unnest(?::varchar[]))",
                [keep_id, merge_ids])
    con.execute(
        "insert into agency_aliases (alias, region, agency_id, source, confidence) "
        "select alias, region, ?, 'analyst', 1.0 from agency_aliases "
        "where agency_id in (select unnest(?::varchar[])) on conflict do nothing", [keep_id, merge_ids])
    con.execute("delete from agency_aliases where agency_id in (select unnest(?::varchar[]))", [merge_ids])
    con.execute(
        "update agency_review set status = 'merged' where status = 'open' and "
        "(agency_id in (select unnest(?::varchar[])) or candidate_id in (select unnest(?::varchar[])))",
        [merge_ids, merge_ids])
    con.execute("delete from agencies where agency_id in (select unnest(?::varchar[]))", [merge_ids])
    return moved


def split_agency(con: duckdb.DuckDBPyConnection, agency_id: str, aliases: list[str],
                 *, new_name: str | None = None) -> str:
    """Move the reports written under `aliases` to a new agency; returns its id."""
    _require_agencies(con, [agency_id])
    if not aliases:
        raise ValueError("拆分需要至少一个名称 (no alias given)")
    region, level, sector = con.execute(
        "select region, level, sector from agencies where agency_id = ?", [agency_id]).fetchall()[0]
    name = new_name or aliases[0]
    key = name_key(name, region)
    new_id = hashlib.sha1(f"split|{agency_id}|{name}".encode()).hexdigest()[:16]
    con.execute(
        "insert into agencies (agency_id, canonical_name, region, level, sector, name_key, created_at) "
        "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        [new_id, name, region, level, agency_sector(name) or sector, key, datetime.now()])
    con.execute("delete from agency_aliases where agency_id = ? and alias in (select unnest(?::varchar[]))",
                [agency_id, aliases])
    for alias in aliases:
        con.execute("insert into agency_aliases (alias, region, agency_id, source, confidence) "
                    "values (?, ?, ?, 'analyst', 1.0) on conflict do nothing", [alias, region, new_id])
    con.execute("update reports set agency_id = ? where agency_id = ? and agency in (select unnest(?::varchar[]))",
                [new_id, agency_id, aliases])
    return new_id


def dismiss_review(con: duckdb.DuckDBPyConnection, alias: str, agency_id: str, candidate_id: str) -> None:
    """The analyst says: these two are different agencies."""
    con.execute("update agency_review set status = 'dismissed' "
                "where alias = ? and agency_id = ? and candidate_id = ?", [alias, agency_id, candidate_id])


def open_reviews(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Open review rows with both agencies' names, newest first."""
    cur = con.execute(
        "select r.alias, r.region, r.agency_id, a.canonical_name, r.candidate_id, c.canonical_name, "
        "r.score, r.reason from agency_review r join agencies a on a.agency_id = r.agency_id "
        "join agencies c on c.agency_id = r.candidate_id where r.status = 'open' "
        "order by r.created_at desc")
    cols = ("alias", "region", "agency_id", "agency_name", "candidate_id", "candidate_name", "score", "reason")
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def _require_agencies(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    found = {r[0] for r in con.execute(
        "select agency_id from agencies where agency_id in (select unnest(?::varchar[]))", [ids]).fetchall()}
    missing = [i for i in ids if i not in found]
    if missing:
        raise KeyError(f"没有这些单位编号 (unknown agency ids): {', '.join(missing)}")
