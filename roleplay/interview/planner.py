"""The turn planner: what the interviewer does next, decided without a model.

Each interviewer turn gets a move (opening, follow-up on a vague answer, next question aimed at
the most pressing worry, a question built on one research fact, an answer to the candidate's
question, an invitation to ask, the close), the exact question, and at most one fact. The text
is assembled from the persona's own authored lines, so the plan alone is a complete turn; a
model may only rephrase it (see ``voicing``). Choices among equally good lines are
seeded by the session and turn, so two interviews read differently and a rerun reads the same.
"""

from __future__ import annotations

import random
import re

from roleplay.interview.facts import pick_fact
from roleplay.interview.session import EndReason, Session, Source, Stage, TurnPlan
from roleplay.personas import SLOTS, InterviewLines, Persona, PlannedQuestion

_WORD = re.compile(r"[a-z0-9']+")
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|we|we're|we've|our)\b")
_SPECIFIC = re.compile(r"\d|%|\b(percent|month|months|year|years|weeks?|team of)\b")
_HEDGES = (
    "i guess",
    "maybe",
    "sort of",
    "kind of",
    "stuff",
    "things",
    "not sure",
    "whatever",
    "i don't know",
    "dunno",
    "it depends",
    "probably",
    "etc",
    "or something",
    "not really",
)
# A capitalised word after the first: a name, product or place the candidate was specific about.
_NAMED = re.compile(r"(?<=[a-z,] )[A-Z][a-zA-Z]+")
MAX_FACT_QUESTIONS = 2


def vagueness(answer: str) -> str | None:
    """Why an answer is too vague to settle anything, or None when it is specific enough."""
    lowered = answer.lower()
    words = _WORD.findall(lowered)
    hedges = sum(len(re.findall(rf"\b{re.escape(h)}\b", lowered)) for h in _HEDGES)
    specific = bool(_SPECIFIC.search(lowered) or _NAMED.search(answer))
    acts = bool(_FIRST_PERSON.search(lowered))
    if len(words) < 8:
        return "a very short answer"
    if hedges >= 2 and not specific:
        return "hedged, with nothing specific"
    if not acts and not specific:
        return "nothing the candidate did, and nothing specific"
    if len(words) < 15 and not specific:
        return "short, with nothing specific"
    return None


def asks_question(text: str) -> bool:
    return "?" in text


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class _Turn:
    """One planning call: the persona's lines, what was said before, and a seeded choice."""

    def __init__(self, persona: Persona, session: Session, sources: list[Source], seed: str):
        self.persona = persona
        self.session = session
        self.sources = sources
        self.lines = persona.lines or default_lines(persona)
        self.rng = random.Random(f"{seed or session.id}:{len(session.turns)}")
        said = [t for t in session.turns if t.speaker == "interviewer"]
        self.said_text = " ".join(_key(t.text) for t in said)
        self.plans = [t.plan for t in said if t.plan is not None]
        self.asked = {_key(p.question) for p in self.plans if p.question}
        self.facts_used = {p.fact for p in self.plans if p.fact}
        self.previous = self.plans[-1] if self.plans else None
        last = session.last("candidate")
        self.answer = last.text if last else ""

    def fill(self, line: str, fact: str = "") -> str:
        setting = self.session.setting
        return self.persona.fill(
            line, candidate=setting.candidate, company=setting.company, role=setting.role, fact=fact
        )

    def fresh(self, lines: list[str]) -> str | None:
        """A line not said yet in this interview, chosen by the seeded generator."""
        unused = [line for line in lines if _key(self.fill(line)) not in self.said_text]
        return self.rng.choice(unused) if unused else None

    def acknowledgement(self) -> str:
        return self.fresh(self.lines.acknowledgements) or self.rng.choice(
            self.lines.acknowledgements
        )

    def unasked(self, questions: list[str]) -> str | None:
        for question in questions:
            if _key(self.fill(question)) not in self.asked:
                return question
        return None

    # -- choosing the question --------------------------------------------------------------

    def pressing_worries(self) -> list[str]:
        """Worry ids, most pressing first: confirmed, then open, least asked about first."""
        rank = {"confirmed": 0, "open": 1, "eased": 2}
        asked = {w.id: sum(p.worry == w.id for p in self.plans) for w in self.persona.worries}
        order = {w.id: n for n, w in enumerate(self.persona.worries)}
        # Notes saved under an older version of the persona may name worries it no longer has.
        notes = [w for w in self.session.notes.worries if w.id in order]
        return [
            w.id
            for w in sorted(notes, key=lambda w: (rank[w.status], asked.get(w.id, 0), order[w.id]))
        ]

    def next_question(self) -> PlannedQuestion | None:
        for worry in self.pressing_worries():
            for question in self.lines.questions:
                if question.tests == worry and _key(self.fill(question.ask)) not in self.asked:
                    return question
        return None

    def probe(self, worry: str | None) -> str | None:
        probes = self.lines.probes.get(worry or "", [])
        if not probes:
            probes = [p for lines in self.lines.probes.values() for p in lines]
        return self.unasked(probes)


