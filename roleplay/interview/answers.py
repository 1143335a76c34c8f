"""Research that answers a candidate's question.

A question is answered with the research sentence that answers it: sentences, not passages, are
weighed against the question (MiniLM closeness, with the words of the question a sentence shares
counting too), and only one that can be said aloud on its own is taken (no list markers,
headings, Markdown or words to the reader; a subject, a verb and something particular). When
none is close enough, there is no answer, and the interviewer says it does not know.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.admission import SHARED_WORD
from roleplay.interview.assessor import Relevance
from roleplay.interview.candidates import candidates
from roleplay.interview.own_finders import own_answer
from roleplay.interview.question_words import (
    BESIDES,
    MEMBERS,
    POINTS_BACK,
    asks_to_be_told_it,
    content_stems,
    said_otherwise,
    uncalled,
)
from roleplay.interview.recent_work import RECENT, WANTS_RECENT
from roleplay.interview.reporting import asks_reporting, reporting_line
from roleplay.interview.standalone import people_in
from roleplay.interview.terms_rows import ROW_LABEL

_LAST_ASKING = re.compile(
    r"^(.*[.!])\s+((?:How|What|Who|When|Where|Which|Why|Is|Are|Do|Does|Did|Can|Could|Would"
    r"|Will|Has|Have)\b[^.!?]*\?)\s*$",
    re.DOTALL,
)
# "What does the data setup look like? I'm used to SQL Server and Power BI.": the question,
# then what the candidate says around it.
_ASKED_FIRST = re.compile(r"^([^?]+\?)\s+([^?]+)$")
_ASKING_WORD = (
    r"\b(?:what|what's|how|who|who's|when|where|which|why|is|are|do|does|did|can|could|would|will"
    r"|has|have)\b"
)
# "Just so neither of us wastes our time, what's the salary range?": a clause set before the
# question, said by the candidate about themselves or the moment, is no part of what is asked
# (nor several: "On the technical side, I've mostly used Tableau, so I'm curious - what does
# your stack look like?").
# ("The exercise, how long should it take?" names its subject first: that stays.)
_LEAD_CLAUSE = re.compile(
    rf"^(?!\W*{_ASKING_WORD})([^?]{{6,}}?)(?:,|\s[—–-])\s+((?:roughly |just |and |but |so )?"
    rf"{_ASKING_WORD}[^?]*\?)$",
    re.IGNORECASE,
)
# ... unless what is asked points back into it: "If I get through to the panel, who would be on
# it?", "clothes ending up in Ghana, how much still goes over there?"
# "What's the pension like, is it a final salary one or just the basic workplace thing?": the
# either-or after the comma guesses at the answer; what is asked is before it.
_GUESSES_AFTER = re.compile(
    r"^([^,?]{8,}),\s+((?:is|are|does|do|was) (?:it|they|that|there)\b[^?]*\bor\b[^?]*\?)$",
    re.IGNORECASE,
)
# ("Where does it end up? Is it mostly for your own team, or does it go further up?": the same,
# as a question of its own.)
_GUESSES_NEXT = re.compile(
    r"^((?:how|what|what's|who|where|which|when|why)\b[^?]{8,}\?|[^?]{3,60},\s*"
    r"(?:how|what|what's|who|where|which|why)\b[^?]{8,}\?)\s+"
    r"((?:is|are|does|do|was) (?:it|they|that|there)\b[^?]*\bor\b[^?]*\?)$",
    re.IGNORECASE,
)
# "…to running the whole operation - it sounded like quite a climb.": a remark after a dash on
# what was asked is no part of it.
_REMARK_AFTER = re.compile(
    r"\s[-–—]\s((?:it|that|this) (?:sounded|sounds|seemed|seems|looked|looks|must have been)"
    r"\b[^?]*)\??$",
    re.IGNORECASE,
)
# "…so I was wondering what the team uses for its reporting.": a question asked about, not
# with a question mark; what is asked starts at its question word.
_INDIRECT = re.compile(
    r"\b(?:i was|i'm|i am|i've been) (?:wondering|curious)(?: about)?,? "
    r"|\bi'd (?:love|like) to (?:know|hear|understand) "
    r"|^(?:could|can|would) you (?:just )?(?:tell|remind) me ",
    re.IGNORECASE,
)
_TWO_QUESTIONS = re.compile(
    rf"^((?:how|what|who|when|where|which|why)\b[^?]{{8,}}?),? and ((?:{_ASKING_WORD}|whether)"
    r"[^?]{6,}\?)$",
    re.IGNORECASE,
)
# ("how much leave is there?" holds its subject; "is there someone I could ring?" does not)
_THERE_IS = re.compile(r"\b(?:is|are|was|were) there\s*\?$", re.I)
_ASKED_ABOUT = re.compile(r"^(what|how|whether|if|who|when|where|which|why)\b", re.IGNORECASE)
_OWN_CLAUSE = re.compile(
    r"\b(i|i'm|i've|i'd|we|we're|us|if|so|supposing|assuming|while|since|first|quick)\b", re.I
)


# What the candidate says of themselves before "but" and the question: "I always feel awkward
# asking this, but could you tell me…?"
_ASIDE_BUT = re.compile(
    r"^((?:i|i'm|i've|i'd|sorry|this)\b[^?]{5,}?),?\s+but\s+((?:could|can|would|will|may)"
    r" (?:you|i)\b[^?]*\?)\s*$",
    re.IGNORECASE,
)


def the_question(question: str, context: str = "") -> tuple[str, str]:
    """What of ``question`` asks, and ``context`` with the rest of it: "I saw the Courier piece.
    How long did the council renew it for?" asks the second sentence; "What does the data setup
    look like? I'm used to SQL Server." the first; "Just so neither of us wastes our time,
    what's the salary range?" only after its comma."""
    # ("Would I be managing anyone, Priya?": whom it is asked of is no word of what is asked.)
    question = uncalled(question)
    # ("I always feel awkward asking this, but could you tell me what the range is?")
    if aside := _ASIDE_BUT.match(question):
        question, context = aside.group(2), f"{aside.group(1)} {context}"
    # ("…the salary band. Could you remind me what it is?" asks about the sentence before.)
    last = _LAST_ASKING.match(question)
    if last and not asks_to_be_told_it(last.group(2)):
        question, context = last.group(2), f"{last.group(1)} {context}"
    elif first := _ASKED_FIRST.match(question):
        question, context = first.group(1), f"{first.group(2)} {context}"
    if remark := _REMARK_AFTER.search(question):
        question, context = question[: remark.start()], f"{remark.group(1)} {context}"
    if (indirect := _INDIRECT.search(question)) and _ASKED_ABOUT.match(
        rest := question[indirect.end() :]
    ):
        question, context = rest.rstrip(".?") + "?", f"{question[: indirect.start()]} {context}"
    if guesses := _GUESSES_AFTER.match(question) or _GUESSES_NEXT.match(question):
        question, context = f"{guesses.group(1).rstrip('?')}?", f"{guesses.group(2)} {context}"
    lead = _LEAD_CLAUSE.match(question)
    if (
        lead
        # (what is known by asking is no question: "Just so I know where we stand, …", "I'm
        # still a bit fuzzy on who's in the team - who would I be working alongside?")
        and not re.search(
            rf"(?<!know )(?<!sure )(?<!see )(?<!on )(?<!about ){_ASKING_WORD}", lead.group(1), re.I
        )
        and _OWN_CLAUSE.search(lead.group(1))
        # ("…a boring one, but how much leave is there?": "is there" points nowhere)
        and not POINTS_BACK.search(_THERE_IS.sub(" ", lead.group(2)))
    ):
        question, context = lead.group(2), f"{lead.group(1)} {context}"
    return question, context


