"""A stronger answer to every question the interviewer asked, built from the candidate's own
sentences in STAR order (situation, task, action, result), with a marked gap wherever a part
is missing, and never a word of fact the candidate did not say.

Code builds it, so it is the same on the smallest model: each sentence's part comes from the cue
vocabulary and ``cues/star.yaml``; a part missing from the answer is looked for in the
candidate's other answers about the same thing (and marked as coming from there); weak
sentences (hedges, buzzwords) with no part to play are left out and listed. A stronger model may
rewrite it (``roleplay.feedback.rewrites``), through ``new_material``'s check.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from roleplay.core.cues import Sentence, read_answer, tidy
from roleplay.core.errors import UserError
from roleplay.core.personas import Persona
from roleplay.core.session import PracticeOf, Session, Turn
from roleplay.interview.star import ORDER, Part, StarRules, content, parts_of, star_rules

# The longest question a practice keeps (``PracticeOf.question``).
QUESTION_LIMIT = 1000
# The interviewer asking for the candidate's questions: theirs to ask, not an answer to tell.
_INVITES = re.compile(r"\bquestions? (do )?you have\b|\banything you'?d like to ask\b", re.I)
# A sentence that asks without a question mark: "Tell me about…", "Walk me through…".
_ASKS = re.compile(r"^(tell|talk|walk|take) me\b|^(describe|explain|share|give me)\b", re.I)


class PracticeError(UserError, ValueError):
    """The question to practise again cannot be found; the message says which there are."""


def _answered(session: Session) -> list[tuple[Turn, Turn, int]]:
    """Each question the interviewer asked and the candidate answered: (the turn that asked, the
    answer, which answer it was, 1 for the first). An invitation to ask is not one."""
    found = []
    asked: Turn | None = None
    answers = 0
    for turn in session.turns:
        if turn.speaker == "interviewer":
            asked = turn
            continue
        answers += 1
        if asked is not None and _question_of(asked) and not _invites(asked):
            found.append((asked, turn, answers))
        asked = None
    return found


def practice_of(session: Session, answer: int) -> PracticeOf:
    """Which question of ``session`` its ``answer``-th answer (1 for the first) replied to, for
    an interview that practises it again."""
    questions = []
    for asked, _said, number in _answered(session):
        questions.append(number)
        if number == answer:
            worry = asked.plan.worry if asked.plan else None
            # The question as asked, at most as long as a practice keeps.
            question = _question_of(asked)[:QUESTION_LIMIT]
            return PracticeOf(session=session.id, answer=answer, question=question, worry=worry)
    which = ", ".join(map(str, questions)) or "none"
    raise PracticeError(
        f"Interview {session.id} has no question answered by answer {answer}; the answers that "
        f"replied to a question are: {which}."
    )


class StarPiece(BaseModel):
    """One part of the stronger answer: the candidate's sentences that play it, or its gap."""

    part: Part
    label: str  # "the situation", ...; "your point" for an answer that is not a story
    sentences: list[str] = Field(default_factory=list)
    # Which answer (1 for the first) a sentence came from when not this one; None: this one.
    from_answer: int | None = None
    gap: str = ""
    # A gap after its sentences (the result's call for a figure when it gives none).
    then: str = ""


class StrongerAnswer(BaseModel):
    turn: int  # the interviewer's turn that asked
    answer: int  # which of the candidate's answers (1 for the first)
    question: str
    # What the question tested (a worry's label, or what the interviewer wanted to know).
    testing: str = ""
    # What the answer did to it ("eased", "confirmed", "" for no change) and the words that did.
    effect: str = ""
    effect_quote: str = ""
    said: str  # the answer as given
    story: bool  # told in STAR order (the question asked for a story)
    pieces: list[StarPiece]
    # What the interviewer needed to hear and did not (the tested worry's "settled by"), or "".
    needed: str = ""
    left_out: list[str] = Field(default_factory=list)  # weak sentences with no part to play
    text: str  # the stronger answer: the sentences in STAR order, gaps marked
    # A model's smoother wording of ``text``, kept only when it passed the checks, and by whom.
    rewrite: str = ""
    rewritten_by: str = ""

    @property
    def gaps(self) -> list[str]:
        gaps = [gap for piece in self.pieces for gap in (piece.gap, piece.then) if gap]
        return gaps + ([self.needed] if self.needed else [])