def _plan(move: str, parts: list[str], question: str = "", **fields: object) -> TurnPlan:
    text = " ".join(p.strip() for p in [*parts, question] if p and p.strip())
    return TurnPlan(move=move, text=text, question=question, **fields)  # type: ignore[arg-type]


def plan_turn(
    persona: Persona,
    session: Session,
    stage: Stage,
    sources: list[Source],
    end_reason: EndReason | None = None,
    *,
    seed: str = "",
) -> TurnPlan:
    """Decide the next interviewer turn: its move, its question, and at most one fact.

    Choices among equally good lines follow ``seed`` (the session id when empty), so a seeded
    run reads the same every time.
    """
    turn = _Turn(persona, session, sources, seed)
    if stage == "opening":
        return _opening(turn)
    if stage == "close":
        return _close(turn, end_reason)
    if stage == "candidate_questions":
        return _invite(turn)
    if persona.mode == "formal":
        return _formal(turn)
    return _informational(turn)


def _opening(turn: _Turn) -> TurnPlan:
    greeting = turn.fill(turn.rng.choice(turn.persona.opening_lines))
    if asks_question(greeting):
        lead, question = _split_question(greeting.strip())
        return _plan("opening", [lead], question, why="the greeting asks the first question")
    if turn.persona.mode == "formal":
        first = turn.lines.questions[0]
        return _plan("opening", [greeting], turn.fill(first.ask), worry=first.tests)
    # They asked for the meeting: hand them the lead.
    return _plan("opening", [greeting], "Where would you like to start?")


def _answer_parts(turn: _Turn) -> tuple[list[str], str | None]:
    """An answer to the candidate's question: a research sentence if one fits, else a line."""
    fact = pick_fact(turn.sources, turn.facts_used)
    if fact is not None:
        return [turn.fill(turn.rng.choice(turn.lines.fact_answers), fact.sentence)], fact.sentence
    line = turn.fresh(turn.lines.answers) or turn.rng.choice(turn.lines.answers)
    return [turn.fill(line)], None


def _close(turn: _Turn, end_reason: EndReason | None) -> TurnPlan:
    closing = turn.fill(turn.rng.choice(turn.persona.closing_lines))
    if end_reason != "candidate_closed" and asks_question(turn.answer):
        parts, fact = _answer_parts(turn)
        return _plan("close", [*parts, closing], fact=fact, why="answered, then closed")
    parts = [] if end_reason == "candidate_closed" else [turn.acknowledgement()]
    return _plan("close", [*parts, closing], why=end_reason or "nothing left to ask")


def _invite(turn: _Turn) -> TurnPlan:
    invitation = turn.unasked(turn.lines.invitations)
    if invitation is None:
        return _close(turn, None).model_copy(update={"why": "every invitation used"})
    if asks_question(turn.answer):
        parts, fact = _answer_parts(turn)
        return _plan("invite_questions", parts, turn.fill(invitation), fact=fact)
    return _plan("invite_questions", [turn.acknowledgement()], turn.fill(invitation))


def _follow_up(turn: _Turn, reason: str) -> TurnPlan | None:
    previous = turn.previous
    if (
        previous is None
        or previous.worry is None
        or previous.move not in ("opening", "next_question", "answer")
    ):
        # One follow-up per question, and only on a question that tested something.
        return None
    probe = turn.probe(previous.worry)
    if probe is None:
        return None
    nudge = turn.fresh(turn.lines.nudges) or turn.rng.choice(turn.lines.nudges)
    return _plan(
        "follow_up", [nudge], turn.fill(probe), worry=previous.worry, why=f"vague: {reason}"
    )


