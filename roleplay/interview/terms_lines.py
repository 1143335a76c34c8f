"""A job's terms written as labelled lines ("Holiday: 25 days plus bank holidays…"), said as a
terms table's rows are ("Holiday is 25 days…", ``terms_rows``): a PDF's bold label gets its
colon (``knowledge.pdf_markdown``), and a line that opens with one cannot be said as it is."""

from __future__ import annotations

import re

# A labelled line of a job's terms ("Holiday: 25 days plus bank holidays…", "Pension: The
# People's Pension: we contribute 6%…").
_TERMS_LABEL = re.compile(
    r"^(Annual leave|Leave|Holidays?|Working (?:pattern|hours)|Hours|Pension|Salary|Pay"
    r"|(?:Other )?[Bb]enefits?|Start(?:ing)? date|Notice(?: period)?|Contract|Probation"
    r"|Hybrid working|Flexible working|Perks):\s+(?=[A-Z0-9£$€])"
)
_PLAIN_OPENERS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "a", "an", "up", "around", "about", "at", "permanent", "full-time", "full",
     "part-time", "part", "fixed-term", "fixed", "none", "negotiable", "flexible", "hybrid",
     "competitive"]
)  # fmt: skip


def terms_said(sentence: str) -> str:
    """A labelled line of a job's terms said as its row is ("Holiday: 25 days…" as "Holiday
    is 25 days…"); any other line as it is."""
    label = _TERMS_LABEL.match(sentence)
    rest = sentence[label.end() :] if label else ""
    # A line that says its own verb stays as written ("Salary: band is £31.5-34k"), and so does
    # one run on into the next label ("Contract: Permanent… Salary: £31,500…").
    if (
        not label
        or re.match(r"^\w+(?: \w+)? (?:is|are|was|were)\b", rest)
        or re.search(r"\b[A-Z][\w ]{0,25}:\s+(?=[A-Z0-9£$€])", rest)
    ):
        return sentence
    verb = "are" if label[1].endswith(("s", "Perks")) else "is"
    # ("Pension: The People's Pension: we contribute…")
    rest = re.sub(r"^([^:.]{3,60}): (?=[a-z])", r"\1, ", rest)
    first, _, after = rest.partition(" ")
    if first.lower().rstrip(",;") in _PLAIN_OPENERS:  # ("Six months", not "Monday 3 June")
        rest = f"{first.lower()} {after}".rstrip()
    return f"{label[1]} {verb} {rest}"
