"""Who the interviewer is at this company, and what they say of themselves.

A job seeker about to meet a real person pastes that person's profile into the research: "Priya
Lund, Graduate Data Analyst" over her story, "Dr Helen Marsh-Okafor, Clinical Operations
Director" over a list of her roles. Asked "how did you end up here?", the interviewer is that
person and answers from that profile in the first person ("I studied Mathematics at Newcastle
University…"), not with a stock line about someone else's life.

Who it is: the person the candidate calls by name ("Thanks, Priya"); failing that, the first
profile whose title holds one of the words the persona file lists (``plays.titles``: a leader
is a director or a head, a fellow alum a graduate). A persona that lists none plays nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from roleplay.core.session import Source
from roleplay.interview.facts import has_verb, research_pieces
from roleplay.interview.question_words import content_stems
from roleplay.interview.standalone import PERSON, profile_heading

# Ways of asking that address the interviewer without asking about them.
_POLITE = re.compile(
    r"\b(do|did|would|could|can) you (happen to )?(know|tell me|say|think|mind)\b", re.I
)
_YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
# What only the interviewer's own story answers.
_ABOUT_YOU = re.compile(
    r"\b(you|your) (joined|started|studied|learn(ed|t)?|built|moved|went|came|got|ended|first"
    r"|background|career|path|degree|journey|proudest|own)\b|\byou('ve| have)? (had to|did)\b"
    r"|\b(did|were|have) you (join|start|study|learn|build|do|come|get|end|move|go)\b|proudest",
    re.I,
)
# Words the interviewer never says in character, nor marks of a page.
_NOT_SAID = re.compile(
    r"[<>\[\]{}#*_`|~\\]|\b(assistant|instructions?|prompt|system|candidate|interview\w*|notes?"
    r"|research|linkedin|blog)\b",
    re.I,
)
# A short label opening a profile's line ("Before that: Data Analyst…", "Hallowmere: joined…").
_LABEL = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}:\s+(?=\S)")
# What the candidate asks of the interviewer's own road here.
_PATH = re.compile(
    r"\b(end(ed)? up|get (in|into|here|started)|got (in|into|here|started)|went from|go from"
    r"|become|became|start(ed)? out|before (you|joining)|background|journey|path)\b",
    re.I,
)
# The line of a profile that says how they came to the company.
_JOINED = re.compile(r"\b(joined|came back|started|moved (here|to|across)|hired)\b", re.I)
_STUDY = re.compile(r"\b(MBA|MSc|BSc|BA|MA|PhD|degree|diploma|apprenticeship|course)\b")
_TITLE = re.compile(
    r"\b(Director|Head|Manager|Lead|Chief|Officer|Partner|Founder|President|Analyst|Engineer)\b"
)
_THIRD = {
    "she": "I", "he": "I", "her": "my", "his": "my", "him": "me", "herself": "myself",
    "himself": "myself", "she's": "I'm", "he's": "I'm", "she'd": "I'd", "he'd": "I'd",
    "she'll": "I'll", "he'll": "I'll",
}  # fmt: skip
_OWN_VERB = {"is": "am", "was": "was", "has": "have", "does": "do", "goes": "go"}
# "her" before these is "me", not "my" ("helped her with", "told her.").
_AFTER_OBJECT = frozenset(
    ["with", "to", "for", "about", "and", "at", "in", "on", "from", "by", "as", "that", "when"]
)
_AMOUNT = re.compile(r"\b(how (much|many|long)|pay|paid|salary|cost|earn\w*)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ADVICE = re.compile(r"\b(advice|tips?|recommend\w*)\b", re.I)
CLOSE_ENOUGH = 0.5


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    pieces: tuple[str, ...]


def profiles(sources: Sequence[Source]) -> list[Profile]:
    """The people the research gives a profile of: a heading naming them and their title,
    with what is written under it."""
    found: dict[str, tuple[str, list[str]]] = {}
    for source in sources:
        if source.kind != "company":
            continue
        head = profile_heading(source.location)
        if not head or not PERSON.match(head.group(1)):
            continue
        _title, pieces = found.setdefault(head.group(1), (head.group(2).strip(" ()"), []))
        pieces += [p for p in _quotes_whole(research_pieces(source.snippet)) if p not in pieces]
    return [Profile(name, title, tuple(pieces)) for name, (title, pieces) in found.items()]


def _quotes_whole(pieces: list[str]) -> list[str]:
    """Sentences with a quotation split across them joined again ('Her advice: "Talk to the
    reception teams. They know…"' is one thing said)."""
    whole: list[str] = []
    for piece in pieces:
        if whole and whole[-1].count('"') % 2:
            whole[-1] = f"{whole[-1]} {piece}"
        else:
            whole.append(piece)
    return whole


def played(found: Sequence[Profile], titles: Sequence[str], said: Sequence[str]) -> Profile | None:
    """Who the interviewer is: the person the candidate last called by name, else the first
    whose title holds one of ``titles`` (in their order); None when neither."""
    for text in reversed(said):
        for profile in found:
            first = re.escape(profile.name.split()[0])
            calling = rf"(?:^|\b(?:hi|hello|hey|thanks|thank you|cheers)\b,?\s+|,\s*){first}\b"
            if re.search(rf"{calling}(?=\s*[,.!?]|\s*$)", text, re.IGNORECASE):
                return profile
    # A title as stored may be cut short ("Clinical Operat…"): what the profile says of them
    # ("Clinical Operations Director since 2021") is read after it.
    for word in titles:
        for words in (lambda p: p.title, lambda p: " ".join(p.pieces)):
            for profile in found:
                said = words(profile).lower()
                # The hiring manager is met at the interview, not over coffee.
                if "hiring manager" not in said and re.search(rf"\b{re.escape(word)}\b", said):
                    return profile
    return None


def addressed(question: str) -> bool:
    """Whether ``question`` speaks of the interviewer ("how did you start?"), beyond the
    polite "could you tell me…"."""
    return bool(_YOU.search(_POLITE.sub("", question)))


def asks_the_interviewer(question: str, intent: str | None) -> bool:
    """Whether ``question`` asks about the interviewer themselves ("how did you end up
    here?", "what was your first year like?", "any tips?"), not about the company through
    them ("which provider do you use?")."""
    if intent == "advice":
        return True
    asked = _POLITE.sub("", question)
    return addressed(question) and (intent in ("story", "path") or bool(_ABOUT_YOU.search(asked)))


def own_answer(
    profile: Profile,
    question: str,
    closeness: Sequence[float] | None = None,
    *,
    intent: str | None = None,
    names: Sequence[str] = (),
) -> str:
    """What the interviewer says of themselves to ``question`` from their ``profile``, in the
    first person; "" when nothing in it answers. ``closeness`` is each piece's MiniLM
    closeness to the question, when it could be had; ``names`` (the company's) are words any
    piece may share with the question."""
    pieces = list(profile.pieces)
    # A label over what follows ("From her blog post, 'My first year':") says nothing alone.
    # nor does a quotation cut off where the research broke it.
    sayable = [
        i
        for i, p in enumerate(pieces)
        if p.strip()
        and not p.rstrip().endswith(":")
        and p.count('"') % 2 == 0
        and not _NOT_SAID.search(p)
    ]
    if not sayable:
        return ""
    own = {w for part in [*profile.name.split(), *names] for w in content_stems(part)}
    asked = content_stems(question) - own
    path = bool(_PATH.search(question))
    amount = bool(_AMOUNT.search(question))
    scores = {}
    for index in sayable:
        shared = len(asked & content_stems(pieces[index]))
        close = closeness[index] if closeness else 0.0
        advice = intent == "advice" and bool(_ADVICE.search(pieces[index]))
        # A road here is told by its dated steps ("Joined Thistlebeck in 2009 as…").
        dated = path and bool(_YEAR.search(pieces[index]))
        weight = shared + 2 * close + dated
        # A question on an amount ("what did it pay?") is answered by a figure or not at all.
        if amount and not re.search(r"\d", _YEAR.sub("", pieces[index])):
            continue
        scores[index] = (advice, weight, shared > 0 or advice or dated, close, -index)
    if not scores:
        return ""
    best = max(scores, key=lambda i: scores[i])
    if not scores[best][2] and scores[best][3] < CLOSE_ENOUGH:
        return ""
    chosen = [best]
    if path:
        joined = next((i for i in sayable if _JOINED.search(pieces[i])), None)
        if joined is not None and joined != best:
            chosen = sorted([best, joined])
    return " ".join(first_person(pieces[i], profile.name) for i in chosen)


def first_person(piece: str, name: str) -> str:
    """A line of someone's profile as they would say it ("Priya studied Mathematics…" → "I
    studied Mathematics…"; "Farm vet in Dumfries, 2004 to 2008" → "I was a farm vet in
    Dumfries, 2004 to 2008")."""
    text = _LABEL.sub("", " ".join(piece.split())).rstrip(" .;")
    # Their own words quoted in the research are simply said.
    if re.fullmatch(r'["“][^"“”]+["”]', text):
        return text[1:-1]
    for form in (name, name.split()[0]):
        called = rf"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.? )?{re.escape(form)}"
        text = re.sub(rf"\b{called}['’]s\b", "my", text)
        text = re.sub(rf"^{called}\b", "I", text)
        text = re.sub(rf"\b{called}\b", "me", text)
    words = text.split()
    if not words:
        return ""
    said = []
    for index, word in enumerate(words):
        bare = word.lower().strip(",;:")
        if bare in _THIRD:
            after = words[index + 1].lower() if index + 1 < len(words) else ""
            own = _THIRD[bare]
            if bare == "her" and (not after or after.strip(",.;:") in _AFTER_OBJECT):
                own = "me"
            if own == "I'm" and re.fullmatch(r"been|got|had|[a-z]+ed", after):
                own = "I've"
            word = own + word[len(bare) :]
            if index == 0:
                word = word[:1].upper() + word[1:]
        said.append(word)
    text = _agree(" ".join(said))
    if not re.match(r"^(I|My|I'm|I'd|I'll|I've)\b", text) and not _has_verb(text):
        text = _verbless(text)
    ended = re.search(r"[.!?][\"”’']$", text)
    return text[:1].upper() + text[1:] + ("" if ended else ".")


def _has_verb(text: str) -> bool:
    # A profile's "Joined Thistlebeck in 2009…" has its verb first, and no subject.
    words = text.split(";")[0].split()
    return has_verb(words[1:]) if words[0].lower().endswith("ed") else has_verb(words)


def _agree(text: str) -> str:
    """The verb after "I" said as one's own ("I runs" → "I run", "I is" → "I am")."""

    def verb(match: re.Match[str]) -> str:
        word = match.group(2)
        if word in _OWN_VERB:
            return f"{match.group(1)}{_OWN_VERB[word]}"
        if re.fullmatch(r"[a-z]+(ches|shes|sses|xes)", word):
            return f"{match.group(1)}{word[:-2]}"
        if re.fullmatch(r"[a-z]+[^aeiou]ies", word):
            return f"{match.group(1)}{word[:-3]}y"
        if re.fullmatch(r"[a-z]{2,}[^s'u]s", word):
            return f"{match.group(1)}{word[:-1]}"
        return match.group(0)

    adverb = r"(?:also |still |now |often |usually |currently |mostly )?"
    text = re.sub(rf"\b(I {adverb})(is|was|has|does|goes|[a-z]+s)\b", verb, text)
    return re.sub(r"\bI's\b", "I'm", text)


def _verbless(item: str) -> str:
    """A profile's list line with no subject, said as what they did or were."""
    first = item.split()[0]
    if first.lower().endswith("ed"):
        return f"I {first.lower()}{item[len(first) :]}"
    head = item.split(",")[0]
    if _TITLE.search(head):  # "Clinical Director at Skipton from 2014": a title, no article
        said = item
    else:
        lowered = item[:1].lower() + item[1:]
        said = f"{'an' if lowered[:1] in 'aeiou' else 'a'} {lowered}"
    said = re.sub(r";\s*sits\b", " and I sit", said)
    if _STUDY.search(head):
        return f"I did {said}"
    if re.search(r"\bsince\b", item):
        return f"I've been {said}"
    return f"I was {said}"
