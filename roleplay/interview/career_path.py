"""Where a person worked before: "What was Margo doing before Silverthaw?" is answered from the
"Experience" list of the LinkedIn profile pasted into the research ("Parks Canada — Visitor
Data Lead, Banff Field Unit, 2017 – 2020"), the roles before the company's own, said as one
sentence. Closeness in meaning finds the sentence that names her; this finds her path."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source

_ASKS = re.compile(
    r"\b(before (she|he|they) (came|joined|got|ended up|moved|started)|before (joining|coming)"
    r"|(where|what) (was|did) (she|he|they) (work|doing|do|before)|background|previously"
    r"|career (path|so far)|used to (work|do)|how did (she|he|they) (get|end up) (there|here))\b",
    re.IGNORECASE,
)
# A first name of the question the research writes with a surname ("Margo" → "Margo
# Tremblay"), possessive or not.
_FIRST_NAME = re.compile(r"\b([A-Z][a-zé]+)(?:'s)?\b")
# The "Experience" heading (not "VP Member Experience") and what follows it.
_BLOCK = re.compile(
    r"(?:^|(?<=[.:!?]\s)|(?<=[.!?][\"\u201d]\s)|(?<=\n))Experience\b\.?\s+"
    r"(.*?)(?:\bEducation\b|\Z)",
    re.DOTALL,
)
_PRONOUNS = re.compile(r"\((she|he|they)/(her|him|them)\)")
_YEAR = r"(?:(?:[A-Z][a-z]{2} )?(?:19|20)\d\d|[Pp]resent)"
_YEARS = re.compile(rf",?\s*\(?({_YEAR})\s*[–—-]\s*({_YEAR})\)?(?:\s*[·(]?\s*\d+ yrs?\)?)?")
_WRITTEN = re.compile(
    r"^(?P<title>[^,]+?) at (?P<org>.+?) "
    r"(?P<span>from \S+( \d{4})? to \S+( \d{4})?|in \S+( \d{4})?)$"
)
_SEPARATOR = re.compile(r"\s+[·—–|-]\s+")
_ROLE = re.compile(
    r"\b(analyst|manager|lead|head|director|officer|engineer|coordinator|scientist|specialist"
    r"|consultant|advis[eo]r|partner|assistant|intern|researcher|developer|associate"
    r"|executive|administrator|supervisor|planner|statistician)\b",
    re.IGNORECASE,
)


def asks_career_path(question: str) -> bool:
    """Whether ``question`` asks where someone worked before, or their background."""
    return bool(_ASKS.search(question))


def career_path(sources: Sequence[Source], question: str, context: str, company: str) -> str:
    """The roles before ``company`` of the person the question (or the turn around it) names,
    from their pasted profile, as one sentence; "" when the research holds none for them."""
    texts = [source.snippet for source in sources if source.kind == "company"]
    named = _FIRST_NAME.findall(f"{context} {question}")
    person = ""
    for first in reversed(named):
        full = re.search(rf"\b{re.escape(first)} [A-Z][\w'-]+", " ".join(texts))
        if full and first not in company.split():
            person = full.group(0)
            break
    if not person:
        return ""
    blocks = [(text, found) for text in texts for found in _BLOCK.finditer(text)]
    mine = [found.group(1) for text, found in blocks if _owns(person, text[: found.start()])]
    if not mine and len(blocks) == 1:
        # One profile pasted, its header in the passage before this one.
        text, found = blocks[0]
        if not _PRONOUNS.search(text[: found.start()]) and person not in text:
            mine = [found.group(1)]
    if not mine:
        return ""
    here = company.split()[0]
    roles = [
        said
        for entry in re.split(r"(?<=[.)])\s+(?:-\s+)?", mine[0])
        if here not in entry
        and "resent" not in entry
        and " since " not in entry
        and (said := _role(entry))
    ]
    if not roles:
        return ""
    first_name = person.split()[0]
    path = ", and before that ".join(roles[:2])
    return f"Before {here}, {first_name} worked {path}."


def _owns(person: str, before: str) -> bool:
    """Whether the profile whose experience follows ``before`` is ``person``'s: named there,
    and no other profile's header ("Renée Comeau (she/her)") between them."""
    at = before.rfind(person)
    if at < 0:
        return False
    between = before[at + len(person) :]
    other = _PRONOUNS.search(between)
    return not other or other.start() == len(between) - len(between.lstrip())


def _role(entry: str) -> str:
    """One line of a profile's experience ("Parks Canada — Visitor Data Lead, Banff, 2017 –
    2020") said as "at Parks Canada as Visitor Data Lead, Banff, from 2017 to 2020"."""
    entry = entry.strip().lstrip("-• ").rstrip(".")
    # (A profile written a line per role at ingest: "Senior Analyst at Dunmarrow Housing
    # Association from August 2019 to March 2022.")
    if written := _WRITTEN.match(entry):
        return f"at {written.group('org')} as {written.group('title')}, {written.group('span')}"
    years = _YEARS.search(entry)
    if not years:
        return ""
    rest = (entry[: years.start()] + entry[years.end() :]).strip(" ,·")
    parts = [part.strip(" ,") for part in _SEPARATOR.split(rest) if part.strip(" ,")]
    titles = [part for part in parts if _ROLE.search(part.split(",")[0])]
    places = [part for part in parts if part not in titles]
    if not (titles and places):
        return ""
    return f"at {', '.join(places)} as {titles[0]}, from {years.group(1)} to {years.group(2)}"
