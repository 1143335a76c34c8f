"""A section the splitter cut into several passages is read whole when it is found: a pasted
LinkedIn profile cut in three answers "where did you study?" from its last part, whichever
part the question found (a real embedded Chroma and the local MiniLM)."""

from __future__ import annotations

import threading
import time

import pytest

from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.interview.relevance import EmbeddingRelevance
from roleplay.knowledge import embeddings
from roleplay.knowledge.ingest import Chunking, ingest
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.store import PackStore, connect

NOTES = """# Prep notes

## Martin Blackledge – LinkedIn

Chief Executive and co-founder of Pennant Cycle Works in Sheffield since April 2015, after
running overnight rebalancing for a four thousand bike public bike share in Lyon.

Operations Manager at VeloRhone in Lyon from 2011 to 2015, where he learned French the hard
way and ran the night crews that moved bikes between the docks across the whole city.

Sustainable Transport Officer at Bradford council from 2008 to 2011, writing school travel
plans and the district's first cycle hire feasibility study, which said no.

Education: University of Leeds, MA in Transport Planning, 2006 to 2007. University of Hull,
BA in Geography, 2001 to 2004, and a member of the university cycling club.

## Parking

There is no staff car park at Kelham Yard; most people cycle or take the tram.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, local_embedder) -> PackStore:
    folder = tmp_path_factory.mktemp("notes")
    (folder / "prep.md").write_text(NOTES, encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("chroma"))
    store = PackStore(connect(settings), local_embedder)
    ingest(store, "notes", [str(folder)], limits=Limits(), chunking=Chunking(220, 0))
    return store


def profile_passages(store: PackStore) -> list:
    first = store.search("notes", "Chief Executive and co-founder since April 2015", k=1)[0]
    return store.section("notes", first.source, first.location)


def test_a_section_cut_in_several_passages_is_read_back_whole_in_order(store) -> None:
    passages = profile_passages(store)
    assert len(passages) >= 3
    assert "Chief Executive" in passages[0].text
    assert "University of Leeds" in passages[-1].text
    assert all("Kelham Yard" not in p.text for p in passages)


def test_the_best_passage_brings_the_rest_of_its_section(store) -> None:
    persona = PersonaLibrary([shipped_dir("personas")]).get("relaxed-industry-leader")
    retriever = PackRetriever(store=store, persona=persona, company_packs=["notes"])
    best = next(p for p in profile_passages(store) if "Chief Executive" in p.text)
    more = retriever._rest_of_sections([("notes", best)])
    assert any("University of Leeds" in p.text for _pack, p in more)
    assert all(p.text != best.text for _pack, p in more)


def test_a_section_of_a_source_no_longer_in_the_pack_is_empty(store) -> None:
    assert store.section("notes", "gone.md", "Prep notes › Parking") == []


class _OneAtATime:
    """An embedder that notes how many threads are inside it at once."""

    def __init__(self) -> None:
        self.inside = self.most = 0
        self.lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self.lock:
            self.inside += 1
            self.most = max(self.most, self.inside)
        time.sleep(0.01)
        with self.lock:
            self.inside -= 1
        return [[float(len(text)), 1.0] for text in texts]


def test_the_model_is_never_asked_by_two_threads_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The notes read in the background while the turn is planned: MiniLM's floats must not
    # depend on what else it was computing at the same moment.
    model = _OneAtATime()
    monkeypatch.setattr(embeddings, "_load_local", lambda: model)
    relevance = EmbeddingRelevance(embeddings.local_embeddings())
    threads = [
        threading.Thread(target=relevance.vectors, args=([f"text {n} {i}" for i in range(5)],))
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert model.most == 1