def _fact_question(turn: _Turn) -> TurnPlan | None:
    used = sum(p.move == "fact_question" for p in turn.plans)
    if used >= MAX_FACT_QUESTIONS or (turn.previous and turn.previous.move == "fact_question"):
        return None
    fact = pick_fact(turn.sources, turn.facts_used)
    if fact is None:
        return None
    unused = [
        p
        for p in turn.lines.fact_questions
        if _key(_split_question(turn.fill(p, fact.sentence))[1]) not in turn.asked
    ]
    if not unused:
        return None
    pattern = unused[0]
    lead, question = _split_question(turn.fill(pattern, fact.sentence))
    return _plan("fact_question", [turn.acknowledgement(), lead], question, fact=fact.sentence)


def _split_question(line: str) -> tuple[str, str]:
    """A filled line's statement part and its closing question."""
    ends = [m.end() for m in re.finditer(r"[.!:]\s+", line)]
    cut = ends[-1] if ends else 0
    return line[:cut].strip(), line[cut:].strip()


def _next_question(turn: _Turn, lead: list[str]) -> TurnPlan:
    question = turn.next_question()
    if question is None:
        return _close(turn, None).model_copy(update={"why": "every planned question asked"})
    # A talkative persona lets its tells show more often.
    chance = 0.2 + 0.5 * turn.persona.temperament.talkativeness
    aside = turn.fresh(turn.lines.asides) if turn.rng.random() < chance else None
    parts = [*lead, turn.fill(aside) if aside else ""]
    return _plan("next_question", parts, turn.fill(question.ask), worry=question.tests)


def _formal(turn: _Turn) -> TurnPlan:
    if asks_question(turn.answer):
        parts, fact = _answer_parts(turn)
        plan = _next_question(turn, parts)
        if plan.move == "next_question":
            return plan.model_copy(update={"move": "answer", "fact": fact})
        return plan
    reason = vagueness(turn.answer)
    if reason:
        plan = _follow_up(turn, reason)
        if plan:
            return plan
    # Every third turn builds on the research, once the interview has found its feet.
    if len(turn.plans) % 3 == 2:
        plan = _fact_question(turn)
        if plan:
            return plan
    return _next_question(turn, [turn.acknowledgement()])


def _informational(turn: _Turn) -> TurnPlan:
    if asks_question(turn.answer):
        parts, fact = _answer_parts(turn)
        question = turn.next_question()
        follow = turn.fill(question.ask) if question else ""
        if not follow:
            invitation = turn.unasked(turn.lines.invitations)
            if invitation is None:
                return _close(turn, None).model_copy(update={"why": "every planned question asked"})
            follow = turn.fill(invitation)
        return _plan("answer", parts, follow, worry=question.tests if question else None, fact=fact)
    reason = vagueness(turn.answer)
    if reason:
        plan = _follow_up(turn, reason)
        if plan:
            return plan
    plan = _fact_question(turn)
    return plan or _next_question(turn, [turn.acknowledgement()])


_GENERIC = {
    "acknowledgements": ["Thank you.", "I see, thanks.", "Okay, thank you for that."],
    "nudges": ["Let me ask that another way.", "I'd like a little more detail."],
    "asides": ["That's helpful context.", "I appreciate you being open."],
    "fact_questions": [
        "Some context on us: {fact} How would you approach that?",
        "One thing worth knowing: {fact} What do you make of that?",
    ],
    "fact_answers": ["Good question. {fact}", "Happy to say. {fact}"],
    "answers": [
        "Good question. It depends on the team, but people here are open and helpful.",
        "Honestly, it varies, and the first months are mostly about learning.",
    ],
    "invitations": [
        "What questions do you have for me?",
        "Is there anything else you'd like to ask?",
    ],
}


def _fillable(line: str) -> bool:
    return all(slot in SLOTS for slot in re.findall(r"\{([^{}]*)\}", line))


def default_lines(persona: Persona) -> InterviewLines:
    """Lines for a persona file without its own: its stage questions, and plain generic lines."""
    worries = [w.id for w in persona.worries]
    # Only the closing question of a stage line, and only lines whose slots the planner fills.
    asks = []
    for line in persona.stages.questions:
        question = _split_question(line.strip())[1]
        if question.count("?") == 1 and question.endswith("?") and _fillable(question):
            asks.append(question)
    asks += ["Could you tell me a little about yourself?", "What are you looking for next?"]
    asks += ["What would you like me to know that we haven't covered?"]
    questions = [
        PlannedQuestion(ask=ask, tests=worries[n % len(worries)]) for n, ask in enumerate(asks)
    ]
    probes = {w: ["Could you give me a specific example?"] for w in worries}
    return InterviewLines(questions=questions, probes=probes, **_GENERIC)
