"""What someone said in a pasted interview or podcast transcript, said of them.

Research often holds a transcript ("Callum Dunmore: By accident, honestly. I was working at the
Ashdale quarry…"). In the speaker's first person nothing of it can be said by the interviewer,
whose "I" is someone else; said of the speaker ("Callum was working at the Ashdale quarry…") it
answers how they got into the work. Only sentences whose every "I" is followed by a past or
modal verb are turned: "I work" would need its verb changed too, and is left unsaid.
"""

from __future__ import annotations

import re

_NAME = r"(?:Ma?c[A-Z][a-z]+|[A-Z][a-zà-öø-ÿ]+)(?:[-'][A-Z][a-zà-öø-ÿ]+)?"
# "Callum Dunmore: Seven in January." (a turn of a transcript, or "Employment Type: Permanent").
_LABEL = re.compile(rf"(?:^|(?<=[.!?]\s))({_NAME}(?: {_NAME})?): (?=\S)")
# Who speaks and is not the subject ("Host: And when you hire…").
_HOSTS = frozenset(["Host", "Interviewer", "Presenter", "Q", "Question", "Reporter"])
# Verbs after "I" that stay as they are when said of someone else.
_AS_IS = frozenset(
    ["was", "did", "had", "could", "would", "can", "will", "should", "might", "must", "became",
     "took", "made", "went", "got", "ran", "drove", "began", "left", "came", "found", "knew",
     "saw", "met", "led", "grew", "spent", "won", "wrote", "built", "kept", "gave", "sold",
     "never", "still", "also", "then", "first", "just", "didn't", "couldn't", "wasn't"]
)  # fmt: skip
_FIRST_PERSON = re.compile(r"\b(I'm|I've|I'll|I'd|I|[Mm]y|me|myself|mine)\b")


def speakers(text: str) -> set[str]:
    """The labels of ``text`` that are people speaking: each one a transcript's turns are
    given to more than once ("Callum Dunmore:"), when a host speaks too ("Host:"). A label met
    once is a field ("Salary: £31,500…", "Employment Type: Permanent")."""
    labels = [found.group(1) for found in _LABEL.finditer(text)]
    if not _HOSTS & set(labels):
        return set()
    return {label for label in labels if labels.count(label) > 1}


def speaker(piece: str, talkers: set[str]) -> tuple[str, str] | None:
    """The first name of who speaks in ``piece`` and what they say, "" as the name when the
    turn is the host's; None when ``piece`` is no turn of one of ``talkers``."""
    found = _LABEL.match(piece)
    if not found or found.group(1) not in talkers:
        return None
    label = found.group(1)
    return ("" if label in _HOSTS else label.split()[0]), piece[found.end() :]


def said_of(piece: str, name: str) -> str:
    """``piece``, said by ``name`` in the first person, said of them ("I did my licence that
    spring" as "Callum did their licence that spring", each "I" said as the name, so no "they"
    points at someone else); ``piece`` itself when it has no "I";
    "" when it cannot be said of them without changing a verb."""
    words = piece.split()
    for index, word in enumerate(words):
        after = words[index + 1].strip(",.").lower() if index + 1 < len(words) else ""
        if word.strip(",.") == "I'd" or (
            word.strip(",") == "I" and not (after in _AS_IS or after.endswith("ed"))
        ):
            return ""

    def turned(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.lower() in ("my", "mine"):
            return {"my": "their", "My": "Their"}.get(word, "theirs")
        if word == "myself":
            return "themselves"
        endings = {"I'm": " is", "I've": " has", "I'll": " will"}
        return name + endings.get(word, "")

    return _FIRST_PERSON.sub(turned, piece)
