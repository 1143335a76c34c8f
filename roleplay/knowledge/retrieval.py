"""Choosing the passages an interviewer turn is given.

The query is built from the recent exchange, the role and what the interviewer is after right
now (the focus from its private notes, or its open worries). Passages under a relevance threshold
are dropped, and maximal marginal relevance keeps the rest diverse, so the interviewer gets
several different facts rather than five copies of one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from langchain_core.vectorstores.utils import maximal_marginal_relevance

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Source, Stage
from roleplay.knowledge.chats import is_chat
from roleplay.knowledge.store import PackStore, Passage

# A whole chunk (ROLEPLAY_CHUNK_SIZE, 700 by default) fits: a question is answered from any of
# its sentences, not only the first few.
SNIPPET_CHARS = 1000


# Most words a title line of plain text has.
HEADING_WORDS = 6
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n| {2,}\n|\n(?=\s*(?:\d+[.)]|[-*•])\s)")
_CHAT_LINE = re.compile(r"\n")


def _embedding(passage: Passage) -> list[float]:
    if passage.embedding is None:
        raise AssertionError("the store was asked for the passages' embeddings")
    return passage.embedding


def passage_snippet(text: str) -> str:
    """A stored passage as the interviewer reads it: on one line, each paragraph and list item
    ending in a full stop, at most ``SNIPPET_CHARS`` long."""
    # A passage reaches the interviewer on one line: a paragraph that ends without a full
    # stop (a title, a label) gets one, so it does not run into the sentence after it.
    # Paragraphs end at a blank line, at a Markdown line break (the header splitter joins a
    # section's paragraphs with "  \n"), and before each list item.
    # (In an exported chat each line is a thought of its own: "…a nightmare the first month"
    # then "SurplusLink is the app…" on the next line of the same message.)
    breaks = _CHAT_LINE if is_chat(text) else _PARAGRAPH_BREAK
    paragraphs = [" ".join(p.split()) for p in breaks.split(_headings_apart(text)) if p.strip()]
    text = " ".join(p if p[-1] in ".!?:;…" else f"{p}." for p in paragraphs)
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _headings_apart(text: str) -> str:
    """``text`` with each title line of plain text ("Where we are" above "Our home is…") ending
    its paragraph: a short line with no closing mark, followed by one that starts a sentence.
    A line of hard-wrapped prose is long, or ends in a mark."""
    lines = text.split("\n")
    for index, line in enumerate(lines[:-1]):
        words, after = line.split(), lines[index + 1].lstrip()
        # A line of fields run together with "·" (a LinkedIn header, a job ad's header) is a
        # line of its own whatever its length.
        if (
            (0 < len(words) <= HEADING_WORDS or " · " in line)
            and line.rstrip()[-1] not in ".!?:;,…-–"
            and (after[:1].isupper())
        ):
            lines[index] = f"{line}\n"
    return "\n".join(lines)


def build_query(session: Session, persona: Persona, stage: Stage) -> str:
    """What this turn is about, in words the embedder can match against research.

    The company's name is left out on purpose: every passage is about the company, so it would
    only pull all scores together.
    """
    parts: list[str] = []
    last_candidate = session.last("candidate")
    if last_candidate and last_candidate.search and stage != "opening":
        # A question is searched for its answer alone: the interviewer's worries would pull in
        # passages on other subjects.
        return last_candidate.search
    if last_candidate:
        # What the candidate just said leads; the interviewer's own words would only echo the
        # passages it was given last turn.
        parts.append(last_candidate.text)
    if stage == "opening":
        setting = session.setting
        parts.append(f"{setting.company}: what it does, the team, the {setting.role} role")
    elif stage == "close":
        parts.append("next steps in the hiring process")
    elif session.notes.next_focus:
        parts.append(session.notes.next_focus)
    else:
        open_worries = [w.label for w in session.notes.worries if w.status != "eased"]
        parts.append(", ".join(open_worries[:2]))
    return "\n".join(p for p in parts if p)


@dataclass
class PackRetriever:
    """A retriever for the engine: ``retriever(session, stage) -> [Source]``."""

    store: PackStore
    persona: Persona
    company_packs: list[str] = field(default_factory=list)
    candidate_packs: list[str] = field(default_factory=list)
    k: int = 3
    candidate_k: int = 2
    min_score: float = 0.2
    fetch_k: int = 12
    diversity: float = 0.7  # MMR's lambda: 1 = relevance only, 0 = diversity only
    section_k: int = 6  # passages of the best one's section that come with it

    def __call__(self, session: Session, stage: Stage) -> list[Source]:
        if not (self.company_packs or self.candidate_packs):
            return []
        query = build_query(session, self.persona, stage)
        last = session.last("candidate")
        asked = last is not None and bool(last.search) and stage != "opening"
        # A question's search may hold, on lines after the first, what its kind of answer says
        # ("this is a new post, a newly created role…"), searched for apart too, and words in
        # quotes its answer is said in ('"new post"'): the passages holding them are searched
        # too, a short sentence being lost in a long passage's meaning.
        first, *apart = query.split("\n") if asked else [query]
        phrases = [line.strip('"') for line in apart if line.startswith('"')]
        apart = [line for line in apart if not line.startswith('"')]
        vector = self.store.embedder.model.embed_query(first)
        # A question is answered from every passage fetched for it, however they score: a
        # passage scores low against a short question even when one of its sentences answers
        # it ("who would I report to?" and a careers page's "You will report to…"), and the
        # interviewer weighs each sentence before saying one.
        k = self.fetch_k if asked else self.k
        # The opening is about the company in general: its best passages serve, however they score.
        floor = -1.0 if stage == "opening" or asked else self.min_score
        found = self._pick(vector, self.company_packs, k, floor)
        for words in apart:
            have = {p.text for _, p in found}
            more = self._pick(self.store.embedder.model.embed_query(words), self.company_packs,
                              self.k, floor)  # fmt: skip
            found += [(pack, p) for pack, p in more if p.text not in have]
        for phrase in phrases:
            have = {p.text for _, p in found}
            more = self._pick(vector, self.company_packs, 1, floor, containing=phrase)
            found += [(pack, p) for pack, p in more if p.text not in have]
        if asked:
            found += self._rest_of_sections(found)
        sources = [_source(pack, passage, "company") for pack, passage in found]
        if self.candidate_packs and stage != "close":
            chosen = self._pick(vector, self.candidate_packs, self.candidate_k, floor)
            sources += [_source(pack, passage, "candidate") for pack, passage in chosen]
        return sources

    def _rest_of_sections(self, found: list[tuple[str, Passage]]) -> list[tuple[str, Passage]]:
        """The rest of the best passage's section, of any section two of whose passages were
        found, and of a chat found: a pasted profile cut in four answers "where did you
        study?" from its last part, whichever parts were found."""
        keys = [(pack, p.source, p.location) for pack, p in found]
        # (and an exported chat: short, and every message of it its writer's own words)
        wanted = [
            key
            for i, key in enumerate(keys)
            if not i or keys.count(key) > 1 or is_chat(found[i][1].text)
        ]
        have = {p.text for _, p in found}
        more: list[tuple[str, Passage]] = []
        for pack, source, location in dict.fromkeys(wanted):
            rest = [p for p in self.store.section(pack, source, location) if p.text not in have]
            more += [(pack, p) for p in rest[: self.section_k]]
        return more

    def _pick(
        self, vector: list[float], packs: list[str], k: int, floor: float, containing: str = ""
    ) -> list[tuple[str, Passage]]:
        found: list[tuple[str, Passage]] = []
        for pack in packs:
            for passage in self.store.search_vector(
                pack, vector, self.fetch_k, with_embeddings=True, containing=containing
            ):
                if passage.score >= floor:
                    found.append((pack, passage))
        if not found:
            return []
        chosen = maximal_marginal_relevance(
            _as_array(vector), [_embedding(p) for _, p in found], lambda_mult=self.diversity, k=k
        )
        return [found[i] for i in chosen]


def _source(pack: str, passage: Passage, kind: str) -> Source:
    return Source(
        source=passage.source,
        location=passage.location,
        snippet=passage_snippet(passage.text),
        score=round(passage.score, 3),
        pack=pack,
        kind=kind,
    )


def _as_array(vector: list[float]):  # numpy comes with the embedder's dependencies
    import numpy as np

    return np.array(vector)
