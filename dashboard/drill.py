"""The drill-down address: which query parameters name an agency, report, project or indicator.

Ids come from the loader (report_id = content hash, project_id = report_id:seq,
indicator_id = project_id:seq), so a URL like `detail?project=…&indicator=…` stays
valid for as long as that report is loaded and can be shared.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

LEVELS = ("agency", "report", "project", "indicator")


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and str(value) != ""


def detail_params(row: dict) -> dict[str, str]:
    """Query parameters that open the deepest level a flag (or any row with ids) points at."""
    params = {}
    for level, column in (("report", "report_id"), ("project", "project_id"), ("indicator", "indicator_id")):
        if _present(row.get(column)):
            params[level] = str(row[column])
    if not params and _present(row.get("agency_key")):
        params["agency"] = str(row["agency_key"])
    return params


def detail_url(row: dict) -> str:
    """Relative link to the 明细 page for a row."""
    return "./detail?" + urlencode(detail_params(row))
