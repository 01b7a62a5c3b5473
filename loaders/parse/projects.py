"""Evaluated projects in a report: money block, total score, indicator table.

Entry point `parse_projects(lines)` is called by loaders.parse.report.parse_report.
"""
from __future__ import annotations

from loaders.records import Project


def parse_projects(lines: list[str]) -> tuple[list[Project], list[str]]:
    """lines = the document's normalised lines (lines[0] is line 1).

    Returns the evaluated projects (money fields, money rows, indicators, provenance
    spans as 1-based inclusive line numbers) and warnings (Chinese, one sentence each).
    """
    return [], []
