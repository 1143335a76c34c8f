"""Numbers about the candidate's side of the conversation, counted by code, never by a model.

The rules, so that a person counting by hand gets the same figures:
- a word is a run of letters, digits or apostrophes;
- a question is a sentence of the candidate's that ends in "?"; it is *open* when it, or its
  last clause (after a comma, colon, semicolon or dash), starts, after a leading
  "and/so/but/also/well/okay", with how, what, why, describe, tell, walk, explain, share or
  talk, or with "could/can/would you" followed by one of those verbs, or "in what way";
- fillers are counted as ``roleplay.wording`` says (um, uh, "you know", ... as whole words);
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

from roleplay.interview.cues import is_open, mentions
from roleplay.interview.session import Session
from roleplay.speech.delivery import DeliverySummary, summarise
from roleplay.wording import count_fillers, words

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_NUMBER = re.compile(r"(?<![\w.])[$£€]?\d[\d,]*(?:\.\d+)?%?")
_PRONOUN = re.compile(r"I(?:['’](?:m|ve|d|ll))?")
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


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


def _is_fact_number(number: str) -> bool:
    # "2 years", "90 days": small bare numbers are everyday speech, not facts about a company.
    if any(mark in number for mark in "%$£€,."):
        return True
    return int(number) >= 100


def _terms(text: str) -> list[str]:
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
        for term in _terms(answer)
        if not mentions(term, already_said) and any(mentions(term, t) for t in texts)
    ]


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
        for term in _terms(turn.text):
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
