"""The parts of a turn that show the interviewer heard the last one.

Decided by code from ``Heard``, said in the persona's own lines (``ListeningLines``):

- a question is answered: a research sentence that answers it, an authored line for an everyday
  question (a referral names a person or team from the research when there is one), or an
  honest "I don't know" in the persona's voice; never a fact on another subject;
- an answer gets a reaction that follows what the evidence did: concern quoting the candidate's
  words for a confirmed worry, warmth reusing them for an eased one, the specific detail picked
  up otherwise, and nothing cheerful after a red flag;
- a dodged or refused question is asked once more, in the persona's way, then let go.
"""

from __future__ import annotations

import re
from typing import Any

from roleplay.core.session import Reaction, TurnPlan
from roleplay.interview.addressee import addressed
from roleplay.interview.hearing import concern_quote
from roleplay.interview.openings import OPENINGS, pushes_for_a_job
from roleplay.interview.plan_context import TurnContext
from roleplay.interview.reading import GREETING

# Intents whose authored answer comes before any research: what the candidate wants here is
# the interviewer's own yes, redirect or pointer, not a fact about the company. (Pay is asked
# about benefits as often as salary, and research may hold the benefits.)
_AUTHORED_FIRST = ("referral", "follow_up", "hiring")


# A line's opening praise of the question asked ("Good question.", "Great question!").
_PRAISED_QUESTION = re.compile(
    r"^(?:that's an? |what an? )?(?:good|great|fair|excellent|interesting|lovely|nice)"
    r" question\b[.!,;:]?\s*",
    re.IGNORECASE,
)
# The interviewer's own time at the company or in the field ("your first year", "when you
# joined", "how did you end up here").
_THEIR_OWN_TIME = re.compile(
    r"\byour (first|early) (days?|weeks?|months?|years?|job|role)\b"
    r"|\bwhen you (first )?(joined|started|began|arrived)\b"
    r"|\byou (got|ended up|came|fell) (here|into|in)\b",
    re.IGNORECASE,
)
# Thanks, which a hello may come with ("Hi Riley, thanks for calling.").
_THANKS = re.compile(r"\bthank|\bappreciate", re.I)
_MONEY = re.compile(r"[£$€]\s?\d")
_SALARY = re.compile(
    r"\b(salary|salaries|range|band|earn\w*|compensation|wages?|the pay|pay for this"
    r"|money(?! (set aside )?(for|towards) (courses|training|qualifications|study))"
    r"|(does|would|will) (it|the role|the job|this role|this job) pay|how much (does|would|will)"
    r" (it|the role|the job|this role|i))\b",
    re.IGNORECASE,
)
_GETTING_IN_TOUCH = re.compile(
    r"\b(e-?mail\w*|messag\w*|write|wrote|contact\w*|touch|call|ring|ping|reach\w*|connect\w*"
    r"|linkedin|text|dm|follow\w*|update|again|later|after\w*|back|send|sent|forward)\b",
    re.IGNORECASE,
)
# Intents asked of the interviewer as a person ("your story", "what would you advise").
_PERSONAL = ("story", "path", "advice")


def plan(move: str, parts: list[str], question: str = "", **fields: Any) -> TurnPlan:
    text = " ".join(p.strip() for p in [*parts, question] if p and p.strip())
    return TurnPlan(move=move, text=text, question=question, **fields)


def heard_label(turn: TurnContext) -> str:
    if turn.heard is None:
        return ""
    reading = turn.heard.reading
    return f"question: {reading.intent}" if reading.kind == "question" else reading.kind


def answer_parts(turn: TurnContext) -> tuple[list[str], str | None, Reaction]:
    """The answer to the candidate's question: its parts, the research said (or None), and
    how it was answered."""
    parts, fact, how = _answer_parts(turn)
    asked = turn.heard.reading.question if turn.heard else ""
    if parts and "?" not in asked:
        # "I'm curious about product analytics in health" asks without a question: "Great
        # question" would answer words the candidate never said.
        parts = [_unpraised(parts[0]), *parts[1:]]
    return parts, fact, how


def _unpraised(line: str) -> str:
    rest = _PRAISED_QUESTION.sub("", line, count=1)
    return rest[:1].upper() + rest[1:] if rest else line


