"""``footprint import detect`` names every layout of Facebook, Instagram, LinkedIn and Twitter a user may
still have on disk, unpacked or zipped in the download's folder (the registry's order decides ties)."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_support import zip_folder

from footprint.importers import detect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LAYOUTS = [
    ("facebook/2019", "facebook"),
    ("facebook/2021", "facebook"),
    ("facebook/2023", "facebook"),
    ("facebook/2024", "facebook"),
    ("instagram/2019", "instagram"),
    ("instagram/2022", "instagram"),
    ("instagram/2024", "instagram"),
    ("linkedin/Basic_LinkedInDataExport_03-05-2024", "linkedin"),
    ("linkedin/Complete_LinkedInDataExport_2018", "linkedin"),
    ("twitter/archive", "twitter"),
    ("twitter/old", "twitter"),
    ("twitter/very-old", "twitter"),
    ("twitter/grailbird", "twitter"),
]


@pytest.mark.parametrize(("folder", "source"), LAYOUTS)
def test_each_layout_is_named_by_detect(folder: str, source: str, tmp_path: Path) -> None:
    found = detect(FIXTURES / folder)
    assert found is not None and found.name == source
    zipped = zip_folder(FIXTURES / folder, tmp_path / "download.zip", wrapper="download-camille-2024-03-05/")
    found = detect(zipped)
    assert found is not None and found.name == source


def test_the_cli_names_them(cli) -> None:
    result = cli("import", "detect", str(FIXTURES / "instagram" / "2019"))
    assert result.exit_code == 0, result.stderr
    assert "instagram" in result.stdout
