"""Reading a candidate's turn: what kind of turn it was, decided with no generative model.

A turn is one of: an ``answer`` to the question just asked, a ``partial`` one (on topic but
thin or half-evasive), a ``dodge`` (it answers something else, or deflects), a ``refusal``, a
``question`` to the interviewer (with its intent: the team, the work, tools, the path into
leadership, advice, who else to talk to, may I follow up, are you hiring, pay, the process, the
interviewer's own story, or something else), ``small_talk``, a ``goodbye``, or ``hostile`` text
(abuse, or instructions meant for the model).

Phrases decide what they can (``cues/turns.yaml``, validated on load). MiniLM decides the rest:
whether an answer speaks to the question asked, and which intent a question has when its words
name none or several. The engine plans its reply on this reading: it answers a question, presses
a dodge, meets a red flag, hears a goodbye.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roleplay.core.cues import read_answer, split_sentences, tidy, vocabulary
from roleplay.core.turn_rules import Intent, Kind, TurnRules, turn_rules
from roleplay.interview.asking import (
    ASKS_LEAVE,
    asking_sentences,
    asks_something,
    closing_question,
)
from roleplay.interview.assessor import Relevance
from roleplay.interview.question_intent import names_intent, question_intent
from roleplay.interview.turn_model import turn_model

# Scaled MiniLM relevance (see relevance.py) under which an answer does not speak to the
# question asked, when it shares no content word with it either (tuned on the 'tune' split).
OFF_TOPIC = 0.12
# How close (scaled MiniLM) a turn must be to an example turn to take its kind: the best on
# the tune split with each turn left out of the examples in turn (0.872; 0.854 at 0.8, 0.840
# at 0.7).
EXAMPLE_FLOOR = 0.9
# A turn this short may be small talk even when it asks ("Did you have a nice weekend?").
SHORT_WORDS = 25
# An answer this long with nothing of the speaker in it talks around the question.
IMPERSONAL_WORDS = 10
_OPINION = re.compile(
    r"\b(i think|i feel|i believe|i'd say|i guess|i suppose|i mean|honestly|to be honest|"
    r"i'?ve (been )?(read|reading|thinking|meaning|seen|heard))\b"
)
_FIRST_PERSON = re.compile(
    r"\b(i|i'm|i've|i'd|i'll|me|my|mine|myself|we|we're|we've|we'd|our|us)\b"
)
# A goodbye is short: a longer turn that thanks the interviewer is still answering.
GOODBYE_WORDS = 45
SHORT_GOODBYE_WORDS = 20  # in a longer turn, the goodbye is its last sentence
_WORD = re.compile(r"[a-z0-9']+")
# What the candidate wants of their work, in their own words: a reason, however unlike the
# question's words.
_OWN_AIM = re.compile(
    r"\bi(?:'m| am) (?:really |mainly |mostly )?(?:looking|hoping|keen|aiming) (?:for|to)\b"
    r"|\bi (?:really )?want (?:to (?:be|work|move|build|grow|learn)|something|a role|more)\b"
    r"|\bi'?d (?:like|love) to (?:be|work|move|build|grow|learn)\b",
    re.IGNORECASE,
)
_DECLINED = re.compile(r"\b(not|never|rather|sooner|nothing)\b|n't\b", re.IGNORECASE)
# A turn that opens with a hello is no goodbye, whatever thanks follow it ("Hi Riley, thanks
# for calling. Yes, now's a good time."), unless it says the farewell itself.
GREETING = re.compile(
    r"^\W*(hi|hello|hey|hiya|good (morning|afternoon|evening)|morning|afternoon)\b", re.I
)
_FAREWELL = re.compile(r"\b(good ?bye|bye|take care|see you|speak soon|talk soon)\b", re.I)
_STOP = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with",
        "about", "from", "by", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this",
        "that", "these", "those", "i", "you", "we", "they", "he", "she", "me", "my", "your", "our",
        "their", "do", "does", "did", "have", "has", "had", "what", "how", "why", "who", "when",
        "where", "which", "would", "could", "can", "will", "should", "may", "might", "tell",
        "more", "any", "some", "there", "here", "just", "really", "very",
    }
)  # fmt: skip


# Cues about the candidate that the interviewer's notes weigh for or against a worry.
_WEIGHED = frozenset(
    {
        "commitment", "exit", "conditional", "job_hopping", "conflict", "collaboration",
        "badmouth", "negative_attitude", "team_interest", "ramp_up", "follow_through",
        "setback_learning", "company_reason", "mass_apply", "job_push", "pay_mismatch",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Reading:
    kind: Kind
    intent: Intent | None = None  # a question's
    question: str = ""  # the sentence that asks, when the turn ends on a question
    on_topic: float | None = None  # how closely an answer speaks to the question (0..1)
    why: str = ""

    @property
    def intent_named(self) -> bool:
        """The question's own words name its intent (not only its closeness to examples)."""
        return self.why.startswith("names ")


