"""Cutting loaded sources into chunks that keep where they came from.

Markdown is split by its headings first, so each chunk knows its section ("Products > Trellis"),
and its tables are written as the lists they stand for (``tables``); plain text too, by the
lines that stand as headings in it (``plain_headings``); pasted LinkedIn profiles in both are
written a line per role (``linkedin``); PDFs, read as Markdown, page by page. Long
sections are then cut by size with some overlap.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from roleplay.knowledge.chats import (
    CHAT_STAMP,
    captions_as_paragraphs,
    dated_lines_as_chat,
    is_chat,
    transcript_as_chat,
)
from roleplay.knowledge.emails import emails_as_chat
from roleplay.knowledge.labels import LABELLED
from roleplay.knowledge.linkedin import linkedin_as_sentences
from roleplay.knowledge.loaders import Loaded
from roleplay.knowledge.markup import dotted_as_items, without_markup
from roleplay.knowledge.tables import tables_as_lists

_HEADINGS = [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")]


@dataclass(frozen=True)
class Chunk:
    text: str
    location: str  # "page 3", "Products > Trellis", or "" for text under no heading
    position: int

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    @property
    def embedding_text(self) -> str:
        # The section title tells the embedder what a short paragraph is about.
        return f"{self.location}\n{self.text}" if self.location else self.text


def split(loaded: Loaded, *, chunk_size: int = 900, overlap: int = 120) -> list[Chunk]:
    sections: list[tuple[str, str]] = []
    if loaded.kind == "pages":
        # A PDF's pages come as Markdown (``pdf_markdown``); text before a page's first heading
        # goes on with the section the page before ended in.
        heading = ""
        for number, page in enumerate(loaded.pages, 1):
            for path, content in _sections(page, "markdown"):
                heading = path or heading
                sections.append((f"page {number} > {heading}" if heading else f"page {number}",
                                 content))  # fmt: skip
    elif loaded.kind in ("markdown", "text"):
        sections = _sections(loaded.text, loaded.kind)
    else:
        sections = [("", loaded.text)]
    return cut(sections, chunk_size=chunk_size, overlap=overlap)


def _sections(text: str, kind: str) -> list[tuple[str, str]]:
    """Markdown or plain ``text`` as (heading path, text under it) pairs."""
    # (An email thread first: its quote marks say who asked what.)
    text = dated_lines_as_chat(emails_as_chat(without_markup(text)))
    text = transcript_as_chat(captions_as_paragraphs(text))
    text = dotted_as_items(linkedin_as_sentences(_QUOTE_MARKS.sub("", text)))
    text = prose_dashes(ended_items(joined_items(text)))
    text = markdown_rules(tables_as_lists(text)) if kind == "markdown" else text
    if kind == "text":
        text = plain_headings(text)
    splitter = MarkdownHeaderTextSplitter(headers_to_split_on=_HEADINGS, strip_headers=True)
    sections = []
    for part in splitter.split_text(text):
        path = " > ".join(part.metadata[key] for _, key in _HEADINGS if key in part.metadata)
        sections.append((path, part.page_content))
    return sections


# A line under which another is ruled ("About us" over "--------"): a page's title.
_RULE = re.compile(r"^\s*(-{3,}|={3,})\s*$")
_SETEXT = {"=": "#", "-": "##"}
# A Markdown rule: "---", "***", "_ _ _", or "====" (under a heading's words only).
_MARKDOWN_RULE = re.compile(r"^\s{0,3}(?:([-*_])(?:[ \t]*\1){2,}|={3,})\s*$")


def markdown_rules(text: str) -> str:
    """Markdown ``text`` with its rules read as Markdown reads them: a rule right under a
    short line of text underlines a heading ("About us" over "===="), any other rule is a break
    between parts with no words to store (a "---" left in the text ends up read aloud)."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        before = out[-1] if out else ""
        if not _MARKDOWN_RULE.match(line):
            out.append(line)
        elif (
            _RULE.match(line)
            and 0 < len(before.strip()) <= 100
            and not before.lstrip().startswith(("#", "|", "-", "*"))
        ):
            out[-1] = f"{_SETEXT[line.strip()[0]]} {before.strip()}"
        else:
            out.append("")
    return "\n".join(out)


