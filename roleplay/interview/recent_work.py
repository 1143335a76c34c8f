"""What the team has been working on lately: answered by the sentence that says what the team
(or "we", or a named project) did or is doing, the most recent first ("In 2025 the team rebuilt
the sailing forecast…", "The current project is a model that predicts…"), rather than the
nearest sentence that names the team ("The team has five people and reports to…"), which is
what closeness in meaning finds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKS = re.compile(
    r"\bwhat('s| is| are| has| have|'ve)? (the |your |you )?([\w-]+ ){0,3}?"
    r"(team|department|group|you all|you guys|you lot|you)? ?(been )?"
    r"(work(ing|ed)? on|focused on|focusing on|busy with|up to|building|built)\b"
    # ("What's been taking up most of your time over the past few months?", "what's been
    # keeping you busiest?")
    r"|\bwhat('s| has| have|'ve)? (been )?(taking up|taken up|eating up|keeping|kept)"
    r" (most of |all of |much of )?(your|the team's|you)( \w+)? ?(time|busy|busiest)\b",
    re.IGNORECASE,
)
# A sentence dated lately, which answers a question about lately without sharing its words.
RECENT = re.compile(
    r"\b(20\d\d|recent(ly)?|new|now|launched|this year|last year|current(ly)?)\b", re.I
)
# A question that asks about lately ("What has the team done lately?"; answers.py ranks the
# recent first for it too).
WANTS_RECENT = re.compile(
    r"\b(lately|recently|recent|latest|these days|this year|right now|currently|at the moment"
    r"|(the )?(past|last) (few |couple of |several |six |three |twelve |\d+ )?"
    r"(months|weeks|year))\b",
    re.I,
)
# ... and, asking what the team is working on, "now" and "last year" do as well.
_LATELY_TOO = re.compile(r"\b(now|last year)\b", re.IGNORECASE)
# Who did the work: the team, "we", a project.
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
# (A day it happened may come first: "On the 1st of April we moved our distribution…".)
_DOER = re.compile(
    r"^(in \d{4},? |last (season|year|spring|summer|autumn|winter),? |this year,? "
    rf"|(on|in|since|from) (the )?(\d{{1,2}}(st|nd|rd|th)? (of )?)?{_MONTH}( \d{{4}})?,? )?"
    r"(the (\w+ ){0,3}team|we|our (\w+ )?team|the current project|(\w+[- ]){0,3}project)\b",
    re.IGNORECASE,
)
_WORK = re.compile(
    r"\b(re)?(built|build(ing)?|launched|rolled out|introduced|moved|migrated|redesigned"
    r"|replaced|created|developed|cut|automated|delivered|working on|is (a|an) \w+)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b20[0-4]\d\b")
_CURRENT = re.compile(r"\b(current|currently|now|this year|last (season|year))\b", re.I)


def asks_recent_work(question: str) -> bool:
    """Whether ``question`` asks what the team has been working on lately ("What has the team
    been focused on lately?", "What is the analytics team working on at the moment?")."""
    return bool(_ASKS.search(question)) and (
        bool(WANTS_RECENT.search(question) or _LATELY_TOO.search(question))
        or "team" in question.lower()
    )


def recent_work(sentences: Sequence[str]) -> str:
    """The one of ``sentences`` that says what the team did or is doing, the most recent
    first; "" when none does."""
    found = []
    for order, sentence in enumerate(sentences):
        if not (_DOER.match(sentence) and _WORK.search(sentence)):
            continue
        years = [int(year) for year in _YEAR.findall(sentence)]
        current = bool(_CURRENT.search(sentence))
        found.append((-current, -max(years, default=0), order, sentence))
    return min(found)[3] if found else ""
