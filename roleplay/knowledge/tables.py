"""Markdown tables in research, kept as the lists they stand for.

A job seeker's notes put the hiring stages or a company's sites in a table ("| 3 | Take-home
data exercise (3 hours max) | Marked by the team | 5 working days to return |"). Stored as it
is, a row reaches the interviewer as a run of cells and pipes no sentence can be made of. A
numbered row is written as a list item ("3. Take-home data exercise, 3 hours max, marked by the
team, 5 working days to return.") and read like every hiring list; any other row as what its
first cell is ("Carrow Fen Battery is battery storage, 2 MW and 4 MWh, due autumn 2025.").
"""

from __future__ import annotations

import re

# (A table converted from a web page's HTML leaves out the outer pipes: "Stage 1| Phone call|…".)
_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|]+(\|[^|]*)+$")
# A row that is a step of a process by its first cell: "Stage 2", "Step 3", "Round 1", or named
# there too ("Stage 1: phone screen").
_STAGE = re.compile(r"^(?:stage|step|round|phase)\s+(\d{1,2})(?:\s*[:.–-]\s*(\S.*))?$", re.I)
# A numbered step named in the same cell: "3. Data exercise", "2) Phone screen".
_NAMED_STEP = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BRACKETS = re.compile(r"\s*\(([^()]+)\)")
_SLASH = re.compile(r"\s+/\s+")
# A cell is prose, never a list: its spaced hyphen is a dash ("a month - Early 04:30-13:00").
_HYPHEN = re.compile(r"(?<=\D)\s+-\s+(?=\D)")
# A label that runs on into its cell: "Reports to | Siobhan Kearney" is "Reports to Siobhan…".
_ENDS_ON_LINK = re.compile(r"\b(to|in|at|by|from|with|for|of)$", re.IGNORECASE)
_REPORTS_TO = re.compile(r"^(reports? to|reporting to|line manager)$", re.IGNORECASE)
# What a person specification's columns grade its rows by.
_GRADES = frozenset(
    ["essential", "desirable", "required", "preferred", "must have", "nice to have", "ideal",
     "essential criteria", "desirable criteria"]
)  # fmt: skip
# A cell that is only a count, not a year: "6", "1,200", "35%".
_COUNT = re.compile(r"^(?!(?:19|20)\d\d$)\d[\d,.]*%?$")
_NO_SUBJECT = re.compile(r"\.\s+([A-Z][a-z]+(?:ed|ing)\b|Plus\b|With\b|Including\b)")
_EMPTY = frozenset(["", "-", "–", "—", "n/a", "N/A"])
# The job seeker's own column of a table in their notes ("My notes", "Comments"), and a cell
# in their own words ("She rings my mobile, ~20 mins"): theirs, never the research's to say.
_OWN_COLUMN = re.compile(
    r"^(my |own )?(notes?|comments?|thoughts|remarks|to ?do|questions( to ask)?|my take)$", re.I
)
_OWN_WORDS = re.compile(r"\b(I|I'm|I've|I'd|I'll|my|me)\b")
_CLAUSE_BREAK = re.compile(r"\.\s|\s[-–—]\s|;|,\s|\?\s")
# A word that starts a cell in lower case once it follows another ("Week of 7 April", "Marked
# by the team"), unless the word after it is a name too ("Gemma Oduya").
_LINKING = frozenset(["By", "On", "In", "At", "From", "Until", "Before", "After", "Within"])
_FIRST_WORD = re.compile(
    r"^(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"([A-Z][a-z-]+)\b(?! [A-Z&])"
)


