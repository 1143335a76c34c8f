"""The second attack pass on a live `roleplay serve`, through the raw queue API as an attacker
would call it (and Chromium for what a page renders): the seven holes it found, each refused.
Storage attacks run on the app's SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from playwright.sync_api import Browser, expect

from roleplay.core.settings import Settings
from roleplay.web.identity import COOKIE, issue
from roleplay.web.keys import PAGE_STORAGE_KEY_FILE
from roleplay.wiring.processes import LOCK_FILE
from tests.support.attackworld import PASSWORD, PERSONA, World, start
from tests.support.pages import MINUTE, open_tab, shot
from tests.support.rawqueue import EventError, RawClient
from tests.support.servers import recording_server
from tests.support.sounds import tone, write_encoded, write_wav

HELD = "Your coach releases the feedback"
PRIVATE_NOTES = "privately thinking"


# -- 1. the identity cookie's key ------------------------------------------------------------


def config_text(world: World) -> str:
    """What every page is sent before it draws anything."""
    answer = httpx.get(f"{world.url.rstrip('/')}/config")
    answer.raise_for_status()
    return answer.text


def test_no_key_the_server_keeps_is_sent_to_any_page(world: World) -> None:
    world.client().open_page()
    sent = config_text(world) + httpx.get(world.url).text
    keys = {
        path.name: path.read_text().strip()
        for path in world.data_dir.iterdir()
        # The pages' storage key is public by design (Gradio sends it), and the server's lock
        # holds only its process id; every other small file at the top of the data directory
        # is a key of the server's own.
        if path.is_file()
        and path.stat().st_size < 1024
        and path.name not in (PAGE_STORAGE_KEY_FILE, LOCK_FILE)
    }
    assert keys, "the server keeps its identity key in the data directory"
    for name, key in keys.items():
        assert key not in sent, name


def test_a_cookie_signed_with_what_pages_are_sent_is_a_new_browser(
    world: World, notes: Path
) -> None:
    victim = RawClient(world.url)
    victim_id = victim.open_page().cookies[COOKIE].split(".")[0]
    victim.call("arrive", None)
    status, pack, _ = victim.call("upload_research", [victim.upload(notes)], None)
    assert "added" in status
    assert victim_id in pack["value"]  # the whole id names the pack, not a prefix of it
    config = json.loads(config_text(world))
    published = [
        c["props"]["secret"] for c in config["components"] if c.get("props", {}).get("secret")
    ]
    assert published
    for secret in published:
        forged = RawClient(world.url, cookies={COOKIE: issue(secret, victim_id)})
        choices = [value for _label, value in forged.call("arrive", None)[1]["choices"]]
        assert pack["value"] not in choices


# -- 2. feedback held for review ------------------------------------------------------------


def finished_attempt(world: World, answer: str) -> dict[str, Any]:
    """A learner's finished, scored attempt at a scenario whose coach releases the feedback."""
    coach = world.person("coach")
    code = world.scenario(coach, feedback="after_review")
    learner = world.person("learner")
    tab = world.client(learner, code)
    start(tab)
    tab.call("send", answer, None)
    tab.call("end", None)
    tab.call("feedback", None)  # scored and saved, but not shown
    attempt = world.history.list(user=learner)[0].id
    assert world.history.latest_report(attempt) is not None
    return {"coach": coach, "code": code, "learner": learner, "tab": tab, "attempt": attempt}


@pytest.fixture(scope="module")
def held(world: World) -> dict[str, Any]:
    return finished_attempt(
        world, "I led the billing migration and cut the monthly close by two days."
    )


def shown_to(raw: RawClient) -> str:
    """Everything the page gets after an attempt: its debrief, report and the files."""
    return str(raw.call("debrief", None)) + str(raw.call("feedback", None))


def history_of(raw: RawClient) -> tuple[list[list[Any]], Any]:
    outputs = raw.call("history", None)
    return outputs[0]["data"], outputs[2]


def test_held_feedback_shows_nowhere_to_its_learner(world: World, held: dict[str, Any]) -> None:
    tab = held["tab"]
    shown = shown_to(tab)
    assert HELD in shown and PRIVATE_NOTES not in shown and ".json" not in shown
    rows, progress = history_of(tab)
    assert rows and all(row[5] in ("", None) for row in rows)  # no score in the table
    assert not (progress or {}).get("value", {}).get("data")  # and no point on the chart
    later = world.client(held["learner"], held["code"])  # another page, signed in again
    reopened = later.call("reopen", held["attempt"], None)
    assert HELD in str(reopened[-1])
    assert HELD in shown_to(later) and PRIVATE_NOTES not in shown_to(later)


