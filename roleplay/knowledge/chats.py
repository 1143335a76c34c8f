"""Chats exported into the research: where each message starts, and who wrote it.

A job seeker pastes their WhatsApp chat with someone they will meet into their notes, as the
app exports it: "[14/10/2025, 20:09] Jamie Kinnaird: Ha I did the HNC…" (on a phone) or
"14/10/2025, 20:09 - Jamie Kinnaird: …" (on Android); or copies a Teams chat, each message
under "[18:09] Ffion Lacey"; or types out a podcast, a line to each turn ("[02:16] NELL: Ha,
slowly…"). Its messages are that person's own words,
and a chat is short: it is read whole (``retrieval``) and message by message
(``roleplay.interview.profiles``).
"""

from __future__ import annotations

import re

# Where a message starts, its writer's name as the group: a date and time, then the writer and
# a colon, the message run on after it ("[14/10/2025, 20:09] Jamie Kinnaird: Ha I did…")...
# ... or, pasted from Microsoft Teams, a time in brackets and the writer on a line of their own
# ("[18:09] Ffion Lacey", the message on the lines after; a stored passage has that line ended
# by a full stop). A dated line whose name has no colon after it is no message ("21/10/2025,
# 10:30 Main Reception.").
# (or "Me": the job seeker's own messages, as a copied LinkedIn conversation names them)
_WRITER = r"(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}|Me)"
CHAT_STAMP = re.compile(
    r"(?:\[?\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[apAP][mM])?\]?"
    rf"(?: -)? (?={_WRITER}: )"
    r"|(?:^|(?<=\s))\[\d{1,2}:\d{2}(?: ?[apAP][mM])?\] "
    rf"(?={_WRITER}(?:\.? *\n|\. )))"
    rf"({_WRITER})(?:: |\.? *\n|\. )"
)


def is_chat(text: str) -> bool:
    """Whether ``text`` holds messages of an exported chat (two at least)."""
    return len(CHAT_STAMP.findall(text)) >= 2


# A LinkedIn conversation copied as lines of writer, day and message, set apart by runs of
# spaces ("HANA PRESTWICH  3 Nov  Hiya! Of course…", "ME  3 Nov  Hi Hana…").
_DATED_LINE = re.compile(
    r"^(?P<writer>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})[ \t]{2,}(?P<day>\d{1,2}) "
    r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]{2,}(?P<said>\S.*)$",
    re.MULTILINE,
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def dated_lines_as_chat(text: str) -> str:
    """``text`` with a conversation copied a message to a line ("HANA PRESTWICH  3 Nov  …")
    written as an exported chat, each message under its stamp and its writer's name."""
    if len(_DATED_LINE.findall(text)) < 2:
        return text

    def stamped(line: re.Match[str]) -> str:
        writer = line["writer"].title() if line["writer"].isupper() else line["writer"]
        month = _MONTHS.index(line["month"]) + 1
        return f"[{int(line['day']):02d}/{month:02d}/2000, 00:00] {writer}: {line['said']}"

    return _DATED_LINE.sub(stamped, text)


# A transcript's turn: when in the recording, and who speaks ("[02:16] NELL: Ha, slowly.",
# "(1:02:16) Dan Whitworth: So…").
_TURN = re.compile(
    r"^[ \t]*[\[(](?:\d{1,2}:)?(?P<minute>\d{1,2}):\d{2}[\])][ \t]+"
    r"(?P<speaker>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?):[ \t]+(?P<said>\S.*)$",
    re.MULTILINE,
)


def transcript_as_chat(text: str) -> str:
    """``text`` with a transcript typed out a turn to a line ("[02:16] NELL: Ha, slowly…")
    written as an exported chat, each turn under its speaker's whole name where the text
    gives it ("with Nell Ackerley"); a speaker it never names in full stays as written."""
    turns = list(_TURN.finditer(text))
    if len(turns) < 2:
        return text
    names = {turn["speaker"]: _whole_name(turn["speaker"], text) for turn in turns}

    def stamped(turn: re.Match[str]) -> str:
        name = names[turn["speaker"]]
        if len(name.split()) < 2:
            return turn.group(0)
        return f"[01/01/2000, 00:{int(turn['minute']):02d}] {name}: {turn['said']}"

    return _TURN.sub(stamped, text)


# A recording's captions copied with their times ("Show transcript" on YouTube, a webinar's
# or a podcast's page): each time alone on its line over what was said from then ("1:17" /
# "well, not on purpose! I started out on the trade counter…"); a chapter list sets a time
# before each title ("6:40 A printing office, an almanac and a flora"); a sound is a word in
# brackets ("[Music]").
_CAPTION_TIME = re.compile(r"^[ \t]*[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}[\])]?[ \t]*$", re.MULTILINE)
_CHAPTER = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]+(?=[A-Z])", re.MULTILINE)
_SOUND = re.compile(r"^[ \t]*\[[A-Za-z ]{2,20}\][ \t]*\n?", re.MULTILINE)
_SPOKEN_START = re.compile(r"(?:^|(?<=\n\n))[ \t]*[a-z]")
_LOWER_I = re.compile(r"\bi(?=\b(?:'m|'ve|'d|'ll)?(?![\w.-]))")


def captions_as_paragraphs(text: str) -> str:
    """``text`` with a recording's captions, their times alone on their lines, set a caption to
    a paragraph: a caption is a stretch of speech, often without its full stop, and run
    together they would make one sentence of a whole conversation ("…19 journals 11:17 and we
    have a backlist…"). Its chapter list is a list of titles, and a sound in brackets is no
    speech."""
    if len(_CAPTION_TIME.findall(text)) < 3:
        return text
    # Each caption is said from its start, which captions made by machine leave in lower case
    # ("we have, several times."), as they do "i".
    text = _CAPTION_TIME.sub("", _SOUND.sub("", text))
    text = _SPOKEN_START.sub(lambda first: first.group(0).upper(), _LOWER_I.sub("I", text))
    if len(_CHAPTER.findall(text)) >= 3:
        text = _CHAPTER.sub("- ", text)
    return text


def _whole_name(speaker: str, text: str) -> str:
    """The speaker's name as the text writes it in full: "NELL" is Nell Ackerley where the
    text says "with Nell Ackerley"."""
    first = speaker.title() if speaker.isupper() else speaker
    if len(first.split()) > 1:
        return first
    found = re.findall(rf"\b{re.escape(first)} ([A-Z][a-z'’-]+)\b", text)
    return f"{first} {max(set(found), key=found.count)}" if found else first
