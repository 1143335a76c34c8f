"""Driving the web app through its named endpoints: shared steps for the API tests and benches."""

from __future__ import annotations

from typing import Any

from gradio_client import Client


def start_sample(
    client: Client, persona: str = "anxious-hiring-manager", answers: int = 4, minutes: int = 30
) -> Any:
    """Start an interview at the sample company with its shipped research; returns the result."""
    return client.predict(
        persona,
        "Larkspur Health",
        "Product Analyst",
        "Sam",
        "Larkspur Health (sample)",
        "",
        answers,
        minutes,
        api_name="/start",
    )
