"""What a Markdown page carries besides its words, taken off before it is split.

A page exported from Notion or Confluence, or clipped from the web, holds more than Markdown:

- HTML blocks: a callout in ``<aside>``, a toggle as ``<details>`` with its title in
  ``<summary>`` ("🧰 Tools you'll use (click to open)"), which titles what is under it;
- links: a line that is only a link ("[← Back to Careers](../Careers%20….md)", "- [Home](…)")
  is the page's navigation; a link in a sentence is its words;
- emoji set as marks: at the start of a line, an item, a heading, a callout or a table cell
  ("| 📸 | Tasha Okoro |", "- 🗓️ 25 days holiday"), where a reader sees a picture, not a word;
- the page's own properties ("Created by: …", "Last edited time: …", "Tags: …");
- the note taker's remarks, a line in square brackets ("[use it if asked why Scarthwaite]");
- a list set on one line, its items between dots ("WinPath Enterprise (LIMS) · ICE order
  communications · Power BI"), which is a list all the same: an item to a line.

Read aloud, each of these is noise ("🍺 **Hello from the crew!**", "<summary>", a URL).
"""

from __future__ import annotations

import re

# Pictographs, with what joins and varies them (skin tones, "👩‍💼", "🗓️"), and the symbols
# set as marks beside them ("✅", "⚠️", "☐").
EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u2300-\u23FF]"
# One pictograph with what joins and varies it.
_MARK = rf"{EMOJI}[\uFE0E\uFE0F\u200D]*"
_MARKS = re.compile(rf"(?:{_MARK})+\s*")
# Where a mark stands before words: a line's start, past a list marker, a quote mark or a
# heading's hashes; a table cell's start; a label's value ("Status: 🟢 Open").
_LEADING = re.compile(
    rf"^(\s*(?:(?:>\s*)+|#{{1,6}}\s+|(?:[-*+]|\d{{1,2}}[.)])\s+)?)(?:{_MARK})+\s*",
    re.MULTILINE,
)
# A chat's reaction under a message ("👍 1", "❤️ 2"): a line of pictures and a count.
_REACTION = re.compile(rf"^[ \t]*(?:{_MARK}\s*)+\d*[ \t]*$", re.MULTILINE)
_IN_CELL = re.compile(rf"(\|\s*)(?:{_MARK})+\s*")
_AFTER_LABEL = re.compile(rf"^([A-Z][\w ]{{1,30}}:\s+)(?:{_MARK})+\s*", re.MULTILINE)
_SUMMARY = re.compile(r"<summary>\s*(.*?)\s*</summary>", re.IGNORECASE | re.DOTALL)
_CLICK = re.compile(r"\s*\((?:click|tap) to (?:open|expand|show|see)[^)]*\)", re.IGNORECASE)
_TAGS = re.compile(
    r"</?(?:aside|details|div|span|p|sup|sub|u|center|font|figure|figcaption|section|small)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# A line that is only a link, past a list marker: "[Apply here →](https://…)", "- [Home](/)".
_LINK_LINE = re.compile(r"^\s*(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")
# A page's properties that say who edited it and when, not what it is about.
_PROPERTIES = re.compile(
    r"^(?:created( by| time)?|last edited( by| time)?|tags|last updated by)\s*:.*$",
    re.IGNORECASE | re.MULTILINE,
)

# The note taker's own remark on a line of its own, in square brackets ("[a bit romanticised
# maybe, but it's a lovely story – use it if asked]"): theirs, not the research's.
_REMARK = re.compile(r"^[ \t]*\[[^\[\]\n]*\s[^\[\]\n]*\s[^\[\]\n]*\][ \t]*$", re.MULTILINE)


# Three items or more on one line between middle dots or bullets, as a page sets a short list.
_DOTTED = re.compile(
    r"^[ \t]*([^\n·•]{1,80}?)((?:[ \t]+[·•][ \t]+[^\n·•]{1,80}?){2,})[ \t]*$", re.M
)
_DOT = re.compile(r"[ \t]+[·•][ \t]+")
# What marks a dotted line as a profile's role or name line, not a list: a year, " at ", a
# count of connections ("+3"), a span ("7 yrs").
_NOT_AN_ITEM = re.compile(r"\b(1[89]|20)\d\d\b|\sat\s|\+\d|\b(yrs?|mos?)\b")


def dotted_as_items(text: str) -> str:
    """``text`` with each list set on one line between dots written an item to a line. (Run
    after a LinkedIn profile's "Employer · Full-time · 2019 - 2022" lines are read; its
    "Skills" line stays as it is: topics they list, not things the page sets out.)"""
    lines, before = text.split("\n"), ""
    for at, line in enumerate(lines):
        if before != "skills" and not line.strip().lower().startswith("skills"):
            lines[at] = _DOTTED.sub(_items, line)
        before = line.strip().lower() or before
    return "\n".join(lines)


def _items(match: re.Match[str]) -> str:
    items = [item.strip() for item in _DOT.split(match.group(0).strip())]
    # (A profile's "Analyst · a bank, Toronto · 2014 - 2021 (7 yrs)" and "Jordan Pike · Talent
    # Partner at Saltmeadow" are a role and a name line, read as such elsewhere.)
    if any(_NOT_AN_ITEM.search(item) for item in items):
        return match.group(0)
    label, _, first = items[0].rpartition(": ")
    items[0] = first
    lead = f"{label}:\n" if label else ""
    return "\n" + lead + "\n".join(f"- {item}" for item in items) + "\n"


def without_markup(text: str) -> str:
    """Markdown ``text`` without its HTML blocks, navigation links, emoji marks and page
    properties: a toggle's title is a heading one level under the one it stands in."""
    text = _toggle_titles(_BREAK.sub("\n", text))
    text = _TAGS.sub("", _IMAGE.sub("", text))
    lines = [line for line in text.split("\n") if not _LINK_LINE.match(line)]
    text = _LINK.sub(r"\1", "\n".join(lines))
    text = _REMARK.sub("", _PROPERTIES.sub("", text))
    text = _REACTION.sub("", text)
    text = _IN_CELL.sub(r"\1", _AFTER_LABEL.sub(r"\1", _LEADING.sub(r"\1", text)))
    return text


def _toggle_titles(text: str) -> str:
    """Each ``<summary>`` as a heading under the last heading before it."""
    out: list[str] = []
    level = 1
    for line in text.split("\n"):
        if heading := _HEADING.match(line):
            level = len(heading.group(1))
        summary = _SUMMARY.search(line)
        if summary and (title := _CLICK.sub("", _MARKS.sub("", summary.group(1))).strip()):
            out += ["", f"{'#' * min(level + 1, 6)} {title}", ""]
        else:
            out.append(line)
    return "\n".join(out)
