"""How well speech-to-text heard a known sentence: word error rate over normalised words.

Normalising: lower case, no punctuation, "%" read as "percent", "12,000" as "12000", runs of
number words as digits ("two thousand nineteen" is "2019", stopping at punctuation), and
drawn-out hesitations in their short form ("umm" is "um"). It does not handle "and" inside
numbers, decimals, ordinals or currency.
"""

from __future__ import annotations

import re

from roleplay.core.wording import words

_UNITS = {
    name: value
    for value, name in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen"),
        ]
    )
}
_TENS = {
    name: 10 * value
    for value, name in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
_SCALES = {"thousand": 1_000, "million": 1_000_000}
_NUMBER_WORDS = {*_UNITS, *_TENS, "hundred", *_SCALES}
_DRAWN_OUT = [
    (re.compile(r"u+m+"), "um"),
    (re.compile(r"u+h+"), "uh"),
    (re.compile(r"h+m+"), "hmm"),
]


def _number(run: list[str]) -> str:
    """Number words ("two thousand nineteen") as digits ("2019")."""
    total = current = 0
    for word in run:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return str(total + current)


def normalise(text: str) -> list[str]:
    """The words WER compares: see the module's docstring."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower()).replace("%", " percent")
    out: list[str] = []
    # A run of number words stops at punctuation: "three, four" stays two numbers.
    for clause in re.split(r"[.,;:!?]", text):
        run: list[str] = []
        for word in words(clause):
            if word in _NUMBER_WORDS:
                run.append(word)
                continue
            if run:
                out.append(_number(run))
                run = []
            out.append(next((s for p, s in _DRAWN_OUT if p.fullmatch(word)), word))
        if run:
            out.append(_number(run))
    return out


def edit_distance(reference: list[str], heard: list[str]) -> int:
    """Word-level Levenshtein distance: substitutions, deletions and insertions."""
    previous = list(range(len(heard) + 1))
    for i, want in enumerate(reference, 1):
        current = [i]
        for j, got in enumerate(heard, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (want != got))
            )
        previous = current
    return previous[-1]


def word_error_rate(said: str, heard: str) -> float:
    """Word errors (substitutions, deletions, insertions) per word said."""
    reference = normalise(said)
    return edit_distance(reference, normalise(heard)) / max(len(reference), 1)
