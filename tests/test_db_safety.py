"""Safety under faults: kill -9 mid-load, two loads at once, loading while a reader is attached.

Loads in subprocesses run the real `perfdash load` command line with the made-up test
parser (tests.test_load.fake_parse_report) and the loader's test hook
PERFDASH_TEST_SLEEP_PER_FILE, which pauses after each written file so a test can act
mid-load. Nothing here measures time: the waits only give the other process a chance.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from loaders.db import connect_reader, forget_readers, lock_path, open_writer, reader_cursor
from loaders.load import SLEEP_ENV, load_paths
from tests.test_load import fake_parse_report, write_reports

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_readers():
    yield
    forget_readers()


def perfdash_process(tmp_path: Path, args: list[str], sleep: float) -> subprocess.Popen:
    """`perfdash load ...` in a child process, writing one report per transaction and pausing after each."""
    script = tmp_path / "run_load.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        import loaders.load, loaders.parse
        from tests.test_load import fake_parse_report
        loaders.parse.parse_report = fake_parse_report
        loaders.load.BATCH_REPORTS = 1
        from loaders.cli import main
        sys.exit(main(sys.argv[1:]))
    """), encoding="utf-8")
    env = {**os.environ, SLEEP_ENV: str(sleep)}
    return subprocess.Popen([sys.executable, str(script), "load", *args, "--workers", "1"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def temp_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f".{db.name}.tmp-*"))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db: Path, table: str = "reports") -> int:
    return connect_reader(db).execute(f"select count(*) from {table}").fetchall()[0][0]


def test_kill_9_mid_load_keeps_previous_database_and_rerun_completes(tmp_path):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "old", 3), db, workers=1, parse=fake_parse_report)
    before = file_digest(db)
    write_reports(tmp_path / "new", 12, start=100)
    child = perfdash_process(tmp_path, [str(tmp_path / "new"), "--db", str(db)], sleep=0.3)
    # kill in the middle of the load: the temp copy has committed reports (its WAL exists), more are coming
    wait_for(lambda: any(p.name.endswith(".wal") for p in temp_files(db)), "reports written into the temp copy")
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert file_digest(db) == before
    assert count(db) == 3
    leftover = temp_files(db)
    assert leftover, "the killed loader should have left its temp file behind"
    # a rerun completes, and cleans up after the killed one
    summary = load_paths([tmp_path / "old", tmp_path / "new"], db, workers=1, parse=fake_parse_report)
    assert summary.line() == "12 loaded, 3 unchanged, 0 failed"
    assert not any(p.exists() for p in leftover)
    forget_readers()
    assert count(db) == 15
    assert count(db, "indicators") == 30


def test_two_loads_at_once_are_serialised(tmp_path):
    db = tmp_path / "p.duckdb"
    write_reports(tmp_path / "a", 5, start=0)
    write_reports(tmp_path / "b", 5, start=50)
    first = perfdash_process(tmp_path, [str(tmp_path / "a"), "--db", str(db)], sleep=0.3)
    wait_for(lambda: temp_files(db), "the first load to hold the lock")
    second = perfdash_process(tmp_path, [str(tmp_path / "b"), "--db", str(db)], sleep=0.0)
    out_a, err_a = first.communicate(timeout=120)
    out_b, err_b = second.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 0), err_a + err_b
    assert "5 loaded, 0 unchanged, 0 failed" in out_a.splitlines()
    assert "5 loaded, 0 unchanged, 0 failed" in out_b.splitlines()
    assert "另一个载入正在进行" in err_b          # the second one waited for the lock
    assert count(db) == 10                      # neither load lost the other's reports
    assert lock_path(db).exists() and not temp_files(db)


def test_load_while_another_process_reads(tmp_path):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "first", 2), db, workers=1, parse=fake_parse_report)
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(ROOT)!r})
            from loaders.db import connect_reader
            con = connect_reader({str(db)!r})
            print(con.execute("select count(*) from reports").fetchall()[0][0], flush=True)
            time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "2"     # the reader has the file attached now
        summary = load_paths(write_reports(tmp_path / "second", 3, start=10), db, workers=1,
                             parse=fake_parse_report)
        assert summary.line() == "3 loaded, 0 unchanged, 0 failed"
    finally:
        reader.kill()
        reader.wait()
    assert count(db) == 5


def test_reader_in_this_process_sees_new_data_after_reopening(tmp_path):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "first", 2), db, workers=1, parse=fake_parse_report)
    old = connect_reader(db)
    assert connect_reader(db) is old                     # cached while the file is unchanged
    assert old.execute("select count(*) from reports").fetchall() == [(2,)]
    load_paths(write_reports(tmp_path / "second", 3, start=10), db, workers=1, parse=fake_parse_report)
    assert old.execute("select count(*) from reports").fetchall() == [(2,)]   # a consistent old snapshot
    new = connect_reader(db)
    assert new is not old
    assert new.execute("select count(*) from reports").fetchall() == [(5,)]
    assert reader_cursor(db).execute("select count(*) from reports").fetchall() == [(5,)]


def test_reader_is_read_only(tmp_path):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "in", 1), db, workers=1, parse=fake_parse_report)
    with pytest.raises(duckdb.Error, match="read-only"):
        connect_reader(db).execute("delete from reports")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        connect_reader(tmp_path / "absent.duckdb")


def test_failed_write_leaves_live_file_untouched(tmp_path):
    db = tmp_path / "p.duckdb"
    load_paths(write_reports(tmp_path / "in", 2), db, workers=1, parse=fake_parse_report)
    before = file_digest(db)
    with pytest.raises(RuntimeError, match="boom"), open_writer(db) as con:
        con.execute("delete from reports")
        raise RuntimeError("boom")
    assert file_digest(db) == before
    assert not temp_files(db)
    assert count(db) == 2


def test_next_writer_removes_stale_temp_files(tmp_path):
    db = tmp_path / "p.duckdb"
    stale = [tmp_path / f".p.duckdb.tmp-999-dead{i}" for i in range(2)]
    for path in stale:
        path.write_bytes(b"half-written")
    with open_writer(db) as con:
        con.execute("select 1").fetchall()
    assert not any(p.exists() for p in stale)
    assert db.exists()


def test_old_database_gets_new_schema_columns(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table agencies (agency_id varchar primary key, canonical_name varchar not null, "
                "region varchar, level varchar, sector varchar)")
    con.execute("insert into agencies values ('a1', '丰台区信访办', '北京市丰台区', null, '信访')")
    con.close()
    with open_writer(db):
        pass
    columns = [r[0] for r in connect_reader(db).execute(
        "select column_name from information_schema.columns where table_name = 'agencies' "
        "order by ordinal_position").fetchall()]
    assert columns[-2:] == ["name_key", "created_at"]
    assert connect_reader(db).execute("select canonical_name from agencies").fetchall() == [("丰台区信访办",)]


def test_a_database_file_that_is_not_duckdb_is_refused_untouched(tmp_path, capsys):
    from loaders.cli import main as perfdash

    db = tmp_path / "p.duckdb"
    db.write_bytes(b"not a database, whatever it is")
    write_reports(tmp_path / "in", 1)
    assert perfdash(["load", str(tmp_path / "in"), "--db", str(db), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"失败 {db}: 无法打开或写入数据库，原文件未改动" in err
    assert db.read_bytes() == b"not a database, whatever it is"
    assert not temp_files(db)
