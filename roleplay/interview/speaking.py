"""Saying a planned turn: the model's phrasing when it passes every check, else the plan's.

Two directors. ``strict`` (the embedded model): the model is asked, in a short prompt, to say
the planned line in the persona's voice; each try is generated whole (it is a sentence or two),
abandoned at its first problem, and shown only once it passes. After the allowed tries the
plan's own text is said. ``guided`` (a capable HTTP model): the plan goes to the model as
guidance inside the full interviewer prompt and it speaks freely, streamed sentence by sentence;
each sentence is checked before it is shown, the stream is cut at the first that fails, and a
planned question the model did not ask is added in the plan's words.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import BaseMessage

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Source, Stage, TurnPlan
from roleplay.interview.phrasing import MAX_WORDS, VoiceCheck, questions_in, words
from roleplay.interview.prompts import Prompts
from roleplay.interview.replies import ReplyFilter
from roleplay.llm.backend import ChatBackend

# Sentences end at . ! ? followed by a space or the end; a piece ending elsewhere is unfinished.
_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*(?=\s)")


@dataclass
class Voiced:
    text: str
    voiced_by: str  # "model" or "plan"
    note: str = ""
    # The model ended the interview (guided mode, after the candidate asked to stop).
    closed: bool = False
    # Why the model could not be asked at all (strict mode says the plan instead): the user
    # reads it, since every turn until the model is back is the plan's words.
    model_error: str = ""
    # False when the turn was the plan's by rule (no tries, a close): the model was not asked.
    asked: bool = True


@dataclass
class Speaker:
    """Who says a turn, in which interview, through which model."""

    persona: Persona
    session: Session
    prompts: Prompts
    backend: ChatBackend


def say(
    plan: TurnPlan,
    speaker: Speaker,
    *,
    stage: Stage,
    facts: list[Source],
    closing_reason: str,
    director: str,
    tries: int,
) -> Generator[str, None, Voiced]:
    """Yield the turn's pieces to show; return what was said and who phrased it."""
    persona, session, prompts = speaker.persona, speaker.session, speaker.prompts
    strict = director == "strict"
    if strict:
        messages = prompts.voice_messages(persona, plan)
    else:
        messages = prompts.interviewer_messages(
            persona, session, stage=stage, facts=facts, closing_reason=closing_reason, plan=plan
        )
    setting = session.setting
    names = [*setting.model_dump().values(), persona.name, persona.title]
    # Every word of the interviewer's prompts but the passages themselves is off limits.
    framing = prompts.interviewer_messages(persona, session, stage=stage, facts=[])
    prompt = "\n".join(m.text for m in [*framing, *messages] if m.type == "system")
    check = VoiceCheck(
        plan, names=[*names, *(f.snippet for f in facts)], prompt=prompt, strict=strict
    )
    if strict or tries == 0:
        if tries == 0:
            voiced = Voiced(text=plan.text, voiced_by="plan", note="voicing is off", asked=False)
        elif plan.move == "close":
            # The last words are the persona's own: a small model's phrasing is no goodbye.
            note = "a close is said as planned"
            voiced = Voiced(text=plan.text, voiced_by="plan", note=note, asked=False)
        else:
            voiced = say_strict(speaker.backend, messages, check, tries)
        yield voiced.text
        return voiced
    reply = ReplyFilter(
        candidate_name=setting.candidate,
        interviewer_name=persona.name,
        instructions=messages[0].text,
        allowed=" ".join(names),
    )
    return (yield from say_guided(speaker.backend, messages, check, reply))


def _close(stream: Iterator[Any]) -> None:
    """Stop a model's stream early (a generator: closing it ends the request)."""
    close = getattr(stream, "close", None)
    if callable(close):
        close()


def _token_budget(plan_text: str) -> int:
    # About 1.4 tokens a word, with room for a slightly longer phrasing and nothing more.
    return min(160, int(len(words(plan_text)) * 2.2) + 12)


def _try_once(
    backend: ChatBackend, messages: list[BaseMessage], check: VoiceCheck
) -> tuple[str, list[str]]:
    """One phrasing, stopped at its first problem; returns the text and what is wrong with it."""
    text = ""
    stream = backend.chat.stream(messages, stop=["\n"], max_tokens=_token_budget(check.plan.text))
    try:
        for chunk in stream:
            text += chunk.text
            finished = [m.end() for m in _SENTENCE_END.finditer(text + " ")]
            if finished:
                problems = check.problems(text[: finished[-1]].strip(), whole=False)
                if problems:
                    return text.strip(), problems
            if len(words(text)) > check.longest:
                return text.strip(), [f"too long (over {check.longest} words)"]
    finally:
        _close(stream)
    text = text.strip()
    return text, check.problems(text)


def say_strict(
    backend: ChatBackend, messages: list[BaseMessage], check: VoiceCheck, tries: int
) -> Voiced:
    """The model's phrasing of the plan if one of ``tries`` passes every check, else the plan."""
    failures = []
    for number in range(1, tries + 1):
        try:
            text, problems = _try_once(backend, messages, check)
        except Exception as error:  # the plan is said; the turn never fails on a phrasing
            explained = str(backend.explain(error))
            failures.append(f"try {number}: the model failed ({explained})")
            note = " | ".join(failures)
            return Voiced(check.plan.text, voiced_by="plan", note=note, model_error=explained)
        if not problems:
            return Voiced(text=text, voiced_by="model")
        failures.append(f"try {number}: {'; '.join(problems[:3])}")
    return Voiced(text=check.plan.text, voiced_by="plan", note=" | ".join(failures))


