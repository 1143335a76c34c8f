"""What the job involves day to day: "In a typical month, what would I be responsible for?" is
answered from the job ad's list of duties ("What you'll do: - Own the monthly Member Pulse
report… - Keep our early-warning model running…"), said to the candidate as what they would do.
Each duty starts with its verb and has no subject, so none can be said alone, and the nearest
sentence about the team is what closeness in meaning finds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.answer_types import wanted
from roleplay.interview.facts import EMPHASIS, IMPERATIVE, last_heading, sentences
from roleplay.interview.sayable import ASIDE

_ASKS = re.compile(
    r"\b(what (would|will) (i|the \w+( \w+)?) (actually |mostly |really )?(be )?(doing|do"
    r"|working on|responsible for|delivering)"
    r"|what (i|the \w+( \w+)?) (would|will) (actually |mostly |really )?be (doing|working on)"
    r"|responsibilit(y|ies)|day[- ]to[- ]day (work|job|role)|typical (day|week|month)"
    r"|spend (most of )?(its|their|your|the) time (on|doing)|week to week"
    r"|what does the (role|job|post) (actually |really )?(involve|look like)"
    r"|what('s| is) the (role|job) (actually |really )?like)\b"
    # ("what would you focus on first, if you were me?" asks for advice, not what I'd do)
    r"|\b(me|i) (getting stuck into|(to )?get stuck into|(to )?get my teeth into|(to )?tackle"
    r"|(to )?start on|(to )?focus on|(to )?work on)\b[^.?]{0,25}\bfirst\b"
    # ("…walking in that first week — what's landing on my desk?")
    r"|\b(landing|lands|land|arriving|arrives|sitting|sits) on my desk\b"
    # ("what's the first real piece of work that would land with me?")
    r"|\bfirst (real |proper |big )?(piece of work|project|task)\b[^.?]{0,30}\b(land|come|go)s?"
    r" (with|to) me\b",
    re.IGNORECASE,
)
# What the new starter would do first: "In your first six months you would: - lead…".
_FIRST = re.compile(
    r"\bfirst (few |six |three |two |\d+ )?(weeks|months|days|year)\b"
    r"|\b(to start with|early on)\b",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"\b(what you('?ll| will|'?d) (be )?(do(ing)?|work(ing)? on)|key responsibilities"
    r"|responsibilities|your role|the role|duties|day to day|what the (job|role) involves"
    # ("In your first six months you would:", or a heading of its own: "In your first six
    # months")
    r"|in (your|the) first (few |six |three |two |\d+ )?(weeks|months|days|year)\b"
    r"(.{0,20}\byou would)?)\b",
    re.IGNORECASE,
)
# A list item in a stored passage: " - Build and look after the dashboards…."
# (A passage's lines are run together: "* Processing donations… * Preparing our monthly…".)
# ("1. Get to know our four sites… 2. Learn our Spektrix…": a numbered list's items.)
_ITEM = re.compile(
    r"(?:^|\.\s|\s)(?:[-*•]|\d{1,2}\.)\s+([A-Za-z](?:[^.]|\.(?=\d))*?)"
    r"(?=\s(?:[-*•]|\d{1,2}\.)\s|\.(?!\d)|$)"
)
DUTIES = 3
DUTY_WORDS = 50  # what three duties may run to before the last is left unsaid


def asks_duties(question: str) -> bool:
    """Whether ``question`` asks what the job involves from day to day ("how many bugs does
    the team log in a typical month?" asks a figure, not the duties)."""
    return bool(_ASKS.search(question)) and wanted(question) not in ("figure", "amount")


def duties(sources: Sequence[Source], question: str = "") -> str:
    """The job ad's first duties said as one sentence ("Day to day, you'd own the monthly
    Member Pulse report…, keep our early-warning model running… and forecast…"); "" when the
    research lists none. Asked what comes first, the list of what a starter does first."""
    if re.search(r"\bfirst\b", question) and (told := _first_work(sources)):
        return told
    if _FIRST.search(question) or re.search(r"\bfirst\b", question):
        # ("what would you want me to get my teeth into first?": the list of what a starter
        # does first, before the duties of every day)
        firsts = [s for s in sources if _FIRST.search(f"{s.location} {s.snippet[:200]}")]
        sources = [*firsts, *[s for s in sources if s not in firsts]]
    for source in sources:
        items = _listed_duties(source)[:DUTIES]
        while len(items) > 2 and len(" ".join(items).split()) > DUTY_WORDS:
            items = items[:-1]
        if len(items) >= 2:
            first = _FIRST.search(f"{source.location} {source.snippet[:200]}")
            opening = "At first" if first else "Day to day"
            # Duties with commas of their own are told apart by semicolons.
            comma = "; " if any("," in item for item in items) else ", "
            return f"{opening}, you'd {comma.join(items[:-1])}{comma.rstrip()} and {items[-1]}."
    return ""


def _first_work(sources: Sequence[Source]) -> str:
    """The job ad's sentence on the starter's first piece of work ("Your first project: in
    your first three months you'll lead the evaluation of…"), or ""."""
    for source in sources:
        if source.kind != "company":
            continue
        text = EMPHASIS.sub("", source.snippet)
        for said in sentences(text):
            if _FIRST_WORK.search(said) and not _MARKUP.search(said):
                return said
        # ("Your first 90 days" over "You'll pick up the weekly ONIX feed checks from Joel…")
        if (headed := _UNDER_FIRST.search(" ".join(text.split()))) and not _MARKUP.search(
            headed.group(1)
        ):
            return headed.group(1)
    return ""


# "Your first project: …", "In your first three months you'll…": what the starter does first.
_FIRST_WORK = re.compile(
    r"^\W*(your|the) first (big )?(project|task|job|piece of work|priority)\b"
    r"|^\W*in (your|the) first (few |six |three |two |\d+ )?(weeks|months|days)\b[^.]{0,30}"
    r"\byou('ll| will|'d| would)\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[<>\[\]{}#|`]")
# A heading on the first weeks, then what the starter will do: "Your first 90 days. You'll…".
_UNDER_FIRST = re.compile(
    r"\b(?:your|the) first (?:few |six |three |two |\d+ )?(?:weeks|months|days)[.:]?\s+"
    r"(You(?:'ll| will|'d| would) [^.]+\.)",
    re.IGNORECASE,
)


def duty_sentences(source: Source) -> list[str]:
    """Each duty a job ad lists in ``source``, said to the candidate as what they would do
    ("You'd write SQL against our PostgreSQL data warehouse."): said alone, it answers what
    the job works with ("what does your stack look like?") as no other sentence may."""
    return [f"You'd {duty}." for duty in _listed_duties(source, asides=True)]


def _listed_duties(source: Source, *, asides: bool = False) -> list[str]:
    """The duties a job ad's passage lists, each as what the candidate would do; none when
    ``source`` is no job ad's list of duties (no heading for one in it or over it)."""
    if source.kind != "company":
        return []
    heading = _HEADING.search(source.snippet)
    if not (heading or _HEADING.search(last_heading(source.location))):
        return []
    listed = source.snippet[heading.end() :] if heading else source.snippet
    found = (_duty(match.group(1), asides=asides) for match in _ITEM.finditer(listed))
    return [duty for duty in found if duty]


def _duty(item: str, *, asides: bool = False) -> str:
    """``item`` as what the candidate would do ("own the monthly report…", and "preparing our
    monthly Gift Aid claim" as "prepare…"), or "" when it is no duty (it starts with no
    verb). With ``asides``, an aside that says something of its own is kept as a clause
    ("…data-cleansing routines; we hold roughly 84,000 supporter records")."""
    if asides:
        item = _OWN_ASIDE.sub(r"; \1", item)
    item = " ".join(ASIDE.sub("", item).split()).rstrip(" .;,")
    words = item.split()
    # ("In your first six months you would: - lead the data side…": a verb in lower case.)
    first = words[0][:1].upper() + words[0][1:] if words else ""
    verb = _GERUNDS.get(first, "")
    if not verb and first in IMPERATIVE | _DUTY_VERBS:
        verb = first
    if not verb:
        return ""
    return verb.lower() + item[len(words[0]) :]


def _gerund(verb: str) -> str:
    """ "Prepare" as "Preparing", "Run" as "Running", "Process" as "Processing"."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return f"{verb[:-1]}ing"
    short = len(verb) <= 4 and re.fullmatch(r"[A-Z]?[^aeiou]*[aeiou][bdgmnpt]", verb)
    return f"{verb}{verb[-1]}ing" if short else f"{verb}ing"


_OWN_ASIDE = re.compile(r"\s*\(((?:we|there (?:are|is)|it'?s) [^()]+)\)")
# A UK job ad lists duties as what is done ("Preparing our monthly Gift Aid claim to HMRC"):
# the verbs of a duty, said in the "-ing" form no sentence starts a fact with. (These are kept
# here, not with the imperatives a sentence may not start with: "Research shows…", "Code lives
# in Azure DevOps…".)
_DUTY_VERBS = frozenset(
    ["Process", "Record", "Update", "Coordinate", "Organise", "Organize", "Liaise", "Ensure",
     "Provide", "Reconcile", "Import", "Migrate", "Collate", "Compile", "Document", "Assist",
     "Contribute", "Identify", "Investigate", "Log", "Verify", "Validate", "Administer",
     "Enter", "Segment", "Select", "Schedule", "Research", "Cleanse", "Code", "Audit",
     "Prioritise", "Prioritize", "Rebuild", "Redesign", "Refresh", "Shadow"]
)  # fmt: skip
_GERUNDS = {_gerund(verb): verb for verb in IMPERATIVE | _DUTY_VERBS}
