"""How perfdash opens its DuckDB file: one writer at a time, readers never blocked.

DuckDB lets only one process open a file read-write, and only when nobody else has
it open — so a dashboard reading the live file would make every load fail. The
decision here (RECIPES.md, "DuckDB across processes"): writers never touch the live
file. A writer takes an exclusive flock on `<db>.lock`, copies the live file to a
temp file in the same folder, writes there, CHECKPOINTs, closes, fsyncs and
publishes with an atomic `os.replace`. A kill at any moment leaves either the old
file or the new one, never a mix; leftover temp files are removed by the next writer.

Readers (`connect_reader`) attach the live file READ_ONLY into an in-memory
connection, cached on (path, inode, mtime), so a published file is picked up
without a restart. This module imports only duckdb and the standard library: the
dashboard may import it freely.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

SCHEMA_SQL = Path(__file__).resolve().parent / "schema.sql"
READER_CATALOG = "db"
_TEMP_MARK = ".tmp-"


def lock_path(db_path: Path) -> Path:
    """The lock file beside the database that serialises writers."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _temp_prefix(db_path: Path) -> str:
    return f".{db_path.name}{_TEMP_MARK}"


# ── writer ────────────────────────────────────────────────────────────────────

@contextmanager
def exclusive_lock(db_path: Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the writers' flock; `on_wait` is called once if another writer has it."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


WRITER_MEMORY_LIMIT = "1536MB"


@contextmanager
def open_writer(db_path: Path, *, on_wait: Callable[[], None] | None = None
                ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a private copy of the database, published on success.

    If the block raises (or the process dies), the live file is untouched. The
    schema is created or extended (new columns of loaders/schema.sql) on the copy.
    """
    db_path = Path(db_path)
    with exclusive_lock(db_path, on_wait=on_wait):
        remove_stale_temps(db_path)
        temp = db_path.with_name(f"{_temp_prefix(db_path)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            if db_path.exists():
                shutil.copyfile(db_path, temp)
            con = duckdb.connect(str(temp))
            # a bound, not a budget: DuckDB spills past it instead of growing to 80% of the machine,
            # so a load beside a running dashboard keeps the memory the issue allows (≤ 2 GB)
            con.execute(f"set memory_limit = '{WRITER_MEMORY_LIMIT}'")
        except BaseException:
            _remove_temp(temp)   # e.g. the live file is not a DuckDB database
            raise
        try:
            ensure_schema(con)
            yield con
            con.execute("checkpoint")
            con.close()
            _publish(temp, db_path)
        except BaseException:
            con.close()
            _remove_temp(temp)
            raise


def _publish(temp: Path, db_path: Path) -> None:
    """fsync the finished file, swap it in atomically, fsync the folder entry."""
    with temp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(temp, db_path)
    dir_fd = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_temp(temp: Path) -> None:
    for path in (temp, temp.with_name(temp.name + ".wal")):
        path.unlink(missing_ok=True)


def remove_stale_temps(db_path: Path) -> list[Path]:
    """Delete temp files a killed writer left behind. Call only while holding the lock."""
    db_path = Path(db_path)
    if not db_path.parent.is_dir():
        return []
    stale = sorted(db_path.parent.glob(_temp_prefix(db_path) + "*"))
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, and add columns that a newer schema.sql declares."""
    ddl = SCHEMA_SQL.read_text(encoding="utf-8")
    con.execute(ddl)
    present = set(con.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_catalog = current_database()").fetchall())
    for table, column, data_type in _schema_columns(ddl):
        if (table, column) not in present:
            # identifiers come from our own schema.sql, never from input
            con.execute(f'alter table "{table}" add column "{column}" {data_type}')


@lru_cache(maxsize=4)
def _schema_columns(ddl: str) -> tuple[tuple[str, str, str], ...]:
    """(table, column, type) that the DDL creates, read from a scratch in-memory database."""
    wanted = duckdb.connect(":memory:")
    try:
        wanted.execute(ddl)
        return tuple(wanted.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "order by table_name, ordinal_position").fetchall())
    finally:
        wanted.close()


# ── readers ───────────────────────────────────────────────────────────────────

_readers: dict[str, tuple[tuple[int, int, int], duckdb.DuckDBPyConnection]] = {}
_readers_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def connect_reader(db_path: Path) -> duckdb.DuckDBPyConnection:
    """In-memory connection with the live file attached READ_ONLY as `db` (and `USE db`).

    Cached per path and reopened when the file was replaced (inode / mtime / size
    changed), so a dashboard sees a finished load on its next query. Raises
    FileNotFoundError when there is no database yet. For concurrent use from
    several threads, take `reader_cursor(db_path)` instead.
    """
    path = Path(db_path).resolve()
    key = _file_key(path)
    with _readers_lock:
        cached = _readers.get(str(path))
        if cached and cached[0] == key:
            return cached[1]
        con = duckdb.connect(":memory:")
        con.execute(f"attach ? as {READER_CATALOG} (read_only)", [str(path)])
        con.execute(f"use {READER_CATALOG}")
        # The old connection is only dropped, not closed: another thread may still be reading it.
        _readers[str(path)] = (key, con)
        return con


def reader_cursor(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A cursor of the cached reader, for one thread or one query (`USE db` applied)."""
    cur = connect_reader(db_path).cursor()
    cur.execute(f"use {READER_CATALOG}")
    return cur


def forget_readers() -> None:
    """Drop every cached reader (tests; or before deleting a database file)."""
    with _readers_lock:
        for _, con in _readers.values():
            con.close()
        _readers.clear()
