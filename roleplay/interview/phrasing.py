"""Checking a model's phrasing of a planned turn before the candidate sees it.

The planner decides what a turn says; a model may only say it in the persona's voice. Whatever
it writes passes ``VoiceCheck`` or is never shown: no markup, brackets or labels, no stage
directions or second paragraph, no run of five words from its prompt, names spelled exactly as
the setting and research spell them, the planned number of questions, a question that asks what
the plan asked, the plan's fact and the candidate's quoted words kept intact, nothing pleased
after a red flag, and a length near the plan's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from roleplay.core.session import TurnPlan
from roleplay.interview.facts import specifics
from roleplay.interview.tone import pleased

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_MARKUP = re.compile(r"[<>\[\]{}#*_`|~\\]|-{3,}|https?:|www\.")
_LABEL = re.compile(r"(?:^|[.!?]\s+)[A-Z][\w'-]*(?: [A-Z][\w'-]*)?\s*:\s")
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’-]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“]\s*)([A-Z][a-zA-Z'’-]*)")
_OUT_OF_CHARACTER = (
    "as an ai",
    "language model",
    "assistant",
    "system prompt",
    "my instructions",
    "the candidate",
    "interviewer",
    "rephrase",
    "rewrite",
    "the line",
    "in your own words",
    # Prompt scaffolding small models print ("Sender: …", "This is your final turn").
    "instruction",
    "persona",
    "dialogue",
    "sender",
    "reference data",
    "private notes",
    "final turn",
    "your turn",
    "question 1",
    "in character",
    "roleplay",
    "role-play",
)
# Content words of a question, cut to a stem, decide whether two questions ask the same thing.
_STOP = {
    "about",
    "after",
    "again",
    "also",
    "because",
    "been",
    "before",
    "could",
    "does",
    "doing",
    "from",
    "have",
    "here",
    "into",
    "just",
    "like",
    "more",
    "most",
    "much",
    "only",
    "over",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "very",
    "want",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "with",
    "would",
    "your",
    "you're",
    "tell",
    "know",
    "think",
    "really",
    "actually",
}
RUN = 5
# Share of the planned question's content stems the voiced question must keep. Calibrated on
# hand-written paraphrases (kept, 0.5 and above) and on other questions of the same personas
# (rejected, 0.34 and below) in tests/unit/test_phrasing.py.
SIMILARITY = 0.5
MAX_WORDS = 90
# Share of the whole plan's content stems a strict rephrasing keeps (paraphrases in
# tests/unit/test_phrasing.py keep 0.45 and more; a ramble on another topic keeps under 0.2).
KEPT = 0.4


_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
# "Tell me about…", "Describe…": an ask that is not a question, so it cannot be counted.
_ORDER = re.compile(
    r"(?:^|[.!?]\s+)"
    r"(?:(?:please\s+|so\s+|now\s+)?(?:tell|walk|talk|take) me\b|describe\b|explain\b)"
    r"[^.!?]*[.!]",
    re.IGNORECASE,
)


def _proper_nouns(text: str) -> set[str]:
    """Capitalised words of a name field, or of a passage those not opening a sentence (a
    passage's "These" or "Their" is not a name)."""
    if len(text.split()) <= 6:
        return set(_CAPITAL.findall(text))
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    return {m.group() for m in _CAPITAL.finditer(text) if m.start() not in starts}


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _stems(text: str) -> set[str]:
    return {w[:5] for w in words(text) if len(w) > 3 and w not in _STOP}


def question_overlap(voiced: str, planned: str) -> float:
    """The share of the planned question's content the voiced question keeps (0..1)."""
    planned_stems = _stems(planned)
    if not planned_stems:
        return 1.0
    return len(planned_stems & _stems(voiced)) / len(planned_stems)


def questions_in(text: str) -> list[str]:
    return [q.strip() for q in re.findall(r"[^.!?]*\?+", text)]


def _runs(text: str) -> set[tuple[str, ...]]:
    said = words(text)
    return {tuple(said[i : i + RUN]) for i in range(len(said) - RUN + 1)}


@dataclass
class VoiceCheck:
    """Everything a voiced turn is checked against.

    ``names``: the company, role, candidate, interviewer and research names a turn may use;
    ``prompt``: every other word the model was given (system text, brief, notes, passages'
    framing), none of which may be repeated five words at a time.
    """

    plan: TurnPlan
    names: list[str]
    prompt: str = ""
    # Strict: a rephrasing may bring in no name the plan lacks. Guided models speak freely and
    # may name a weekday or a tool; a near miss of a known name still fails either way.
    strict: bool = True
    _banned: set[tuple[str, ...]] = field(default_factory=set, init=False)
    _known: set[str] = field(default_factory=set, init=False)
    _names: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self._banned = _runs(self.prompt) - _runs(self.plan.text)
        self._names = {w for text in self.names for w in _proper_nouns(text) if len(w) >= 3}
        self._known = self._names | set(_CAPITAL.findall(self.plan.text))
        self._numbers = set(_NUMBER.findall(" ".join([self.plan.text, *self.names])))

    @property
    def longest(self) -> int:
        """The most words a phrasing of this plan may have."""
        return min(MAX_WORDS, 2 * len(words(self.plan.text)) + 10)

    def problems(self, text: str, *, whole: bool = True) -> list[str]:
        """What is wrong with ``text``; empty when it may be shown. ``whole=False`` checks a
        piece of a streamed turn, leaving counts and length to the end."""
        found: list[str] = []
        lowered = text.lower()
        if not words(text):
            return ["said nothing"]
        if _MARKUP.search(text):
            found.append("markup, brackets or a link")
        if "\n" in text.strip():
            found.append("more than one paragraph")
        if _LABEL.search(text):
            found.append("a speaker or section label")
        if "(" in text or ")" in text:
            found.append("a stage direction in brackets")
        found += [f"out of character ({p!r})" for p in _OUT_OF_CHARACTER if p in lowered]
        if self._banned & _runs(text):
            found.append(f"repeats {RUN}+ words of its prompt")
        found += self._name_problems(text)
        invented = [n for n in _NUMBER.findall(text) if n not in self._numbers]
        if invented:
            found.append(f"a number not in the plan or research ({invented[0]})")
        if _ORDER.search(text):
            found.append("asks with an order instead of a question")
        found += self._tone_problems(text)
        found += self._question_problems(text, whole=whole)
        if whole:
            found += self._whole_problems(text)
        return found

    def _name_problems(self, text: str) -> list[str]:
        starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
        found = []
        for match in _CAPITAL.finditer(text):
            word = re.sub(r"['’]s$", "", match.group())
            if word in self._known or word == "I" or word.startswith("I'"):
                continue
            # A near miss of a name ("Larksur" for "Larkspur"); short words and other initials
            # are ordinary words at the start of a sentence ("Same" is not "Sam").
            near = next(
                (
                    name
                    for name in self._names
                    if len(word) >= 5
                    and word[0] == name[0]
                    and SequenceMatcher(None, word.lower(), name.lower()).ratio() >= 0.8
                ),
                None,
            )
            if near:
                found.append(f"misspells {near} as {word}")
            elif self.strict and match.start() not in starts:
                found.append(f"a name not in the plan ({word})")
        return found

    def _question_problems(self, text: str, *, whole: bool) -> list[str]:
        asked = questions_in(text)
        wanted = 1 if self.plan.question else 0
        if len(asked) > wanted or (whole and len(asked) != wanted):
            return [f"asks {len(asked)} questions where the plan asks {wanted}"]
        if asked and question_overlap(asked[0], self.plan.question) < SIMILARITY:
            return ["asks something other than the planned question"]
        return []

    def _tone_problems(self, text: str) -> list[str]:
        # A turn that meets a red flag keeps its concern: no pleased or agreeing words the
        # plan did not have ("You're right, that's a good way to phrase it" after an insult).
        if self.plan.reaction in ("confirmed", "hostile"):
            said = pleased(text)
            if said and not pleased(self.plan.text):
                return [f"sounds pleased after a red flag ({said!r})"]
        return []

    def _whole_problems(self, text: str) -> list[str]:
        found = []
        # A rephrasing keeps what the plan says, not only its question: a strict model that
        # answers, apologises or rambles instead is refused.
        if self.strict and question_overlap(text, self.plan.text) < KEPT:
            found.append("says something other than the plan")
        if self.plan.quote and not _stems(self.plan.quote) <= _stems(text):
            found.append("drops the candidate's words it was to repeat")
        if self.plan.fact:
            missing = [s for s in specifics(self.plan.fact) if s not in text]
            if missing:
                found.append(f"changes the research fact (missing {', '.join(missing)})")
        size, planned = len(words(text)), len(words(self.plan.text))
        if size > self.longest:
            found.append(f"too long ({size} words for a {planned}-word plan)")
        if size < max(3, planned // 2):
            found.append(f"too short ({size} words for a {planned}-word plan)")
        return found