# A sentence's first word, past a determiner: "Each interview lasts…".
_OPENING = re.compile(r"^(?:(?:The|Each|Every|Our|All|Any|Your) )?([A-Z][\w'-]+)")


def answering(
    question: str,
    sources: Sequence[Source],
    relevance: Relevance | None,
    names: Sequence[str] = (),
    *,
    hint: str = "",
    tools: bool = False,
    guessed: bool = False,
    context: str = "",
) -> tuple[str, ...]:
    """The research sentences that answer ``question`` well enough, best first: close in
    meaning, and sharing a word of what was asked beyond the everyday ones (a question about
    tools is not answered by a sentence about teams). ``hint`` is what the question's kind is
    usually about; ``guessed`` when the kind was guessed from its likeness to examples, so a
    sentence sharing only the hint's words needs to be closer to the question. ``context`` is
    the rest of the candidate's turn. Some kinds have finders of their own (``own_finders``:
    the next steps, how the company began, how big the team is…)."""
    question, context = the_question(question, context)

    def answer(asked: str, around: str) -> tuple[str, ...]:
        return _answering(
            asked, sources, relevance, names, hint=hint, tools=tools, guessed=guessed,
            context=around,
        )  # fmt: skip

    both = _TWO_QUESTIONS.match(question)
    both = both if both and not _TWO_QUESTIONS.match(both.group(1)) else None

    def each() -> tuple[tuple[str, ...], tuple[str, ...]]:
        assert both is not None
        first = answer(f"{both.group(1)}?", context)
        return first, answer(both.group(2), f"{both.group(1)} {context}")

    # "When does work start, and where does the programme go while it's shut?" asks for two
    # kinds of thing, a date and a place: each is answered, the second knowing the first.
    if both and _asking_word(both.group(1)) != _asking_word(both.group(2)):
        first, second = each()
        if first and second and first[0] != second[0]:
            return (f"{first[0]} {second[0]}",)
    if found := answer(question, context):
        return found
    # "How much does it cost to run the place, and how much of that does the NHS cover?" is
    # two questions when no sentence answers both.
    if both:
        first, second = each()
        if first and second and first[0] != second[0]:
            return (f"{first[0]} {second[0]}",)
        # ("How long is the probation period, and is there a review at the end of it?": what
        # "it" is has no answer, so nor has what is asked of it.)
        if not first and POINTS_BACK.search(both.group(2)):
            return ()
        return first or second
    return ()


