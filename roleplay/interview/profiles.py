"""The people the research gives a profile of, and what it says of each.

A job seeker about to meet someone pastes their profile into the research: a "Name, Title"
heading over their story (Markdown or HTML), or the same line pasted as plain text over a
paragraph about them; and their own notes on the person under a heading that names them ("##
Chloe's talk at the alumni evening"). ``played`` decides who the interviewer is among them and
says their lines in the first person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from roleplay.core.session import Source
from roleplay.interview.facts import has_verb, last_heading, research_pieces
from roleplay.interview.messages import chat_messages, messages_opened, quotes_whole
from roleplay.interview.standalone import PERSON, PROFILE_HEAD, people_in, profile_heading
from roleplay.knowledge.chats import CHAT_STAMP
from roleplay.knowledge.linkedin_entries import HEADLINE_ROLE


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    pieces: tuple[str, ...]
    # Pieces they wrote themselves (a chat's messages): said as written, their "he" someone
    # else.
    written: frozenset[str] = frozenset()
    # Pieces of theirs written in reply to a question, with the question ("What systems do
    # you use?"): what they answer.
    replies: tuple[tuple[str, str], ...] = ()


# "I'm applying for the Junior Marketing Executive job", "I've applied for the analyst role":
# the job seeker, writing to someone they will meet.
_APPLYING = re.compile(
    r"\b(?:i'm|i am) (?:applying|interviewing) (?:for|to)\b|\bi(?:'ve| have) (?:just )?applied"
    r" (?:for|to)\b",
    re.IGNORECASE,
)


def _job_seekers(sources: Sequence[Source]) -> set[str]:
    """Who writes in a chat of the research that they are applying."""
    return {
        chatter
        for source in sources
        if source.kind == "company"
        for chatter, said in chat_messages(source.snippet)
        if any(_APPLYING.search(piece) for piece in said)
    }


def profiles(sources: Sequence[Source], company: str = "") -> list[Profile]:
    """The people the research gives a profile of: a heading naming them and their title,
    with what is written under it. A heading naming ``company`` is no one's ("Pennant Cycle
    Works – Fleet & Ops Data Analyst – prep" is the title of the job seeker's notes)."""
    found: dict[str, tuple[str, list[str]]] = {}
    written: dict[str, set[str]] = {}
    pasted_at: dict[str, str] = {}  # where a pasted profile starts, and whose it is
    unclaimed: list[Source] = []
    replies: dict[str, dict[str, str]] = {}
    seekers = _job_seekers(sources)
    for source in sources:
        if source.kind != "company":
            continue
        # What they wrote in a chat exported into the notes is theirs, in their words.
        if chat := chat_messages(source.snippet):
            asked, by = "", ""  # what the last message by someone else asked, and who
            for chatter, said in chat:
                # ("Me": the job seeker's own messages, no one to play)
                # (nor the one writing that they are applying: the job seeker by name)
                if chatter != "Me" and chatter not in seekers:
                    _title, kept = found.setdefault(chatter, ("", []))
                    kept += [p for p in said if p not in kept]
                    written.setdefault(chatter, set()).update(said)
                # ("Any tips on what to prepare?" answered by "know FIFO vs FEFO inside out.";
                # not by "Sure!" or "Few things")
                if asked and by != chatter:
                    replies.setdefault(chatter, {}).update(
                        (p, asked) for p in said if len(p.split()) >= 3 and not p.endswith("!")
                    )
                asked = next((p for p in reversed(said) if p.endswith("?")), "")
                by = chatter
            continue
        head = profile_heading(source.location)
        pieces = research_pieces(source.snippet)
        # ("Local News (Calderbrook Courier, 12 Feb 2025)" names no one.)
        named = head.group(1) if head else ""
        if named and _part_of(named, company):
            head = None
        if head and PERSON.match(named) and people_in(named) == {named}:
            _title, kept = found.setdefault(head.group(1), (head.group(2).strip(" ()"), []))
            kept += [p for p in messages_opened(quotes_whole(pieces)) if p not in kept]
            continue
        # A team page's name over its title line ("### Hannah Brightwell" / "Marketing &
        # Campaigns Officer" / "Hannah grew up…").
        name = last_heading(source.location)
        if PERSON.fullmatch(name) and len(pieces) > 1 and _title_line(pieces[0]):
            _title, kept = found.setdefault(name, (pieces[0].rstrip("."), []))
            kept += [p for p in quotes_whole(pieces[1:]) if p not in kept]
            continue
        pasted = _pasted_profiles(research_pieces(source.snippet))
        for name, title, pieces in pasted:
            _title, kept = found.setdefault(name, (title, []))
            kept += [p for p in quotes_whole(pieces) if p not in kept]
        if len(pasted) == 1:
            pasted_at[source.location] = pasted[0][0]
        elif not pasted:
            unclaimed.append(source)
        # An email they wrote ("## Email from Priya" over "From: Priya Nandra…") makes them
        # someone the research tells of, though no page of theirs was found.
        writer = _EMAIL_FROM.search(last_heading(source.location))
        sender = next((m for p in pieces if (m := _SENDER.match(p))), None) if writer else None
        if writer and sender and sender.group(1).split()[0] == writer.group(1):
            found.setdefault(sender.group(1), ("", []))
    # A profile too long for one stored passage goes on in the next, under the same heading
    # (its later roles and its education).
    for source in unclaimed:
        if (whose := pasted_at.get(source.location)) and source.location:
            kept = found[whose][1]
            kept += [p for p in quotes_whole(research_pieces(source.snippet)) if p not in kept]
    # Notes headed by a first name and what they are ("Joel - LinkedIn messages 30 May - my
    # notes") are on that person, named in full as the research names them when it does
    # ("Joel Pendlebury - Metadata Assistant" in a who's-who), though no page of theirs was
    # pasted.
    for source in sources:
        on = _NOTES_ON.match(last_heading(source.location))
        if not on or any(name.split()[0] == on.group(1) for name in found):
            continue
        # (Every passage's people are read only under such a heading: this runs every turn.)
        first = on.group(1)
        whole = {
            person
            for passage in sources
            if passage.kind == "company"
            for person in people_in(passage.snippet)
            if person.split()[0] == first
        }
        if len(whole) == 1 or first.lower() not in _NOTES_WORDS:
            found[whole.pop() if len(whole) == 1 else first] = ("", [])
    # The job seeker's notes on them ("## Chloe's talk at the alumni evening", "## Gareth"):
    # what they said there, quoted, or what the notes say they did.
    # ... and, anywhere in the notes, a line of what they advised ('Tom's advice in his reply:
    # "do the free Blackbaud courses…"').
    for source in sources:
        heading = last_heading(source.location)
        for name, (_title, kept) in found.items():
            first = re.escape(name.split()[0])
            if source.kind != "company" or CHAT_STAMP.search(source.snippet):
                continue
            notes = quotes_whole(research_pieces(source.snippet))
            # Their own email, pasted under a heading that says so ("Email from Priya
            # (pasted, 28 Feb)"): its "I" is theirs.
            if re.search(rf"\b{_WRITTEN} (from|by) {first}\b|^{first}['’]s {_WRITTEN}", heading):
                own = [p for p in _labels_apart(notes) if _own_words(p, name)]
                kept += [p for p in own if p not in kept]
                continue
            if not re.match(rf"^{first}(['’]s\b|\s*$|\s*[-–—:(])", heading):
                notes = [p for p in notes if re.match(rf"^\W*{first}['’]s (advice|tips?)\b", p)]
            kept += [p for p in notes if _theirs(p, name) and p not in kept]
    return [
        Profile(
            name,
            title,
            tuple(_whole(pieces)),
            frozenset(written.get(name, ())),
            tuple(replies.get(name, {}).items()),
        )
        for name, (title, pieces) in found.items()
        if not _part_of(name, company)
    ]


