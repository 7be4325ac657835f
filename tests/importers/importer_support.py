"""What the importer tests share: zipping a fixture folder as downloaded, and reading back the journal."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from footprint.importers.base import Issue, Touch


def zip_folder(folder: Path, dest: Path, wrapper: str = "") -> Path:
    """``folder`` as a zip archive, every member under ``wrapper`` (a folder, as many exports have)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, wrapper + p.relative_to(folder).as_posix())
    return dest


def journal_entries(cli: Any) -> list[dict]:
    """Every entry of the test's journal, as ``footprint list --json`` prints them."""
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def entry_rows(cli: Any) -> list[tuple]:
    """(day, touchpoint, count, source_ref) of every entry, sorted."""
    return sorted((e["day"], e["touchpoint"], e["count"], e["source_ref"]) for e in journal_entries(cli))


def touches(records: list) -> list[tuple]:
    return sorted((r.at, r.touchpoint, r.count, r.group) for r in records if isinstance(r, Touch))


def issues(records: list) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in records if isinstance(r, Issue)]