def _asking_word(question: str) -> str:
    found = re.search(r"\b(how|what|who|when|where|which|why|is|are|do|does|can)\b", question, re.I)
    return found.group(1).lower() if found else ""


def _answering(
    question: str,
    sources: Sequence[Source],
    relevance: Relevance | None,
    names: Sequence[str] = (),
    *,
    hint: str = "",
    tools: bool = False,
    guessed: bool = False,
    context: str = "",
) -> tuple[str, ...]:
    """``answering`` of one question, once what it asks has been found."""
    company = names[0] if names else ""
    # "I'm a bit worried about the take-home task. How long have you got for it?": what "it"
    # means is in the sentence before, which the finders must read too.
    full = f"{context.strip()} {question}" if POINTS_BACK.search(question) else question
    if own := own_answer(full, sources, company, tools=tools and not guessed, context=context):
        return (own,)
    found = candidates(
        question, sources, relevance, names, hint=hint, tools=tools, guessed=guessed,
        context=context,
    )  # fmt: skip
    if asks_reporting(question) and (line := reporting_line([one.sentence for one in found])):
        return (line,)
    asked = content_stems(BESIDES.sub(" ", question))  # not "beyond the salary"
    members = bool(MEMBERS.search(question))
    # ("Who's in the team at the moment?" asks who is, not what happened lately.)
    wants_recent = bool(WANTS_RECENT.search(question)) and not members
    scored = []
    for one in found:
        if not one.admitted:
            continue
        # Closest first, each word of the question shared counting twice a word of its
        # kind's; what a question about tools is about is the tools, not the team it names.
        bonus = SHARED_WORD * (2 * one.shared + one.related + 2 * one.dated)
        if tools:
            bonus = SHARED_WORD * (one.shared + one.related + 2 * min(2, one.products))
        # "Salary is £27,500…" names what was asked as its subject (a table's row): it answers
        # "what's the salary band?" before "Pension is 6%, salary sacrifice available".
        # ("Salary is…" names the pay band asked about in other words.)
        # ... as does one opening on it: "Interviews will take place on…" answers "when would
        # the interview be?" before "We aim to make a decision by…".
        subject = ROW_LABEL.match(one.sentence) or _OPENING.match(one.sentence)
        named = content_stems(subject.group(1)) if subject else set()
        if named & asked or said_otherwise(asked, named):
            bonus += 2 * SHARED_WORD
        # "Who's in Practice Operations?" asks for its people: a sentence naming several.
        if members and len(people_in(one.sentence)) >= 2:
            bonus += 2 * SHARED_WORD
        scored.append((one.shared, one.rank + bonus, one.sentence))
    # The sentence holding most of what was asked first; then, for "What has the team done
    # lately?", what happened lately; then the closest.
    scored.sort(
        key=lambda item: (-item[0], -(wants_recent and bool(RECENT.search(item[2]))), -item[1])
    )
    return tuple(sentence for _shared, _rank, sentence in scored[:3])
