"""Cues: what code can find in one sentence a candidate said, with no model involved.

The vocabulary lives in ``cues/cues.yaml`` (phrases as regular expressions, validated on load).
A few cues are counted here instead, because they are about shape rather than words:

- ``thin``: the whole answer is under 12 words;
- ``rambling``: the whole answer runs over 170 words;
- ``question``: the sentence ends in "?";
- ``open_question``: an open question, by the rule in ``is_open`` (the metrics count the
  same way); any other question is a ``closed_question``;
- ``research_fact``: the sentence names a figure or a name from the research pack that the
  interviewer had not said first.

A negatable cue matched with "not", "never", "no" or a "-n't" word in the six words before it,
within the same clause (clauses end at punctuation, dashes and "and/but/so/because/..."), counts
as *denied*: "I'm not looking to leave" denies ``exit``, "I have no doubt I'd stay" does not
deny ``commitment``. A cue said anywhere in a sentence outweighs the same cue denied elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roleplay.core.datafiles import load_yaml
from roleplay.core.resources import shipped_dir

COUNTED = {"thin", "rambling", "question", "open_question", "closed_question", "research_fact"}
THIN_WORDS = 12
RAMBLING_WORDS = 170

# A sentence ends at . ! or ? followed by a space or the end: "3.5 percent" stays whole.
# ("…a group for every hub which is... chaos": an ellipsis before a small letter is a pause.)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\.\.\.)\s+|(?<=\.\.\.)\s+(?![a-z])")
# Enough for any real answer; past it, hostile text is not read sentence by sentence.
MAX_SENTENCES = 60
_WORD = re.compile(r"[\w'’-]+")
# A question asked without a question mark ("…which is why I wanted to ask how your team tests
# things", "What I'd really like to understand is how you chose…"): it holds what only a
# question can, though it claims as a statement does.
_INDIRECT_QUESTION = re.compile(
    r"\b(i was wondering|i wondered|i'?m (curious|wondering)"
    r"|i (wanted|want|meant) to (ask|know|hear)(,? is)?"
    r"|i'?d (really )?(love|like) to (know|ask|understand|hear)(,? is)?)"
    r" (how|what|why|which|whether|if|who|where|when)\b"
)
_NEGATION = re.compile(
    r"\b(not|never|no|nothing|nobody|without|hardly|barely|nor|n't|isn't|wasn't|aren't|weren't|"
    r"don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|hadn't|"
    r"i'm not|zero|hard to say)\b"
)
# A clause ends at these: "I'm not sure, but I'd stay" does not deny the stay.
_CLAUSE_BREAK = re.compile(
    r"[,;:–—]|\s-\s|\b(but|although|though|however|yet|and|so|because|then)\b"
)
# Set phrases holding a negation word that deny nothing ("I have no doubt I would stay").
_NOT_DENIALS = re.compile(
    r"\b(no doubt|no question|not only|can'?t wait|no pressure|no worries|never mind)\b"
)
# A question that only asks to be agreed with ("…nobody ever checks that stuff, right?",
# "…, isn't it?"): the sentence still claims what it says.
TAG_QUESTION = re.compile(
    r"(?:^|[,.!]\s*|\s)(?:right|yeah|yes|no|eh|innit|surely|correct|isn'?t (?:it|that)|"
    r"aren'?t (?:they|we)|don'?t (?:they|we|you)|doesn'?t (?:it|that))\s*\?+\s*$",
    re.IGNORECASE,
)
_LEADING = {"and", "so", "but", "also", "well", "okay", "ok", "then"}
_OPEN_VERBS = {"how", "what", "why", "describe", "tell", "walk", "explain", "share", "talk"}


class CueError(ValueError):
    """The cue vocabulary file is malformed; the message names the file and the cue."""


class CueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    means: str = Field(min_length=1)
    negatable: bool = False
    patterns: list[str] = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0, le=5)
    counts: bool = False
    claim: bool = False
    # A claim still made behind a tag that asks to be agreed with ("…I didn't - nobody ever
    # checks that stuff, right?"); "it's a developer role, right?" asks, and claims nothing.
    tagged: bool = False
    # Only a question can hold it ("how does the team work?").
    asks: bool = False
    # Counts for every worry that lists it, whichever the sentence speaks to most closely:
    # contempt for a former manager worries about team fit and reputation at once.
    everywhere: bool = False
    # Cues it stands in for when both are said in one sentence: a careers-page question is
    # not curiosity, "a three-month notice period" is no clear availability.
    outweighs: list[str] = Field(default_factory=list)

    # The patterns are compiled (and a broken one refused) once, by ``load_vocabulary``:
    # compiling 400-odd expressions twice would cost a quick command a tenth of a second.


@dataclass(frozen=True)
class Vocabulary:
    specs: dict[str, CueSpec]
    compiled: dict[str, list[re.Pattern[str]]]

    def known(self) -> set[str]:
        return set(self.specs) | COUNTED

    def everywhere(self, cue: str) -> bool:
        return cue in self.specs and self.specs[cue].everywhere

    def means(self, cue: str) -> str:
        if cue in self.specs:
            return self.specs[cue].means
        return {
            "thin": "a very short answer",
            "rambling": "a very long answer",
            "question": "asks a question",
            "open_question": "asks an open question",
            "closed_question": "asks a yes-or-no question",
            "research_fact": "uses a fact from the research",
        }[cue]


def load_vocabulary(path: Path) -> Vocabulary:
    specs = load_yaml(path, dict[str, CueSpec], CueError)
    clash = sorted(set(specs) & COUNTED)
    if clash:
        raise CueError(f"{path}: cue '{clash[0]}' is counted by code and cannot be redefined")
    compiled: dict[str, list[re.Pattern[str]]] = {}
    for name, spec in specs.items():
        unknown = sorted(set(spec.outweighs) - set(specs))
        if unknown:
            raise CueError(f"{path}: field '{name}.outweighs': no cue named '{unknown[0]}'")
        compiled[name] = []
        for number, pattern in enumerate(spec.patterns, 1):
            try:
                compiled[name].append(re.compile(pattern, re.IGNORECASE))
            except re.error as error:
                raise CueError(
                    f"{path}: field '{name}.patterns': pattern {number} is not a valid "
                    f"expression ({error})"
                ) from None
    return Vocabulary(specs, compiled)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    return load_vocabulary(shipped_dir("cues") / "cues.yaml")


@dataclass
class Sentence:
    """One sentence of an answer and the cues found in it, each with its weight: positive when
    said, negative when denied."""

    text: str
    turn: int = 0
    cues: dict[str, float] = field(default_factory=dict)

    def has(self, cue: str) -> bool:
        return self.cues.get(cue, 0) > 0

    def denies(self, cue: str) -> bool:
        return self.cues.get(cue, 0) < 0

    def weight(self, cue: str) -> float:
        return abs(self.cues.get(cue, 0))


def tidy(text: str) -> str:
    """Whitespace as a sentence is kept and quoted: single spaces, no line breaks."""
    return " ".join(text.split())


def known_cues(names: list[str]) -> list[str]:
    """``names`` when every one is a cue of the shipped vocabulary: the check persona and
    rubric files share."""
    known = vocabulary().known()
    for name in names:
        if name not in known:
            raise ValueError(f"unknown cue '{name}' (known: {', '.join(sorted(known))})")
    return names


def split_sentences(text: str) -> list[str]:
    """The answer's sentences, each as said (whitespace tidied)."""
    found = [s for s in _SENTENCE_END.split(tidy(text)) if _WORD.search(s)]
    if len(found) > MAX_SENTENCES:
        found = [*found[: MAX_SENTENCES - 1], " ".join(found[MAX_SENTENCES - 1 :])]
    return found


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _denied(sentence: str, start: int) -> bool:
    before = sentence[:start].lower().replace("’", "'")
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    window = _NOT_DENIALS.sub(" ", " ".join(_WORD.findall(before)[-6:]))
    return _NEGATION.search(window) is not None or window.endswith("n't")


