"""The report as a PDF, as a user makes it from the terminal, read back with poppler's
pdftotext: the scores, the candidate's words and the stronger answers are all in it, on A4 or
US Letter as the settings say. A copy of each is kept in test-artifacts/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import now
from roleplay.core.settings import Settings
from roleplay.history.sessions import SessionStore
from tests.support.builders import new_session
from tests.support.pages import ARTIFACTS

ANSWERS = [
    "At my last job our clinic had a backlog of lab reports. I built a triage script myself.",
    "Honestly I guess it went fine.",
]


@pytest.fixture
def saved(isolated_environment: Path) -> str:
    """A finished interview, saved as the terminal saves one (the report is the claim here;
    holding the interview is tests/integration/test_resume.py's)."""
    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    said = [
        ("interviewer", "Walk me through a piece of work you are proud of, and your part in it?"),
        ("candidate", ANSWERS[0]),
        ("interviewer", "How do you handle a colleague who disagrees with you?"),
        ("candidate", ANSWERS[1]),
        ("interviewer", "Thank you, Sam; we'll be in touch about next steps soon."),
    ]
    done = new_session(persona, said=said, max_turns=2, end_reason="turn_limit", ended_at=now())
    SessionStore.open(Settings()).record(done)
    return done.id


@pytest.mark.parametrize(("paper", "size"), [("A4", "595.276 x 841.89"), ("Letter", "612 x 792")])
def test_the_pdf_holds_the_scores_the_words_and_the_stronger_answers(
    run_cli, saved: str, tmp_path: Path, paper: str, size: str
) -> None:
    pdf = tmp_path / "report.pdf"
    paper_env = {"ROLEPLAY_PAPER": paper}
    made = run_cli("report", saved, "--format", "pdf", "-o", str(pdf), env=paper_env)
    assert made.returncode == 0, made.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / f"report-{paper.lower()}.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert f"{size} pts" in " ".join(info.stdout.split())
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    report = json.loads(run_cli("report", saved, "--format", "json").stdout)
    for criterion in report["criteria"]:
        assert criterion["name"] in text
    assert "Scores" in text and "A stronger answer to each question" in text
    assert "I built a triage script myself." in text  # the candidate's own words
    assert "[the result: what changed because of your work, and by how much]" in text
    assert "Honestly I guess it went fine." in text  # named as left out
    assert "What Morgan Ellis privately thought" in text


def test_a_pdf_needs_a_file_to_go_to(run_cli, saved: str) -> None:
    result = run_cli("report", saved, "--format", "pdf")
    assert result.returncode == 1 and "add -o REPORT.pdf" in result.stderr