def test_signing_out_does_not_release_held_feedback(world: World, held: dict[str, Any]) -> None:
    tab = world.client(held["learner"], held["code"])
    tab.call("reopen", held["attempt"], None)
    tab.call("sign_out", None, None)
    shown = shown_to(tab)
    assert PRIVATE_NOTES not in shown and ".json" not in shown and ".md" not in shown


def test_released_feedback_reaches_its_learner(world: World) -> None:
    attempt = finished_attempt(world, "I have run the ferry timetable analysis for three years.")
    world.client(attempt["coach"]).call("release", attempt["attempt"], None)
    rows, _progress = history_of(world.client(attempt["learner"], attempt["code"]))
    assert rows[0][5] not in ("", None)
    assert PRIVATE_NOTES in shown_to(attempt["tab"])


# -- 3. what a shared scenario file makes a page render --------------------------------------

HOST = "//127.0.0.1:9"
MARKUP = [f"<img src={HOST}/x.png>", f"![p]({HOST}/x.png?leak=1)", f"[click]({HOST}/login)"]


def scenario_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def hostile_files(folder: Path) -> list[Path]:
    """Scenario files whose every error names markup: unknown keys, unknown packs, a bad
    persona, a YAML syntax error."""
    base = {"title": "T", "persona": PERSONA, "company": "X", "role": "Y"}
    return [
        scenario_file(folder, "keys.yaml", yaml.safe_dump({**base, **dict.fromkeys(MARKUP, 1)})),
        scenario_file(folder, "packs.yaml", yaml.safe_dump({**base, "packs": MARKUP})),
        scenario_file(folder, "persona.yaml", yaml.safe_dump({**base, "persona": MARKUP[1]})),
        scenario_file(folder, "syntax.yaml", f"title: [{MARKUP[0]}\nrole: {MARKUP[1]}\n"),
    ]


def renders_nothing_from_another_host(markdown: str) -> bool:
    return "<img" not in markdown and "](" not in markdown and " //127" not in markdown


def test_scenario_file_errors_and_titles_render_as_text(world: World, tmp_path: Path) -> None:
    coach = world.client(world.person("coach"))
    for path in hostile_files(tmp_path):
        status, _ = coach.call("import_scenario", coach.upload(path), None)
        assert status.startswith("⚠️"), path.name
        assert renders_nothing_from_another_host(status), (path.name, status)
    titled = scenario_file(
        tmp_path,
        "titled.yaml",
        yaml.safe_dump({"title": MARKUP[1], "persona": PERSONA, "company": "X", "role": "Y"}),
    )
    status, pick = coach.call("import_scenario", coach.upload(titled), None)
    assert "Imported" in status and renders_nothing_from_another_host(status)
    question = coach.call("ask_delete", pick["value"], None)[1]
    deleted = coach.call("delete_scenario", pick["value"], None)[0]
    assert "Deleted" in deleted
    for part in (question, deleted):
        assert renders_nothing_from_another_host(part), part


@pytest.fixture
def attacker() -> Iterator[tuple[str, list[str]]]:
    """The attacker's server, named without its scheme (as a shared file would)."""
    with recording_server() as (url, seen):
        yield url.removeprefix("http:"), seen


def test_an_imported_file_cannot_make_a_coachs_page_fetch_from_another_host(
    browser: Browser, web_server: tuple[str, Path], tmp_path: Path, attacker: tuple[str, list]
) -> None:
    web, data_dir = web_server
    host, seen = attacker
    world = World(web, Settings(data_dir=data_dir))
    name = world.person("coach")
    hostile = tmp_path / "shared.yaml"
    markup = {f"<img src={host}/key.png>": 1, f"![p]({host}/md.png?leak=1)": 2}
    hostile.write_text(yaml.safe_dump({"title": "T", "persona": PERSONA, **markup}))
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(web)
    page.get_by_text("Sign in (coaches and learners)").click()
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#account")).to_contain_text(f"Signed in as {name}", timeout=MINUTE)
    open_tab(page, "Coach")
    page.get_by_text("Share a scenario as a file").click()
    page.locator("input[type=file][accept*='.yaml']").set_input_files(str(hostile))
    page.get_by_role("button", name="Import it as a new scenario").click()
    status = page.locator("#import-status")
    expect(status).to_contain_text("⚠️", timeout=MINUTE)
    page.wait_for_timeout(1500)  # time for any image the page might load
    shot(page, "19-import-error-as-text")
    assert status.locator("img").count() == 0 and status.locator("a").count() == 0
    assert seen == []


