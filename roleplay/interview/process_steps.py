"""What happens after today: the hiring process's later steps, read from the research's list.

"What are the next steps?" is answered by the steps a careers page or a job pack lists under
"How we hire" or "Hiring process" (1. Apply online… 2. A 30-minute video call… 3. A case
exercise… 4. A panel interview…). No one sentence says them, so none would be found by closeness
to the question; they are said together, from the first step after the application and the
first call, in the list's own words ("From here, there's a case exercise at the terminal, then
a panel interview with Anjali Rao-Bergeron."). A step in the writer's own voice, or holding
markup or words to a model, is never said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import EMPHASIS, sentences
from roleplay.interview.list_items import with_article
from roleplay.interview.sayable import ASIDE

# A question about what comes next in the process, not about one step of it ("is the take-home
# long?" is answered by the sentence about the take-home).
_NEXT = re.compile(
    r"\b(next steps?|after (today|this|that|the interview|the call|this call|this stage|this "
    r"interview)"
    # ("when would I hear back after the assessment day?")
    r"|after (the|my) (\w+ ){0,2}(day|interview|panel|call|screen|assessment|exercise|task"
    r"|presentation)|what happens (next|now|after)|what comes (next|after)"
    r"|the (rest of the )?process"
    r"|stages|another round|more rounds"
    # ("If I get through today, what does the next bit look like?")
    # (not "If I get through to the panel, who's on it?", nor "is that the next stage?")
    r"|what (does|will|would) the next (bit|part|stage|step|round) (look|be) like"
    r"|what'?s the next (bit|part|stage|step|round)\?"
    # ("walk me through who I'd be working alongside" asks about the team)
    r"|walk me through(?! (who|the team|your team|a (typical )?(day|week))))\b",
    re.IGNORECASE,
)
# What a list of steps sits under: "How we hire:", "## Hiring process (from the job pack)",
# "Interviews".
_PROCESS_TOPIC = re.compile(
    r"\b(hire|hiring"
    r"|recruit\w*(?! (advis[eo]r|coordinator|partner|manager|officer|lead|consultant))"
    r"|process|stages|selection|interview process|candidate pack|"
    r"job pack|how to apply|what happens next|interviews|interview stages)\b",
    re.IGNORECASE,
)
# (Pasted as plain text, a careers page's steps are often "Stage 1 - an informal call…"; a
# PDF's bold label gets its colon: "Stage 2: panel interview: Wednesday 10 April…".)
_ITEM = re.compile(
    r"(?:^|\s)(?:(?:stage|step|round) \d{1,2}:|(?:(?:stage|step|round) )?\d{1,2}(?:[.)]| [-–—:]))"
    r"\s+(?=\S)"
    # (not the dash of "Mar 2021 - Present", "2015 - 2018": a profile's dates)
    r"|(?:^|(?<!\d)\s)[-•*]\s+(?=\S)(?!(?:19|20)\d\d\b|present\b)",
    re.IGNORECASE,
)
# The application itself is behind the candidate ("Apply online with a CV"), and so are the
# advert, its closing date and the shortlisting.
_APPLYING = re.compile(
    r"\b(apply|application|send us|your cv|a cv|cover (note|letter))\b"
    r"|^\W*(advert|closing date|shortlisting)\b",
    re.I,
)
# A step that may not be said: the writer's voice, markup, words to a model.
_UNSAYABLE = re.compile(
    r"\b(i|i'd|i'm|my|me)\b|[<>\[\]{}#|~\\/@=]|https?|www\.|\bignore\b|\binstruction|\bprompt\b"
    r"|\b(system|assistant|user|developer)\s*:",
    re.IGNORECASE,
)
STEPS_SAID, WORDS_SAID = 3, 60


def asks_next_steps(question: str) -> bool:
    """Whether ``question`` asks what comes next in the hiring process."""
    return bool(_NEXT.search(question))


def listed(source: Source) -> tuple[str, list[str]]:
    """What a passage's list sits under (its heading path and the words before the first
    item) and its items; no items when it holds no list."""
    parts = _ITEM.split(EMPHASIS.sub("", source.snippet))
    # (A heading pasted as plain text opens the passage: "How to apply and what happens next
    # Send your CV… Stage 1 - …".)
    return f"{source.location} {parts[0][:50]} {parts[0][-80:]}", parts[1:]


def next_steps(sources: Sequence[Source], question: str = "") -> str:
    """The process's later steps said as one or two sentences, or "" when the research lists
    none. A step ``question`` names is behind the candidate ("after the panel, how long…?");
    a list cut over two passages is read from the one that names it."""
    said_from = [_next_from(source, question) for source in [*sources, *_joined(sources)]]
    named = [said for said, after_named in said_from if said and after_named]
    return next(iter(named), next((said for said, _named in said_from if said), ""))


_NUMBER = re.compile(r"\b(?:stage|step|round) (\d{1,2})\b|^\W*(\d{1,2})[.)]\s", re.IGNORECASE)


def _joined(sources: Sequence[Source]) -> list[Source]:
    """The passages of each section on the process read as one, in the order their steps are
    numbered, the ones with no number last: a short section cut in two ("…Stage 1: phone
    call…", "Stage 2: panel interview…") holds one step in each."""
    sections: dict[tuple[str, str], list[Source]] = {}
    for source in sources:
        if source.kind == "company" and _PROCESS_TOPIC.search(source.location):
            sections.setdefault((source.source, source.location), []).append(source)

    def order(source: Source) -> int:
        number = _NUMBER.search(source.snippet)
        return int(number[1] or number[2]) if number else 99

    return [
        passages[0].model_copy(
            update={"snippet": " ".join(p.snippet for p in sorted(passages, key=order))}
        )
        for passages in sections.values()
        if len(passages) > 1
    ]


def _next_from(source: Source, question: str) -> tuple[str, bool]:
    """The steps of ``source``'s hiring list after the one ``question`` names (or after the
    first), and whether one was named; "" when it holds no such list."""
    if source.kind != "company":
        return "", False
    topic, items = listed(source)
    rows = [row for row in sentences(source.snippet) if _ROW.match(row)] if len(items) < 2 else []
    if not _PROCESS_TOPIC.search(topic) or (len(items) < 2 and not _table_of_steps(rows)):
        return "", False
    # Each step with the whole item it comes from ("phone call – Week beginning 25 March" of
    # "…The first call is with Nadia Rashid…").
    pairs = [(step, item) for item in items for step in _steps(item)] or [
        (row.rstrip("."), row) for row in rows if not _UNSAYABLE.search(row)
    ]
    # (Passages read as one overlap: a step in two is one step.)
    kept: dict[str, str] = {}
    for step, item in pairs:
        if step and not _APPLYING.search(step):
            kept.setdefault(step, item)
    pairs = list(kept.items())
    steps, wholes = [step for step, _ in pairs], [item for _, item in pairs]
    asked = _words(question)
    asked |= {same for word in asked & _SAME_STEP.keys() for same in _SAME_STEP[word]}
    named = [
        i
        for i, step in enumerate(steps)
        if not _IS_SENTENCE.match(step) and _STEP_WORDS & _words(_SHORT.sub("", step)) & asked
    ]
    # ("If this call goes okay, what happens after that? Is there a proper interview?" is
    # past the call, whatever step it goes on to ask about.)
    if _THIS_CALL.search(question):
        named = [i for i in named if _words(_SHORT.sub("", steps[i])) & _CALL][:1] or named
    # ("What happens after today, Dev?": today is the step Dev is on.)
    called = set(_CALLED.findall(question)) - {"I"}
    if _TODAY.search(question) and called:
        named = [i for i, whole in enumerate(wholes) if called & set(whole.split())][:1] or named
    if named and _AT_STEP.search(question) and not _AFTER.search(question):
        # "Could you walk me through what actually happens on the assessment day?" asks what
        # that step is: it is said whole, in the list's words.
        # (an aside in brackets reads as a stage direction when said)
        return _ended(" ".join(ASIDE.sub("", wholes[named[-1]]).split())), True
    if named:
        steps = steps[named[-1] + 1 :]
    elif len(steps) > 2:
        steps = steps[1:]  # the first call is the one the candidate is on, or past
    # A table's row runs on after its step ("Take-home data exercise…, 3 hours max, marked
    # by the Generation & Data team"): when all of it is too long to say, each step's first
    # part is said.
    if not items:
        # (Rows are sentences already: said as they are, as many as fit.)
        said = " ".join(f"{row}." for row in steps[:STEPS_SAID])
        while len(said.split()) > WORDS_SAID and said.count(". ") > 0:
            said = said.rsplit(". ", 1)[0] + "."
        return (said, bool(named)) if steps else ("", False)
    if said := _said(steps[:STEPS_SAID]) or _said([_SHORT.sub("", s) for s in steps[:STEPS_SAID]]):
        return said, bool(named)
    return "", False


# What happens at a step, not after it: "what actually happens on the assessment day?",
# "what's the panel like?"
_AT_STEP = re.compile(
    r"\b(happens?|goes on|is involved|involves?) (on|at|in|during)\b"
    r"|\bwhat('?s| is| will| would) (the|a) [\w -]{1,30} (be )?(like|involve)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\b(after|once|following|beyond|past|then)\b", re.IGNORECASE)


def _ended(text: str) -> str:
    said = text.strip().rstrip(",;:")
    return said if said.endswith((".", "!", "?")) else f"{said}."


# A timetable's row, said as a sentence by the splitter (``tables``): "First interview is
# Thursday 27 March 2025, at Hatton, panel – Dev Mistry and Helen Ashworth."
_ROW = re.compile(r"([A-Z][\w'-]*(?: [\w'-]+){0,3}) (?:is|are) ")


def _table_of_steps(rows: list[str]) -> bool:
    """Whether a passage's rows are the steps of a process: two or more naming a step."""
    keys = [_words(row.split(" is ")[0].split(" are ")[0]) for row in rows]
    return sum(bool(key & _STEP_WORDS) for key in keys) >= 2


def _steps(part: str) -> list[str]:
    """A list item's step, and any sentence after it on what follows ("…a panel interview at
    the Playhouse. We aim to let everyone know the outcome within a week of their panel.")."""
    # ("Decision: We will let everyone know by…": the label is the sentence's subject.)
    after = [_LABEL.sub("", s) for s in sentences(ASIDE.sub("", part.strip()))[1:]]
    return [_step(part)] + [
        s.rstrip(".")
        for s in after
        if _IS_SENTENCE.match(s) and _WHAT_FOLLOWS.search(s) and not _UNSAYABLE.search(s)
    ]


_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,2}: (?=[A-Z])")
# What a sentence after the last step says comes of it ("We aim to let everyone know the outcome
# within a week"), not another matter ("We offer a guaranteed interview to…").
_WHAT_FOLLOWS = re.compile(
    r"\b(outcome|decision|decide|an offer|offers? (are|is)|hear (back|from)|let (you|everyone"
    r"|candidates|applicants) know|feedback|results?)\b",
    re.IGNORECASE,
)


