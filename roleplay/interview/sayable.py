"""Research sentences that can be said aloud on their own, as an answer to a question.

Research is notes: Markdown, lists, headings, sentences pointing back ("It was founded…"), words
to the reader. A sentence is said only when it stands alone: no list marker, markup or aside,
no words to the reader, a subject and a verb and something particular. "It" is said as what it
stands for, a "Name, Title" line as who they are, and a section's list under its heading as one
sentence ("The benefits include…").
"""

from __future__ import annotations

import re

from roleplay.core.session import Source
from roleplay.interview.facts import (
    EMPHASIS,
    IMPERATIVE,
    REQUIREMENT,
    SHORTHAND,
    STARTERS,
    VERBS,
    has_verb,
    sentences,
    specifics,
)
from roleplay.interview.standalone import IT_AFTER, PERSON, people_in
from roleplay.interview.terms_lines import terms_said
from roleplay.interview.to_applicant import TERMS, said_to_candidate, unaddressed

NUMBER_WORDS = (
    # Not "one": "that one", "the one who" say nothing particular.
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|half|third|quarter|dozen|double|twice|triple"
)
# A figure, or a span of time ("within a week of the panel").
A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a calendar year, on its own
SPECIFIC = re.compile(
    rf"\d|%|\b({NUMBER_WORDS}|percent)\b|\b(a|per|each|every) (day|week|fortnight|month)\b"
    r"|\b(first|second|third) (day|week|fortnight|month|year)\b",
    re.IGNORECASE,
)

# A sentence without its subject (a list of a leader's duties), or without a verb.
_FRAGMENT_STARTS = frozenset(
    ["Leads", "Writes", "Chairs", "Runs", "Heads", "Owns", "Still", "Also", "Known", "Could",
     "Would", "Should", "Might", "May", "Can", "Will", "Must"]
)  # fmt: skip
_MARKER = re.compile(r"^\s*(?:[-*•]+|\d+[.)](?!\d)|#+)\s*")  # (not "36.5 hours")
# Research is data: a sentence that talks to the reader or holds markup is never an answer.
_LIST_NUMBER = re.compile(
    r"\d{1,2}[.)]?\s+[A-Z][a-z]+\b"
    r"(?!\s+(?:Street|Road|Lane|Avenue|Way|Square|Place|Yard|Drive|Close|Court|Row|Hill)\b)"
)
NOT_AN_ANSWER = re.compile(
    r"[<>\[\]{}#|~\\/@=·•]|-{3,}|https?|www\.|\bignore\b|\binstruction|\bprompt\b"
    r"|\b(system|assistant|user|developer)\s*:|\bsystem (message|override)"
    r"|\bpretend\b|\byou\b|\byour\b|\bnotes?\b|\bfictional\b|\bplease\b"
    # (the writer's reminder to themselves: "…site logistics, maybe ask what the Saturday…")
    r"|\b(maybe|must|should|need to|remember to) (ask|check|mention|find out|message)\b"
    # ("Salary 29,605 to 34,132 - ask how starting point works")
    r"|(^|[-–—,;:(]\s*)ask (how|what|whether|if|about|who|when|why|them|her|him)\b",
    re.IGNORECASE,
)
# The writer of the notes speaking ("I'd be the fourth", "my friend Tom"), or pointing at the
# moment they wrote in ("so this is a bit of a cram"): the interviewer cannot say it as theirs.
_WRITER = re.compile(
    r"\b(I|i|I'm|I'd|I've|I'll|[Mm]y|me|mine)\b|\b(this|that) (is|was)\b(?! \w+ed\b)"
)
# ("It costs £9.8 million a year to run Brackenridge": an "it" that points ahead, to what it
# costs or takes to do, points at nothing said before.)
_WORD_SLASH = re.compile(r"(?<![\w./])([A-Za-z]{3,})/([a-z]{3,})(?![\w./])")
# A season or financial year ("2024/25", "22/23"), said "2024 to 25".
_SEASON = re.compile(r"\b((?:19|20)?(\d\d))/(\d\d)\b")
# A split of a whole ("roughly 60/40 between metadata and reporting"), said "60-40".
_SPLIT = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_SO_CLAUSE = re.compile(r", so (?=(?:our|the|we|you|it|its|there|most|all) [a-z])")
_POINTING_START = re.compile(
    r"^(it(?! (costs?|takes?|took) [^,;]{1,40}? to [a-z]+)|its|they|their|this|these|those|he|she"
    r"|his|her|here"
    # ("Instead they sold to the trust…": instead of what the sentence before said.)
    r"|instead|otherwise|even so|as a result|because of this|after that|that way)\b",
    re.I,
)
# A person named only by a pronoun ("reports to her team") was named in a sentence not said.
_PERSON_POINTER = re.compile(r"\b(he|she|him|her|his|hers)\b", re.I)
_NAME_AND_TITLE = re.compile(
    r"^([A-Z][a-z]+(?:[-'][A-Z][a-z]+)? [A-Z][a-z]+(?:[-'][A-Z][a-z]+)?), "
    r"((?:the )?(?:[A-Z][\w&-]*|of|and|for|the)(?: (?:[A-Z][\w&-]*|of|and|for|the))*\.)$"
)


