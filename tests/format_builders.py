"""Build the same small report as .txt, .docx, .xlsx, .pdf and .html, at test time.

A report is a list of blocks: ("p", text) or ("table", rows). In a row, the last
cell spans to the right edge of the table (a horizontal merge) and None means
"merged with the cell above" (a vertical merge), which every reader renders as an
empty cell, like the text layouts do. So `to_txt(blocks)` is what every reader's
text must equal.
"""
from __future__ import annotations

import html
from pathlib import Path

Block = tuple[str, object]

STANDARD_REPORT: list[Block] = [
    ("p", "项目支出绩效自评表"),
    ("p", "（2024年度）"),
    ("table", [
        ["项目名称", "社区居家养老服务补助"],
        ["主管部门", "滨河区民政局", "实施单位", "滨河区民政局"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", "120", "150", "142.5", "10", "95.00%", "9.5"],
        [None, "其中：当年财政拨款", "120", "150", "142.5", "—", "—", "—"],
        [None, "上年结转资金", "0", "0", "0", "—", "—", "—"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        [None, "为辖区500名以上老年人提供居家养老服务", "为526名老年人提供居家养老服务"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [None, "产出指标", "数量指标", "服务老年人数", "≥500人", "526人", "20", "20"],
        [None, None, "质量指标", "服务合格率", "≥95%", "97%", "15", "15"],
        [None, None, "时效指标", "补助发放及时率", "100%", "100%", "10", "10"],
        [None, None, "成本指标", "人均补助标准", "≤3000元", "2850元", "5", "5"],
        [None, "效益指标", "社会效益指标", "老年人生活质量改善", "明显改善", "有所改善", "20", "16"],
        [None, "满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "93%", "20", "20"],
        ["总分", "", "", "", "", "", "100", "95.5"],
    ]),
    ("p", "填报单位：滨河区民政局"),
]
GRID = 8   # columns of the table grid


def table_text(rows: list[list[str | None]]) -> list[str]:
    lines = []
    for row in rows:
        cells = ["" if c is None else c for c in row]
        while cells and not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))
    return lines


def to_txt(blocks: list[Block]) -> str:
    lines: list[str] = []
    for kind, value in blocks:
        lines.extend([value] if kind == "p" else table_text(value))
    return "\n".join(lines) + "\n"


def write_txt(blocks: list[Block], path: Path) -> Path:
    path.write_text(to_txt(blocks), encoding="utf-8")
    return path


def write_docx(blocks: list[Block], path: Path, *, grid: int = GRID) -> Path:
    import docx  # noqa: PLC0415

    document = docx.Document()
    for kind, value in blocks:
        if kind == "p":
            document.add_paragraph(value)
            continue
        table = document.add_table(rows=len(value), cols=grid)
        table.style = "Table Grid"
        for r, row in enumerate(value):
            for c, cell in enumerate(row):
                if cell is None:
                    table.cell(r - 1, c).merge(table.cell(r, c))   # vertical merge
                else:
                    table.cell(r, c).text = cell
            if len(row) < grid:
                table.cell(r, len(row) - 1).merge(table.cell(r, grid - 1))
    document.save(path)
    return path


def write_xlsx(blocks: list[Block], path: Path, *, numeric: bool = False, grid: int = GRID) -> Path:
    """numeric=True stores numbers as numbers and 95.00% as 0.95 with a % format."""
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效自评表"
    r = 0
    for kind, value in blocks:
        rows = [[value]] if kind == "p" else value
        for row in rows:
            r += 1
            for c, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                target = sheet.cell(r, c, value=_excel_value(cell, sheet.cell(r, c)) if numeric else cell)
                if isinstance(target.value, str) and target.value.startswith("="):
                    target.data_type = "s"       # "=0起" is a target value, not a formula
            if kind == "table" and len(row) < grid:
                sheet.merge_cells(start_row=r, start_column=len(row), end_row=r, end_column=grid)
    book.save(path)
    return path


def _excel_value(text: str, cell):
    try:
        if text.endswith("%"):
            decimals = len(text[:-1].partition(".")[2])
            cell.number_format = "0." + "0" * decimals + "%" if decimals else "0%"
            return float(text[:-1]) / 100
        return float(text) if "." in text else int(text)
    except ValueError:
        return text


def write_html(blocks: list[Block], path: Path, *, encoding: str = "utf-8", grid: int = GRID) -> Path:
    parts = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
             "<style>td {border: 1px solid}</style></head><body>"]
    for kind, value in blocks:
        if kind == "p":
            parts.append(f"<p class=MsoNormal><span>{html.escape(value)}</span><o:p></o:p></p>")
            continue
        parts.append("<table border=1>")
        parts.extend(_html_rows(value, grid))
        parts.append("</table>")
    parts.append("</body></html>")
    # Pages that declare gb2312 really use its superset (GBK/GB18030), as real ones do.
    codec = "gb18030" if encoding.lower() in ("gb2312", "gbk") else encoding
    path.write_bytes("\n".join(parts).encode(codec))
    return path


def _html_rows(rows, grid: int = GRID) -> list[str]:
    """Rows as Word writes them: merged cells are one <td> with rowspan / colspan."""
    out = []
    for r, row in enumerate(rows):
        tds = []
        for c, cell in enumerate(row):
            if cell is None:
                continue
            below = 1
            while r + below < len(rows) and c < len(rows[r + below]) and rows[r + below][c] is None:
                below += 1
            span = grid - c if c == len(row) - 1 else 1
            attrs = (f" rowspan={below}" if below > 1 else "") + (f" colspan={span}" if span > 1 else "")
            tds.append(f"<td{attrs} style='border:solid 1pt'><p class=MsoNormal>"
                       f"<span lang=EN-US>{html.escape(cell)}</span><o:p></o:p></p></td>")
        out.append("<tr>\n" + "\n".join(tds) + "\n</tr>")
    return out


def write_pdf(blocks: list[Block], path: Path, *, repeat_rows: int = 0, page_numbers: bool = False) -> Path:
    """A PDF with a real text layer (reportlab's built-in CJK font STSong-Light).

    repeat_rows: header rows repeated on every page a table continues on;
    page_numbers: a "- N -" footer on each page, as printed reports have."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    story = []
    for kind, value in blocks:
        if kind == "p":
            story.append(Paragraph(html.escape(value), style))
            continue
        data, spans = _pdf_table_data(value, style, Paragraph)
        table = Table(data, repeatRows=repeat_rows, colWidths=[90, 95, 85, 105, 70, 70, 55, 55])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
        story.append(table)
    def footer(canvas, doc):
        if page_numbers:
            canvas.setFont("STSong-Light", 9)
            canvas.drawCentredString(doc.pagesize[0] / 2, 20, f"- {doc.page} -")

    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def _pdf_table_data(rows, style, paragraph):
    data, spans = [], []
    for r, row in enumerate(rows):
        data.append([paragraph(html.escape(c or ""), style) for c in row] + [""] * (GRID - len(row)))
        if len(row) < GRID:
            spans.append(("SPAN", (len(row) - 1, r), (GRID - 1, r)))
        for c, cell in enumerate(row):
            if cell is None:
                top = r
                while rows[top][c] is None:
                    top -= 1
                spans.append(("SPAN", (c, top), (c, r)))
    return data, spans


def write_rotated_pdf(rows, path: Path, rotation: int) -> Path:
    """A landscape form as scanners and Word often save it: a portrait page with /Rotate
    `rotation` (90 or 270) whose content is drawn turned the other way, so it reads upright."""
    import pypdfium2  # noqa: PLC0415
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415
    from reportlab.platypus import Paragraph, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    data, spans = _pdf_table_data(rows, style, Paragraph)
    unrotated = path.with_suffix(".unrotated.pdf")
    pdf = canvas.Canvas(str(unrotated), pagesize=A4)
    width, height = A4
    pdf.translate(width, 0) if rotation == 90 else pdf.translate(0, height)
    pdf.rotate(90 if rotation == 90 else -90)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 520, "项目支出绩效自评表")
    table = Table(data, colWidths=[90, 95, 85, 105, 70, 70, 55, 55])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    _w, table_height = table.wrapOn(pdf, 700, 500)
    table.drawOn(pdf, 72, 500 - table_height)
    pdf.save()
    document = pypdfium2.PdfDocument(str(unrotated))
    document[0].set_rotation(rotation)
    document.save(str(path))
    document.close()
    unrotated.unlink()
    return path
