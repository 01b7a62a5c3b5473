"""Legacy binary Word (.doc, Word 97-2003), RTF and OpenDocument text → text, through LibreOffice.

No pure-Python reader handles .doc tables well, so when `soffice` is installed the
file is converted to .docx in a private temporary folder (with its own LibreOffice
profile, so parallel conversions do not fight over one) and read by the .docx
reader. Without LibreOffice the error says what to install or how to re-save.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.errors import TruncatedFileError, UnsupportedFormatError
from loaders.read import Document
from loaders.read.docx import read_docx

CONVERT_TIMEOUT_S = 120
SOFFICE_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def convert_to_docx(path: Path, soffice: str, workdir: Path) -> Path:
    profile = (workdir / "profile").as_uri()
    source = workdir / ("input" + path.suffix.lower() if path.suffix else "input.doc")
    shutil.copyfile(path, source)          # a plain ASCII name: soffice mangles some CJK names
    (workdir / "out").mkdir()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(workdir / "out"), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as err:
        raise TruncatedFileError(
            f"LibreOffice 转换 .doc 超时（{CONVERT_TIMEOUT_S} 秒），文件可能已损坏 (conversion timed out)"
        ) from err
    converted = workdir / "out" / (source.stem + ".docx")
    if not converted.exists() or converted.stat().st_size == 0:
        raise TruncatedFileError("LibreOffice 无法转换这个 .doc 文件，文件可能已损坏；请用 Word/WPS 另存为 .docx (conversion failed)")
    return converted


def read_legacy_doc(path: Path) -> Document:
    """Read a binary .doc or .rtf via LibreOffice. Raises UnsupportedFormatError without it."""
    path = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(
            "旧版 Word(.doc)、RTF 或 ODT 文件需要 LibreOffice 才能读取：请安装 libreoffice-writer-nogui，"
            "或用 Word/WPS 打开后另存为 .docx 再上传 (legacy .doc needs LibreOffice)"
        )
    with tempfile.TemporaryDirectory(prefix="perfdash-doc-") as tmp:
        document = read_docx(convert_to_docx(path, soffice, Path(tmp)))
    document.notes.append("文件（旧版 Word .doc / RTF / ODT）已用 LibreOffice 转换为 .docx 后读取")
    return document
