"""Whether something worked: "I read about the damp sensors. Has that made a difference?" is
answered by the sentence that gives the change it made ("repeat damp and mould complaints
fell by 31%…"), which rarely names the thing itself: the sentence before it does ("…fitted
humidity sensors in 400 homes…"). Closeness in meaning finds the sentence about the sensors;
this finds the figure that says how it went."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.interview.question_words import content_stems

_ASKS = re.compile(
    r"\b(made|make|making) (a|any|much of a|the|a real|a big) difference\b"
    r"|\b(did|does|has|have|is) (it|that|this|they|the \w+( \w+)?) (actually |really |even )?"
    r"(help(ed)?|work(ed|ing)?\b(?! on)|pay(ing)? off|paid off|made a dent|done anything)\b"
    r"|\b(any|what|what sort of|what kind of) (results|impact|effect|difference)\b"
    r"|\bhow (did|has|is) (it|that|this|the \w+( \w+)?) (gone|go|going|turn(ed)? out"
    r"|worked\b(?! on))",
    re.IGNORECASE,
)
# A figure of change: "fell by 31%", "down by a fifth", "11% quieter", "cut … in half".
_CHANGE = re.compile(
    r"\d[\d.]*\s?(%|per ?cent|percent)"
    r"|\b(down|up|fell|rose|dropped|cut|reduced|halved|doubled|increased|decreased)\b.{0,40}"
    r"\b(a (fifth|third|quarter|half|tenth)|half|\d)",
    re.IGNORECASE,
)
# Words of the question that ask how it went, not what about.
_HOW_IT_WENT = frozenset(
    ["diffe", "actua", "help", "helpe", "work", "worke", "resul", "impac", "effec", "paid",
     "gone", "turne", "real", "really", "since", "live"]
)  # fmt: skip
_POINTING = re.compile(r"\b(it|that|this|they|them)\b", re.IGNORECASE)


def asks_impact(question: str) -> bool:
    """Whether ``question`` asks whether something worked or what difference it made."""
    return bool(_ASKS.search(question))


def impact(sentences: Sequence[tuple[str, str]], question: str, context: str = "") -> str:
    """The one of ``sentences`` (each with the research's sentence before it) giving a figure
    of change for what the question, or the turn's words before it when the question points
    back ("Has that helped?"), is about: sharing the most of it, by itself or with the
    sentence before it.
    "" when none does."""
    about = content_stems(question) - _HOW_IT_WENT
    if _POINTING.search(question) or not about:
        about |= content_stems(context) - _HOW_IT_WENT
    if not about:
        return ""
    found = []
    for order, (sentence, previous) in enumerate(sentences):
        if not _CHANGE.search(sentence):
            continue
        own = content_stems(sentence)
        before = content_stems(previous)
        shared = len(about & own) + len(about & before - own)
        if shared:
            found.append((-shared, order, sentence))
    return min(found)[2] if found else ""