def tables_as_lists(text: str) -> str:
    """``text`` with each Markdown table's rows written out: as a numbered list when its first
    column numbers them ("3. Take-home data exercise…"), else a sentence each ("Carrow Fen
    Battery is battery storage, 2 MW and 4 MWh, due autumn 2025.")."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if not (_ROW.match(line) and _SEPARATOR.match(after)):
            out.append(line)
            index += 1
            continue
        header = _cells(line)
        index += 2
        rows = []
        while index < len(lines) and _ROW.match(lines[index]):
            rows.append(_cells(lines[index]))
            index += 1
        header, rows = _without_blank_columns(header, rows)
        # A table a sentence leads into ("Salaries for the grades most used are:") has its
        # rows as that sentence's list: run on after its colon, the first row would be read as
        # part of it ("…are: Grade 4 is 15-19…").
        led = next((o for o in reversed(out) if o.strip()), "").rstrip().endswith(":")
        start = len(out)
        # (Numbers that count from 1 order the rows; "Grade | Spine points | Salary" rows 4 to 8
        # are grades, each said with its heading: "Grade 6 is…".)
        firsts = [row[0].rstrip(".") if row else "" for row in rows]
        numbered = all(f.isdigit() for f in firsts) and [int(f) for f in firsts] == list(
            range(1, len(rows) + 1)
        )
        named_numbers = bool(header and header[0]) and all(f.isdigit() for f in firsts)
        named_steps = all(row and _NAMED_STEP.match(row[0]) for row in rows)
        # A timeline with stages among its rows ("Closing date", "Stage 1", …, "Decision") is
        # a list of steps, each row an item.
        staged = any(row and _STAGE.match(row[0]) for row in rows)
        # A person specification's columns say what each cell is ("Essential", "Desirable").
        graded = len(header) >= 3 and all(c.lower() in _GRADES for c in header[1:])
        if header and all(c.lower() in _GRADES for c in header):
            # Columns of requirements side by side ("Essential | Desirable"): each cell is an
            # item of its own column, whatever row it shares.
            for row in rows:
                cells = zip(header, row, strict=False)
                out += [_ended(f"- {grade}: {cell}") for grade, cell in cells if cell not in _EMPTY]
            out.append("")
            continue
        for row in rows:
            heads = [*header[1:], *[""] * len(row)]
            theirs = [(_not_own(c), h) for c, h in zip(row[1:], heads, strict=False)]
            rest = ", ".join(
                _headed(cell, head)
                for cell, head in theirs
                if cell not in _EMPTY and not _OWN_COLUMN.match(head)
            )
            if graded:
                out.append(_graded(row, header))
                continue
            if named_steps and (step := _NAMED_STEP.match(row[0])):
                name = f"{step.group(1)}. {step.group(2)}"
                out.append(_ended(f"{name}: {rest}" if rest else name))
            elif (stage := _STAGE.match(row[0].rstrip("."))) and staged:
                named = _sentence_case(stage.group(2) or "")
                said = f"{named}: {rest}" if named and rest else named or _sentence_case(rest)
                out.append(_ended(f"{stage.group(1)}. {said}"))
            elif numbered:
                out.append(_ended(f"{row[0].rstrip('.')}. {_sentence_case(rest)}"))
            elif staged and rest:
                out.append(_ended(f"- {row[0]}: {rest}"))
            elif row and rest and _REPORTS_TO.match(row[0]):
                out.append(_ended(f"The post reports to {rest}"))  # "Reports to | Siobhan…"
            elif row and rest and _ENDS_ON_LINK.search(row[0]):
                out.append(_ended(f"{row[0]} {rest}"))  # "Based in Leeds…"
            elif row and rest:
                first = f"{header[0]} {row[0]}" if named_numbers else row[0]
                out.append(_ended(f"{first} {_be(first)} {rest}"))
            elif row:
                out.append(_ended(f"- {row[0]}"))
        if led:
            out[start:] = [
                line if line.startswith("- ") or re.match(r"\d+\. ", line) else f"- {line}"
                for line in out[start:]
            ]
        out.append("")
    return "\n".join(out)


def _not_own(cell: str) -> str:
    """``cell`` up to the clause in the job seeker's own words ("Performance and Information
    Manager = my line manager if I get it" as its first four words)."""
    own = _OWN_WORDS.search(cell)
    if not own:
        return cell
    before = cell[: own.start()]
    # (an aside opened by a bracket or "=" is theirs from there on: "Director of Strategy
    # (Gwen's boss's boss? Gwen -> Rhodri I think)")
    aside = re.search(r"\s[=(]", before)
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(before)]
    if aside:
        return before[: aside.start()].strip(" ,")
    return before[: cuts[-1]].strip(" ,") if cuts else ""


