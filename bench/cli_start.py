"""How long the ``roleplay`` command takes to answer: the median of 10 runs of ``--help``,
``personas list``, ``sessions list`` and ``models list``, each a fresh process (what a user
waits for), on an empty data directory. Run: .venv/bin/python bench/cli_start.py [runs]
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


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as data:
        # No Ollama answers on this port: `models list` asks it and moves on.
        env = {
            **os.environ,
            "ROLEPLAY_DATA_DIR": data,
            "ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9",
        }
        subprocess.run([str(ROLEPLAY), "sessions", "list"], env=env, capture_output=True)
        print(f"median of {runs} runs, each a new process:")
        for args in COMMANDS:
            print(f"  roleplay {' '.join(args):<16} {median_seconds(args, runs, env):.2f} s")


if __name__ == "__main__":
    main()
