"""Whether the post is new or someone is leaving it: "Is this a post someone's leaving behind,
or a brand-new one?" is answered by the sentence of the job ad that says so ("This is a new
post.", "…a newly created role", "maternity cover for…"). That sentence is short and points
at the post with "this", so it is never said as an answer by closeness in meaning."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import research_pieces
from roleplay.knowledge.chats import CHAT_STAMP

_ASKS = re.compile(
    r"\b(brand[- ]new|newly created|new (post|role|position|job)|a new one|replacement"
    r"|replac(e|es|ed|ing) (someone|somebody|a person)|backfill\w*"
    r"|someone'?s (leaving|left|moving on|moved on)|(leaving|left) behind"
    r"|(last|previous) (person|one) (in|doing) (the|this) (post|role|job|seat)"
    r"|(post|role|position|job|seat) (is |was )?(new|vacant))\b",
    re.IGNORECASE,
)
_SAYS = re.compile(
    r"\b(this|the|it) (is|'s) an? (brand[- ])?new(ly created)? (post|role|position|job)\b"
    r"|\bnewly[- ](created|established)\b|\b(maternity|paternity|parental|sickness) cover\b"
    r"|\b(post|role|position) (is|has been) (newly )?created\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[<>\[\]{}#|`*]")


def asks_new_post(question: str) -> bool:
    """Whether ``question`` asks if the post is new or someone's leaving it."""
    return bool(_ASKS.search(question))


def new_post(sources: Sequence[Source]) -> str:
    """The research's sentence saying whether the post is new, or "" when none does."""
    for source in sources:
        if source.kind != "company" or CHAT_STAMP.search(source.snippet):
            continue
        for piece in research_pieces(source.snippet):
            if _SAYS.search(piece) and not _MARKUP.search(piece) and len(piece.split()) <= 30:
                return piece
    return ""
