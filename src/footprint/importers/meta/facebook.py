"""``footprint import facebook EXPORT``: Facebook's "Download your information" in JSON.

Counts your posts, comments and reactions per day as touches of ``facebook`` (groups ``"posts"``,
``"comments"``, ``"reactions"``); keeps no text, no title, no name. Reads the zip as downloaded (or its
parts), the unpacked folder, or one of its files. The layouts a user may still have on disk (files are
matched by their last folders and name, whatever wraps them):

=========  ==============================================  =============================================
 years      posts, comments                                 reactions
=========  ==============================================  =============================================
 2019–20    ``posts/your_posts_1.json``,                    ``likes_and_reactions/posts_and_comments.json``
            ``comments/comments.json`` (``{"comments"}``)   (``{"reactions": […]}``)
 2021–22    ``comments_and_reactions/comments.json``        ``comments_and_reactions/posts_and_comments.json``
            (``{"comments_v2"}``)                           (``{"reactions_v2": […]}``)
 2022–23    ``your_activity_across_facebook/…``             ``…/likes_and_reactions_1.json`` (bare array)
 2024+      ``your_facebook_activity/posts/your_posts__     ``likes_and_reactions_1.json`` and
            check_ins__photos_and_videos_1.json``           ``likes_and_reactions.json`` (``label_values``)
=========  ==============================================  =============================================

- Reactions are de-duplicated: the same reaction can be written in two files (``likes_and_reactions_1.json``
  in the old shape and ``likes_and_reactions.json`` in the ``label_values`` one). Counts are kept per
  family of file and shape; within one, every reaction counts (a split file ``_2`` adds to ``_1``); across
  them, per second, the larger count wins.
- A comment's time is on the comment, or only inside it (``data[].comment.timestamp``): see
  ``common.item_time`` for every place one is looked for.
- What the download holds beside (friends, messages, groups, searches…) is reported as not read, by file
  with how many records it holds (``common.not_read``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ...errors import DataFileError
from ...i18n import N_, _
from ..base import ImportContext, Issue, Record, Touch
from ..toolkit import Member, Window, members, names
from .common import HTML_EXPORT, Kinds, html_only, instant, item_time, not_read, records, shown, wrapper

TOUCHPOINT = "facebook"
# Facebook opened on 4 February 2004: an earlier instant is a broken timestamp, not a touch.
FOUNDED = datetime(2004, 2, 4, tzinfo=UTC)
NOTHING = N_("{path}: no Facebook posts, comments or reactions files found (JSON export)")

KINDS = {
    "posts": Kinds(
        N_("post without a date"),
        N_("post with an unreadable date"),
        N_("post with an impossible date (before 2004 or in the future)"),
    ),
    "comments": Kinds(
        N_("comment without a date"),
        N_("comment with an unreadable date"),
        N_("comment with an impossible date (before 2004 or in the future)"),
    ),
    "reactions": Kinds(
        N_("reaction without a date"),
        N_("reaction with an unreadable date"),
        N_("reaction with an impossible date (before 2004 or in the future)"),
    ),
}

# Matched at the end of the inner path, so wrapper folders do not matter; a file given alone matches by name.
_POSTS = re.compile(
    r"(^|/)(posts/)?your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$|(^|/)posts/profile_posts(_\d+)?\.json$",
    re.IGNORECASE,
)
_COMMENTS = re.compile(r"(^|/)comments(_and_reactions)?/comments(_\d+)?\.json$|^comments(_\d+)?\.json$", re.IGNORECASE)
_REACTIONS = re.compile(
    r"(^|/)likes_and_reactions(_\d+)?\.json$|(^|/)(likes|comments)_and_reactions/posts_and_comments\.json$",
    re.IGNORECASE,
)
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_POSTS, _COMMENTS, _REACTIONS)), re.IGNORECASE)
# A lone comments.json is too common a name to claim a file or an archive by it.
_BARE_COMMENTS = re.compile(r"^comments(_\d+)?\.json$", re.IGNORECASE)
# The HTML download: the same files as pages. Recognised, to say which format to ask for instead.
_HTML = re.compile(r"(^|/)(your_posts(__check_ins__photos_and_videos)?(_\d+)?|likes_and_reactions(_\d+)?)\.html$", re.I)


class Facebook:
    name = "facebook"
    description = "Facebook 'Download your information' (JSON): posts, comments, reactions per day"

    def detect(self, path: Path) -> bool:
        return any((_ANY.search(n) and not _BARE_COMMENTS.search(n)) or _HTML.search(n) for n in names(path))

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        window = ctx.window(FOUNDED)
        listed = names(path)
        wrapped = wrapper(listed)
        found = False
        # Reactions are held back: the same one may come again in another file, in another shape.
        reactions: dict[tuple[str, str], Counter[datetime]] = {}
        for member in members(path, _ANY):
            found = True
            where = shown(member.name, wrapped)
            if _REACTIONS.search(member.name):
                yield from _reactions(member, where, ctx, window, reactions)
                continue
            yield from _dated(member, where, "posts" if _POSTS.search(member.name) else "comments", ctx, window)
        if not found:
            raise DataFileError(HTML_EXPORT if html_only(listed) else NOTHING, path=path.name)
        for at, count in _merged(reactions):
            # One record per reaction, as everywhere else: the import summary counts records.
            for _n in range(count):
                yield Touch(at=at, touchpoint=TOUCHPOINT, group="reactions")
        yield from not_read(path, _ANY, ctx)


def _dated(member: Member, where: str, group: str, ctx: ImportContext, window: Window) -> Iterator[Record]:
    kinds = KINDS[group]
    for i, (_key, item) in enumerate(records(member, ctx, where), start=1):
        at = instant(item_time(item), window, kinds)
        if isinstance(at, str):
            yield Issue(_(at), f"{where} #{i}")
        else:
            yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)


def _reactions(
    member: Member, where: str, ctx: ImportContext, window: Window, seen: dict[tuple[str, str], Counter[datetime]]
) -> Iterator[Issue]:
    """Count the reactions of one file by family, shape and instant into ``seen``; yield the bad ones."""
    family = re.sub(r"(_\d+)?\.json$", "", member.name.rsplit("/", 1)[-1].lower())
    for i, (_key, item) in enumerate(records(member, ctx, where), start=1):
        at = instant(item_time(item), window, KINDS["reactions"])
        if isinstance(at, str):
            yield Issue(_(at), f"{where} #{i}")
            continue
        shape = "label_values" if isinstance(item, dict) and "label_values" in item else "data"
        seen.setdefault((family, shape), Counter())[at] += 1


def _merged(by_source: dict[tuple[str, str], Counter[datetime]]) -> list[tuple[datetime, int]]:
    """One count per instant: within a family and shape every reaction counts (two in the same second are
    two), across them the larger count wins (the same reaction written twice is one)."""
    merged: Counter[datetime] = Counter()
    for counts in by_source.values():
        for at, n in counts.items():
            merged[at] = max(merged[at], n)
    return sorted(merged.items())
