"""Which research packs a coach, or a coach's scenario, may draw on: the one rule for the web
app and the CLI alike.

A pack records its owner: "" for shared packs (the samples, and what the machine's owner adds
with ``roleplay knowledge``), ``coach:NAME`` for what a coach uploaded or imported, and a
browser's id for a browser's uploads. A coach may use shared packs and their own; a scenario's
interviewer reads only those of its coach, whatever names the scenario lists, so no scenario
(typed, imported or edited by hand) can reach another coach's or a browser's research.
"""

from __future__ import annotations

from collections.abc import Iterable

from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.samples import sample_packs
from roleplay.knowledge.store import PackStore


def coach_owner(coach: str) -> str:
    """The owner recorded on the packs a coach uploads or imports."""
    return f"coach:{coach}"


def coach_packs(store: PackStore, coach: str) -> list[str]:
    """The research a coach may put in a scenario: the company samples, shared packs, and the
    packs they uploaded or imported; nobody else's."""
    samples = [s.name for s in sample_packs() if s.kind == "company"]
    other = {s.name for s in sample_packs() if s.kind != "company"}
    found = [p.name for p in store.packs(owner=coach_owner(coach)) if p.name not in other]
    return [*dict.fromkeys([*samples, *sorted(found)])]


def may_use(store: PackStore, coach: str, pack: str) -> bool:
    """Is ``pack`` shared, or this coach's own? (A missing pack is nobody's.)"""
    if not store.exists(pack):
        return False
    return store.info(pack).owner in ("", coach_owner(coach))


def usable(store: PackStore, coach: str, packs: Iterable[str]) -> list[str]:
    """Of ``packs``, those the coach may use, in order (a sample not built yet counts: it is
    built on demand)."""
    samples = {s.name for s in sample_packs()}
    found = []
    for name in dict.fromkeys(packs):
        try:
            if name in samples or may_use(store, coach, name):
                found.append(name)
        except KnowledgeError:
            continue
    return found
