"""Owner-only folders whatever the umask, and reads that accept regular files only."""

from __future__ import annotations

import os
import stat

import pytest

from footprint.errors import DataFileError
from footprint.files import open_regular, private_dirs


def test_every_folder_created_is_owner_only_under_umask_000(tmp_path):
    old = os.umask(0)
    try:
        private_dirs(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_existing_folders_are_left_as_they_are(tmp_path):
    os.chmod(tmp_path, 0o755)
    private_dirs(tmp_path / "new")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "card.json"
    os.mkfifo(fifo)
    with pytest.raises(DataFileError, match="not a regular file"):
        open_regular(fifo)


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "x.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(DataFileError, match="not a regular file"):
        open_regular(link)


def test_a_regular_file_reads(tmp_path):
    f = tmp_path / "f.txt"
    f.write_bytes(b"hello")
    with open_regular(f) as stream:
        assert stream.read() == b"hello"


def test_a_folder_is_named_as_a_folder(tmp_path):
    with pytest.raises(DataFileError, match="is a folder, not a file"):
        open_regular(tmp_path)
