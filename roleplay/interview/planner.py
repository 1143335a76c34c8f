"""The turn planner: what the interviewer does next, decided without a model.

Each interviewer turn gets a move (opening, follow-up on a vague answer, a dodged question asked
again, next question aimed at the most pressing worry, a question built on one research fact,
an answer to the candidate's question, an invitation to ask, the close), the exact question, and
at most one fact, and first shows it heard the last turn (``listening``). The text is assembled
from the persona's own authored lines, so the plan alone is a complete turn; a model may only
rephrase it (see ``voicing``). Choices among equally good lines are
seeded by the session and turn, so two interviews read differently and a rerun reads the same.
"""

from __future__ import annotations

import re
from typing import Any

from roleplay.core.personas import Persona
from roleplay.core.session import EndReason, Session, Source, Stage, TurnPlan
from roleplay.interview.facts import pick_fact, verb_first
from roleplay.interview.hearing import Heard
from roleplay.interview.listening import answer_parts, come_back, heard_label, plan, reaction
from roleplay.interview.plan_context import TurnContext, asks_question, key, split_question
from roleplay.interview.plan_context import vagueness as vagueness
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.tone import calmed, pleased

MAX_FACT_QUESTIONS = 2
# A fact question that asks for help with what the fact says, and what such help is for: a
# problem, a plan or an aim the fact names.
_PRESUMES_A_PROBLEM = re.compile(
    r"\b(help|helping|start|starting|approach|tackle|solve|fix) (with )?(that|it|this)\b", re.I
)
_A_PROBLEM = re.compile(
    r"\b(challeng|problem|struggl|backlog|fatigue|too many|too few|risk|issue|difficult|hard"
    r"|pressure|shortage|gap|plan|aim|goal|target|will|launch|grow|expand|reduc|improv|need)\w*",
    re.I,
)


def plan_turn(
    persona: Persona,
    session: Session,
    stage: Stage,
    sources: list[Source],
    end_reason: EndReason | None = None,
    *,
    seed: str = "",
    heard: Heard | None = None,
) -> TurnPlan:
    """Decide the next interviewer turn: its move, its question, and at most one fact.

    ``heard`` is what the engine made of the candidate's last turn (``hearing.hear``); without
    it the turn is read by its words alone. Choices among equally good lines follow ``seed``
    (the session id when empty), so a seeded run reads the same every time.
    """
    turn = TurnContext(persona, session, sources, seed, heard)
    if stage == "opening":
        return _opening(turn)
    if stage == "close":
        return _close(turn, end_reason)
    if stage == "candidate_questions":
        return _invite(turn)
    return _questions(turn)


def _opening(turn: TurnContext) -> TurnPlan:
    practice = turn.session.practice
    if practice is not None:
        # Practising one question again: straight to it, as it was asked.
        lead = f"Let's take that question again, {turn.session.setting.candidate}."
        return plan(
            "opening", [lead], practice.question, worry=practice.worry, why="practising again"
        )
    greeting = turn.fill(turn.rng.choice(turn.persona.opening_lines))
    if asks_question(greeting):
        lead, question = split_question(greeting.strip())
        return plan("opening", [lead], question, why="the greeting asks the first question")
    if turn.persona.mode == "formal":
        first = turn.lines.questions[0]
        return plan("opening", [greeting], turn.fill(first.ask), worry=first.tests)
    # They asked for the meeting: hand them the lead.
    return plan("opening", [greeting], "Where would you like to start?")


def _asked(turn: TurnContext) -> bool:
    if turn.heard is not None:
        return turn.heard.reading.kind == "question"
    return asks_question(turn.answer)


def _lead(turn: TurnContext) -> tuple[list[str], dict[str, Any]]:
    """The turn's first words about the candidate's last turn, and what they record."""
    if _asked(turn):
        parts, fact, how = answer_parts(turn)
        fields = {"fact": fact, "reaction": how, "heard": heard_label(turn)}
        heard = turn.heard
        if heard is not None and heard.flagged:
            # "I'd leave the minute something better came up. What's the pay?": the concern
            # comes first, and the answer after it is said without cheer.
            concern, _, quote = reaction(turn)
            return [*concern, *(calmed(part) for part in parts)], {**fields, "quote": quote}
        return parts, fields
    parts, how, quote = reaction(turn)
    return parts, {"reaction": how, "quote": quote, "heard": heard_label(turn)}


def _close(turn: TurnContext, end_reason: EndReason | None) -> TurnPlan:
    lines = turn.persona.closing_lines
    if turn.heard is not None and turn.heard.red_flag:
        # Nothing pleased after a red flag: a goodbye with no "this was nice" in it, if any.
        lines = [line for line in lines if not pleased(line)] or lines
    closing = turn.fill(turn.rng.choice(lines))
    if turn.heard is not None and turn.heard.red_flag:
        closing = calmed(closing)
    if end_reason == "candidate_closed" or not turn.answer:
        return plan("close", [closing], why=end_reason or "nothing left to ask")
    parts, fields = _lead(turn)
    why = "answered, then closed" if _asked(turn) else end_reason or "nothing left to ask"
    return plan("close", [*parts, closing], why=why, **fields)


