"""`perfdash demo`: write a made-up district's reports, each with its truth JSON beside it.

Generation (loaders.demo.generate) is pure and seeded; this module only renders
and writes. Output: DIR/NAME.<fmt> + DIR/NAME.json (FORMAT.md contract) for every
document, and DIR/manifest.tsv (one line per document: agency, year, kind,
format, layout, planted anomalies) for benchmarks and flag checks.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from loaders.demo.generate import generate
from loaders.demo.model import FORMATS, DemoDocument

MANIFEST = "manifest.tsv"   # not .csv: a folder load picks up .csv/.md files as reports
MANIFEST_FIELDS = ("file", "agency", "region", "year", "report_kind", "format", "layout", "n_projects",
                   "plants", "copied_from")


def parse_years(text: str) -> list[int]:
    """"2021-2024" → [2021, 2022, 2023, 2024]; "2022,2024" → [2022, 2024]."""
    if "-" in text:
        first, last = (int(x) for x in text.split("-", 1))
        return list(range(first, last + 1))
    return [int(x) for x in text.split(",") if x.strip()]


def parse_formats(text: str) -> tuple[str, ...]:
    """"txt,docx" → each document in one of them, evenly; repeat a format to weight it ("txt,txt,docx")."""
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"不支持的格式：{','.join(unknown) or '（空）'}（可选 {','.join(FORMATS)}）")
    return formats


def render(doc: DemoDocument) -> bytes:
    """The document's file content in its format."""
    if doc.fmt == "txt":
        from loaders.demo.render_txt import render_txt  # noqa: PLC0415 — renderers load only when used
        return render_txt(doc).encode("utf-8")
    if doc.fmt == "docx":
        from loaders.demo.render_docx import render_docx  # noqa: PLC0415
        return render_docx(doc)
    if doc.fmt == "xlsx":
        from loaders.demo.render_xlsx import render_xlsx  # noqa: PLC0415
        return render_xlsx(doc)
    from loaders.demo.render_pdf import render_pdf  # noqa: PLC0415
    return render_pdf(doc)


def write_documents(docs: Iterable[DemoDocument], out: Path, *, limit: int | None = None) -> list[dict]:
    """Render and write every document (at most `limit`) and the manifest; returns the manifest rows."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc in docs:
        if limit is not None and len(rows) >= limit:
            break
        name = f"{doc.stem}.{doc.fmt}"
        doc.report.file = name
        (out / name).write_bytes(render(doc))
        (out / f"{doc.stem}.json").write_text(json.dumps(doc.truth_json(), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
        rows.append(manifest_row(doc, name))
    with (out / MANIFEST).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def manifest_row(doc: DemoDocument, name: str) -> dict:
    r = doc.report
    return {"file": name, "agency": r.agency, "region": r.region, "year": r.year, "report_kind": r.report_kind,
            "format": doc.fmt, "layout": doc.layout, "n_projects": len(r.projects),
            "plants": ";".join(doc.plants), "copied_from": doc.copied_from or ""}


def run(args) -> int:
    try:
        years, formats = parse_years(args.years), parse_formats(args.formats)
    except ValueError as err:
        print(f"参数错误：{err}", file=sys.stderr)
        return 2
    rows = write_documents(generate(args.agencies, years, seed=args.seed, formats=formats), Path(args.out))
    n_projects = sum(r["n_projects"] for r in rows)
    planted = sum(1 for r in rows if r["plants"])
    print(f"已生成 {len(rows)} 份报告（{n_projects} 个项目，其中 {planted} 份含预设问题）→ {args.out}")
    return 0
