"""Upload safety for the dashboard's 数据 page: size limit, type by content, safe names,
and never writing outside the uploads folder.

Pure checks (`check_size`, `detect_kind`, `safe_file_name`, `target_path`) plus one
function with side effects, `save_upload`, which the dashboard calls with the
uploaded bytes. Everything raises UploadRejected (an InputError) whose text is a
Chinese message fit to show the analyst.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from loaders.errors import InputError
from loaders.paths import DATA_DIR
from loaders.read.sniff import EXTENSIONS, extension_note, sniff_kind

UPLOADS_DIR = DATA_DIR / "uploads"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024          # a 200-page PDF report is ~10 MB; scans are refused anyway
MAX_NAME_CHARS = 120
# The extension a saved file gets, by content kind (the name the user gave is not trusted).
CANONICAL_SUFFIX = {"txt": ".txt", "docx": ".docx", "xlsx": ".xlsx", "xls": ".xls", "pdf": ".pdf",
                    "html": ".html", "mht": ".mht", "doc": ".doc", "rtf": ".rtf", "odt": ".odt"}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)


class UploadRejected(InputError):
    """An upload refused before it is written; str() is the message for the analyst."""


@dataclass
class SavedUpload:
    path: Path
    kind: str                       # what the content is (loaders.read.sniff kinds)
    notes: list[str] = field(default_factory=list)


def check_size(size: int, limit: int = MAX_UPLOAD_BYTES) -> None:
    if size <= 0:
        raise UploadRejected("上传的文件为空（0 字节）")
    if size > limit:
        raise UploadRejected(f"文件太大（{size / 1048576:.1f} MB），上限为 {limit / 1048576:.0f} MB")


def safe_file_name(name: str, kind: str) -> str:
    """A name safe to create inside the uploads folder: no folders, no control or shell
    characters, no leading dots, bounded length, and the extension of its real content."""
    base = unicodedata.normalize("NFC", name or "")
    base = re.split(r"[\\/]", base)[-1]                     # drop any folder part, Windows or POSIX
    stem = Path(base).stem if Path(base).suffix.lower() in _known_suffixes() else base
    stem = _UNSAFE.sub("_", stem).strip(" ._")
    if not stem or _WINDOWS_RESERVED.match(stem):
        stem = f"upload_{stem}" if stem else "upload"
    return stem[:MAX_NAME_CHARS] + CANONICAL_SUFFIX[kind]


def _known_suffixes() -> set[str]:
    return {s for suffixes in EXTENSIONS.values() for s in suffixes if s}


def target_path(folder: Path, file_name: str) -> Path:
    """folder/file_name, refusing a name that would land outside `folder`. The last
    component is not resolved: a symlink planted there is never followed (see
    write_exclusive), it only makes unique_path pick another name."""
    root = Path(folder).resolve()
    target = root / file_name
    if file_name in ("", ".", "..") or "/" in file_name or "\\" in file_name or target.parent != root:
        raise UploadRejected("文件名不安全（指向数据文件夹之外），已拒绝")
    return target


def detect_kind(data: bytes, name: str) -> tuple[str, list[str]]:
    """The content's kind (by magic bytes, via loaders.read.sniff) and a note when the
    extension disagrees. Raises UploadRejected for content no reader takes."""
    with tempfile.TemporaryDirectory(prefix="perfdash-upload-") as tmp:
        probe = Path(tmp) / ("probe" + Path(name or "").suffix.lower()[:10])
        probe.write_bytes(data)
        try:
            kind = sniff_kind(probe)
        except InputError as err:
            raise UploadRejected(str(err)) from err
        note = extension_note(probe, kind)
    return kind, [note] if note else []


def unique_path(path: Path) -> Path:
    """path, or path with -2, -3 … when a file of that name is already there."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def write_exclusive(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder, then link it in without overwriting or
    following a symlink planted at the target."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)            # fails if path exists (also a dangling symlink)
    finally:
        os.unlink(tmp)


def save_upload(name: str, data: bytes, folder: Path | None = None,
                limit: int = MAX_UPLOAD_BYTES) -> SavedUpload:
    """Check and store one uploaded file in `folder` (default data/uploads).
    Returns where it went and what it is. Raises UploadRejected."""
    check_size(len(data), limit)
    kind, notes = detect_kind(data, name)
    root = Path(folder or UPLOADS_DIR)
    root.mkdir(parents=True, exist_ok=True)
    for _attempt in range(5):                   # another upload may take the name meanwhile
        path = unique_path(target_path(root, safe_file_name(name, kind)))
        try:
            write_exclusive(path, data)
            return SavedUpload(path=path, kind=kind, notes=notes)
        except FileExistsError:
            continue
    raise UploadRejected("同名文件正在被同时上传，请稍后重试")
