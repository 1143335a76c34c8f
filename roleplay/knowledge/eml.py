"""An email saved whole (.eml: Outlook's, Apple Mail's or Thunderbird's "Save as", Gmail's
"Download message") read as the text a job seeker would have copied out of it.

The standard library parses the message; what a reader would see is kept: who sent it and
when, its subject, and its words (the plain part, or the HTML part made Markdown). Written
with a sender's line ("From: Joanne Pell <joanne.pell1@nhs.net>") over its body, the thread
under it is read as any pasted thread is (``emails``). The transport headers (Received,
Message-ID, X-…) are left out.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr

from roleplay.knowledge.errors import LoadError

# An address book's form of a name: "PELL, Joanne (WEIR VALLEY TEACHING HOSPITALS NHS
# FOUNDATION TRUST)", "Pell, Joanne - Recruitment".
_ORGANISATION = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\]|\s[-–|]\s.*)\s*$")
_SURNAME_FIRST = re.compile(
    r"^([A-Za-z'’-]+(?: [A-Za-z'’-]+)?),\s*([A-Za-z'’-]+(?: [A-Za-z'’-]+)?)$"
)


def eml_text(data: bytes) -> str:
    """The message in ``data`` as a pasted email: header lines, a blank line, its words."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage) or not (message["from"] or message["subject"]):
        raise LoadError("is not an email (no sender or subject in its headers)")
    body = _body(message)
    if not body.strip():
        raise LoadError("has no text to use (an email without a written part)")
    lines = [f"From: {sender_line(str(message['from'] or ''))}"]
    for header in ("date", "to", "subject"):
        if message[header]:
            lines.append(f"{header.capitalize()}: {' '.join(str(message[header]).split())}")
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def sender_line(header: str) -> str:
    """``Name <address>`` with the name as people say it: "Joanne Pell" for "PELL, Joanne
    (WEIR VALLEY …)"."""
    name, address = parseaddr(header)
    name = _ORGANISATION.sub("", " ".join(name.split()))
    turned = _SURNAME_FIRST.match(name)
    if turned:
        name = f"{turned.group(2)} {turned.group(1)}"
    if name.isupper() or name.islower():
        name = name.title()
    name = " ".join(part.capitalize() if part.isupper() else part for part in name.split())
    if not address:
        return name
    return f"{name} <{address}>" if name else address


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = part.get_content()
    if part.get_content_subtype() == "html":
        from roleplay.knowledge.loaders import html_to_markdown

        return html_to_markdown(text)
    return str(text)
