"""Reading a big My Activity HTML (what Takeout gives by default): footprint's importer now, the same
importer at a reference commit (``--against``, default the previous commit: ``html.parser`` fed chunk by
chunk before this tokenizer), and a plain-Python floor (one regex over the whole text counting the date
lines), in the same run. Records per second (median of ``--runs``) and each reader's peak memory (max RSS
of its own process) beside the file's size.

    python bench/takeout_html_speed.py [--entries 100000] [--runs 3] [--against HEAD~1]

The file (bench/out/takeout-html-N/MyActivity.html) is written once, in Takeout's markup: Search, YouTube,
Maps and Android entries, English dates with narrow no-break spaces before AM/PM, a caption with the
products and "Why is this here?". The reference is the importer's source at that commit, extracted with
``git archive`` into bench/out (never checked out over the work tree).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import OUT, reference

ROOT = Path(__file__).resolve().parent.parent
TARGET = 100_000  # records per second
PRODUCTS = [("Search", "Searched for", "https://www.google.com/search?q="),
            ("YouTube", "Watched", "https://www.youtube.com/watch?v="),
            ("Maps", "Searched for", "https://www.google.com/maps/search/"),
            ("Android", "Used", "https://play.google.com/store/apps/details?id=")]  # fmt: skip
APPS = [("WhatsApp Messenger", "com.whatsapp"), ("Instagram", "com.instagram.android"), ("Maps", "com.google.android.apps.maps")]
WORDS = "owl river bread train music piano weather news recipe garden bike paris lyon school code".split()
HEAD = ('<html><head><meta charset="utf-8"><title>My Activity</title><style>body{margin:0}</style></head>'
        '<body><div class="mdl-grid">')  # fmt: skip
CELL = (
    '<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid">'
    '<div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">{header}<br></p></div>'
    '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">{verb}&nbsp;<a href="{url}">{what}</a>'
    "<br>{date}</div>"
    '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div>'
    '<div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;{product}<br>'
    "<b>Why is this here?</b><br>&emsp;This activity was saved to your Google Account because the following "
    'settings were on:&nbsp;Web &amp; App Activity.<br><a href="https://myaccount.google.com/activitycontrols">'
    "You can control these settings here</a>.</div></div></div>\n"
)


def make_export(entries: int) -> Path:
    path = OUT / f"takeout-html-{entries}" / "MyActivity.html"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    at = datetime(2026, 11, 20, 23, 59, tzinfo=UTC)
    with open(path.with_suffix(".building"), "w", encoding="utf-8") as f:
        f.write(HEAD)
        for _ in range(entries):
            at -= timedelta(seconds=rng.randint(5, 240))
            product, verb, url = rng.choice(PRODUCTS)
            words = " ".join(rng.sample(WORDS, rng.randint(1, 4)))
            header, what, link = product, words, url + words.replace(" ", "+") + "&amp;hl=en"
            if product == "Android":
                header, package = rng.choice(APPS)
                what, link = header, url + package
            hour = at.hour % 12 or 12
            date = f"{at:%b} {at.day}, {at.year}, {hour}:{at:%M:%S}\u202f{'AM' if at.hour < 12 else 'PM'} UTC"
            f.write(CELL.format(header=header, verb=verb, url=link, what=what, date=date, product=product))
        f.write("</div></body></html>\n")
    path.with_suffix(".building").rename(path)
    return path


RUNNER = """
import json, resource, sys, time
from pathlib import Path
path, what = Path(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
if what == "floor":
    import re
    text = path.read_text(encoding="utf-8")
    count = len(re.findall(r"<br>([A-Z][a-z]{2} \\d{1,2}, \\d{4}, [^<]*)</div>", text))
else:
    from zoneinfo import ZoneInfo
    import footprint.importers as registry
    from footprint.importers.base import ImportContext, Touch
    from footprint.services.imports import load_mappings
    imp = next(i for i in registry.IMPORTERS if i.name == "google-takeout")
    ctx = ImportContext(load_mappings(), ZoneInfo("Europe/Paris"))
    count = sum(1 for r in imp.read(path, ctx) if isinstance(r, Touch))
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "count": count, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def run(path: Path, what: str, src: Path | None, runs: int) -> tuple[float, int, int]:
    env = None
    if src is not None:
        import os

        env = {**os.environ, "PYTHONPATH": str(src)}
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", RUNNER, str(path), what], capture_output=True, text=True, env=env)
        if out.returncode:
            raise SystemExit(out.stderr)
        results.append(json.loads(out.stdout))
    return (
        statistics.median(r["seconds"] for r in results),
        results[0]["count"],
        max(r["rss"] for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", default="HEAD~1")
    args = parser.parse_args()
    path = make_export(args.entries)
    size = path.stat().st_size
    print(f"My Activity HTML, {args.entries:,} entries ({size / 1e6:.0f} MB), median of {args.runs} ({sys.version.split()[0]}):")
    rows = [
        ("floor: one regex over the text", run(path, "floor", None, args.runs)),
        (f"reference {args.against}", run(path, "import", reference(args.against), args.runs)),
        ("footprint now", run(path, "import", ROOT / "src", args.runs)),
    ]
    floor = rows[0][1][0]
    for name, (seconds, count, rss) in rows:
        print(
            f"  {name:<34} {seconds:6.2f} s  {count / seconds:>9,.0f} records/s  {seconds / floor:5.1f}× the floor  "
            f"peak {rss / 1e6:4.0f} MB ({rss / size:.2f}× the file)  [{count:,} read]"
        )
    print(f"  target: {TARGET:,} records/s, memory under the file's size")


if __name__ == "__main__":
    main()
