"""The --zip archive: every chart as PNG (with its data as XLSX) plus the report tables as XLSX.

File names are ASCII-numbered stems (01_execution_by_agency.png) so the archive opens
the same on every system; the Chinese titles live inside the images and sheets.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from dashboard.exporting.figures import ChartSpec
from dashboard.exporting.tables import frame_to_xlsx_bytes


def bundle_members(charts: list[ChartSpec], tables: dict[str, pd.DataFrame], renderer,
                   caption: str) -> dict[str, bytes]:
    """Archive member name → bytes, in the order they are written."""
    members: dict[str, bytes] = {}
    for i, chart in enumerate(charts, start=1):
        stem = f"charts/{i:02d}_{chart.key}"
        members[f"{stem}.png"] = renderer.render(chart.fig, "png", caption=caption)
        members[f"{stem}.xlsx"] = frame_to_xlsx_bytes(chart.data, sheet_name=chart.title, caption=caption)
    for name, frame in tables.items():
        members[f"tables/{name}.xlsx"] = frame_to_xlsx_bytes(frame, sheet_name=name, caption=caption)
    return members


def write_bundle(path: Path, members: dict[str, bytes]) -> None:
    """Write the zip atomically enough for a CLI: to a temp name, then rename."""
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    tmp.replace(path)
