"""A line of someone's profile as they would say it themselves: "Priya studied Mathematics…" as
"I studied Mathematics…", "Farm vet in Dumfries, 2004 to 2008" as "I was a farm vet in Dumfries,
2004 to 2008", "Graduate Trainee at Corriemoor Airport from 2016 to 2018" as "I was Graduate
Trainee at…", and what the notes say they said in a comment ("In the comments he said they work
12-hour shifts…") as "We work 12-hour shifts…"."""

from __future__ import annotations

import re

from roleplay.core.wording import indefinite
from roleplay.interview.facts import has_verb

# A short label opening a profile's line ("Before that: Data Analyst…", "Hallowmere: joined…").
# ("Tuesday: Kelham Yard…" is a day of their week, no label)
LABEL = re.compile(
    r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b)[A-Z][\w'’-]*(?: [\w'’-]+){0,2}:\s+(?=\S)"
)
STUDY = re.compile(r"\b(MBA|MSc|BSc|BA|MA|PhD|degree|diploma|apprenticeship|course)\b")
_TITLE = re.compile(
    r"\b(Director|Head|Manager|Lead|Chief|Officer|Partner|Founder|President|Analyst|Engineer"
    r"|Administrator|Coordinator|Advis[eo]r|Assistant|Fundraiser|Consultant|Specialist"
    r"|Executive|Planner|Scientist|Developer|Designer|Recruiter|Supervisor|Trainee)\b"
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
_ADVICE_QUOTED = re.compile(
    r'^(?!(?:his|her|their)\b)[^"“:]{0,60}\b(?:advice|tips?)\b[^"“:]{0,40}:\s*(["“][^"“”]+["”])\s*$',
    re.IGNORECASE,
)
# Their words under a label of the notes' ('Post from last month: "Seven years on…"').
_LABELLED_QUOTE = re.compile(
    r'^(?!(?:his|her|their|my|i)\b)[^"“:]{0,40}:\s*(["“][^"“”]+["”])\s*$', re.IGNORECASE
)
_REPORTED = re.compile(
    r"^(?:(?:in|on|at|during) [\w' ]{1,30}?,? )?(?:she|he) (?:said|says|mentioned|explained|wrote"
    r"|told (?:me|us))(?: that)? (?=[a-z])",
    re.IGNORECASE,
)
_AND_THAT = re.compile(r",? and (?:that|said) ")
# A role as a pasted profile's is written at ingest ("Graduate Trainee at Corriemoor Airport
# from 2016 to 2018"): a title, however like a verb its first word.
_ROLE_LINE = re.compile(
    r"^[A-Z][^,;]*? at [A-Z][^;]*? (?:from|since|in) (?:[A-Z][a-z]+ )?(?:19|20)\d\d\b"
)
_SPAN_LAST = re.compile(
    r"^([A-Z][^;]*?),\s*((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d|present)\b(.*)$", re.I
)
_SPAN_FIRST = re.compile(
    r"^((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d|present)\s*[—–-]+\s*(.+)$", re.I
)
# "I studied BSc Biology at Keele", from a profile's degree line, is said "I did a BSc in Biology".
_DEGREE_FIRST = re.compile(
    r"\bI studied (?P<degree>BSc|BA|MA|MSc|MBA|PhD|BEng|MEng|LLB|MPhil),? "
    r"(?P<subject>[A-Z][^,;.]*?)(?= at | from | in (?:19|20)\d\d|[,;.]|$)"
)
_STATES = frozenset(["based", "located", "registered", "certified", "chartered", "licensed"])
_CAREER_VERB = re.compile(
    r"^(Started|Joined|Moved|Worked|Studied|Trained|Qualified|Graduated|Founded|Became|Spent"
    r"|Returned|Left|Ran|Led|Managed|(?i:did|kept|went|took))\s"
)
_HONOURS = re.compile(r"\s*\(Hons\)", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*\(([^()]+)\)")
_ARROW = re.compile(r"\s*(?:→|->)\s*")
# A bracket holding a clause of its own ("(she graduated in 2017)") is set off by dashes; any
# other between commas ("(released at 18)").
_CLAUSE = re.compile(r"^(?:she|he|they|I|we)\b", re.IGNORECASE)


def _aside(match: re.Match[str]) -> str:
    inside = match.group(1)
    return f" – {inside} –" if _CLAUSE.match(inside) else f", {inside}"


def as_written(piece: str) -> str:
    """A line said as its writer put it, with nothing read aloud as a stage direction: no
    label before it, a bracket as an aside ("Tuesday the vans do the north loop, Balcraig,
    Glenmoss…")."""
    text = _BRACKETED.sub(_aside, LABEL.sub("", " ".join(piece.split()))).rstrip(" .;")
    return text[:1].upper() + text[1:] + ("" if text.endswith(("!", "?")) else ".")


# ("Tuesday/Wednesday = Power BI dashboards + random requests": two days, and an equals.)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_LINE = re.compile(
    rf"^(?P<day>{_DAY})s?(?:\s*(?:/|and|&)\s*(?P<also>{_DAY})s?)?"
    r"(?: (?P<part>morning|afternoon|evening)s?)?\s*[–—:=-]\s*"
    r"(?P<rest>[^.]+?)\.?$",
    re.IGNORECASE,
)
# "Monday = pulls the weekend numbers…": what they do, said of them.
_THEIR_VERB = re.compile(r"^([a-z]{3,}[^s\W])s (?=(the|a|an|my|our|his|her|their|some|all|\d))")
_WHERE = re.compile(r"^(?:usually |mostly |always |often )?(?:on|in|at|off|out|from|working)\b")


def first_person(piece: str, name: str) -> str:
    """A line of someone's profile as they would say it ("Priya studied Mathematics…" → "I
    studied Mathematics…"; "Farm vet in Dumfries, 2004 to 2008" → "I was a farm vet in
    Dumfries, 2004 to 2008")."""
    text = LABEL.sub("", " ".join(piece.split())).rstrip(" .;")
    # "2001–2004 — QA Tester, Polyhedra Interactive (Edinburgh)": the years said after what
    # they were, and no brackets or arrows (read aloud as stage directions).
    if dates := _SPAN_FIRST.match(text):
        start, end, text = dates.groups()
        span = f" since {start}" if end.lower() == "present" else f" from {start} to {end}"
        head, semicolon, rest = text.partition(";")
        text = f"{head.rstrip(' .,')}{span}{semicolon}{rest}"
    # "Academy scholar, Ashcombe Rovers FC, 1994 - 1997 (released at 18)": a role with its
    # years after it, said as one ("…Ashcombe Rovers FC from 1994 to 1997, released at 18").
    role = False
    if dates := _SPAN_LAST.match(text):
        head, start, end, rest = dates.groups()
        span = f" since {start}" if end.lower() == "present" else f" from {start} to {end}"
        text, role = f"{head}{span}{rest}", True
    text = _ARROW.sub(" then ", _BRACKETED.sub(_aside, _HONOURS.sub("", text)))
    text = re.sub(r"\s*–\s*$", "", text)  # an aside at the end has no dash to close it
    # "In the comments he said they work 12-hour shifts…, and that anyone…": what they said,
    # said again by them ("We work 12-hour shifts…"), one thing at a time.
    if reported := _REPORTED.match(text):
        text = _AND_THAT.split(text[reported.end() :])[0]
        text = re.sub(r"^they\b", "we", text)
    text = re.sub(r"\s+/\s+", ", ", text)  # "4 on / 4 off": a slash is not said
    # ("did Geography at Sheffield like me": the notes' writer, compared.)
    text = re.sub(r",? like me\b", "", text)
    # "Tuesday – on site at Hatton", "Friday – weekly flash report to Gwen": a week of theirs.
    if day := _WEEKDAY_LINE.match(text):
        rest = day["rest"].rstrip(" .").replace(" + ", " and ")
        if _WHERE.match(rest):
            doing = f"I'm {rest}"
        elif verb := _THEIR_VERB.match(rest):
            doing = f"I {verb.group(1)} {rest[verb.end() :]}"
        else:  # (several things are "it's": "volunteer hours in Airtable, tidying up…")
            several = "," in rest or re.match(r"^(\S+ ){0,3}\S+s\b", rest)
            doing = f"it's {rest}" if several else f"there's {indefinite(rest)}"
        days = f"{day['day'].capitalize()}s" + (
            f" and {day['also'].capitalize()}s" if day["also"] else ""
        )
        if day["part"]:  # "Wednesday morning: out with the van crew"
            days = f"{days[:-1]} {day['part'].lower()}s"
        return f"On {days} {doing}."
    # Their own words quoted in the research are simply said ('Advice to people starting out:
    # "Learn to read a budget…"' too; "Her advice: …" is said as "My advice: …").
    if quoted := (_ADVICE_QUOTED.match(text) or _LABELLED_QUOTE.match(text)):
        text = quoted.group(1)
    if re.fullmatch(r'["“][^"“”]+["”]', text):
        text = text[1:-1].strip().rstrip(" .")
        return f"{text[:1].upper()}{text[1:]}."
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
    mine = re.match(r"^(I|My|I'm|I'd|I'll|I've)\b", text)
    # ("Best advice I ever got: learn the box office system…" is said as it is.)
    speaking = bool(re.search(r"\bI\b", text))
    # (An exclamation is no role: "Always nice to hear from a Keele person!")
    verbless = not _has_verb(text) and not text.endswith("!")
    # ("Started as student vet nurse, qualified 2018": their doing, its subject left out.)
    subjectless = bool(_CAREER_VERB.match(text))
    if not (mine or role) and _GLAD.match(text):  # "Always happy to talk to…": I'm
        text = f"I'm {text[:1].lower()}{text[1:]}"
    elif not (mine or role) and _TIP.match(text):  # "Don't oversell the cycling": said as told
        pass
    elif not mine and (
        role or (not speaking and (_ROLE_LINE.match(text) or verbless or subjectless))
    ):
        text = _verbless(text)
    text = _DEGREE_FIRST.sub(lambda m: f"I did {indefinite(m['degree'])} in {m['subject']}", text)
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
    if text.startswith("I "):
        # "I share the running of the trust … and is responsible for finance": the second verb
        # is mine too.
        text = re.sub(r"(?<=\band )(is|has)\b", lambda m: _OWN_VERB[m.group(1)], text)
    if re.search(r"\bI\b", text):
        # "…I worked front of house, and now runs our email campaigns": so is a verb after
        # "now", "also" or "still".
        text = re.sub(r"(?<=\band )((?:now|also|still) )([a-z]{2,}[^s'u])s\b", r"\1\2", text)
    return re.sub(r"\bI's\b", "I'm", text)


# A tip in the imperative, and how glad they are to help: no role to be said as "I was a…".
_TIP = re.compile(
    r"^(?:Don'?t|Do not|Never|Read|Learn|Bring|Ask|Practi[sc]e|Brush up|Try|Talk|Prepare|Check"
    r"|Look|Know|Be|Get|Spend|Say|Think|Go|Keep|Find|Remember|Have)\b"
)
_GLAD = re.compile(r"^(?:Always |Very |Really |More than )?(?:happy|keen|glad|pleased) to\b", re.I)


def _verbless(item: str) -> str:
    """A profile's list line with no subject, said as what they did or were."""
    first = item.split()[0]
    if _CAREER_VERB.match(item):  # "did Geography at Sheffield, graduated 2022"
        return f"I {first.lower()}{item[len(first) :]}"
    # ("Registered Veterinary Nurse at Fernhollow from 2016": a title, not a doing.)
    if first.lower() in _STATES and not _ROLE_LINE.match(item):  # "Based in Leeds since 2019"
        lowered = item[:1].lower() + item[1:]
        return f"I've been {lowered}" if re.search(r"\bsince\b", item) else f"I was {lowered}"
    if first.lower().endswith("ed") and (_CAREER_VERB.match(item) or not _ROLE_LINE.match(item)):
        return f"I {first.lower()}{item[len(first) :]}"
    head = item.split(",")[0]
    if _TITLE.search(head):  # "Clinical Director at Skipton from 2014": a title, no article
        said = item
    else:
        # (not "QA Tester": an acronym keeps its capitals)
        lowered = item if item[1:2].isupper() else item[:1].lower() + item[1:]
        said = indefinite(lowered)
    said = re.sub(r";\s*sits\b", " and I sit", said)
    if STUDY.search(head):
        return f"I did {said}"
    if re.search(r"\bsince\b", item):
        return f"I've been {said}"
    return f"I was {said}"
