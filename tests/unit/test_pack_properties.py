"""Research packs as a state machine, driven by hypothesis in any order: add a source (new,
changed or the same again), remove a source, remove a pack, and restart the process (a new store
on the same embedded Chroma). The store always holds exactly what was added and not removed,
and a search finds only the text of a source's newest version."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from roleplay.core.settings import Settings
from roleplay.knowledge.embeddings import Embedder
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import ingest
from roleplay.knowledge.store import PackStore, connect
from roleplay.wiring import knowledge
from tests.support.fakes import HashEmbeddings

PACKS = st.sampled_from(["Acme", "Quillon Robotics"])
SOURCES = st.sampled_from(["notes.md", "careers.md"])
# Each text names a word of its own, so a search can tell which version it found.
TEXTS = st.sampled_from(
    [
        "Acme ships parcels by drone. The pilot is in Leeds. Word: amber.",
        "Acme ships parcels by van. The depot is in York. Word: birch.",
        "The team is twelve analysts under Priya Natarajan. Word: cedar.",
    ]
)


class PackMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="packs-"))
        self.settings = Settings(data_dir=self.folder / "data")
        self.store = self.open_store()
        # What should be there: pack -> source -> text of its newest version.
        self.expected: dict[str, dict[str, str]] = {}

    def open_store(self) -> PackStore:
        return PackStore(connect(self.settings), Embedder("hash-32", HashEmbeddings()))

    @rule(pack=PACKS, source=SOURCES, text=TEXTS)
    def add_a_source(self, pack: str, source: str, text: str) -> None:
        path = self.folder / "files" / source
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        before = self.expected.get(pack, {}).get(source)
        [outcome] = ingest(
            self.store,
            pack,
            [str(path)],
            limits=knowledge.limits(self.settings),
            chunking=knowledge.chunking(self.settings),
        )
        wanted = "added" if before is None else "unchanged" if before == text else "replaced"
        assert outcome.status == wanted, outcome
        self.expected.setdefault(pack, {})[source] = text

    @precondition(lambda self: any(self.expected.values()))
    @rule(data=st.data())
    def remove_a_source(self, data: st.DataObject) -> None:
        pack = data.draw(st.sampled_from(sorted(p for p, s in self.expected.items() if s)))
        source = data.draw(st.sampled_from(sorted(self.expected[pack])))
        assert self.store.remove_source(pack, source) > 0
        del self.expected[pack][source]

    @rule(pack=PACKS)
    def remove_a_pack(self, pack: str) -> None:
        if pack in self.expected:
            self.store.remove_pack(pack)
            del self.expected[pack]
        else:
            # Removing what is not there is refused, with a message naming it.
            with pytest.raises(KnowledgeError, match=f"no pack called '{pack}'"):
                self.store.remove_pack(pack)

    @rule()
    def restart(self) -> None:
        self.store = self.open_store()

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @invariant()
    def the_store_holds_what_was_added_and_not_removed(self) -> None:
        held = {info.name: set(info.sources) for info in self.store.packs()}
        assert held == {pack: set(sources) for pack, sources in self.expected.items()}

    @invariant()
    def a_search_finds_only_the_newest_versions(self) -> None:
        for pack, sources in self.expected.items():
            if not sources:
                continue
            found = {p.text for p in self.store.search(pack, "Word", k=10)}
            assert found <= set(sources.values()), (found, sources)
            assert found, pack


PackMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_a_pack_holds_exactly_what_was_added_in_any_order = PackMachine.TestCase
