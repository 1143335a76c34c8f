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
