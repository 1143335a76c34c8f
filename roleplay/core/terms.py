"""Figures and names in what someone said: the facts an answer can bring from the research.

The same rule serves the notes (an answer that uses the research) and the feedback (company
facts used), so both count a fact the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from roleplay.core.cues import mentions

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_NUMBER = re.compile(r"(?<![\w.])[$£€]?\d[\d,]*(?:\.\d+)?%?")
_PRONOUN = re.compile(r"I(?:['’](?:m|ve|d|ll))?")
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


def _is_fact_number(number: str) -> bool:
    # "2 years", "90 days": small bare numbers are everyday speech, not facts about a company.
    if any(mark in number for mark in "%$£€,."):
        return True
    return int(number) >= 100


def fact_terms(text: str) -> list[str]:
    """The figures (with a unit or separator, or 100 and above) and capitalised names in
    ``text``, a sentence's first word and "I" left out."""
    numbers = [m.group(0).rstrip(".,") for m in _NUMBER.finditer(text)]
    terms = [n for n in numbers if _is_fact_number(n)]
    for sentence in _SENTENCE.findall(text):
        sentence = sentence.strip()
        for match in _NAME.finditer(sentence):
            term = match.group(0)
            if match.start() == 0:
                # A sentence's first word is capitalised anyway; keep the rest of a name.
                parts = term.split(None, 1)
                term = parts[1] if len(parts) == 2 else ""
            term = " ".join(w for w in term.split() if not _PRONOUN.fullmatch(w))
            if len(term) > 1:
                terms.append(term)
    return list(dict.fromkeys(terms))


def research_terms(answer: str, passages: Iterable[str], *, already_said: str) -> list[str]:
    """The figures and names in ``answer`` that the research holds and that were not in
    ``already_said`` (the interviewer's words, and the company, role and candidate names)."""
    texts = list(passages)
    return [
        term
        for term in fact_terms(answer)
        if not mentions(term, already_said) and any(mentions(term, t) for t in texts)
    ]
