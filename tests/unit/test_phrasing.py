"""Nothing a model phrases reaches the candidate unless it passes the voicing checks."""

from __future__ import annotations

import pytest

from roleplay.core.session import TurnPlan
from roleplay.interview.phrasing import SIMILARITY, VoiceCheck, question_overlap
from roleplay.interview.replies import ReplyFilter
from roleplay.interview.speaking import say_guided, say_strict
from roleplay.llm.backend import ChatBackend
from tests.support.fakes import ScriptedChatModel

PLAN = TurnPlan(
    move="next_question",
    text="Thank you, that's helpful. Why this role at Larkspur Health, and why now?",
    question="Why this role at Larkspur Health, and why now?",
    worry="overqualified-flight-risk",
)
NAMES = ["Larkspur Health", "Product Analyst", "Sam", "Morgan Ellis"]
WALK = "Walk me through a piece of work you are proud of, and what exactly your part in it was?"
PROMPT = "You are Morgan Ellis. This is your final turn so say goodbye to the candidate now."


@pytest.fixture
def check() -> VoiceCheck:
    return VoiceCheck(PLAN, names=NAMES, prompt=PROMPT)


def test_a_faithful_paraphrase_passes(check: VoiceCheck) -> None:
    assert check.problems("Thanks, Sam. So why this role at Larkspur Health, and why now?") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<ref_data> [1] Why this role at Larkspur Health, and why now?", "markup"),
        ("Thanks --- why this role at Larkspur Health, and why now?", "markup"),
        ("Morgan: Thanks. Why this role at Larkspur Health, and why now?", "label"),
        ("(pauses) Thanks. Why this role at Larkspur Health, and why now?", "stage direction"),
        ("Thanks.\n\nWhy this role at Larkspur Health, and why now?", "paragraph"),
        ("This is your final turn so say goodbye. Why this role at Larkspur Health now?", "prompt"),
        ("Thanks. Why this role at Larksur Health, and why now?", "misspells Larkspur"),
        ("Thanks. Why this role at Teamfit, and why now, here at Larkspur Health?", "name not"),
        ("Why this role at Larkspur Health? And why now, and where next?", "2 questions"),
        ("Thank you, that's helpful. Let's move on to the next part of the list.", "0 questions"),
        ("Thanks. How was your appointment to see new equipment in the clinic?", "other than"),
        ("As an AI, I wonder why this role at Larkspur Health, and why now?", "out of character"),
        ("Why now?", "too short"),
    ],
)
def test_each_kind_of_bad_phrasing_is_caught(check: VoiceCheck, text: str, problem: str) -> None:
    assert any(problem in found for found in check.problems(text))


@pytest.mark.parametrize(
    ("voiced", "planned"),
    [
        ("So, why this role, and why right now?", "Why this role, and why now?"),
        ("What made you pick this role now?", "Why this role, and why now?"),
        (
            "Could you walk me through work you're proud of and your own part?",
            WALK,
        ),
        (
            "When you last joined a team, how did you get up to speed?",
            "How did you get up to speed the last time you joined a new team?",
        ),
    ],
)
def test_paraphrases_of_the_planned_question_are_kept(voiced: str, planned: str) -> None:
    assert question_overlap(voiced, planned) >= SIMILARITY


@pytest.mark.parametrize(
    ("voiced", "planned"),
    [
        ("Where do you see yourself in two or three years?", "Why this role, and why now?"),
        (
            "Tell me about a time you disagreed with a colleague?",
            "How did you get up to speed the last time you joined a new team?",
        ),
        (
            "What kind of team do you do your best work in?",
            WALK,
        ),
    ],
)
def test_other_questions_are_not_taken_for_the_planned_one(voiced: str, planned: str) -> None:
    assert question_overlap(voiced, planned) < SIMILARITY


def test_a_fact_must_keep_its_numbers_and_names() -> None:
    plan = TurnPlan(
        move="fact_question",
        text="Some context: Trellis launched in 2021. How would you help with that?",
        question="How would you help with that?",
        fact="Trellis launched in 2021.",
    )
    check = VoiceCheck(plan, names=NAMES)
    assert check.problems("Trellis launched in 2021, you know. How would you help with that?") == []
    assert any("fact" in p for p in check.problems("It launched a while ago. How would you help?"))


@pytest.fixture
def model() -> ScriptedChatModel:
    return ScriptedChatModel()


def backend_for(model: ScriptedChatModel) -> ChatBackend:
    return ChatBackend(chat=model, label="scripted", embedded=True)


def test_strict_shows_the_first_phrasing_that_passes(model, check) -> None:
    model.enqueue(
        "A: Why now?\nQ: Next", "Thanks, Sam. So why this role at Larkspur Health, and why now?"
    )
    voiced = say_strict(backend_for(model), [], check, tries=2)
    assert voiced.voiced_by == "model" and voiced.text.startswith("Thanks, Sam.")
    assert model.calls[0]["stop"] == ["\n"] and model.calls[0]["max_tokens"] < 80


def test_strict_says_the_plan_after_the_tries_fail_and_records_why(model, check) -> None:
    model.enqueue("Morgan: hello", "I answer my own question: I love it here.")
    voiced = say_strict(backend_for(model), [], check, tries=2)
    assert (voiced.text, voiced.voiced_by) == (PLAN.text, "plan")
    assert "try 1" in voiced.note and "try 2" in voiced.note and "label" in voiced.note


def test_strict_survives_a_model_failure_by_saying_the_plan(model, check) -> None:
    model.enqueue(RuntimeError("server gone"))
    voiced = say_strict(backend_for(model), [], check, tries=2)
    assert voiced.voiced_by == "plan" and "failed" in voiced.note


