"""LinkedIn profiles pasted into research, written as the sentences they stand for.

A job seeker copies the profile of the person they will meet straight from the page: a name,
a headline, then "Experience" and "Education" with each role over two or three lines
("Database Officer / East Fens Air Ambulance / Jun 2017 - Feb 2021 · 3 yrs 9 mos"). Stored as
it is, its lines run together into text no sentence can be made of ("East Fens Air Ambulance
Jun 2017 - Feb 2021 · 3 yrs 9 mos Data Administrator…"). Here each role becomes one line
("Database Officer at East Fens Air Ambulance from June 2017 to February 2021."), each degree
another ("Studied BSc (Hons) Mathematics at University of Lincoln from 2011 to 2014."), and
the name is joined to its headline ("Ruth Okafor, Supporter Data Manager at Brackenridge
Hospice"), so the profile reads as who the person is and where they have been.
"""

from __future__ import annotations

import re

from roleplay.knowledge.linkedin_entries import (
    DATES,
    HEADLINE_ROLE,
    PLACE_LINE,
    STUDY_YEARS,
    TRAILING_DATES,
    degrees,
    roles,
)

_SECTIONS = frozenset(["Experience", "Education"])
_OTHER_SECTIONS = frozenset(
    ["About", "Activity", "Skills", "Licenses & certifications", "Volunteering", "Languages",
     "Interests", "Recommendations", "Featured", "Honors & awards", "Projects", "Summary",
     "Top Skills", "Certifications", "Contact", "Honors-Awards", "Publications"]
)  # fmt: skip
# The page's own furniture, copied with the profile: its counts ("1,846 followers  500+
# connections"), its buttons, pronouns, a post's byline ("Rosalind posted this • 3w") and its
# links. Said aloud it is debris ("I should mention: 1,846 followers 500+ connections.").
_FURNITURE = re.compile(
    r"^(?:[\d,.]+\+?\s+(?:followers?|connections?)\s*(?:·\s*)?)+$"
    r"|^(?:(?:Message|More|Follow|Connect|Contact info)\s*)+$|^(?:She/Her|He/Him|They/Them)$"
    r"|^[·•]?\s*(?:1st|2nd|3rd\+?)$"
    r"|^Show all\b.*$|^.{1,60}\b(?:re)?posted this\s*[•·]\s*\w+$",
    re.IGNORECASE,
)
# ("Rhodri Penhallow · 2nd": the degree of connection after a name)
_FURNITURE_TAIL = re.compile(
    r"\s*(?:\.{3}|…)\s*see more\s*$|(?:\s{2,}|\s+·\s+)Contact info\s*$"
    r"|\s+·\s+(?:1st|2nd|3rd\+?)\s*$"
    # ("Wendlesham, England, United Kingdom · 500+ connections": the place, without its counts)
    r"|(?:\s{2,}|\s+·\s+)[\d,.]+\+?\s+(?:followers?|connections?)\b.*$",
    re.IGNORECASE,
)
# A person's name alone on a line ("Deborah (Debs) Halloran"), and the name they go by.
# (A name's word may have a capital inside it: "MacLeish", "DeSouza".)
_NAME_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?"
_NAME_LINE = re.compile(rf"^({_NAME_WORD})(?: \(({_NAME_WORD})\))?((?: {_NAME_WORD}){{1,2}})$")
# A heading naming the person a pasted profile is of ("--- Moira Strachan (LinkedIn) ---").
_NAMED_HEADING = re.compile(
    rf"^(\s*(?:={{2,}}|-{{3,}}|#{{1,6}}|\*{{3,}})\s*)({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})"
    r"(?:\s*\([^()]*\))?(\s*(?:={2,}|-{3,}|\*{3,})?\s*)$"
)


def linkedin_as_sentences(text: str) -> str:
    """``text`` with each pasted LinkedIn profile's name joined to its headline and its
    "Experience" and "Education" written a line per role and per degree."""
    return "\n".join(_as_sentences(_spaced_profiles(text.split("\n"))))


