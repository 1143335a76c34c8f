"""An email thread pasted into the research is read as the conversation it is: whose words are
whose, and which question each reply answers (``knowledge.emails``)."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.messages import chat_messages
from roleplay.interview.profiles import profiles
from roleplay.knowledge.chats import is_chat
from roleplay.knowledge.emails import emails_as_chat
from roleplay.knowledge.loaders import Loaded
from roleplay.knowledge.splitting import split

THREAD = """\
Alum question about the analyst job
Inbox

Ellie Marsden <ellie.marsden@example.com>
Mon, 11 Mar 2024, 21:17
to callum

Hi Callum,

I'm applying for the Data Analyst job there and I'd love to hear what it's like.

1. How did you end up at NPS?
2. What's a normal week like for you?

Best wishes,
Ellie

--
Ellie Marsden
07784 000 000


Callum Birtwistle <callum@example.org>
Tue, 12 Mar 2024, 19:41
to me

Hi Ellie,

Answers inline below, sorry it's a bit of an essay.

> 1. How did you end up at NPS?

Not very directly! I worked at the box office at Kirkgate Arts Centre first.

> 2. What's a normal week like for you?

Monday is the sales meeting with Tamsin.
Tuesday is team day at the mill.

Callum

--
Callum Birtwistle
Supporter Data Officer

Sent from my iPhone

> On Mon, 11 Mar 2024 at 21:17, Ellie Marsden <ellie.marsden@example.com> wrote:
>
> Hi Callum,
"""


@pytest.fixture
def messages() -> list[tuple[str, list[str]]]:
    return chat_messages(emails_as_chat(THREAD))


def test_each_message_of_a_thread_is_its_senders(messages: list[tuple[str, list[str]]]) -> None:
    assert [writer for writer, _ in messages][:3] == [
        "Ellie Marsden",
        "Callum Birtwistle",
        "Ellie Marsden",
    ]


def test_a_question_quoted_inline_is_the_askers_and_the_lines_under_it_the_reply(
    messages: list[tuple[str, list[str]]],
) -> None:
    assert ("Ellie Marsden", ["What's a normal week like for you?"]) in messages
    assert messages[-1] == (
        "Callum Birtwistle",
        ["Monday is the sales meeting with Tamsin.", "Tuesday is team day at the mill."],
    )


def test_headers_greetings_signatures_and_the_quoted_history_are_not_read() -> None:
    chat = emails_as_chat(THREAD)
    for skipped in ["to me", "Hi Ellie", "07784", "Supporter Data Officer", "iPhone", "wrote:"]:
        assert skipped not in chat


def test_a_thread_is_stamped_with_its_dates() -> None:
    assert "[12/03/2024, 19:41] Callum Birtwistle: " in emails_as_chat(THREAD)


def test_a_single_email_is_left_as_it_was() -> None:
    one = THREAD.split("Callum Birtwistle <")[0]
    assert emails_as_chat(one) == one


def test_the_alums_reply_answers_the_question_it_was_written_under() -> None:
    chunks = split(Loaded("text", text=THREAD))
    assert all(is_chat(chunk.text) for chunk in chunks)
    sources = [Source(source="thread.txt", snippet=chunk.text) for chunk in chunks]
    callum = next(p for p in profiles(sources) if p.name == "Callum Birtwistle")
    assert ("Tuesday is team day at the mill.", "What's a normal week like for you?") in (
        callum.replies
    )


def test_a_list_in_a_message_is_said_without_its_bullets() -> None:
    chat = (
        "[12/03/2024, 19:41] Ellie Marsden: What's a normal week like?\n"
        "[12/03/2024, 19:41] Callum Birtwistle: There's a rhythm to it:\n"
        "- Tuesday is team day at the mill - everyone's in.\n- Wednesday is renewals."
    )
    assert chat_messages(chat)[-1][1] == [
        "There's a rhythm to it.",
        "Tuesday is team day at the mill - everyone's in.",
        "Wednesday is renewals.",
    ]