def _split(match: re.Match[str]) -> str:
    first, second = int(match.group(1)), int(match.group(2))
    return f"{first}-{second}" if first + second == 100 else match.group(0)


def _who_they_are(match: re.Match[str]) -> str:
    name, title = match.groups()
    return f"{name} is {title}" if people_in(name) else match.group(0)


_OWN = re.compile(r"(his|her) own\b", re.I)
# A sentence whose subject is a person named first: a "she" later is them ("Anjali joined in
# 2018 from CN Rail, where she was a network planner.").
_NAMED_SUBJECT = re.compile(
    r"^[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)? "
    r"(?:[a-z]+(?:ed|s)|put|came|went|left|led|wrote|took|made|built|grew|won|ran|sold|kept|"
    r"gave|began|found|became|set|is|was|has|had|will|can|did)\b"
)
# Notes before a semicolon with no verb ("Ben's boss; joined in 2019 from a homebuilder.").
_HEADLESS = re.compile(r"^(?:(?!\b(?:is|are|was|were|has|have|had)\b)[^;])*; [a-z]+ed\b")
_FOLLOWING = re.compile(r"^(?:Then|And then|And|So|But),? (?=[A-Z])")
# Words that open a saying, not a sentence about someone ("Time flies when the buses keep
# breaking down."): no one's first name.
_NO_ONES_NAME = frozenset(
    ["Time", "Life", "Money", "Nothing", "Everything", "Everyone", "Everybody", "Nobody",
     "Things", "Work", "Business", "Data", "Numbers", "Experience", "Practice", "Change"]
)  # fmt: skip
_DASH = re.compile(r"\s+[–—-]\s+")
# A dash between two figures is a range: "£34,000 - £38,500" is said "£34,000 to £38,500".
_RANGE = re.compile(r"(?<=\d)\s+[–—-]\s+(?=[£$€]?\d)")
# A list said under its heading: at most this many items of at most this many words, under a
# heading of at most this many words that names a subject ("Benefits", "Hiring process").
LIST_ITEMS, ITEM_WORDS, TOPIC_WORDS = 3, 16, 3
_LIST_ITEM = re.compile(r"(?:^|\s)(?:[-•*]|\d{1,2}[.)])\s+(?=\S)")  # not "in 2023. "
_NOT_A_TOPIC = re.compile(
    r"^(what|how|who|why|when|where|in|on|at|from|about|my|our)\b|\b(i|i'd|i'm|my|me)\b|[?:…]",
    re.IGNORECASE,
)
# An item in the writer's own voice, or one that talks to the reader, is not said.
_NOT_AN_ITEM = re.compile(
    r"\b(i|i'd|i'm|i've|my|me|we|our|you|your|she'd|he'd)\b|^(she|he|they|it)\b|https?|www\.|"
    r"[<>\[\]{}#|~\\/@=:]",
    re.IGNORECASE,
)
LISTED = re.compile(r"^The (.+?) includes? ")
_BENEFITS_HEADING = re.compile(
    r"^(what (you'?ll|you will|you) get|what we offer( you)?|what'?s in it for you"
    r"|(perks|rewards?)( and benefits)?)\W*$",
    re.IGNORECASE,
)
_MONTHS = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"]
)  # fmt: skip
_ARTICLE = re.compile(r"^(A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b(?! [A-Z])")
# An aside in brackets; not the brackets inside a word ("401(k)").
ASIDE = re.compile(r"(?:^|\s+)\([^()]*\)")
# Where a long sentence's second clause starts ("…, and we now operate nine sites…").
_SECOND_CLAUSE = re.compile(r", (?:and|but) (?:we|it|they|our|the|this) (?=[a-z])|; (?=[a-z])")
# "our small team (currently four people) and…": a count of people in brackets is the fact a
# question about the team wants, said between commas instead.
_COUNT_ASIDE = re.compile(
    rf"\s+\(((?:currently |now |just |about |around )?(?:\d+|{NUMBER_WORDS}) "
    r"(?:people|staff|analysts|of us))\)(?=\s+\w)",
    re.IGNORECASE,
)
BRACKETED_LETTER = re.compile(r"(\d)\((\w)\)")  # "401(k)" is "401k"
# A first name and the post it holds ("…from Joel, our Metadata Assistant, so that he can…").
_TITLED_NAME = re.compile(r"\b[A-Z][a-z]+, (?:our|the|a|an) (?:[A-Z][\w&-]*(?: |,))+")
_OPENS_ASIDE = re.compile(r"(?:^|\s)\(")
# Two sentences run together ("…the old system The team moved…"); "to stop The Grand being…"
# names a place.
_RUN_ON = re.compile(r"\s(?:The|We|Our|In|It|This|A|An|They|For|At|On|To)\s(?![A-Z])")
ANSWER_WORDS = (4, 32)
# A sentence that led into a list, its colon read as a full stop ("…the grades are:").
_LEADS_IN = re.compile(r"\b(are|is|were|was|include|includes|as follows|following|these)\.$", re.I)
_WE_DID = re.compile(
    r"(?:^(?:So|And|But|Well),? |^|, |^(?:Last|This|In) \w+,? )(?:We|we|They|they)"
    r"(?:(?:'re|'ve)? [a-z]|'re \d)"
)  # ("We're 61 people now.")
_WHEN = re.compile(
    r"\b(last|this) (season|year|spring|summer|autumn|fall|winter|quarter)\b"
    r"|\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b",  # "Wednesdays are free of meetings"
    re.I,
)
# A description between commas after a name: ", a former stage manager at the Old Vic,".
# ... or a "which" clause about what is named: ", which is chaired by the Deputy Chief…,".
APPOSITIVE = re.compile(
    r"(?<=[a-z]), (?:(?:a|an) [^,]{3,60}|which (?:is|are|was|were) [^,]{3,60})(?=, )"
)