def _spaced_profiles(lines: list[str]) -> list[str]:
    """A profile pasted into a Word document comes a paragraph to a line, with a blank line
    between each: read on its lines alone (up to the next heading), and spaced again."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and not lines[end].lstrip().startswith("#"):
            end += 1
        region = lines[index:end]
        said = [line for line in region if line.strip()]
        spaced = len(region) > 2 and not region[1].strip() and region[2].strip()
        named = _NAME_LINE.match(_FURNITURE_TAIL.sub("", lines[index].strip()))
        if spaced and named and _opens_profile(said, 0) and len(said) * 2 >= len(region) - 1:
            out += [spaced for line in _as_sentences(said) for spaced in (line, "")]
            index = end
            continue
        out.append(lines[index])
        index += 1
    return out


def _as_sentences(lines: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        said = lines[index].strip()
        if said in _SECTIONS:
            end = _block_end(lines, index + 1)
            # Ended, so it does not run into the first role once the lines are joined.
            out.append(f"{said}.")
            block = [line.strip() for line in lines[index + 1 : end]]
            out += roles(block) if said == "Experience" else degrees(block)
            out.append("")
            index = end
            continue
        if (heading := _NAMED_HEADING.match(lines[index])) and _opens_profile(lines, index):
            # The headline under it joins the name, so the heading says who they are.
            marks, person, closing = heading.groups()
            out.append(f"{marks}{person}, {_headline(lines[index + 1])}{closing}")
            index += 2
            continue
        if (name := _NAME_LINE.match(_FURNITURE_TAIL.sub("", said))) and _opens_profile(
            lines, index
        ):
            # (Past the page's furniture under the name: " · 2nd", "She/Her".)
            head = _past_furniture(lines, index + 1)
            # A heading over what follows, the profile's as a page's profile heading is.
            head_line = f"{name.group(2) or name.group(1)}{name.group(3)}, {_headline(lines[head])}"
            out.append(f"#### {head_line}")
            index = head + 1
            # (and the place under the headline, said as where they are: "Kirkby Wendle,
            # England, United Kingdom" ran on into the "Experience" after it)
            place = _FURNITURE_TAIL.sub("", lines[index].strip()) if index < len(lines) else ""
            if PLACE_LINE.match(place):
                out.append(f"Based in {place}.")
                index += 1
            continue
        if not _FURNITURE.match(said):
            out.append(_FURNITURE_TAIL.sub("", lines[index]))
        index += 1
    return out


def _headline(line: str) -> str:
    """A profile's headline without the place after its bar ("… | Balcraig")."""
    return re.split(r"\s+\|\s+", line.strip())[0]


def _opens_profile(lines: list[str], index: int) -> bool:
    """Whether the name at ``index`` opens a pasted profile: a headline with a title under
    it, and the page's sections ("About", "Experience") or its connections soon after."""
    head = _past_furniture(lines, index + 1)
    if head >= len(lines) or not HEADLINE_ROLE.search(lines[head]):
        return False
    soon = [line.strip() for line in lines[head + 1 : head + 7]]
    return any(
        line in _SECTIONS or line in _OTHER_SECTIONS or "connections" in line for line in soon
    )


def _past_furniture(lines: list[str], index: int) -> int:
    """The first line from ``index`` on that is not the page's furniture."""
    while index < len(lines) and _FURNITURE.match(lines[index].strip()):
        index += 1
    return index


def _block_end(lines: list[str], index: int) -> int:
    """Where a section's entries end: at another section, a heading or rule, or a paragraph
    that holds no dates (the job seeker's own note under the profile)."""
    paragraph_start = True
    while index < len(lines):
        said = lines[index].strip()
        if said in _SECTIONS or said in _OTHER_SECTIONS or re.match(r"^(#|={2,}|-{3,})", said):
            return index
        if said and paragraph_start:
            ahead = []
            for line in lines[index : index + 5]:
                if not line.strip():
                    break
                ahead.append(line.strip())
            dated = any(
                DATES.match(line) or STUDY_YEARS.search(line) or TRAILING_DATES.search(line)
                for line in ahead
            )
            if not dated or said.startswith("(") or said.endswith("."):
                return index
        paragraph_start = not said
        index += 1
    return index


# LinkedIn's own "Save to PDF" of a profile: a sidebar (Contact, Top Skills…) read first, the
# name over a headline, "Summary", "Experience", "Education", and "Page 1 of 2" at each foot.
_EXPORT_FOOT = re.compile(r"^Page \d+ of \d+$")
# A line the PDF wrapped at the column's edge: long, and no sentence ends with it.
_WRAPPED = 55


def linkedin_export(pages: list[str]) -> str:
    """The pages of LinkedIn's PDF of a profile as one profile under a heading naming the
    person and their headline ("## Ishbel Ferrier, Chief Executive at Mossgate Food Network"),
    the sidebar left out and wrapped lines joined; "" for any other PDF."""
    text = "\n".join(pages)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if "(LinkedIn)" not in text or "Experience" not in lines:
        return ""
    if not any(_EXPORT_FOOT.match(line) for line in lines):
        return ""
    joined: list[str] = []
    wrapped = False  # whether the line before was cut at the column's edge
    for line in lines:
        if _EXPORT_FOOT.match(line):
            continue
        if wrapped:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        wrapped = len(line) >= _WRAPPED and not line.endswith((".", "!", "?", ":"))
    start = next(
        (
            i
            for i, line in enumerate(joined[:-1])
            if _NAME_LINE.match(line) and HEADLINE_ROLE.search(joined[i + 1])
        ),
        None,
    )
    if start is None:
        return ""
    body = [line for line in joined[start + 2 :] if line != "Summary"]  # (a label, not said)
    if body and PLACE_LINE.match(body[0]):
        body = body[1:]  # (where they are: "Mossgate, Scotland, United Kingdom")
    return "\n".join([f"## {joined[start]}, {_headline(joined[start + 1])}", "", *body])
