"""What the interviewer heard in the candidate's last turn, decided by code before the reply.

The reply is planned on this: the kind of turn (``reading``), what the answer did to each worry
(the evidence assessor's findings, the same the private notes then record), a red flag any
interviewer would notice, the candidate's own specific words to pick up, and for a question the
research sentences that answer it and a person or team to name when they ask who else to talk
to (``answers``). No generative model takes part, so the
weakest model listens as well as the strongest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from roleplay.core.cues import TAG_QUESTION, read_answer, split_sentences, vocabulary
from roleplay.core.session import Source
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answer_types import asks_count
from roleplay.interview.answers import answering
from roleplay.interview.assessor import Finding, Relevance
from roleplay.interview.contacts import contact_in
from roleplay.interview.question_words import BESIDES
from roleplay.interview.reading import Reading
from roleplay.interview.sayable import NUMBER_WORDS, SPECIFIC
from roleplay.interview.tone import scornful

QUOTE_WORDS = 14
# (A figure, not a year: "English Lit, graduated 2023, and I've been working the box office for
# two years" is picked up by what it says of the work.)
_FIGURE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")
# ... or one in words ("for the last eighteen months"), after one in digits.
_WORDED = re.compile(rf"\b(?:{NUMBER_WORDS})[- ][a-z]+s\b", re.IGNORECASE)
# Cues (cues/cues.yaml) no interviewer meets with cheer, whatever it is listening for.
RED_FLAGS = frozenset(
    {"badmouth", "conflict", "negative_attitude", "job_push", "mass_apply", "exit",
     "conditional", "job_hopping", "pay_mismatch", "dishonesty"}
)  # fmt: skip
# Cues about how an answer was said rather than what it said.
_SHAPE = frozenset({"thin", "hedge", "rambling", "buzzword"})
# A capitalised word after the first of a sentence: a name, product or place.
_NAMED = re.compile(r"(?<=[a-z,] )[A-Z][a-zA-Z]+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(
    r"<[^>]*>?|\b(?:https?|ftp|data|javascript|file)://\S+|\bwww\.\S+|//\S+|[<>\[\]{}()*_`#|~\\]"
)
# Not the comma inside a figure ("48,000 bookers"), nor the colon of a grade ("a 2:1"), nor the
# "and" of "two and a half years".
_CLAUSE = re.compile(
    r"\s*(?:;|(?<!\d):(?!\d)|[–—]|,(?!\d{3}\b))\s*|\s+-\s+"
    r"|\s+(?:and(?! a half)|but|so|because|which|while)\s+"
)


@dataclass(frozen=True)
class Heard:
    """One candidate turn as the interviewer took it."""

    reading: Reading
    findings: tuple[Finding, ...] = ()
    # The candidate's own words worth picking up (a figure, a project, a name), as said.
    quote: str = ""
    # Research sentences that answer the candidate's question, said as written.
    answer: tuple[str, ...] = ()
    # A person (with their title) or team from the research, for "who else should I talk to?".
    contact: str = ""
    # The candidate's sentence that would worry any interviewer (speaking badly of others, a
    # plan to leave, any job will do), whether or not this persona keeps a worry for it.
    flagged: str = ""
    # What the interviewer says of themselves, from their profile in the research, when the
    # question asks about them (``played``).
    own: str = ""
    why: list[str] = field(default_factory=list)

    @property
    def confirmed(self) -> list[Finding]:
        """Worries the turn confirmed, what it said before how it said it first ("my last
        manager was an idiot" is about reputation before it is a short answer)."""
        return _ranked(f for f in self.findings if f.verdict == "confirms")

    @property
    def concerning(self) -> list[Finding]:
        """Confirmed worries that rest on what was said, not only on how (a short or hedged
        answer is vague, and gets a follow-up, not concern)."""
        return [f for f in self.confirmed if not _shape_only(f)]

    @property
    def eased(self) -> list[Finding]:
        return _ranked(f for f in self.findings if f.verdict == "eases")

    @property
    def red_flag(self) -> bool:
        """Nothing cheerful may follow this turn."""
        return bool(self.concerning or self.flagged) or self.reading.kind in ("hostile", "refusal")


def _shape_only(finding: Finding) -> bool:
    cues = {part.split(":")[0].strip() for part in finding.why.split(";")}
    return cues <= _SHAPE


def _ranked(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_shape_only(f), -f.confidence))


