"""Someone's normal week, told from what the research wrote down of it: "What does a normal
week look like for you?" is answered by the days of it a line each ("Monday = pulls the weekend
numbers…", "Tuesday – on site at Hatton"), or by the one line that says it ("my week: Mondays
are mostly the member inbox…"), in their own voice."""

from __future__ import annotations

import re
from collections.abc import Sequence

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
