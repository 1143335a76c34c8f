"""Where and how often the work is done: "Is it work-from-home, or would I be going into an
office?" is answered by the sentence on hybrid working ("We ask everyone to be in the Seagate
office at least two days a week."), not by the nearest sentence naming an office, which is as
often where the interview is held or where the company began."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKS = re.compile(
    r"\b(work(ing)?[- ]from[- ]home|wfh|remote(ly)?|hybrid"
    r"|(be|being|go|going|come|coming|work|working) (in|into|to) (an|the) office"
    r"|office every day|in every day|days? a week (in|at|on)|sit together"
    r"|(work|working|be|based) on[- ]site|come in(to)? (the office|every day|to work)"
    r"|commut\w*|flexible working|office (side|pattern|set-?up)"
    r"|(working|work) (pattern|arrangements?)"
    # "the balance between the office and the sites… mostly based at the office?"
    r"|between (the )?office and|based (at|in|out of) (the|an) office"
    r"|out at (the )?\w+ (at all|much|often)"
    # "Is there a fixed pattern for coming in, or do people just turn up?", "how often do
    # people come in?" (not "come in handy", "When did that come in?")
    r"|(for|about|on) (coming|going) in(?=[,?.]| or\b| every\b| most\b)"
    r"|\b(i|we|you|people|everyone|staff|they)( \w+){0,3} (come|go) in"
    r"(?=[,?.]| or\b| every\b| most\b))\b",
    re.IGNORECASE,
)
# Where the office is ("Where are your offices?") is asked by place, not by attendance…
_WHERE = re.compile(r"^\W*(where|which (city|town))\b", re.IGNORECASE)
# … unless how often is asked too ("Where's the office, and how many days would I need to be
# in?").
_HOW_MANY_DAYS = re.compile(
    r"\bhow (many|often)( days)?\b[^?]{0,50}\b(be in|in the office|on site|in the building"
    r"|(expected|required|needed) in)\b"
    # ("how often does the claim go in?" is no question about people coming in)
    r"|\bhow (many|often)( days)?\b[^?]{0,30}\b(i|we|you|people|everyone|staff|they|team)\b"
    r"[^?]{0,20}\b(come|go) in\b"
    r"|\b(need|have|expected|required) to be in\b"
    # "Which days would you want me physically in at the terminal?"
    r"|\bwhich days?\b[^?]{0,50}\b(in|on[- ]site)\b|\bphysically (in|there|on[- ]site|present)\b",
    re.IGNORECASE,
)
# A sentence on the pattern of the work says so outright ("hybrid", "the rest from home", "our
# team day"), or puts the office with how often ("in the Seagate office at least two days a
# week"); "Hannah doesn't know the office side" and "head office is on Hollis Street" do not.
_PATTERN = re.compile(
    r"\b(hybrid|remote(ly)?|from home|anchor day|team day|office days?)\b", re.IGNORECASE
)
_OFFICE = re.compile(r"\b((?<!box )office|on[- ]site)\b", re.IGNORECASE)
_OFTEN = re.compile(
    r"\b(days? (a|per) week|every day|(mon|tues|wednes|thurs|fri)days?)\b", re.IGNORECASE
)
# How often, said outright, first.
_HOW_OFTEN = re.compile(
    r"\b(days? a week|hybrid|remote|from home|tuesdays|wednesdays|thursdays)", re.I
)
_DAYS = re.compile(r"\bdays? (a|per) (working )?week\b", re.IGNORECASE)
_NOT_THE_WORK = re.compile(r"\b(interview|panel|apply|founded|started|first office)\b", re.I)


def asks_office_days(question: str) -> bool:
    """Whether ``question`` asks how much of the work is done in the office or from home."""
    if _HOW_MANY_DAYS.search(question):
        return True
    return bool(_ASKS.search(question)) and not _WHERE.search(question)


def office_days(sentences: Sequence[str]) -> str:
    """The sentence of ``sentences`` on how the work is split between office and home, with
    the one after it when that one says more of it ("Wednesday is our team day…"); "" when
    the research says nothing of it."""
    found = [
        (not _DAYS.search(sentence), not _HOW_OFTEN.search(sentence), order, sentence)
        for order, sentence in enumerate(sentences)
        if _on_the_pattern(sentence)
    ]
    if not found:
        return ""
    _no_days, _vague, order, best = min(found)
    after = sentences[order + 1] if order + 1 < len(sentences) else ""
    more = _on_the_pattern(after) and after not in best
    return f"{best} {after}" if more else best


def _on_the_pattern(sentence: str) -> bool:
    """Whether ``sentence`` says how the work is split between office and home."""
    said = bool(_PATTERN.search(sentence)) or bool(
        _OFFICE.search(sentence) and _OFTEN.search(sentence)
    )
    return said and not _NOT_THE_WORK.search(sentence)