# A line set between rules ("=== About us ===", "--- LinkedIn: Ruth Okafor ---"): a page's
# title in pasted notes.
# (A long rule alone is no title between two rules: its middle is more of the rule.)
_WRAPPED = re.compile(r"^\s*(={2,}|-{3,}|#{2,}|\*{3,}|~{3,})\s*([^\s=#*~-].*?)\s*\1\s*$")
# A profile's job or degree ("Database Officer / East Fens Air Ambulance / Jun 2017 - Feb
# 2021"): its lines hold the years it ran, which a section's opening lines do not.
_YEARS = re.compile(
    r"\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:[A-Z][a-z]{2,8}\.? )?(?:19|20)\d\d|[Pp]resent|[Nn]ow)\b"
    r"|, (?:19|20)\d\d\s*$",
    re.MULTILINE,
)
_LIST_ITEM = re.compile(r"^([-*•]|\d{1,2}[.)])\s")
# A line cut short in a paragraph wrapped by hand ends on such a word; a heading does not.
_RUNS_ON = frozenset(["a", "an", "the", "and", "or", "of", "to", "in", "with", "for", "on", "at"])
# The sections of a pasted LinkedIn profile stay with the person it opened with.
_PROFILE_SECTIONS = frozenset(
    ["About", "Experience", "Education", "Activity", "Skills", "Licenses & certifications",
     "Volunteering", "Languages", "Interests", "Recommendations"]
)  # fmt: skip


# An email's quoted reply ("> Quick question…", ">> We'd love to invite you…") or a Markdown
# blockquote: the words are the research, the marks are not.
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
# A list item, or a line opening with a bold label ("**Education:** MA Philosophy, …").
_LIST_MARK = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+\S")
_ITEM_LINE = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+\S|^\s*(\*\*|__)[^*_\n]{1,40}:?(\*\*|__)")


def joined_items(text: str) -> str:
    """``text`` with each list item's wrapped lines (indented under it) joined to it, so the
    item ends where its words do, not where the line was cut ("Stand at the" / "security
    search for a morning…")."""
    out: list[str] = []
    indent = -1  # the indent of the list item the lines are under; -1 under none
    for line in text.split("\n"):
        said = line.lstrip()
        depth = len(line) - len(said)
        if said and indent >= 0 and depth > indent and not _ITEM_LINE.match(line):
            out[-1] = f"{out[-1].rstrip()} {said}"
            continue
        indent = depth if said and _LIST_MARK.match(line) else -1
        out.append(line)
    return "\n".join(out)


# A dash between words in a line of prose, an aside or a clause after it ("The first civil
# flights - a twice-weekly service to Kirkwall - started in 1963"): written as the dash it
# stands for, so it is not taken for a list item when the passage's lines run together.
_PROSE_DASH = re.compile(r"(?<=[A-Za-z,)'\"’”])\s+-\s+(?=[a-z])")


def prose_dashes(text: str) -> str:
    """``text`` with a spaced hyphen inside a line of prose written as an en dash."""
    return "\n".join(
        line if "|" in line else _PROSE_DASH.sub(" – ", line) for line in text.split("\n")
    )


def ended_items(text: str) -> str:
    """``text`` with each list item and labelled line ended with a full stop when it has none:
    a stored passage runs its lines together, and "2019–present — Studio Director" would run
    into the "**Education:** MA Philosophy…" under it, or "Contract: Permanent" into "Hours:
    35 hours per week…"."""
    lines = text.split("\n")
    return "\n".join(
        f"{line.rstrip()}."
        if (
            (_ITEM_LINE.match(line) or _in_labelled_run(lines, index))
            and (line.rstrip()[-1:].isalnum() or line.rstrip().endswith(")"))
        )
        or _BOLD_LINE.match(line)
        else line
        for index, line in enumerate(lines)
    )


def _in_labelled_run(lines: list[str], index: int) -> bool:
    """Whether line ``index`` is one of two or more labelled lines in a row (one "Note: …"
    alone may be a sentence that goes on)."""
    if not LABELLED.match(lines[index]):
        return False
    return any(
        0 <= near < len(lines) and LABELLED.match(lines[near]) for near in (index - 1, index + 1)
    )


# A line wholly in bold, a web page's name over a bio ("**Rhiannon Pryce – Head of Practice
# Operations**"): it ends there, and does not run into the bio under it.
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_\n]+(\*\*|__)\s*$")


