"""The products a research sentence names, for a question about tools: "Code lives in Azure
DevOps with Git and Jira" names four, and answers "which bits of the stack would I be in?"
without sharing a word of it; "a Senior Data & Insight Officer" and "the Performance & Insight
team" name posts and teams, not products."""

from __future__ import annotations

import re

from roleplay.interview.standalone import people_in

# Products a sentence must name to answer a question about tools without sharing its words.
LISTED_PRODUCTS = 3
# A product's name inside a sentence (dbt and pandas are named in lower case too).
_PRODUCT = re.compile(r"(?<=[\w,] )(?:[A-Z][A-Za-z0-9]+|dbt|pandas|numpy|excel|python|sql)\b")
# Where a tool is said to be used.
USED_IN = re.compile(
    r"\b(lands? in|live in|kept in|stored in|written in|built (in|on|with)|runs? on|done in"
    r"|(is|are) in|modell?ed (in|with)|scheduled in|booked in|uses?|using|maps? things in)\b",
    re.IGNORECASE,
)
# A capitalised word before these names a post or a team, not a product.
_NOT_A_PRODUCT_BEFORE = frozenset(
    ["team", "teams", "officer", "engineer", "analyst", "analysts", "coordinator", "manager",
     "lead", "director", "department", "unit", "board", "group", "partner", "members"]
)  # fmt: skip
# Months and days are capitalised, and no product ("busier spells each January and July").
_CALENDAR = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
     "Saturdays", "Sundays"]
)  # fmt: skip
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'-]*(?: (?:& )?[A-Z][\w'-]*)+")


def products(sentence: str, names_seen: set[str]) -> int:
    """How many products ``sentence`` names (not the company's or the people's names in
    ``names_seen``, nor a team's or a post's: "our GIS officer", "the Performance & Insight
    team")."""
    people = {w for match in people_in(sentence) for w in match.split()}
    # ("a Senior Data & Insight Officer", "two Supporter Care Officers": every word of a post's
    # name is the post's.)
    people |= {
        word
        for run in _CAPITALISED_RUN.finditer(sentence)
        if run.group(0).split()[-1].lower().rstrip("s") in _NOT_A_PRODUCT_BEFORE
        for word in run.group(0).split()
    }
    named = set()
    for found in _PRODUCT.finditer(sentence):
        after = sentence[found.end() :].split()[:3]
        joined = len(after) > 2 and after[0] in ("&", "and") and after[1][:1].isupper()
        if any(word.strip(",.;").lower() in _NOT_A_PRODUCT_BEFORE for word in after[:1]) or (
            joined and after[2].strip(",.").lower() in ("team", "teams")
        ):
            continue
        named.add(found.group(0))
    return len(named - names_seen - people - _CALENDAR)