def _question_of(turn: Turn) -> str:
    """The question a turn asked: the plan's, else its last sentence that asks (a question
    mark, or "tell me…", "walk me through…")."""
    if turn.plan is not None and turn.plan.question:
        return turn.plan.question
    sentences = re.split(r"(?<=[.!?])\s+", tidy(turn.text))
    asked = [s for s in sentences if s.endswith("?") or _ASKS.match(s)]
    return asked[-1] if asked else ""


def _invites(turn: Turn) -> bool:
    if turn.plan is not None:
        return turn.plan.move in ("invite_questions", "close")
    return bool(_INVITES.search(turn.text))


def _testing(turn: Turn, persona: Persona) -> str:
    plan = turn.plan
    if plan is None:
        return ""
    worry = persona.worry(plan.worry) if plan.worry else None
    if worry is not None:
        return worry.label
    return "how you use the research" if plan.move == "fact_question" else ""


def _needed(turn: Turn, persona: Persona) -> str:
    """The tested worry's "settled by", as a gap: what the interviewer needed to hear."""
    worry = persona.worry(turn.plan.worry) if turn.plan and turn.plan.worry else None
    if worry is None:
        return ""
    wanted = " ".join(worry.settled_by.split()).rstrip(".")
    if not wanted:
        return ""
    return f"[what {persona.name.split()[0]} needed to hear: {wanted[0].lower()}{wanted[1:]}]"


def _effect(session: Session, start: int, persona: Persona, testing: str) -> tuple[str, str]:
    """What the answer at turn ``start`` did to the worry the question tested ("eased",
    "confirmed", or "" when it did not move it), with the candidate's words that did it. A
    worry it did not test, moved by the same answer, is the debrief's to tell."""
    if not testing:
        return "", ""
    before = next((t.notes for t in reversed(session.turns[:start]) if t.notes), None)
    moved: list[tuple[str, str, str]] = []
    for turn in session.turns[start:]:
        if turn.index > start and turn.speaker == "candidate":
            break
        if turn.notes is None:
            continue
        for note in turn.notes.worries:
            old = before.worry(note.id) if before else None
            if note.status != (old.status if old else "open"):
                moved.append((note.label, note.status, note.evidence[-1] if note.evidence else ""))
        before = turn.notes
    tested = [change for change in moved if change[0] == testing]
    return (tested[0][1], tested[0][2]) if tested else ("", "")


def _sentences(turn: Turn) -> list[Sentence]:
    return read_answer(turn.text, turn=turn.index)


def _weak(sentence: Sentence, weak: set[str], rules: StarRules) -> bool:
    """Weak, or hurting (a cue that confirms one of the interviewer's worries), with no part of
    a story to play: left out of the stronger answer."""
    return any(sentence.has(cue) for cue in weak) and not parts_of(sentence, rules)


def _point(said: Turn, weak: set[str], rules: StarRules) -> tuple[list[StarPiece], list[str]]:
    """An answer that is not a story: its own sentences, the weak ones left out."""
    kept: list[str] = []
    left_out: list[str] = []
    for sentence in _sentences(said):
        if sentence.has("question"):
            continue
        (left_out if _weak(sentence, weak, rules) else kept).append(sentence.text)
    piece = StarPiece(part="point", label="your point", sentences=kept)
    piece.gap = "" if kept else rules.point_gap
    return [piece], left_out


