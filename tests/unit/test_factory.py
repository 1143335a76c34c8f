"""One place builds every interview, for the terminal and both of the web app's paths."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.prompts import Prompts
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.llm.backend import ChatBackend
from roleplay.wiring.interviews import InterviewFactory


@dataclass
class PackNames:
    """Stands in for the research store: only which packs exist, and how often it was opened."""

    names: set[str] = field(default_factory=set)
    opened: int = 0

    def exists(self, name: str) -> bool:
        return name in self.names


@pytest.fixture
def store() -> PackNames:
    return PackNames({"Acme research", "My CV"})


@pytest.fixture
def factory(backend: ChatBackend, prompts: Prompts, store: PackNames) -> InterviewFactory:
    def open_store() -> PackNames:
        store.opened += 1
        return store

    settings = Settings(director="strict", voicing_tries=3, seed=11, notes="evidence")
    return InterviewFactory(settings, backend, prompts, open_store)


def test_a_new_interview_takes_its_options_from_the_settings(
    factory: InterviewFactory, anxious: Persona, setting: Setting
) -> None:
    interview = factory.new(anxious, setting, turns=4, minutes=12.0, scenario="abc123")
    assert interview.session.max_turns == 4 and interview.session.minutes == 12.0
    assert interview.session.scenario == "abc123"
    assert interview.director == "strict" and interview.voicing_tries == 3
    assert interview.note_taker.mode == "evidence"


def test_research_is_opened_only_for_an_interview_that_draws_on_it(
    factory: InterviewFactory, store: PackNames, anxious: Persona, setting: Setting
) -> None:
    factory.new(anxious, setting, turns=4, minutes=12.0)
    assert store.opened == 0
    interview = factory.new(
        anxious, setting, turns=4, minutes=12.0, packs=["Acme research"], candidate_packs=["My CV"]
    )
    assert interview.session.packs == ["Acme research", "My CV"]
    assert interview.session.candidate_packs == ["My CV"]
    retriever = interview.retriever
    assert isinstance(retriever, PackRetriever)
    assert retriever.company_packs == ["Acme research"] and retriever.candidate_packs == ["My CV"]


def test_a_resumed_interview_carries_on_without_research_removed_since(
    factory: InterviewFactory, anxious: Persona, setting: Setting
) -> None:
    saved = factory.new(
        anxious,
        setting,
        turns=5,
        minutes=20.0,
        packs=["Acme research", "Gone research"],
        candidate_packs=["My CV"],
    ).session
    interview = factory.resume(saved, anxious)
    assert interview.session is saved and interview.session.max_turns == 5
    assert interview.retriever.company_packs == ["Acme research"]
    assert interview.retriever.candidate_packs == ["My CV"]
