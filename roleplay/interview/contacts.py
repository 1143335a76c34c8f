"""A person or a team from the research to name when a candidate asks who else to talk to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.candidates import ROLE_WORDS, content_stems
from roleplay.interview.facts import STARTERS, research_pieces
from roleplay.interview.sayable import NOT_AN_ANSWER, PERSON

# A person named in the research, and the title that follows the name ("Dana Whitcombe, the
# vice president of operations").
_TITLE = re.compile(r"^, ((?:the |our )?[A-Za-z][\w-]*(?: [\w-]+){0,6})(?=[,.]|$)")
# Words of a title, a team or a place, never of a person's name ("Insight Manager", "Member
# Analytics", "Wharf Street").
_TITLE_WORDS = frozenset(
    ["manager", "analytics", "analyst", "insight", "insights", "director", "head", "lead",
     "officer", "partner", "member", "members", "team", "services", "experience", "data",
     "performance", "marketing", "sales", "operations", "finance", "people", "culture", "talent",
     "revenue", "senior", "chief", "vp", "engineer", "coordinator", "housing", "credit",
     "street", "road", "lane", "avenue", "square", "office", "house", "park", "centre", "mill"]
)  # fmt: skip
_HONORIFIC = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|Professor)\.? (?=[A-Z])")
_TEAM = re.compile(r"\b[Tt]he ((?:[a-z]+ ){1,3}team)\b")


def contact_in(sources: Sequence[Source], names: Sequence[str] = (), about: str = "") -> str:
    """A person the research names with their role ("Dana Whitcombe, the vice president of
    operations"), the one closest to ``about`` (the role applied for) first; failing that a
    team ("the field data team"); "" when there is neither."""
    taken = {w.lower() for name in names for w in name.split()}
    wanted = content_stems(about)
    people: list[tuple[bool, int, int, str]] = []
    teams = []
    for source in sources:
        if source.kind != "company":
            continue
        said = research_pieces(source.snippet)
        for index, sentence in enumerate(said):
            sentence = _HONORIFIC.sub("", sentence)  # "Dr Alasdair Grieve" is Alasdair Grieve
            if NOT_AN_ANSWER.search(sentence):
                continue
            teams += [f"the {m.group(1)}" for m in _TEAM.finditer(sentence)]
            if not ROLE_WORDS.search(sentence):
                continue
            # Their own sentence counts twice the one after it ("…reports to her team").
            nearby = said[index + 1] if index + 1 < len(said) else ""
            for match in PERSON.finditer(sentence):
                person = match.group(1)
                words = [w.lower() for w in person.split()]
                if person.split()[0] in STARTERS or any(w in taken | _TITLE_WORDS for w in words):
                    continue
                title = _TITLE.match(sentence[match.end() :])
                if title and not (
                    ROLE_WORDS.search(title.group(1))
                    or _TITLE_WORDS & set(title.group(1).lower().split())
                ):
                    title = None  # "New Brunswick, which opened in 2019" names no role
                contact = f"{person}, {title.group(1)}" if title else person
                close = 2 * len(wanted & content_stems(sentence)) + len(
                    wanted & content_stems(nearby)
                )
                # Someone named with their title is surely a person ("Gully Cove" may be a
                # place); the one whose sentence is closest to the role applied for first.
                people.append((bool(title), close, -len(people), contact))
    if people:
        return max(people)[3]
    return teams[0] if teams else ""
