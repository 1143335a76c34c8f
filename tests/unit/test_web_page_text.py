"""Every Markdown value the page shows passes page_text, also once Gradio has rebuilt the
component for a page (it does so for every gr.update) and for every value after that."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.web.page_markdown import PageMarkdown, page_markdown
from tests.support.builders import PASSWORD
from tests.support.rawqueue import RawClient
from tests.support.webapp import RunningApp, running_app

MARKUP = "![x](//127.0.0.1:9/x.png) [click](https://127.0.0.1:9/) <img src=//127.0.0.1:9/y>"


def shows_nothing_from_another_host(markdown: str) -> bool:
    return "](" not in markdown and "<img" not in markdown


def test_a_component_rebuilt_from_its_class_keeps_the_rule() -> None:
    first = page_markdown("hello")
    rebuilt = first.__class__(**first.constructor_args)  # what Gradio does for a gr.update
    assert isinstance(rebuilt, PageMarkdown)
    assert shows_nothing_from_another_host(rebuilt.postprocess(MARKUP))
    assert rebuilt.get_block_name() == "markdown"  # drawn by Gradio's own Markdown


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with running_app(tmp_path_factory.mktemp("page-text") / "data") as running:
        yield running


def test_a_scenario_brief_sent_as_an_update_shows_no_markup(served: RunningApp) -> None:
    services = served.services
    coach = services.accounts.add("cora", "coach", PASSWORD)
    spec = ScenarioSpec(
        title=f"Tides {MARKUP}",
        persona="anxious-hiring-manager",
        company="Quillon",
        role="Analyst",
        packs=["Larkspur Health (sample)"],
        objectives=[MARKUP],
    )
    code = services.catalogue.create(coach, spec).code
    page = RawClient(served.url)
    page.call("arrive", None)
    for _ in range(2):  # the second through the component Gradio rebuilt for this page
        outputs = page.call("open_scenario", code, None)
        brief = " ".join(str(o.get("value", "")) for o in outputs if isinstance(o, dict))
        assert "Tides" in brief and shows_nothing_from_another_host(brief), brief
