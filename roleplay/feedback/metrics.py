"""Numbers about the candidate's side of the conversation, counted by code, never by a model.

The rules, so that a person counting by hand gets the same figures:
- a word is a run of letters, digits or apostrophes;
- a question is a sentence of the candidate's that ends in "?"; it is *open* when it, or its
  last clause (after a comma, colon, semicolon or dash), starts, after a leading
  "and/so/but/also/well/okay", with how, what, why, describe, tell, walk, explain, share or
  talk, or with "could/can/would you" followed by one of those verbs, or "in what way";
- fillers are counted as ``roleplay.core.wording`` says (um, uh, "you know", ... as whole words);
- a company fact is a number (with %, a currency sign, a separator, or 100 and above) or a
  capitalised name (not the first word of a sentence, not the
  company, role or candidate's own name) in the candidate's turn that appears in the research
  passages and that the interviewer had not said before that turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel

from roleplay.core.cues import is_open, mentions
from roleplay.core.delivery import DeliverySummary, summarise
from roleplay.core.session import Session
from roleplay.core.terms import fact_terms
from roleplay.core.wording import count_fillers, words

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


class FactUse(BaseModel):
    term: str
    turn: int
    source: str


class Metrics(BaseModel):
    candidate_words: int
    interviewer_words: int
    candidate_share: float  # of all words spoken, 0..1
    questions_asked: int
    open_questions: int
    fillers: dict[str, int]
    fillers_per_100_words: float
    answers: int
    average_answer_words: float
    longest_answer_words: int
    facts_used: list[FactUse]
    worries_eased: int
    worries_confirmed: int
    worries_open: int
    # How the spoken answers were said, from their audio; None when every answer was typed.
    delivery: DeliverySummary | None = None


def questions(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip().endswith("?")]


def facts_used(session: Session, passages: Iterable[tuple[str, str]]) -> list[FactUse]:
    """Facts the candidate brought: their terms found in the ``(source, text)`` passages."""
    passages = list(passages)
    setting = session.setting
    own = " ".join([setting.company, setting.role, setting.candidate])
    found: list[FactUse] = []
    said_by_interviewer = ""
    for turn in session.turns:
        if turn.speaker == "interviewer":
            said_by_interviewer += " " + turn.text
            continue
        for term in fact_terms(turn.text):
            if mentions(term, own) or mentions(term, said_by_interviewer):
                continue
            if any(f.term.lower() == term.lower() for f in found):
                continue
            source = next((name for name, text in passages if mentions(term, text)), None)
            if source is not None:
                found.append(FactUse(term=term, turn=turn.index, source=source))
    return found


def compute_metrics(session: Session, passages: Iterable[tuple[str, str]] = ()) -> Metrics:
    candidate_turns = [t for t in session.turns if t.speaker == "candidate"]
    answers = [t.text for t in candidate_turns]
    spoken = [t.text for t in session.turns if t.speaker == "interviewer"]
    candidate_tokens = [w for text in answers for w in words(text)]
    interviewer_words = sum(len(words(text)) for text in spoken)
    total = len(candidate_tokens) + interviewer_words
    asked = [q for text in answers for q in questions(text)]
    fillers = count_fillers(candidate_tokens)
    lengths = [len(words(text)) for text in answers]
    statuses = Counter(w.status for w in session.notes.worries)
    return Metrics(
        candidate_words=len(candidate_tokens),
        interviewer_words=interviewer_words,
        candidate_share=round(len(candidate_tokens) / total, 3) if total else 0.0,
        questions_asked=len(asked),
        open_questions=sum(1 for q in asked if is_open(q)),
        fillers=dict(fillers),
        fillers_per_100_words=(
            round(100 * sum(fillers.values()) / len(candidate_tokens), 2)
            if candidate_tokens
            else 0.0
        ),
        answers=len(answers),
        average_answer_words=round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
        longest_answer_words=max(lengths, default=0),
        facts_used=facts_used(session, passages),
        worries_eased=statuses.get("eased", 0),
        worries_confirmed=statuses.get("confirmed", 0),
        worries_open=statuses.get("open", 0),
        delivery=summarise(
            [(n, t.delivery) for n, t in enumerate(candidate_turns, 1) if t.delivery is not None]
        ),
    )
