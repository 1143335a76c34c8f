"""What the job involves day to day: "In a typical month, what would I be responsible for?" is
answered from the job ad's list of duties ("What you'll do: - Own the monthly Member Pulse
report… - Keep our early-warning model running…"), said to the candidate as what they would do.
Each duty starts with its verb and has no subject, so none can be said alone, and the nearest
sentence about the team is what closeness in meaning finds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import IMPERATIVE, last_heading
from roleplay.interview.sayable import ASIDE

_ASKS = re.compile(
    r"\b(what (would|will) (i|the \w+( \w+)?) (actually |mostly |really )?(be )?(doing|do"
    r"|working on|responsible for|delivering)"
    r"|what (i|the \w+( \w+)?) (would|will) (actually |mostly |really )?be (doing|working on)"
    r"|responsibilit(y|ies)|day[- ]to[- ]day (work|job|role)|typical (day|week|month)"
    r"|spend (most of )?(its|their|your|the) time (on|doing)|week to week"
    r"|what does the (role|job|post) (actually |really )?(involve|look like)"
    r"|what('s| is) the (role|job) (actually |really )?like)\b",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"\b(what you'?ll do|what you will do|what you'?d do|key responsibilities|responsibilities"
    r"|your role|the role|duties|day to day|what the (job|role) involves)\b",
    re.IGNORECASE,
)
# A list item in a stored passage: " - Build and look after the dashboards…."
_ITEM = re.compile(r"(?:^|\.\s)-\s+([A-Z][^.]*)")
DUTIES = 3


def asks_duties(question: str) -> bool:
    """Whether ``question`` asks what the job involves from day to day."""
    return bool(_ASKS.search(question))


def duties(sources: Sequence[Source]) -> str:
    """The job ad's first duties said as one sentence ("Day to day, you'd own the monthly
    Member Pulse report…, keep our early-warning model running… and forecast…"); "" when the
    research lists none."""
    for source in sources:
        items = _listed_duties(source)[:DUTIES]
        if len(items) >= 2:
            # Duties with commas of their own are told apart by semicolons.
            comma = "; " if any("," in item for item in items) else ", "
            return f"Day to day, you'd {comma.join(items[:-1])}{comma.rstrip()} and {items[-1]}."
    return ""


def duty_sentences(source: Source) -> list[str]:
    """Each duty a job ad lists in ``source``, said to the candidate as what they would do
    ("You'd write SQL against our PostgreSQL data warehouse."): said alone, it answers what
    the job works with ("what does your stack look like?") as no other sentence may."""
    return [f"You'd {duty}." for duty in _listed_duties(source)]


def _listed_duties(source: Source) -> list[str]:
    """The duties a job ad's passage lists, each as what the candidate would do; none when
    ``source`` is no job ad's list of duties (no heading for one in it or over it)."""
    if source.kind != "company":
        return []
    heading = _HEADING.search(source.snippet)
    if not (heading or _HEADING.search(last_heading(source.location))):
        return []
    listed = source.snippet[heading.end() :] if heading else source.snippet
    found = (_duty(match.group(1)) for match in _ITEM.finditer(listed))
    return [duty for duty in found if duty]


def _duty(item: str) -> str:
    """``item`` as what the candidate would do ("own the monthly report…"), or "" when it is
    no duty (it starts with no verb)."""
    item = " ".join(ASIDE.sub("", item).split()).rstrip(" .;,")
    words = item.split()
    if not words or words[0] not in IMPERATIVE:
        return ""
    return words[0].lower() + item[len(words[0]) :]
