"""Email threads pasted into the research, read as the conversation they are.

A job seeker copies their emails with someone they will meet out of Gmail or Outlook: each
message under its sender's line ("Callum Birtwistle <callum@…>", or "From: …"), its date, and
the alum's answers written inline, under the questions they quote ("> 2. What's a normal week
like for you?"). Written out as an exported chat (``chats``), each message under a stamp with
its writer's name, the rest of the app reads whose words are whose, and what each answers:
the quoted question is a message of the one who asked it, the lines under it the reply.
What a reader skips is left out: headers, signatures, "Sent from my iPhone", and the quoted
copy of the earlier messages that a reply ends with.
"""

from __future__ import annotations

import re
from itertools import takewhile

# A sender's line: a name of two or three words and an address in angle brackets, alone on its
# line, with "From:" before it in Outlook's copy.
_SENDER = re.compile(
    r"^[ \t]*(?:From:[ \t]*)?\**([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\**[ \t]*"
    r"<[^<>\s@]+@[^<>\s]+>[ \t]*$",
    re.MULTILINE,
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATES = [
    # "Tue, 12 Mar 2024, 19:41", "12 March 2024 at 7:41"
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (\d{{4}})\b", re.I), (1, 2, 3)),
    # "Tuesday, March 12, 2024 7:41 PM"
    (re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I), (2, 1, 3)),
    # "12/03/2024 19:41"
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"), (1, 2, 3)),
]
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*([AaPp][Mm])?\b")
# Lines a reader skips: the signature and everything under it, the phone's sign-off.
# (A rule of stars or equals signs over a company's disclaimer too.)
_SIGNATURE = re.compile(r"^(--|__+|\*{5,}|={5,})[ \t]*$")
# A sign-off alone on its line ("Kind regards,"): the name and the signature block under it
# are no part of what the message says.
_CLOSING = re.compile(
    r"^\s*(((kind|best|warm|warmest|many|with) )?(regards|wishes|thanks)"
    r"|thanks|cheers|all the best|speak soon|take care)[,.!]?\s*$",
    re.IGNORECASE,
)
_SENT_FROM = re.compile(r"^\s*Sent from (my|Outlook|Mail)\b", re.I)
# Where a reply's quoted copy of the thread starts: "On Thu, 14 Mar 2024 at 08:02, Ellie
# Marsden <…> wrote:", or Outlook's "-----Original Message-----".
# (A message forwarded under the text ends it too: "---------- Forwarded message ---------".)
_HISTORY = re.compile(
    r"^\s*(?:>\s*)*(On\b.{4,200}\bwrote:|-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}"
    r"|Begin forwarded message:)\s*$",
    re.IGNORECASE,
)
# The quoted copy's own header: when it was written, by whom.
_WROTE = re.compile(
    r"^On\b(.{4,120}?),?\s+([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\s*(<[^<>\s@]+@[^<>\s]+>)"
    r"\s*wrote:\s*$"
)
_QUOTED = re.compile(r"^[ \t]*>")
_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+\S")
# A greeting and a sign-off ("Hi Ellie,", "Best wishes,", "Callum"): not what a message says.
_GREETING = re.compile(r"^(hi|hello|hey|dear|morning|afternoon)\b[^.!?]{0,40}[,!]?$", re.I)
_SIGN_OFF = re.compile(r"^[\w' ]{1,30}[,!]?$")
# A mail client's label over the thread ("Inbox", "External").
_LABEL = re.compile(r"^\s*(Inbox|External|Important|Starred)\s*$")


def emails_as_chat(text: str) -> str:
    """``text`` with an email thread in it (two messages at least) written as an exported
    chat, one message after another under its stamp; any other text as it was."""
    text = _unfolded(text, _sent(text))
    senders = list(_SENDER.finditer(text))
    if len(senders) < 2 or len({m[1] for m in senders}) < 2:
        return text
    preamble = [line for line in text[: senders[0].start()].split("\n") if not _LABEL.match(line)]
    out = ["\n".join(preamble).rstrip()] if "".join(preamble).strip() else []
    writers: list[str] = []
    stamp = "01/01/2000, 00:00"
    for sender, after in zip(senders, [*senders[1:], None], strict=False):
        writer = sender[1]
        header, body = _header_and_body(text[sender.end() : after.start() if after else None])
        stamp = _stamp(header) or stamp
        # Whom a quotation inside the message is from: the last one to write before.
        asker = next((w for w in reversed(writers) if w != writer), "")
        for by, paragraphs in _parts(body, writer, asker):
            if paragraphs:
                out.append(f"[{stamp}] {by}: " + "\n".join(paragraphs))
        writers.append(writer)
    return "\n\n".join(out) + "\n"


def _sent(text: str) -> set[tuple[str, str]]:
    """Who sent each message of the thread, and when."""
    return {(m[1], _stamp(_header_and_body(text[m.end() :])[0])) for m in _SENDER.finditer(text)}