def mentions(term: str, text: str) -> bool:
    """``term`` appears in ``text`` as a whole word or phrase, whatever its case."""
    return re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", text.lower()) is not None


def _match(sentence: str, patterns: list[re.Pattern[str]], spec: CueSpec) -> float:
    """The cue's weight in ``sentence``: positive said, negative denied, 0 absent. Said
    anywhere outweighs denied elsewhere; a counting cue adds one weight per pattern matched.
    A match lying inside another pattern's denied match is denied with it: "I'm not going to
    ask you for a referral" denies "referral", though its "not" is seven words back."""
    found = [ms for pattern in patterns if (ms := list(pattern.finditer(sentence)))]
    denials: list[tuple[int, int]] = []
    if spec.negatable:
        denials = [m.span() for ms in found for m in ms if _denied(sentence, m.start())]

    def denied_match(match: re.Match[str]) -> bool:
        return any(start <= match.start() and match.end() <= end for start, end in denials)

    said = denied = 0
    for matches in found:
        if spec.negatable and all(denied_match(m) for m in matches):
            denied += 1
        else:
            said += 1
            if not spec.counts:
                break
    if said:
        return spec.weight * (said if spec.counts else 1)
    return -spec.weight if denied else 0.0


def is_open(question: str) -> bool:
    """An open question: it, or its last clause (after a comma, colon, semicolon or dash),
    starts, after a leading "and/so/but/also/well/okay", with how, what, why, describe, tell,
    walk, explain, share or talk, with "could/can/would you" and one of those verbs, or with
    "in what way". "If you were me, what would you add?" is open."""
    last_clause = re.split(r"[,:;–—]", question)[-1]
    return _opens(question) or _opens(last_clause)


