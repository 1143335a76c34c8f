"""Research notes made into sentences that each stand alone, before any is weighed as an answer.

People paste notes, not prose: a bio line ("Aisling Doherty, Insight Manager – the post reports
to her. She joined in 2019…"), a dated news line ("August 2025 (Courier): the council renewed…"),
a short heading with "It" below it, "She" meaning the person just named. Said alone, each of
those points at a line the candidate never heard. Here each is rewritten to say what it points
at ("The post reports to Aisling.", "In August 2025, the council renewed…", "Aisling joined in
2019…"); what cannot be rewritten is left as it was, for ``sayable.answer_sentence`` to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import EMPHASIS, STARTERS, has_verb, last_heading, research_pieces
from roleplay.interview.transcript import said_of, speaker, speakers

# "It" opening a sentence after one about the company, or under a short heading, is what they
# name ("Fennock Water is the regional supplier. It employs 2,300 people.", "Open+ extended
# hours. It added 31 opening hours a week.").
_IT = re.compile(
    r"^It(?= (is|was|has|had|employs|supplies|runs|makes|sells|started|began|\w+s|\w+ed) )"
)
_ITS = re.compile(r"^It's (?=[a-z£$€\d])")
# "it" after a word that governs it points back ("9,400 tickets went through it").
IT_AFTER = re.compile(r"\b(through|with|from|of|about|into|for|using|joined|use|uses|used) it\b")
# (Accented letters and a "Mac"/"Mc" name are names too: "Renée Comeau", "Colin MacAskill".)
_NAME = r"(?:Ma?c[A-Z][a-z]+|[A-Z][a-zà-öø-ÿ]+)(?:[-'][A-Z][a-zà-öø-ÿ]+)?"
# A person named in the research ("Dana Whitcombe").
PERSON = re.compile(rf"\b({_NAME} {_NAME})\b")
# A bio line: "Aisling Doherty, Performance and Insight Manager – the post reports to her."
_BIO = re.compile(rf"^({_NAME} {_NAME}), ((?:the )?[A-Z][\w&'-]*(?: [\w&'-]+){{0,7}}) [–—-] (.+)$")
# A profile's heading: "Priya Lund, Graduate Data Analyst", "Dr Helen Marsh-Okafor – Director".
# (Letters after the name are no part of it: "Dr Owain Lloyd-Harris BVSc MBA MRCVS – Chief
# Executive".)
_POSTNOMINAL = r"(?:[A-Z]{2,6}|[BM][A-Z]*Sc|PhD|DPhil|BVetMed|Cert[A-Z]+|Dip[A-Z]+)"
PROFILE_HEAD = re.compile(
    rf"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.? )?((?!{_POSTNOMINAL}\b)[A-Z][\w'’-]+"
    rf"(?: (?!{_POSTNOMINAL}\b)[A-Z][\w'’-]+){{1,2}})(?: {_POSTNOMINAL}\b)*"
    r"(?:, | [-–—|·] | \()(.{3,80}?)\)?\s*$"
)


def profile_heading(location: str) -> re.Match[str] | None:
    """The last heading over a passage when it names a person and their title (the name,
    then the title, as groups); None for any other."""
    return PROFILE_HEAD.match(EMPHASIS.sub("", last_heading(location)).strip(" #"))


_MY_MANAGER = re.compile(
    r"^(she|he|they)('d| would| will|'ll) be my (line )?(manager|boss)\b", re.IGNORECASE
)
# A person's line of notes: "Ben Kowalczyk, Analytics Manager."
# "Ben Kowalczyk, Analytics Manager.", a LinkedIn header "Aoife Brennan · Head of Commercial
# Insight at Kilbrack Bakeries."
_NAMED_LINE = re.compile(rf"^({_NAME} {_NAME})(?:,| ·| [–—-]) [A-Z][^.]{{0,80}}\.$")
# The sections of a pasted LinkedIn profile: still about the person it opened with.
_PROFILE_SECTIONS = frozenset(["About", "Experience", "Education", "Activity", "Skills"])
# "She joined…", "He came from…": the person the sentence before was about.
_PRONOUN_START = re.compile(r"^(She|He)(?= [a-z])")
_PRONOUN = re.compile(r"\b(she|he|her|him|his)\b(?! own)")
# Words after "her" that make it "to her", not "her team".
_NOT_OWNED = frozenset(
    ["and", "or", "but", "in", "on", "at", "to", "for", "with", "from", "since", "as", "about",
     "when", "while", "until", "after", "before", "too"]
)  # fmt: skip
# Lower-case first words of a bio's text that are no verb of the person's.
_NOT_A_VERB = frozenset(["the", "a", "an", "our", "their", "this", "that", "these", "those"])
# A line with no subject after a person's ("Started in 2022.", "Led the Crewline move.").
_SUBJECTLESS = re.compile(r"^(Started|Joined|Led|Leads|Runs|Heads|Came|Moved|Built|Worked)\b")
# A news line dated first ("August 2025 (Hollinsdale Courier): the council renewed…").
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DATED = re.compile(
    rf"^((?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}},?)? \d{{4}}|\d{{4}}(?:/\d{{2}})?)"
    r"(?: \([^()]*\))?(?::| [-–—]) (?=\S)"
)
# "2022 - Contactless payment on every bus": the word after a date said as "In 2022, …" is
# capitalised only when it is a name.
_AFTER_DATE = re.compile(r"([A-Z][a-z]+)\b(?!-?[A-Z])")
# A sentence that starts with a first name and its verb ("Teodora said…", "Priya joined…").
_SUBJECT = re.compile(
    rf"^({_NAME})(?: {_NAME})? "
    rf"(?:[a-z]+ed|[a-z]{{2,}}s|said|led|put|came|went|wrote|is|was|has|had)\b"
)
_BOLD = re.compile(r"\*\*([^*]{2,60})\*\*")
_NOT_A_PERSON = frozenset(
    [*STARTERS, "Head", "Director", "Manager", "Chief", "Senior", "Our", "Local", "National",
     "Regional", "Central", "General", "Annual"]
)  # fmt: skip
# Words that end a title or a team's name, not a person's ("Product Analyst", "Data Team").
_NOT_A_SURNAME = frozenset(
    ["Analyst", "Analysts", "Manager", "Director", "Officer", "Lead", "Engineer", "Team",
     "Group", "Services", "Insight", "Insights", "Partner", "Assistant", "Scientist", "Trust",
     "Council", "Street", "Road", "Office", "Library", "Centre", "Center", "University",
     "Government", "Scheme", "Fund", "Board", "Lane", "Park", "Station", "Stadium", "Baths",
     "County", "Valley", "Yard", "Hall", "Depot", "Market", "College", "School", "Hospital",
     "Monitor", "Platform", "System", "Systems", "Cloud", "Suite", "Studio", "Hub", "Portal",
     "Server", "Online", "Desk", "Analytics", "Pro", "Connect", "Operations", "Practice",
     "Programme", "Program", "Department", "Management", "Data", "Books", "Bookshop", "Press",
     "Publishing", "Traineeship", "Apprenticeship", "Internship", "Fellowship"]
)  # fmt: skip
_MAYBE_PERSON = re.compile(rf"(?=\b({_NAME} {_NAME})\b)")


def people_in(text: str) -> set[str]:
    """The people ``text`` names ("Teodora Barran"), not titles, teams or places that look
    like names ("The Product", "Product Analyst", "Market Street")."""
    found = set()
    for match in _MAYBE_PERSON.finditer(text):
        first, last = match.group(1).split()
        if first not in _NOT_A_PERSON and last not in _NOT_A_SURNAME:
            found.add(match.group(1))
    return found


def research_sentences(source: Source, company: Sequence[str]) -> list[str]:
    """The passage's sentences, each made to stand alone where it can: "it" said as what it
    stands for, a bio line as who the person is and what it says of them, "she" as the person
    just named, a dated news line as what happened then."""
    return [sentence for sentence, _heading in headed_sentences(source, company)]


# A label that names no subject, then a sentence of its own in lower case ("What's new: in
# 2023 we moved all sites onto the Voltaris Monitor platform."; "RRSP match: we match…" keeps
# its label, which is what it is about).
_LABEL_THEN_SENTENCE = re.compile(
    r"^(?:What['’]?s new|Latest|Update|News|Recently|Highlights?|In brief|In short): "
    r"(?=(?:in \d{4},? )?(?:we|our|the|it|they) [a-z])",
    re.IGNORECASE,
)
# A short label over a sentence of its own ("Team: You will sit in the Performance & Planning
# cell…").
_LABEL_OVER_SENTENCE = re.compile(
    r"^([A-Z][\w&'’/-]*(?: [\w&'’/-]+){0,3}): (?=(?:You|We|Our|The|It|They|This|These|If"
    r"|Because|Any|Each|Every|All|There)\b \S)"
)
# A sentence written on after a label's dash, in lower case.
_LOWER_CLAUSE = re.compile(r"^(we|our|you|everyone) [a-z]")


_PDF_PAGE = re.compile(r"^page \d+ [>›] ")


def headed_sentences(source: Source, company: Sequence[str]) -> list[tuple[str, str]]:
    """``research_sentences`` with the short heading each sits under ("" for none): "11,200
    members now." under "Lantern Friends membership" is about the Friends scheme."""
    first = company[0].split()[0] if company and company[0].split() else ""
    subject = bool(first) and source.location.startswith(first)
    heading, last_short = "", ""
    # A PDF's heading, read from its type, is where the passage says it sits ("page 1 >
    # Working pattern"); in its page's text it stood as a line of its own, over the sentences.
    if _PDF_PAGE.match(source.location):
        under = last_heading(source.location)
        heading = under if 1 < len(under.split()) <= 5 and not has_verb(under.split()[1:]) else ""
    # Under a profile's heading ("Dr Helen Marsh-Okafor, Clinical Operations Director"), "She"
    # and a line without a subject are about that person.
    profile = profile_heading(source.location)
    person = profile.group(1).split()[0] if profile and people_in(profile.group(1)) else ""
    resolved: list[tuple[str, str]] = []
    # A bold line is a heading whatever its words ("**Open+ extended hours.**").
    bold = {b.strip().rstrip(".") for b in _BOLD.findall(source.snippet)}
    talker, talkers = "", speakers(source.snippet)  # who speaks, in a transcript
    for piece in research_pieces(source.snippet):
        if turn := speaker(piece, talkers):
            talker, piece = turn
        if talker:
            piece = said_of(piece, talker) or piece  # "I was working…" as "Callum was…"
        words = piece.rstrip(".").split()
        short = 1 < len(words) <= 5 and piece[:1].isupper() and not words[0].endswith("ed")
        titled = short and (not has_verb(words[1:]) or piece.rstrip(".") in bold)
        if dated := _DATED.match(piece):
            piece = f"In {dated.group(1)}, " + _lowered(piece[dated.end() :], source.snippet)
        if labelled := _LABEL_THEN_SENTENCE.match(piece):
            rest = piece[labelled.end() :]  # "What's new: in 2023 we moved all sites onto…"
            piece = rest[:1].upper() + rest[1:]
        label = ""
        if over := _LABEL_OVER_SENTENCE.match(piece):
            # "Airside pass: Because the role goes airside, any offer is subject to…": the
            # sentence says it; the label is what it is about.
            label, piece = over.group(1), piece[over.end() :]
        if heading and _LOWER_CLAUSE.match(piece):
            piece = piece[:1].upper() + piece[1:]  # "Hybrid working - we ask everyone to…"
        bio = _BIO.match(piece)
        if bio:
            name, title, rest = bio.groups()
            person = name.split()[0]
            resolved.append((f"{name} is {title.rstrip('.')}.", heading))
            # "– she'd be my line manager": the writer's post reports to them.
            mine = _MY_MANAGER.match(rest)
            piece = f"The post reports to {name}." if mine else _about(person, rest)
        elif person and (_PRONOUN_START.match(piece) or _SUBJECTLESS.match(piece)):
            piece = _about(person, piece)
        elif (line := _named_line(piece)) and piece.split()[0] not in _NOT_A_PERSON:
            person = line.split()[0]  # "Ben Kowalczyk, Analytics Manager."
        elif titled and person and (words[0] in _PROFILE_SECTIONS or " · " in piece):
            pass  # "Experience", "Senior Analyst · Kilbrack": still the profile's person
        elif titled and not talker:
            heading, subject, person = piece.rstrip("."), False, ""  # "**Front Row Fund.**"
        elif _IT.match(piece) and (heading or last_short or subject):
            # "Open+ extended hours. It added 31 opening hours": a short line is a heading
            # even when one of its words looks like a verb.
            piece = _IT.sub(heading or ("The company" if subject else last_short), piece)
        elif _ITS.match(piece) and (heading or last_short):
            piece = _ITS.sub(f"{heading or last_short} is ", piece)
        elif heading and IT_AFTER.search(piece):
            thing = heading if heading.startswith("The ") else f"the {heading}"
            piece = IT_AFTER.sub(_naming(thing), piece)
        else:
            subject = bool(first) and piece.startswith((first, "The company"))
            # ("Moved Kilbrack's reporting off Excel" has lost its subject: "Moved" is nobody;
            # "Tullamore, County Offaly · 500+ connections" is a profile's field, nobody new.)
            fields = _SUBJECTLESS.match(piece) or " · " in piece
            # ("Owain grew up near Llandrindod Wells…" is still about Owain.)
            theirs = bool(person) and piece.startswith(f"{person} ")
            someone = None if fields or theirs else _subject_person(piece, first)
            person = person if someone is None else someone
        last_short = piece.rstrip(".") if short else ""
        resolved.append((piece, label or heading))
    return resolved


