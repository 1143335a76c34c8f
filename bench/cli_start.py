"""How long the ``roleplay`` command takes to answer: the median of 10 runs of ``--help``,
``personas list``, ``sessions list`` and ``models list``, each a fresh process (what a user
waits for), on a data directory holding 30 saved interviews.
Run: .venv/bin/python bench/cli_start.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = [["--help"], ["personas", "list"], ["sessions", "list"], ["models", "list"]]
ROLEPLAY = Path(sys.executable).with_name("roleplay")


def median_seconds(args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([str(ROLEPLAY), *args], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def save_interviews(data: str, count: int = 30) -> None:
    """``count`` saved interviews of four turns each, for ``sessions list`` to read."""
    from roleplay.core.notes import PrivateNotes
    from roleplay.core.personas import PersonaLibrary
    from roleplay.core.resources import shipped_dir
    from roleplay.core.session import Session, Setting
    from roleplay.core.settings import Settings
    from roleplay.history.sessions import SessionStore

    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    store = SessionStore.open(Settings(data_dir=Path(data)))
    for n in range(count):
        session = Session(
            persona_id=persona.id,
            persona_name=persona.name,
            mode=persona.mode,
            setting=Setting(company=f"Company {n}", role="Product Analyst", candidate="Sam"),
            max_turns=8,
            minutes=30,
            notes=PrivateNotes.initial(persona),
        )
        for said in ("Tell me about yourself.", "I build dashboards.") * 2:
            session.add_turn("interviewer" if said.startswith("Tell") else "candidate", said)
        store.record(session)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as data:
        # No Ollama answers on this port: `models list` asks it and moves on.
        env = {
            **os.environ,
            "ROLEPLAY_DATA_DIR": data,
            "ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9",
        }
        save_interviews(data)
        print(f"median of {runs} runs, each a new process:")
        for args in COMMANDS:
            print(f"  roleplay {' '.join(args):<16} {median_seconds(args, runs, env):.2f} s")


if __name__ == "__main__":
    main()