def _invite(turn: TurnContext) -> TurnPlan:
    invitation = turn.unasked(turn.lines.invitations)
    if invitation is None:
        return _close(turn, None).model_copy(update={"why": "every invitation used"})
    parts, fields = _lead(turn)
    return plan("invite_questions", parts, turn.fill(invitation), **fields)


def _follow_up(turn: TurnContext, lead: list[str], reason: str, **fields: Any) -> TurnPlan | None:
    previous = turn.previous
    if (
        previous is None
        or previous.worry is None
        or previous.move not in ("opening", "next_question", "answer")
    ):
        # One follow-up per question, and only on a question that tested something.
        return None
    probe = turn.probe(previous.worry)
    if probe is None:
        return None
    return plan(
        "follow_up", lead, turn.fill(probe), worry=previous.worry, why=f"vague: {reason}", **fields
    )


def _pressed(turn: TurnContext, lead: list[str], fields: dict[str, Any]) -> TurnPlan | None:
    """A probe on the worry the answer just confirmed, after the concern it showed."""
    assert turn.heard is not None
    worry = turn.heard.concerning[0].worry
    probe = turn.probe(worry)
    if probe is None:
        return None
    return plan("follow_up", lead, turn.fill(probe), worry=worry, why="confirmed", **fields)


def _fact_question(turn: TurnContext, lead: list[str], fields: dict[str, Any]) -> TurnPlan | None:
    used = sum(p.move == "fact_question" for p in turn.plans)
    if used >= MAX_FACT_QUESTIONS or (turn.previous and turn.previous.move == "fact_question"):
        return None
    # Said unasked, a fact must stand as an answer would: a sentence with its subject and
    # verb ("Experience building dashboards…", notes in shorthand and a profile's "Wrote and
    # designed…" are not).
    fact = pick_fact(
        turn.sources,
        turn.facts_used,
        accept=lambda s: answer_sentence(s) == s and not verb_first(s),
    )
    if fact is None:
        return None
    # "How would someone in this role help with that?" asks for help with a problem: after
    # "The company is remote-first…" it asks nonsense.
    fits = [
        p
        for p in turn.lines.fact_questions
        if not _PRESUMES_A_PROBLEM.search(p) or _A_PROBLEM.search(fact.sentence)
    ]
    unused = [
        p for p in fits if key(split_question(turn.fill(p, fact.sentence))[1]) not in turn.asked
    ]
    if not unused:
        return None
    intro, question = split_question(turn.fill(unused[0], fact.sentence))
    return plan("fact_question", [*lead, intro], question, **{**fields, "fact": fact.sentence})


def _next_question(turn: TurnContext, lead: list[str], fields: dict[str, Any]) -> TurnPlan:
    question = turn.next_question()
    if question is None:
        # Out of questions: the candidate's turn to ask before anyone says goodbye (a manager
        # who closes on a candidate still asking questions has stopped listening).
        invitation = turn.unasked(turn.lines.invitations)
        if invitation is None and (_asked(turn) or fields.get("reaction") == "confirmed"):
            # Still asking: nobody says goodbye to a question, nor right after saying what
            # worried them ("…so let me ask a bit more."). Invite the next one again, in other
            # words than last time; the turn and time limits end the interview.
            last = turn.previous.question if turn.previous else ""
            others = [line for line in turn.lines.invitations if turn.fill(line) != last]
            invitation = turn.pick(others) if others else None
        if invitation:
            informal = turn.persona.mode == "informational"
            move = "answer" if informal else "invite_questions"
            return plan(move, lead, turn.fill(invitation), **fields)
        return _close(turn, None).model_copy(update={"why": "every planned question asked"})
    # A talkative persona lets its tells show more often, but never as cheer after a red flag.
    chance = 0.2 + 0.5 * turn.persona.temperament.talkativeness
    calm = turn.heard is None or not turn.heard.red_flag
    aside = turn.fresh(turn.lines.asides) if calm and turn.rng.random() < chance else None
    parts = [*lead, turn.fill(aside) if aside else ""]
    move = "answer" if _asked(turn) else "next_question"
    return plan(move, parts, turn.fill(question.ask), worry=question.tests, **fields)


def _questions(turn: TurnContext) -> TurnPlan:
    lead, fields = _lead(turn)
    if _asked(turn):
        return _next_question(turn, lead, fields)
    again = come_back(turn)
    if again:
        return again
    if fields["reaction"] == "confirmed" and turn.heard and turn.heard.concerning:
        pressed = _pressed(turn, lead, fields)
        if pressed:
            return pressed
    heard = turn.heard
    partial = heard is not None and heard.reading.kind == "partial"
    reason = "partial" if partial else vagueness(turn.answer)
    if reason and fields["reaction"] in ("", "picked_up"):
        nudge = turn.pick(turn.lines.nudges)
        followed = _follow_up(
            turn, [*lead, nudge] if fields["reaction"] else [nudge], reason, **fields
        )
        if followed:
            return followed
    # The informational interview builds on the research often; the formal one every third
    # turn, once it has found its feet.
    # (Never straight after a red flag: a volunteered fact would say nothing was heard.)
    building = turn.persona.mode == "informational" or len(turn.plans) % 3 == 2
    if building and not (heard is not None and heard.red_flag):
        built = _fact_question(turn, lead, fields)
        if built:
            return built
    return _next_question(turn, lead, fields)
