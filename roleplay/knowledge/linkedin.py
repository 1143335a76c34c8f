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

_SECTIONS = frozenset(["Experience", "Education"])
_OTHER_SECTIONS = frozenset(
    ["About", "Activity", "Skills", "Licenses & certifications", "Volunteering", "Languages",
     "Interests", "Recommendations", "Featured", "Honors & awards", "Projects", "Summary",
     "Top Skills", "Certifications", "Contact", "Honors-Awards", "Publications"]
)  # fmt: skip
_MONTHS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "May": "May",
    "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip
_WHEN = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? )?(?:19|20)\d\d"
# "Mar 2021 - Present · 4 yrs 10 mos", "2012 - 2019 · 7 yrs": a role's dates, on a line alone.
_DATES = re.compile(
    rf"^(?P<start>{_WHEN})\s*[-–—]\s*(?P<end>{_WHEN}|[Pp]resent|[Nn]ow)"
    r"(?:\s*·\s*[\d\w ]*|\s*\([\d\w ]*\))?$"  # ("· 4 yrs 10 mos"; a PDF's "(9 years 8 months)")
)
# "4 yrs 7 mos": how long at an employer whose several roles follow.
_DURATION = re.compile(r"^\d+ (yrs?|mos?)( \d+ mos?)?$")
# A degree's years at the end of its line: "BSc (Hons) Mathematics, 2011 - 2014", "…, 2003".
# (The job seeker's own remark may follow in square brackets: "…, 2012 - 2016 [same uni as me!!]".)
_REMARK = r"(?:\s*\[[^\[\]]*\])?"
_STUDY_YEARS = re.compile(
    rf"(?:,|\s·)\s*\(?(?P<start>{_WHEN})(?:\s*[-–—]\s*(?P<end>{_WHEN}))?\)?{_REMARK}\s*$"
)
# A role written on one line with its dates ("Analyst · Statistics Canada, Ottawa · 2011 - 2014").
_INLINE_DATES = re.compile(rf"\S\s.*\b{_WHEN}\s*[-–—]\s*(?:{_WHEN}|[Pp]resent|[Nn]ow)\b")
# Its dates at the end of the line: "Terminal Duty Manager - Corriemoor Airport - 2017 - 2022".
_TRAILING_DATES = re.compile(
    rf"(?:\s+[·|–—-]\s+|,\s*|\s+)\(?(?P<start>{_WHEN})\s*[-–—]\s*(?P<end>{_WHEN}|[Pp]resent|[Nn]ow)"
    rf"\)?(?:\s*·\s*[\d\w ]*)?{_REMARK}\s*$"
)
_ASIDE = re.compile(r"^\([^()]+\)$")
_PARTS = re.compile(r"\s+[·|–—-]\s+|\s+at\s+")
_KIND_OF_JOB = re.compile(
    r"^(full|part)[- ]time$|^(contract|self-employed|freelance|internship|permanent|temporary"
    r"|apprenticeship|seasonal|volunteer)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[-•*]\s+")
# "Sleaford, England, United Kingdom": where a role was, said by none of its sentences.
_PLACE_LINE = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?:, [A-Z][\w.'’-]*(?: [\w.'’-]+)*){1,3}$"
)
# The page's own furniture, copied with the profile: its counts ("1,846 followers  500+
# connections"), its buttons, pronouns, a post's byline ("Rosalind posted this • 3w") and its
# links. Said aloud it is debris ("I should mention: 1,846 followers 500+ connections.").
_FURNITURE = re.compile(
    r"^(?:[\d,.]+\+?\s+(?:followers?|connections?)\s*(?:·\s*)?)+$"
    r"|^(?:Message|More|Follow|Connect|Contact info|She/Her|He/Him|They/Them)$"
    r"|^[·•]?\s*(?:1st|2nd|3rd\+?)$"
    r"|^Show all\b.*$|^.{1,60}\b(?:re)?posted this\s*[•·]\s*\w+$",
    re.IGNORECASE,
)
_FURNITURE_TAIL = re.compile(r"\s*(?:\.{3}|…)\s*see more\s*$|\s{2,}Contact info\s*$", re.IGNORECASE)
_SCHOOL = re.compile(r"\b(University|College|School|Institute|Academy|Polytechnic)\b")
# A person's name alone on a line ("Deborah (Debs) Halloran"), and the name they go by.
# (A name's word may have a capital inside it: "MacLeish", "DeSouza".)
_NAME_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?"
_NAME_LINE = re.compile(rf"^({_NAME_WORD})(?: \(({_NAME_WORD})\))?((?: {_NAME_WORD}){{1,2}})$")
# A heading naming the person a pasted profile is of ("--- Moira Strachan (LinkedIn) ---").
_NAMED_HEADING = re.compile(
    rf"^(\s*(?:={{2,}}|-{{3,}}|#{{1,6}}|\*{{3,}})\s*)({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})"
    r"(?:\s*\([^()]*\))?(\s*(?:={2,}|-{3,}|\*{3,})?\s*)$"
)
_HEADLINE_ROLE = re.compile(
    r"\b(Manager|Director|Officer|Head|Lead|Analyst|Advis[eo]r|Coordinator|Engineer|Partner"
    r"|Chief|Founder|Trustee|Administrator|Assistant|Consultant|Specialist|Executive"
    r"|President|Fundraiser|Planner|Scientist|Developer|Designer|Recruiter|Nurse|Teacher"
    r"|Supervisor|Associate|Technician|Driver|Clerk)\b"
)


