"""A brewery's research as the thirty-seventh company's job seeker saved it (a careers page
exported from Notion, a welcome pack exported from slides, the newest email of a thread with
the earlier ones quoted under it, Word notes with a podcast typed out), and what its first run
showed the interviewer did not hear."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Source
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answer_types import wanted
from roleplay.interview.answers import answering, the_question
from roleplay.interview.asking import closing_question
from roleplay.interview.assessor import Assessor
from roleplay.interview.hearing import pick_up
from roleplay.interview.messages import chat_messages
from roleplay.interview.origins import asks_origin, origin_line
from roleplay.interview.profiles import profiles
from roleplay.interview.reading import Relevance, read_turn
from roleplay.knowledge.chats import transcript_as_chat
from roleplay.knowledge.emails import emails_as_chat
from roleplay.knowledge.loaders import Limits, Loaded, load_file
from roleplay.knowledge.markup import without_markup
from roleplay.knowledge.splitting import split
from roleplay.knowledge.tables import tables_as_lists
from tests.support.documents import slide_deck_pdf

# The newest email only, the thread quoted under it: the alum's answers written between the
# questions he quotes.
THREAD = """\
From: Owen Pike <owen.pike@example.com>
To: Hollie Brennan <hollie@example.com>
Date: Thu, 6 Nov 2025 at 17:58
Subject: Re: Fellow grad - quick question

Hey Hollie,

Yes of course, message me whenever. I'd try Kamal Rashid (Events & Taproom Manager) - he's at
the taproom most Fridays, and he loves a chat.

Owen

---------- Forwarded message ---------
From: Rosie Heald <rosie@example.com>
Date: Mon, 3 Nov 2025 at 10:20
Subject: Timeline

Hi all,

* Take-home goes out Fri 21 Nov, back Fri 28 Nov
* Interview day Tue 2 December: Ray does the brewhouse tour first, then the
  10-minute presentation, then 45 mins with Imogen and Joe

Rosie

On Wed, 5 Nov 2025 at 21:47, Hollie Brennan <hollie@example.com> wrote:

> Is there anyone else you think I should talk to before the interview?
>
> Hollie
>
> On Tue, 4 Nov 2025 at 12:30, Owen Pike <owen.pike@example.com> wrote:
>
>> Hi Hollie! Answers in line below, sorry it's long.
>>
>> On Mon, 3 Nov 2025 at 19:05, Hollie Brennan <hollie@example.com> wrote:
>>
>>> I graduated in 2024 and I'm applying for the Junior Marketing Executive job.
>>> How did you end up there?
>>
>> I was doing weekend shifts behind the bar at the Mill Lane Taproom from 2021, and when the
>> Marketing Assistant job came up in June 2023, Imogen told me to apply.
>>
>> Owen
"""


@pytest.fixture(scope="module")
def messages() -> list[tuple[str, list[str]]]:
    return chat_messages(emails_as_chat(THREAD))


def test_a_quoted_message_found_nowhere_else_in_the_thread_is_read_as_its_writers(
    messages: list[tuple[str, list[str]]],
) -> None:
    assert (
        "Hollie Brennan",
        ["Is there anyone else you think I should talk to before the interview?"],
    ) in messages
    assert "[05/11/2025, 21:47] Hollie Brennan: " in emails_as_chat(THREAD)


def test_answers_written_between_quoted_questions_are_the_writers_replies_to_them(
    messages: list[tuple[str, list[str]]],
) -> None:
    owen = [said for writer, said in messages if writer == "Owen Pike"]
    assert any(
        s.startswith("I was doing weekend shifts behind the bar") for said in owen for s in said
    )
    hollie = [s for writer, said in messages if writer == "Hollie Brennan" for s in said]
    assert "How did you end up there?" in hollie


def test_a_forwarded_messages_marker_is_not_read_and_an_indented_line_goes_on_its_item() -> None:
    chat = emails_as_chat(THREAD)
    assert "Forwarded message" not in chat
    assert "then the 10-minute presentation, then 45 mins with Imogen and Joe" in chat


def test_lines_wrapped_wider_than_eighty_characters_are_one_paragraph(
    messages: list[tuple[str, list[str]]],
) -> None:
    owen = [s for writer, said in messages if writer == "Owen Pike" for s in said]
    assert any("he's at the taproom most Fridays" in s for s in owen)


def test_the_job_seeker_writing_that_they_are_applying_is_no_one_to_play() -> None:
    sources = [Source(source="thread.txt", snippet=c.text) for c in split(_text(THREAD))]
    names = {p.name for p in profiles(sources)}
    assert "Owen Pike" in names
    assert "Hollie Brennan" not in names


def _text(text: str) -> Loaded:
    return Loaded("text", text=text)


NOTION = """\
# Junior Marketing Executive

