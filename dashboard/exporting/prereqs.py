"""Can this machine render charts to images? Checked before any render, answered in Chinese.

Static export needs a Chromium (kaleido drives it) and a CJK font (without one every Chinese
glyph becomes an empty box). We check both up front and name the package to install, so a
user never sees a stack trace or an image full of boxes. We never download a browser.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache

MISSING_CHROMIUM = "请安装 chromium（apt-get install chromium）"
MISSING_CJK_FONT = "请安装中文字体 fonts-noto-cjk"


class ExportUnavailable(RuntimeError):
    """Static export cannot run here; `str(err)` tells the user what to install."""


def find_chromium() -> str | None:
    """The browser kaleido will use: $BROWSER_PATH when it exists, else chromium on PATH."""
    pinned = os.environ.get("BROWSER_PATH")
    if pinned and os.path.exists(pinned):
        return pinned
    return shutil.which("chromium") or shutil.which("chromium-browser")


def list_cjk_fonts() -> list[str]:
    """Font files fontconfig knows for Chinese (`fc-list :lang=zh`); empty when none or no fc-list."""
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def missing_prerequisites() -> list[str]:
    """The Chinese install messages for whatever is missing (empty list = ready)."""
    problems = []
    if find_chromium() is None:
        problems.append(MISSING_CHROMIUM)
    if not list_cjk_fonts():
        problems.append(MISSING_CJK_FONT)
    return problems


@lru_cache(maxsize=1)
def _cached_missing() -> tuple[str, ...]:
    return tuple(missing_prerequisites())


def check_prerequisites(*, cached: bool = False) -> None:
    """Raise ExportUnavailable naming every missing package; `cached` reuses the first answer."""
    problems = list(_cached_missing()) if cached else missing_prerequisites()
    if problems:
        raise ExportUnavailable("；".join(problems))
