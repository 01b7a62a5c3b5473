"""Helpers for the dashboard's AppTest tests: the fixture database and page access."""
from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import duckdb
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard_fixture import build_database

APP = "../dashboard/streamlit_app.py"


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory) -> Path:
    """The fixture database, named by $PERFDASH_DB for the app under test."""
    path = build_database(tmp_path_factory.mktemp("dashboard") / "fixture.duckdb")
    previous = os.environ.get("PERFDASH_DB")
    os.environ["PERFDASH_DB"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("PERFDASH_DB", None)
    else:
        os.environ["PERFDASH_DB"] = previous


def raw(path: Path, sql: str, params=()):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def open_page(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(data) -> list:
    """A plotly array: a plain list, or plotly's typed-array encoding {dtype, bdata}."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data)


def url_values(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return sorted([value] if isinstance(value, str) else list(value))


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)
