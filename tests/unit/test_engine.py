from __future__ import annotations

import httpx
import openai
import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Setting, Source
from roleplay.interview.engine import Interview, InterviewOver
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from roleplay.llm.errors import ModelError
from tests.support.builders import notes_reply
from tests.support.fakes import FlakyModel, ScriptedChatModel


@pytest.fixture
def make(anxious: Persona, setting: Setting, backend: ChatBackend, prompts: Prompts):
    def make(**kwargs: object) -> Interview:
        kwargs.setdefault("background_notes", False)
        return Interview(anxious, setting, backend, prompts, **kwargs)

    return make


def said(stream) -> str:
    return "".join(stream)


OPENING = "Hello Sam, I'm Morgan. Walk me through work you are proud of, and your part in it?"


def test_interviewer_speaks_first_and_streams_in_pieces(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue(f"{OPENING} And what came next?")
    interview = make()
    pieces = list(interview.open())
    assert len(pieces) > 1
    assert "".join(pieces) == OPENING
    first = interview.session.turns[0]
    assert (first.speaker, first.stage) == ("interviewer", "opening")


def test_candidate_line_written_by_the_model_is_cut(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue(f"{OPENING}\nSam: I need a job.\nMorgan: Great.")
    interview = make()
    assert said(interview.open()) == OPENING
    assert [t.speaker for t in interview.session.turns] == ["interviewer"]


def test_stop_sequences_reach_the_model(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue("Hello.")
    said(make().open())
    assert "\nSam:" in scripted.calls[0]["stop"]


def test_turn_limit_ends_with_an_in_character_close(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue(
        "Tell me about yourself?",
        "Why this role?",
        notes_reply(),
        "Thank you, we'll be in touch.",
        notes_reply(),
    )
    interview = make(max_turns=2)
    said(interview.open())
    said(interview.answer("I build dashboards."))
    assert not interview.finished
    closing = said(interview.answer("Because I like the mission."))
    assert closing == "Thank you, we'll be in touch."
    assert interview.finished
    assert interview.session.end_reason == "turn_limit"
    assert interview.session.turns[-1].stage == "close"
    with pytest.raises(InterviewOver):
        said(interview.answer("One more thing"))


def test_formal_interview_invites_questions_before_closing(
    make, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Q1?", "Q2?", notes_reply(), "Any questions for me?", notes_reply())
    interview = make(max_turns=3)
    said(interview.open())
    said(interview.answer("a"))
    said(interview.answer("b"))
    assert [t.stage for t in interview.session.turns if t.speaker == "interviewer"] == [
        "opening",
        "questions",
        "candidate_questions",
    ]


def test_time_limit_ends_the_interview(make, scripted: ScriptedChatModel) -> None:
    now = [0.0]
    scripted.enqueue("Hello?", "We're out of time, thank you.", notes_reply())
    interview = make(minutes=10, clock=lambda: now[0])
    said(interview.open())
    now[0] = 11 * 60
    said(interview.answer("Sorry, long story."))
    assert interview.session.end_reason == "time_limit"
    assert "out of time" in scripted.history[-2][-1].text.lower()


def test_candidate_can_end_and_gets_a_goodbye(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue("Hello?", "Of course. Thanks for coming in.")
    interview = make()
    said(interview.open())
    assert said(interview.end()) == "Of course. Thanks for coming in."
    assert interview.session.end_reason == "candidate_closed"


def test_thanks_and_goodbye_get_a_goodbye_said_as_planned(
    make, scripted: ScriptedChatModel
) -> None:
    interview = make(director="strict", voicing_tries=2, notes="evidence")
    said(interview.open())
    calls = len(scripted.history)
    reply = said(interview.answer("Thank you so much for your time, I won't keep you any longer."))
    assert interview.session.end_reason == "candidate_closed"
    assert "?" not in reply
    last = interview.session.last("interviewer")
    assert last.plan.move == "close" and last.voiced_by == "plan"
    assert len(scripted.history) == calls  # no model phrasing was tried for the goodbye


def test_thanks_at_the_start_of_a_long_answer_is_no_goodbye(
    make, scripted: ScriptedChatModel
) -> None:
    interview = make(director="strict", voicing_tries=0, notes="evidence")
    said(interview.open())
    said(interview.answer(
        "Thank you for your time today. At Larkspur I rebuilt the churn dashboard, cut the "
        "weekly report from two days to one morning, and trained three analysts to run it; the "
        "product team now checks it before every planning meeting, which I'm proud of."
    ))  # fmt: skip
    assert interview.session.end_reason is None


def test_interviewer_can_close_with_the_end_marker(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue("Hello?", "I think we're done. Goodbye! [[END]]", notes_reply())
    interview = make()
    said(interview.open())
    assert said(interview.answer("I'd rather stop here.")) == "I think we're done. Goodbye!"
    assert interview.session.end_reason == "interviewer_closed"


def test_notes_update_moves_worries_and_reaches_the_next_prompt(
    make, scripted: ScriptedChatModel, anxious: Persona
) -> None:
    scripted.enqueue(
        "Why us?",
        "Thanks. And in three years?",
        notes_reply(
            mood=0.3,
            lean="hire",
            next_focus="check commitment",
            worries=[{"id": "team-fit", "status": "eased", "evidence": "I pair with everyone"}],
        ),
        "Noted. Anything else?",
        notes_reply(),
    )
    interview = make(notes="llm")
    said(interview.open())
    said(interview.answer("I pair with everyone on the team."))
    notes = interview.session.notes
    assert notes.worry("team-fit").status == "eased"
    assert notes.worry("team-fit").evidence == ["I pair with everyone"]
    assert notes.lean_label == "hire"
    notes_prompt = scripted.history[2]
    assert "I pair with everyone on the team." in notes_prompt[-1].text
    said(interview.answer("Still here."))
    brief = scripted.history[3][-1].text
    assert f"{anxious.worry('team-fit').label}: eased" in brief
    assert "check commitment" in brief


def test_every_interviewer_turn_keeps_a_notes_snapshot(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue("Hi?", "Next?", notes_reply(mood=0.2))
    interview = make(notes="llm")
    said(interview.open())
    said(interview.answer("Hello."))
    turns = [t for t in interview.session.turns if t.speaker == "interviewer"]
    assert all(t.notes is not None for t in turns)
    assert [t.notes.mood for t in turns] == [0.8, 0.2]


def test_malformed_notes_keep_the_last_good_ones_and_say_so(
    make, scripted: ScriptedChatModel
) -> None:
    good = notes_reply(worries=[{"id": "rehire-cost", "status": "confirmed", "evidence": ""}])
    scripted.enqueue("Hi?", "Q2?", good, "Q3?", "I feel the candidate is great!!")
    interview = make(notes="llm")
    said(interview.open())
    said(interview.answer("I left my last two jobs within a year."))
    said(interview.answer("Anyway."))
    last = interview.session.turns[-1]
    assert last.notes_error and "JSON" in last.notes_error
    assert last.notes.worry("rehire-cost").status == "confirmed"
    assert interview.session.notes.worry("rehire-cost").status == "confirmed"


def test_notes_update_asks_for_json_by_schema(
    anxious: Persona, setting: Setting, prompts: Prompts, scripted: ScriptedChatModel
) -> None:
    backend = ChatBackend(chat=scripted, label="s", json_mode="json_schema")
    scripted.enqueue("Hi?", "Q?", notes_reply())
    interview = Interview(anxious, setting, backend, prompts, background_notes=False)
    said(interview.open())
    said(interview.answer("Hello"))
    fmt = scripted.calls[2]["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["schema"]["properties"]["worries"]


def test_notes_update_in_background_is_awaited_before_the_next_reply(
    make, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue(
        "Hi?",
        "Q2?",
        notes_reply(worries=[{"id": "team-fit", "status": "confirmed", "evidence": ""}]),
        "Q3?",
        notes_reply(),
    )
    interview = make(background_notes=True)
    said(interview.open())
    said(interview.answer("I prefer working alone."))
    said(interview.answer("Really."))
    assert "Team fit: confirmed" in scripted.history[3][-1].text
    interview.close()


def test_empty_model_reply_falls_back_to_the_personas_own_line(
    make, scripted: ScriptedChatModel, anxious: Persona
) -> None:
    scripted.enqueue("Sam: hello?")
    interview = make()
    text = said(interview.open())
    turn = interview.session.turns[0]
    assert text == turn.plan.text and "Morgan Ellis" in text and "Sam" in text
    assert turn.scripted and turn.voiced_by == "plan"


def test_model_failure_is_explained_and_the_turn_can_be_retried(
    make, scripted: ScriptedChatModel
) -> None:
    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    scripted.enqueue(
        "Hi?", openai.APIConnectionError(request=request), "Thanks. Next?", notes_reply()
    )
    interview = make()
    said(interview.open())
    with pytest.raises(ModelError, match="Could not connect to the scripted model"):
        said(interview.answer("My answer."))
    assert [t.speaker for t in interview.session.turns] == ["interviewer", "candidate"]
    assert interview.can_retry
    assert said(interview.retry()) == interview.session.turns[-1].text
    assert [t.speaker for t in interview.session.turns] == [
        "interviewer",
        "candidate",
        "interviewer",
    ]


def test_notes_failure_from_the_model_does_not_stop_the_interview(
    make, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hi?", "Q2?", ValueError("boom"), "Q3?", notes_reply())
    interview = make()
    said(interview.open())
    said(interview.answer("a"))
    assert "boom" in interview.session.turns[-1].notes_error
    assert said(interview.answer("b")) == interview.session.turns[-1].text
    assert interview.session.turns[-1].speaker == "interviewer"


def test_empty_candidate_message_is_refused(make, scripted: ScriptedChatModel) -> None:
    scripted.enqueue("Hi?")
    interview = make()
    said(interview.open())
    with pytest.raises(ValueError):
        said(interview.answer("   "))


def test_candidate_cannot_talk_over_a_reply_being_generated(
    make, scripted: ScriptedChatModel
) -> None:
    from roleplay.interview.engine import StillSpeaking

    scripted.enqueue("Hello there, tell me about yourself?")
    interview = make()
    opening = interview.open()
    next(opening)
    assert interview.speaking and not interview.can_retry
    with pytest.raises(StillSpeaking):
        said(interview.answer("Me first!"))
    said(opening)
    assert not interview.speaking


def test_the_turn_stays_claimed_until_the_reply_is_saved(make, scripted: ScriptedChatModel) -> None:
    from roleplay.interview.engine import StillSpeaking

    # A blank reply is replaced by the persona's scripted line, yielded after the model's stream
    # has closed: an answer sent at that moment would land before the reply it answers.
    scripted.enqueue("   ")
    interview = make()
    opening = interview.open()
    line = next(opening)
    assert line and interview.speaking
    with pytest.raises(StillSpeaking):
        said(interview.answer("Me first!"))
    said(opening)
    assert [t.speaker for t in interview.session.turns] == ["interviewer"]
    assert not interview.speaking


def test_embedded_models_are_directed_strictly_and_http_models_are_guided(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    embedded = ChatBackend(chat=scripted, label="local", embedded=True)
    http = ChatBackend(chat=scripted, label="http")
    assert Interview(anxious, setting, embedded, prompts).director == "strict"
    assert Interview(anxious, setting, http, prompts).director == "guided"
    assert Interview(anxious, setting, http, prompts, director="strict").director == "strict"


def test_strict_turns_say_the_plan_when_the_model_rambles_and_record_why(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    scripted.enqueue("Question 1: <ref_data>", "A: Hi, I'm Morgan Ellis")
    backend = ChatBackend(chat=scripted, label="local", embedded=True)
    interview = Interview(
        anxious, setting, backend, prompts, background_notes=False, voicing_tries=2
    )
    text = said(interview.open())
    turn = interview.session.turns[0]
    assert text == turn.plan.text and turn.voiced_by == "plan" and turn.scripted
    assert "try 1" in turn.voicing_note and "try 2" in turn.voicing_note
    # The voicing prompt is short and holds the planned line, not the interview's scaffolding.
    voicing_prompt = scripted.history[0]
    assert voicing_prompt[-1].text == turn.plan.text
    assert "reference_data" not in " ".join(m.text for m in voicing_prompt)


def test_strict_turns_show_a_phrasing_that_passes(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    backend = ChatBackend(chat=scripted, label="local", embedded=True)
    planned = Interview(anxious, setting, backend, prompts, background_notes=False, voicing_tries=0)
    said(planned.open())
    plan = planned.session.turns[0].plan
    scripted.enqueue(f"Well, welcome. {plan.text}")
    interview = Interview(
        anxious, setting, backend, prompts, background_notes=False, voicing_tries=2
    )
    interview.session.id = planned.session.id  # the same session plans the same opening
    text = said(interview.open())
    turn = interview.session.turns[0]
    assert turn.voiced_by == "model" and text.endswith(turn.plan.question)


def test_a_strict_interview_says_why_its_model_is_not_answering_until_it_is_back(
    offline_strict: tuple[Interview, FlakyModel],
) -> None:
    interview, model = offline_strict
    said(interview.open())
    turn = interview.session.turns[0]
    assert turn.voiced_by == "plan" and interview.model_trouble
    assert "http://10.0.0.5:8080/v1" in interview.model_trouble
    assert "planned words" in interview.model_trouble
    assert len(model.history) == 1  # one failed call, not one per try
    model.down = False
    said(interview.answer("I led a team of four analysts at a clinic network."))
    assert interview.model_trouble is None


def test_the_embedded_model_is_not_asked_to_phrase_by_default(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    embedded = ChatBackend(chat=scripted, label="local", embedded=True)
    served = ChatBackend(chat=scripted, label="http")
    assert Interview(anxious, setting, embedded, prompts).voicing_tries == 0
    assert Interview(anxious, setting, served, prompts).voicing_tries == 2


def test_a_candidates_question_is_searched_for_and_answered_from_the_research(
    anxious: Persona, setting: Setting, scripted: ScriptedChatModel, prompts: Prompts
) -> None:
    from tests.support.fakes import WordOverlap

    research = Source(
        source="team.md", snippet="Analysts build their dashboards in Metabase and Looker."
    )
    asked: list[str] = []

    def retriever(session, stage):
        asked.append(session.last("candidate").search if session.last("candidate") else "")
        return [research]

    backend = ChatBackend(chat=scripted, label="local", embedded=True)
    interview = Interview(
        anxious, setting, backend, prompts, background_notes=False,
        retriever=retriever, relevance=WordOverlap(),
    )  # fmt: skip
    said(interview.open())
    reply = said(interview.answer("Which tools do the analysts use for dashboards?"))
    assert "Metabase and Looker" in reply
    assert asked[-1].startswith("Which tools do the analysts use for dashboards?")
    assert "software" in asked[-1]  # the tools intent's words are searched for too


def test_the_notes_move_on_the_findings_the_reply_was_planned_on(
    make, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = make(voicing_tries=0)
    calls = []
    real = interview.listener.assessor.assess
    monkeypatch.setattr(
        interview.listener.assessor, "assess", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    said(interview.open())
    said(interview.answer("I'd probably move on if something better came along."))
    interview.wait_for_notes()
    assert len(calls) == 1
    worry = interview.session.notes.worry("overqualified-flight-risk")
    assert worry is not None and worry.status == "confirmed"
    assert "something better came along" in interview.session.turns[-1].text.lower()
