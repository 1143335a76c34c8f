"""A terms table's rows, said as sentences ("Salary is £24,750…", "Training budget is £800…"):
the row whose label was asked about answers however much else the candidate's turn says ("I
wanted to check the salary first, is it the figure in the pack, and does it go up?")."""

from __future__ import annotations

import re

from roleplay.interview.question_words import content_stems

# The subject of a sentence that says what something is: "Salary is…", "Annual leave is…".
ROW_LABEL = re.compile(r"^([A-Z][\w'&-]*(?: [\w'&-]+){0,3}) (?:is|are)\b")
# ("Our office is at Unit 4…" says where something is, under no label.)
_DETERMINERS = frozenset(["The", "Our", "This", "That", "These", "Those", "Its", "Their", "My"])
# ("Panel interviews are planned for…" says what is done, not what a term is.)
_DONE = re.compile(r"\s+\w+(ed|ing)\b")


def row_asked(sentence: str, asked: set[str]) -> bool:
    """Whether ``sentence`` is a row whose label's words are all among ``asked`` ("Salary
    is…" and the stems of "check the salary"; "Closing date is…" is no answer on the dates of
    the interviews)."""
    label = ROW_LABEL.match(sentence)
    if not label or label.group(1).split()[0] in _DETERMINERS:
        return False
    if _DONE.match(sentence[label.end() :]):
        return False
    named = content_stems(label.group(1))
    return bool(named) and named <= asked