def _answer_parts(turn: TurnContext) -> tuple[list[str], str | None, Reaction]:
    heard = turn.heard
    intent = (heard.reading.intent if heard else None) or "other"
    authored = turn.listening.intents.get(intent, [])
    if intent == "referral":
        naming = [line for line in authored if "{contact}" in line]
        # A referral guessed from its likeness ("If I get through to the panel, who would be
        # on it?") is answered from the research when the research answers it.
        guessed = heard is not None and not heard.reading.intent_named and heard.answer
        if heard and heard.contact and naming and not guessed:
            return [turn.fill(turn.pick(naming), contact=heard.contact)], None, "authored"
        authored = [line for line in authored if "{contact}" not in line]
    # "How did you get started?" asks for the interviewer's own story; "how did the company
    # get started?" for the research's.
    personal = intent in _PERSONAL and addressed(heard.reading.question if heard else "")
    # An authored reply needs the question's own words to ask for it: "Is there a canteen?"
    # is no question about openings, however close it sits to "Is there a job?", and "do you
    # know if the company sponsors visas?" none about the interviewer's story. A request to
    # follow up is plain enough from its likeness to the examples when it speaks of getting in
    # touch ("Would you mind if I messaged you again?"); "is it always this busy in here?" is
    # no such request, however it sits among them.
    question = heard.reading.question if heard else ""
    asks_contact = intent == "follow_up" and bool(_GETTING_IN_TOUCH.search(question))
    # ("What was your first year at Larkspur like?", its kind found by its likeness: the
    # interviewer's own story, whatever the research says of the company.)
    about_them = personal and bool(_THEIR_OWN_TIME.search(question))
    named = heard is not None and (heard.reading.intent_named or asks_contact or about_them)
    # Asked about themselves, they say what their profile in the research says of them.
    if heard and heard.own:
        return [turn.fill(turn.pick(turn.lines.fact_answers), heard.own)], heard.own, "research"
    # "Is your team taking anyone else on?" is answered by what the research says is open
    # ("Next intake is September 2025…"), when it says so; otherwise, and always after a push
    # for a job ("Are you hiring?"), by the persona's own pointer.
    open_now = (
        intent == "hiring"
        and heard is not None
        and bool(heard.answer)
        and not pushes_for_a_job(heard.reading.question)
        and bool(OPENINGS.search(heard.answer[0]))
    )
    if authored and named and (intent in _AUTHORED_FIRST or personal) and not open_now:
        return [turn.fill(turn.pick(authored))], None, "authored"
    # The best answer, even when said before: asked again, it is still the answer.
    if heard and heard.answer:
        fact = heard.answer[0]
        return [turn.fill(turn.pick(turn.lines.fact_answers), fact)], fact, "research"
    # (The persona's line on pay is about the salary: "is there enhanced maternity pay?" that
    # the research does not answer is not known, not a range shared later.)
    # ("Is there any wiggle room on the money?" after "Salary is £31,200 to £33,900": the range
    # they told is not one to share later.)
    told = any(_MONEY.search(fact) for fact in turn.facts_used)
    salary = intent != "pay" or (
        bool(_SALARY.search(heard.reading.question if heard else "")) and not told
    )
    if authored and named and intent not in _PERSONAL and salary:
        return [turn.fill(turn.pick(authored))], None, "authored"
    return [turn.fill(turn.pick(turn.listening.dont_know))], None, "dont_know"


def reaction(turn: TurnContext) -> tuple[list[str], Reaction, str]:
    """What the turn says first about the candidate's answer: its parts, the reaction, and the
    candidate's words it quotes."""
    heard, lines = turn.heard, turn.listening
    if heard is None:
        return [turn.acknowledgement()], "", ""
    kind = heard.reading.kind
    if kind == "hostile":
        return [turn.fill(turn.pick(lines.hostile))], "hostile", ""
    if kind == "small_talk":
        return [_pleasantry(turn)], "small_talk", ""
    if kind in ("dodge", "refusal"):
        # Asked again once already: let it go, keeping anything specific they did say.
        if heard.quote:
            line = turn.fill(turn.pick(lines.picked_up), quote=heard.quote)
            return [line], "picked_up", heard.quote
        return [turn.acknowledgement()], "", ""
    if heard.concerning or heard.flagged:
        said = heard.concerning[0].sentence if heard.concerning else heard.flagged
        quote = concern_quote(said)
        return [turn.fill(turn.pick(lines.confirmed), quote=quote)], "confirmed", quote
    if heard.quote and heard.eased:
        return [turn.fill(turn.pick(lines.eased), quote=heard.quote)], "eased", heard.quote
    if heard.quote:
        return [turn.fill(turn.pick(lines.picked_up), quote=heard.quote)], "picked_up", heard.quote
    return [turn.acknowledgement()], "", ""


def _pleasantry(turn: TurnContext) -> str:
    """The answer to small talk. "Thanks for taking the time" asked nothing: "Pretty good,
    thanks!" would answer a "how are you?" never said."""
    said = turn.answer
    welcome = "?" not in said and (GREETING.match(said) or _THANKS.search(said))
    lines = turn.listening.welcomed if welcome else turn.listening.small_talk
    return turn.fill(turn.pick(lines))


def come_back(turn: TurnContext) -> TurnPlan | None:
    """The question the candidate dodged or refused, asked once more; None when the turn was
    no dodge, or this question has had its second chance."""
    heard, previous = turn.heard, turn.previous
    if heard is None or heard.reading.kind not in ("dodge", "refusal", "small_talk"):
        return None
    if previous is None or not previous.question or previous.move == "come_back":
        return None
    lines = turn.listening
    lead, reacted, quote = [], "", ""
    if heard.reading.kind == "small_talk":
        lead, reacted = [_pleasantry(turn)], "small_talk"
    else:
        if heard.quote:  # what they said instead is heard too ("six weeks' notice", noted)
            quote, reacted = heard.quote, "picked_up"
            lead = [turn.fill(turn.pick(lines.picked_up), quote=quote)]
        lead.append(turn.fill(turn.pick(lines.come_back)))
    return plan(
        "come_back",
        lead,
        previous.question,
        worry=previous.worry,
        why=f"{heard.reading.kind}: {heard.reading.why}",
        heard=heard_label(turn),
        reaction=reacted,
        quote=quote,
    )
