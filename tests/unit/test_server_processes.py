"""What each server process tells a balancer and an operator (``/healthz``, ``/readyz``,
``/metrics``), and the lock that keeps a second process off the embedded store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client import REGISTRY
from starlette.applications import Starlette
from starlette.testclient import TestClient

from roleplay.core.settings import Settings
from roleplay.llm.errors import ModelError
from roleplay.web.health_routes import health_routes
from roleplay.web.services import Services
from roleplay.wiring import metrics
from roleplay.wiring.processes import AlreadyServing, hold_data_dir
from tests.support.servers import free_port


def client_for(settings: Settings) -> TestClient:
    return TestClient(Starlette(routes=health_routes(Services(settings))))


def test_a_live_process_says_so(tmp_path: Path) -> None:
    response = client_for(Settings(data_dir=tmp_path)).get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "alive"}


def test_a_process_whose_parts_answer_is_ready(tmp_path: Path) -> None:
    response = client_for(Settings(data_dir=tmp_path)).get("/readyz")
    assert response.status_code == 200
    assert response.json()["parts"] == {"model": "ok", "database": "ok", "research store": "ok"}


def test_a_dead_store_makes_the_process_not_ready_without_saying_where_it_is(
    tmp_path: Path,
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    response = client_for(Settings(data_dir=tmp_path, chroma_url=dead)).get("/readyz")
    assert response.status_code == 503
    assert response.json()["parts"]["research store"] == "failing"
    assert "127.0.0.1" not in response.text


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_streamed_turn_is_counted_and_timed() -> None:
    turns, timed = sample("roleplay_turns_total"), sample("roleplay_first_text_seconds_count")
    clock = iter([0.0, 0.4, 1.5])
    assert "".join(metrics.timed_turn(iter(["Tell ", "me."]), clock=lambda: next(clock))) == (
        "Tell me."
    )
    assert sample("roleplay_turns_total") == turns + 1
    assert sample("roleplay_first_text_seconds_count") == timed + 1
    assert sample("roleplay_reply_seconds_bucket", le="2.0") >= 1


@pytest.mark.parametrize("kind", ["timeout", "error"])
def test_a_failed_turn_counts_as_a_model_error_of_its_kind(kind: str) -> None:
    before = sample("roleplay_model_errors_total", kind=kind)

    def failing() -> Iterator[str]:
        yield "Tell "
        raise ModelError("the model server did not answer", kind=kind)

    with pytest.raises(ModelError):
        list(metrics.timed_turn(failing()))
    assert sample("roleplay_model_errors_total", kind=kind) == before + 1


def test_the_figures_read_as_prometheus_text(tmp_path: Path) -> None:
    metrics.track(lambda: 3, lambda: 2)
    response = client_for(Settings(data_dir=tmp_path)).get("/metrics")
    assert response.status_code == 200
    assert "roleplay_queue_depth 3.0" in response.text
    assert "roleplay_open_interviews 2.0" in response.text


def test_a_second_server_on_the_embedded_store_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    held = hold_data_dir(settings)
    try:
        with pytest.raises(AlreadyServing, match=rf"pid {os.getpid()}.*ROLEPLAY_CHROMA_URL"):
            hold_data_dir(settings)
    finally:
        assert held is not None
        os.close(held)
    os.close(hold_data_dir(settings) or -1)  # the lock went with its holder


def test_servers_on_a_chroma_server_and_postgresql_need_no_lock(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, chroma_url="http://chroma:8000", database_url="postgresql://db/app"
    )
    assert hold_data_dir(settings) is None
