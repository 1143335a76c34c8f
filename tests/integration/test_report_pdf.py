"""The report as a PDF, as a user makes it from the terminal, read back with poppler's
pdftotext: the scores, the candidate's words and the stronger answers are all in it, on A4 or
US Letter as the settings say. A copy of each is kept in test-artifacts/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.pages import ARTIFACTS

ANSWERS = [
    "At my last job our clinic had a backlog of lab reports. I built a triage script myself.",
    "Honestly I guess it went fine.",
]


@pytest.fixture
def saved(run_cli) -> str:
    held = run_cli("chat", "--turns", "2", "--no-pack", stdin="\n".join(ANSWERS) + "\n")
    assert held.returncode == 0, held.stderr
    return json.loads(run_cli("sessions", "list", "--json").stdout)[0]["id"]


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
