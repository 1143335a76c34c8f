"""Whether words sound pleased, or the candidate's scornful: after a red flag nothing the
interviewer says may sound pleased.

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


_PLEASED_OPENING = re.compile(r"^\s*(\w+( \w+)?)[,.!]\s+(?=\w)")


def calmed(line: str) -> str:
    """``line`` without a pleased word it opens with ("Great, that's all I need" is "That's
    all I need"): an authored line said after a red flag."""
    opening = _PLEASED_OPENING.match(line)
    if not opening or not pleased(opening.group(1)):
        return line
    rest = line[opening.end() :]
    return rest[:1].upper() + rest[1:]


_SCORNFUL = re.compile(
    r"\b(drives? me (mad|crazy|nuts|up the wall)|annoy(s|ed|ing)?|can'?t stand|fed up|sick of|"
    r"hate|hated|useless|idiots?|clueless|stupid|pathetic|incompetent|a joke|"
    r"(just |simply )?ignore (them|him|her|people|it)|get in my way|hopeless|shambles|"
    r"(nobody|no one) (there |here )?knows what (they'?re|they are) doing|"
    r"(are|is) (a bit |so |really |pretty |quite )?(dim|thick|lazy|stupid|dense)|"
    r"wouldn'?t want (to have )?(much|anything) to do with)\b",
    re.IGNORECASE,
)


def scornful(text: str) -> str:
    """The first scornful phrase in the candidate's ``text`` ("" when there is none): no
    interviewer meets "people who check my work drive me mad" with warmth, whatever its notes
    make of it."""
    found = _SCORNFUL.search(text)
    return found.group(0) if found else ""
