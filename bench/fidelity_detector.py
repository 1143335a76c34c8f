"""An independent judge of what an interviewer turn looks like to the candidate.

Written apart from ``roleplay.interview.phrasing`` on purpose: the benchmark and its floor test
must not grade the engine with the engine's own checks. It looks only at the text shown, the
setting, the persona and the passages the turn was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z’'-]{3,}\b")
_SCAFFOLD_CHARS = set("<>[]{}#*_`|~\\")
# A prompt's "You are Jordan Avery…" opens a sentence; "work you are proud of" is speech.
_YOU_ARE = re.compile(r"(?:^|[.!?:]\s+)you are\b", re.IGNORECASE)
_SCAFFOLD_PHRASES = (
    "your turn",
    "final turn",
    "ref_data",
    "reference_data",
    "reference data",
    "private notes",
    "system prompt",
    "instructions",
    "as an ai",
    "language model",
    "the candidate",
    "question 1",
    "sender",
    "dialogue",
    "rewrite",
    "reply as",
    "in character",
    "persona",
    "[[end",
    "http",
    "www.",
)
_LABEL = re.compile(r"(^|\n)\s*[A-Za-z][\w .'-]{0,30}:\s")
# A chat model's role, not a post: "as your assistant", "I'm an AI assistant", "Assistant:"
# ("a Saturday box office assistant in 1996", "an assistant vet" are a career's words).
_ASSISTANT = re.compile(
    r"\b(helpful|ai|virtual|digital|chat|language|your|the|an|a) assistant\b"
    r"(?!\s+(?:vet|manager|director|analyst|editor|producer|coach|teacher|to|at|in|for|on|with))"
    r"|(?<![\w ])assistant\b|\bassistant\s*:",
    re.IGNORECASE,
)
# A list's number read aloud: "…come now. 1 Get to know our four sites" ("22 Canal Street" is
# an address).
_LIST_NUMBER = re.compile(
    r"(?:^|[.!?]\s+)\d{1,2}[.)]?\s+[A-Z][a-z]+\b"
    r"(?!\s+(?:Street|Road|Lane|Avenue|Way|Square|Place|Yard|Drive|Close|Court|Row|Hill)\b)"
)
# Speech has no parentheses; a model writes "(pauses)" or "(makes eye contact)" in them.
_STAGE_DIRECTION = re.compile(r"\([^)]*[a-z][^)]*\)|\(\s*$", re.I)
_MAX_WORDS = 110
_COMMON = {
    "after",  # "After today…" is no misspelt "Water"
    "every",
    "that",
    "this",
    "what",
    "when",
    "where",
    "which",
    "thank",
    "thanks",
    "hello",
    "good",
    "great",
    "before",
    "could",
    "would",
    "tell",
    "walk",
    "right",
    "sure",
    "well",
    "okay",
}


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    questions: int = 0
    name_errors: list[str] = field(default_factory=list)
    uses_fact: bool = False

    @property
    def clean(self) -> bool:
        return not self.problems


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def question_count(text: str) -> int:
    return len(re.findall(r"\?+", text))


def name_errors(text: str, names: list[str], written: str = "") -> list[str]:
    """Capitalised words that nearly, but not exactly, spell a known name ("Larksur").
    A word spelled as the research passages behind the turn (``written``) spell it is right:
    "Morven" from the research is no misspelling of the interviewer's name "Moreno"."""
    known = {t for name in names for t in _CAPITALISED.findall(name)}
    spelled = set(_CAPITALISED.findall(written))
    errors = []
    for word in _CAPITALISED.findall(text):
        word = re.sub(r"['’]s$", "", word)
        # A plural of a known word ("Analysts" for the role's "Analyst") spells it right.
        if word in known or word in spelled or word.lower() in _COMMON:
            continue
        if re.sub(r"e?s$", "", word) in known:
            continue
        for token in known:
            if SequenceMatcher(None, word.lower(), token.lower()).ratio() >= 0.8:
                errors.append(f"{word} (not {token})")
                break
    for place in re.findall(r"\bhere at ([A-Z][\w-]*(?: [A-Z][\w-]*)*)", text):
        if not any(place == name or name.startswith(place) for name in names):
            errors.append(f"here at {place}")
    return errors


def uses_fact(text: str, snippets: list[str], ordinary: set[str]) -> bool:
    """True when the turn repeats a four-word run, a number or a name from its passages."""
    said = _words(text)
    runs = {tuple(said[i : i + 4]) for i in range(len(said) - 3)}
    for snippet in snippets:
        words = _words(snippet)
        if any(tuple(words[i : i + 4]) in runs for i in range(len(words) - 3)):
            return True
        specifics = {w for w in re.findall(r"\d[\d,.]*\d|\d", snippet) if len(w) >= 2}
        specifics |= {w for w in _CAPITALISED.findall(snippet) if w.lower() not in ordinary}
        if any(s in text for s in specifics):
            return True
    return False


def inspect(
    text: str,
    *,
    names: list[str],
    labels: list[str],
    snippets: list[str] | None = None,
) -> Findings:
    """Judge one interviewer turn. ``names``: company, role, people; ``labels``: worry labels."""
    findings = Findings(questions=question_count(text))
    lowered = text.lower()
    words = _words(text)
    if len(words) < 3:
        findings.problems.append("empty or a fragment")
    if len(words) > _MAX_WORDS:
        findings.problems.append(f"{len(words)} words")
    if _SCAFFOLD_CHARS & set(text) or "---" in text:
        findings.problems.append("markup or brackets")
    for phrase in _SCAFFOLD_PHRASES:
        # Whole words: "personal training budget" holds no "persona".
        if re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", lowered):
            findings.problems.append(f"scaffolding: {phrase!r}")
    if _ASSISTANT.search(text):
        findings.problems.append("scaffolding: 'assistant'")
    if _YOU_ARE.search(text):
        findings.problems.append("scaffolding: 'You are …'")
    if _LABEL.search(text):
        findings.problems.append("speaker or section label")
    if _LIST_NUMBER.search(text):
        findings.problems.append("a list number read aloud")
    if _STAGE_DIRECTION.search(text):
        findings.problems.append("stage direction")
    if "\n" in text.strip():
        findings.problems.append("more than one line")
    for label in labels:
        if len(label.split()) >= 2 and label in text:
            findings.problems.append(f"worry label {label!r}")
    # The candidate's own words quoted back ("“I volunteer at the Brindle Street Theatre”")
    # are theirs to spell: no name error of the interviewer's.
    findings.name_errors = name_errors(
        re.sub(r"“[^”]*”", " ", text), names, " ".join(snippets or [])
    )
    ordinary = {w.lower() for name in names for w in _WORD.findall(name)}
    findings.uses_fact = uses_fact(text, snippets or [], ordinary)
    return findings


def question_key(text: str) -> frozenset[str]:
    """The content words of a turn's question, to spot the same question asked twice."""
    questions = re.findall(r"[^.!?]*\?", text)
    if not questions:
        return frozenset()
    return frozenset(w for w in _words(questions[-1]) if len(w) > 3)


def same_question(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.8
