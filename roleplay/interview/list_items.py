"""A verbless note said as a sentence: a "Label: value" line, or a list item.

Job ads and notes hold many facts only as items: "Pension with a 6% employer contribution",
"Hybrid working: three days a week at Hallow Court, two at home", "Battery launch: started
selling home batteries in March 2025". Read aloud as they stand they are not sentences, so each is
given what it lacks: a label becomes the subject ("Hybrid working is three days a week…", "Battery
launch started selling…"), an item is said as what there is ("There's a pension with a 6%
employer contribution."). Matched by its figures alone an item answers questions it does not
belong to ("£1,200 a year" for "what's the salary?"), so ``answers`` takes one only for a
question that names what it is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.core.wording import indefinite
from roleplay.interview.facts import IMPERATIVE, REQUIREMENT, VERBS, has_verb
from roleplay.interview.sayable import ANSWER_WORDS, answer_sentence
from roleplay.interview.standalone import headed_sentences, people_in
from roleplay.knowledge.embeddings import common_words
from roleplay.knowledge.labels import LABELLED

# "Hybrid working - we ask everyone to be in…": a label, a dash, then a sentence of its own.
_DASH_LABEL = re.compile(
    r"^[A-Z][\w'&+()-]*(?: [\w'&+()-]+){0,3} [-–—] (?=(we|you|our|it|they|the|everyone) [a-z])"
)
# Labels that name no subject: the writer's own marks, dates, questions to ask.
_NOT_A_LABEL = re.compile(
    r"^(note|notes|update|todo|ask|q|question|questions|source|from|via|re|ps|nb|edit|"
    r"how|what|who|why|where|when|which|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"mon|tue|wed|thu|fri|monday|tuesday|wednesday|thursday|friday)\b|\b(i|my|me)\b",
    re.IGNORECASE,
)
# Words after which the item's head noun has ended ("Pension | with a 6% …").
_HEAD_ENDS = frozenset(
    ["with", "for", "of", "at", "in", "on", "after", "from", "to", "and", "plus", "including",
     "per", "a", "an", "up", "from", "by", "near", "–", "-"]
)  # fmt: skip
_POINTING = frozenset(["It", "Its", "They", "Their", "His", "Her", "He", "She", "This", "These"])
_STARTS_WITH_ARTICLE = re.compile(
    r"^(A|An|The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b", re.IGNORECASE
)
# Something an item must hold to be worth saying: a figure, a name or a date.
_PARTICULAR = re.compile(
    r"\d|[£$€%]|\b[A-Z][a-z]+ [A-Z][a-z]+\b|\b[A-Z]{2,}\b"
    r"|\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b"
)
# Words that make an item a sentence after all ("Offers usually go out…", "We aim to…"): an
# auxiliary, a subject pronoun first, or a verb after an adverb. (The looser ``has_verb`` takes
# every "-s" word for a verb, and "ESOP shares after one year" has none.)
_SENTENCE = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|do|does|did)\b"
    r"|^(we|they|he|she|it|you|i|there|this|these)\b|\b\w+ly [a-z]+\b"
    r"|\b[a-z]{3,}s (about|around|roughly|up to|from|until|over|under|between|each|every)\b"
    # ("Harbourlight began in 1978 as the Quayside Players": a sentence cut at its colon.)
    r"|^[A-Z]\w+ (began|became|grew|won|took|made|went|came|ran|sold|built|left|led|started"
    r"|opened|joined|moved|launched|founded)\b",
    re.IGNORECASE,
)
# A figure's change with no verb: "staff turnover down from 26% in 2021 to 14% in 2024".
_CHANGE = re.compile(
    r"^([A-Za-z][\w'&-]*(?: [a-z][\w'&-]*){0,3}) (?=(?:up|down) (?:from|by|to) [£$€]?\d)"
)
# Marks of a line that is several lines run together ("Permanent · Full time Salary: …").
_RUN_TOGETHER = re.compile(r"[·|•]|: .*: ")
ITEM_WORDS = (3, 24)
# Words an item must keep, its asides gone, to be worth saying.
THING_WORDS = 4
# A job ad's header pasted as one line: "Dewsbury (hybrid) · Permanent · Full time Salary:
# £34,000 – £39,000 depending on experience Closing date: 14 March 2025".
_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_INNER_LABEL = re.compile(r"(?<=\S )(?=[A-Z][a-z]+(?: [a-z]+){0,2}: )")
# "£34,000 – £39,000" is said "£34,000 to £39,000", not as a pause.
# (Not the parts of a reference: "KWB-25-04".)
_RANGE = re.compile(
    r"(?:(?<=\d)|(?<=\d[ap]m))(?<![A-Za-z]-\d)(?<![A-Za-z]-\d\d)(?<![A-Za-z]-\d{3})"
    r"\s*[–—-]\s*(?=[£$€]?\d)"
)


def item_sentences(piece: str, source_text: str = "") -> list[str]:
    """``item_sentence`` of ``piece``, or of each line run together in it."""
    parts = [
        part.strip()
        for chunk in _SEPARATOR.split(piece.strip().rstrip("."))
        for part in _INNER_LABEL.split(chunk)
    ]
    # A list item pasted without its full stop ("- Pension with a 6% contribution") ends where
    # the next begins.
    said = (item_sentence(f"{part}.", source_text) for part in parts if part)
    return [one for one in said if one]


_NUMBERED = re.compile(r"^\d{1,2}\)\s+")


def item_sentence(piece: str, source_text: str = "") -> str:
    """``piece``, a verbless note, as a sentence that can be said alone; "" when it is a
    sentence already (``sayable.answer_sentence`` judges those), or cannot be one.
    ``source_text`` is the passage it came from: a first word it also writes capitalised inside
    a sentence is a name, kept as it is."""
    # ("3) read the Annual Review 2023…": the item's own words judge it, not its number.)
    piece = _NUMBERED.sub("", piece.strip())
    if not piece.endswith(".") or "?" in piece or _RUN_TOGETHER.search(piece):
        return ""
    if dashed := _DASH_LABEL.match(piece):
        rest = piece[dashed.end() :]  # a sentence: judged as one
        return answer_sentence(rest[:1].upper() + rest[1:], applicant=True)
    words = piece.rstrip(".").split()
    # (A labelled item is judged as the sentence it becomes, however long: "Practical data
    # task: clean and summarise a sample file of 500 supporter records in Excel, …".)
    longest = ANSWER_WORDS[1] if LABELLED.match(piece) else ITEM_WORDS[1]
    if not (ITEM_WORDS[0] <= len(words) <= longest) or not _PARTICULAR.search(piece):
        return ""
    if change := _CHANGE.match(piece):
        # "staff turnover down from 26% in 2021 to 14% in 2024" (a news item's figures,
        # listed under "The numbers are in:") is said as what happened to it.
        thing, rest = change.group(1), piece[change.end() :]
        return answer_sentence(f"{thing[:1].upper()}{thing[1:]} went {rest}", applicant=True)
    if words[0] in IMPERATIVE or not (piece[:1].isupper() or piece[:1].isdigit()):
        return ""  # a job ad's duty ("Forecast how full…"), or notes in lower case
    if words[0] in REQUIREMENT:
        return ""  # what the applicant should bring ("Experience building dashboards…")
    if words[0] in _POINTING:
        return ""  # "Its first share offer in 2013 raised…" is a sentence about something else
    if _WHEN_FIRST.match(piece):
        return ""  # "Tuesday – on site at Hatton": a day of someone's week, not a thing there is
    if _LINKING_FIRST.match(piece):
        return ""  # "For an informal chat, ring Sarah…": no thing there is either
    piece = _RANGE.sub(" to ", piece)
    label = LABELLED.match(piece)
    if label:
        # Checked as any sentence is: no words to the reader, no writer's voice, no asides.
        return answer_sentence(_labelled(label.group(1), piece[label.end() :]), applicant=True)
    if ":" in piece or ";" in piece or _SENTENCE.search(piece) or words[0].endswith("ed"):
        return ""
    if people_in(" ".join(words[:2])):
        return ""  # "Teodora Barran, Founder & CEO": who someone is, not a thing there is
    if _TITLE_AT.match(piece):
        return ""  # "Talent Partner at Saltmeadow Credit Union": a profile's headline
    said = answer_sentence(f"There is {with_article(piece, source_text)}", applicant=True)
    if len(said.split()) < THING_WORDS + 2:
        return ""  # "There's Rockford, Illinois." once its aside is gone says nothing
    return said.replace("There is ", "There's ", 1)


_WHEN_FIRST = re.compile(
    r"^(Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?|Weekends?"
    r"|Mornings?|Afternoons?|Evenings?)\b",
)
_LINKING_FIRST = re.compile(
    r"^(For|To|In|On|At|With|By|From|If|When|As|After|Before|Once|Until|Unless|While|Because"
    r"|So|But|And|Or)\b"
)
_REPORTS_TO = re.compile(r"^(reports? to|reporting to|line manager|manager)$", re.IGNORECASE)
# A label ending in one ("Based in: …") reads as half a sentence.
_PREPOSITIONS = frozenset(["to", "in", "at", "by", "for", "of", "with", "from", "on"])


def _labelled(label: str, value: str) -> str:
    """ "Hybrid working: three days a week" as "Hybrid working is three days a week"; "Battery
    launch: started selling…" as "Battery launch started selling…"."""
    label_words = label.split()
    if _REPORTS_TO.match(label):
        return f"The post reports to {value}"  # "Reports to: Tomasz Wren, Head of…"
    if (
        label_words[-1].lower() in _PREPOSITIONS
        or len(value.split()) < 2
        or _NOT_A_LABEL.search(label)
        or has_verb(label_words)
        or label_words[-1].endswith("ed")
    ):
        return ""  # "Founded: 2011" would be said "Founded is 2011"
    first = value.split()[0]
    if re.match(r"^\w+(?: \w+)? (?:is|are|was|were)\b", value):
        return ""  # "Salary: band is £31.5-34k" would be said "Salary is band is…"
    if first in ("we", "our", "they", "there"):
        # "RRSP match: we match your contributions up to 6%" said "On the RRSP match, we…".
        named = label if label_words[0].isupper() else label[:1].lower() + label[1:]
        return f"On the {named}, {value}"
    if label.endswith("ly") and len(label_words) == 1:
        # "Currently: moving our warehouse to Azure" is what "we" are doing.
        own = first.endswith("ing") and re.search(r"\bour\b", value)
        return f"We're {label.lower()} {value}" if own else ""
    if first.islower() and (first.endswith("ed") or first in VERBS):
        return f"{label} {value}"  # "Permit-to-Power project cut the average time…"
    plural = label.endswith("s") and not label.endswith(("ss", "us", "news"))
    return f"{label} {'are' if plural else 'is'} {value}"