def plain_headings(text: str) -> str:
    """``text`` with the lines that stand as headings in plain text (pasted from web pages)
    written as Markdown headings: a line with a rule under it ("#"), and a short line with
    no full stop that opens a block and has text under it ("##": "Working pattern", "Gareth
    Penhaligon, Executive Director"), so the chunks under it know their section."""
    lines = text.split("\n")
    out: list[str] = []
    skip = False
    profile = False  # under a pasted profile's "Experience" or "Education"
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        said = line.strip()
        after = lines[index + 1].strip() if index + 1 < len(lines) else ""
        # ("About us (…/about)", a blank line, then its text: a heading too.)
        under = after or (lines[index + 2].strip() if index + 2 < len(lines) else "")
        before = lines[index - 1] if index else ""
        opens = (
            not index or not before.strip() or bool(_RULE.match(before) or _WRAPPED.match(before))
        )
        profile = (profile or said in _PROFILE_SECTIONS) and not _WRAPPED.match(line)
        if wrapped := _WRAPPED.match(line):
            out.append(f"# {wrapped.group(2)}")
        elif _RULE.match(line) and said and not before.strip():
            out.append("")  # a rule between parts of the notes: no words to store
        elif said and _RULE.match(after) and len(said) <= 100:
            out.append(f"# {said}")
            skip = True
            profile = False
        elif (
            opens
            and under
            and not _RULE.match(under)
            # (a heading in capitals may end on a little word: "OTHER PEOPLE WORTH TALKING TO:")
            and (_heading_like(_unshouted(said)) or _unshouted(said) != said)
            and not (profile and _YEARS.search("\n".join(lines[index : index + 3])))
        ):
            out.append(f"## {_unshouted(said)}")
        else:
            out.append(line)
    return "\n".join(out)


def _unshouted(line: str) -> str:
    """A heading typed in capitals with a colon after it, as notes are ("OWEN HARTLEY
    (SHEFFIELD ALUM):"), in the case a heading is written in ("Owen Hartley (Sheffield
    Alum)"), so the names in it read as names; any other line as it is. (Short words with no
    vowel stay in capitals: "CV", "HR", "SQL".)"""
    words = line.rstrip(":").split()
    if (
        not line.endswith(":")
        or line.count(":") > 1
        or not all(word.upper() == word for word in words)
    ):
        return line
    cased = [
        word.lower() if word.lower() in _RUNS_ON and i else
        word if _ACRONYM.fullmatch(word.strip("()")) else
        re.sub(r"[A-Z][A-Z'’]+", lambda m: m.group(0).capitalize(), word)
        for i, word in enumerate(words)
    ]  # fmt: skip
    return " ".join(cased)


_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,4}|UK|US|EU|AI|IT|ONS|NHS|CEO|CFO|COO|CTO")


def _heading_like(line: str) -> bool:
    words = line.split()
    # (A news headline in capitals runs longer: "£412,000 LOTTERY GRANT TO TAKE HOSPICE AT
    # HOME FURTHER (posted 18 Sept 2025)".)
    shouted = sum(word.isupper() for word in words) * 2 > len(words)
    return (
        0 < len(words) <= (14 if shouted else 10)
        and len(line) <= (100 if shouted else 80)
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "£$€")
        and not line.endswith((".", "!", "?", ":", ";", ","))
        and ":" not in line
        and not _LIST_ITEM.match(line)
        and words[-1].lower() not in _RUNS_ON
        and line not in _PROFILE_SECTIONS
    )


def cut(
    sections: Iterable[tuple[str, str]], *, chunk_size: int = 900, overlap: int = 120
) -> list[Chunk]:
    """Sections of text, each with its location, cut by size with some overlap."""
    cutter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size, chunk_overlap=overlap, add_start_index=True
    )
    chunks: list[Chunk] = []
    for location, text in sections:
        chat = is_chat(text)
        for piece in cutter.create_documents([text]):
            said = piece.page_content.strip()
            if chat:
                said = _with_writer(said, text[: piece.metadata["start_index"]])
            if said:
                chunks.append(Chunk(text=said, location=location, position=len(chunks)))
    return chunks


def _with_writer(piece: str, before: str) -> str:
    """A piece cut from the middle of a chat, opened with the stamp of the message it starts
    in ("[18:16] Ffion Lacey"), so its first lines keep their writer: without it they read as
    nobody's words, and the alum's answer is lost or said as a fact of the research."""
    stamps = list(CHAT_STAMP.finditer(before))
    if not piece or not stamps or CHAT_STAMP.match(piece):
        return piece
    return f"{stamps[-1].group(0)}{piece}"