Status: 🟢 Open
Created by: Rosie Heald
Last edited time: November 3, 2025 10:14 AM

[← Back to Careers at Scarthwaite](../Careers%20at%20Scarthwaite%20f81d.md)

<aside>
🍺 **Hello from the crew!** We're an independent, employee-owned brewery.

</aside>

## What we're looking for

- 🗓️ 25 days holiday plus bank holidays, and your birthday off

<details>
<summary>🧰 Tools you'll use (click to open)</summary>

Read the [brand guide](https://example.com/brand) first.

</details>

[a bit romanticised maybe, but it's a lovely story]

[Apply here →](https://tally.so/r/scarthwaite-jme)
"""


def test_a_notion_export_keeps_its_words_without_its_markup() -> None:
    said = without_markup(NOTION)
    marks = ["<aside>", "</details>", "<summary>", "🍺", "🗓️", "🟢", "Back to Careers"]
    marks += ["Apply here", "Created by", "Last edited", "romanticised", "https://"]
    for mark in marks:
        assert mark not in said
    assert "Status: Open" in said
    assert "- 25 days holiday plus bank holidays" in said
    assert "Read the brand guide first." in said


def test_a_toggles_title_heads_what_is_in_it_one_level_under_its_section() -> None:
    assert "\n### Tools you'll use\n" in without_markup(NOTION)


TEAM_TABLE = """\
| | Name | Role |
| --- | --- | --- |
| 📸 | Tasha Okoro | Digital & Content Executive |

| Tool | What for | Who knows it best |
| --- | --- | --- |
| Klaviyo | Brew Sheet emails | Imogen |

| Step | What happens | Who |
| --- | --- | --- |
| Phone chat | 20 minutes about you | Rosie Heald |
"""


def test_a_column_of_pictures_under_no_heading_is_left_out() -> None:
    said = tables_as_lists(without_markup(TEAM_TABLE))
    assert "Tasha Okoro is Digital & Content Executive." in said


def test_a_cell_is_said_as_its_columns_heading_makes_it() -> None:
    said = tables_as_lists(TEAM_TABLE)
    assert "Klaviyo is for Brew Sheet emails, Imogen knows it best." in said
    assert "Phone chat is 20 minutes about you, with Rosie Heald." in said


@pytest.fixture(scope="module")
def slides(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = slide_deck_pdf(tmp_path_factory.mktemp("slides") / "welcome.pdf")
    return load_file(path, Limits()).pages


def test_a_slides_points_are_a_sentence_each(slides: list[str]) -> None:
    assert "Breww - orders, stock, duty.\n\nShopify - web shop." in slides[1]


def test_a_point_set_under_another_starts_its_own_line(slides: list[str]) -> None:
    assert "at Low Gill Farm.\n\nsecond-hand five-barrel kit" in slides[0]


PODCAST = """\
## Podcast: The Northern Pint, with Nell Ackerley
Released 14 Oct 2025, host Dan Whitworth.
[02:10] DAN: So take us back. How does a biochemist end up running a brewery?
[02:16] NELL: Ha, slowly. I did Biochemistry at Leeds and went into a quality lab in Tadcaster.
[a lovely story, use it if asked]
[04:25] NELL: The first year it was one beer, Long Scar Pale, and six pubs.
"""


def test_a_podcast_typed_out_a_turn_to_a_line_is_read_as_its_speakers_words() -> None:
    chat = transcript_as_chat(PODCAST)
    assert "Dan Whitworth: So take us back." in chat
    said = dict(chat_messages(chat.split("\n", 2)[2]))
    assert "The first year it was one beer, Long Scar Pale, and six pubs." in said["Nell Ackerley"]


def test_a_speaker_never_named_in_full_is_left_as_written() -> None:
    text = "[00:10] JO: Hello there.\n[00:12] JO: Two lines."
    assert transcript_as_chat(text) == text


def test_a_when_clause_before_the_question_and_a_guess_after_it_are_not_what_is_asked() -> None:
    asked, context = the_question(
        "When my work's done, where does it end up? Is it mostly for your own team, or does it "
        "go further up?"
    )
    assert asked == "When my work's done, where does it end up?"
    assert "further up" in context
    assert wanted(asked) == "place"


def test_a_hope_about_the_answer_said_after_a_question_leaves_it_asked() -> None:
    turn = (
        "On the practical side, what would I actually be logging into every morning? I've "
        "mostly used Mailchimp and Buffer, so I'm quietly hoping your setup isn't a million "
        "miles from that."
    )
    assert closing_question(turn, turn_rules()).startswith("On the practical side, what")


def test_thanks_for_eating_into_an_afternoon_is_a_goodbye(minilm: Relevance) -> None:
    turn = (
        "I'm conscious I've eaten into your afternoon. Thank you so much, Nell - this has been "
        "a real treat, and I'll raise a Hushwater to you later."
    )
    assert read_turn(turn, "What stuck with you?", minilm).kind == "goodbye"


def test_a_perk_as_half_the_reason_to_apply_confirms_the_worry_they_will_leave(
    anxious: Persona,
) -> None:
    answer = (
        "Honestly, the crew case is half the reason I applied - twenty-four cans a month. The "
        "job itself is kind of secondary, if I'm honest."
    )
    found = {f.worry: f.verdict for f in Assessor(anxious).assess(answer)}
    assert found["overqualified-flight-risk"] == "confirms"


def test_what_comes_with_the_job_is_answered_by_the_benefits(minilm: Relevance) -> None:
    sources = [
        Source(source="careers.md", location="Careers > What you get", snippet=(
            "- 25 days holiday plus bank holidays, and your birthday off.\n"
            "- 5% employer pension contribution.")),
        Source(source="careers.md", location="Careers", snippet=(
            "We're Scarthwaite Brewing Co., an independent, employee-owned brewery.")),
    ]  # fmt: skip
    said = answering(
        "What comes with the job apart from the salary?",
        sources,
        minilm,
        ["Scarthwaite Brewing Co."],
        hint=turn_rules().intents["pay"].search,
    )
    assert said and all("brewery" not in s for s in said)


def test_a_cell_under_who_that_names_no_one_is_said_as_it_is() -> None:
    table = "| Step | Who |\n| --- | --- |\n| Take-home task | Marked by the data team |\n"
    said = tables_as_lists(table)
    assert "Take-home task is" in said and "with Marked" not in said


def test_a_chats_reaction_under_a_message_is_not_kept() -> None:
    said = without_markup("[18:17] Ffion Lacey\nSee you Thursday!\n👍 1\n")
    assert said.rstrip().endswith("See you Thursday!")


def test_tips_for_a_step_ask_for_advice_not_about_the_step(minilm: Relevance) -> None:
    turn = "Any tips for the take-home? I'd love to know what makes Imogen go 'ooh'."
    assert read_turn(turn, "What made you reach out?", minilm).intent == "advice"


def test_someone_else_to_grab_for_a_chat_is_a_referral(minilm: Relevance) -> None:
    turn = "Is there anybody else at the brewery you think I should try to grab for a chat?"
    reading = read_turn(turn, "What made you reach out?", minilm)
    assert (reading.intent, reading.intent_named) == ("referral", True)


def test_what_the_very_first_year_looked_like_asks_how_the_company_began() -> None:
    assert asks_origin("I'd love to hear what that very first year actually looked like.")


def test_a_founders_title_is_no_founding() -> None:
    said = [
        "Joe Ackerley is co-founder & Sales Director, looks after our pubs and trade customers.",
        "In 2014 Nell and Joe started brewing in the old creamery at Low Gill Farm.",
    ]
    assert origin_line(said, "Scarthwaite Brewing Co.") == said[1]


def test_a_figures_result_is_picked_up_over_where_it_started() -> None:
    turn = (
        "When I took over their Instagram it was sitting at about 1,900 followers, and over ten "
        "months I got it to 6,400 - mostly by filming the route setters."
    )
    assert pick_up(turn) == "over ten months I got it to 6,400"
