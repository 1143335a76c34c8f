"""Practising a question again, saved on SQLite and PostgreSQL: the practice keeps its link to
the first interview, and its report sets every try at the question side by side; and as a user
runs it, with the real model, from the terminal."""

from __future__ import annotations

import json

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.core.settings import Settings
from roleplay.feedback.report_maker import make_report
from roleplay.history.sessions import SessionStore
from roleplay.interview.prompts import Prompts
from roleplay.interview.stronger import practice_of
from roleplay.llm.backend import ChatBackend
from tests.support.builders import new_session, planned_interview
from tests.support.fakes import ScriptedChatModel

WEAK = "I guess I did a lot of stuff with data."
STRONG = (
    "At my last job our clinic had a backlog of lab reports. I was asked to clear it. I built "
    "a triage script and trained four nurses to use it. The backlog went from 600 reports to "
    "zero in five weeks."
)


def hold(
    persona: Persona,
    setting: Setting,
    prompts: Prompts,
    history: SessionStore,
    answers: list[str],
    **options,
) -> Session:
    interview = planned_interview(
        persona, setting, prompts, recorder=history.record, max_turns=len(answers), **options
    )
    "".join(interview.open())
    for answer in answers:
        "".join(interview.answer(answer))
    return interview.session


def report_of(session: Session, persona: Persona, prompts: Prompts, history: SessionStore):
    backend = ChatBackend(chat=ScriptedChatModel(), label="local", embedded=True)
    return make_report(
        session, persona, settings=Settings(), backend=backend, prompts=prompts, history=history
    )


def test_a_practice_is_saved_linked_to_the_first_interview(
    anxious: Persona, setting: Setting, prompts: Prompts, history: SessionStore
) -> None:
    first = hold(anxious, setting, prompts, history, [WEAK, WEAK])
    again = hold(anxious, setting, prompts, history, [STRONG], practice=practice_of(first, 1))
    assert history.load(again.id).practice == practice_of(first, 1)
    assert [s.id for s in history.practices(first.id)] == [again.id]
    assert history.practices(again.id) == []


def test_the_practice_report_sets_each_try_side_by_side(
    anxious: Persona, setting: Setting, prompts: Prompts, history: SessionStore
) -> None:
    first = hold(anxious, setting, prompts, history, [WEAK, WEAK])
    first_score = report_of(first, anxious, prompts, history).overall
    practice = practice_of(first, 1)
    again = hold(anxious, setting, prompts, history, [STRONG], practice=practice)
    report = report_of(again, anxious, prompts, history)
    comparison = report.practice
    assert comparison is not None and comparison.question == practice.question
    before, after = comparison.attempts
    assert (before.session, before.said, before.score) == (first.id, WEAK, first_score)
    assert (after.session, after.score) == (again.id, report.overall)
    assert after.said == STRONG and len(after.told) == 4 and after.missing == []
    assert before.told == [] and len(before.missing) == 4
    # The saved report holds the comparison too, for the page and `roleplay report`.
    assert history.latest_report(again.id)["practice"]["attempts"][1]["said"] == STRONG


def test_a_practice_whose_first_interview_was_deleted_is_reported_alone(
    anxious: Persona, setting: Setting, prompts: Prompts, history: SessionStore
) -> None:
    first = hold(anxious, setting, prompts, history, [WEAK])
    again = hold(anxious, setting, prompts, history, [STRONG], practice=practice_of(first, 1))
    history.delete(first.id)
    assert report_of(again, anxious, prompts, history).practice is None
    assert history.load(again.id).practice is not None  # the link is kept, the report stands


def test_practising_a_question_from_the_terminal(run_cli, anxious: Persona) -> None:
    first = run_cli(
        "chat", "--turns", "2", "--no-pack", "--no-report", stdin=f"{WEAK}\n{WEAK}\n"
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    [saved] = json.loads(run_cli("sessions", "list", "--json").stdout)
    again = run_cli(
        "chat", "--from", saved["id"], "--question", "1", "--no-pack", stdin=f"{STRONG}\n"
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    question = anxious.lines.questions[0].ask if anxious.lines else ""
    first_words = again.stdout.split("Morgan Ellis:", 1)[1]
    assert "Let's take that question again" in first_words.split("Sam:")[0]
    assert question[:30] in " ".join(first_words.split())
    newest = json.loads(run_cli("sessions", "list", "--json").stdout)[0]["id"]
    report = run_cli("report", newest).stdout
    assert "## This question, practised again" in report
    assert f"First try ({saved['id']})" in report
    # The first interview's report, saved before, lists the practice under it.
    first_report = run_cli("report", saved["id"]).stdout
    assert "## Practised again since" in first_report and f"interview {newest}" in first_report


def test_practising_needs_both_the_interview_and_the_question(run_cli) -> None:
    result = run_cli("chat", "--question", "1")
    assert result.returncode == 1
    assert "--from SESSION and --question N" in result.stderr


def test_a_practice_of_someone_elses_interview_compares_nothing(
    anxious: Persona, setting: Setting, prompts: Prompts, history: SessionStore
) -> None:
    first = hold(anxious, setting, prompts, history, [WEAK])
    other = planned_interview(
        anxious, setting, prompts, max_turns=1, practice=practice_of(first, 1),
        recorder=lambda s: history.record(s, user="browser:" + "b" * 32),
    )  # fmt: skip
    "".join(other.open())
    "".join(other.answer(STRONG))
    assert report_of(other.session, anxious, prompts, history).practice is None
    assert history.practices(first.id, history.owner(first.id)) == []


def test_a_practice_is_scored_on_the_rubric_of_the_scenario_it_came_from(
    isolated_environment, anxious: Persona, setting: Setting, prompts: Prompts
) -> None:
    from roleplay.wiring.parts import Parts

    parts = Parts(Settings())
    assert parts.catalogue.rubric_of("sample-coffee-chat-informational") == "informational"
    first = new_session(anxious, setting, said=[("interviewer", "Tell me about a project?")])
    first.scenario = "sample-coffee-chat-informational"  # a sample scenario: informational rubric
    first.add_turn("candidate", STRONG)
    parts.history.record(first)
    again = new_session(anxious, setting, practice=practice_of(first, 1))
    assert parts.rubric_of(again) == "informational"
    parts.history.delete(first.id)
    assert parts.rubric_of(again) is None  # the first is gone: scored by its own mode
