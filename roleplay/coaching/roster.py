"""A coach's roster as a CSV file (names and e-mails, as a course platform or a spreadsheet
exports them), read row by row: every bad row is named with what is wrong with it, and a file
that is too big or not text is refused whole before anything is added.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from roleplay.coaching.accounts import NAME, reserved

MAX_BYTES = 256 * 1024
MAX_ROWS = 2000
# Header words as spreadsheets and platforms write them.
_COLUMNS = {
    "name": {"name", "full name", "fullname", "learner", "student", "display name"},
    "email": {"email", "e-mail", "email address", "e-mail address", "mail"},
    "username": {"username", "user name", "user", "login"},
}
# Deliberately plain: one @, a dot in the domain, no spaces or angle brackets.
EMAIL = re.compile(r"^[^@\s<>,;\"']{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RosterError(ValueError):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass(frozen=True)
class RosterRow:
    line: int
    username: str
    full_name: str
    email: str


@dataclass(frozen=True)
class RosterProblem:
    line: int
    problem: str

    def __str__(self) -> str:
        return f"row {self.line}: {self.problem}"


def read_roster(data: bytes | str) -> tuple[list[RosterRow], list[RosterProblem]]:
    """The good rows and a problem per bad row. A user name is the e-mail address unless a
    ``username`` column gives one."""
    text = _text(data)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise RosterError("The roster file is empty: it needs a header row 'name,email'.") from None
    except csv.Error as error:
        raise RosterError(f"The roster file is not CSV ({error}).") from None
    columns = _columns(header)
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) + len(problems) >= MAX_ROWS:
                raise RosterError(
                    f"The roster has more than {MAX_ROWS} learners: split it into several files."
                )
            row = _row(line, cells, columns)
            if isinstance(row, RosterProblem):
                problems.append(row)
            elif row.username.lower() in seen:
                problems.append(
                    RosterProblem(
                        line, f"'{row.username}' is already on row {seen[row.username.lower()]}."
                    )
                )
            else:
                seen[row.username.lower()] = line
                rows.append(row)
    except csv.Error as error:
        raise RosterError(
            f"The roster file is not CSV after row {reader.line_num} ({error})."
        ) from None
    return rows, problems


def _text(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_BYTES:
        raise RosterError(
            f"The roster file is {len(data) / 1024:.0f} KB; at most {MAX_BYTES // 1024} KB is "
            "read. Split it into several files."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(
            "The roster file is not UTF-8 text: save it from your spreadsheet as 'CSV UTF-8'."
        ) from None


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        word = cell.strip().lower()
        for column, names in _COLUMNS.items():
            if word in names and column not in found:
                found[column] = index
    if "email" not in found:
        raise RosterError(
            "The roster's first row must name its columns, with at least 'email' (and "
            f"usually 'name'); it reads {', '.join(repr(c) for c in header[:6]) or 'nothing'}."
        )
    return found


def _row(line: int, cells: list[str], columns: dict[str, int]) -> RosterRow | RosterProblem:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    email, full_name, username = cell("email").lower(), cell("name"), cell("username")
    if not email:
        return RosterProblem(line, "no e-mail address.")
    if len(email) > 254 or not EMAIL.match(email):
        return RosterProblem(line, f"'{email[:80]}' is not an e-mail address.")
    if len(full_name) > 200 or _CONTROL.search(full_name):
        return RosterProblem(line, "the name is over 200 characters or holds control characters.")
    username = username or email
    if not NAME.match(username):
        return RosterProblem(
            line,
            f"'{username[:80]}' cannot be a user name (2 to 64 letters, digits, '.', '_', '-' "
            "or '@'): give a shorter one in a 'username' column.",
        )
    if reserved(username):
        return RosterProblem(line, f"'{username}' is not available as a user name.")
    return RosterRow(line, username, full_name, email)
