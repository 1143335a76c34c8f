"""The floor the interviewer's listening holds on the weakest model we ship, judged by the
benchmark's own checks (bench/listening.py): real parts throughout, the embedded SmolLM2
through llama.cpp, MiniLM, and an embedded Chroma holding each company's research. The
benchmark has the sample company and thirty-nine more, each written as never tuned on, and
each tuned on after its first run (see the conversations file). Five held here were written by
other hands that never read the engine's rules, and each was first run sealed: 'thirty-third'
(39.3% of its questions answered; 92.9% after its mends), 'thirty-fourth' (38.5%; 75.0% after
general mends), 'thirty-fifth' (42.3%; 84.6%), 'thirty-sixth' (34.6%; 76.9% after general
mends) and 'thirty-seventh' (31.2%; 87.5%).

The floor runs those five whole, with the sample and every tenth company tuned on (three
of thirty; 86% of their questions answered in the full run): the whole benchmark takes sixteen
minutes, and the suite has a time budget. The floors
are what is measured there, less a question or two: the aim at a company never tuned on is
90%."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.listening import COMPANIES, Judged, rate, run
from roleplay.core.settings import Settings

pytestmark = pytest.mark.local_model
NEWEST = ("thirtythird", "thirtyfourth", "thirtyfifth", "thirtysixth", "thirtyseventh")
TUNED = ("sample", *COMPANIES[1:30:10])


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> list[Judged]:
    data = Path(tmp_path_factory.mktemp("listening"))
    held = {*NEWEST, *TUNED}
    return run(Settings(data_dir=data, seed=7), companies=held, log=lambda _: None)


@pytest.fixture(scope="module")
def newest(judged: list[Judged]) -> list[Judged]:
    return [j for j in judged if j.company in NEWEST]


@pytest.fixture(scope="module")
def tuned(judged: list[Judged]) -> list[Judged]:
    return [j for j in judged if j.company in TUNED]


def share(judged: list[Judged], check: str) -> float:
    part, whole = rate(judged, check)  # type: ignore[arg-type]
    assert whole, f"no {check} turns"
    return part / whole


def test_questions_at_the_companies_tuned_on_are_answered(tuned: list[Judged]) -> None:
    assert share(tuned, "answered") >= 0.8


def test_questions_at_the_newest_companies_are_answered_three_times_in_four(
    newest: list[Judged],
) -> None:
    assert share(newest, "answered") >= 0.75


@pytest.mark.parametrize("company", ["tuned", "newest"])
def test_specific_answers_are_picked_up(request: pytest.FixtureRequest, company: str) -> None:
    assert share(request.getfixturevalue(company), "picked_up") >= 0.8


def test_dodged_questions_are_asked_again_at_the_companies_tuned_on(tuned: list[Judged]) -> None:
    assert share(tuned, "dodge_caught") >= 0.8


def test_dodged_questions_at_the_newest_companies_are_asked_again(
    newest: list[Judged],
) -> None:
    assert share(newest, "dodge_caught") >= 0.8


def test_no_red_flag_anywhere_is_met_with_cheer(judged: list[Judged]) -> None:
    assert [(j.said, j.reply) for j in judged if j.check == "no_cheer" and not j.passed] == []


def test_every_close_is_heard(judged: list[Judged]) -> None:
    assert [(j.said, j.reply) for j in judged if j.check == "close_heard" and not j.passed] == []


def test_every_reply_is_clean_and_asks_one_question(judged: list[Judged]) -> None:
    assert [(j.reply, j.problems) for j in judged if not j.clean] == []
    asking = [j for j in judged if j.questions is not None]
    assert asking and [(j.reply, j.questions) for j in asking if j.questions != 1] == []
