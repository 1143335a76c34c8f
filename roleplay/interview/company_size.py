"""How big the company is: answered by the sentence that counts what it is made of (its staff,
members, branches, homes), "Saltmeadow today: 44,000 members, 12 branches… about 290
employees", not by the nearest sentence holding a figure, which is as often a pilot's or a
project's ("fitted sensors in 400 homes…"), nor by the team's size (``team_size``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.interview.sayable import NUMBER_WORDS

# "How big is the place these days?", "How big an operation is it?", "how many people work
# there?", "How many homes are you responsible for?"
_ASKS = re.compile(
    r"\bhow (big|large|small) (is|are) (it|the place|the (company|organi[sz]ation|business|firm"
    r"|association|charity|trust|operation|outfit|group)|you( all| guys| lot)?)\b"
    r"|\bhow (big|large|small) an? (operation|organi[sz]ation|company|business|outfit|place)\b"
    r"|\bhow many (people|staff|employees|folks) (work|are there|are employed)\b"
    r"(?! (on|in) (the|your) \w+ (team|group|department))"
    r"|\bhow many (?P<unit>\w+) (do|does|are|is) (you|it|they)( \w+)?"
    r" (have|run|own|manage|operate|serve|look after|responsible for)\b",
    re.IGNORECASE,
)
_PEOPLE = re.compile(r"\b(people|staff|employ|workforce|headcount|colleagues)", re.IGNORECASE)
# The people who work there, not visitors ("6,500 people come through our lift gates").
_STAFF = re.compile(
    r"\b(staff|employees|employs|colleagues|workforce|headcount|people (work|are employed))\b"
    # ("So we're 61 people now.")
    r"|\b(we'?re|we are) (now )?(about |around |roughly |nearly |over |just over |almost )?"
    r"\d[\d,]* people\b",
    re.IGNORECASE,
)
_COUNT = rf"(\d[\d,.]*\+?|{NUMBER_WORDS})"
_UNITS = (
    r"(year-round |full-time |permanent )?(people|staff|employees|colleagues|members|branches"
    r"|homes|properties|customers|clients|stores|shops|sites|locations|offices|outlets|venues"
    r"|schools|libraries|practices|clinics|routes|vehicles|volunteers|skier visits|visitors)"
)
_SIZE = re.compile(rf"\b{_COUNT}( [\w-]+)? {_UNITS}\b", re.IGNORECASE)
# A team's headcount, or a count that is a plan, a pilot or one project's, is not the size.
_NOT_SIZE = re.compile(
    r"\b(team of|in the team|our team|pilot|will|plans?|planned|extended|new homes|last year"
    r"|jobs|hire|hiring|recruit)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]{4,}")


def asks_company_size(question: str, company: str = "") -> bool:
    """Whether ``question`` asks how big the whole company (called ``company``) is, not one
    team."""
    if re.search(r"\b(team|revenue|turnover|sales|money|profit)", question, re.IGNORECASE):
        return False  # one team's size, or the company's size in money
    # ("How big is Pellingford?", "How big is the Press these days?" at Pellingford University
    # Press)
    named = [re.escape(word) for word in company.split() if len(word) > 3]
    by_name = bool(named) and bool(
        re.search(rf"\bhow (big|large) (is|are) (the )?({'|'.join(named)})\b", question, re.I)
    )
    return by_name or bool(_ASKS.search(question))


def company_size(sentences: Sequence[str], question: str) -> str:
    """The one of ``sentences`` that counts most of what the company is made of, counting what
    the question names first ("in members and branches", "people-wise"); "" when none does."""
    asked = set(_WORD.findall(question.lower()))
    people = bool(_PEOPLE.search(question)) or "people-wise" in question.lower()
    found = []
    for order, sentence in enumerate(sentences):
        sizes = [match.group(0).lower() for match in _SIZE.finditer(sentence)]
        if not sizes or _NOT_SIZE.search(sentence):
            continue
        if people and not _STAFF.search(sentence):
            continue
        named = sum(1 for size in sizes if (asked - {"people"}) & set(_WORD.findall(size)))
        found.append((-named, -len(sizes), order, sentence))
    if not found:
        return ""
    best = min(found)
    # A question naming what it counts ("how many homes…") wants that counted.
    unit = (m.group("unit") or "") if (m := _ASKS.search(question)) else ""
    return "" if unit and not best[0] else best[3]
