"""A pasted LinkedIn profile's "Experience" and "Education", a sentence per role and per degree
("Database Officer at East Fens Air Ambulance from June 2017 to February 2021.", "Studied BSc
(Hons) Mathematics at University of Lincoln from 2011 to 2014."), however the page laid them out
over its lines (``linkedin`` finds the profile and its sections)."""

from __future__ import annotations

import re

_MONTHS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "May": "May",
    "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip
_WHEN = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? )?(?:19|20)\d\d"
# "Mar 2021 - Present · 4 yrs 10 mos", "2012 - 2019 · 7 yrs": a role's dates, on a line alone.
DATES = re.compile(
    rf"^(?P<start>{_WHEN})\s*[-–—]\s*(?P<end>{_WHEN}|[Pp]resent|[Nn]ow)"
    r"(?:\s*·\s*[\d\w ]*|\s*\([\d\w ]*\))?$"  # ("· 4 yrs 10 mos"; a PDF's "(9 years 8 months)")
)
# "4 yrs 7 mos": how long at an employer whose several roles follow.
_DURATION = re.compile(r"^\d+ (yrs?|mos?)( \d+ mos?)?$")
# A degree's years at the end of its line: "BSc (Hons) Mathematics, 2011 - 2014", "…, 2003".
# (The job seeker's own remark may follow in square brackets: "…, 2012 - 2016 [same uni as me!!]".)
_REMARK = r"(?:\s*\[[^\[\]]*\])?"
STUDY_YEARS = re.compile(
    rf"(?:,|\s·)\s*\(?(?P<start>{_WHEN})(?:\s*[-–—]\s*(?P<end>{_WHEN}))?\)?{_REMARK}\s*$"
)
# A role written on one line with its dates ("Analyst · Statistics Canada, Ottawa · 2011 - 2014").
_INLINE_DATES = re.compile(rf"\S\s.*\b{_WHEN}\s*[-–—]\s*(?:{_WHEN}|[Pp]resent|[Nn]ow)\b")
# Its dates at the end of the line: "Terminal Duty Manager - Corriemoor Airport - 2017 - 2022".
TRAILING_DATES = re.compile(
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
PLACE_LINE = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?:, [A-Z][\w.'’-]*(?: [\w.'’-]+)*){1,3}$"
)
_SCHOOL = re.compile(r"\b(University|College|School|Institute|Academy|Polytechnic)\b")
HEADLINE_ROLE = re.compile(
    r"\b(Manager|Director|Officer|Head|Lead|Analyst|Advis[eo]r|Coordinator|Engineer|Partner"
    r"|Chief|Founder|Trustee|Administrator|Assistant|Consultant|Specialist|Executive"
    r"|President|Fundraiser|Planner|Scientist|Developer|Designer|Recruiter|Nurse|Teacher"
    r"|Supervisor|Associate|Technician|Driver|Clerk)\b"
)


def roles(block: list[str]) -> list[str]:
    """A profile's "Experience" lines, a line per role, whether laid out over lines or written
    on one with its dates; any other line (a bullet) is kept as it is."""
    said: list[str] = []
    pending: list[str] = []
    employer = ""  # an employer over several roles ("Brackenridge Hospice / 4 yrs 7 mos")
    after_dates = False
    for line in block:
        dates = DATES.match(line)
        if dates and pending:
            # (what the role before was, in lines of its own, then this role)
            said += [" ".join(pending[:-2])] if pending[:-2] else []
            said.append(_role(pending, employer, dates))
            pending = []
        elif _DURATION.match(line) and pending:
            employer = pending.pop()
            said += pending
            pending = []
        elif after_dates and PLACE_LINE.match(line) and not HEADLINE_ROLE.search(line):
            pass  # "Sleaford, England, United Kingdom" under a role's dates
        elif _ASIDE.match(line) and not pending and said and said[-1].endswith("."):
            # "(rotations through security…)" under a role: what the role was.
            said[-1] = f"{said[-1][:-1]}, {line[1:-1]}."
        elif line and not _BULLET.match(line) and not _INLINE_DATES.search(line):
            pending.append(line)
        elif line and not _BULLET.match(line) and (written := _dated_role(line)):
            said += [*pending, written]
            pending = []
        elif (
            line
            and not _BULLET.match(line)
            and pending
            and (written := _dated_role(line, pending[-1]))
        ):
            # "Group Manager - Prevention" / "Wendlemoor Fire and Rescue Service · Sep 2016 -
            # Mar 2019 · 2 yrs 7 mos": the title over its employer's line with the dates.
            said += [*pending[:-1], written]
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
    if len(parts) > 1 and HEADLINE_ROLE.search(parts[1]) and not HEADLINE_ROLE.search(parts[0]):
        parts = [parts[1], parts[0], *parts[2:]]
    title = _titled(parts[0])
    where = parts[1] if len(parts) > 1 else employer
    at = f" at {where}" if where else ""
    return f"{title}{at} {_span(dates.group('start'), dates.group('end'))}."


def _dated_role(line: str, title: str = "") -> str:
    """A role written on one line with its dates ("Terminal Duty Manager - Corriemoor Airport -
    2017 - 2022"), or its employer's line with the dates under ``title``, as a sentence; "" when
    its words do not part into a title and a place."""
    dates = TRAILING_DATES.search(line)
    if not dates:
        return ""
    parts = [
        part.strip(" ,")
        for part in _PARTS.split(line[: dates.start()])
        if part.strip(" ,") and not _KIND_OF_JOB.match(part.strip(" ,"))
    ]
    if title:
        parts = [title, *parts] if len(parts) == 1 else []
    if len(parts) != 2:
        return ""
    title, where = parts
    # "Parks Canada — Visitor Data Lead": the employer first, the title after it.
    if HEADLINE_ROLE.search(where) and not HEADLINE_ROLE.search(title):
        title, where = where, title
    return f"{_titled(title)} at {where} {_span(dates.group('start'), dates.group('end'))}."


def degrees(block: list[str]) -> list[str]:
    """A profile's "Education" lines, a line per degree, whether its years end its line
    ("University of Hull, BA History, 1994 - 1997") or stand on a line of their own under the
    school and the degree, as LinkedIn lays them out; any other line kept as it is."""
    said: list[str] = []
    pending: list[str] = []  # lines without years: a school, a degree
    for line in block:
        span = DATES.match(line)
        years = None if span else STUDY_YEARS.search(line)
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


def _titled(title: str) -> str:
    """A role's title as said: "Group Manager - Prevention (Wendlemoor)" as "Group Manager,
    Prevention" (a dash in it would read as a list's)."""
    return re.sub(r"\s+[-–—]\s+", ", ", _unbracketed(title))


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
