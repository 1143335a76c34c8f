"""The relevance cache is shared by every interview in a process: what one interview embedded
before must not change another's vectors (nor, through a near tie, its replies)."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from roleplay.interview.relevance import EmbeddingRelevance, local_relevance


class _BatchSensitive(Embeddings):
    """Like MiniLM on a CPU: a text's vector differs in the last bits with its batch's size."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[float(len(t)), 1.0 + 1e-7 * len(texts)] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def test_a_texts_vector_does_not_depend_on_what_was_embedded_beside_it() -> None:
    first_alone = EmbeddingRelevance(_BatchSensitive()).vectors(["Who runs the team?"])
    shared = EmbeddingRelevance(_BatchSensitive())
    shared.vectors(["Who runs the team?", "Salary is £28,200.", "Hours are 37.5 a week."])

    assert shared.vectors(["Who runs the team?"]) == first_alone


def test_minilm_gives_one_vector_per_text_whatever_came_before() -> None:
    local = local_relevance()
    asked = "Who would I be working with?"
    alone = EmbeddingRelevance(local.embeddings).vectors([asked])
    beside = EmbeddingRelevance(local.embeddings)
    beside.vectors(["Salary is £28,200 rising to £30,100 after probation.", asked, "Hi."])

    assert beside.vectors([asked]) == alone


class _Counting(_BatchSensitive):
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return super().embed_documents(texts)


CATALOGUE = ["Thanks, bye.", "I'd rather not say.", "How much does it pay?"]


def test_the_catalogue_is_embedded_once_as_one_batch_whatever_is_asked_first() -> None:
    embedder = _Counting()
    relevance = EmbeddingRelevance(embedder, CATALOGUE)
    first = relevance.vectors(["I'd rather not say."])
    relevance.vectors(["Thanks, bye.", "I led the team."])

    assert embedder.batches == [CATALOGUE, ["I led the team."]]
    assert first == EmbeddingRelevance(_BatchSensitive(), CATALOGUE).vectors(CATALOGUE[1:2])


def test_the_catalogue_outlasts_the_cache(monkeypatch) -> None:
    import roleplay.interview.relevance as relevance_module

    monkeypatch.setattr(relevance_module, "CACHE_SIZE", 2)
    embedder = _Counting()
    relevance = EmbeddingRelevance(embedder, CATALOGUE)
    relevance.vectors(["one", "two", "three", "four"])
    relevance.vectors(CATALOGUE)

    assert embedder.batches[0] == CATALOGUE
    assert all(text not in CATALOGUE for batch in embedder.batches[1:] for text in batch)


def test_the_shipped_relevance_weighs_against_every_example_of_the_turn_reader() -> None:
    from roleplay.core.turn_rules import turn_rules

    assert set(local_relevance().catalogue) == set(turn_rules().example_texts())
