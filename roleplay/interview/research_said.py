"""The research's sentences that can be said aloud, each with what it is about.

``candidates`` weighs these against a question: every sentence of the company research that can
be said on its own, each list item said with what it lacks, and the duties a job ad lists said
to the candidate, with the heading and words each sits under and the sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from roleplay.core.session import Source
from roleplay.interview.duties import duty_sentences
from roleplay.interview.facts import last_heading
from roleplay.interview.list_items import item_sentences
from roleplay.interview.sayable import answer_sentence, section_list
from roleplay.interview.standalone import headed_sentences

_HEADLINE = re.compile(r'^["“][^"“”]{20,}["”]$|^(?=.*\d)(?:\S+\s+){4,}\S+$')


@dataclass
class SaidIn:
    """The sayable sentences of some research, and what each is about."""

    # Each sentence that can be said, with the heading it sits under and the words it was
    # written in ("August 2025 (Courier): …"): what it is about.
    under: dict[str, str] = field(default_factory=dict)
    # Items said with what they lacked ("There's a pension with…"): taken only for a question
    # that names what they are about.
    items: set[str] = field(default_factory=set)
    # What a job ad lists the candidate would do, said to them ("You'd write SQL against…").
    duties: set[str] = field(default_factory=set)
    # The sentence before each, which may name its scene ("…a new bread line at its Clara Road
    # bakery. The new line, due to open in spring 2026, …").
    before: dict[str, str] = field(default_factory=dict)


def research_said(company: Sequence[Source], names: Sequence[str]) -> SaidIn:
    """What can be said of the ``company`` passages; ``names`` holds the company's name."""
    said_in = SaidIn()
    under, items, duties, before = said_in.under, said_in.items, said_in.duties, said_in.before
    for source in company:
        previous = ""
        # A passage's headline says what its sentences are about too ("Corriemoor tops 1.1
        # million passengers in record-breaking year" over "…handled 1.14 million passengers");
        # a section's label ("How to apply and what happens next") says it of every sentence
        # alike. A headline is quoted, or names a figure.
        section = last_heading(source.location)
        section = section if _HEADLINE.search(section) else ""
        for raw, title in headed_sentences(source, names):
            if said := answer_sentence(raw):
                under.setdefault(said, f"{section} {title} {raw}")
                before.setdefault(said, previous)
            else:
                for said in item_sentences(raw, source.snippet):
                    under.setdefault(said, f"{title} {raw}")
                    items.add(said)
            previous = raw
        if said := section_list(source):
            under.setdefault(said, "")
        for duty in duty_sentences(source):
            if said := answer_sentence(duty):
                under.setdefault(said, source.location)
                duties.add(said)
    return said_in