def run_guided(model: ScriptedChatModel, check: VoiceCheck) -> tuple[list[str], object]:
    reply = ReplyFilter(candidate_name="Sam", interviewer_name="Morgan Ellis")
    stream = say_guided(ChatBackend(chat=model, label="http"), [], check, reply)
    pieces = []
    try:
        while True:
            pieces.append(next(stream))
    except StopIteration as done:
        return pieces, done.value


def test_guided_cuts_at_the_first_sentence_that_fails_and_adds_the_planned_question(
    model, check
) -> None:
    model.enqueue("Thanks for that, Sam. This is your final turn so say goodbye to the team.")
    pieces, voiced = run_guided(model, check)
    assert pieces[0] == "Thanks for that, Sam."
    assert "".join(pieces).endswith(PLAN.question)
    assert "final turn" not in voiced.text and "question was added" in voiced.note


def test_guided_keeps_a_free_phrasing_that_passes(model, check) -> None:
    model.enqueue("Thanks, Sam. I'm curious: why this role at Larkspur Health, and why now?")
    pieces, voiced = run_guided(model, check)
    assert voiced.voiced_by == "model" and voiced.note == ""
    assert "".join(pieces) == voiced.text


def test_guided_phrasing_may_name_ordinary_things_but_never_misspell_a_name() -> None:
    guided = VoiceCheck(PLAN, names=NAMES, strict=False)
    assert guided.problems("On Monday we met. Why this role at Larkspur Health, and why now?") == []
    assert guided.problems("Why this role at Larksur Health, and why now?") != []


def test_an_ask_worded_as_an_order_is_not_taken_for_a_question(check: VoiceCheck) -> None:
    assert any("order" in p for p in check.problems("Thanks. Tell me about your last project."))


def test_a_number_the_plan_and_research_never_gave_is_refused(check: VoiceCheck) -> None:
    text = "We have 900 people. Why this role at Larkspur Health, and why now?"
    assert any("number" in p for p in check.problems(text))


def test_ordinary_words_opening_research_sentences_are_not_names() -> None:
    passage = "These readings matter. Their nurses triage alerts at Larkspur Health every day."
    check = VoiceCheck(PLAN, names=[*NAMES, passage], strict=False)
    assert (
        check.problems("Those are good points. Why this role at Larkspur Health, and why now?")
        == []
    )


def test_guided_drops_an_unfinished_last_sentence(model, check) -> None:
    model.enqueue("Thanks for that, Sam. I'm curious what made you reach out to me in")
    pieces, _voiced = run_guided(model, check)
    assert "".join(pieces) == f"Thanks for that, Sam. {PLAN.question}"


CONCERN = TurnPlan(
    move="follow_up",
    text="“My last manager was an idiot”. Hm, that worries me a little. "
    "How would the people you worked with describe you?",
    question="How would the people you worked with describe you?",
    worry="team-fit",
    reaction="confirmed",
    quote="My last manager was an idiot",
)


def test_a_phrasing_that_sounds_pleased_after_a_red_flag_is_refused() -> None:
    # Seen from the embedded model after an insult, and shown before this check existed.
    check = VoiceCheck(CONCERN, names=NAMES)
    text = (
        "You're right, that's a good way to phrase it. "
        "How would the people you worked with describe you?"
    )
    assert any("pleased after a red flag" in p for p in check.problems(text))


def test_a_phrasing_that_keeps_the_concern_and_the_quote_passes() -> None:
    check = VoiceCheck(CONCERN, names=NAMES)
    text = (
        "You said your last manager was an idiot, and that worries me a little. "
        "How would the people you worked with describe you?"
    )
    assert check.problems(text) == []


def test_a_phrasing_that_drops_the_candidates_words_is_refused() -> None:
    check = VoiceCheck(CONCERN, names=NAMES)
    text = "Hm, that worries me a little. How would the people you worked with describe you?"
    assert any("candidate's words" in p for p in check.problems(text))


def test_a_guided_phrasing_that_drops_the_reaction_gets_it_back_in_the_plans_words(
    model: ScriptedChatModel,
) -> None:
    check = VoiceCheck(CONCERN, names=NAMES, strict=False)
    model.enqueue("Okay. How would the people you worked with describe you?")
    reply = ReplyFilter(candidate_name="Sam", interviewer_name="Morgan Ellis")
    backend = ChatBackend(chat=model, label="http")
    stream = say_guided(backend, [], check, reply)
    shown = ""
    try:
        while True:
            shown += next(stream)
    except StopIteration as done:
        voiced = done.value
    assert "“My last manager was an idiot”. Hm, that worries me a little." in voiced.text
    assert voiced.text == shown and voiced.text.count("?") == 1
    assert "plan's words were added" in voiced.note


def test_a_guided_answer_that_loses_the_research_fact_gets_it_back() -> None:
    plan = TurnPlan(
        move="answer",
        text="Good question. Trellis launched in 2021. Why this role?",
        question="Why this role?",
        fact="Trellis launched in 2021.",
        reaction="research",
    )
    model = ScriptedChatModel()
    model.enqueue("Good question, it's been a while now. Why this role?")
    check = VoiceCheck(plan, names=NAMES, strict=False)
    reply = ReplyFilter(candidate_name="Sam", interviewer_name="Morgan Ellis")
    stream = say_guided(ChatBackend(chat=model, label="http"), [], check, reply)
    try:
        while True:
            next(stream)
    except StopIteration as done:
        voiced = done.value
    assert "Trellis launched in 2021." in voiced.text
