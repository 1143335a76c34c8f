"""The evidence assessor: what one answer does to each worry, decided by code from cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleplay.core.cues import CueError, load_vocabulary, read_answer
from roleplay.core.personas import Persona, PersonaError, PersonaLibrary, load_persona
from roleplay.interview.assessor import Assessor, Finding


@pytest.fixture
def coffee(library: PersonaLibrary) -> Persona:
    return library.get("alumni-peer-coffee-chat")


def verdicts(persona: Persona, answer: str) -> dict[str, str]:
    return {f.worry: f.verdict for f in Assessor(persona).assess(answer)}


def finding(persona: Persona, answer: str, worry: str) -> Finding:
    return next(f for f in Assessor(persona).assess(answer) if f.worry == worry)


def test_commitment_eases_the_flight_risk_and_keeps_the_sentence_word_for_word(
    anxious: Persona,
) -> None:
    answer = "Good question. I want to build my career here for the next few years."
    found = finding(anxious, answer, "overqualified-flight-risk")
    assert found.verdict == "eases"
    assert found.sentence == "I want to build my career here for the next few years."
    assert "commitment" in found.why and 0 < found.confidence <= 1


def test_denied_exit_language_eases_rather_than_confirms(anxious: Persona) -> None:
    answer = "Honestly, I'm not treating this as a stepping stone, and I'm not looking to leave."
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "eases"


def test_commitment_with_a_way_out_confirms_the_flight_risk(anxious: Persona) -> None:
    answer = "I'd stay a good while, unless something better comes along."
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "confirms"


def test_keyword_stuffing_eases_nothing_and_confirms_great_on_paper(anxious: Persona) -> None:
    answer = "I'm a results-driven team player with synergy, ownership and passion for excellence."
    found = verdicts(anxious, answer)
    assert "eases" not in found.values()
    assert found["paper-not-performance"] == "confirms"


def test_a_first_person_result_with_a_number_eases_great_on_paper(anxious: Persona) -> None:
    answer = "I rewrote the nightly import myself, which cut the run from 4 hours to 40 minutes."
    assert verdicts(anxious, answer)["paper-not-performance"] == "eases"


def test_sarcasm_turns_what_would_ease_into_a_confirmation(leader: Persona) -> None:
    sincere = "I taught myself SQL in my spare time."
    sarcastic = "Oh great, yeah right, I taught myself SQL in my spare time, what fun."
    assert verdicts(leader, sincere)["culture-fit"] == "eases"
    assert verdicts(leader, sarcastic)["culture-fit"] == "confirms"


def test_an_answer_to_another_question_moves_only_what_it_speaks_to(anxious: Persona) -> None:
    # Asked "why this role?", the candidate tells a story about a project instead.
    answer = "I led the billing migration and we shipped it on time with zero incidents."
    found = verdicts(anxious, answer)
    assert found["paper-not-performance"] == "eases"
    assert found["overqualified-flight-risk"] == "unchanged"


def test_an_early_referral_ask_confirms_and_a_gentle_late_one_eases(coffee: Persona) -> None:
    pushy = "Hi! Could you refer me for the junior role?"
    gentle = "Would you be comfortable passing my CV on? Totally fine if not."
    assert verdicts(coffee, pushy)["asks-too-early"] == "confirms"
    assert verdicts(coffee, gentle)["asks-too-early"] == "eases"


def test_a_question_claims_nothing_about_the_candidate(coffee: Persona) -> None:
    answer = "Did your team cut the build time by 40% with the new pipeline?"
    assert verdicts(coffee, answer)["referral-risk"] == "unchanged"


def test_small_talk_moves_nothing(anxious: Persona) -> None:
    answer = "The traffic was fine this morning, and the building was easy to find, thanks."
    assert set(verdicts(anxious, answer).values()) == {"unchanged"}


def test_negation_is_read_within_its_clause_only() -> None:
    [sentence] = read_answer("I'm not sure about titles, but I'd stay for years.")
    assert sentence.has("commitment")


def test_a_cue_vocabulary_with_a_broken_pattern_names_the_file_and_cue(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("exit:\n  means: leaving\n  patterns: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(CueError, match=r"cues\.yaml: field 'exit\.patterns'"):
        load_vocabulary(bad)


def test_a_persona_naming_an_unknown_cue_is_refused_with_the_field(
    tmp_path: Path, anxious: Persona
) -> None:
    text = (Path(__file__).parents[2] / "personas" / "anxious-hiring-manager.yaml").read_text()
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("eases: [commitment]", "eases: [loyalty]"), encoding="utf-8")
    with pytest.raises(PersonaError, match=r"worries\.1\.evidence\.eases.*unknown cue 'loyalty'"):
        load_persona(broken)


@pytest.mark.parametrize(
    "answer",
    [
        "I have no doubt I would stay here for years.",
        "I never planned to stay at the old place, but here I will stay for years.",
        "I'd be thrilled to join and build my career here.",
    ],
)
def test_plain_commitment_is_not_misread_as_denied_or_sarcastic(
    anxious: Persona, answer: str
) -> None:
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "eases"


def test_a_decimal_does_not_end_a_sentence() -> None:
    assert [s.text for s in read_answer("I cut costs by 3.5 percent. It took a year.")] == [
        "I cut costs by 3.5 percent.",
        "It took a year.",
    ]


def test_a_hostile_answer_is_read_in_bounded_sentences() -> None:
    assert len(read_answer("a. " * 1400)) <= 60


# The five misreadings the notes still made on answers the project had never seen, each in
# words written for this test.


@pytest.mark.parametrize(
    "answer",
    [
        "I've been in analytics for six years now, mostly in retail.",
        "I spent four years at a logistics firm before my current role.",
    ],
)
def test_a_length_of_experience_is_no_promise_to_stay(anxious: Persona, answer: str) -> None:
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "unchanged"


@pytest.mark.parametrize(
    "answer",
    [
        "My colleague and I disagreed on the forecast, so we each made our case to the team and "
        "agreed on a blend of both.",
        "We clashed at first over the metric, but I asked her to walk me through her reasoning "
        "and we settled on her version.",
    ],
)
def test_a_disagreement_resolved_together_eases_team_fit(anxious: Persona, answer: str) -> None:
    assert verdicts(anxious, answer)["team-fit"] == "eases"


@pytest.mark.parametrize(
    "answer",
    [
        "Honestly my last manager couldn't organise a meeting, let alone a team.",
        "My old boss was a total joke and everyone knew it.",
        "The manager there had no idea what he was doing.",
    ],
)
def test_contempt_for_a_former_manager_counts_against_team_fit(
    anxious: Persona, answer: str
) -> None:
    assert verdicts(anxious, answer)["team-fit"] == "confirms"


@pytest.mark.parametrize(
    "answer",
    [
        "There was a pricing dashboard, but it's hard to say what my part was exactly.",
        "It was very much a team effort, so I couldn't really say what I did myself.",
    ],
)
def test_not_knowing_ones_own_part_is_vague(anxious: Persona, answer: str) -> None:
    assert verdicts(anxious, answer)["paper-not-performance"] == "confirms"


@pytest.mark.parametrize(
    "answer",
    [
        "I stayed an extra year to finish the warehouse migration before I moved on.",
        "I turned down an offer so I could see the two-year rollout through to the end.",
    ],
)
def test_staying_to_finish_a_long_project_counts_for_commitment(
    anxious: Persona, answer: str
) -> None:
    found = verdicts(anxious, answer)
    assert found["rehire-cost"] == "eases"
    assert found["overqualified-flight-risk"] != "confirms"


class _CloserTo:
    """A relevance under which every sentence speaks most closely to one worry."""

    def __init__(self, persona: Persona, worry: str):
        self.closest = [w.id == worry for w in persona.worries]

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        return [[1.0 if near else 0.0 for near in self.closest] for _ in sentences]


def test_contempt_for_a_former_manager_counts_against_team_fit_too(anxious: Persona) -> None:
    assessor = Assessor(anxious, _CloserTo(anxious, "own-reputation"))
    said = "Honestly my last manager was an idiot who had no clue what he was doing."
    found = {f.worry: f.verdict for f in assessor.assess(said)}
    assert found["team-fit"] == found["own-reputation"] == "confirms"


def test_staying_on_to_finish_a_project_eases_the_flight_risk(anxious: Persona) -> None:
    said = "I stayed an extra year at my last job to see the migration project through."
    assert verdicts(anxious, said)["overqualified-flight-risk"] == "eases"


@pytest.mark.parametrize(
    "answer",
    [
        "You said retraining the maintainers was the hard part. How did you actually do that?",
        "What does a normal week look like for you, roughly?",
        "Is it more forecasting now, or more back-and-forth with the engineers?",
    ],
)
def test_a_question_about_the_interviewers_own_work_shows_curiosity(
    leader: Persona, answer: str
) -> None:
    assert verdicts(leader, answer)["just-wants-a-job"] == "eases"


def test_a_question_about_the_job_on_offer_is_no_curiosity(leader: Persona) -> None:
    assert verdicts(leader, "How soon could you pass my CV along?")["just-wants-a-job"] != "eases"


@pytest.mark.parametrize(
    "answer",
    [
        "I told the head chef straight it wasn't happening. Some people just can't take feedback.",
        "The other nurses were a very cliquey lot, to be honest.",
        "I tell people when they're wrong, and if a team can't handle that, that's on them.",
        "In my experience fundraisers and marketing people don't really get data, so I tend to "
        "just get on with it on my own rather than waste time explaining things to them.",
    ],
)
def test_contempt_in_everyday_words_counts_against_team_fit(anxious: Persona, answer: str) -> None:
    assert verdicts(anxious, answer)["team-fit"] == "confirms"


def test_stock_words_count_against_every_worry_that_lists_them(coffee: Persona) -> None:
    class CloserToQuestions:
        """The sentence speaks to the worry about generic questions above all."""

        def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
            ids = [w.id for w in coffee.worries]
            return [[1.0 if i == "generic-questions" else 0.0 for i in ids] for _ in sentences]

    answer = (
        "I'm really looking to leverage my passion for synergistic, data-driven, "
        "customer-centric storytelling with a growth mindset."
    )
    found = {f.worry: f.verdict for f in Assessor(coffee, CloserToQuestions()).assess(answer)}
    assert found["referral-risk"] == "confirms"


def test_coming_with_nothing_prepared_confirms_no_homework(leader: Persona) -> None:
    answer = "Oh, I don't really have a plan, to be honest. I'm easy, tell me whatever you like."
    assert verdicts(leader, answer)["no-homework"] == "confirms"


def test_missing_what_was_just_said_confirms_the_poor_listener(leader: Persona) -> None:
    answer = "Sorry, I missed some of that, I was checking my notes. Could you say that again?"
    assert verdicts(leader, answer)["poor-listener"] == "confirms"


def test_a_question_asked_without_a_question_mark_shows_curiosity(leader: Persona) -> None:
    answer = "Which is actually why I wanted to ask how your team tests things before a launch."
    assert "curiosity" in read_answer(answer)[0].cues


def test_a_stopgap_in_other_words_confirms_the_flight_risk(anxious: Persona) -> None:
    answer = "This would tide me over while a couple of finance director roles come up."
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "confirms"


def test_minding_the_time_eases_wasting_it(leader: Persona) -> None:
    answer = "I'm conscious we're at twenty-five minutes and I said half an hour, so I'll wrap up."
    assert verdicts(leader, answer)["wastes-time"] == "eases"


def test_a_stopgap_said_plainly_confirms_the_flight_risk(anxious: Persona) -> None:
    answer = "To be straight with you, it's a stopgap while I look for something more senior."
    assert verdicts(anxious, answer)["overqualified-flight-risk"] == "confirms"


def test_a_phrase_denied_denies_the_words_inside_it_however_far_back_the_not(
    coffee: Persona,
) -> None:
    (sentence,) = read_answer("I'm not going to ask you for a referral today.")
    assert sentence.denies("job_push")


def test_knowing_what_the_company_did_eases_no_homework(leader: Persona) -> None:
    answer = "I read that Halden moved its whole depot to electric vans last year."
    assert verdicts(leader, answer)["no-homework"] == "eases"


def test_sarcasm_about_colleagues_confirms_the_team_fit_worry(anxious: Persona) -> None:
    answer = "Oh, brilliant. Nothing builds team spirit like a group chat pinging at midnight."
    assert verdicts(anxious, answer)["team-fit"] == "confirms"


def test_losing_the_thread_of_ones_own_answer_confirms_no_concise_pitch(
    recruiter: Persona,
) -> None:
    answer = "So I did retail, then a call centre, then temping. Sorry, where was I?"
    assert verdicts(recruiter, answer)["cannot-summarise"] == "confirms"


def test_keeping_the_person_past_their_time_confirms_wasting_it(leader: Persona) -> None:
    answer = "I know you said you had to go, but just one more thing, actually two."
    assert verdicts(leader, answer)["wastes-time"] == "confirms"


def test_saying_back_what_was_just_said_eases_the_poor_listener(leader: Persona) -> None:
    answer = "So if I've got it right, the planners hand the forecast to the buyers each Monday?"
    assert verdicts(leader, answer)["poor-listener"] == "eases"


def test_expecting_remote_work_the_role_lacks_confirms_a_mismatch(recruiter: Persona) -> None:
    answer = "I'd kind of assumed it would be remote. I can't really do the office in town."
    assert verdicts(recruiter, answer)["expectations-mismatch"] == "confirms"


def test_pay_inside_the_advertised_band_and_a_short_notice_ease_a_mismatch(
    recruiter: Persona,
) -> None:
    answer = "The advert says twenty-eight to thirty-one, so that's fine. I'm on a month's notice."
    assert verdicts(recruiter, answer)["expectations-mismatch"] == "eases"


def test_a_background_in_a_clipped_line_is_a_summary(recruiter: Persona) -> None:
    answer = "Nine years qualified, the last three running a hospital dispensary."
    assert verdicts(recruiter, answer)["cannot-summarise"] == "eases"


def test_applying_for_anything_confirms_no_real_interest(recruiter: Persona) -> None:
    answer = "Honestly, I'm applying for anything in logistics that pays a bit more."
    assert verdicts(recruiter, answer)["not-really-interested"] == "confirms"


def test_calling_a_manager_useless_confirms_team_fit_and_reputation(anxious: Persona) -> None:
    answer = "My manager's useless, frankly, and the rest of the team coast."
    found = verdicts(anxious, answer)
    assert found["team-fit"] == found["own-reputation"] == "confirms"


def test_being_in_it_for_the_perks_confirms_the_culture_fit_worry(leader: Persona) -> None:
    answer = "I'm mostly in it for the holidays and the pension, if I'm honest."
    assert verdicts(leader, answer)["culture-fit"] == "confirms"


def test_promising_to_keep_to_the_time_given_eases_wasting_it(leader: Persona) -> None:
    answer = "I've got two things, and I'll keep to the half hour."
    assert verdicts(leader, answer)["wastes-time"] == "eases"


def test_leaving_room_to_say_no_eases_asking_too_early(coffee: Persona) -> None:
    answer = "Please say no if it's awkward, but would you feel comfortable referring me?"
    assert verdicts(coffee, answer)["asks-too-early"] == "eases"


def test_applying_to_basically_anything_is_mass_applying(coffee: Persona) -> None:
    answer = "To be honest I'm applying to basically anything at this point."
    assert "mass_apply" in finding(coffee, answer, "generic-questions").why
