"""One step of the hiring process: how long it takes, and who is on it.

How long: "Is the take-home long?" is answered from the
research's own figure for that step, wherever it sits (in an aside, "(it should take about two
hours)"; in a note to the reader, "Please don't spend more than three hours on it."; in a list
item, "SQL and data take-home, about 3 hours"), said in a sentence of ours around the step's name
and the figure: "The take-home should take about two hours." Notes and asides are never said as
written, so the figure is what carries over, not their words.

Who: "If I get through to the panel, who would be on it?" is answered by the sentence that names
the step and a person ("There's a panel interview at the mill with Gethin Marsh and Hana
Dobrowska…"), not the nearest sentence about one of them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.sayable import NUMBER_WORDS
from roleplay.interview.standalone import PERSON, headed_sentences

_STEP = re.compile(
    r"\b(take-home( (task|exercise|test|assignment))?|case (study|exercise)|data (task|exercise)"
    r"|written (task|exercise)|presentation|assessment|technical test|panel( interview)?)\b",
    re.IGNORECASE,
)
_HOW_LONG = re.compile(
    r"\bhow (long|much time|many hours)\b|\b(is|are) (it|the [\w-]+( \w+)?) (long|big)\b"
    r"|\bsetting aside\b|\btime (does|will) it take\b",
    re.IGNORECASE,
)
# Waiting is not the step's length: "how long until I hear after the panel?"
_WAITING = re.compile(r"\b(hear|decision|until|after|before|offer|start|back)\b", re.IGNORECASE)
_DURATION = re.compile(
    rf"(?P<how>\b(about|around|roughly|approximately|approx\.?|up to|no more than|not more than"
    rf"|more than|max(imum)?|at most|under|less than)\s+)?"
    rf"\b(?P<n>\d+(\.\d+)?|{NUMBER_WORDS}|an?|one|half an?)[\s-]*"
    r"(?P<unit>hours?|hrs?|minutes?|mins?)\b",
    re.IGNORECASE,
)
_CAPPED = re.compile(r"\b(don'?t|do not|no need to|shouldn'?t)\b.*\bmore than\b", re.IGNORECASE)
_UNITS = {"hr": "hour", "hrs": "hours", "min": "minute", "mins": "minutes"}


def asks_step_length(question: str) -> bool:
    """Whether ``question`` asks how long one step of the hiring process takes."""
    return bool(
        _STEP.search(question) and _HOW_LONG.search(question) and not _WAITING.search(question)
    )


def step_length(sources: Sequence[Source], question: str, company: str = "") -> str:
    """ "The take-home should take about two hours." from the research's figure for the step
    ``question`` names, or "" when the research gives none."""
    asked = _STEP.search(question)
    if not asked:
        return ""
    step = asked.group(0).lower()
    head = step.split()[0]
    for source in sources:
        if source.kind != "company":
            continue
        named = False
        for raw, title in headed_sentences(source, [company]):
            # The step's figure may follow its name in the same item: "Take-home task using
            # a small dataset. You get 48 hours and we expect it to take around two hours."
            after_name, named = named and not _STEP.search(raw), head in raw.lower()
            if not (named or after_name or head in title.lower()):
                continue
            if figure := _duration(raw):
                return f"The {step} should take {figure}."
    return ""


def _duration(text: str) -> str:
    # What it takes, not the time given for it: "You get 48 hours and we expect it to take
    # around two hours."
    taking = re.search(r"\btakes?\b(.*)", text)
    found = (taking and _DURATION.search(taking.group(1))) or _DURATION.search(text)
    if not found:
        return ""
    number = found.group("n").lower()
    unit = found.group("unit").lower()
    unit = _UNITS.get(unit, unit)
    single = number in ("a", "an", "one", "1") or number.startswith("half")
    unit = unit.rstrip("s") if single else f"{unit.rstrip('s')}s"
    how = (found.group("how") or "").strip().lower()
    if _CAPPED.search(text) or how in ("up to", "no more than", "not more than", "max", "maximum"):
        how = "no more than"
    elif how in ("roughly", "approximately", "approx", "approx.", "around"):
        how = "about"
    elif how == "more than":
        how = "over"
    return " ".join(part for part in (how, number, unit) if part)


_WHO = re.compile(r"\bwho('s| is| are| will| would|'d)?\b", re.IGNORECASE)
# The steps a person sits on: a panel, a call, an interview.
# ("the final stage" is the last of them, whatever it is called: "Final interview in Kendal…")
_SAT_ON = re.compile(
    r"\b(panel|call|interview|video call|phone screen|screen|(final|last) (stage|round))s?\b",
    re.IGNORECASE,
)


# "Who else should I speak to before the interview?" asks for a contact.
_REFERRAL = re.compile(r"\b(else|speak|talk|reach out|contact|introduce)\b", re.IGNORECASE)


def asks_step_people(question: str) -> bool:
    """Whether ``question`` asks who is on a step of the hiring process."""
    return bool(
        _WHO.search(question) and _SAT_ON.search(question) and not _REFERRAL.search(question)
    )


def step_people(sentences: Sequence[str], question: str) -> str:
    """The one of ``sentences`` that names the step ``question`` asks about and a person on
    it, or ""."""
    asked = _SAT_ON.search(question)
    if not asked:
        return ""
    words = asked.group(1).lower().split()
    step = words[0] if words[-1] in ("stage", "round") else words[-1]
    return next(
        (s for s in sentences if re.search(rf"\b{step}s?\b", s, re.I) and PERSON.search(s)), ""
    )
