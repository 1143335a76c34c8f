"""Rubric scores from evidence: each criterion's level, and the candidate's sentence proving it.

No model takes part, so a score is never without a quote and the quote is always verbatim. Each
criterion says in its rubric file which sentences to read and which cues count (see
``CriterionEvidence``). With ``g`` good sentences and ``p`` poor ones:

- **Good**: ``g`` reaches the criterion's ``enough`` and ``p`` is at most half of ``g``;
- **Fair**: some good evidence (``g`` good sentences and ``h`` with fewer good cues than
  ``needs``, together at least 1) and ``p`` at most twice ``g + h``;
- **Poor**: poor evidence outweighs it;
- **not scored**: nothing in the interview speaks to the criterion.

Read from ``questions``: when the interviewer invited questions and the reply asked none, that
reply counts as poor evidence. Read from ``closing``: the candidate's last turn is read as one
piece (its cues together), and a last turn with no good cue is a poor close. Read from
``notes``: the sentences that eased a worry are good evidence, those that confirmed one poor.
The quote is the sentence with the most cues on the winning side, the closest to what the
criterion looks for breaking ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roleplay.core.cues import Sentence, read_answer, tidy, vocabulary
from roleplay.core.session import Session
from roleplay.core.terms import research_terms
from roleplay.feedback.rubrics import Criterion, Rubric
from roleplay.interview.assessor import Relevance

_INVITATION = re.compile(
    r"\b(questions? (do )?you have|anything you'?d like to ask|would you like to ask|"
    r"any questions|anything else you wanted to (know|ask))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    level: str | None  # good / fair / poor, or None when nothing speaks to the criterion
    quote: str = ""
    turn: int | None = None
    why: str = ""


def _why(cues: tuple[str, ...] | list[str]) -> str:
    """Cue names in words: "action, result" reads "says what they did themselves; names an
    outcome that changed because of the work"."""
    vocab = vocabulary()
    words = []
    for cue in dict.fromkeys(cues):
        name, _, denied = cue.partition(" ")
        if name in vocab.known():
            words.append(("denies that it " if denied else "") + vocab.means(name))
        else:
            words.append(cue)
    return "; ".join(words)


@dataclass(frozen=True)
class _Read:
    sentence: Sentence
    good: tuple[str, ...]
    poor: tuple[str, ...]


def candidate_sentences(session: Session, passages: list[str]) -> list[list[Sentence]]:
    """Each candidate turn's sentences with their cues, research facts judged as of that turn."""
    setting = session.setting
    said = f"{setting.company} {setting.role} {setting.candidate}"
    turns = []
    for turn in session.turns:
        if turn.speaker == "interviewer":
            said += " " + turn.text
            continue
        terms = tuple(research_terms(turn.text, passages, already_said=said))
        turns.append(read_answer(turn.text, turn=turn.index, research_terms=terms))
    return turns


def _read(sentence: Sentence, criterion: Criterion) -> _Read:
    spec = criterion.evidence
    good = tuple(c for c in spec.good if sentence.has(c))
    poor = tuple(c for c in spec.poor if sentence.has(c))
    poor += tuple(f"{c} denied" for c in spec.good if sentence.denies(c))
    return _Read(sentence, good, poor)


def _invited_but_silent(session: Session) -> list[Sentence]:
    silent = []
    for before, after in zip(session.turns, session.turns[1:], strict=False):
        invited = before.plan.move == "invite_questions" if before.plan else False
        invited = invited or bool(_INVITATION.search(before.text))
        if before.speaker == "interviewer" and invited and after.speaker == "candidate":
            sentences = read_answer(after.text, turn=after.index)
            if sentences and not any(s.has("question") for s in sentences):
                silent.append(sentences[0])
    return silent


def _level(good: int, partial: int, poor: int, enough: int) -> str | None:
    if good >= enough and 2 * poor <= good:
        return "good"
    if good + partial and poor <= 2 * (good + partial):
        return "fair"
    if poor:
        return "poor"
    return None


