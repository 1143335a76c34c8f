"""One speakable fact from the research a turn was given.

The planner may build a question on a fact, or answer with one, and on the weakest model the
fact is said exactly as the research wrote it. So only a sentence that stands on its own is
taken: a plain statement of moderate length with a number or a name in it, no pronoun that
points at a sentence the candidate never saw, nothing that reads like markup, a question, an
order, or the user's own notes about the research. Research is data: a sentence that talks to
the reader ("ignore…", "you must…") is never put in the interviewer's mouth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from roleplay.core.session import Source
from roleplay.knowledge.chats import CHAT_STAMP

# (A sentence may end inside a quotation: '…is a big part of the job." In the comments…'.)
# ("…a group for every hub which is... chaos": an ellipsis before a small letter is a pause.)
_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\.\.\.)\s+|(?<=\.\.\.)\s+(?![a-z])|(?<=[.!?][\"”’])\s+(?=[A-Z])"
)
# A label whose list's first number ran into it ("Advice, for what it's worth: 1.").
_LABEL_NUMBERED = re.compile(r":\s*\d{1,2}[.)]$")
# How many sentences on a quotation may close.
QUOTE_SPAN = 2
# Full stops that do not end a sentence.
_ABBREVIATION = re.compile(r"\b(Dr|Mr|Mrs|Ms|St|Inc|Co|Ltd|Jr|Sr|vs|e\.g|i\.e|p\.m|a\.m)\.\s", re.I)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9,.'’%$-]*")
_NUMBER = re.compile(r"\d")
# A capitalised word inside the sentence (not its first word): a product, place or person.
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z]{2,}")
# A day named first is as specific ("Wednesdays are free of internal meetings…").
_DAY_FIRST = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b")
_POINTING = {
    "it",
    "its",
    "it's",
    "they",
    "them",
    "their",
    "this",
    "these",
    "those",
    "he",
    "she",
    "his",
    "her",
    "him",
    "i",
    "me",
    "my",
    "you",
    "your",
    "above",
    "below",
    "following",
    "here",
}
_NOT_SPEECH = re.compile(
    r"[<>\[\]{}#*_`|~\\/:;@=·•]|https?|www\.|\.\.\.|…|\bnotes?\b|\bresearch\b|\bfictional\b|\bsample\b"
    r"|\bignore\b|\binstruction|\bprompt\b|\bsystem\b|\bassistant\b|\bmust\b|\bsay\b|\bpretend\b"
    r"|\bcandidate\b|\binterview",
    re.IGNORECASE,
)
# The note-taker's shorthand ("ad says office hrs 8.30-4.30 Mon-Fri so prob fine"): notes, not
# something the interviewer would say.
SHORTHAND = re.compile(
    r"\b(prob|probs|hrs|mins|tbh|btw|fwiw|imo|imho|iirc|afaik|asap|approx|poss|esp|govt|dept"
    r"|thx|pls|lol|w/|b/c|ad (says|said|mentions))(?![\w/])",
    re.IGNORECASE,
)
# Where a flattened Markdown passage starts a heading, or a list item.
_HEADING = re.compile(r"(?:^|\s)#{1,6}\s+(?=\S)")
# (A dash between two figures is a range, not a list: "€46,000 - €52,000", "8.30am - 4.30pm".)
# (A dash after a figure is a range, "6% - 8%", "9am - 5pm", or a date line's, "2022 - Contactless
# payment…"; after a percentage a capital starts the next item of a list that reached us on one
# line: "up to 6% - Two complimentary tickets".)
# The longest line read as the heading of the list under it ("Systems used in the team").
LIST_HEADING_WORDS = 6
_BULLET = re.compile(
    r"(?:^|\s)(?:[•*]|(?<![\d%]\s)(?<!\d[ap]m\s)-|(?<=%\s)-(?=\s+[A-Z][a-z]))\s+(?=\S)"
)
STARTERS = frozenset(
    [
        "The",
        "We",
        "Our",
        "In",
        "It",
        "Its",
        "This",
        "A",
        "An",
        "They",
        "For",
        "At",
        "On",
        "To",
        "Every",
        "Each",
        "Most",
        "All",
        "Many",
        "Some",
        "There",
        "When",
        "After",
        "Before",
        "Since",
        "During",
        "Today",
        "Now",
        "Since",
        "Nurses",
        "Patients",
        "People",
        "Employees",
    ]
)
EMPHASIS = re.compile(r"[*_`]+")
MIN_WORDS, MAX_WORDS = 4, 26
_RUN_ON = {"The", "We", "Our", "In", "It", "This", "A", "An", "They", "For", "At", "On", "To"}


@dataclass(frozen=True)
class Fact:
    """A sentence from the research, said as written, and the passage it came from."""

    sentence: str
    source: Source

    @property
    def specifics(self) -> list[str]:
        return specifics(self.sentence)


def specifics(sentence: str) -> list[str]:
    """A fact's numbers and names: what a voiced turn must keep exactly as written."""
    return re.findall(r"\$?\d[\d,.]*\d%?|\d", sentence) + _NAME.findall(sentence)