def linkedin_as_sentences(text: str) -> str:
    """``text`` with each pasted LinkedIn profile's name joined to its headline and its
    "Experience" and "Education" written a line per role and per degree."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        said = lines[index].strip()
        if said in _SECTIONS:
            end = _block_end(lines, index + 1)
            # Ended, so it does not run into the first role once the lines are joined.
            out.append(f"{said}.")
            block = [line.strip() for line in lines[index + 1 : end]]
            out += _roles(block) if said == "Experience" else _degrees(block)
            out.append("")
            index = end
            continue
        if (heading := _NAMED_HEADING.match(lines[index])) and _opens_profile(lines, index):
            # The headline under it joins the name, so the heading says who they are.
            marks, person, closing = heading.groups()
            out.append(f"{marks}{person}, {_headline(lines[index + 1])}{closing}")
            index += 2
            continue
        if (name := _NAME_LINE.match(said)) and _opens_profile(lines, index):
            # (Past the page's furniture under the name: " · 2nd", "She/Her".)
            head = _past_furniture(lines, index + 1)
            out.append(f"{name.group(2) or name.group(1)}{name.group(3)}, {_headline(lines[head])}")
            index = head + 1
            continue
        if not _FURNITURE.match(said):
            out.append(_FURNITURE_TAIL.sub("", lines[index]))
        index += 1
    return "\n".join(out)


def _headline(line: str) -> str:
    """A profile's headline without the place after its bar ("… | Balcraig")."""
    return re.split(r"\s+\|\s+", line.strip())[0]


def _opens_profile(lines: list[str], index: int) -> bool:
    """Whether the name at ``index`` opens a pasted profile: a headline with a title under
    it, and the page's sections ("About", "Experience") or its connections soon after."""
    head = _past_furniture(lines, index + 1)
    if head >= len(lines) or not _HEADLINE_ROLE.search(lines[head]):
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
                _DATES.match(line) or _STUDY_YEARS.search(line) or _TRAILING_DATES.search(line)
                for line in ahead
            )
            if not dated or said.startswith("(") or said.endswith("."):
                return index
        paragraph_start = not said
        index += 1
    return index


def _roles(block: list[str]) -> list[str]:
    """A profile's "Experience" lines, a line per role, whether laid out over lines or written
    on one with its dates; any other line (a bullet) is kept as it is."""
    said: list[str] = []
    pending: list[str] = []
    employer = ""  # an employer over several roles ("Brackenridge Hospice / 4 yrs 7 mos")
    after_dates = False
    for line in block:
        dates = _DATES.match(line)
        if dates and pending:
            # (what the role before was, in lines of its own, then this role)
            said += [" ".join(pending[:-2])] if pending[:-2] else []
            said.append(_role(pending, employer, dates))
            pending = []
        elif _DURATION.match(line) and pending:
            employer = pending.pop()
            said += pending
            pending = []
        elif after_dates and _PLACE_LINE.match(line) and not _HEADLINE_ROLE.search(line):
            pass  # "Sleaford, England, United Kingdom" under a role's dates
        elif _ASIDE.match(line) and not pending and said and said[-1].endswith("."):
            # "(rotations through security…)" under a role: what the role was.
            said[-1] = f"{said[-1][:-1]}, {line[1:-1]}."
        elif line and not _BULLET.match(line) and not _INLINE_DATES.search(line):
            pending.append(line)
        elif line and not _BULLET.match(line) and (written := _dated_role(line)):
            said += [*pending, written]
            pending = []
        else:
            said += pending + ([_ended(line)] if line else [])
            pending = []
        after_dates = bool(dates)
    return said + pending


