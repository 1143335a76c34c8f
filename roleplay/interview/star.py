"""The parts of a STAR answer (situation, task, action, result): which part a sentence of the
candidate's plays (``cues/star.yaml`` and the cue vocabulary), and the check that a text holds
nothing the candidate did not say (``new_material``), which a model's rewrite must pass."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from roleplay.core.cues import Sentence, known_cues
from roleplay.core.datafiles import compiled_patterns, load_yaml
from roleplay.core.errors import UserError
from roleplay.core.resources import shipped_dir

Part = Literal["situation", "task", "action", "result", "point"]
ORDER: tuple[Part, ...] = ("situation", "task", "action", "result")
GAP = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[a-z][a-z'’-]+")
# Words that say nothing of substance: sharing them does not make two sentences one story.
_PLAIN = {
    *("that", "this", "with", "from", "have", "were", "they", "them", "their", "then", "there"),
    *("what", "when", "which", "would", "could", "about", "into", "just", "also", "very"),
    *("really", "some", "more", "most", "much", "been", "being", "only", "over", "after"),
    *("before", "because", "while", "where", "your", "ours", "myself", "team", "work"),
    *("worked", "working", "role"),
}


class StarError(UserError, ValueError):
    """cues/star.yaml cannot be used; the message names the file and field."""


class StarPartRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    gap: str = Field(pattern=r"^\[[^\[\]]+\]$")
    cues: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)

    _known = field_validator("cues")(known_cues)

    _compiles = field_validator("patterns")(compiled_patterns)


class StarRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    parts: dict[Part, StarPartRule]
    story_questions: list[str] = Field(min_length=1)
    point_gap: str = Field(pattern=r"^\[[^\[\]]+\]$")
    number_gap: str = Field(pattern=r"^\[[^\[\]]+\]$")
    weak_cues: list[str]

    _known = field_validator("weak_cues")(known_cues)

    _questions_compile = field_validator("story_questions")(compiled_patterns)

    @field_validator("parts")
    @classmethod
    def _all_four(cls, parts: dict[Part, StarPartRule]) -> dict[Part, StarPartRule]:
        missing = [part for part in ORDER if part not in parts]
        if missing or "point" in parts:
            raise ValueError(f"expected exactly the parts {', '.join(ORDER)}")
        return parts

    def asks_for_a_story(self, question: str) -> bool:
        return any(re.search(p, question, re.IGNORECASE) for p in self.story_questions)


@lru_cache(maxsize=4)
def star_rules(path: Path | None = None) -> StarRules:
    return load_yaml(path or shipped_dir("cues") / "star.yaml", StarRules, StarError)


def parts_of(sentence: Sentence, rules: StarRules) -> list[Part]:
    """The STAR parts a sentence plays, in STAR order."""
    text = sentence.text.lower().replace("’", "'")
    found: list[Part] = []
    for part in ORDER:
        rule = rules.parts[part]
        if any(sentence.has(cue) for cue in rule.cues) or any(
            re.search(pattern, text, re.IGNORECASE) for pattern in rule.patterns
        ):
            found.append(part)
    return found


def content(text: str) -> set[str]:
    """The words of substance in ``text`` (their first six letters, so "reporting" and "report"
    meet): what two sentences of one story share."""
    words = _WORD.findall(text.lower())
    return {w[:6] for w in words if len(w) >= 4 and w not in _PLAIN}


def new_material(text: str, said: list[str]) -> list[str]:
    """What ``text`` holds that the candidate never said, token by token: a figure they did not
    give ("5%" where they said "15%"), and any word that is neither theirs (or a form of one of
    theirs: "reported" for "report") nor one of the few joining words a rewrite may add. So no
    name, number, negation or claim can slip in. Gap markers are not counted; empty means every
    word of ``text`` is the candidate's own."""
    plain = GAP.sub(" ", text)
    spoken = " ".join(said)
    figures = set(_FIGURE.findall(spoken))
    new = [figure for figure in _FIGURE.findall(plain) if figure not in figures]
    theirs = {word.lower() for word in _TOKEN.findall(spoken)}
    stems = {word[:5] for word in theirs if len(word) >= 5}
    for word in _TOKEN.findall(plain):
        lowered = word.lower()
        if lowered in theirs or lowered in _JOINING:
            continue
        if len(lowered) >= 5 and lowered[:5] in stems:
            continue  # another form of a word of theirs
        new.append(word)
    return list(dict.fromkeys(new))


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Words a rewrite may add to join the candidate's sentences: they carry no fact, and no
# negation ("not", "never") is among them.
_JOINING = {
    *("a", "an", "the", "and", "but", "or", "so", "then", "to", "of", "in", "on", "at", "for"),
    *("with", "by", "from", "as", "it", "its", "that", "this", "which", "who", "i", "my", "me"),
    *("we", "our", "was", "were", "is", "be", "had", "have", "after", "before", "when", "while"),
    *("because", "also", "first", "finally", "next", "later", "there", "where", "once", "both"),
}
