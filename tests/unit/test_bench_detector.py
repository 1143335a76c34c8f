"""The fidelity detector's name check (bench/fidelity_detector.py), which the listening and
fidelity floors rest on: a near-miss of a known name is an error, a name spelled as the research
behind the turn spells it is not."""

from __future__ import annotations

from bench.fidelity_detector import inspect, name_errors

NAMES = ["Dunmarrow Housing Association", "Housing Insight Analyst", "Alex Moreno"]


def test_a_near_miss_of_a_known_name_is_a_name_error() -> None:
    assert name_errors("Thanks for talking to Morena today.", NAMES) == ["Morena (not Moreno)"]


def test_a_name_spelled_as_the_research_spells_it_is_no_error() -> None:
    research = "The post reports to Morven Kinnear, Performance & Insight Manager."
    said = "The post reports to Morven Kinnear."
    assert name_errors(said, NAMES, research) == []


def test_scaffolding_is_found_by_whole_words_only() -> None:
    assert not inspect(
        "There's a personal training budget of £1,200.", names=NAMES, labels=[]
    ).problems
    assert inspect("As my persona, I'd say yes.", names=NAMES, labels=[]).problems


def test_an_assistant_in_a_career_is_no_scaffolding() -> None:
    said = "I joined in 2009 as an assistant vet, after a Saturday box office assistant job."
    assert not inspect(said, names=NAMES, labels=[]).problems


def test_a_chat_models_assistant_is_scaffolding() -> None:
    for said in ("As your assistant, I'd say yes.", "I'm an AI assistant.", "Assistant: hello"):
        assert inspect(said, names=NAMES, labels=[]).problems, said
