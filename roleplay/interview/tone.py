"""Whether words sound pleased: after a red flag nothing the interviewer says may.

Used twice: the planner skips a pleased acknowledgement after a red flag, and a model's phrasing
of a turn that meets one is refused when it sounds pleased or agrees ("You're right, that's a
good way to phrase it" after an insult).
"""

from __future__ import annotations

import re

_PLEASED = re.compile(
    r"\b(great|love|loved|lovely|wonderful|fantastic|awesome|excellent|perfect|brilliant|amazing|"
    r"glad|delighted|nice|cool|impressive|impressed|terrific|good (one|point|answer|way|to hear)|"
    r"(useful|helpful|happy|reassuring) to hear|that'?s (helpful|useful|good|fair)|fair enough|"
    r"you'?re right|well put|well said|i like that|makes sense|totally|absolutely|exactly|"
    r"sounds good|no problem|of course)\b",
    re.IGNORECASE,
)


def pleased(text: str) -> str:
    """The first pleased or agreeing phrase in ``text`` ("" when there is none)."""
    found = _PLEASED.search(text)
    return found.group(0) if found else ""