def _opens(question: str) -> bool:
    tokens = [w.lower().replace("’", "'") for w in _WORD.findall(question)]
    while tokens and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if not tokens:
        return False
    if tokens[0] in _OPEN_VERBS or tokens[:2] == ["in", "what"]:
        return True
    return (
        len(tokens) > 2
        and tokens[0] in ("could", "can", "would")
        and tokens[1] == "you"
        and tokens[2] in _OPEN_VERBS
    )


def read_answer(
    text: str,
    *,
    turn: int = 0,
    research_terms: tuple[str, ...] = (),
    vocab: Vocabulary | None = None,
) -> list[Sentence]:
    """Every sentence of ``text`` with the cues it holds."""
    vocab = vocab or vocabulary()
    words = word_count(text)
    sentences = []
    for said in split_sentences(text):
        cues: dict[str, float] = {}
        lowered = said.lower().replace("’", "'")
        asks = said.endswith("?")
        indirect = not asks and _INDIRECT_QUESTION.search(lowered) is not None
        tag = asks and TAG_QUESTION.search(lowered) is not None
        for name, patterns in vocab.compiled.items():
            spec = vocab.specs[name]
            if (spec.claim and asks and not (tag and spec.tagged)) or (
                spec.asks and not (asks or indirect)
            ):
                continue  # "Did you ship it?" claims nothing about the candidate
            found = _match(lowered, patterns, spec)
            if found:
                cues[name] = found
        for name in [n for n, weight in cues.items() if weight > 0]:
            for lesser in vocab.specs[name].outweighs:
                cues.pop(lesser, None)
        if asks:
            cues["question"] = 1
            cues["open_question" if is_open(said) else "closed_question"] = 1
        if any(mentions(term, said) for term in research_terms):
            cues["research_fact"] = 1
        sentences.append(Sentence(said, turn, cues))
    if sentences and words < THIN_WORDS:
        sentences[0].cues["thin"] = 1
    if sentences and words > RAMBLING_WORDS:
        sentences[-1].cues["rambling"] = 1
    return sentences
