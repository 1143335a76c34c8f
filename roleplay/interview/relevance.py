"""How closely a candidate's sentence speaks to a topic: MiniLM similarity, scaled to 0..1.

A topic is a few texts: a worry is what it fears and what would settle it, a rubric criterion
what it looks for and its Good anchor. A sentence takes the closest of them: "I want to stay for
years" speaks to a flight-risk worry whichever way it points. The direction comes from the cues
(``roleplay.interview.assessor``, ``roleplay.feedback.scoring``); this only weighs them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from langchain_core.embeddings import Embeddings

from roleplay.core.turn_rules import turn_rules

# MiniLM cosines between a sentence and a short description: about 0.05 for unrelated text,
# 0.5 and over for a sentence on the same subject. Scaled so that the first maps to 0 and the
# second to 1.
FLOOR = 0.05
SPAN = 0.45
CACHE_SIZE = 4096


class EmbeddingRelevance:
    def __init__(self, embeddings: Embeddings, catalogue: Sequence[str] = ()):
        """``catalogue``: texts every process weighs against (the turn reader's examples),
        embedded together on first use and kept for good."""
        self.embeddings = embeddings
        # Topics and recent sentences: the notes, then the report, read the same sentences.
        self._vectors_of: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self.catalogue = tuple(dict.fromkeys(catalogue))
        self._catalogued: dict[str, list[float]] | None = None

    def _fixed(self) -> dict[str, list[float]]:
        """The catalogue's vectors, embedded as one batch: two hundred texts alone took five
        seconds of the first answer, together two. Always the same texts in the same batch,
        so their vectors are the same in every process, whatever was embedded before them,
        and they are never evicted (one embedded alone would differ in its last bits)."""
        with self._lock:
            if self._catalogued is None:
                texts = list(self.catalogue)
                vectors = self.embeddings.embed_documents(texts) if texts else []
                self._catalogued = dict(zip(texts, vectors, strict=True))
            return self._catalogued

    def vectors(self, texts: list[str]) -> list[list[float]]:
        """MiniLM's vector of each text, cached (the turn reader's model reads them too)."""
        fixed = self._fixed()
        with self._lock:
            known = {t: fixed[t] for t in texts if t in fixed}
            known.update((t, self._vectors_of[t]) for t in texts if t in self._vectors_of)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            # One at a time: MiniLM's floats differ in the last bits with the batch a text is
            # embedded in, and with this cache shared by every interview, a near tie in one
            # interview would turn on what other interviews had asked before it. Alone, a
            # text's vector is always the same (and short texts cost little more so). The
            # shipped MiniLM is also used by one thread at a time (``embeddings._LazyLocal``).
            known.update((t, self.embeddings.embed_documents([t])[0]) for t in missing)
            with self._lock:
                while self._vectors_of and len(self._vectors_of) + len(missing) > CACHE_SIZE:
                    self._vectors_of.pop(next(iter(self._vectors_of)))
                self._vectors_of.update((t, known[t]) for t in missing)
        return [known[t] for t in texts]

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        """One row per sentence, one value per topic: the closest of the topic's texts."""
        vectors = [self.vectors(texts) for texts in topics]
        return [
            [_scaled(max(_cosine(said, v) for v in topic)) for topic in vectors]
            for said in self.vectors(sentences)
        ]

    def cosines(self, sentences: list[str], text: str) -> list[float]:
        """Raw MiniLM cosines of each sentence to ``text``: they still rank sentences whose
        scaled scores all reach 1."""
        target = self.vectors([text])[0]
        return [_cosine(said, target) for said in self.vectors(sentences)]


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = (sum(x * x for x in a) * sum(y * y for y in b)) ** 0.5
    return dot / norm if norm else 0.0


def _scaled(cosine: float) -> float:
    return min(1.0, max(0.0, (cosine - FLOOR) / SPAN))


_local: EmbeddingRelevance | None = None


def local_relevance() -> EmbeddingRelevance:
    """Relevance on the shipped MiniLM (whatever embedder the packs use: the scale above is
    MiniLM's), shared by every interview in the process and loaded on first use."""
    global _local
    if _local is None:
        from roleplay.knowledge.embeddings import local_embeddings

        _local = EmbeddingRelevance(local_embeddings(), turn_rules().example_texts())
    return _local
