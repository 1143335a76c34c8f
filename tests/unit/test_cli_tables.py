"""The command's lists read at 80 columns: a title keeps at least 20 characters and a row stays on
one line, at 80 and 120 columns (and ``--wide``, every column, on a wide terminal)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from roleplay.cli.coaching import SCENARIO_COLUMNS, scenario_row
from roleplay.cli.history import SESSION_COLUMNS, session_row
from roleplay.cli.tables import TITLE_MIN, ListColumn
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.history.sessions import SessionSummary

LONG_TITLE = "Product Analyst at Larkspur Health Foundation Trust, patient apps team (second round)"


def sessions() -> list[SessionSummary]:
    return [
        SessionSummary(
            id=f"3f9a1c2b7d{n:02d}",
            user="cli:local",
            persona_id="anxious-hiring-manager",
            persona_name="Morgan Ellis",
            company="Larkspur Health Foundation Trust",
            role="Senior Product Data Analyst, Patient Apps",
            started_at=datetime(2026, 12, 3, 14, n, tzinfo=UTC),
            ended_at=None if n else datetime(2026, 12, 3, 15, 0, tzinfo=UTC),
            end_reason=None,
            turns=12,
            overall=72.5 if not n else None,
        )
        for n in range(3)
    ]


def scenarios() -> list[Scenario]:
    spec = ScenarioSpec(
        title=LONG_TITLE,
        persona="relaxed-industry-leader",
        company="Larkspur Health",
        role="Product Analyst",
        feedback="after_review",
    )
    return [
        Scenario(id=n, code=f"Qx7LmN2pR4s{n}", owner="ana", spec=spec, updated_at=datetime.now(UTC))
        for n in range(3)
    ]


LISTS = {
    "sessions list": (SESSION_COLUMNS, lambda: [session_row(s) for s in sessions()]),
    "scenario list": (SCENARIO_COLUMNS, lambda: [scenario_row(s) for s in scenarios()]),
}


def render(columns: list[ListColumn], rows: list[list[str]], width: int, wide: bool) -> list[str]:
    from roleplay.cli.tables import list_table

    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(list_table(columns, rows, wide=wide, width=width))
    return console.file.getvalue().splitlines()


@pytest.mark.parametrize("name", LISTS)
# --wide is every column, for a wide terminal (at 80 columns it is cut at the right edge).
@pytest.mark.parametrize(("width", "wide"), [(80, False), (120, False), (160, True)])
def test_a_list_reads_at_the_terminals_width(name: str, width: int, wide: bool) -> None:
    columns, make_rows = LISTS[name]
    rows = make_rows()
    title_at = next(i for i, column in enumerate(columns) if column.kind == "title")
    lines = render(columns, rows, width, wide)
    assert all(len(line) <= width for line in lines)
    for row in rows:
        holding = [line for line in lines if row[0] in line]  # the id is never cut
        assert len(holding) == 1, lines
        start = row[title_at][:TITLE_MIN]
        assert start in holding[0], (start, holding[0])
    # Header, rule, and one line a row: nothing wrapped onto a second line.
    assert len([line for line in lines if line.strip()]) == 2 + len(rows), lines


def test_wide_shows_the_columns_a_narrow_list_leaves_out() -> None:
    columns, make_rows = LISTS["sessions list"]
    narrow = "\n".join(render(columns, make_rows(), 120, wide=False))
    wide = "\n".join(render(columns, make_rows(), 120, wide=True))
    assert "Morgan Ellis" not in narrow and "Morgan Ellis" in wide
