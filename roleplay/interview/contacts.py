"""A person or a team from the research to name when a candidate asks who else to talk to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import STARTERS, last_heading, research_pieces
from roleplay.interview.messages import chat_messages
from roleplay.interview.question_words import ROLE_WORDS, content_stems
from roleplay.interview.sayable import NOT_AN_ANSWER, PERSON
from roleplay.interview.standalone import people_in
from roleplay.knowledge.chats import is_chat

# A person named in the research, and the title that follows the name ("Dana Whitcombe, the
# vice president of operations").
_TITLE = re.compile(
    r"^(?:,| [-–—]) ((?:the |our )?[A-Za-z][\w-]*(?: [\w-]+){0,6})(?=[,.]|$)"
    r"|^ \(((?:the |our )?[A-Z][\w-]*(?: [\w&-]+){0,5})\)"
)
_ADVISED = re.compile(
    r"\b(talk(ing)?|speak(ing)?|chat(ting)?|reach(ing)? out|get(ting)? in touch|message|contact"
    r"|ask|meet(ing)?)( to| with)?\s*(:\s*)?(\*\*|__)?\s*$"
    # "…she'd send them to spend an hour on the airfield with Ravi Dhillon"
    r"|\b(send|sends|sent|point|points|steer|steers) (them|you|me|people|someone|anyone|him|her)\b"
    r"[^.]{0,80}\b(with|to)\s*$",
    re.I,
)
# Words of a title, a team or a place, never of a person's name ("Insight Manager", "Member
# Analytics", "Wharf Street").
_TITLE_WORDS = frozenset(
    ["manager", "analytics", "analyst", "insight", "insights", "director", "head", "lead",
     "officer", "partner", "member", "members", "team", "services", "experience", "data",
     "performance", "marketing", "sales", "operations", "finance", "people", "culture", "talent",
     "revenue", "senior", "chief", "vp", "engineer", "coordinator", "housing", "credit",
     "street", "road", "lane", "avenue", "square", "office", "house", "park", "centre", "mill"]
)  # fmt: skip
_JOINING = frozenset(["And", "But", "Or", "So", "Also", "Plus", "Then"])
_HONORIFIC = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|Professor)\.? (?=[A-Z])")
_TEAM = re.compile(r"\b[Tt]he ((?:[a-z]+ ){1,3}team)\b")


def contact_in(sources: Sequence[Source], names: Sequence[str] = (), about: str = "") -> str:
    """A person the research names with their role ("Dana Whitcombe, the vice president of
    operations"), the one closest to ``about`` (the role applied for) first; failing that a
    team ("the field data team"); "" when there is neither."""
    taken = {w.lower() for name in names for w in name.split()}
    speakers = [name for name in names[1:] if len(name.split()) > 1]
    wanted = content_stems(about)
    people: list[tuple[bool, bool, bool, bool, int, int, str]] = []
    teams = []
    text = " ".join(source.snippet for source in sources if source.kind == "company")
    for source in sources:
        if source.kind != "company":
            continue
        if is_chat(source.snippet):
            people += _named_in_chat(source.snippet, speakers, taken, len(people))
            continue
        # A profile under its own heading ("Tomasz Wren – Head of Generation & Data, …").
        heading = last_heading(source.location)
        if headed := _name_over_title(*_split_heading(heading)):
            close = 2 * len(wanted & content_stems(source.snippet))
            people.append((False, False, True, True, close, -len(people), headed))
        said = research_pieces(source.snippet)
        # Everyone under "OTHER PEOPLE WORTH TALKING TO:" is advised, a name on its own line
        # with their title on the next ("Sinead Walsh" / "Membership Officer, runs…").
        if _ADVISING_HEADING.search(heading):
            for index, line in enumerate(said[:-1]):
                if (named := _name_alone(line, said[index + 1])) and not NOT_AN_ANSWER.search(
                    said[index + 1]
                ):
                    close = 2 * len(wanted & content_stems(said[index + 1]))
                    people.append((False, True, True, True, close, -len(people), named))
        for index, sentence in enumerate(said):
            sentence = _HONORIFIC.sub("", sentence)  # "Dr Alasdair Grieve" is Alasdair Grieve
            notes = bool(NOT_AN_ANSWER.search(sentence))
            if not notes:
                teams += [f"the {m.group(1)}" for m in _TEAM.finditer(sentence)]
            # Their own sentence counts twice the one after it ("…reports to her team").
            nearby = said[index + 1] if index + 1 < len(said) else ""
            if not notes and (headed := _name_over_title(sentence, nearby)):
                close = 2 * len(wanted & content_stems(nearby))
                people.append((False, False, True, True, close, -len(people), headed))
                continue
            for match in PERSON.finditer(sentence):
                # Someone the research says to talk to ("Tom also said I should talk to Aisha
                # Mensah (Lottery Manager)") is the one to name.
                advised = bool(_ADVISED.search(sentence[: match.start()]))
                # Whom the person played says to see comes before whom anyone else does, and
                # counts however it is written ("…should talk to Siobhan Kerr in planning").
                # ("Email from Priya (pasted)" is Priya Nandra's.)
                theirs = advised and any(
                    re.search(rf"\b{re.escape(name.split()[0])}\b", source.location)
                    for name in speakers
                )
                if not theirs and (notes or not ROLE_WORDS.search(sentence)):
                    continue
                person = match.group(1)
                words = [w.lower() for w in person.split()]
                if person.split()[0] in STARTERS or any(w in taken | _TITLE_WORDS for w in words):
                    continue
                if person not in people_in(sentence):
                    continue  # "Kelder County Council" is a place and its council
                found = _TITLE.match(sentence[match.end() :])
                title = (found.group(1) or found.group(2)) if found else ""
                if people_in(title):
                    title = ""  # "Tomasz Wren, Ellie Marsh and a member-director": a list
                if not (ROLE_WORDS.search(title) or _TITLE_WORDS & set(title.lower().split())):
                    title = ""  # "New Brunswick, which opened in 2019" names no role
                contact = f"{person}, {title}" if title else person
                close = 2 * len(wanted & content_stems(sentence)) + len(
                    wanted & content_stems(nearby)
                )
                # Someone named with their title is surely a person ("Gully Cove" may be a
                # place); the one whose sentence is closest to the role applied for first.
                # A person is called by their first name too ("Rhona joined in 2015"); two
                # names of a place are not ("the Gallow Brook, the stream that runs…").
                first = re.escape(person.split()[0])
                called = bool(re.search(rf"\b{first}(?:'s)? [a-z]", text))
                people.append((theirs, advised, bool(title), called, close, -len(people), contact))
    if people:
        return max(people)[6]
    return teams[0] if teams else ""


# "Anyone else you'd say to talk to?", asked in a chat.
_ASKS_WHO = re.compile(
    r"\b(talk|speak|reach out|chat|get in touch|contact|meet)\b[^?]*\?$|\bwho (else|should)\b",
    re.IGNORECASE,
)


def _named_in_chat(
    chat: str, speakers: Sequence[str], taken: set[str], before: int
) -> list[tuple[bool, bool, bool, bool, int, int, str]]:
    """Whom the person played names in a chat when asked who else to talk to ("And Aggie
    Brannigan who runs Balcraig hub… Say I sent you"): theirs, and advised."""
    found: list[tuple[bool, bool, bool, bool, int, int, str]] = []
    asked = ""
    for writer, said in chat_messages(chat):
        if writer not in speakers:
            asked = said[-1] if said[-1].endswith("?") else ""
            continue
        # Asked who else to talk to, every sentence of the reply; unasked, one that says to
        # ("Also worth a chat with Ravi Bhamra… Tell her I sent you.").
        for sentence in said if _ASKS_WHO.search(asked) else filter(_SAYS_TO.search, said):
            # (in the order named; "…our Schools and Community Learning Manager" is a
            # title, the words before "Manager" no one's name)
            named = people_in(sentence)
            for person in sorted(named, key=sentence.find):
                words = person.split()
                # ("Definitely Marnie Sutcliffe, our…": the word before a name that runs
                # on is no part of it.)
                if any(other.split()[0] == words[-1] for other in named - {person}):
                    continue
                after = sentence[sentence.find(person) + len(person) :].split()[:1]
                titled = {w.lower().strip(",.") for w in [*words, *after]} & _TITLE_WORDS
                # ("And Aggie Brannigan who runs…": the word joining them is no name.)
                if words[0] in STARTERS | _JOINING:
                    continue
                if not {w.lower() for w in words} & taken | titled:
                    found.append((True, True, False, True, 0, -before - len(found), person))
        asked = said[-1] if said[-1].endswith("?") else ""
    return found


# A sentence of theirs saying whom to see, unasked.
_SAYS_TO = re.compile(
    r"\bworth (a |having a )?(chat|talk(ing)?|speaking|reaching out|getting in touch)\b"
    r"|\b(you should|you could|you'd be|definitely) (talk|speak|chat|reach out|get in touch)\b"
    r"|\b(say|tell (her|him|them)) (that )?I sent you\b",
    re.IGNORECASE,
)
_ADVISING_HEADING = re.compile(
    r"\b(worth (talking|speaking|reaching out) to|(people|who) to (talk|speak|reach out) to"
    r"|contacts|people to meet)\b",
    re.IGNORECASE,
)


def _alone(line: str) -> str:
    """The person's name that is all of ``line`` ("Sinead Walsh."), or ""."""
    name = line.rstrip(". ")
    return name if PERSON.fullmatch(name) and name in people_in(name) else ""


def _name_alone(line: str, after: str) -> str:
    """A name on a line of its own and the title opening the next ("Sinead Walsh" and
    "Membership Officer, runs the member database") as "Sinead Walsh, Membership Officer";
    "" when ``line`` is no name alone or ``after`` opens on no title."""
    name, title = _alone(line), after.split(",")[0].strip(" .")
    if not name:
        return ""
    if not (_TITLE_WORDS & set(title.lower().split()) and title[:1].isupper()):
        return ""
    return f"{name}, {title}" if len(title.split()) <= 5 else ""


def _split_heading(heading: str) -> tuple[str, str]:
    """A heading "Name – Title, Place" as the name and its title ("" for any other)."""
    name, dash, title = heading.partition(" – ") if " – " in heading else heading.partition(" - ")
    return (name, f"{title.split(',')[0]} {name.split()[0]}") if dash and name.split() else ("", "")


def _name_over_title(line: str, after: str) -> str:
    """A bio's name line and the title that heads what follows it ("Rhona Mackie" then "Head
    of Planning and Performance Rhona joined in 2015…") said as "Rhona Mackie, Head of
    Planning and Performance"; "" when ``line`` is no name alone over a title."""
    if not (name := _alone(line)):
        return ""
    first, title = name.split()[0], []
    for word in after.split():
        if word == first or not (word[:1].isupper() or word in ("of", "and", "for", "&")):
            break
        title.append(word)
    said = " ".join(title).strip(",.")
    if not title or word != first or not set(said.lower().split()) & _TITLE_WORDS:
        return ""
    return f"{name}, {said}"