def _role(pending: list[str], employer: str, dates: re.Match[str]) -> str:
    parts = [
        part.strip(" ,")
        for line in pending[-2:]
        for part in _PARTS.split(line)
        if part.strip(" ,") and not _KIND_OF_JOB.match(part.strip(" ,"))
    ]
    # (LinkedIn's own PDF puts the employer over the title: "Caledonian Cold Chain" /
    # "Depot Supervisor")
    if len(parts) > 1 and _HEADLINE_ROLE.search(parts[1]) and not _HEADLINE_ROLE.search(parts[0]):
        parts = [parts[1], parts[0], *parts[2:]]
    title = _unbracketed(parts[0])
    where = parts[1] if len(parts) > 1 else employer
    at = f" at {where}" if where else ""
    return f"{title}{at} {_span(dates.group('start'), dates.group('end'))}."


def _dated_role(line: str) -> str:
    """A role written on one line with its dates ("Terminal Duty Manager - Corriemoor Airport -
    2017 - 2022") as a sentence; "" when its words do not part into a title and a place."""
    dates = _TRAILING_DATES.search(line)
    if not dates:
        return ""
    parts = [part.strip(" ,") for part in _PARTS.split(line[: dates.start()]) if part.strip(" ,")]
    if len(parts) != 2:
        return ""
    title, where = parts
    # "Parks Canada — Visitor Data Lead": the employer first, the title after it.
    if _HEADLINE_ROLE.search(where) and not _HEADLINE_ROLE.search(title):
        title, where = where, title
    return f"{_unbracketed(title)} at {where} {_span(dates.group('start'), dates.group('end'))}."


def _degrees(block: list[str]) -> list[str]:
    """A profile's "Education" lines, a line per degree, whether its years end its line
    ("University of Hull, BA History, 1994 - 1997") or stand on a line of their own under the
    school and the degree, as LinkedIn lays them out; any other line kept as it is."""
    said: list[str] = []
    pending: list[str] = []  # lines without years: a school, a degree
    for line in block:
        span = _DATES.match(line)
        years = None if span else _STUDY_YEARS.search(line)
        if span and pending:
            study, school = _study_and_school(pending[-2:])
            said += pending[:-2]
            said.append(_studied(study, school, span))
            pending = []
        elif years:
            school = pending.pop() if pending else ""
            said += pending
            pending = []
            study = _unbracketed(line[: years.start()]).strip(" ,·")
            parts = [part.strip() for part in re.split(r"\s+[·–—-]\s+", study) if part.strip()]
            schools = [part for part in parts if _SCHOOL.search(part)]
            if schools and len(parts) > 1:
                school, study = schools[0], ", ".join(p for p in parts if p != schools[0])
            said.append(_studied(study, school, years))
        elif not line or _BULLET.match(line):
            said += pending + ([line] if line else [])
            pending = []
        else:
            pending.append(line)
    return said + pending


def _study_and_school(lines: list[str]) -> tuple[str, str]:
    """The degree and the school of a degree's lines ("Keele University", "BSc (Hons)
    Biology"): the school is the line naming one, else the first."""
    if len(lines) == 1:
        return ("", lines[0]) if _SCHOOL.search(lines[0]) else (lines[0], "")
    first, second = lines
    if _SCHOOL.search(second) and not _SCHOOL.search(first):
        return first, second
    return second, first


def _studied(study: str, school: str, years: re.Match[str]) -> str:
    study = _unbracketed(study)
    at = f" at {school}" if school and not _SCHOOL.search(study) else ""
    what = f" {study}" if study else ""
    return f"Studied{what}{at} {_span(years.group('start'), years.group('end'))}."


def _ended(line: str) -> str:
    return line if line.endswith((".", "!", "?", ")")) else f"{line}."


def _unbracketed(text: str) -> str:
    """ "BSc (Hons) Mathematics" as "BSc Mathematics": brackets said aloud read as a stage
    direction."""
    return " ".join(re.sub(r"\([^()]*\)", " ", text).split()).replace(" ,", ",")


def _span(start: str, end: str | None) -> str:
    if not end:
        return f"in {_month(start)}"
    if end.lower() in ("present", "now"):
        return f"since {_month(start)}"
    return f"from {_month(start)} to {_month(end)}"


def _month(when: str) -> str:
    first = when.split()[0].rstrip(".")
    return f"{_MONTHS.get(first, first)} {when.split()[1]}" if " " in when else when


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
            if _NAME_LINE.match(line) and _HEADLINE_ROLE.search(joined[i + 1])
        ),
        None,
    )
    if start is None:
        return ""
    body = [line for line in joined[start + 2 :] if line != "Summary"]  # (a label, not said)
    if body and _PLACE_LINE.match(body[0]):
        body = body[1:]  # (where they are: "Mossgate, Scotland, United Kingdom")
    return "\n".join([f"## {joined[start]}, {_headline(joined[start + 1])}", "", *body])
