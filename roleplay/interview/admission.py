"""How close a research sentence must come to a question to be said as its answer, and what
each sentence weighed as an answer is weighed by (``candidates`` weighs them)."""

from __future__ import annotations

from dataclasses import dataclass

# Scaled MiniLM relevance a research sentence needs to be said as the answer to a question
# (tuned on the sample company's questions in bench/listening.py's 'sample' conversations).
ANSWERS_AT = 0.4
# ... when the sentence holds every word the question asks about, or only some of them.
ANSWERS_WHOLE = 0.25
ANSWERS_PART = 0.6
# ... when it holds less than half of three or more words asked (when added, on the research
# questions of bench/answers.py: wrong answers 40 -> 28, right ones 131 -> 128).
ANSWERS_FEW = 0.9
# Close enough to answer without a shared word ("founded" for "started").
ANSWERS_ALONE = 0.8
# ... when most of what was asked is nowhere in the research ("enhanced maternity or paternity
# pay, above statutory?" is not answered by a grant "paying for nine new nurse posts").
ANSWERS_UNHEARD = 0.95
# What each word of the question a research sentence shares adds to its closeness.
SHARED_WORD = 0.05


@dataclass(frozen=True)
class Candidate:
    """A research sentence weighed as the answer to a question, with what it was weighed by."""

    sentence: str
    close: float  # scaled MiniLM closeness to the question as asked (or with its kind's words)
    alone: float  # ... to the question as asked
    rank: float  # raw cosine to the closest telling of the question
    shared: int  # words of what was asked it holds (names and counts counting too)
    asked: int  # words of what was asked
    related: int  # words of the question's kind and of the rest of the turn it holds
    dated: bool  # dated recently, for a question about lately
    item: bool  # a list item said with what it lacked
    listed: bool  # names several products, for a question about tools
    counts: bool  # its figure counts what "how many" asks about
    scene: bool  # shares only the names that set the scene
    products: int  # products named, for a question about tools
    admitted: bool  # close enough by the rules of ``candidates``