_ABOUT_A_FIGURE = re.compile(
    r"(about|around|roughly|nearly|almost|over|under|some|more than|fewer than|up to) [£$€]?\d",
    re.IGNORECASE,
)


# A job title, then where it is held.
_TITLE_AT = re.compile(
    r"^([\w&,-]+ ){0,4}(Partner|Manager|Analyst|Head|Director|Lead|Officer|Engineer|Coordinator"
    r"|Scientist|Specialist|Consultant|Advis[eo]r|Assistant|Associate|Executive|CEO|VP)\b"
    r"[\w&, -]{0,30}? at [A-Z]"
)


def with_article(item: str, source_text: str) -> str:
    """The item after "There's": its article kept, "a" given to one singular common thing
    ("a pension with…"), none to a figure, a plural or a name ("ESOP shares…")."""
    words = item.split()
    if _STARTS_WITH_ARTICLE.match(item):
        return words[0].lower() + item[len(words[0]) :]
    if words[0][:1].isdigit() or words[0][:1] in "£$€" or _ABOUT_A_FIGURE.match(item):
        return item  # "There's about 180 year-round staff…"
    # The head noun: the last word before a preposition, a comma or the end.
    head = words[0]
    for word in words:
        if word.lower() in _HEAD_ENDS:
            break
        head = word
        if word.endswith((",", ";")):
            break
    head = head.strip(",;.")
    first = words[0]
    name = (
        first.isupper()
        or "'" in first
        # ("Take-home data exercise" is no name: each part of the word is an everyday one.)
        or not all(part in common_words() for part in first.lower().split("-"))
        or _always_capitalised(first, source_text)
        or (len(words) > 1 and words[1][:1].isupper())
    )
    if not name:
        item = first.lower() + item[len(first) :]
    plural = head.endswith("s") and not head.endswith(("ss", "us"))
    if plural or name:
        return item
    return indefinite(item)


def _always_capitalised(word: str, text: str) -> bool:
    """Whether ``word`` is written capitalised inside sentences of ``text`` too (a product or a
    place, "Spektrix"), not only where a line starts."""
    return bool(re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", text))


def research_said(sources: Sequence[Source], company: str) -> list[str]:
    """Every sentence of the company research that can be said aloud, list items said as
    sentences, in the research's order: what the kinds of question with finders of their own
    (``own_finders``) pick from."""
    return list(dict.fromkeys(said for said, _before in research_said_after(sources, company)))


def research_said_after(sources: Sequence[Source], company: str) -> list[tuple[str, str]]:
    """``research_said``, each with the research's sentence before it as written (said aloud
    or not): "2,300 calls later, closures are down by a fifth" is about what that one names."""
    said: list[tuple[str, str]] = []
    for source in sources:
        if source.kind != "company":
            continue
        previous = ""
        for raw, _title in headed_sentences(source, [company]):
            sentence = answer_sentence(raw)
            said += [
                (one, previous)
                for one in ([sentence] if sentence else item_sentences(raw, source.snippet))
            ]
            previous = raw
    return said