def hear(
    text: str,
    reading: Reading,
    findings: Sequence[Finding] = (),
    *,
    sources: Sequence[Source] = (),
    relevance: Relevance | None = None,
    names: Sequence[str] = (),
    about: str = "",
    own: str = "",
) -> Heard:
    """What the reply to ``text`` must take up. ``sources`` are the research passages the
    interview has been given (this turn's first); ``names`` the setting's own names (the
    company, the candidate, the interviewer), never offered as a contact; ``about`` the role
    applied for, which picks the contact closest to it."""
    findings = tuple(findings)
    if reading.kind == "question" and TAG_QUESTION.search(reading.question) and _flagged(text):
        # "I'd just skive the Saturday sessions. Nobody checks attendance anyway, right?" asks
        # nothing: the tag wants agreement with a red flag, which is met as the answer it is.
        why = f"{reading.why}; but only a tag after a red flag: an answer"
        reading = replace(reading, kind="answer", intent=None, question="", why=why)
    if reading.kind == "question":
        question = reading.question or text
        # What a kind of question is usually about helps find its answer; a sentence sharing
        # only those words must still be close to the question as asked (answers.answering).
        hint = turn_rules().search(reading.intent, question)
        # ("How many docking stations do you have?" counts, whatever it sounds like.)
        tools = reading.intent == "tools" and (reading.intent_named or not asks_count(question))
        answer = answering(
            question,
            sources,
            relevance,
            [*names, about],
            hint=hint,
            tools=tools,
            guessed=not reading.intent_named,
            context=text.replace(question, " "),
        )
        # (Who is asked for matters: "someone in planning you'd point me towards?")
        wanted = f"{about} {question}"
        # ("Apart from you and Rhiannon, is there anyone else…?": not Rhiannon.)
        besides = BESIDES.search(question)
        left_out = besides.group(0).split() if besides else []
        referral = reading.intent == "referral"
        contact = contact_in(sources, [*names, *left_out], wanted) if referral else ""
        # "I'm only here until something better comes up. What's the pay?": what they said
        # besides the question is heard too.
        flagged = _flagged(text.replace(question, " "))
        return Heard(reading, findings, answer=answer, contact=contact, own=own, flagged=flagged)
    if reading.kind not in ("answer", "partial", "dodge"):
        return Heard(reading, findings)  # a refusal says nothing to repeat back
    # The sentence an answer moved a worry with is worth repeating when it moved it by what it
    # said (not by being short or hedged); a dodge is repeated back only for its specifics.
    moved = [f for f in findings if f.verdict != "unchanged" and not _shape_only(f)]
    flagged = _flagged(text)
    if reading.kind == "dodge" and flagged and not turn_rules().hits("deflection", text):
        # "I find it hard to work with people who don't agree with me" skips the story asked
        # for, but tells the interviewer what it needed to know: it is met with concern, as
        # the answer it is, not asked for again. ("Let's skip that one" puts it off, whatever
        # its words sound like.)
        reading = replace(reading, kind="answer", why=f"{reading.why}; but it tells: an answer")
    if reading.kind == "dodge":
        # Repeated back only for what was said instead ("I can start in six weeks"), never for
        # the words it dodged with ("let's just say second year wasn't my finest hour").
        rules = turn_rules()
        instead = " ".join(
            s.text
            for s in read_answer(text, vocab=vocabulary())
            if "hedge" not in s.cues and not rules.hits("deflection", s.text)
        )
        return Heard(reading, findings, quote=pick_up(instead) if instead else "", flagged=flagged)
    strongest = max(moved, key=lambda f: f.confidence).sentence if moved else ""
    return Heard(reading, findings, quote=pick_up(text, prefer=strongest), flagged=flagged)


def _flagged(text: str) -> str:
    """The sentence of ``text`` any interviewer would worry at, or ""."""
    return next(
        (
            sentence.text
            for sentence in read_answer(text, vocab=vocabulary())
            if scornful(sentence.text)
            or any(weight > 0 and cue in RED_FLAGS for cue, weight in sentence.cues.items())
        ),
        "",
    )


# -- the candidate's words -------------------------------------------------------------------


def _clause_with(sentence: str, pattern: _Finds) -> str:
    """The clause of ``sentence`` holding a match of ``pattern``, widened to three words, and
    narrowed to the words before the match when too long to quote whole ("…I cleaned up a
    tenant database of about 14,000 records" keeps its figure)."""
    pieces = [p for p in _CLAUSE.split(sentence) if p and p.strip()]
    # ("…it was sitting at about 1,900 followers, and over ten months I got it to 6,400": where
    # a figure came to is the point, not where it started.)
    came_to = [i for i, p in enumerate(pieces) if pattern.search(p) and _CAME_TO.search(p)]
    for index, piece in enumerate(pieces):
        if came_to and index < came_to[0]:
            continue
        if match := pattern.search(piece):
            while len(piece.split()) < 3 and index > 0:
                index -= 1
                piece = f"{pieces[index]} {piece}"
                match = pattern.search(piece)
            words = piece.split()
            at = len(piece[: match.start()].split()) if match else 0
            if len(words) > QUOTE_WORDS and at > QUOTE_WORDS - 4:
                start = at - 7
                while start < at and words[start].lower() in _UNFINISHED:
                    start += 1
                piece = " ".join(words[start:])
            return piece
    return sentence