# -- 4. the sign-in limit cannot be reset by a look-alike name -------------------------------


def test_a_name_differing_only_in_case_cannot_sign_up_or_reset_the_limit(world: World) -> None:
    victim = world.person("learner")
    coach = world.person("coach")
    code = world.scenario(coach, allow_signup=True)
    raw = world.client(scenario=code)
    outputs = raw.call("sign_up", victim.upper(), PASSWORD, None)
    assert "not available" in str(outputs)
    guesser = RawClient(world.url)
    answers = [str(guesser.call("sign_in", victim, f"guess {n}", None)) for n in range(6)]
    assert "Too many tries" in answers[-1]  # the limit (3 in this app) holds...
    # ...and signing in as the victim's name in capitals is the victim, still waiting.
    assert "Too many tries" in str(guesser.call("sign_in", victim.upper(), PASSWORD, None))


# -- 5. a "recording" that names other files ------------------------------------------------


def test_a_playlist_posing_as_a_recording_reads_no_file_of_the_server(
    world: World, tmp_path: Path
) -> None:
    target = write_encoded(tmp_path / "server-side.mp3", tone(2.0, 48_000), "libmp3lame")
    playlist = tmp_path / "answer.m3u8"
    playlist.write_text(
        f"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n{target}\n#EXT-X-ENDLIST\n"
    )
    concat = tmp_path / "answer.ffconcat"
    concat.write_text(f"ffconcat version 1.0\nfile '{target}'\n")
    raw = RawClient(world.url)
    raw.call("arrive", None)
    start(raw)
    for fake in (playlist, concat):
        outputs = raw.call("answer_aloud", raw.upload(fake), False, None)
        assert "not a recording this app can read" in outputs[2], fake.name
        assert outputs[5] in (None, "", {}) or "not" in str(outputs[2])
    real = raw.call(
        "answer_aloud", raw.upload(write_wav(tmp_path / "a.wav", tone(2.0))), False, None
    )
    assert "not a recording" not in real[2]  # a real recording is still heard


# -- 6. imported research is held to an upload's rules ----------------------------------------


def test_imported_research_is_split_and_capped_like_an_upload(world: World, tmp_path: Path) -> None:
    coach = world.client(world.person("coach"))
    base = {"title": "Ferries", "persona": PERSONA, "company": "X", "role": "Y"}
    long_passage = "Ternwick Ferries charges its boats at Cowes in nine minutes. " * 400
    one = {
        "name": "Ferry notes",
        "sources": [{"name": "a.md", "passages": [{"text": long_passage}]}],
    }
    split = scenario_file(
        tmp_path, "long.yaml", yaml.safe_dump({**base, "packs": ["Ferry notes"], "research": [one]})
    )
    status, _ = coach.call("import_scenario", coach.upload(split), None)
    assert "Imported" in status, status
    from roleplay.wiring.knowledge import open_store

    store = open_store(world.settings)
    installed = [p for p in store.packs() if p.name.startswith("Ferry notes")][-1]
    passages = store.passages(installed.name)["a.md"]
    assert len(passages) > 20 and max(len(c.text) for c in passages) <= 700

    many = [{"name": f"s{n}.md", "passages": [{"text": "A fact."}]} for n in range(21)]
    crowded = {"name": "Crowd", "sources": many}
    too_many = scenario_file(
        tmp_path, "many.yaml", yaml.safe_dump({**base, "packs": ["Crowd"], "research": [crowded]})
    )
    status, _ = coach.call("import_scenario", coach.upload(too_many), None)
    assert "import at most 20" in status
    assert not any(p.name.startswith("Crowd") for p in store.packs())


# -- 7. file inputs that are addresses ------------------------------------------------------


def test_a_file_input_naming_an_address_is_refused_before_anything_is_fetched(
    world: World,
) -> None:
    raw = RawClient(world.url)
    raw.call("arrive", None)
    remote = {"path": "http://files.example.com/notes.md", "meta": {"_type": "gradio.FileData"}}
    for name in ("upload_research", "upload_cv"):
        with pytest.raises(EventError, match="does not fetch files from addresses"):
            raw.call(name, [remote], None)
    coach = world.client(world.person("coach"))
    with pytest.raises(EventError, match="does not fetch files from addresses"):
        coach.call("import_scenario", remote, None)
