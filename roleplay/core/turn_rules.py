"""The phrases and examples the turn reader works from (``cues/turns.yaml``), validated on load:
an error names the file and the field."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from roleplay.core.datafiles import compiled_patterns, load_yaml
from roleplay.core.resources import shipped_dir

Kind = Literal[
    "answer", "partial", "dodge", "refusal", "question", "small_talk", "goodbye", "hostile"
]
Intent = Literal[
    "team", "work", "tools", "path", "advice", "referral", "follow_up", "hiring", "pay",
    "process", "story", "other",
]  # fmt: skip
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
INTENTS: tuple[Intent, ...] = get_args(Intent)


class ReadingError(ValueError):
    """The turn phrases file is malformed; the message names the file and the field."""


class _Narrower(BaseModel):
    """A search for the questions of an intent that ask one thing of it ("what has to happen
    before I can start?" is about the checks, not the interview rounds)."""

    model_config = ConfigDict(extra="forbid")

    when: str
    search: str = Field(min_length=1)

    @field_validator("when")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return compiled_patterns([pattern])[0]


class _Patterns(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patterns: list[str] = Field(default_factory=list)
    # Phrases that say a question is not of this intent whatever its likeness to the examples
    # ("What does the £412,000 pay for?" reads like a question about pay).
    unlike: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)
    # Added to a question of this intent when the research is searched for its answer.
    search: str = ""
    narrower: list[_Narrower] = Field(default_factory=list)

    @field_validator("patterns", "unlike")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return compiled_patterns(patterns)


class TurnRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kinds: dict[Literal["hostile", "goodbye", "small_talk", "refusal", "deflection", "partial"],
                list[str]]  # fmt: skip
    asking: list[str]
    # Interviewer questions about the candidate's own motives, background or reading ("What
    # drew you to us?"): any account of themselves answers them, however far from the words.
    open_questions: list[str]
    # Words that make an answer a plan of steps ("call the driver first, then..."): an answer in
    # the imperative to "what would you do?" speaks for the candidate without saying "I".
    steps: list[str]
    # Words that leave the question for another ("Anyway, what's the town like?"): after a
    # refusal, the question they open is a way out of the one asked.
    changes_subject: list[str]
    # The question asked, said back before it is answered or refused ("What I'm on at the
    # moment? I'd prefer to keep that to myself."): it asks nothing.
    echoes: list[str]
    # What the interviewer makes of what the candidate just told ("I found 14 streets more
    # than 800 metres from a stop. Do you think that's worth mentioning?"): the turn tells.
    weighs_own: list[str]
    intents: dict[Intent, _Patterns]
    examples: dict[
        Literal["hostile", "goodbye", "small_talk", "refusal", "partial", "answer"], list[str]
    ]

    @field_validator("asking", "open_questions", "steps", "changes_subject", "echoes", "weighs_own")
    @classmethod
    def _asking_compiles(cls, patterns: list[str]) -> list[str]:
        return _Patterns._compiles(patterns)

    @field_validator("kinds")
    @classmethod
    def _kinds_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            _Patterns._compiles(patterns)
        return value

    @field_validator("kinds", "intents")
    @classmethod
    def _complete(cls, value: dict, info) -> dict:
        wanted = (
            {"hostile", "goodbye", "small_talk", "refusal", "deflection", "partial"}
            if info.field_name == "kinds"
            else set(INTENTS)
        )
        missing = sorted(wanted - set(value))
        if missing:
            raise ValueError(f"missing {missing[0]!r}")
        return value

    def model_post_init(self, _context: object) -> None:
        self._compiled = {
            name: [re.compile(p, re.IGNORECASE) for p in patterns]
            for name, patterns in {
                **self.kinds,
                "asking": self.asking,
                "open_questions": self.open_questions,
                "steps": self.steps,
                "changes_subject": self.changes_subject,
                "echoes": self.echoes,
                "weighs_own": self.weighs_own,
                **{f"intent:{k}": v.patterns for k, v in self.intents.items()},
                **{f"unlike:{k}": v.unlike for k, v in self.intents.items()},
            }.items()
        }
        self._narrower = {
            intent: [(re.compile(n.when, re.IGNORECASE), n.search) for n in rules.narrower]
            for intent, rules in self.intents.items()
        }

    def example_texts(self) -> list[str]:
        """Every example turn and question, which each reading is weighed against."""
        kinds = (e for examples in self.examples.values() for e in examples)
        return [*kinds, *(e for rules in self.intents.values() for e in rules.examples)]

    def hits(self, name: str, text: str) -> int:
        return sum(bool(p.search(text)) for p in self._compiled[name])

    def search(self, intent: Intent | None, question: str) -> str:
        """What is added to ``question`` of ``intent`` when the research is searched for its
        answer: the narrower search it asks for, if any, else the intent's."""
        if intent is None:
            return ""
        found = (search for when, search in self._narrower[intent] if when.search(question))
        return next(found, self.intents[intent].search)


def load_rules(path: Path) -> TurnRules:
    return load_yaml(path, TurnRules, ReadingError)


@lru_cache(maxsize=1)
def turn_rules() -> TurnRules:
    """The shipped phrases, read once per process."""
    return load_rules(shipped_dir("cues") / "turns.yaml")