def _part_of(name: str, company: str) -> bool:
    """``name`` is (part of) the company's name: a heading or a found name, not a person."""
    return bool(company) and name.lower() in company.lower()


def _title_line(piece: str) -> bool:
    """A job title on a line of its own: short, capitalised, no verb ("Executive Director &
    joint CEO")."""
    words = piece.rstrip(".").split()
    return 0 < len(words) <= 8 and piece[:1].isupper() and not has_verb(words)


def _whole(pieces: list[str]) -> list[str]:
    """``pieces`` without those cut short where two stored passages overlap ("He mentors
    early-career arts managers through the"): each is part of a whole one kept."""
    return [p for p in pieces if not any(p != other and p in other for other in pieces)]


# The writer of the notes speaking outside a quotation ("Asked her afterwards…", "Said I should
# talk to Dan"): their words, not the person's.
_WRITERS = re.compile(r"\b(I|I'm|I've|I'd|my|me|asked|said|told)\b|^\W*\(", re.IGNORECASE)
QUOTED = re.compile(r'["“][^"“”]*["”]')


def _theirs(piece: str, name: str) -> bool:
    """Whether a line of notes on ``name`` says what they said or did, in a form they can say
    as their own: no word of the writer's outside a quotation, and no one else named."""
    outside = QUOTED.sub("", piece)
    if _WRITERS.search(outside):
        return False
    # (A line about someone else: "Dan Whitcombe runs the CRM side.")
    return not any(other.split()[0] != name.split()[0] for other in people_in(outside))