# How likely the turn model must hold a kind to overrule the phrases (eight kinds: 0.125 is
# chance); a turn it is torn about keeps the phrases' reading.
MODEL_SURE = 0.4
# Kinds the phrases read well on turns they were never tuned on (held out, precision 0.87 to
# 1.00); the others are the turn model's to call.
# A turn asks with a question mark or a question's first word ("which bits of the stack would
# I be in day to day"); the turn model's question without either ("I'd love to hear how you got
# started") must be surer than this.
_ASKS = re.compile(
    r"\?|(^|[.!;,]\s*|\b(and|so|but)\s+)(what|what's|how|who|whom|which|where|when|why|is|are|"
    r"do|does|did|can|could|would|will|should|may|might|have|has|any)\b",
    re.IGNORECASE,
)
QUESTION_SURE = 0.6
_PHRASES_DECIDE = frozenset({"hostile", "goodbye", "refusal", "question"})


def read_turn(
    text: str, asked: str = "", relevance: Relevance | None = None, rules: TurnRules | None = None
) -> Reading:
    """What kind of turn ``text`` is, after the interviewer said ``asked``. Phrases decide
    hostile text, goodbyes, refusals and questions; the learned turn model (MiniLM vectors of
    the turn and the question, ``turn_model.py``) tells an answer from a partial one, a dodge
    or small talk, and may find a question the phrases missed. Without ``relevance`` (no
    MiniLM) only phrases decide: nothing is called a dodge for being off topic, and an unnamed
    intent is "other"."""
    rules = rules or turn_rules()
    by_phrases = _read_by_phrases(text, asked, relevance, rules)
    vectors = getattr(relevance, "vectors", None)
    clean = tidy(text)
    if (
        by_phrases.kind in _PHRASES_DECIDE
        or relevance is None
        or vectors is None
        or rules.hits("deflection", clean)  # "Can we skip that one?" asks nothing
    ):
        return by_phrases
    kind, likely = turn_model().read(clean, asked, vectors)
    if kind == by_phrases.kind or kind in ("hostile", "goodbye") or likely < MODEL_SURE:
        # Scorn for a former manager sounds hostile to it, and thanks at the end of an answer
        # like a goodbye: only the phrases call a turn hostile, or end the interview on it.
        return by_phrases
    if kind in ("dodge", "refusal", "small_talk") and _says_what_matters(clean):
        # "If a better offer came along I'd probably take it" answers where they see
        # themselves: what the notes weigh is said, however unlike an answer it sounds.
        return by_phrases
    why = f"the turn model reads {kind.replace('_', ' ')} ({likely:.2f})"
    if kind == "question" and likely < QUESTION_SURE and not _ASKS.search(clean):
        return by_phrases  # "Last summer I volunteered on a solar build" asks nothing
    if kind == "question":
        intent, named = question_intent(clean, relevance, rules)
        return Reading("question", intent, clean, why=f"{why}; {named}")
    on_topic = by_phrases.on_topic
    if on_topic is None and kind in ("answer", "partial", "dodge"):
        on_topic = _on_topic(clean, asked, relevance)
    return Reading(kind, on_topic=on_topic, why=why)  # type: ignore[arg-type]


