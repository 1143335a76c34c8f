"""The LLM judge: scores each rubric criterion and quotes the candidate's words as evidence.

The model is asked for JSON matching a schema built from the rubric (constrained decoding where
the backend supports it); the reply is parsed with LangChain's ``PydanticOutputParser`` and then
checked: every criterion present once, "n/a" only where the rubric allows it. An invalid or
partial verdict is asked for again, a bounded number of times. Quotes are checked against the
candidate's turns and any that is not there is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.exceptions import OutputParserException
from langchain_core.output_parsers import PydanticOutputParser
from pydantic import BaseModel, Field

from roleplay.core.cues import tidy
from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.feedback.rubrics import Rubric
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from roleplay.llm.errors import ModelError

Score = Literal["good", "fair", "poor", "n/a"]


class CriterionVerdict(BaseModel):
    score: Score
    evidence: list[str] = Field(default_factory=list)
    advice: str = ""


class Verdict(BaseModel):
    # Keyed by criterion id: a schema with one required property per criterion makes even a
    # small model's constrained output name each criterion exactly once.
    criteria: dict[str, CriterionVerdict]
    summary: str = ""


class JudgeError(ValueError):
    """The judge's reply could not be used; the message says why."""


@dataclass
class Judgement:
    verdict: Verdict | None
    attempts: int
    # Why there is no verdict (every attempt failed), or "" when there is one.
    problem: str = ""
    dropped_quotes: dict[str, list[str]] = field(default_factory=dict)


def verdict_schema(rubric: Rubric) -> dict[str, Any]:
    """The JSON schema of a verdict for this rubric: one required entry per criterion."""

    def entry(allow_na: bool) -> dict[str, Any]:
        scores = ["good", "fair", "poor"] + (["n/a"] if allow_na else [])
        return {
            "type": "object",
            "properties": {
                "score": {"type": "string", "enum": scores},
                "evidence": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
                "advice": {"type": "string"},
            },
            "required": ["score", "evidence", "advice"],
            "additionalProperties": False,
        }

    return {
        "type": "object",
        "properties": {
            "criteria": {
                "type": "object",
                "properties": {c.id: entry(c.allow_na) for c in rubric.criteria},
                "required": [c.id for c in rubric.criteria],
                "additionalProperties": False,
            },
            "summary": {"type": "string"},
        },
        "required": ["criteria", "summary"],
        "additionalProperties": False,
    }


def parse_verdict(text: str, rubric: Rubric) -> Verdict:
    """Read and check a judge reply; raise ``JudgeError`` when it is invalid or partial."""
    try:
        verdict: Verdict = PydanticOutputParser(pydantic_object=Verdict).parse(text or "")
    except OutputParserException as error:
        first = str(error).splitlines()[0][:200]
        raise JudgeError(f"the judge's reply is not a valid verdict ({first})") from None
    expected = [c.id for c in rubric.criteria]
    unknown = sorted(set(verdict.criteria) - set(expected))
    if unknown:
        raise JudgeError(f"the judge scored unknown criteria: {', '.join(unknown)}")
    missing = [i for i in expected if i not in verdict.criteria]
    if missing:
        raise JudgeError(f"the judge left out: {', '.join(missing)}")
    for criterion_id, item in verdict.criteria.items():
        if item.score == "n/a" and not rubric.criterion(criterion_id).allow_na:
            raise JudgeError(f"the judge said 'n/a' for '{criterion_id}', which must be scored")
    verdict.criteria = {i: verdict.criteria[i] for i in expected}
    return verdict


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


def _trimmed(quote: str) -> str:
    # Judges wrap quotes in quote marks and ellipses; the words inside are what must match.
    return re.sub(r"^[\s\"'.…]+|[\s\"'.…]+$", "", quote.translate(_QUOTES))


def _readable(text: str) -> str:
    """Advice and summaries as plain sentences; markup or a word or two is not advice."""
    text = " ".join(text.split())
    if "<" in text or ">" in text or len(re.findall(r"[A-Za-z]{2,}", text)) < 3:
        return ""
    return text


def _span(quote: str, turns: list[str]) -> str | None:
    """The candidate's own words the quote matches, whole words only, as they said them (the
    judge's case, spacing and quote marks are not kept), or None."""
    words = re.findall(r"\w+(?:['’]\w+)*", _trimmed(quote))
    if len(words) < 2:
        return None
    parts = [re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in words]
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", re.IGNORECASE)
    for turn in turns:
        match = pattern.search(turn)
        if match:
            return match.group(0)
    return None


def check_quotes(verdict: Verdict, session: Session) -> dict[str, list[str]]:
    """Keep only quotes found word for word in the candidate's turns, as the candidate said
    them; return the dropped ones."""
    said = [tidy(t.text) for t in session.turns if t.speaker == "candidate"]
    dropped: dict[str, list[str]] = {}
    for criterion_id, item in verdict.criteria.items():
        kept: list[str] = []
        for quote in item.evidence:
            found = _span(quote, said)
            if found is None:
                dropped.setdefault(criterion_id, []).append(quote)
            elif found not in kept:
                kept.append(found)
        item.evidence = kept
    return dropped


def judge(
    session: Session,
    persona: Persona,
    rubric: Rubric,
    backend: ChatBackend,
    prompts: Prompts,
    *,
    attempts: int = 2,
    max_tokens: int = 900,
) -> Judgement:
    """Score ``session``; after ``attempts`` unusable replies, return no verdict and why."""
    messages = prompts.judge_messages(rubric, persona, session)
    schema = verdict_schema(rubric)
    problem = ""
    for attempt in range(1, attempts + 1):
        try:
            reply = backend.invoke_json(messages, schema, max_tokens=max_tokens, name="verdict")
            verdict = parse_verdict(reply, rubric)
        except JudgeError as error:
            problem = str(error)
            continue
        except Exception as error:  # the model call itself failed: retrying rarely helps
            problem = str(error if isinstance(error, ModelError) else backend.explain(error))
            return Judgement(verdict=None, attempts=attempt, problem=problem)
        dropped = check_quotes(verdict, session)
        verdict.summary = _readable(verdict.summary)
        for item in verdict.criteria.values():
            item.advice = _readable(item.advice)
        return Judgement(verdict=verdict, attempts=attempt, dropped_quotes=dropped)
    return Judgement(verdict=None, attempts=attempts, problem=problem)