_NOTES_ON = re.compile(
    r"^([A-Z][a-z]+)\s*[-–—:(].*\b(?i:linkedin|messages?|e-?mails?|calls?|chat|coffee|notes?"
    r"|dms?|texts?|whatsapp)\b"
)
# First words of a heading over notes that name no one ("Questions - to ask on the call").
_NOTES_WORDS = frozenset(
    ["questions", "notes", "tips", "things", "ideas", "todo", "prep", "research", "interview",
     "call", "calls", "messages", "thoughts", "summary", "plan", "points", "follow", "next",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "day",
     "email", "emails", "chat", "linkedin", "coffee", "texts", "whatsapp", "my", "our", "the"]
)  # fmt: skip
_WRITTEN = r"(?i:e-?mail|message|reply|letter|dm|note|response)s?"
_EMAIL_FROM = re.compile(rf"\b{_WRITTEN} (?:from|by) ([A-Z][a-z]+)\b")
_SENDER = re.compile(r"^\W*From\W*:\**\s*([A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2})\b")
# An email's header and greeting ("From: Priya Nandra.", "Hi Ellie,"), not what it says.
_ENVELOPE = re.compile(
    r"^\W*(\*\*)?(from|to|date|sent|subject|cc|re)\b\W*:|^\W*(hi|hello|hey|dear)\b", re.I
)


# A label of a few words run into what it is over: "What I'd prepare: One story where…".
_LABEL_RUN_IN = re.compile(r"^([A-Za-z][^:\d]{2,40}?:)\s+(\S.*)$")


def _labels_apart(pieces: list[str]) -> list[str]:
    """``pieces`` with a run-in label of two words or more made a piece of its own, so it
    stays over the list it heads whatever is said of its first item."""
    apart: list[str] = []
    for piece in pieces:
        run_in = _LABEL_RUN_IN.match(piece)
        apart += list(run_in.groups()) if run_in and len(run_in[1].split()) >= 2 else [piece]
    return apart


def _own_words(piece: str, name: str) -> bool:
    """Whether a sentence of an email ``name`` wrote says something of theirs to repeat: not
    its header, greeting or signature, and no reply to the reader ("happy to help")."""
    return (
        not _ENVELOPE.match(piece)
        and not piece.startswith(name.split()[0])
        and (len(piece.split()) >= 4 or piece.rstrip().endswith(":"))  # (or a label)
        and not re.search(r"\b(you|your)\b", QUOTED.sub("", piece), re.I)
    )


def _pasted_profiles(pieces: list[str]) -> list[tuple[str, str, list[str]]]:
    """Profiles pasted as plain text, where no heading was kept: a "Name, Title" line, then
    lines about them ("Gareth Penhaligon, Executive Director / Gareth shares the running…"),
    up to the next such line. A line that is not followed by one about its person is none."""
    found: list[tuple[str, str, list[str]]] = []
    current: list[str] | None = None
    for piece in pieces:
        head = PROFILE_HEAD.match(piece.rstrip(". "))
        # ("Box Office Assistant, then Box Office Supervisor at…": a role, not a name)
        person = head and PERSON.match(head.group(1)) and not HEADLINE_ROLE.search(head.group(1))
        if head and person and not has_verb(head.group(2).split()):
            current = []
            found.append((head.group(1), head.group(2).strip(" ()"), current))
        elif current is not None:
            current.append(piece)
    first = re.compile(r"^\W*(she|he|they)\b", re.I)
    return [
        (name, title, about)
        for name, title, about in found
        if about
        and (
            about[0].startswith(name.split()[0])
            or first.match(about[0])
            # (a LinkedIn profile, written out: "Experience." then a line per role)
            or bool({"Experience.", "Education."} & set(about))
        )
    ]
