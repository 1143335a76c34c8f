"""``scripts/cluster.sh`` run as a user runs it, for the cluster tests and ``bench/cluster.py``:
started in its own process group, read back through its ``--info`` file, stopped with SIGTERM
(which removes everything it made). Also: a page through the balancer, and a process's
figures read from its ``/metrics``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.support.rawqueue import RawClient
from tests.support.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
PERSONA = "anxious-hiring-manager"
SAMPLE = "Larkspur Health (sample)"


@contextmanager
def running_cluster(processes: int = 3, timeout: float = 900) -> Iterator[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(prefix="roleplay-cluster-test-"))
    info_file, log = folder / "cluster.json", folder / "cluster.log"
    command = ["bash", str(ROOT / "scripts" / "cluster.sh"), "--processes", str(processes)]
    command += ["--port", str(free_port()), "--info", str(info_file)]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=clean, start_new_session=True
        )
    try:
        deadline = time.monotonic() + timeout
        while not info_file.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the cluster did not start:\n{log.read_text()[-4000:]}")
            time.sleep(0.5)
        yield json.loads(info_file.read_text())
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def page(url: str) -> RawClient:
    """A new browser page (its own identity cookie and page id)."""
    raw = RawClient(url)
    raw.open_page()
    return raw


def start(raw: RawClient, candidate: str = "Sam", pack: str = SAMPLE) -> list[Any]:
    return raw.call(
        "start", PERSONA, "Larkspur Health", "Analyst", candidate, pack, "", 8, 30, None
    )


def figure(app_url: str, name: str) -> float:
    """One figure of an app process (summed over its labels)."""
    text = httpx.get(f"{app_url}/metrics", timeout=10).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    )
