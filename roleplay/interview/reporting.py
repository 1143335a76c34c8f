"""Who the post reports to: the one question every candidate asks, answered by the sentence that
says it ("You will report to Gethin Marsh, Head of Data and Planning.") rather than the nearest
sentence naming a manager ("Owen is the senior analyst…")."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKS = re.compile(
    r"\breport(s|ing)?\s+(in)?to\b|\bline manager\b|\bmy (boss|manager)\b"
    r"|\bwho('s| is| would be| will be) (the|my) (boss|manager)\b",
    re.IGNORECASE,
)
# A sentence saying who the post (not someone else) reports to, maybe after where it sits
# ("You'll join our small team and report to Owen Gallagher").
_TELLS = re.compile(
    r"^(you will|you'll|you would|you'd|the (post|role|job|position|analyst|successful \w+|new \w+)"
    r"|this (post|role|job|position)|it)\s+(will |would )?([^.;]{0,80}\band )?"
    r"(reports?|be reporting)\s+(in)?to\b",
    re.IGNORECASE,
)


def asks_reporting(question: str) -> bool:
    """Whether ``question`` asks who the post reports to."""
    return bool(_ASKS.search(question))


def reporting_line(sentences: Sequence[str]) -> str:
    """The first of ``sentences`` that says who the post reports to, or ""."""
    return next((sentence for sentence in sentences if _TELLS.match(sentence)), "")
