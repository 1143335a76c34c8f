"""How big the team is: answered by the sentence that counts its people ("The supply chain team
has seven people…", "Network Insight is a team of 14…"), not by the nearest sentence holding a
figure, which is as often a count of customers or members ("11,200 members now…"), nor by how
many the whole company employs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.interview.question_words import content_stems
from roleplay.interview.sayable import NUMBER_WORDS
from roleplay.interview.standalone import people_in

_ASKS = re.compile(
    r"\bhow (big|large|small) (is|are) (?P<a>(the|your) [\w&' ]{0,40}?\b(team|group|department"
    r"|function|unit))\b"
    r"|\bhow (big|large|small) (?P<b>[\w&' ]{1,40}?) (actually |really )?(is|are)\b"
    r"|\bhow many (people|of you|staff|analysts|folks) (are|is|work)( there)? (on|in)\b"
    r"|\bhow many of you are there\b|\b(size of the team|team size|how many in the team)\b"
    # "who I'd actually be working alongside": the team, counted and named.
    r"|\bwho (i'?d|i would|i'?ll|i will|would i|will i) (actually |really )?(be )?(work(ing)?|sit"
    r"(ting)?) (alongside|with|next to)\b|\bwho('?s| is| else is) (in|on) (the|your) team\b",
    re.IGNORECASE,
)
_COUNT = rf"(\d+|{NUMBER_WORDS}|one)"
# A count of a team's people.
_HEADCOUNT = re.compile(
    rf"\b(team|group|unit|department) of {_COUNT}\b"
    rf"|\b{_COUNT} (people|analysts|staff|of us|of them|data \w+|\w+ analysts)\b"
    rf"|\bhas {_COUNT}\b|\bmakes? (it )?{_COUNT}\b",
    re.IGNORECASE,
)
# Asked who, not how many: "who I'd actually be working alongside most days?"
_WHO = re.compile(r"\bwho\b", re.IGNORECASE)
# A sentence telling whom the post works with: "You will also work closely with Tom Okafor…".
_WORKS_WITH = re.compile(
    r"\b(work(s|ing)? (closely |alongside |together )?(with|alongside)|alongside|join (the|our))\b",
    re.IGNORECASE,
)
_TEAM = re.compile(r"\b(team|group|unit|department|this hire)\b", re.IGNORECASE)
# The whole company's headcount is not the team's.
_WHOLE = re.compile(r"\b(employs?|employees|work (at|for)|workforce|staff of)\b", re.IGNORECASE)
# "How many people work in the Bristol office?" asks about a place.
_PLACE = re.compile(r"\b(office|site|depot|store|shop|branch|building|plant|warehouse)s?\b", re.I)
_EVERYDAY = frozenset(["team", "peopl", "many", "there", "your", "actua", "reall", "these"])


def asks_team_size(question: str, company: str = "") -> bool:
    """Whether ``question`` asks how many people are in a team (not in the whole company)."""
    found = _ASKS.search(question)
    if not found or _PLACE.search(question):
        return False
    subject = (found.group("b") or "").lower().removeprefix("the ")
    own = company.lower().split()
    whole = subject in ("business", "company", "organisation", "firm") or (
        bool(subject) and all(word in own for word in subject.split())
    )
    return not whole


def team_size(sentences: Sequence[str], question: str) -> str:
    """The one of ``sentences`` that counts the team's people, the one naming what the
    question names first; asked who is in it, the one naming whom the post works with when
    none counts them; "" when none does."""
    # (What the question names, not its little words: "who I'd be working with" names nobody
    # that "six practices with around 210 staff" holds.)
    asked = content_stems(question) - _EVERYDAY
    found = []
    for order, sentence in enumerate(sentences):
        if not _HEADCOUNT.search(sentence) or _WHOLE.search(sentence):
            continue
        named = len(asked & content_stems(sentence))
        if not (named or _TEAM.search(sentence)):
            continue
        found.append((-named, order, sentence))
    if found:
        return min(found)[2]
    # No count: who is named as working with the post says who is in it.
    if _WHO.search(question):
        return next((s for s in sentences if _WORKS_WITH.search(s) and len(people_in(s)) >= 2), "")
    return ""
