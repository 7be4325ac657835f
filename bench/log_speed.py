"""How long ``footprint log smartphone`` takes, whole process, on a one-year journal, beside jrnl adding
one entry and a bare Typer + sqlite-utils script inserting one row, measured in the same run.

    python bench/log_speed.py [--runs 20]

jrnl is installed into bench/out/jrnl-venv the first time (from PyPI).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import venv

from _common import FOOTPRINT, OUT, build_journal, compile_package, env, report, time_runs

BARE = """
import sys, typer, sqlite_utils
app = typer.Typer(add_completion=False)
@app.command()
def log(touchpoint: str):
    sqlite_utils.Database(sys.argv[0] + ".db")["entries"].insert({"touchpoint": touchpoint})
    print("ok")
@app.command()
def day():
    print("day")
app()
"""


def jrnl_command() -> tuple[list[str], dict[str, str]]:
    folder = OUT / "jrnl-venv"
    exe = folder / "bin" / "jrnl"
    if not exe.exists():
        venv.create(folder, with_pip=True)
        subprocess.run([folder / "bin" / "pip", "install", "-q", "jrnl"], check=True)
    config_home = OUT / "jrnl-config"
    (config_home / "jrnl").mkdir(parents=True, exist_ok=True)
    (config_home / "jrnl" / "jrnl.yaml").write_text(
        f"colors: {{body: none, date: none, tags: none, title: none}}\ndefault_hour: 9\ndefault_minute: 0\n"
        f"editor: ''\nencrypt: false\nhighlight: true\nindent_character: '|'\n"
        f"journals: {{default: {{journal: {OUT / 'jrnl.txt'}}}}}\nlinewrap: 79\ntagsymbols: '#@'\n"
        f"template: false\ntimeformat: '%F %r'\nversion: v4.2\n"
    )
    return [str(exe), "--config-file", str(config_home / "jrnl" / "jrnl.yaml"), "used my smartphone"], {
        "XDG_CONFIG_HOME": str(config_home),
        "XDG_DATA_HOME": str(OUT / "jrnl-data"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    db = build_journal(OUT / "one-year.db", entries=12_000, years=1)
    compile_package()
    (OUT / "bare.py").write_text(BARE)
    jrnl, jrnl_env = jrnl_command()
    e = env(db)
    print(f"whole-process wall time, {args.runs} runs each, this machine ({sys.version.split()[0]}):")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    ours = report(
        "footprint log smartphone (one-year journal)", time_runs([str(FOOTPRINT), "log", "smartphone"], args.runs, e)
    )
    theirs = report("jrnl 'used my smartphone'", time_runs(jrnl, args.runs, {**e, **jrnl_env}))
    report(
        "bare Typer + sqlite-utils insert", time_runs([sys.executable, str(OUT / "bare.py"), "log", "x"], args.runs, e)
    )
    print(f"footprint log is {theirs / ours:.2f}× as fast as jrnl; target: under 120 ms and faster than jrnl")


if __name__ == "__main__":
    main()
