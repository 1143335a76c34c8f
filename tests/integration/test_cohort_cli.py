"""``roleplay cohort`` as a coach uses it: a cohort from a roster CSV, its one-time links, an
assignment with a due date, and the report as text, JSON and CSV. The installed command, run
as a user would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

ROSTER = "name,email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\nBad,nope\n"


def test_a_coach_builds_a_cohort_and_reads_its_report(run_cli, tmp_path: Path) -> None:
    def ok(*args: str) -> str:
        done = run_cli(*args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    ok("users", "add", "ana", "--coach", "--password", "ana's password")
    code = ok(
        "scenario",
        "create",
        "--title",
        "Analyst at Quillon",
        "--persona",
        "anxious-hiring-manager",
        "--company",
        "Quillon",
        "--role",
        "Analyst",
    ).strip()
    ok("cohort", "create", "Spring 2027")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    imported = run_cli("cohort", "import", "Spring 2027", str(roster))
    # A bad row is named and skipped, and the exit code says so; the good rows are in.
    assert imported.returncode == 1
    assert "row 4: 'nope' is not an e-mail address." in imported.stderr
    links = dict(line.split("\t") for line in imported.stdout.splitlines())
    assert sorted(links) == ["ada@example.org", "grace@example.org"]
    assert all(
        link.startswith("http://127.0.0.1:7860/set-password?token=") for link in links.values()
    )
    ok("cohort", "assign", "Spring 2027", code, "--due", "2027-03-31")
    text = ok("cohort", "report", "Spring 2027")
    assert "Spring 2027: 2 learner(s), 1 scenario(s) assigned" in text
    report = json.loads(ok("cohort", "report", "Spring 2027", "--json"))
    assert report["assignments"][0]["not_attempted"] == ["ada@example.org", "grace@example.org"]
    assert report["assignments"][0]["due"].startswith("2027-03-31T23:59")
    rows = list(csv.DictReader(io.StringIO(ok("cohort", "report", "Spring 2027", "--csv"))))
    assert [r["full_name"] for r in rows] == ["Ada Lovelace", "Grace Hopper"]
    refused = run_cli("cohort", "report", "Autumn")
    assert refused.returncode == 1 and "You have no cohort called 'Autumn'" in refused.stderr
