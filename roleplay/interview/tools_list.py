"""Which tools the team uses, when the research lists them one to a line ("- Spektrix for
ticketing…", "- Google BigQuery as the warehouse…", "- Python (pandas) and SQL for the actual
analysis"): no line is a sentence, and none names enough products to answer alone, so the
products each line starts with are said together ("The main tools are Spektrix, Google
BigQuery, Looker Studio, Python and SQL.")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from roleplay.core.session import Source
from roleplay.interview.facts import (
    IMPERATIVE,
    STARTERS,
    last_heading,
    research_pieces,
    verb_first,
)
from roleplay.interview.process_steps import listed
from roleplay.interview.sayable import ASIDE, answer_sentence

_ASKS = re.compile(
    r"\b(tools?|stack|software|tech|technolog\w*|analysis in|work in|is it all excel"
    r"|what (are|do) (you|they|we|the team) (actually )?us(e|ing)|platforms?|databases?"
    r"|where does (the |our |all the )?(\w+ ){0,2}(data|reporting|reports?|numbers) (side )?"
    r"(actually |really |now )*(live|sit|come from)|(open|up) on my screen"
    r"|what would i be (querying|using|working in))\b",
    re.IGNORECASE,
)
# What a list of tools sits under: "## Tools", "The advert lists:", "Tech we use".
_TOOLS_TOPIC = re.compile(
    r"\b(tools?|stack|tech|technolog\w*|software|systems|platforms|lists|skills|use)\b", re.I
)
# The product a line starts with, and one it names after "and" ("Python and SQL for…").
_PRODUCT = r"(?:[A-Z][\w+#.-]*|dbt|pandas)(?: (?:[A-Z][\w+#.-]*|BI|SQL|Pro|Studio))*(?: \d{1,2}\b)?"
_LEADS = re.compile(rf"^(?P<first>{_PRODUCT})(?:,? and (?P<second>{_PRODUCT}))?\b")
LISTED_AT_LEAST = 3
SAID_AT_MOST = 6


def asks_tools(question: str) -> bool:
    """Whether ``question`` asks which tools the team works in."""
    return bool(_ASKS.search(question))


def tools_list(sources: Sequence[Source]) -> str:
    """The products a tools list's lines start with, said as one sentence, or "" when the
    research lists no tools one to a line."""
    for source in sources:
        if source.kind != "company":
            continue
        topic, items = listed(source)
        # Under its own heading: the document's title is often the job's ("Practice Systems
        # Analyst > How to apply") and says nothing of what a list under it holds.
        topic = topic.replace(source.location, last_heading(source.location), 1)
        if len(items) < LISTED_AT_LEAST or not _TOOLS_TOPIC.search(topic):
            continue
        products: list[str] = []
        leading = 0  # lines that start with a product: most of a list of tools do
        for item in items:
            lead = _LEADS.match(ASIDE.sub("", item.strip()))
            # "Own the daily order…", "The team…", "Grew Friends…": a duty, a sentence or a
            # line of a profile, not a product.
            if (
                lead
                and lead.group("first").split()[0] not in STARTERS | IMPERATIVE
                and not verb_first(item.strip())
            ):
                products += [p for p in lead.group("first", "second") if p]
                leading += 1
        products = list(dict.fromkeys(products))[:SAID_AT_MOST]
        if len(products) >= LISTED_AT_LEAST and 2 * leading >= len(items):
            return _said(products)
    # ... or on one labelled line: "Tools: Moorings 4 (old and creaky), Excel with LOTS of
    # Power Query, Power BI for the dashboards, and Xero when I'm reconciling…".
    for source in sources:
        if source.kind == "company" and (line := _LABELLED.search(source.snippet)):
            parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", ASIDE.sub("", line.group(1)))
            leads = [_LEADS.match(part.strip()) for part in parts]
            products = [
                lead.group("first")
                for lead in leads
                if lead and lead.group("first").split()[0] not in STARTERS | IMPERATIVE
            ]
            products = list(dict.fromkeys(products))[:SAID_AT_MOST]
            if len(products) >= LISTED_AT_LEAST:
                return _said(products)
    # ... or in prose under a heading of their own ("Systems: Ticket sales… are held in
    # Gatehouse, the ticketing and membership CRM…"): its first sentences say them.
    for source in sources:
        if source.kind == "company" and _SYSTEMS_HEADING.match(last_heading(source.location)):
            said = [s for s in map(answer_sentence, research_pieces(source.snippet)) if s]
            if said:
                return " ".join(said[:SECTION_SENTENCES])
    return ""


# A section on the tools alone: "Systems", "Our tech stack", "Tools and systems you'll use".
_SYSTEMS_HEADING = re.compile(
    r"^\W*(?:the |our )?(?:systems|tools|technology|tech(?: stack)?|software)"
    r"(?: and (?:systems|tools|technology|software))?(?: (?:you'?ll|we) use)?\W*$",
    re.IGNORECASE,
)
SECTION_SENTENCES = 2


def _said(products: list[str]) -> str:
    return f"The main tools are {', '.join(products[:-1])} and {products[-1]}."


_LABELLED = re.compile(
    r"(?:^|[.!]\s+|\s)(?:Tools|Tech|Tech stack|Stack|Software|Tooling):\s+([^.]+)"
)
