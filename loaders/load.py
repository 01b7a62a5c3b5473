"""`perfdash load`: report files → rows in DuckDB, safely and fast.

Read + parse are pure, so they run in a process pool and come back as ready-made
rows; writing happens in this one process, inside `loaders.db.open_writer` (a
private copy of the database, published atomically at the end, with the SQL views
applied in the same publish). The report id is the sha256 of the file's bytes:
an unchanged file with the same parser version is skipped without parsing, a
changed file replaces its own rows. Each report is atomic: reports are written in
batches for speed (bulk inserts from polars frames) and a batch that fails is rolled back and
retried one report per transaction, so one bad report never takes others with it.

Programmatic API (the dashboard's upload page, tests, bench/):
    load_paths(paths, db_path, *, workers=None, progress=None) -> LoadSummary
    load_report(con, report, meta) -> str        one Report, one transaction
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.agencies import PENDING_COLUMNS, AgencyRegistry
from loaders.errors import InputError, NotAReportError
from loaders.parse.targets import parse_target_text
from loaders.paths import default_db_path
from loaders.records import DEPARTMENT_FIELDS, Report, Span

if TYPE_CHECKING:
    import duckdb

# Worker processes import this module to read and parse: duckdb and polars (seconds to
# import without bytecode caches) are imported only where the writer needs them.

PARSER_VERSION = "0.1"
SNIPPET_MAX = 500
BATCH_REPORTS = 256
SLEEP_ENV = "PERFDASH_TEST_SLEEP_PER_FILE"   # test hook: seconds to sleep after each written file
_PACKAGE = Path(__file__).resolve().parent

# Column order of every table we write (names from loaders/schema.sql).
COLUMNS = {
    "reports": ("report_id", "file_name", "file_path", "content_hash", "source_format", "encoding",
                "parser_version", "loaded_at", "agency", "agency_id", "region", "year", "report_kind",
                "evaluation_type", "total_score", "grade", "source_url", "n_lines"),
    "department_budgets": ("report_id", *DEPARTMENT_FIELDS),
    "projects": ("project_id", "report_id", "seq", "name", "subject", "budget_initial", "budget_full_year",
                 "executed", "execution_rate_pct", "execution_weight", "execution_score", "total_score", "grade"),
    "money_rows": ("project_id", "seq", "label", "budget_initial", "budget_full_year", "executed",
                   "execution_rate_pct", "execution_weight", "execution_score", "line_start", "line_end"),
    "indicators": ("indicator_id", "project_id", "report_id", "seq", "level1", "level2", "name", "target",
                   "actual", "weight", "score", "deviation_reason", "target_op", "target_value", "target_unit",
                   "target_label", "actual_op", "actual_value", "actual_unit", "actual_label"),
    "findings": ("report_id", "seq", "kind", "text", "line_start", "line_end"),
    "provenance": ("report_id", "entity", "entity_id", "field", "line_start", "line_end", "snippet"),
    **PENDING_COLUMNS,   # agencies, agency_aliases, agency_review (new names found while loading)
    "load_log": ("file_path", "file_name", "content_hash", "status", "parser_version", "report_id",
                 "warnings", "error", "logged_at"),
}
# Tables holding a report's rows, children first (deleted in this order on replace).
REPORT_TABLES = ("money_rows", "provenance", "findings", "indicators", "projects", "department_budgets", "reports")


@dataclass
class ReportMeta:
    """What the loader knows about a report's file (not in the Report record)."""
    file_path: str
    content_hash: str
    source_format: str | None = "txt"
    encoding: str | None = None
    parser_version: str = field(default_factory=lambda: parser_version())
    loaded_at: datetime = field(default_factory=datetime.now)
    lines: list[str] = field(default_factory=list)   # the decoded text, for provenance snippets


@dataclass
class FileResult:
    """One file's outcome. status: loaded | replaced | unchanged | failed."""
    path: str
    status: str
    report_id: str | None = None      # the stored report (None when failed)
    content_hash: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class LoadSummary:
    db_path: Path
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    views_error: str | None = None   # the SQL views could not be (re)created

    def count(self, *statuses: str) -> int:
        return sum(r.status in statuses for r in self.results)

    @property
    def loaded(self) -> int:
        return self.count("loaded", "replaced")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    def line(self) -> str:
        return f"{self.loaded} loaded, {self.unchanged} unchanged, {self.failed} failed"


