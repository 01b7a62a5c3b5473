"""Write tests/data/bad_formats/: one small file per way an input can be wrong.

Each file is named for what is wrong with it; tests/test_bad_inputs.py asserts the
words of the error (or note) each one gets. Deterministic: rerunning rewrites the
same content (apart from the timestamps some writers embed).

    uv run python tests/data/make_bad_formats.py [OUT_DIR]
"""
from __future__ import annotations

import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.format_builders import STANDARD_REPORT, to_txt, write_docx, write_html  # noqa: E402

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_stub(stream_name: str) -> bytes:
    """A minimal OLE2 container header plus a directory entry naming `stream_name`:
    enough for content sniffing (real .doc / encrypted Office files need Word to make)."""
    header = OLE2_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 480
    entry = stream_name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    return header + b"\x00" * (512 - len(header) % 512) + entry


def png_bytes() -> bytes:
    from PIL import Image, ImageDraw  # noqa: PLC0415 — Pillow comes with reportlab

    image = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline=0, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scanned_pdf(path: Path) -> None:
    from reportlab.lib.utils import ImageReader  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(io.BytesIO(png_bytes())), 50, 400, width=500, height=250)
    pdf.save()


def encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 720, "项目支出绩效自评表")
    pdf.save()


def formulas_no_cache(path: Path) -> None:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    sheet.append(["项目支出绩效自评表"])
    sheet.append(["项目资金（万元）", "全年预算数", "全年执行数", "执行率"])
    sheet.append(["年度资金总额", 150, 142.5, "=C3/B3"])
    sheet.append(["总分", "=SUM(B5:B6)"])
    book.save(path)


def image_only_docx(path: Path) -> None:
    import docx  # noqa: PLC0415

    document = docx.Document()
    document.add_picture(io.BytesIO(png_bytes()))
    document.save(path)


def not_a_report_docx(path: Path) -> None:
    import docx  # noqa: PLC0415

    document = docx.Document()
    document.add_paragraph("会议通知")
    document.add_paragraph("定于下周三上午九点在三楼会议室召开全体职工大会，请准时参加。")
    document.save(path)


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    report = to_txt(STANDARD_REPORT)
    (out / "zero_bytes.docx").write_bytes(b"")
    (out / "blank.txt").write_text(" \n\t\n\u3000\n", encoding="utf-8")
    (out / "binary.txt").write_bytes(random.Random(6).randbytes(4096))
    import docx  # noqa: PLC0415
    docx.Document().save(out / "empty.docx")
    full = write_docx(STANDARD_REPORT, out / "_full.docx").read_bytes()
    (out / "truncated.docx").write_bytes(full[: len(full) // 2])
    (out / "_full.docx").unlink()
    image_only_docx(out / "images_only.docx")
    not_a_report_docx(out / "not_a_report.docx")
    encrypted_pdf(out / "encrypted.pdf")
    scanned_pdf(out / "scanned.pdf")
    formulas_no_cache(out / "formulas_no_cache.xlsx")
    write_html(STANDARD_REPORT, out / "html_renamed.doc", encoding="gb2312")
    (out / "wrong_extension.pdf").write_text(report, encoding="utf-8")
    (out / "picture_named.pdf").write_bytes(png_bytes())
    (out / "zip_not_office.docx").write_bytes(_zip_with_text(report))
    (out / "legacy_binary.doc").write_bytes(ole2_stub("WordDocument"))
    (out / "password_protected.docx").write_bytes(ole2_stub("EncryptedPackage"))
    (out / "ofd_document.ofd").write_bytes(_zip_with({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<x/>"}))
    return sorted(out.iterdir())


def _zip_with_text(text: str) -> bytes:
    return _zip_with({"report.txt": text})


def _zip_with(members: dict[str, str]) -> bytes:
    import zipfile  # noqa: PLC0415

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "bad_formats"
    for written in write_all(target):
        print(f"{written.stat().st_size:>8}  {written.name}")
