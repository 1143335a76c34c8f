"""The lines a persona says, checked on load: what the turn planner asks and answers with
(``InterviewLines``) and how it shows it listened (``ListeningLines``).

Every line is said as written (slots filled) on the weakest model, so each check keeps a line a
single clean piece of a turn: one question where a question is asked, none where it is not, and
only the slots the planner fills.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from roleplay.core.datafiles import read_yaml, validate
from roleplay.core.resources import shipped_dir
from roleplay.core.turn_rules import INTENTS

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Slots a line may hold; {fact} only where a line is built around one research fact.
SLOTS = {"name", "title", "candidate", "company", "role"}
_SLOT = re.compile(r"\{([^{}]*)\}")


def check_slots(line: str, allowed: set[str]) -> str:
    for slot in _SLOT.findall(line):
        if slot not in allowed:
            raise ValueError(f"unknown slot {{{slot}}} (use {', '.join(sorted(allowed))})")
    return line


class PlannedQuestion(Strict):
    """A question the interviewer may ask, and the worry (or impression) it tests."""

    ask: str = Field(min_length=1)
    tests: str = Field(pattern=ID_PATTERN)

    @field_validator("ask")
    @classmethod
    def _one_question(cls, ask: str) -> str:
        if ask.count("?") != 1 or not ask.rstrip().endswith("?"):
            raise ValueError("must be exactly one question, ending with '?'")
        return check_slots(ask, SLOTS)


def check_lines(
    lines: list[str], allowed: set[str], *, question: bool, must: str | None = None
) -> list[str]:
    """Authored lines: known slots only, and one question each or none, as the list requires."""
    for number, line in enumerate(lines, 1):
        try:
            check_slots(line, allowed)
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from None
        asks = line.count("?")
        if question and (asks != 1 or not line.rstrip().endswith("?")):
            raise ValueError(f"line {number}: must be exactly one question, ending with '?'")
        if not question and asks:
            raise ValueError(f"line {number}: must not ask a question")
        if must and "{" + must + "}" not in line:
            raise ValueError(f"line {number}: must hold the {{{must}}} slot")
    return lines


class InterviewLines(Strict):
    """What the turn planner says when the model cannot be trusted to: the persona's own words.

    Every line is said as written (slots filled) on the weakest model, so each list holds
    several lines and the planner varies them; the checks below keep each one a single clean
    turn piece (one question where a question is asked, none where it is not).
    """

    questions: list[PlannedQuestion] = Field(min_length=3)
    # Follow-ups per worry id, for an answer too vague to settle anything.
    probes: dict[str, list[str]] = Field(min_length=1)
    acknowledgements: list[str] = Field(min_length=3)
    # Said before a probe: the persona noticing the answer was thin, in its own manner.
    nudges: list[str] = Field(min_length=2)
    # Tells in words, added now and then so the persona sounds like itself.
    asides: list[str] = Field(min_length=2)
    # A question built on one research fact; {fact} is a sentence from the research.
    fact_questions: list[str] = Field(min_length=2)
    # Answering a candidate's question: {fact} is the research sentence that answers it.
    fact_answers: list[str] = Field(min_length=2)
    # Answering a candidate's question when no research fits.
    answers: list[str] = Field(min_length=2)
    # Inviting the candidate's own questions.
    invitations: list[str] = Field(min_length=2)

    @field_validator("invitations")
    @classmethod
    def _questions(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS, question=True)

    @field_validator("acknowledgements", "nudges", "asides", "answers")
    @classmethod
    def _statements(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS, question=False)

    @field_validator("fact_questions")
    @classmethod
    def _fact_questions(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS | {"fact"}, question=True, must="fact")

    @field_validator("fact_answers")
    @classmethod
    def _fact_answers(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS | {"fact"}, question=False, must="fact")

    @field_validator("probes")
    @classmethod
    def _probe_questions(cls, probes: dict[str, list[str]]) -> dict[str, list[str]]:
        for worry, lines in probes.items():
            if not lines:
                raise ValueError(f"'{worry}': needs at least one probe")
            try:
                check_lines(lines, SLOTS, question=True)
            except ValueError as error:
                raise ValueError(f"'{worry}': {error}") from None
        return probes


class ListeningLines(Strict):
    """How the interviewer shows it heard the last turn, in the persona's manner.

    Every list may be left out: the generic lines (``personas/defaults/listening.yaml``) stand
    in for a missing one, so a card written before these existed still listens. None of them
    asks a question: the planner adds the one question a turn asks.
    """

    # A specific answer that moved nothing: {quote} is the candidate's own words.
    picked_up: list[str] = Field(default_factory=list)
    # An answer that eased a worry (a good sign): warm, reusing the candidate's words.
    eased: list[str] = Field(default_factory=list)
    # An answer that confirmed a worry: visible concern, never cheer, quoting what worried.
    confirmed: list[str] = Field(default_factory=list)
    # Abuse, or instructions meant for the model: a calm boundary.
    hostile: list[str] = Field(default_factory=list)
    # Before asking a dodged or refused question once more.
    come_back: list[str] = Field(default_factory=list)
    # A pleasantry answered before the interview goes on ("How's your day going?").
    small_talk: list[str] = Field(default_factory=list)
    # A hello or thanks that asks nothing ("Thanks for taking the time"): no "fine, thanks".
    welcomed: list[str] = Field(default_factory=list)
    # A question the research does not answer: said so, in the persona's voice.
    dont_know: list[str] = Field(default_factory=list)
    # Authored answers to everyday questions, by intent (cues/turns.yaml names them); a
    # referral line may hold {contact}, a person or team named in the research.
    intents: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("picked_up", "eased", "confirmed")
    @classmethod
    def _quoting(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS | {"quote"}, question=False, must="quote")

    @field_validator("hostile", "come_back", "small_talk", "welcomed", "dont_know")
    @classmethod
    def _plain(cls, lines: list[str]) -> list[str]:
        return check_lines(lines, SLOTS, question=False)

    @field_validator("intents")
    @classmethod
    def _intent_answers(cls, intents: dict[str, list[str]]) -> dict[str, list[str]]:
        for intent, lines in intents.items():
            if intent not in INTENTS:
                raise ValueError(f"'{intent}' is not an intent (use {', '.join(INTENTS)})")
            allowed = SLOTS | ({"contact"} if intent == "referral" else set())
            try:
                check_lines(lines, allowed, question=False)
            except ValueError as error:
                raise ValueError(f"'{intent}': {error}") from None
        return intents

    def merged(self, fallback: ListeningLines) -> ListeningLines:
        """These lines, with ``fallback``'s wherever a list (or an intent) is missing."""
        fields = {
            name: getattr(self, name) or getattr(fallback, name)
            for name in type(self).model_fields
            if name != "intents"
        }
        return ListeningLines(**fields, intents={**fallback.intents, **self.intents})


class ListeningError(ValueError):
    """The generic listening lines cannot be used; the message names the file and field."""


@lru_cache(maxsize=1)
def generic_listening() -> ListeningLines:
    """The lines every persona falls back on, from ``personas/defaults/listening.yaml``."""
    path = shipped_dir("personas") / "defaults" / "listening.yaml"
    lines = validate(read_yaml(path, ListeningError), ListeningLines, str(path), ListeningError)
    missing = [n for n in ListeningLines.model_fields if not getattr(lines, n)]
    if missing:
        raise ListeningError(f"{path}: field '{missing[0]}': the generic lines need every list")
    return lines
