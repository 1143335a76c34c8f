"""The sentences of messages pasted into the research: a chat export's, message by message
under its writer; one quoted whole under the notes' words about it; and a quotation split
across sentences, joined again."""

from __future__ import annotations

import re

from roleplay.interview.facts import sentences
from roleplay.knowledge.chats import CHAT_STAMP

_CLOSES_ONLY = re.compile(r'^[^"]*[.!?,]"\s*$')


# The notes' line over a message of theirs pasted whole: 'his message on LinkedIn, 28 March,
# pasting it so I don't lose it: "Hi! Really happy to help… Honest tip: bring one…"'.
_THEIR_MESSAGE = re.compile(
    r'^[^"“]{0,80}\b(message|email|e-mail|dm|reply|note|post|wrote|said)\b[^"“]{0,60}:\s*'
    r'["“]([^"“”]+)["”]?[.\s]*$',
    re.IGNORECASE,
)
_SMILEY = re.compile(r"\s*(?<![\w])[:;]-?[)(DP](?![\w])\s*")
_CHAT_NOISE = re.compile(
    r"<?\b(media|image|video|audio|sticker|gif) omitted>?|this message was deleted", re.I
)
# Teams marks a message changed after it was sent: "…as Membership Administrator (edited)".
_EDITED = re.compile(r"\s*\(edited\)", re.IGNORECASE)
# "---- end of chat ----": what follows is the notes again.
_RULED = re.compile(r"(^|\s)[-=_*~]{3,}")
# ("1) the data exercise…", "…one chart. 2. Know the…"; a figure that ends a line is none:
# "…numbers to Aisha by 11" over "Tuesday is the all-team day".)
_LIST_NUMBER = re.compile(
    r"(?:^|(?<=\s))\d{1,2}\)\s+(?=[A-Za-z])|(?:^|(?<=[.!?:;]\s))\d{1,2}\.\s+(?=[A-Za-z])"
)
# A list's bullet in a message ("…which I like: - Monday 10am is the sales meeting…"), at its
# start or after a sentence's end: never said. (A dash inside a sentence is a dash.)
_BULLET = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*[-•*][ \t]+")
# (The words a list is under end there: "There's a rhythm to it." then "Monday 10am is…".)
_LIST_LEAD = re.compile(r":\s+[-•*][ \t]+")
# An emoji ends a sentence in a chat as a full stop would ("…before covid 🙃 that was a year").
_EMOJI = re.compile(r"\s*[\U0001F000-\U0001FAFF\u2600-\u27BF]+[\uFE0F\u200D]*\s*")


def chat_messages(text: str) -> list[tuple[str, list[str]]]:
    """Who wrote what in a chat export pasted into the notes, each message as its sentences."""
    stamps = list(CHAT_STAMP.finditer(text))
    messages = []
    for stamp, after in zip(stamps, [*stamps[1:], None], strict=False):
        said = text[stamp.end() : after.start() if after else len(text)]
        said = _CHAT_NOISE.sub(" ", _EDITED.sub("", _RULED.split(said, maxsplit=1)[0]))
        said = _BULLET.sub("", _LIST_LEAD.sub(". ", said))
        said = _SMILEY.sub(". ", _EMOJI.sub(". ", _LIST_NUMBER.sub("", said)))
        kept = [p for p in sentences(" ".join(said.split())) if re.search(r"[^\W\d_]", p)]
        if kept:
            messages.append((stamp[1], kept))
    return messages


def messages_opened(pieces: list[str]) -> list[str]:
    """A message of theirs quoted under the notes' words about it, as the sentences they
    wrote (the words about it are the job seeker's: "so I don't lose it")."""
    opened: list[str] = []
    for piece in pieces:
        message = _THEIR_MESSAGE.match(piece)
        if message:
            # (a smiley ends a sentence in a message: "…stick together :) Honest tip: bring…")
            opened += sentences(_SMILEY.sub(". ", message.group(2)))
        else:
            opened.append(piece)
    return opened


def quotes_whole(pieces: list[str]) -> list[str]:
    """Sentences with a quotation split across them joined again ('Her advice: "Talk to the
    reception teams. They know…"' is one thing said)."""
    groups: list[list[str]] = []
    for piece in pieces:
        said = _joined(groups[-1]) if groups else ""
        # (A passage cut inside a quotation starts with its end: 'handy… part of the job."'
        # closes a quotation that opened before it, and opens none.)
        if said.count('"') % 2 and not (len(groups[-1]) == 1 and _CLOSES_ONLY.search(said)):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    # A quotation the passage was cut inside (its last words are in the next passage) ends
    # with the last sentence it holds whole: 'Post from last month: "Seven years on… properly.'
    # and not "My environmental science degree ended up being handy (keeping birds.".
    if groups and len(groups[-1]) > 1 and _joined(groups[-1]).count('"') % 2:
        kept = _joined(groups[-1][:-1]).rstrip()
        if kept.endswith((".", "!", "?")):
            groups[-1] = [f'{kept}"']
    return [_joined(group) for group in groups]


def _joined(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # (Cut at a full stop, or at a dash taken for a list's: "…in the box office - that's
        # where…".)
        cut = " " if text.rstrip().endswith((".", "!", "?", ",")) else " – "
        text = f"{text}{cut}{part}"
    return text
