"""Byte-stable Office files: the same seed must give the same bytes.

python-docx and openpyxl stamp the time of saving into docProps/core.xml and into
every zip member; both are replaced here by a fixed moment.
"""
from __future__ import annotations

import io
import re
import zipfile

FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(data: bytes, stamp: str = "2025-01-01T00:00:00Z") -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _W3CDTF.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", body)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, body)
    return out.getvalue()