def _named_line(piece: str) -> str:
    """The person a line names with their title, and nothing else ("Ben Kowalczyk, Analytics
    Manager.", "Dr Owain Lloyd-Harris BVSc MBA MRCVS – Chief Executive."); "" for any other."""
    if line := _NAMED_LINE.match(piece):
        return line.group(1)
    head = PROFILE_HEAD.match(piece.rstrip(". "))
    if head and PERSON.fullmatch(head.group(1)) and not has_verb(head.group(2).split()):
        return head.group(1)
    return ""


def _naming(thing: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``IT_AFTER``: "it" said as what it names ("through the Fund")."""
    return lambda match: f"{match.group(1)} {thing}"


def _about(person: str, piece: str) -> str:
    """``piece`` said of ``person``: a missing subject given, "she" and "her" said as their
    name ("looks after the data feeds" as "Nadia looks after the data feeds", "Started in
    2022." as "Nadia started in 2022.", "Priya reports to him" as "Priya reports to Tom")."""
    first = piece.split()[0] if piece.split() else ""
    verb = first.islower() and first not in _NOT_A_VERB and has_verb([first])
    if verb or _SUBJECTLESS.match(piece):
        piece = f"{person} {first.lower()}{piece[len(first) :]}"
    piece = _PRONOUN_START.sub(person, piece)
    if piece.startswith(person):
        return piece  # "Teodora put panels on her own garage": "her" is hers
    piece = piece[:1].upper() + piece[1:]
    return _PRONOUN.sub(lambda m: _named(m, person), piece)


def _named(match: re.Match[str], person: str) -> str:
    """A pronoun said as the person: "her" before a noun is theirs ("her team": "Aisling's
    team"), "his" always."""
    word = match.group(1).lower()
    after = match.string[match.end() :].split()
    noun = bool(after) and after[0][:1].isalpha() and after[0] not in _NOT_OWNED
    owning = word == "his" or (word == "her" and noun)
    return f"{person}'s" if owning else person


def _subject_person(piece: str, company: str) -> str | None:
    """The first name of the one person ``piece`` names, who a "She" after it means; "" when it
    names several, None when it names none (the person before is still the one meant)."""
    # The sentence's subject first: "Teodora said orders…" is about Teodora, whatever it names.
    subject = _SUBJECT.match(piece)
    if subject and subject.group(1) not in _NOT_A_PERSON and subject.group(1) != company:
        return subject.group(1)
    people = {person for person in people_in(piece) if person.split()[0] != company}
    if not people:
        return None
    return next(iter(people)).split()[0] if len(people) == 1 else ""


def _lowered(clause: str, text: str) -> str:
    """``clause`` with its first word in lower case unless it is a name: one with a capital
    inside ("GalloLink") or one the research capitalises inside a sentence too ("the Thornesk
    depot")."""
    first = _AFTER_DATE.match(clause)
    if not first:
        return clause
    word = first.group(1)
    if re.search(rf"\b[a-z,]+ {word}\b", text):
        return clause
    return word.lower() + clause[len(word) :]
