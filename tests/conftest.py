"""Shared test fixtures.

Outside CI, tests that need ../shared/corpus or Debian's chromium skip with a reason
that says what is missing. In CI (`PERFDASH_CI=1`, set by .ci/run) they fail instead:
nothing is skipped there.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("PERFDASH_CI") == "1"


def require(condition: bool, reason: str) -> None:
    """Skip with `reason` on a developer machine; fail in CI where everything must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


SCORER_PATH = CORPUS_DIR.parent / "tools" / "score_extraction.py"


def shared_scorer():
    """../shared/tools/score_extraction.py as a module (imported, not copied)."""
    require(SCORER_PATH.is_file(), f"scorer not found beside this clone ({SCORER_PATH})")
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_documents() -> list[Path]:
    """Every corpus text that has a truth JSON beside it (empty list when the corpus is absent)."""
    if not CORPUS_DIR.is_dir():
        return []
    return sorted(p for p in CORPUS_DIR.glob("*/*.txt") if p.with_suffix(".json").exists())


@pytest.fixture
def corpus_dir() -> Path:
    require(CORPUS_DIR.is_dir(), f"../shared/corpus not found beside this clone ({CORPUS_DIR})")
    return CORPUS_DIR


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    require(path is not None, "Debian chromium is not installed (apt-get install chromium)")
    return path
