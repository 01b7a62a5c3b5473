"""Readers: bytes of one file → text lines, plus what the reader decided.

Tables from Word / PDF / Excel become one line per row with cells separated by
tabs, so one text parser serves every format (loaders/parse).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Document:
    text: str                      # the whole document; table rows as tab-separated lines
    source_format: str             # txt | docx | pdf | xlsx | html
    encoding: str | None = None    # what the text reader decided (txt/html only)
    notes: list[str] = field(default_factory=list)   # other decisions worth recording


def read_document(path: Path) -> Document:
    """Read any supported file. Raises loaders.errors.InputError with the reason."""
    from loaders.read.text import read_text_file  # noqa: PLC0415 — formats are added by content type

    return read_text_file(Path(path))