def _closest(reads: list[_Read], key: str, relevance: dict[str, float]) -> _Read:
    return max(reads, key=lambda r: (len(getattr(r, key)), relevance.get(r.sentence.text, 0.0)))


def score_criterion(
    criterion: Criterion,
    session: Session,
    turns: list[list[Sentence]],
    relevance: Relevance | None = None,
) -> Evidence:
    """The level ``criterion`` reaches in ``session``, with the sentence behind it."""
    spec = criterion.evidence
    if spec.read == "notes":
        return _from_notes(session, spec.enough)
    if spec.read == "closing":
        return _from_closing(criterion, turns)
    sentences = [s for turn in turns for s in turn]
    extra_poor: list[Sentence] = []
    if spec.read == "questions":
        sentences = [s for s in sentences if s.has("question")]
        extra_poor = _invited_but_silent(session)
    reads = [_read(s, criterion) for s in sentences]
    good = [r for r in reads if len(r.good) >= spec.needs and not r.poor]
    partial = [r for r in reads if 0 < len(r.good) < spec.needs and not r.poor]
    poor = [r for r in reads if r.poor and not r.good]
    poor += [_Read(s, (), ("asked nothing when invited",)) for s in extra_poor]
    level = _level(len(good), len(partial), len(poor), spec.enough)
    if level is None:
        return Evidence(None)
    pool = good or partial if level != "poor" else poor
    weights = _relevance(criterion, [r.sentence.text for r in pool], relevance)
    best = _closest(pool, "poor" if level == "poor" else "good", weights)
    cues = best.poor if level == "poor" else best.good
    return Evidence(level, best.sentence.text, best.sentence.turn, _why(cues))


def _relevance(
    criterion: Criterion, sentences: list[str], relevance: Relevance | None
) -> dict[str, float]:
    if relevance is None or not sentences:
        return {}
    rows = relevance.scores(sentences, [[criterion.looks_for, criterion.anchors.good]])
    return {text: row[0] for text, row in zip(sentences, rows, strict=True)}


def _from_closing(criterion: Criterion, turns: list[list[Sentence]]) -> Evidence:
    if not turns or not turns[-1]:
        return Evidence(None)
    reads = [_read(s, criterion) for s in turns[-1]]
    good = {c for r in reads for c in r.good}
    poor = {c for r in reads for c in r.poor}
    if not good:
        worst = _closest(reads, "poor", {}) if poor else reads[-1]
        why = _why(worst.poor) or "no thanks, interest or next step"
        return Evidence("poor", worst.sentence.text, worst.sentence.turn, why)
    level = "good" if len(good) >= criterion.evidence.needs and not poor else "fair"
    best = _closest(reads, "good", {})
    return Evidence(level, best.sentence.text, best.sentence.turn, _why(sorted(good)))


def _said(session: Session, quote: str) -> bool:
    # Notes a model wrote may hold a shortened snippet; only the candidate's exact words count.
    # Evidence sentences are kept tidied (roleplay.core.cues.tidy): compare like with like.
    return bool(quote) and any(
        quote in tidy(t.text) for t in session.turns if t.speaker == "candidate"
    )


def _from_notes(session: Session, enough: int) -> Evidence:
    proven = [w for w in session.notes.worries if w.evidence and _said(session, w.evidence[-1])]
    eased = [w for w in proven if w.status == "eased"]
    confirmed = [w for w in proven if w.status == "confirmed"]
    level = _level(len(eased), 0, len(confirmed), enough)
    if level is None:
        return Evidence(None)
    worry = (confirmed if level == "poor" else eased)[0]
    said = "confirmed" if level == "poor" else "eased"
    turn = worry.changed_at_turn - 1 if worry.changed_at_turn else None
    return Evidence(level, worry.evidence[-1], turn, f"{said}: {worry.label}")


def score_by_evidence(
    session: Session,
    rubric: Rubric,
    passages: list[str],
    relevance: Relevance | None = None,
) -> dict[str, Evidence]:
    """Every criterion of ``rubric``, scored from the candidate's own sentences."""
    turns = candidate_sentences(session, passages)
    return {c.id: score_criterion(c, session, turns, relevance) for c in rubric.criteria}
