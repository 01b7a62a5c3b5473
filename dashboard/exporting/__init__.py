"""Exports for the annual summary: chart images, data tables, the Word report and the zip bundle.

Everything here is plain Python (no streamlit) except `ui.py`, so the `perfdash export`
command and the dashboard share one implementation.
"""