# Words that make a run of words a sentence (with any lower-case word ending in -s or -ed).
VERBS = frozenset(
    ["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can",
     "will", "would", "took", "take", "takes", "made", "make", "makes", "built", "build", "grew",
     "grow", "won", "ran", "run", "sold", "sell", "kept", "keep", "gave", "give", "began", "found",
     "led", "came", "went", "wrote", "became", "put", "left", "got", "saw", "met", "paid",
     "sit", "feed"]
)  # fmt: skip


# A careers page's orders to its reader ("Help us understand…", "Join a team that…").
IMPERATIVE = frozenset(
    ["Help", "Join", "Apply", "Bring", "Tell", "Send", "Make", "Come", "Find", "Get", "Ask",
     "Expect", "Be", "Imagine", "Picture", "Discover", "Explore", "Shape", "Work", "Build",
     "Own", "Design", "Create", "Lead", "Manage", "Support", "Develop", "Analyse", "Analyze",
     "Maintain", "Produce", "Write", "Use", "Turn", "Keep", "Present", "Partner", "Drive",
     "Look", "Deliver", "Improve", "Report", "Track", "Plan", "Run", "Take", "Spot", "Forecast",
     "Model", "Map", "Test", "Clean", "Automate", "Prepare", "Check", "Set", "Answer", "Pull",
     "Dig", "Read", "Talk", "Spend", "Visit", "Share", "Explain", "Train", "Coach", "Mentor",
     "Review", "Monitor", "Measure", "Handle", "Respond", "Put", "Give", "Do", "Go", "Pick",
     "Learn", "Start", "Meet", "Sit", "Stay", "Think"]
)  # fmt: skip


# A job ad's requirements ("Experience building dashboards in Power BI or a similar tool."):
# what the applicant should bring, not a fact about the company, and with no verb of its own
# ("dashboards" only looks like one).
REQUIREMENT = frozenset(
    ["Experience", "Knowledge", "Familiarity", "Ability", "Able", "Understanding", "Proven",
     "Strong", "Excellent", "Solid", "Demonstrable", "Demonstrated", "Comfortable", "Confident",
     "Confidence", "Degree", "Interest", "Passion", "Willingness", "Desire", "Fluency",
     "Fluent", "Proficiency", "Proficient", "Skills", "Qualified"]
)  # fmt: skip


def has_verb(words: list[str]) -> bool:
    for index, word in enumerate(words):
        bare = word.strip(",.;()\"'")
        if bare in VERBS or (bare.islower() and bare.endswith(("s", "ed")) and len(bare) > 3):
            return True
        # "Tenancy data live in HomeLedger" (but "a live case", "live in-person sessions").
        after = words[index + 1] if index + 1 < len(words) else ""
        if bare == "live" and after == "in":
            return True
    return False


# A profile's or a CV's line, its verb first and its subject left out ("Wrote and designed
# interpretation for the Alpine House", "Secured £4.2m…"): whose doing it was is not in it, so
# whoever says it unasked says it as their own.
_PAST_FIRST = frozenset(
    ["took", "made", "built", "grew", "won", "ran", "sold", "kept", "gave", "began", "led",
     "came", "went", "wrote", "became", "got", "set", "oversaw", "brought", "taught", "held"]
)  # fmt: skip


def verb_first(sentence: str) -> bool:
    """Whether ``sentence`` opens with a past verb and has no subject before it."""
    words = sentence.split(maxsplit=1)
    first = words[0].strip(",.;:").lower() if words else ""
    return first in _PAST_FIRST or (first.endswith("ed") and len(first) > 4 and first.isalpha())


def speakable(sentence: str) -> bool:
    sentence = sentence.strip()
    if not sentence.endswith("."):
        return False
    words = _WORD.findall(sentence)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if (
        _NOT_SPEECH.search(sentence)
        or SHORTHAND.search(sentence)
        or "?" in sentence
        or "!" in sentence
    ):
        return False
    if any(w.lower().strip(",.") in _POINTING for w in words):
        return False
    if sentence.count('"') % 2 or "(" in sentence or ")" in sentence:
        return False  # an aside in brackets reads as a stage direction when said
    if words and (words[0] in IMPERATIVE or words[0] in REQUIREMENT):
        return False  # "Help us understand what happens when…" asks the reader, says nothing
    # A capitalised little word inside a sentence means a heading ran into it ("Looking ahead
    # to 2026 We plan…"): the text was flattened and the sentence is not one.
    if any(w in _RUN_ON for w in words[1:]):
        return False
    # A list item naming things ("A 20-minute phone call with Ruth Okonjo, People Partner.")
    # is no sentence to say after "To be fair to the company,".
    # (Its last word is not its verb: "…with two of our analysts." ends on a plural.)
    if not has_verb(sentence.split()[1:-1]):
        return False
    return bool(_NUMBER.search(sentence) or _NAME.search(sentence) or _DAY_FIRST.match(sentence))


