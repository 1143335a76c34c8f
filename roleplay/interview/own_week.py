"""Someone's normal week, told from what the research wrote down of it: "What does a normal
week look like for you?" is answered by the days of it a line each ("Monday = pulls the weekend
numbers…", "Tuesday – on site at Hatton"), or by the one line that says it ("my week: Mondays
are mostly the member inbox…"), in their own voice. A normal week in the place ("…for the
analytics team?") is what the research says happens every week ("Wednesdays are free of
internal meetings so people can think.")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.interview.addressee import addressed
from roleplay.interview.first_person import as_written, first_person
from roleplay.interview.sayable import A_YEAR

_WEEK_ASKED = re.compile(
    r"\b(normal|typical|usual|average|regular|actual|ordinary) (week|day)\b"
    r"|\bweek (actually |really |normally |usually )?(looks?|is) like\b"
    r"|\b(day|week) to (day|week)\b",
    re.IGNORECASE,
)
# (Two days to a line, and an equals sign: "Tuesday/Wednesday = Power BI dashboards…".)
_WEEKDAY = re.compile(
    r"^\W*(monday|tuesday|wednesday|thursday|friday)s?(\s*(/|and|&)\s*\w+day)?"
    r"( (morning|afternoon|evening)s?)?\s*[–—:=-]",
    re.I,
)
# A day named in a sentence: in full, or cut short with its capital ("Mon-Sat", not "I sat").
_DAY_NAMED = re.compile(
    r"\b(?i:monday|tuesday|wednesday|thursday|friday|saturday)s?\b"
    r"|\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\b"
)
_PAST = re.compile(r"\b(last time|was|were|did|used to)\b", re.IGNORECASE)
# What happens every week in the place: a day named, or a habit of the week ("Wednesdays are
# free of internal meetings", "a stand-up every morning"); not a quarter's or a year's.
_ROUTINE = re.compile(
    r"\b(every|each) (day|morning|afternoon|week|fortnight)\b|\b(daily|weekly|fortnightly)\b"
    r"|\bonce a (day|week|fortnight)\b|\bstand-?ups?\b",
    re.IGNORECASE,
)
_ROUTINE_ASKED = re.compile(
    r"\b(normal|typical|usual|average|ordinary) (week|day)\b"
    r"|\bweek (actually |really )?looks? like\b",
    re.IGNORECASE,
)
ROUTINE_SAID = 2
_WEEK_LINE = re.compile(r"^\W*(my|a (normal|typical|usual)) (week|day)\b", re.IGNORECASE)
WEEKDAYS_SAID = 3
_ORDER = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def week_told(pieces: Sequence[str], question: str, name: str) -> str:
    """Their week said by them when ``question`` asks for it and ``pieces`` (what the research
    says of ``name``) hold it; "" otherwise."""
    if not _WEEK_ASKED.search(question):
        return ""
    # (in the week's order, whichever passage each day was found in)
    days = sorted(
        (piece for piece in pieces if _WEEKDAY.match(piece)),
        key=lambda piece: _ORDER.index(_WEEKDAY.match(piece)[1].lower()),  # type: ignore[index]
    )
    if len(days) < 2:
        days = [piece for piece in pieces if _WEEK_LINE.match(piece)][:1]
    if not days:
        # A week told in sentences that name its days ("Volunteers do Tue/Thu/Sat mostly, I
        # drive Mon Wed Fri.", "Friday afternoon is stock count…"), in the order written.
        # (A dated line is a step of a road: "…a volunteer driver on Saturdays from 2019".)
        # (A week is told in the present: "Last time it was 14 hubs… plan Tues and Thurs" is
        # an exercise they once did.)
        told = [
            p
            for p in pieces
            if _DAY_NAMED.search(p) and not A_YEAR.search(p) and not _PAST.search(p)
        ]
        return " ".join(as_written(p) for p in told[:WEEKDAYS_SAID]) if len(told) >= 2 else ""
    return " ".join(first_person(piece, name) for piece in days[:WEEKDAYS_SAID])


def asks_routine(question: str) -> bool:
    """``question`` asks what a normal week or day in the place is like ("What does a typical
    week look like for the analytics team?"), not the interviewer's own ("…for you?"), nor
    what is used or done "day to day" (the tools, the people)."""
    return bool(_ROUTINE_ASKED.search(question)) and not addressed(question)


def routine(pieces: Sequence[str]) -> str:
    """What the research says happens every week (``pieces``: its sentences, in its order):
    the days it names and the habits of its week, or "" when it says none."""
    told: list[str] = []
    for piece in pieces:
        if not (_DAY_NAMED.search(piece) or _ROUTINE.search(piece)):
            continue
        if A_YEAR.search(piece) or _PAST.search(piece):
            continue
        # ("Wednesdays have no internal meetings." after "Wednesdays are free of internal
        # meetings…": two pages saying the same habit.)
        habit = _habit(piece)
        if any(habit & _habit(said) for said in told):
            continue
        told.append(piece)
    return " ".join(told[:ROUTINE_SAID])


def _habit(sentence: str) -> set[str]:
    """The days and the habit words ``sentence`` names, in lower case."""
    found = [m.group(0) for m in (*_DAY_NAMED.finditer(sentence), *_ROUTINE.finditer(sentence))]
    return {word.lower().rstrip("s") for word in found}