def _story(
    asked: Turn,
    said: Turn,
    answer: int,
    others: dict[int, list[Sentence]],
    weak: set[str],
    rules: StarRules,
) -> tuple[list[StarPiece], list[str]]:
    pieces = {part: StarPiece(part=part, label=rules.parts[part].label) for part in ORDER}
    covered: set[Part] = set()
    left_out: list[str] = []
    own = _sentences(said)
    for sentence in own:
        if sentence.has("question"):
            continue  # the candidate's own question is not part of an answer to tell
        found = parts_of(sentence, rules)
        if found:
            pieces[found[0]].sentences.append(sentence.text)
            covered.update(found)
        elif _weak(sentence, weak, rules):
            left_out.append(sentence.text)
    # The answer and the question: not the rest of the interviewer's turn, which may quote an
    # earlier answer back.
    topic = content(said.text) | content(_question_of(asked))
    plan = asked.plan
    bare = len(content(_question_of(asked))) <= 1
    follow_up = (plan is not None and plan.move == "follow_up") or bare
    for part in ORDER:
        if part in covered:
            continue
        # The same story told in another answer: a sentence sharing two words of substance with
        # this one, or one with the answer just before (all of it, after a bare follow-up such
        # as "How did it end?").
        for number, sentences in sorted(others.items(), key=lambda o: o[0] != answer - 1):
            shared = 2
            if number == answer - 1:
                shared = 0 if follow_up else 1
            match = next(
                (
                    s
                    for s in sentences
                    if parts_of(s, rules)[:1] == [part] and len(content(s.text) & topic) >= shared
                ),
                None,
            )
            if match is not None:
                pieces[part].sentences.append(match.text)
                pieces[part].from_answer = number
                covered.add(part)
                break
        if part not in covered:
            pieces[part].gap = rules.parts[part].gap
    return list(pieces.values()), left_out


def _ask_for_a_figure(pieces: list[StarPiece], rules: StarRules) -> None:
    """After the result, a call for a figure when the result (wherever it is told) gives none:
    kept on the result's piece, so it is a gap like any other."""
    told = [s for piece in pieces for s in read_answer(" ".join(piece.sentences))]
    if any(s.has("number") for s in told):
        return
    if any("result" in parts_of(sentence, rules) for sentence in told):
        next(piece for piece in pieces if piece.part == "result").then = rules.number_gap


def _text(pieces: list[StarPiece]) -> str:
    """The pieces in order: each one's sentences, or its gap, and any gap that follows it."""
    words: list[str] = []
    for piece in pieces:
        words += [*(piece.sentences or [piece.gap]), piece.then]
    return " ".join(w for w in words if w)


def stronger_answers(session: Session, persona: Persona) -> list[StrongerAnswer]:
    """A stronger answer for each question the interviewer asked and the candidate answered."""
    rules = star_rules()
    pairs = _answered(session)
    told = {number: _sentences(said) for _, said, number in pairs}
    weak = set(rules.weak_cues).union(*(w.cues().confirms for w in persona.worries))
    found = []
    for asked_turn, said, number in pairs:
        if all(s.has("question") for s in told[number]):
            continue  # the candidate only asked back: nothing of theirs to make stronger
        others = {n: sentences for n, sentences in told.items() if n != number}
        question = _question_of(asked_turn)
        story = rules.asks_for_a_story(question)
        if story:
            pieces, left_out = _story(asked_turn, said, number, others, weak, rules)
            _ask_for_a_figure(pieces, rules)
        else:
            pieces, left_out = _point(said, weak, rules)
        testing = _testing(asked_turn, persona)
        effect, quote = _effect(session, said.index, persona, testing)
        needed = _needed(asked_turn, persona) if effect != "eased" else ""
        found.append(
            StrongerAnswer(
                turn=asked_turn.index,
                answer=number,
                question=question,
                testing=testing,
                effect=effect,
                effect_quote=quote,
                said=tidy(said.text),
                story=story,
                pieces=pieces,
                needed=needed,
                left_out=left_out,
                text=" ".join(filter(None, [_text(pieces), needed])),
            )
        )
    return found