_CAME_TO = re.compile(
    r"\b(?:got|grew|brought|took|pushed|raised|cut|dropped|fell|rose|went) (?:\w+ )?(?:up |down )?"
    r"(?:to|by) (?:about |around |nearly |almost |over |just under |just over )?\d"
)


def _trim(words: str) -> str:
    # Only the candidate's words are repeated: no link, image, tag or address they typed.
    said = _LINK.sub(r"\1", words)
    said = _MARKUP.sub(" ", said)
    said = " ".join(said.split()).strip().rstrip(".!?,;:")
    said = said.replace("?", "").replace("“", "").replace("”", "").replace('"', "")
    # "and over eighteen months it cut…": the quote starts where their point does.
    parts = _JOINED.sub("", said).split()
    if len(parts) > QUOTE_WORDS:
        parts = parts[:QUOTE_WORDS]
        # End on a word that finishes the thought, not on "the", "and" or "a bit".
        while parts and parts[-1].lower().strip(",") in _UNFINISHED:
            parts.pop()
    return " ".join(parts).rstrip(",;")


_JOINED = re.compile(r"^(and|but|so|then|and then)\s+(?=\S+\s+\S+\s+\S)", re.IGNORECASE)
_UNFINISHED = frozenset(
    ["the", "a", "an", "and", "or", "to", "of", "in", "is", "was", "are", "be", "my", "our",
     "for", "with", "at", "on", "by", "bit", "lot", "very", "really", "quite", "but", "so"]
)  # fmt: skip


def _quotable(quote: str) -> str:
    return quote if len(quote.split()) >= 3 else ""


class _Finds(Protocol):
    def search(self, text: str, /) -> re.Match[str] | None: ...


class _SpecificBeyondYears:
    """``SPECIFIC``'s first match that is no year ("2022" says less than "glamping pods")."""

    @staticmethod
    def search(text: str) -> re.Match[str] | None:
        return next((m for m in SPECIFIC.finditer(text) if not _in_year(text, m)), None)


def _in_year(text: str, match: re.Match[str]) -> bool:
    return any(y.start() <= match.start() < y.end() for y in _YEAR.finditer(text))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOT_A_YEAR = _SpecificBeyondYears()


def pick_up(text: str, *, prefer: str = "") -> str:
    """The candidate's own specific words worth repeating back ("cut false alarms by a third"),
    or "" when the turn holds nothing specific. ``prefer`` is the sentence the notes moved on."""
    said = split_sentences(text) or [text]
    telling = [s for s in said if not s.rstrip().endswith("?")]
    # The sentence the notes moved on first; then a figure, in whichever sentence ("about
    # 4,000 future bookings" over "at Packwood I became the systems person"), and a year
    # only when nothing else is specific ("at Aston" over "finished in 2022").
    groups = [[prefer], [s for s in telling if s != prefer]] if prefer in telling else [telling]
    for group in groups:
        for pattern in (_FIGURE, _WORDED, _NOT_A_YEAR, _NAMED, SPECIFIC):
            for sentence in group:
                if pattern.search(sentence):
                    whole = sentence if len(sentence.split()) <= QUOTE_WORDS else ""
                    return _quotable(_trim(whole or _clause_with(sentence, pattern)))
    if prefer:
        chosen = prefer if len(prefer.split()) <= QUOTE_WORDS else _first_clause(prefer)
        return _quotable(_trim(chosen))
    return ""


def concern_quote(sentence: str) -> str:
    """The words of ``sentence`` that worried the interviewer, to quote back: the clause
    holding a red flag ("I'll go with whoever pays most", not "I've got two other
    interviews"), or ``pick_up``'s choice when no one clause holds it."""
    for clause in _CLAUSE.split(sentence):
        if clause and len(clause.split()) >= 3 and _flagged(clause):
            return _quotable(_trim(clause))
    return pick_up(sentence, prefer=sentence)


def _first_clause(sentence: str) -> str:
    pieces = [p for p in _CLAUSE.split(sentence) if p and len(p.split()) >= 3]
    return pieces[0] if pieces else sentence
