"""Pure parsing: decoded text → loaders.records.Report. No I/O, no database."""
from loaders.parse.report import parse_report

__all__ = ["parse_report"]