def _season(match: re.Match[str]) -> str:
    following = (int(match.group(2)) + 1) % 100 == int(match.group(3))
    return f"{match.group(1)} to {match.group(3)}" if following else match.group(0)


def answer_sentence(raw: str, *, applicant: bool = False) -> str:
    """``raw`` as a sentence that can be said aloud on its own, or "" when it cannot be: list
    markers, emphasis and asides in brackets dropped, no markup, no words to the reader, no
    pointing back. ``applicant`` when it comes from a job ad's list, whose "you" is the
    applicant ("7% employer pension contribution when you put in 5%")."""
    # "We were set up in 2004, and now run nine sites:" says what it says before its list.
    sentence = _COUNT_ASIDE.sub(r", \1,", re.sub(r"(?<=[a-z]):$", ".", raw.strip()))
    sentence = terms_said(sentence)
    sentence = ASIDE.sub("", EMPHASIS.sub("", _MARKER.sub("", sentence))).strip()
    # "For an informal chat, please contact Ruth Okafor…" is said to the candidate as what
    # they can do.
    sentence = said_to_candidate(sentence)
    # "employment/education" is said "employment or education" (a web address keeps its
    # slash, and is never said).
    sentence = _WORD_SLASH.sub(r"\1 or \2", _SEASON.sub(_season, _SPLIT.sub(_split, sentence)))
    # "These can take 4-6 weeks, so our target start date is early June 2025.": what follows
    # "so" stands alone where the start points back.
    if _POINTING_START.search(sentence) and (then := _SO_CLAUSE.search(sentence)):
        sentence = sentence[then.end() :]
        sentence = sentence[:1].upper() + sentence[1:]
    # "Then Callum became depot supervisor…": said alone, it follows nothing.
    if lead := _FOLLOWING.match(sentence):
        sentence = sentence[lead.end() :]
        sentence = sentence[:1].upper() + sentence[1:]
    # "401(k)" said "401k": brackets in a reply read as a stage direction.
    sentence = BRACKETED_LETTER.sub(r"\1\2", sentence)
    # "Priya Ramaswamy, Head of Network Insight." is said as who she is.
    # ("Product Analyst, Larkspur Insights." is a post and its team, and stays as it is.)
    sentence = _NAME_AND_TITLE.sub(_who_they_are, _DASH.sub(", ", _RANGE.sub(" to ", sentence)))
    words = sentence.split()
    if len(words) > ANSWER_WORDS[1]:
        # "…by Cecily Marlowe, a former stage manager at the Old Vic, who raised…": who a
        # person is can go; what they did is the answer.
        sentence = APPOSITIVE.sub("", sentence, count=1)
        words = sentence.split()
    if len(words) > ANSWER_WORDS[1] and (second := _SECOND_CLAUSE.search(sentence)):
        # "We were set up in 2004, when the council…, and we now operate nine sites…": the
        # first clause says it alone.
        sentence = sentence[: second.start()] + "."
        words = sentence.split()
    if not (ANSWER_WORDS[0] <= len(words) <= ANSWER_WORDS[1]) or not sentence.endswith("."):
        return ""
    if _LEADS_IN.search(sentence):
        return ""  # "Salaries for the grades most used are." led into a list, and says nothing
    if not (sentence[:1].isupper() or sentence[:1].isdigit() or sentence[:1] in "£$€"):
        return ""  # "sorting floor runs two shifts…": notes, not a sentence
    if _LIST_NUMBER.match(sentence):
        return ""  # "1 Get to know our four sites…": a list's item, its number left on
    # A careers page speaks to the applicant ("You will report to Anjali Rao-Bergeron", "We
    # ask the team to be in two days a week, the second day is up to you"): said to the
    # candidate, it means what it says. Any other "you" is a note to the reader.
    checked, to_applicant = unaddressed(sentence, applicant=applicant)
    if NOT_AN_ANSWER.search(checked) or _WRITER.search(sentence) or SHORTHAND.search(sentence):
        return ""
    if "?" in sentence or _OPENS_ASIDE.search(sentence) or _HEADLESS.match(sentence):
        return ""
    pointer = _PERSON_POINTER.search(sentence)
    if IT_AFTER.search(sentence):
        return ""
    named_first = (
        bool(_NAMED_SUBJECT.match(sentence))
        and words[0] not in STARTERS
        and words[0] not in _NO_ONES_NAME
    )
    # "The founder is Teodora Barran, who taught physics before she started…": the one person
    # named before the pronoun is who it means.
    before = sentence[: pointer.start()] if pointer else ""
    named_before = pointer and (
        len(people_in(before)) == 1
        or (not people_in(before) and len(_TITLED_NAME.findall(before)) == 1)
    )
    if _POINTING_START.search(sentence) or (
        pointer
        and not named_first
        and not named_before
        and not (_OWN.match(sentence, pointer.start()) and PERSON.search(sentence))
    ):
        return ""  # "…Edwin Marrable, who paid out of his own pocket" points nowhere else
    # A colon early on is a label ("Note: …"); later it introduces a list the sentence owns.
    label = ":" in " ".join(words[:4])
    if _RUN_ON.search(sentence) or sentence.count('"') % 2 or label:
        return ""
    ordered = words[0] in _FRAGMENT_STARTS or words[0] in IMPERATIVE or words[0] in REQUIREMENT
    if ordered and not TERMS.match(sentence):  # ("Start date is…" is no order to start)
        return ""  # "Experience building dashboards in Power BI" is asked of the applicant
    if words[0].endswith("ed"):
        return ""  # "Leads engineering for about 90 people.", "Joined in 2021 from…"
    # Said aloud, the list a colon introduces follows a pause, not a label's mark ("The team
    # has nine people – four vessel planners…" after "Sure." reads as no "Sure. The team:").
    sentence = sentence.replace(": ", " – ")
    # "We employ around 70 people", "Last season we rebuilt…", "You'll join our team…": the
    # word after "we" or "you'll" is its verb, whatever its ending.
    if not has_verb(words[1:]) and not _WE_DID.search(sentence) and not to_applicant:
        # A list item without a verb ("£1,200 a year personal training budget") answers too
        # many questions by its figures alone, and one that starts with its verb ("Looks
        # after the ticketing data") has lost its subject.
        return ""
    # An answer says something particular: a figure or a name ("We build the tools clinics
    # use" answers no question about tools); a person's doing is particular too, and when
    # the work happened ("Last season we rebuilt our demand forecast").
    particular = bool(specifics(sentence) or SPECIFIC.search(sentence) or _WHEN.search(sentence))
    particular = particular or named_first
    # ("Your first big piece of work will be the evaluation of our call challenge policy.":
    # the post's own work, named, is as particular as any figure)
    particular = particular or bool(to_applicant and sentence.startswith("Your "))
    return sentence if particular else ""


