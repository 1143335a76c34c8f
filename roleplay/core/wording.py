"""Counting words and filler words, one way for typed and spoken answers alike.

- a word is a run of letters, digits or apostrophes;
- fillers are um, uh, erm, er, ah, hmm, "you know", "i mean", "sort of", "kind of", basically
  and literally, counted as whole words; a drawn-out sound counts as its short form ("umm" is
  "um", "uhhh" is "uh", "hmmm" is "hmm"), since speech-to-text spells hesitations as it hears
  them.

It also picks "a" or "an" for a phrase by how its first word sounds, not how it is spelled.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’]*")
FILLERS = [
    "um",
    "uh",
    "erm",
    "er",
    "ah",
    "hmm",
    "you know",
    "i mean",
    "sort of",
    "kind of",
    "basically",
    "literally",
]
# Hesitation sounds as a transcript may spell them, to their short form.
_DRAWN_OUT = [
    (re.compile(r"u+m+"), "um"),
    (re.compile(r"u+h+"), "uh"),
    (re.compile(r"e+r+m+"), "erm"),
    (re.compile(r"e+r+"), "er"),
    (re.compile(r"a+h+"), "ah"),
    (re.compile(r"h+m+"), "hmm"),
]


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _short_form(token: str) -> str:
    for pattern, short in _DRAWN_OUT:
        if pattern.fullmatch(token):
            return short
    return token


def count_fillers(tokens: list[str]) -> Counter[str]:
    tokens = [_short_form(t) for t in tokens]
    found: Counter[str] = Counter()
    for filler in FILLERS:
        parts = filler.split()
        size = len(parts)
        found[filler] = sum(
            1 for i in range(len(tokens) - size + 1) if tokens[i : i + size] == parts
        )
    return Counter({k: v for k, v in found.items() if v})


# Letters whose names start with a vowel sound: "an MBA", "an HR role", but "a BSc".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Spelled with a vowel, said with a consonant ("a university", "a one-year contract"), and the
# reverse ("an hour").
_CONSONANT_SOUND = re.compile(r"(?i)(uni|use|usu|eu|one\b|once\b|ur[aeiou])")
_VOWEL_SOUND = re.compile(r"(?i)(hour|honest|honour|heir)")


def indefinite(phrase: str) -> str:
    """``phrase`` after "a" or "an", as it is said: "an MBA, part-time", "a university
    course", "an hourly rate"."""
    first = phrase.split()[0] if phrase.split() else ""
    if len(first) > 1 and first[:2].isupper():  # an acronym is said letter by letter
        vowel = first[0] in _VOWEL_LETTERS
    elif _CONSONANT_SOUND.match(first):
        vowel = False
    else:
        vowel = first[:1].lower() in "aeiou" or bool(_VOWEL_SOUND.match(first))
    return f"{'an' if vowel else 'a'} {phrase}"
