"""Which of the intents a question has (``cues/turns.yaml``): "What does the role pay?" asks
about pay, "Who else should I talk to?" for a referral. The phrases name it; when they name
several, the question's first words decide ("What systems does the team run on?" asks for
tools), then the turn model, then the closest examples; an intent the question's words rule out
("What does the £412,000 pay for?" is no question about pay) is never guessed."""

from __future__ import annotations

import re
from typing import cast

from roleplay.core.turn_rules import INTENTS, Intent, TurnRules
from roleplay.interview.assessor import Relevance
from roleplay.interview.turn_model import turn_model

# Under this, a question's closest intent example is still too far: it is "something else".
INTENT_FLOOR = 0.45
# How likely the turn model must hold a question's intent (twelve of them): a guess under it
# is left to the phrases and the examples, since the intent steers where the research is
# searched for an answer.
INTENT_SURE = 0.4
# What a question asks for, in its first words: "what systems does", "which tools".
_HEAD = re.compile(
    r"\b(what|which)( kind of| sort of)? (?!(the|a|an|your|our|is|are|was|were|does|do|did|would"
    r"|will|can|could|should|might|may|must|has|have|had|it|they|you|i|we|'s)\b)\w+( \w+)?",
    re.IGNORECASE,
)

# ... or by the clause its "who" opens: "could you walk me through who I'd be working
# alongside day to day?" asks about the team.
_WHO = re.compile(r"\bwho\b(?: [\w'’]+){1,6}", re.IGNORECASE)
# A question on how much or how many asks for a figure, which only these intents' answers give
# ("how much comes from hire?" is no question about whom to talk to, however close its words).
_FIGURE = re.compile(r"\bhow (much|many)\b", re.IGNORECASE)
_GIVE_FIGURES = ("team", "pay", "process", "work", "other")
# "Can I ask a money question? Not about salary, I promise! How's the charity funded?": what
# the candidate says a question is not about names no intent of it.
_DISCLAIMED = re.compile(
    r"\b(?:not|nothing) (?:about|asking about|to do with|on) (?:the |my |your )?[\w'’-]+",
    re.IGNORECASE,
)


# Whom a guessed "story" question is of: the interviewer ("what was your first year like?");
# "What did it actually take from the service's side?" asks of an event, and "from your side"
# only asks their view.
_OF_THEM = re.compile(r"\byou(r|rs|rself|'ve|'d|'re|'ll)?\b", re.IGNORECASE)
_THEIR_VIEW = re.compile(
    r"\b(from|on) your (side|end|point of view|perspective)\b|\bin your (view|opinion)\b", re.I
)


def _guessed(intent: Intent, turn: str) -> Intent:
    """A guessed intent, kept unless it is a story of no one the turn speaks to ("What
    happened? If you don't mind me asking" asks the interviewer's)."""
    if intent == "story" and not _OF_THEM.search(_THEIR_VIEW.sub(" ", turn)):
        return "other"
    return intent


def names_intent(question: str, rules: TurnRules) -> bool:
    """Whether the phrases of any intent are in ``question``."""
    return any(rules.hits(f"intent:{i}", question) for i in INTENTS)


_TIPS_FOR = re.compile(r"\b(tips|advice|pointers|suggestions)\b (for|on|about)\b", re.IGNORECASE)


def question_intent(
    question: str, relevance: Relevance | None, rules: TurnRules, whole: str = ""
) -> tuple[Intent, str]:
    """The intent of ``question`` (``whole``: the turn it was asked in), and why."""
    # The words after the question count as much as its own ("Is anything going on your
    # team? I'd love to get my foot in the door."): ties go to the more specific intent.
    said = _DISCLAIMED.sub(" ", whole or question)
    hits = {i: rules.hits(f"intent:{i}", said) for i in INTENTS}
    if hits["referral"]:
        # "If you were in my shoes, is there anyone I should talk to?", "anyone you'd suggest I
        # speak to before I put my application in?": whom to talk to is what is asked.
        hits["advice"] = hits["hiring"] = hits["process"] = 0
    if hits["advice"] and _TIPS_FOR.search(question):
        # "Any tips for the take-home?": advice on the step named, not the step.
        hits["process"] = hits["hiring"] = hits["work"] = 0
    best = max(hits.values())
    # Ties go to the intent listed first in the file, the most specific (pay before team).
    named = [i for i in rules.intents if hits[i] == best] if best else []
    # ... or to the one the question asks for by its first words: "What systems does the team
    # run on?" asks for tools, not about the team.
    for head in (_HEAD.search(question), _WHO.search(question)):
        if len(named) > 1 and head:
            heading = [i for i in named if rules.hits(f"intent:{i}", head.group(0))]
            named = heading if len(heading) == 1 else named
    vectors = getattr(relevance, "vectors", None)
    if vectors is not None and len(named) != 1:
        intent, likely = turn_model().intent(question, whole or question, vectors)
        if likely >= INTENT_SURE and not rules.hits(f"unlike:{intent}", question):
            chosen = cast(Intent, intent)
            if chosen in named:
                return chosen, f"names {chosen}, the model's choice of those it names"
            if _guessed(chosen, whole or question) != chosen:
                return "other", f"the turn model reads {chosen}, of no one asked"
            return chosen, f"the turn model reads {chosen} ({likely:.2f})"
    if len(named) == 1:
        return named[0], f"names {named[0]}"
    if relevance is None:
        return (named[0] if named else "other"), "by its words alone"
    candidates = named or [
        i
        for i in INTENTS
        if not rules.hits(f"unlike:{i}", question)
        and (i in _GIVE_FIGURES or not _FIGURE.search(question))
    ]
    topics = [rules.intents[i].examples for i in candidates]
    scores = relevance.scores([question], topics)[0]
    score, intent = max(zip(scores, candidates, strict=True))
    if named:  # the words named it, among others: it is named all the same
        return intent, f"names {intent}, the closest of those it names"
    if score < INTENT_FLOOR:
        return "other", "like no intent's examples"
    if _guessed(intent, whole or question) != intent:
        return "other", f"closest to {intent}'s examples, of no one asked"
    return intent, f"closest to {intent}'s examples"
