"""The layering promises of the design: the log path stays light, domain stays pure, commands have help."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "footprint"
ROOT = SRC.parents[1]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


@pytest.mark.parametrize("entry", ["import footprint.services", "import footprint.cli", "import footprint.cli.journal"])
def test_the_log_path_imports_no_ui_or_plotting(entry: str) -> None:
    loaded = _modules_after(entry)
    for heavy in ("textual", "plotext", "rich", "sqlite_utils", "dateutil", "pandas", "numpy"):
        assert heavy not in loaded, f"{entry} loads {heavy}"


def test_services_do_not_import_the_shells() -> None:
    loaded = _modules_after("import footprint.services")
    assert "typer" not in loaded and "footprint.cli" not in loaded


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


def test_domain_is_pure() -> None:
    for path in (SRC / "domain").glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("sqlite", "typer", "textual", "plotext", "..store", "..services", "os")), (
                f"{path.name} imports {name}"
            )


def test_only_store_touches_sqlite() -> None:
    for path in SRC.rglob("*.py"):
        if "store" in path.parts:
            continue
        assert not any(n.startswith(("sqlite3", "sqlite_utils")) for n in _imports(path)), path


def test_every_command_has_help(cli) -> None:
    from footprint.cli import COMMANDS, GROUPS

    for name in [*COMMANDS, *GROUPS]:
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 4, name


def test_the_wheel_carries_the_catalog_and_challenges(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("footprint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "footprint/data/catalog.toml" in names
    assert any(n.startswith("footprint/challenges/") for n in names)
    assert "footprint/cli/__init__.py" in names and "footprint/py.typed" in names
