"""Making untrusted text safe where it goes: into a prompt, onto a page, into a message.

Everything here is pure string work, shared by the core (prompts) and the shells (pages), so
one rule holds everywhere: research, names and scenario fields are data, never orders; what a
page renders cannot fetch anything from another host; what an error says never shows where
the server keeps its files or databases.
"""

from __future__ import annotations

import re

# Anything shaped like a tag: <x>, </x>, < reference_data >, <SYSTEM attr="...">.
_TAG = re.compile(r"<\s*/?\s*[A-Za-z_!?][^<>]{0,200}>")
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")

# Longest value of each kind allowed into a prompt (characters).
NAME_LIMIT = 100  # a person's or a company's name, a role
LABEL_LIMIT = 120  # a source's name, a heading, a location in a file
SNIPPET_LIMIT = 1200  # one passage of research


def prompt_field(text: str | None, limit: int = LABEL_LIMIT) -> str:
    """A one-line value for a prompt: no tags (any case), no newlines, at most ``limit``."""
    cleaned = _TAG.sub(" ", str(text or ""))
    cleaned = cleaned.replace("<", "‹").replace(">", "›")
    cleaned = _SPACE.sub(" ", _CONTROL.sub(" ", cleaned)).strip()
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def prompt_path(text: str | None, limit: int = LABEL_LIMIT) -> str:
    """A heading path ("Notes › Rhodri's LinkedIn › Rhodri Penhallow, Assistant Chief Fire
    Officer at…") for a prompt: as ``prompt_field``, but a long one keeps its end, the heading
    the passage is under, and loses the outer ones."""
    cleaned = prompt_field(text, limit=10 * limit)
    if len(cleaned) <= limit:
        return cleaned
    tail = cleaned[-(limit - 4) :]
    inner = tail.find(" › ")
    return "… › " + (tail[inner + 3 :] if 0 <= inner < limit // 2 else tail.lstrip())


def prompt_passage(text: str | None, limit: int = SNIPPET_LIMIT) -> str:
    """A passage of research for a prompt: as ``prompt_field``, but longer."""
    return prompt_field(text, limit)


# -- what a page renders -------------------------------------------------------------------

_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\s*(\([^)\n]{0,2000}\)|\[[^\]\n]{0,200}\])")
_LINK = re.compile(r"\[([^\]\n]{0,500})\]\s*(\([^)\n]{0,2000}\)|\[[^\]\n]{0,200}\])")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]{1,200}\]:\s*\S+.*$", re.MULTILINE)
_BARE_URL = re.compile(
    # A whole code span is kept as it is (group 1): an address inside one is already text.
    r"(`[^`\n]*`)"
    r"|\b(?:https?|ftp|data|javascript|file)://[^\s<>`]{1,2000}|\bwww\.[^\s<>`]+"
    # An address without its scheme (//host/x.png) is an address too: a browser fetches it.
    r"|(?<![\w:/])//[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>`]*)?"
)


def page_text(text: str | None) -> str:
    """Markdown holding words someone else wrote (a reply, an answer, a comment, a report
    quoting them) made safe to render.

    No HTML (every '<' is escaped, so no tag and no <address> autolink can open), images and
    links keep only their words, and a bare address is shown as code, so nothing on the page
    can load or point to another host: research could otherwise make the page send a
    learner's CV away in an image's address. Our own Markdown (headings, lists, quotes, bold)
    is left as it is.
    """
    value = str(text or "").replace("<", "&lt;")
    value = _IMAGE.sub(lambda m: m.group(1) or "image", value)
    value = _LINK.sub(lambda m: m.group(1), value)
    value = _REFERENCE.sub("", value)
    # Whatever the patterns missed (nested brackets), a link needs "](" or "]:" to work.
    value = value.replace("](", "] (").replace("]:", "] :").replace("][", "] [")
    return _BARE_URL.sub(lambda m: m.group(1) or "`" + m.group(0).replace("`", "") + "`", value)


# -- what an error may say -----------------------------------------------------------------

_URL_ANYWHERE = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,31}://[^\s'\")\]]+")
_PATH = re.compile(r"(?<![\w.])(?:/[\w.@+-]+){2,}/?")


def public_message(text: str) -> str:
    """An error message fit for a page: no server URLs, database URLs or file paths."""
    text = _URL_ANYWHERE.sub("(a server address)", str(text))
    return _PATH.sub(lambda m: "(a file on the server)", text)
