"""The evidence assessor: what one candidate answer did to each of the interviewer's worries.

No generative model takes part. Each sentence of the answer is read for cues (``cues``);
each worry names in its persona file the cues that ease it and the cues that confirm it. The
rules, so a person can check a verdict by hand:

- a cue the worry lists under ``eases`` pulls towards *eased* by its weight, one under
  ``confirms`` towards *confirmed*; a negatable cue the candidate denies ("I'm not looking to
  leave") pulls the other way;
- a cue several of the persona's worries list ("hedge", "number") counts only for the worries
  the sentence speaks to most closely (MiniLM similarity to each worry's fears and what settles
  it, within ``SHARED_MARGIN`` of the closest), when a ``Relevance`` is given, unless the cue
  counts everywhere (contempt for a former manager: team fit and reputation at once);
- in a sarcastic sentence the cues that would ease pull towards confirmed instead;
- a hedged sentence ("I guess I sort of led it") eases at half strength;
- a worry moves when one side's pull reaches 1 and beats the other side by at least 0.5; the
  sentence with the strongest pull on the winning side is kept, word for word, as evidence;
- confidence is ``1 - exp(-margin)``: one clear cue gives about 0.6, two agreeing cues 0.85.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, Protocol

from roleplay.core.cues import Sentence, Vocabulary, read_answer, vocabulary
from roleplay.core.personas import Persona, Worry

Verdict = Literal["eases", "confirms", "unchanged"]

MOVE_AT = 1.0
MARGIN = 0.5
HEDGED = 0.5
# How much less relevant than the closest worry a worry may be and still count a shared cue.
SHARED_MARGIN = 0.1


class Relevance(Protocol):
    """How closely each sentence speaks to each topic (a few texts): one row per sentence,
    values 0..1 (``roleplay.interview.relevance``)."""

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]: ...


def worry_topic(worry: Worry) -> list[str]:
    return [f"{worry.label}: {worry.fears}", worry.settled_by]


@dataclass(frozen=True)
class Finding:
    worry: str
    verdict: Verdict
    confidence: float
    # The candidate's own sentence the verdict rests on, exactly as said ("" when unchanged).
    sentence: str
    turn: int
    # The cues behind it, in words ("commitment: wants to stay and grow here for years").
    why: str


@dataclass(frozen=True)
class _Pull:
    eases: float
    confirms: float
    eases_cues: tuple[str, ...]
    confirms_cues: tuple[str, ...]


def _pull(sentence: Sentence, worry: Worry, elsewhere: set[str]) -> _Pull:
    cues = worry.cues()
    eases: list[str] = []
    confirms: list[str] = []
    # A cue said pulls its own way; denied, it pulls the other.
    for listed, own, other in ((cues.eases, eases, confirms), (cues.confirms, confirms, eases)):
        for cue in listed:
            if cue in elsewhere:
                continue
            if sentence.has(cue):
                own.append(cue)
            elif sentence.denies(cue):
                other.append(f"{cue} denied")
    if sentence.has("sarcasm"):
        confirms += [f"{c.split()[0]} sarcastic" for c in eases]
        eases = []
    ease_pull = sum(sentence.weight(c.split()[0]) for c in eases)
    confirm_pull = sum(sentence.weight(c.split()[0]) for c in confirms)
    if sentence.has("hedge") and "hedge" not in cues.confirms:
        ease_pull *= HEDGED
    return _Pull(ease_pull, confirm_pull, tuple(eases), tuple(confirms))


def _explain(cues: tuple[str, ...], vocab: Vocabulary) -> str:
    parts = []
    for cue in dict.fromkeys(cues):
        name, _, how = cue.partition(" ")
        prefix = {"denied": "denies ", "sarcastic": "said sarcastically: "}.get(how, "")
        parts.append(f"{name}: {prefix}{vocab.means(name)}")
    return "; ".join(parts)


def assess_worry(
    worry: Worry, sentences: list[Sentence], elsewhere: list[set[str]], *, turn: int = 0
) -> Finding:
    """The verdict of one answer's ``sentences`` on one worry; ``elsewhere`` holds, per
    sentence, the cues that count for other worries instead."""
    pulls = [_pull(s, worry, e) for s, e in zip(sentences, elsewhere, strict=True)]
    eases = sum(p.eases for p in pulls)
    confirms = sum(p.confirms for p in pulls)
    verdict: Verdict = "unchanged"
    if eases >= MOVE_AT and eases - confirms >= MARGIN:
        verdict = "eases"
    elif confirms >= MOVE_AT and confirms - eases >= MARGIN:
        verdict = "confirms"
    if verdict == "unchanged":
        return Finding(worry.id, verdict, 0.0, "", turn, "")
    side = (lambda p: p.eases) if verdict == "eases" else (lambda p: p.confirms)
    best = max(range(len(pulls)), key=lambda i: (side(pulls[i]), -i))
    cues = pulls[best].eases_cues if verdict == "eases" else pulls[best].confirms_cues
    return Finding(
        worry=worry.id,
        verdict=verdict,
        confidence=round(1 - math.exp(-abs(eases - confirms)), 2),
        sentence=sentences[best].text,
        turn=turn,
        why=_explain(cues, vocabulary()),
    )


class Assessor:
    """Reads each answer against a persona's worries."""

    def __init__(self, persona: Persona, relevance: Relevance | None = None):
        self.persona = persona
        self.relevance = relevance

    def assess(
        self, answer: str, *, turn: int = 0, research_terms: tuple[str, ...] = ()
    ) -> list[Finding]:
        """One finding per worry, in the persona's order."""
        sentences = read_answer(answer, turn=turn, research_terms=research_terms)
        worries = self.persona.worries
        if not sentences:
            return [Finding(w.id, "unchanged", 0.0, "", turn, "") for w in worries]
        if self.relevance is None:
            rows = [[0.0] * len(worries) for _ in sentences]
        else:
            topics = [worry_topic(w) for w in worries]
            rows = self.relevance.scores([s.text for s in sentences], topics)
        routed = [self._route(s, row) for s, row in zip(sentences, rows, strict=True)]
        return [
            assess_worry(worry, sentences, [r[worry.id] for r in routed], turn=turn)
            for worry in worries
        ]

    def _route(self, sentence: Sentence, relevance: list[float]) -> dict[str, set[str]]:
        """For each worry, the cues of ``sentence`` it must leave to closer worries.

        A cue several worries list ("hedge", "number") speaks to the worries the sentence is
        closest to, not to all of them: only those within ``SHARED_MARGIN`` of the closest
        count it."""
        closeness = {w.id: r for w, r in zip(self.persona.worries, relevance, strict=True)}
        elsewhere: dict[str, set[str]] = {w.id: set() for w in self.persona.worries}
        for cue in sentence.cues:
            listing = [w.id for w in self.persona.worries if cue in w.cues().all()]
            if len(listing) < 2 or vocabulary().everywhere(cue):
                continue
            best = max(closeness[w] for w in listing)
            for worry_id in listing:
                if closeness[worry_id] < best - SHARED_MARGIN:
                    elsewhere[worry_id].add(cue)
        return elsewhere
