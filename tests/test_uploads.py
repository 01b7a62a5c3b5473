"""Upload safety: size limit, type by content, safe names, nothing outside the folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from loaders import uploads
from loaders.uploads import UploadRejected, check_size, safe_file_name, save_upload, target_path
from tests.format_builders import STANDARD_REPORT, to_txt, write_docx

REPORT = to_txt(STANDARD_REPORT).encode("utf-8")


def test_text_report_is_saved_inside_the_folder_with_its_bytes(tmp_path):
    saved = save_upload("2024年滨河区民政局自评表.txt", REPORT, tmp_path)
    assert saved.path == tmp_path.resolve() / "2024年滨河区民政局自评表.txt"
    assert saved.path.read_bytes() == REPORT
    assert saved.kind == "txt" and saved.notes == []


def test_oversized_upload_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(UploadRejected, match="文件太大"):
        save_upload("big.txt", REPORT * 10, tmp_path, limit=len(REPORT) * 5)
    assert list(tmp_path.iterdir()) == []


def test_default_limit_is_50_mb():
    check_size(50 * 1024 * 1024)
    with pytest.raises(UploadRejected, match="上限为 50 MB"):
        check_size(50 * 1024 * 1024 + 1)


def test_empty_upload_is_refused(tmp_path):
    with pytest.raises(UploadRejected, match="为空"):
        save_upload("a.txt", b"", tmp_path)


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/cron.d/x",
                                  "sub/../../escape.txt", "..", ".", ""])
def test_path_tricks_stay_inside_the_folder(name, tmp_path):
    folder = tmp_path / "uploads"
    saved = save_upload(name, REPORT, folder)
    assert saved.path.parent == folder.resolve()
    assert [p.name for p in tmp_path.iterdir()] == ["uploads"]


def test_names_lose_folders_control_and_shell_characters():
    assert safe_file_name("../a/b/报告.docx", "docx") == "报告.docx"
    assert safe_file_name("C:\\Users\\x\\自评表.pdf", "pdf") == "自评表.pdf"
    assert safe_file_name("a\x00b\nc|d>e.txt", "txt") == "a_b_c_d_e.txt"
    assert safe_file_name(".bashrc", "txt") == "bashrc.txt"
    assert safe_file_name("CON.txt", "txt") == "upload_CON.txt"
    assert len(safe_file_name("长" * 500 + ".txt", "txt")) == uploads.MAX_NAME_CHARS + len(".txt")


def test_extension_follows_the_content_not_the_name(tmp_path):
    docx_bytes = write_docx(STANDARD_REPORT, tmp_path / "r.docx").read_bytes()
    saved = save_upload("自评表.pdf", docx_bytes, tmp_path / "up")
    assert saved.path.name == "自评表.docx"
    assert saved.kind == "docx"
    assert saved.notes == ["文件扩展名为 .pdf，但内容是Word(.docx)，已按Word(.docx)读取"]


def test_executable_named_txt_is_saved_only_as_data_never_with_its_own_extension(tmp_path):
    saved = save_upload("evil.sh", b"#!/bin/sh\nrm -rf / # \xe7\xbb\xa9\xe6\x95\x88\n" * 3, tmp_path)
    assert saved.path.suffix == ".txt"
    assert not os.access(saved.path, os.X_OK)


@pytest.mark.parametrize(("data", "words"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "图片"),
    (b"PK\x03\x04" + b"\x00" * 64, "文件不完整或已损坏"),
    (b"Rar!\x1a\x07\x00" + b"\x00" * 64, "压缩包"),
])
def test_content_no_reader_takes_is_refused_with_its_reason(data, words, tmp_path):
    with pytest.raises(UploadRejected, match=words):
        save_upload("报告.docx", data, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_same_name_twice_keeps_both_files(tmp_path):
    first = save_upload("自评表.txt", REPORT, tmp_path)
    second = save_upload("自评表.txt", REPORT + b"\n", tmp_path)
    assert (first.path.name, second.path.name) == ("自评表.txt", "自评表-2.txt")
    assert first.path.read_bytes() == REPORT


def test_a_planted_symlink_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "自评表.txt").symlink_to(outside)          # dangling: points outside
    saved = save_upload("自评表.txt", REPORT, folder)
    assert not outside.exists()
    assert saved.path.name == "自评表-2.txt" and not saved.path.is_symlink()


def test_target_path_refuses_a_name_that_resolves_elsewhere(tmp_path):
    with pytest.raises(UploadRejected, match="数据文件夹之外"):
        target_path(tmp_path, "../x.txt")


def test_no_temporary_files_are_left_behind(tmp_path):
    save_upload("a.txt", REPORT, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_default_folder_is_under_the_data_folder():
    from loaders.paths import DATA_DIR  # noqa: PLC0415
    assert uploads.UPLOADS_DIR.parent == DATA_DIR
    assert Path(uploads.UPLOADS_DIR).name == "uploads"
