"""Where things live. The environment is read here, once, and nowhere else."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
DEMO_DIR = DATA_DIR / "demo"                      # bundled demo reports (committed)
DB_ENV = "PERFDASH_DB"


def default_db_path() -> Path:
    """`$PERFDASH_DB` when set, else data/perfdash.duckdb."""
    env = os.environ.get(DB_ENV)
    return Path(env) if env else DATA_DIR / "perfdash.duckdb"