def sentences(text: str) -> list[str]:
    flat = _ABBREVIATION.sub(lambda m: m.group(0).replace(". ", ".\x00"), " ".join(text.split()))
    pieces = [s.replace("\x00", " ").strip() for s in _SENTENCE.split(flat) if s.strip()]
    # "Advice, for what it's worth: 1. Spend time…": the label and the first item are one.
    for index in range(len(pieces) - 2, -1, -1):
        if _LABEL_NUMBERED.search(pieces[index]):
            label = _LABEL_NUMBERED.sub(":", pieces[index])
            pieces[index : index + 2] = [f"{label} {pieces[index + 1]}"]
    return _whole_quotations(pieces)


def _whole_quotations(pieces: list[str]) -> list[str]:
    """A quotation of several sentences stays one ('Her advice: “Say yes to the jobs nobody else
    wants. I volunteered…”'): cut after its first, it would be said open and never closed. A
    quotation still open three sentences on was no quotation, and is left as split."""
    joined: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        ahead = 1
        while _open_quote(piece) and ahead <= QUOTE_SPAN and index + ahead < len(pieces):
            piece = f"{piece} {pieces[index + ahead]}"
            ahead += 1
        if _open_quote(piece):
            piece, ahead = pieces[index], 1
        joined.append(piece)
        index += ahead
    return joined


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def research_pieces(snippet: str) -> list[str]:
    """A passage's sentences, with its Markdown taken apart first: a passage reaches us on one
    line, so a heading or a list item runs into the sentence after it."""
    pieces = []
    for number, section in enumerate(_HEADING.split(snippet)):
        # A "* " bullet is split before emphasis asterisks are dropped.
        items = _BULLET.split(section.strip())
        for index, item in enumerate(items):
            item = EMPHASIS.sub("", item).strip()
            if number > 0 and index == 0:
                item = _without_heading(item)
            said = sentences(item)
            # "…agree which can be retired. Systems used in the team. - WinPath…": the line
            # over the next list is its heading, run into the item before it; said alone, it
            # tells nothing. (A line ends in a full stop once read; "Rhona Mackie - Head of
            # Planning" is a name and a title, not a heading and a list.)
            ended = item.endswith((".", ":"))
            if said and ended and index + 1 < len(items) and (index == 0 or len(said) > 1):
                said = said[:-1] if _heads_a_list(said[-1]) else said
            pieces += said
    return pieces


def _heads_a_list(sentence: str) -> bool:
    words = sentence.rstrip(".:").split()
    return len(words) <= LIST_HEADING_WORDS and not any(w.lower() in VERBS for w in words)


def _without_heading(section: str) -> str:
    """``section`` without the heading words that ran into its first sentence ("Larkspur
    Insights Larkspur Insights is…", "Culture and ways of working Every team…"). A stored
    passage has its Markdown headings taken off already; this is for text that kept them."""
    words = section.split()
    for index in range(1, min(len(words), 9)):
        word = words[index]
        repeated = word in words[:index] and word[:1].isupper()
        if repeated or word in STARTERS:
            head = " ".join(words[:index])
            return section if head.endswith((".", "!", "?")) else " ".join(words[index:])
    return section


# A heading over the job seeker's own notes ("My notes", "6. My rough notes", "Notes"): what
# follows is their shorthand and their plans ("do the PL-300 practice tests before the
# panel"), never the company's news to volunteer.
_WRITERS_NOTES = re.compile(r"^(?:\d+[.)]\s*)?(?:(?:my|own|rough|research)\s+)*notes\b", re.I)


def last_heading(location: str) -> str:
    """The heading a passage sits under ("Notes › Benefits" is under "Benefits")."""
    return re.split(r"\s*[>›]\s*", location)[-1].strip()


def pick_fact(
    sources: list[Source],
    used: set[str],
    *,
    kind: str = "company",
    accept: Callable[[str], bool] = lambda sentence: True,
) -> Fact | None:
    """The first speakable sentence of the best passages not already said in this interview,
    not from the job seeker's own notes nor a chat they pasted (its lines are one person's
    words to them: "Of course, fire away 😊"), and one ``accept`` takes."""
    for source in sources:
        if (
            source.kind != kind
            or _WRITERS_NOTES.match(last_heading(source.location))
            or CHAT_STAMP.search(source.snippet)
        ):
            continue
        for sentence in research_pieces(source.snippet):
            if _WRITERS_NOTES.match(sentence):
                break  # the notes start here, in text without headings
            if speakable(sentence) and sentence not in used and accept(sentence):
                return Fact(sentence=sentence, source=source)
    return None
