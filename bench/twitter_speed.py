"""How long ``footprint import twitter ARCHIVE.zip`` takes on a synthetic 100,000-tweet archive, whole
process, into a fresh journal each run, beside ``twitter-to-sqlite import DB ARCHIVE.zip`` of the same
archive into a fresh database, measured side by side in the same run (runs interleaved, median of each).

    python bench/twitter_speed.py [--runs 3] [--tweets 100000] [--likes 20000]

The archive is built once into bench/out/twitter-archive-N.zip: tweets in the archive's real shape
(``window.YTD.tweet.part0 = [``, items wrapped ``{"tweet": {...}}``, numbers as strings, the archive's
``"key" : value`` pretty-printing, entities, edit info, replies), a like.js and an account.js.
The tweets are named ``data/tweet.js``, the archive's name before 2022 (footprint reads both names):
twitter-to-sqlite 0.22 reads only that name and skips a ``tweets.js`` ("not yet implemented"), so with the
current name it would do no work at all. The script checks that both tools read every tweet.

twitter-to-sqlite is installed into bench/out/tts-venv the first time (from PyPI). Until the twitter
importer is in footprint's registry, footprint runs through a one-line shim that registers it first.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import venv
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import FOOTPRINT, OUT, compile_package, env

WORDS = (
    "the a train coffee paris meeting today new release data privacy weekend read this thread great talk "
    "open source python footprint late again thanks everyone lunch rain sun bike code review &amp; &gt;"
).split()
SOURCES = [
    '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
    '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
]
SHIM = (
    "import footprint.importers as i; from footprint.importers.twitter import Twitter; "
    "i.IMPORTERS += (Twitter(),); from footprint.cli import main; main()"
)


def _tweet(rng: random.Random, n: int, at: datetime) -> dict:
    ident = str(1_100_000_000_000_000_000 + n * 7919)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30)))
    tweet: dict = {
        "edit_info": {
            "initial": {
                "editTweetIds": [ident],
                "editableUntil": (at + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "editsRemaining": "5",
                "isEditEligible": rng.random() < 0.5,
            }
        },
        "retweeted": False,
        "source": rng.choice(SOURCES),
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.randint(0, 40)),
        "id_str": ident,
        "truncated": False,
        "retweet_count": str(rng.randint(0, 5)),
        "id": ident,
        "created_at": at.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if rng.random() < 0.25:
        other = str(1_000_000_000_000_000_000 + rng.randrange(10**15))
        tweet.update(
            in_reply_to_status_id_str=other,
            in_reply_to_status_id=other,
            in_reply_to_user_id="12345",
            in_reply_to_user_id_str="12345",
            in_reply_to_screen_name="someone_example",
        )
        tweet["entities"]["user_mentions"] = [
            {
                "name": "Someone",
                "screen_name": "someone_example",
                "indices": ["0", "16"],
                "id_str": "12345",
                "id": "12345",
            }
        ]
    if rng.random() < 0.2:
        tweet["entities"]["urls"] = [
            {
                "url": "https://t.co/abcdef",
                "expanded_url": f"https://example.org/post/{n}",
                "display_url": f"example.org/post/{n}",
                "indices": ["0", "23"],
            }
        ]
    return tweet


def _write_js(z: zipfile.ZipFile, name: str, prefix: str, items) -> None:  # noqa: ANN001
    with z.open(name, "w") as raw:
        raw.write(f"window.YTD.{prefix}.part0 = [".encode())
        for i, item in enumerate(items):
            text = json.dumps(item, indent=2, separators=(",", " : "), ensure_ascii=False)
            raw.write(((", " if i else " ") + text).encode())
        raw.write(b" ]")


def build_archive(tweets: int, likes: int) -> Path:
    path = OUT / f"twitter-archive-{tweets}.zip"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    end = datetime(2026, 11, 1, tzinfo=UTC)
    span = timedelta(days=365 * 10).total_seconds()
    times = sorted((end - timedelta(seconds=rng.random() * span) for _ in range(tweets)), reverse=True)
    t0 = time.perf_counter()
    tmp = path.with_suffix(".building")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        _write_js(z, "data/tweet.js", "tweet", ({"tweet": _tweet(rng, n, at)} for n, at in enumerate(times)))
        _write_js(
            z,
            "data/like.js",
            "like",
            (
                {"like": {"tweetId": str(10**18 + n), "fullText": "a liked tweet", "expandedUrl": f"https://x/{n}"}}
                for n in range(likes)
            ),
        )
        _write_js(z, "data/account.js", "account", [{"account": {"username": "someone_example", "accountId": "12345"}}])
    tmp.rename(path)
    size = sum(i.file_size for i in zipfile.ZipFile(path).infolist()) / 1e6
    print(
        f"built {path.name}: {tweets:,} tweets, {likes:,} likes, {size:.0f} MB unzipped, in {time.perf_counter() - t0:.1f} s"
    )
    return path


def tts_command() -> Path:
    folder = OUT / "tts-venv"
    exe = folder / "bin" / "twitter-to-sqlite"
    if not exe.exists():
        venv.create(folder, with_pip=True)
        subprocess.run([folder / "bin" / "pip", "install", "-q", "twitter-to-sqlite"], check=True)
    return exe


def footprint_command(archive: Path) -> list[str]:
    import footprint.importers

    if any(imp.name == "twitter" for imp in footprint.importers.IMPORTERS):
        return [str(FOOTPRINT), "import", "twitter", str(archive)]
    print("(the twitter importer is not registered yet: footprint runs through a shim that registers it)")
    return [sys.executable, "-c", SHIM, "import", "twitter", str(archive)]


# The plain-Python floor: the archive member streamed through one regular expression that finds every
# created_at and counts it per day, nothing else (no JSON, no guard, no checks, no journal).
FLOOR = r"""
import re, sys, zipfile
from collections import Counter
stamp = re.compile(rb'"created_at" ?: ?"\w{3} (\w{3} \d{2}) [^"]* (\d{4})"')
days, tail = Counter(), b""
with zipfile.ZipFile(sys.argv[1]) as z, z.open("data/tweet.js") as f:
    while chunk := f.read(1 << 20):
        text = tail + chunk
        cut = text.rfind(b"\n") + 1
        days.update(m.group(1) + m.group(2) for m in stamp.finditer(text, 0, cut))
        tail = text[cut:]