def say_guided(
    backend: ChatBackend, messages: list[BaseMessage], check: VoiceCheck, reply: ReplyFilter
) -> Generator[str, None, Voiced]:
    """Stream the model's free phrasing, each sentence shown only once it passes the checks.

    Yields the pieces to show; returns what was said. Model failures propagate: the front end
    shows them and the turn can be retried.
    """
    shown = ""
    pending = ""
    note = ""
    stream = backend.chat.stream(messages, stop=reply.stop_sequences())
    try:
        for chunk in stream:
            pending += reply.feed(chunk.text)
            pending, piece, note = _release(shown, pending, check, final=False)
            if piece:
                shown += piece
                yield piece
            if note or reply.stopped:
                break
        if not note:
            pending += reply.finish()
            _, piece, note = _release(shown, pending, check, final=True)
            if piece:
                # What the model left out goes in before its question, in the plan's words.
                cut = _question_start(piece)
                restored, missing = _restore(shown + piece[:cut], check)
                if restored:
                    parts = [piece[:cut].strip(), restored, piece[cut:].strip()]
                    piece = (" " if shown else "") + " ".join(p for p in parts if p)
                    note = "; ".join([*missing, "the plan's words were added"])
                shown += piece
                yield piece
    finally:
        _close(stream)
    voiced = _complete(shown, check, note, reply)
    if voiced.text != shown.strip():
        # The plan's words finish the turn: its question, or the whole turn if nothing passed.
        yield voiced.text[len(shown.strip()) :] if shown.strip() else voiced.text
    return voiced


def _release(shown: str, pending: str, check: VoiceCheck, *, final: bool) -> tuple[str, str, str]:
    """Split ``pending`` into what may be shown now and what waits; a failure stops the turn."""
    # Only whole sentences are shown: at the end, an unfinished one is dropped.
    ends = [m.end() for m in _SENTENCE_END.finditer(pending + (" " if final else ""))]
    if not ends:
        return ("" if final else pending), "", ""
    ready, rest = pending[: ends[-1]], ("" if final else pending[ends[-1] :])
    if not final and "?" in ready:
        # A question waits for the end: anything the turn must still say goes before it.
        held = _question_start(ready)
        ready, rest = ready[:held], ready[held:] + rest
    if not ready.strip():
        return rest, "", ""
    candidate = (shown + ready).strip()
    problems = check.problems(candidate, whole=False)
    if not problems and len(words(candidate)) > MAX_WORDS:
        problems = ["too long"]
    if problems:
        return "", "", f"cut: {'; '.join(problems[:3])}"
    return rest, ready if shown else ready.lstrip(), ""


def _complete(shown: str, check: VoiceCheck, note: str, reply: ReplyFilter) -> Voiced:
    plan = check.plan
    text = shown.strip()
    if not text:
        return Voiced(text=plan.text, voiced_by="plan", note=note or "the model said nothing")
    restored, missing = _restore(text, check)
    if restored:
        text = f"{text} {restored}"
    if missing:
        note = "; ".join(filter(None, [note, *missing, "the plan's words were added"]))
    if plan.question and not questions_in(text) and not reply.closed:
        return Voiced(
            text=f"{text} {plan.question}",
            voiced_by="model",
            note="; ".join(filter(None, [note, "the planned question was added"])),
        )
    return Voiced(text=text, voiced_by="model", note=note, closed=reply.closed)


def _question_start(text: str) -> int:
    """Where the first sentence that asks begins in ``text`` (its length when none asks)."""
    start = 0
    for match in _SENTENCE_END.finditer(text + " "):
        if "?" in match.group(0):
            return start
        start = match.end()
    return len(text)


def _restore(text: str, check: VoiceCheck) -> tuple[str, list[str]]:
    """What the turn had to take up and ``text`` left out, in the plan's words (the
    candidate's quoted words with the reaction to them, the research that answers), and the
    problems that said so."""
    plan = check.plan
    if plan.move == "close":
        return "", []  # the goodbye is the model's own: nothing is added after it
    missing = [p for p in check.problems(text) if "research fact" in p or "candidate's words" in p]
    added = []
    if any("candidate's words" in p for p in missing):
        added.append(_sentence_with(plan.text, plan.quote))
    if plan.fact and any("research fact" in p for p in missing):
        added.append(plan.fact)
    return " ".join(dict.fromkeys(a for a in added if a)), missing


def _sentence_with(text: str, words: str) -> str:
    """The sentence of ``text`` that holds ``words``, with the one after it unless that one
    asks: the plan's reaction to the candidate ("You said “…”. That worries me a little.")."""
    said = re.split(r"(?<=[.!?”])\s+", text)
    for index, sentence in enumerate(said):
        if words and words.lower() in sentence.lower():  # ("“My last…" opens its line)
            after = said[index + 1] if index + 1 < len(said) else ""
            return " ".join([sentence, *([after] if after and "?" not in after else [])])
    return ""
