"""How the company began: "How did Kilbrack get going?" is answered by the sentence that says when
and how it started ("Kilbrack started in 1958, when Bridie and Tom Keaveney opened a small
bakery…"), not by the nearest sentence about the company today, which is what closeness in
meaning finds ("Lantern Row Theatres is a registered charity that runs six theatres…").

A founding sentence is one whose subject is the company ("Kilbrack", "The company", "It", "Our
history", "The trust") and whose verb starts it ("started", "was founded", "goes back to"), or
one that says who founded it ("Sisters Aoife and Niamh Gallagher founded Tern & Tide in 2009").
The earliest year said wins: a trial that "started in October 2024" is news, not the origin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKS = re.compile(
    # "How did Kestrelmere get going?", "how did it all start?", "how did it begin?" (not "how
    # did you get started?", the interviewer's own story)
    r"\bhow (did|does) (?P<a>[\w&' ]{1,40}?) (get (going|started|off the ground)"
    r"|(all )?(start|begin|come about|come to be))\b"
    r"|\bhow (?P<b>[\w&' ]{1,40}?) (all )?(started|began|got going|came about)\b"
    r"|\bwhere (?P<c>[\w&' ]{1,40}?) came from\b"
    r"|\b(get|got) going in the first place\b"
    r"|\bstarted out (as|like|that way)\b|\b(has|was) it always been\b|\bwhether it started\b"
    r"|\b(company|firm|business)'?s? (history|origins?|story)\b"
    r"|\b(who|when) (was it |did \w+ )?(founded|started|set up|established)\b"
    r"|\bwho (founded|started|set up) (it|the (company|business|firm|trust|group))\b"
    r"|\bhow long ha(s|ve) (it|they|the company|you lot|\w+) been (around|going)\b"
    # "…what that very first year actually looked like"
    r"|\bwhat (that|the|those) (very )?(first (year|few years|months)|early days) (\w+ )?"
    r"(looked|was|were|felt) like\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20[0-4]\d)\b")
# A verb that starts a company, said of the company itself.
_STARTS = re.compile(
    r"\b(started|began|(was|were) (founded|set up|established|formed|born)|goes back|dates back"
    r"|grew out of|opened (its|our) (first|doors)"
    r"|traces? (its|our|their) (roots|history|origins))\b",
    re.IGNORECASE,
)
# Said of whoever did it, whatever the subject: "Dr Hannah Oduya founded the group in 2008".
# ("Joe Ackerley is co-founder & Sales Director" is a title held now, not a founding.)
_FOUNDED = re.compile(
    r"\b(founded|co-founded|(co-)?founders?(?! ?(?:&|and) [A-Za-z]+ (?:Director|Officer|Manager)"
    r"|,? (?:Sales|Managing|Creative|Technical) ))\b",
    re.IGNORECASE,
)
# A person's own start there is their story, not the company's ("He started at Kilbrack as…").
_JOINED = re.compile(r"\b(joined|started (at|as|on)|began (at|as))\b", re.IGNORECASE)
_WE_OPENED = re.compile(r"\b(I|we) (opened|set up|started) (a|an|our|the) ", re.IGNORECASE)
_COMPANY_SUBJECT = re.compile(
    r"^(it|we|what (started|began)|our (history|story|company|business)"
    r"|the (company|business|firm|trust|group"
    r"|charity|association|cooperative|co-op|bakery|terminal|society|organisation|service"
    r"|organization))\b",
    re.IGNORECASE,
)


# Who a "how did X start?" question may be about: the company, not a project or a person.
_ITSELF = re.compile(
    r"^(it|you lot|you guys|the (company|business|firm|group|trust|charity|organi[sz]ation))$",
    re.IGNORECASE,
)


_ADVERBS = re.compile(r"\s*\b(actually|really|even|all|first)\b", re.IGNORECASE)
# Someone's own story, not the company's: their degree, their career.
_CAREER = re.compile(r"\b(joined|worked|graduated|studied|degree|BSc|MSc|PhD|born)\b")


def asks_origin(question: str, company: str = "") -> bool:
    """Whether ``question`` asks how ``company`` began."""
    for found in _ASKS.finditer(question):
        subject = next((g for g in found.group("a", "b", "c") if g), None)
        if subject is None or _names_company(subject, company):
            return True
    return False


def _names_company(subject: str, company: str) -> bool:
    """ "Kestrelmere", "Lantern Row", "the terminal" (of Marrowgate Container Terminal), "it"."""
    subject = _ADVERBS.sub("", subject).strip()  # "how did it actually get going?"
    words = subject.lower().removeprefix("the ").split()
    own = company.lower().split()
    return bool(_ITSELF.match(subject)) or (bool(words) and all(w in own for w in words))


def origin_line(sentences: Sequence[str], company: str) -> str:
    """The one of ``sentences`` that says how ``company`` began, or "" when none does. A
    founding that gives no year ("Silverthaw began with a hike.") is said with the research's
    earliest dated sentence ("The next winter, 1967, they cut the first runs…"); research that
    tells the story without a founding verb is told by that sentence alone ("In the winter of
    1938, eleven fishermen and a schoolteacher met…")."""
    first_word = company.split()[0].lower() if company.split() else ""
    found: list[tuple[int, int, bool, str]] = []
    for said in sentences:
        if _JOINED.search(said):
            continue
        own = bool(_COMPANY_SUBJECT.match(said)) or (
            bool(first_word) and said.lower().startswith(first_word)
        )
        # ("When Aileen Tse and I opened a one-room workshop…": its founders, telling it.)
        by_them = bool(_FOUNDED.search(said) or _WE_OPENED.search(said))
        if not (by_them or (own and _STARTS.search(said))):
            continue
        years = [int(y) for y in _YEAR.findall(said)]
        # Dated first (the earliest year), then undated: "The founder is Teodora Barran…";
        # in a year, as its founders tell it before as anyone else does.
        found.append((0 if years else 1, min(years, default=0), not by_them, said))
    best = min(found) if found else None
    if best and not best[0]:
        return best[3]
    earliest = _earliest(sentences)
    if best:
        return f"{best[3]} {earliest}" if earliest else best[3]
    return earliest


def _earliest(sentences: Sequence[str]) -> str:
    """The sentence with the research's earliest year, when it tells of the company rather
    than of someone's career; "" when it does not."""
    dated = [
        (min(int(y) for y in _YEAR.findall(said)), order, said)
        for order, said in enumerate(sentences)
        if _YEAR.search(said)
    ]
    if not dated:
        return ""
    _year, _order, said = min(dated)
    return "" if _CAREER.search(said) or _JOINED.search(said) else said