def _graded(row: list[str], header: list[str]) -> str:
    """A person specification's row: "For qualifications, essential is a degree…, and
    desirable is postgraduate study…"."""
    said = [
        f"{grade.lower()} {_be(grade)} {_later(cell)}"
        for grade, cell in zip(header[1:], row[1:], strict=False)
        if cell not in _EMPTY
    ]
    if not said:
        return _ended(f"- {row[0]}")
    listed = ", and ".join(said) if len(said) == 2 else ", ".join(said)
    return _ended(f"For {row[0][:1].lower()}{row[0][1:]}, {listed}")


def _without_blank_columns(
    header: list[str], rows: list[list[str]]
) -> tuple[list[str], list[list[str]]]:
    """The table without a column that holds nothing under no heading (one of pictures, its
    emoji taken off: "| 📸 | Tasha Okoro | …")."""
    width = max([len(header), *(len(row) for row in rows)])
    keep = [
        column
        for column in range(width)
        if (header[column] if column < len(header) else "")
        or any(row[column] not in _EMPTY for row in rows if column < len(row))
    ]
    if len(keep) == width:
        return header, rows
    pick = [lambda cells, c=column: cells[c] if c < len(cells) else "" for column in keep]
    return [p(header) for p in pick], [[p(row) for p in pick] for row in rows]


def _headed(cell: str, head: str) -> str:
    """A cell said as its column's heading makes it: a count with what it counts, a person
    under "Who" with "with", under "Who knows it best" before the rest of the heading, and a
    use under "What for" after "for"."""
    if who := _WHO_HEAD.match(head):
        cell = _SLASH.sub(" and ", cell)
        if who.group(1):
            return f"{cell} {who.group(1)}"
        # ("Marked by the Generation & Data team" under "Who" says so itself.)
        first = cell.split(" ", 1)[0]
        return _later(cell) if first.endswith("ed") or first in _LINKING else f"with {cell}"
    if _FOR_HEAD.match(head):
        return f"for {_later(cell)}"
    return _later(_counted(cell, head))


# "Who", "Who knows it best", "Who to ask": the cell names people, said as they are written.
_WHO_HEAD = re.compile(r"^who\b(?:\s+(\w.*))?$", re.IGNORECASE)
_FOR_HEAD = re.compile(r"^(?:what (?:it's |it is |we use it )?for|used for|use|purpose)$", re.I)


def _counted(cell: str, head: str) -> str:
    """A bare count said with what its column counts ("6" under "Vets" is "6 vets")."""
    if _COUNT.match(cell) and head and not _COUNT.match(head):
        return f"{cell} {head.lower()}"
    return cell


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _later(cell: str) -> str:
    """A cell said after another: its first word in lower case unless it starts a name, and
    "(3 hours max)" between commas, "2 MW / 4 MWh" as "2 MW and 4 MWh" (brackets and slashes
    are not said aloud)."""
    # (A colon inside a cell reads as a label's: "hybrid: Tuesday, Wednesday…" is a pause.)
    cell = _HYPHEN.sub(" – ", _SLASH.sub(" and ", _BRACKETS.sub(r", \1", cell)))
    cell = cell.replace(": ", " – ")
    # ("Hybrid. Based at our office…, at least three days a week": what has no subject of its
    # own goes on the row's one sentence, "Location is hybrid, based at our office…".)
    cell = _NO_SUBJECT.sub(lambda match: f", {match.group(1).lower()}", cell)
    if (first := cell.split(" ", 1)[0]) in _LINKING:
        return first.lower() + cell[len(first) :]
    return _FIRST_WORD.sub(lambda match: match.group(1).lower(), cell, count=1)


def _be(subject: str) -> str:
    """ "Other benefits are…", "Salary is…", "Hours / contract is…"."""
    last = subject.split()[-1].lower() if subject.split() else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "ys"))
    return "are" if plural else "is"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ended(item: str) -> str:
    return item if item.endswith((".", "!", "?")) else f"{item}."