def section_list(source: Source) -> str:
    """A section's list said as one sentence under its heading ("The benefits include two free
    tickets for every production, 25 days' annual leave and a 6% employer pension
    contribution."), or "" when the passage holds no such list. A list item names things
    without a verb, so alone it cannot be said; under its heading it answers what the heading
    is about."""
    # The heading path, "Notes > Benefits" (shown as "›" once it reaches the interview).
    path = re.split(r"\s*[>›]\s*", source.location)
    topic = ASIDE.sub("", path[-1]).strip() if len(path) > 1 else ""
    if not topic:
        # Plain text has no headings but a short line over its list ("Benefits. - 28 days…").
        topic = _LIST_ITEM.split(source.snippet, maxsplit=1)[0].strip().rstrip(".:")
    topic = re.sub(r"^\d+[.)]\s*", "", topic)  # "2. Our Story" is the section "Our Story"
    if _BENEFITS_HEADING.match(topic):
        topic = "benefits"  # ("What you get": what comes with the job)
    if not topic or len(topic.split()) > TOPIC_WORDS or _NOT_A_TOPIC.search(topic):
        return ""
    topic = re.sub(r"^the\s+", "", topic, flags=re.IGNORECASE)
    items: list[str] = []
    for raw in _LIST_ITEM.split(source.snippet)[1:]:
        first = sentences(_DASH.sub(", ", ASIDE.sub("", EMPHASIS.sub("", raw))))
        item = first[0].rstrip(".").strip() if first else ""
        words = item.split()
        # An item is a thing named, not a sentence ("The team has eleven people") or a label.
        if not (3 <= len(words) <= ITEM_WORDS) or _NOT_AN_ITEM.search(item):
            continue
        if any(w.strip(",;") in VERBS for w in words) or words[0] in _MONTHS:
            continue
        item = _ARTICLE.sub(lambda m: m.group(0).lower(), item)
        if item not in items:
            items.append(item)
    if len(items) < 2:
        return ""
    said = topic if topic[1:2].isupper() else topic[0].lower() + topic[1:]
    plural = said.endswith("s") and not said.endswith(("ss", "news"))
    verb = "include" if plural else "includes"
    said_items = items[:LIST_ITEMS]
    listed = ", ".join(said_items[:-1]) + f" and {said_items[-1]}"
    return f"The {said} {verb} {listed}."
