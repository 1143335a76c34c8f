"""The sample interviews of docs/quality.md: each core persona on the embedded model, seeded.

Runs `roleplay chat` as a user would (the sample company and its research, a fresh data folder,
ROLEPLAY_SEED=7) with scripted answers piped in, and prints each conversation.
Run: .venv/bin/python bench/transcripts.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ANSWERS = {
    # A specific answer, a dodge, a red flag, a question, a goodbye.
    "anxious-hiring-manager": [
        "At my last job I rebuilt the cohort model myself and cut monthly churn from 4.1 to "
        "3.2 percent in two quarters.",
        "I'd rather not get into that one.",
        "Honestly, my last manager was clueless, so we argued a lot.",
        "When did Trellis launch?",
        "Thank you, I won't keep you any longer.",
    ],
    # Questions the research answers and one it cannot, a specific answer, everyday asks.
    "relaxed-industry-leader": [
        "Thanks for making time. What does the Insights team work on?",
        "Which tools does the team use day to day?",
        "I taught myself SQL last year and cut my clinic's waiting list by a third.",
        "Is there anyone else you think I should talk to?",
        "Could I follow up in a couple of months?",
        "Thanks so much, I won't keep you any longer.",
    ],
}


def transcript(persona: str, answers: list[str]) -> str:
    roleplay = Path(sys.executable).with_name("roleplay")
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
        env.update({"ROLEPLAY_DATA_DIR": folder, "ROLEPLAY_SEED": "7", "COLUMNS": "2000"})
        command = ["chat", "--persona", persona, "--turns", str(len(answers) + 1), "--no-report"]
        done = subprocess.run(
            [str(roleplay), *command],
            input="\n".join(answers) + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
            check=True,
        )
    conversation = done.stdout.split("Debrief")[0]
    return "\n".join(line.rstrip("─ ").rstrip() for line in conversation.splitlines()).strip()


def main() -> None:
    for persona, answers in ANSWERS.items():
        print(f"### {persona}\n")
        print(transcript(persona, answers))
        print()


if __name__ == "__main__":
    main()