def _unfolded(text: str, sent: set[tuple[str, str]]) -> str:
    """``text`` with each quoted copy of an earlier message that is not in it already (the job
    seeker saved only the newest email of the thread) written out as a message of its own,
    under a sender's line and its date, and so on down the copies it quotes in turn."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        wrote = None if _QUOTED.match(lines[at]) else _WROTE.match(lines[at].strip())
        end = at + 1
        while wrote and end < len(lines) and (_QUOTED.match(lines[end]) or not lines[end].strip()):
            end += 1
        quoted = [re.sub(r"^[ \t]*>[ \t]?", "", line) for line in lines[at + 1 : end]]
        # (Unquoted lines after the copy are answers written between its lines: no copy.)
        copy = not any(line.strip() for line in lines[end:])
        if wrote and copy and any(quoted) and (wrote[2], _stamp(wrote[1])) not in sent:
            body = _unfolded("\n".join(quoted), sent)
            out += [f"From: {wrote[2]} {wrote[3]}", f"Date: {wrote[1].strip()}", "", body, ""]
            at = end
            continue
        out.append(lines[at])
        at += 1
    return "\n".join(out)


def _header_and_body(message: str) -> tuple[str, str]:
    """A message's header lines (date, "to me", "Subject: …") and what it says: the header
    runs to the first blank line."""
    lines = message.lstrip("\n").split("\n")
    ends = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return "\n".join(lines[:ends]), "\n".join(lines[ends:])


def _stamp(header: str) -> str:
    """The message's date and time, written as a chat's stamp ("12/03/2024, 19:41")."""
    for pattern, (day, month, year) in _DATES:
        if found := pattern.search(header):
            named = found[month]
            number = int(named) if named.isdigit() else _MONTHS.index(named[:3].lower()) + 1
            hour, minute = 0, 0
            if clock := _TIME.search(header[found.end() :]) or _TIME.search(header):
                hour, minute = int(clock[1]) % 24, int(clock[2])
                if clock[3] and clock[3].lower() == "pm" and hour < 12:
                    hour += 12
            return f"{int(found[day]):02d}/{number:02d}/{found[year]}, {hour:02d}:{minute:02d}"
    return ""


def _said(lines: list[str]) -> bool:
    """Whether the lines kept so far say more than a greeting: a sign-off comes after what the
    message says ("Hi Ellie,\n\nThanks!\n\nThe panel is at ten." opens on its thanks)."""
    return any(kept.strip() and not _GREETING.match(kept.strip()) for kept in lines)


def _parts(body: str, writer: str, asker: str) -> list[tuple[str, list[str]]]:
    """The message as (writer, paragraphs) parts: the lines quoted inline are the asker's,
    when something is written under them; the quoted copy the message ends with is not read."""
    lines: list[str] = []
    body_lines = body.split("\n")
    for at, line in enumerate(body_lines):
        if _SIGNATURE.match(line) or (_CLOSING.match(line) and _said(lines)):
            break
        if _HISTORY.match(line):
            # ("> On Mon, 3 Nov…, Hollie wrote:" over her questions and the answers written
            # between them is no copy of the thread: the quoted lines are hers.)
            if any(rest.strip() and not _QUOTED.match(rest) for rest in _own(body_lines[at + 1 :])):
                if wrote := _WROTE.match(re.sub(r"^[ \t]*(?:>[ \t]?)+", "", line).strip()):
                    asker = wrote[2]
                continue
            break
        if not _SENT_FROM.match(line):
            lines.append(line)
    while lines and (not lines[-1].strip() or _QUOTED.match(lines[-1])):
        lines.pop()
    # Hard-wrapped text (every line under 80 characters) runs a paragraph over several lines;
    # a client that wraps for the screen gives each paragraph a line of its own.
    # (Or wrapped wider: a line nearly as long as the longest ran on to the next one.)
    wrapped = all(len(line) <= 80 for line in lines)
    longest = max((len(line) for line in lines), default=0)
    parts: list[tuple[str, list[str]]] = []
    last = ""
    for line in lines:
        ran_on = len(last) >= max(_WRAPPED_AT, 0.8 * longest)
        last = line
        quoted = bool(_QUOTED.match(line)) and bool(asker)
        by = asker if quoted else writer
        line = re.sub(r"^[ \t]*(?:>[ \t]?)+", "", line) if quoted else line
        if not parts or parts[-1][0] != by:
            parts.append((by, []))
        paragraphs = parts[-1][1]
        # (A list item's line indented under it goes on the item: "* Interview day … then the"
        # over "  10-minute presentation…".)
        under_item = line[:1] in " \t" and bool(paragraphs) and bool(_ITEM.match(paragraphs[-1]))
        if not line.strip():
            paragraphs.append("")
        elif (
            (wrapped or ran_on or under_item)
            and paragraphs
            and paragraphs[-1]
            and not _ITEM.match(line)
        ):
            paragraphs[-1] += " " + line.strip()
        else:
            paragraphs.append(line.strip())
    return [(by, _unwrapped([p for p in paragraphs if p])) for by, paragraphs in parts]


_WRAPPED_AT = 60


def _own(lines: list[str]) -> list[str]:
    """The lines of a message above its signature."""
    return list(takewhile(lambda line: not _SIGNATURE.match(line), lines))


def _unwrapped(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the greeting they open with or the sign-off they end with (a
    short line with no full stop: "Best wishes,", "Callum", "C")."""
    if paragraphs and _GREETING.match(paragraphs[0]):
        paragraphs = paragraphs[1:]
    while paragraphs and _SIGN_OFF.match(paragraphs[-1]) and len(paragraphs[-1].split()) <= 3:
        paragraphs = paragraphs[:-1]
    return paragraphs