def _read_by_phrases(
    text: str, asked: str, relevance: Relevance | None, rules: TurnRules
) -> Reading:
    clean = tidy(text)
    if not clean:
        return Reading("dodge", why="nothing was said")
    if rules.hits("hostile", clean):
        return Reading("hostile", why="abuse, or instructions meant for the model")
    if rules.hits("deflection", clean):
        return Reading("dodge", why="puts the question off")
    if rules.hits("refusal", clean) and rules.hits("changes_subject", clean):
        # "Why am I leaving? I'd rather not get into that. Anyway, what's the town like?":
        # the question after a refusal is a way out of the one asked.
        return Reading("refusal", why="declines, then changes the subject")
    if rules.hits("refusal", clean) and rules.hits("echoes", clean):
        return Reading("refusal", why="says the question back, then declines")
    question = closing_question(clean, rules)
    short = len(_words(clean)) < SHORT_WORDS
    if question and short and rules.hits("small_talk", clean) and not names_intent(clean, rules):
        return Reading("small_talk", why="a pleasantry")
    told = clean.replace(question, " ") if question else ""
    # ("Would it be okay if I dropped you a message…? Even just to say thanks…" asks leave.)
    weighs = rules.hits("weighs_own", question) and not ASKS_LEAVE.search(question)
    if question and weighs and _TOLD.search(told):
        # "I found 14 streets in Walker more than 800 metres from a stop. Do you think that's
        # worth mentioning?" asks what is made of what it tells: it is heard as an answer.
        on_topic = _on_topic(clean, asked, relevance)
        return Reading("answer", on_topic=on_topic, why="tells, then asks what is made of it")
    if question:
        # Every sentence that asks is the question: "I'd love to hear where you came from.
        # It's been a while, hasn't it?" asks about the first.
        asking = " ".join(asking_sentences(clean, rules))
        intent, why = question_intent(asking, relevance, rules, whole=clean)
        return Reading("question", intent, asking, why=why)
    greets = bool(GREETING.match(clean)) and not _FAREWELL.search(clean)
    if not greets and _says_goodbye(clean, rules):
        return Reading("goodbye", why="thanks and goodbye")
    if (greets or rules.hits("small_talk", clean)) and short:
        return Reading("small_talk", why="a pleasantry")
    if rules.hits("refusal", clean):
        return Reading("refusal", why="declines to answer")
    like = _nearest_kind(clean, relevance, rules)
    tells_or_asks = _says_what_matters(clean) or asks_something(clean, rules)
    if like in ("refusal", "hostile") and tells_or_asks:
        # "My old boss was useless, that's why I left" refuses nothing, and "I'll take any
        # job, I've applied to a hundred places" attacks no one: they tell. Nor does a turn
        # that asks ("What happens after today? …when to stop refreshing my inbox").
        like = ""
    if like == "goodbye" and greets:
        like = "small_talk"
    if like in ("hostile", "goodbye", "small_talk", "refusal"):
        return Reading(like, why=f"reads like the {like.replace('_', ' ')} examples")  # type: ignore[arg-type]
    on_topic = _on_topic(clean, asked, relevance)
    if (
        on_topic is not None
        and on_topic < OFF_TOPIC
        and not _shared_words(clean, asked)
        and not _says_what_matters(clean)
        and not rules.hits("open_questions", asked)
    ):
        return Reading("dodge", on_topic=on_topic, why="speaks to something else")
    if rules.hits("partial", clean) or like == "partial":
        return Reading("partial", on_topic=on_topic, why="on topic, but thin or half-evasive")
    if (
        on_topic is not None
        and _impersonal(clean)
        and not _says_what_matters(clean)
        and not rules.hits("steps", clean)
    ):
        return Reading("dodge", on_topic=on_topic, why="talks in general, not about themselves")
    return Reading("answer", on_topic=on_topic, why="answers the question")


# Something of their own told before the question ("I found 14 streets…").
_TOLD = re.compile(r"\b(I|I'm|I've|I'd|my|me)\b[^?]{25,}")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _impersonal(answer: str) -> bool:
    """A longer answer with nothing of the speaker in it once opinion markers are set aside:
    talk about the field in general, not about what they did or want."""
    words = _words(answer)
    own = _FIRST_PERSON.search(_OPINION.sub(" ", answer.lower()))
    return len(words) >= IMPERSONAL_WORDS and not own


def _says_goodbye(text: str, rules: TurnRules) -> bool:
    """Thanks and goodbye at the end of a short turn: "thank you for your time" at the start of
    a long answer is politeness, not a close."""
    words = len(_words(text))
    ending = text if words <= SHORT_GOODBYE_WORDS else (split_sentences(text) or [text])[-1]
    return words <= GOODBYE_WORDS and bool(rules.hits("goodbye", ending))


def _nearest_kind(text: str, relevance: Relevance | None, rules: TurnRules) -> str:
    """The kind of the example turn closest in meaning, when it is close enough; else ""."""
    if relevance is None:
        return ""
    kinds = [(kind, example) for kind, examples in rules.examples.items() for example in examples]
    scores = relevance.scores([text], [[example] for _kind, example in kinds])[0]
    score, nearest = max(zip(scores, range(len(kinds)), strict=True))
    return kinds[nearest][0] if score >= EXAMPLE_FLOOR else ""


def _on_topic(answer: str, asked: str, relevance: Relevance | None) -> float | None:
    """How closely the answer speaks to the question asked; None when nothing was asked or
    there is no MiniLM to weigh it."""
    if relevance is None or not asked or "?" not in asked:
        return None
    question = asked[asked.rfind(".", 0, asked.rfind("?")) + 1 :].strip() or asked
    return relevance.scores([answer], [[question]])[0][0]


def _says_what_matters(answer: str) -> bool:
    """Does the answer say something the notes weigh (a plan to stay or go, a clash, a team,
    a result)? Such an answer is an answer, however far its words are from the question's: "I'd
    probably move if something better came along" answers "Where do you see yourself?"."""
    # "I want to be closer to the people using what I build": why they apply. ("…not really
    # something I want to get into" and "I'd sooner not say what I'm hoping to earn" decline.)
    if any(
        _OWN_AIM.search(part) and not _DECLINED.search(part) for part in re.split(r"[.;!?]", answer)
    ):
        return True
    for sentence in read_answer(answer, vocab=vocabulary()):
        said = {cue for cue, weight in sentence.cues.items() if weight > 0}
        # A thing they did and what came of it is their work, whatever was asked.
        if said & _WEIGHED or ("action" in said and said & {"result", "number"}):
            return True
    return False


def _shared_words(answer: str, asked: str) -> bool:
    """Does the answer pick up a content word of the question (by its first five letters)?"""
    stems = {w[:5] for w in _words(asked) if w not in _STOP and len(w) > 3}
    return any(w[:5] in stems for w in _words(answer) if w not in _STOP and len(w) > 3)