print(sum(days.values()))
"""


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def timed(cmd: list[str], environ: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=environ, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tweets", type=int, default=100_000)
    parser.add_argument("--likes", type=int, default=20_000)
    args = parser.parse_args()
    archive = build_archive(args.tweets, args.likes)
    compile_package()
    tts = tts_command()
    ours_db, theirs_db = OUT / "twitter-footprint.db", OUT / "twitter-tts.db"
    ours_cmd = footprint_command(archive)
    e = env(ours_db)
    ours, theirs, floor = [], [], []
    # One unmeasured run each first (page cache, bytecode), then the runs interleaved.
    for i in range(args.runs + 1):
        a = timed(ours_cmd, env(fresh(ours_db)))
        b = timed([str(tts), "import", str(fresh(theirs_db)), str(archive)], e)
        c = timed([sys.executable, "-c", FLOOR, str(archive)], e)
        if i:
            ours.append(a)
            theirs.append(b)
            floor.append(c)
    with sqlite3.connect(ours_db) as db:
        counted = db.execute("SELECT sum(count) FROM entries WHERE touchpoint = 'twitter'").fetchone()[0]
    with sqlite3.connect(theirs_db) as db:
        stored = db.execute("SELECT count(*) FROM archive_tweet").fetchone()[0]
    print(
        f"import of {archive.name} into a fresh database, whole process, {args.runs} runs each ({sys.version.split()[0]}):"
    )
    for name, times, what in (
        ("footprint import twitter", ours, f"{counted:,} tweets counted"),
        ("twitter-to-sqlite import", theirs, f"{stored:,} tweets stored"),
        ("plain-Python floor", floor, "one regex per created_at, a Counter per day"),
    ):
        print(
            f"  {name:<28} median {statistics.median(times):6.2f} s   (min {min(times):.2f}, max {max(times):.2f})"
            f"   {what}"
        )
    ratio = statistics.median(theirs) / statistics.median(ours)
    print(
        f"footprint import twitter is {ratio:.1f}× as fast as twitter-to-sqlite (target: at least 5×), "
        f"{statistics.median(ours) / statistics.median(floor):.1f}× the plain-Python floor"
    )


if __name__ == "__main__":
    main()