# ── parser version ────────────────────────────────────────────────────────────

@lru_cache(maxsize=1)
def parser_version() -> str:
    """PARSER_VERSION plus a fingerprint of the reading/parsing code and vocabularies.

    A parser change without a version bump still re-parses every file on the next
    load, instead of calling stale rows "unchanged".
    """
    base = PARSER_VERSION
    digest = hashlib.sha256()
    for folder, pattern in (("read", "**/*.py"), ("parse", "**/*.py"), ("data", "*.csv")):
        for path in sorted((_PACKAGE / folder).glob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{base}+{digest.hexdigest()[:10]}"


# ── finding files ─────────────────────────────────────────────────────────────

# Read as text when named, but in a folder they are documentation (README.md, FORMAT.md).
_NOT_IN_FOLDER_WALKS = {".md"}


def supported_extensions() -> set[str]:
    """Extensions a folder walk picks up: every kind loaders.read can sniff."""
    try:
        from loaders.read.sniff import EXTENSIONS  # noqa: PLC0415
    except ImportError:
        return {".txt"}
    return {ext for exts in EXTENSIONS.values() for ext in exts if ext} - _NOT_IN_FOLDER_WALKS


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given (any extension), folders walked for supported extensions; no duplicates."""
    extensions = supported_extensions()
    found: dict[Path, None] = {}
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in extensions and not child.name.startswith("."):
                    found.setdefault(child.resolve(), None)
        else:
            found.setdefault(path.resolve(), None)
    return list(found)


# ── worker side: read + parse + rows (pure, runs in the pool) ─────────────────

ParseFn = Callable[[str, str], Report]
_parse_fn: ParseFn | None = None


def _init_worker(parse: ParseFn | None) -> None:
    global _parse_fn
    _parse_fn = parse


def _parse(text: str, file_name: str) -> Report:
    if _parse_fn is not None:
        return _parse_fn(text, file_name)
    from loaders.parse import parse_report  # noqa: PLC0415 — only workers pay for the parser
    return parse_report(text, file_name)


def read_and_build(path_str: str, version: str) -> tuple[FileResult, dict | None]:
    """One file → (result, rows by table) without touching the database."""
    path = Path(path_str)
    try:
        data = path.read_bytes()
    except OSError as err:
        return FileResult(path_str, "failed", error=f"无法读取文件（{err.strerror or err}）"), None
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        from loaders.read import read_document  # noqa: PLC0415

        document = read_document(path)
        report = _parse(document.text, path.name)
        _ensure_something_extracted(report)
        meta = ReportMeta(path_str, content_hash, document.source_format, document.encoding, version,
                          lines=document.text.split("\n"))
        rows, warnings = build_rows(report, meta)
    except InputError as err:
        return FileResult(path_str, "failed", content_hash=content_hash,
                          error=_reason_with_truncation(err, data)), None
    except Exception as err:  # noqa: BLE001 — a parser bug must fail this file only, loudly
        return FileResult(path_str, "failed", content_hash=content_hash,
                          error=f"解析出错（parser error）：{type(err).__name__}: {err}"), None
    warnings = [*document.notes, *warnings]
    return FileResult(path_str, "parsed", report_id=content_hash, content_hash=content_hash,
                      warnings=warnings), rows


def _reason_with_truncation(err: InputError, data: bytes) -> str:
    """A refused text that stops inside a UTF-8 character was cut off: say so first."""
    if isinstance(err, NotAReportError) and _ends_mid_utf8_character(data):
        return f"文件被截断（truncated），末尾停在一个字符中间；{err}"
    return str(err)


def _ends_mid_utf8_character(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.reason == "unexpected end of data" and err.start >= len(data) - 3
    return False


def _ensure_something_extracted(report: Report) -> None:
    """Guard: a text the parser accepted but from which nothing at all was read."""
    if not (report.agency or report.year or report.projects or report.department_budget
            or report.total_score is not None):
        raise NotAReportError("未识别出任何绩效评价内容（单位、年度、项目、得分均为空）（not an evaluation report）")


# ── rows of one report ────────────────────────────────────────────────────────

def build_rows(report: Report, meta: ReportMeta) -> tuple[dict[str, list[tuple]], list[str]]:
    """Report → {table: [row tuples]} in COLUMNS order, plus warnings. Pure."""
    rid = meta.content_hash
    warnings = list(report.warnings)
    rows: dict[str, list[tuple]] = {t: [] for t in REPORT_TABLES}
    rows["reports"].append((
        rid, Path(meta.file_path).name, meta.file_path, meta.content_hash, meta.source_format, meta.encoding,
        meta.parser_version, meta.loaded_at, report.agency, None, report.region, report.year,
        report.report_kind, report.evaluation_type, report.total_score, report.grade, report.source_url,
        len(meta.lines)))
    if report.department_budget:
        budget = report.department_budget
        rows["department_budgets"].append((rid, *(budget.get(k) for k in DEPARTMENT_FIELDS)))
    prov = rows["provenance"]
    for key, span in report.provenance.items():
        # "department_budget.<field>" belongs to the department row; other keys to the report
        prefix, dot, name = key.partition(".")
        entity, fld = ("department", name) if dot and prefix == "department_budget" else ("report", key)
        prov.append(_provenance_row(rid, entity, rid, fld, span, meta.lines))
    for pseq, project in enumerate(report.projects, start=1):
        _add_project_rows(rows, rid, pseq, project, meta.lines, warnings)
    for fseq, finding in enumerate(report.findings, start=1):
        start, end = finding.span or (None, None)
        rows["findings"].append((rid, fseq, finding.kind, finding.text, start, end))
        if finding.span:
            prov.append(_provenance_row(rid, "finding", f"{rid}:{fseq}", finding.kind, finding.span, meta.lines))
    return rows, warnings


def _add_project_rows(rows: dict, rid: str, pseq: int, project, lines: list[str], warnings: list[str]) -> None:
    pid = f"{rid}:{pseq}"
    rows["projects"].append((
        pid, rid, pseq, project.name, project.subject, project.budget_initial, project.budget_full_year,
        project.executed, project.execution_rate_pct, project.execution_weight, project.execution_score,
        project.total_score, project.grade))
    for fld, span in project.provenance.items():
        rows["provenance"].append(_provenance_row(rid, "project", pid, fld, span, lines))
    for mseq, money in enumerate(project.money_rows, start=1):
        start, end = money.span or (None, None)
        rows["money_rows"].append((
            pid, mseq, money.label, money.budget_initial, money.budget_full_year, money.executed,
            money.execution_rate_pct, money.execution_weight, money.execution_score, start, end))
        if money.span:
            rows["provenance"].append(_provenance_row(rid, "money_row", f"{pid}:{mseq}", money.label,
                                                      money.span, lines))
    for iseq, ind in enumerate(project.indicators, start=1):
        iid = f"{pid}:{iseq}"
        target, actual = parse_target_text(ind.target), parse_target_text(ind.actual)
        for which, parsed in (("目标值", target), ("实际值", actual)):
            if parsed.note:
                warnings.append(f"指标「{ind.name}」{which}：{parsed.note}")
        rows["indicators"].append((
            iid, pid, rid, iseq, ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.weight,
            ind.score, ind.deviation_reason, target.op, target.value, target.unit, target.label,
            actual.op, actual.value, actual.unit, actual.label))
        for fld, span in ind.provenance.items():
            rows["provenance"].append(_provenance_row(rid, "indicator", iid, fld, span, lines))


def _provenance_row(rid: str, entity: str, entity_id: str, fld: str, span: Span, lines: list[str]) -> tuple:
    start, end = span
    snippet = None
    if lines and 1 <= start <= end <= len(lines):
        snippet = "\n".join(lines[start - 1:end]).strip()[:SNIPPET_MAX]
    return (rid, entity, entity_id, fld, start, end, snippet)


# ── writer side ───────────────────────────────────────────────────────────────

def load_report(con: duckdb.DuckDBPyConnection, report: Report, meta: ReportMeta) -> str:
    """Write one Report in one transaction, replacing earlier rows of its id or file path."""
    rows, _ = build_rows(report, meta)
    writer = _BatchWriter(con, meta.parser_version)
    writer.write_one(rows, replace=_ids_to_replace(con, meta.file_path, meta.content_hash))
    return meta.content_hash


def _ids_to_replace(con: duckdb.DuckDBPyConnection, file_path: str, report_id: str) -> list[str]:
    found = con.execute("select report_id from reports where file_path = ? or report_id = ?",
                        [file_path, report_id]).fetchall()
    return [r[0] for r in found]


class _BatchWriter:
    """Buffers parsed reports and writes them in bulk; a failing batch falls back to one per report."""

    def __init__(self, con: duckdb.DuckDBPyConnection, version: str):
        self.con = con
        self.version = version
        self.registry = AgencyRegistry(con)
        self.pending: list[tuple[FileResult, dict, list[str]]] = []

    def add(self, result: FileResult, rows: dict, replace: list[str]) -> None:
        self.pending.append((result, rows, replace))
        if len(self.pending) >= BATCH_REPORTS:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            self._in_transaction(lambda: self._write(batch))
        except Exception:  # noqa: BLE001 — find the culprit: retry one report per transaction
            for item in batch:
                try:
                    self._in_transaction(lambda item=item: self._write([item]))
                except Exception as err:  # noqa: BLE001 — this report fails, the others stay
                    item[0].status, item[0].report_id = "failed", None
                    item[0].error = f"写入数据库失败（database error）：{type(err).__name__}: {err}"

    def write_one(self, rows: dict, replace: list[str]) -> None:
        self._in_transaction(lambda: self._write([(FileResult("", "parsed"), rows, replace)]))

    def _in_transaction(self, work: Callable[[], None]) -> None:
        self.con.execute("begin transaction")
        try:
            work()
            self.con.execute("commit")
        except BaseException:
            self.con.execute("rollback")
            self.registry = AgencyRegistry(self.con)   # its cache may name rolled-back agencies
            raise

    def _write(self, batch: list[tuple[FileResult, dict, list[str]]]) -> None:
        replace = sorted({rid for _, _, ids in batch for rid in ids})
        if replace:
            delete_reports(self.con, replace)
        merged: dict[str, list[tuple]] = {t: [] for t in REPORT_TABLES}
        for _, rows, _ in batch:
            for table in REPORT_TABLES:
                merged[table].extend(rows.get(table, ()))
        merged["reports"] = [self._with_agency(row) for row in merged["reports"]]
        for table, new_rows in self.registry.take_pending().items():
            insert_rows(self.con, table, new_rows, or_ignore=table != "agency_review")   # review has no key
        for table in reversed(REPORT_TABLES):
            insert_rows(self.con, table, merged[table])

    def _with_agency(self, row: tuple) -> tuple:
        cols = COLUMNS["reports"]
        match = self.registry.resolve(row[cols.index("agency")], row[cols.index("region")])
        i = cols.index("agency_id")
        return (*row[:i], match.agency_id if match else None, *row[i + 1:])


def delete_reports(con: duckdb.DuckDBPyConnection, report_ids: list[str]) -> None:
    """Remove every row of these reports (not their load_log history, not corrections)."""
    con.execute("delete from money_rows where project_id in "
                "(select project_id from projects where report_id in (select unnest(?::varchar[])))", [report_ids])
    for table in REPORT_TABLES[1:]:
        # table names come from REPORT_TABLES, never from input
        con.execute(f"delete from {table} where report_id in (select unnest(?::varchar[]))", [report_ids])


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], *, or_ignore: bool = False) -> None:
    """Bulk insert through a polars frame (Arrow memory): one statement however many rows.

    polars, not pyarrow: `pa.array` imports pandas on first use, seconds per load.
    Column types are left to DuckDB's cast on insert, so a value of the wrong kind
    (a year written in words) fails loudly instead of turning into null.
    """
    if not rows:
        return
    import polars as pl  # noqa: PLC0415 — see the note on imports at the top

    cols = COLUMNS[table]
    data = pl.DataFrame([pl.Series(c, values, strict=False) for c, values in zip(cols, zip(*rows))])
    name = f"_batch_{table}"
    con.register(name, data)
    try:
        col_list = ", ".join(cols)
        verb = "insert or ignore" if or_ignore else "insert"
        con.execute(f"{verb} into {table} ({col_list}) select {col_list} from {name}")
    finally:
        con.unregister(name)


def write_log(con: duckdb.DuckDBPyConnection, results: list[FileResult], version: str) -> None:
    now = datetime.now()
    rows = [(r.path, Path(r.path).name, r.content_hash, r.status, version, r.report_id,
             [*r.warnings, *([r.note] if r.note else [])], r.error, now) for r in results]
    if rows:
        con.execute("begin transaction")
        insert_rows(con, "load_log", rows)
        con.execute("commit")


# ── orchestration ─────────────────────────────────────────────────────────────

ProgressFn = Callable[[int, int, FileResult], None]


def load_paths(paths: Iterable[Path], db_path: Path | None = None, *, workers: int | None = None,
               progress: ProgressFn | None = None, on_wait: Callable[[], None] | None = None,
               parse: ParseFn | None = None) -> LoadSummary:
    """Load files and folders into the database at db_path (default: loaders.paths).

    `progress(done, total, result)` is called after each file; `on_wait()` once if
    another load holds the lock; `parse` replaces loaders.parse.parse_report (a
    module-level function, so worker processes can import it — tests use this).
    """
    started = time.perf_counter()
    db_path = Path(db_path) if db_path else default_db_path()
    files = discover_files(paths)
    version = parser_version()
    summary = LoadSummary(db_path)
    from loaders.db import open_writer  # noqa: PLC0415 — see the note on imports at the top

    with open_writer(db_path, on_wait=on_wait) as con:
        by_path, versions = _existing_reports(con)
        known = frozenset(rid for rid, v in versions.items() if v == version)
        writer = _BatchWriter(con, version)
        seen: set[str] = set()
        for done, (result, rows) in enumerate(_parse_all(files, known, version, workers, parse), start=1):
            _write_result(writer, result, rows, by_path, versions, seen)
            summary.results.append(result)
            _test_pause()
            if progress:
                progress(done, len(files), result)
        writer.flush()
        write_log(con, summary.results, version)
        summary.views_error = apply_views_if_available(con)
    summary.seconds = time.perf_counter() - started
    return summary


def _existing_reports(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, list[str]], dict[str, str]]:
    by_path: dict[str, list[str]] = {}
    versions: dict[str, str] = {}
    for rid, path, version in con.execute("select report_id, file_path, parser_version from reports").fetchall():
        by_path.setdefault(path, []).append(rid)
        versions[rid] = version
    return by_path, versions


def _write_result(writer: _BatchWriter, result: FileResult, rows: dict | None, by_path: dict,
                  versions: dict, seen: set[str]) -> None:
    if result.status != "parsed":
        if result.status == "unchanged" and result.path not in by_path:
            result.note = "内容与已载入的另一文件相同（same content as a file already loaded）"
        return
    rid = result.report_id
    if rid in seen:
        result.status, result.note = "unchanged", "本次载入中已有内容相同的文件（duplicate in this load）"
        return
    seen.add(rid)
    replace = [old for old in by_path.get(result.path, []) if old != rid]
    if rid in versions:
        replace.append(rid)   # same bytes, older parser: parse again
    result.status = "replaced" if replace else "loaded"
    writer.add(result, rows, replace)


def _parse_all(files: list[Path], known: frozenset[str], version: str, workers: int | None,
               parse: ParseFn | None) -> Iterator[tuple[FileResult, dict | None]]:
    """Results in file order. Unchanged files are found here by hash and never parsed;
    the rest go through a process pool when that pays off."""
    hashes = [_hash_file(path) for path in files]
    todo = [str(path) for path, h in zip(files, hashes) if h not in known]
    parsed = _parse_files(todo, version, workers, parse)
    for path, content_hash in zip(files, hashes):
        if content_hash in known:
            yield FileResult(str(path), "unchanged", report_id=content_hash, content_hash=content_hash), None
        else:
            yield next(parsed)


def _hash_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None   # the worker reports why it cannot be read


def _parse_files(paths: list[str], version: str, workers: int | None, parse: ParseFn | None
                 ) -> Iterator[tuple[FileResult, dict | None]]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(paths) < 8:
        _init_worker(parse)
        for path in paths:
            yield read_and_build(path, version)
        return
    yield from _parse_in_pools(paths, version, workers, parse)


def _parse_in_pools(paths: list[str], version: str, workers: int, parse: ParseFn | None
                    ) -> Iterator[tuple[FileResult, dict | None]]:
    """Parse in a process pool; a worker that dies (a reader crashing in C code on one
    malformed file) costs that file only: a fresh pool takes over the rest, and a file
    the restarted pool cannot get past is tried alone and failed if it crashes again."""
    start, chunk = 0, max(1, min(32, len(paths) // (workers * 8)))
    while start < len(paths):
        produced = 0
        try:
            with _pool(workers, parse) as pool:
                rest = paths[start:]
                for item in pool.map(read_and_build, rest, [version] * len(rest), chunksize=chunk):
                    produced += 1
                    yield item
            return
        except BrokenProcessPool:
            start, chunk = start + produced, 1     # smaller chunks find the culprit sooner
            if produced == 0:
                yield _parse_alone(paths[start], version, parse)
                start += 1


def _parse_alone(path: str, version: str, parse: ParseFn | None) -> tuple[FileResult, dict | None]:
    try:
        with _pool(1, parse) as pool:
            return pool.submit(read_and_build, path, version).result()
    except BrokenProcessPool:
        return FileResult(path, "failed", error="读取或解析该文件时进程崩溃（worker process crashed）"), None


def _pool(workers: int, parse: ParseFn | None) -> ProcessPoolExecutor:
    # fork, not spawn: spawn re-imports the caller's `__main__`, which inside Streamlit (and
    # AppTest) is a page script, not an importable module. The children only read and
    # parse (pure Python) and leave through os._exit, so the parent's DuckDB threads and
    # connection are never touched in them.
    return ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_init_worker,
                               initargs=(parse,))


def _test_pause() -> None:
    seconds = os.environ.get(SLEEP_ENV)
    if seconds:
        time.sleep(float(seconds))


def apply_views_if_available(con: duckdb.DuckDBPyConnection) -> str | None:
    """Create the SQL views in the same publish. Returns an error text, or None when fine.

    The views are applied in their own transaction: when they fail, the previous
    views stay as they were and the loaded data is still published — data an
    analyst loaded is not thrown away for a view bug, but the run reports it.
    """
    try:
        from loaders.views import apply_views  # noqa: PLC0415
    except ImportError:
        return "loaders.views 尚不存在，未创建视图（views module missing）"
    con.execute("begin transaction")
    try:
        apply_views(con)
    except Exception as err:  # noqa: BLE001 — reported to the caller, old views kept
        con.execute("rollback")
        return f"创建视图失败，保留原有视图（views failed）：{type(err).__name__}: {err}"
    con.execute("commit")
    return None


# ── command line ──────────────────────────────────────────────────────────────

_STATUS_WORDS = {"loaded": "载入", "replaced": "替换", "unchanged": "未变"}


def run(args) -> int:
    """`perfdash load PATH... [--db FILE] [--workers N]`. Exit 1 when any file failed."""
    db_path = Path(args.db) if args.db else default_db_path()
    files_hint = len(discover_files(args.paths))
    if not files_hint:
        print("没有找到可载入的文件（no files found）", file=sys.stderr)
    step = max(1, min(500, files_hint // 20))

    def progress(done: int, total: int, result: FileResult) -> None:
        if result.status == "failed":
            print(f"失败 {result.path}: {result.error}", file=sys.stderr, flush=True)
        if total >= 50 and (done % step == 0 or done == total):
            print(f"进度 {done}/{total} ({done * 100 // total}%)", file=sys.stderr, flush=True)

    def on_wait() -> None:
        print("另一个载入正在进行，等待它完成…", file=sys.stderr, flush=True)

    try:
        summary = load_paths(args.paths, db_path, workers=args.workers, progress=progress, on_wait=on_wait)
    except Exception as err:  # noqa: BLE001 — the database itself is unusable: say so, change nothing
        if type(err).__module__.split(".")[0] not in ("duckdb", "_duckdb") and not isinstance(err, OSError):
            raise
        print(f"失败 {db_path}: 无法打开或写入数据库，原文件未改动（database error）：{err}", file=sys.stderr)
        return 2
    for result in summary.results:
        if result.status in _STATUS_WORDS:
            extra = f"（{result.note}）" if result.note else ""
            print(f"{_STATUS_WORDS[result.status]} {result.path}{extra}")
    for result in summary.results:
        # a database error found only at write time (after the progress line was printed)
        if result.status == "failed" and result.error and result.error.startswith("写入数据库失败"):
            print(f"失败 {result.path}: {result.error}", file=sys.stderr)
    if summary.views_error:
        print(f"警告 {summary.views_error}", file=sys.stderr)
    print(summary.line())
    print(f"载入 {summary.loaded}，未变 {summary.unchanged}，失败 {summary.failed}"
          f"（{summary.seconds:.1f} 秒，数据库 {db_path}）")
    return 1 if summary.failed or summary.views_error else 0
