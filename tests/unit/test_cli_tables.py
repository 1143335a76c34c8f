"""The command's lists read at 80 columns: a title keeps at least 20 characters and a row stays on
one line, at 80 and 120 columns (and ``--wide``, every column, on a wide terminal), for every
list: sessions, scenarios, personas, research packs, models and accounts."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from roleplay.cli.coaching import SCENARIO_COLUMNS, USER_COLUMNS, scenario_row
from roleplay.cli.history import SESSION_COLUMNS, session_row
from roleplay.cli.knowledge import PACK_COLUMNS, pack_row
from roleplay.cli.models import MODEL_COLUMNS, model_items, model_row
from roleplay.cli.personas import PERSONA_COLUMNS, persona_row
from roleplay.cli.shapes import PackItem, persona_item
from roleplay.cli.tables import TITLE_MIN, ListColumn
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.history.listing import SessionSummary
from roleplay.llm.model_catalogue import OllamaModel

# A pack's name is what other commands take, so it is never cut: a long one folds.
LONG_PACK = "Larkspur Health Foundation Trust: annual reviews 2023-2026"
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


def packs() -> list[PackItem]:
    built = PackItem(
        name=LONG_PACK, built=True, sources=12, chunks=480, embedder="local:all-MiniLM-L6-v2",
        description="",
    )  # fmt: skip
    sample = PackItem(
        name="Larkspur Health (sample)", built=False, sources=0, chunks=0, embedder=None,
        description="A fictional digital-health company; overview, annual review, careers page",
    )  # fmt: skip
    return [built, sample]


def model_rows() -> list[list[str]]:
    # The shipped catalogue, a long Ollama model name and a configured endpoint.
    config = Settings(llm_base_url="http://127.0.0.1:8080/v1", llm_model="qwen2.5-7b-instruct")
    served = [OllamaModel("hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M", 4_683_000_000)]
    return [model_row(item) for item in model_items(config, served)]


def persona_rows() -> list[list[str]]:
    library = PersonaLibrary([shipped_dir("personas")])
    return [persona_row(persona_item(p)) for p in library.all()]


LISTS = {
    "sessions list": (SESSION_COLUMNS, lambda: [session_row(s) for s in sessions()]),
    "scenario list": (SCENARIO_COLUMNS, lambda: [scenario_row(s) for s in scenarios()]),
    "personas list": (PERSONA_COLUMNS, persona_rows),
    "knowledge list": (PACK_COLUMNS, lambda: [pack_row(p) for p in packs()]),
    "models list": (MODEL_COLUMNS, model_rows),
    "users list": (USER_COLUMNS, lambda: [["ana", "coach"], ["leo-the-learner", "learner"]]),
}


def render(columns: list[ListColumn], rows: list[list[str]], width: int, wide: bool) -> list[str]:
    from roleplay.cli.tables import list_table

    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(list_table(columns, rows, wide=wide, width=width))
    return console.file.getvalue().splitlines()


def printed_rows(
    columns: list[ListColumn], rows: list[list[str]], width: int, wide: bool
) -> list[tuple[str, list[str]]]:
    """Each row as (its id as printed, the lines it is printed on): the same table with a
    blank line between rows (which changes no width), split at them."""
    from roleplay.cli.tables import list_table

    table = list_table(columns, rows, wide=wide, width=width)
    table.show_lines = True
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(table)
    lines = console.file.getvalue().splitlines()
    rule = next(n for n, line in enumerate(lines) if line.strip() and set(line.strip()) <= {"─"})
    printed: list[list[str]] = [[]]
    for line in lines[rule + 1 :]:
        if line.strip():
            printed[-1].append(line)
        else:
            printed.append([])
    # The id is the first column: its text on each of the row's lines, joined.
    id_width = table.columns[0].max_width or 0
    return [
        (" ".join(line[1 : 1 + id_width].strip() for line in row_lines), row_lines)
        for row_lines in printed
        if row_lines
    ]


@pytest.mark.parametrize("name", LISTS)
# --wide is every column, for a wide terminal (at 80 columns it is cut at the right edge).
@pytest.mark.parametrize(("width", "wide"), [(80, False), (120, False), (160, True)])
def test_a_list_reads_at_the_terminals_width(name: str, width: int, wide: bool) -> None:
    columns, make_rows = LISTS[name]
    rows = make_rows()
    titles = [i for i, c in enumerate(columns) if c.kind == "title" and (wide or not c.wide_only)]
    assert all(len(line) <= width for line in render(columns, rows, width, wide))
    printed = printed_rows(columns, rows, width, wide)
    assert len(printed) == len(rows)
    for row, (shown_id, lines) in zip(rows, printed, strict=True):
        assert len(lines) <= 2, lines  # a row on at most two lines
        assert shown_id.replace(" ", "") == row[0].replace(" ", "")  # the id whole, never cut
        for i in titles:  # a title keeps at least TITLE_MIN characters, on the row's first line
            assert row[i][:TITLE_MIN] in lines[0], (row[i][:TITLE_MIN], lines[0])


def test_a_row_whose_id_fits_stays_on_one_line() -> None:
    columns, make_rows = LISTS["sessions list"]
    printed = printed_rows(columns, make_rows(), 80, wide=False)
    assert [len(lines) for _, lines in printed] == [1, 1, 1]


def test_an_id_too_long_for_the_terminal_folds_onto_a_second_line() -> None:
    columns, make_rows = LISTS["knowledge list"]
    row = make_rows()[0]  # its name is 58 characters
    [(shown_id, lines)] = printed_rows(columns, [row], 80, wide=False)
    assert len(lines) == 2 and shown_id == row[0]


def test_wide_shows_the_columns_a_narrow_list_leaves_out() -> None:
    columns, make_rows = LISTS["sessions list"]
    narrow = "\n".join(render(columns, make_rows(), 120, wide=False))
    wide = "\n".join(render(columns, make_rows(), 120, wide=True))
    assert "Morgan Ellis" not in narrow and "Morgan Ellis" in wide
