"""What is open to apply for: "Is your team taking anyone else on?" is answered by the research
sentence that says so ("Next intake is September 2025, applications open in April."), which
shares no word with the question and sits far from it in meaning; without one, the persona's
own pointer answers (``listening``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.cues import read_answer

_ASKS = re.compile(
    r"\b(hiring(?! manager| process| panel)|recruiting"
    r"|tak(e|es|ing) (on )?(anyone|anybody|people|more|new|other|staff)"
    r"|openings?|vacanc\w+|(roles?|jobs?|posts?|positions?) (open|going|coming up|available)"
    r"|intake|grad(uate)? scheme|(anything|something) (else )?(open|going))\b",
    re.IGNORECASE,
)
# A sentence on what is open, or when it opens.
OPENINGS = re.compile(
    r"\b(intake|vacanc(y|ies)|(is|are|we're|we are|they're|they are|currently|now|actively) "
    r"(hiring|recruiting)|hiring (for|now|more|again|\d)|applications? (open|close)\w*"
    r"|open (roles?|posts?|positions?|vacanc\w+)|(job|current|other) openings?|taking on"
    r"|nothing else (is )?open|(roles?|posts?|positions?|jobs?) (is|are) (open|live|advertised))\b",
    re.IGNORECASE,
)


def asks_openings(question: str) -> bool:
    """Whether ``question`` asks what is open to apply for."""
    return bool(_ASKS.search(question))


def openings(sentences: Sequence[str]) -> str:
    """The first sentence of ``sentences`` on what is open to apply for ("" for none)."""
    return next((sentence for sentence in sentences if OPENINGS.search(sentence)), "")


def pushes_for_a_job(question: str) -> bool:
    """Whether ``question`` pushes for a job ("Are you hiring?", "Could you refer me?"): the
    notes count that against the candidate, and the persona answers with its own pointer, not
    with the research's openings."""
    return any(sentence.has("job_push") for sentence in read_answer(question))
