"""What one planning call works from: the persona's lines, what was said before in the
interview, what was heard in the candidate's last turn, and a seeded choice among lines."""

from __future__ import annotations

import random
import re

from roleplay.core.persona_lines import SLOTS, InterviewLines, PlannedQuestion
from roleplay.core.personas import Persona
from roleplay.core.session import Session, Source
from roleplay.interview.hearing import Heard, hear
from roleplay.interview.reading import read_turn
from roleplay.interview.tone import pleased

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


# Said when a persona has no acknowledgement that is not pleased.
NEUTRAL = "I see."


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


def key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class TurnContext:
    """One planning call: the persona's lines, what was said before, and a seeded choice."""

    def __init__(
        self,
        persona: Persona,
        session: Session,
        sources: list[Source],
        seed: str,
        heard: Heard | None = None,
    ):
        self.persona = persona
        self.heard = heard
        self.listening = persona.listens()
        self.session = session
        self.sources = sources
        self.lines = persona.lines or default_lines(persona)
        self.rng = random.Random(f"{seed or session.id}:{len(session.turns)}")
        said = [t for t in session.turns if t.speaker == "interviewer"]
        self.said_text = " ".join(key(t.text) for t in said)
        self.plans = [t.plan for t in said if t.plan is not None]
        self.asked = {key(p.question) for p in self.plans if p.question}
        self.facts_used = {p.fact for p in self.plans if p.fact}
        self.previous = self.plans[-1] if self.plans else None
        last = session.last("candidate")
        self.answer = last.text if last else ""
        if heard is None and self.answer:
            # Read by its words alone: no findings, no research answer.
            asked = self.previous.question if self.previous else ""
            self.heard = hear(self.answer, read_turn(self.answer, asked))

    def fill(self, line: str, fact: str = "", **slots: str) -> str:
        setting = self.session.setting
        return self.persona.fill(
            line,
            candidate=setting.candidate,
            company=setting.company,
            role=setting.role,
            fact=fact,
            **slots,
        )

    def pick(self, lines: list[str]) -> str:
        """A line of ``lines``, one not said yet in this interview where there is one."""
        return self.fresh(lines) or self.rng.choice(lines)

    def fresh(self, lines: list[str]) -> str | None:
        """A line not said yet in this interview, chosen by the seeded generator."""
        unused = [line for line in lines if key(self.fill(line)) not in self.said_text]
        return self.rng.choice(unused) if unused else None

    def acknowledgement(self) -> str:
        """A short acknowledgement of an answer that moved nothing, never a pleased one: the
        interviewer cannot tell yet whether it was good, and a red flag the notes did not read
        must not be met with cheer (a worry eased has warm lines of its own)."""
        return self.pick(
            [line for line in self.lines.acknowledgements if not pleased(line)] or [NEUTRAL]
        )

    def unasked(self, questions: list[str]) -> str | None:
        for question in questions:
            if key(self.fill(question)) not in self.asked:
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
                if question.tests == worry and key(self.fill(question.ask)) not in self.asked:
                    return question
        return None

    def probe(self, worry: str | None) -> str | None:
        probes = self.lines.probes.get(worry or "", [])
        if not probes:
            probes = [p for lines in self.lines.probes.values() for p in lines]
        return self.unasked(probes)


def split_question(line: str) -> tuple[str, str]:
    """A filled line's statement part and its closing question."""
    ends = [m.end() for m in re.finditer(r"[.!:]\s+", line)]
    cut = ends[-1] if ends else 0
    return line[:cut].strip(), line[cut:].strip()


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
        question = split_question(line.strip())[1]
        if question.count("?") == 1 and question.endswith("?") and _fillable(question):
            asks.append(question)
    asks += ["Could you tell me a little about yourself?", "What are you looking for next?"]
    asks += ["What would you like me to know that we haven't covered?"]
    questions = [
        PlannedQuestion(ask=ask, tests=worries[n % len(worries)]) for n, ask in enumerate(asks)
    ]
    probes = {w: ["Could you give me a specific example?"] for w in worries}
    return InterviewLines(questions=questions, probes=probes, **_GENERIC)