def _step(part: str) -> str:
    """A list item's first sentence, without its aside; "" when it cannot be said."""
    first = sentences(ASIDE.sub("", part.strip()))
    step = first[0].strip().rstrip(".").replace(": ", " – ") if first else ""
    return "" if not step or _UNSAYABLE.search(step) else step


def _said(steps: list[str]) -> str:
    """ "From here, there's a case exercise…, then a panel interview…." with any step that is a
    sentence of its own ("We aim to decide within a week") said after."""
    things = [s for s in steps if not _IS_SENTENCE.match(s)]
    own = [s for s in steps if _IS_SENTENCE.match(s)]
    said = []
    if things:
        named = [with_article(thing, "") for thing in things]
        listed = named[0] if len(named) == 1 else ", then ".join(named)
        said.append(f"From here, there's {listed}.")
    said += [f"{sentence}." for sentence in own]
    text = " ".join(said)
    return text if said and len(text.split()) <= WORDS_SAID else ""


# A step written as a sentence: "We aim to make a decision within a week of the panel."
_IS_SENTENCE = re.compile(r"^(We|They|Offers?|Decisions?|You|Successful)\b (?!and\b)\w+")
# Words naming a step, which a question may say it is past ("after the panel").
_STEP_WORDS = frozenset(
    ["panel", "interview", "call", "screen", "take-home", "task", "exercise", "assessment",
     "presentation", "tour", "test", "case", "onsite", "stage", "shortlist", "decision"]
)  # fmt: skip


# A phone screen is a call ("after this call" is after the screen).
_SAME_STEP = {"call": ("screen", "phone"), "screen": ("call", "phone"), "phone": ("call", "screen")}
_SHORT = re.compile(r",.*$")
_CALL = frozenset(["call", "screen", "phone"])
_TODAY = re.compile(r"\b(after|past|beyond) (today|this (interview|meeting|conversation))\b", re.I)
_CALLED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_THIS_CALL = re.compile(r"\bthis (phone )?(call|chat|screen)\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z-]+", text.lower()))
