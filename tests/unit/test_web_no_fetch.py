"""The app reaches no server the user did not configure: with every connection and name lookup
beyond loopback watched, every upload of the page is driven with a real file and with an
address posing as one. Addresses are refused before Gradio sees them (it would download a
public one, and ask a public DNS-over-HTTPS service about a name it cannot resolve)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from roleplay.web.remote_files import REFUSED, names_an_address
from tests.support.builders import PASSWORD
from tests.support.rawqueue import EventError, RawClient
from tests.support.sounds import tone, write_wav
from tests.support.webapp import RunningApp, running_app

LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")


@pytest.fixture(scope="module")
def outside() -> Iterator[list[str]]:
    """Every connection or name lookup beyond loopback, refused and written down."""
    seen: list[str] = []
    connect, lookup = socket.socket.connect, socket.getaddrinfo

    def watched_connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(LOOPBACK):
            seen.append(f"connect {host}")
            raise ConnectionRefusedError(f"no network in this test ({host})")
        connect(self, address)

    def watched_lookup(host: object, *args: object, **kwargs: object):
        if host and not str(host).startswith(LOOPBACK):
            seen.append(f"lookup {host}")
            raise socket.gaierror(f"no network in this test ({host})")
        return lookup(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", watched_connect)
        patch.setattr(socket, "getaddrinfo", watched_lookup)
        yield seen


@pytest.fixture(scope="module")
def served(outside: list[str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with running_app(tmp_path_factory.mktemp("no-fetch") / "data") as running:
        running.services.accounts.add("ana", "coach", PASSWORD)
        yield running


@pytest.fixture
def page(served: RunningApp) -> RawClient:
    raw = RawClient(served.url)
    raw.open_page()
    raw.call("arrive", None)
    return raw


@pytest.fixture
def coach(page: RawClient) -> RawClient:
    assert "Signed in as **ana**" in str(page.call("sign_in", "ana", PASSWORD, None))
    return page


def remote(path: str = "http://files.interview-roleplay.test/notes.md") -> dict:
    return {"path": path, "orig_name": "notes.md", "meta": {"_type": "gradio.FileData"}}


ADDRESSES = [
    "http://files.interview-roleplay.test/notes.md",
    "https://93.184.215.14/cv.pdf",
    "HTTPS://files.interview-roleplay.test/x",
    "data:text/plain;base64,SGVsbG8=",
]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    notes = tmp_path / "notes.md"
    notes.write_text("# Quillon\n\nQuillon Labs makes tidal sensors for harbours.\n")
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(
        yaml.safe_dump(
            {"title": "Tides", "persona": "anxious-hiring-manager", "company": "Q", "role": "R"}
        )
    )
    card = tmp_path / "card.json"
    card.write_text(
        '{"spec": "chara_card_v2", "spec_version": "2.0", "data": {"name": "Ivy Hart",'
        ' "description": "A hiring lead at a sensor company.", "personality": "calm"}}'
    )
    return {
        "notes": notes,
        "scenario": scenario,
        "card": card,
        "recording": write_wav(tmp_path / "answer.wav", tone(1.0)),
    }


def editor(files: list) -> list:
    fields = ["Tides", "anxious-hiring-manager", "Q", "R", [], "", "", 2, 10]
    return [None, *fields, "standard", "immediate", 0, "", False, "", files, None]


def test_every_upload_refuses_an_address_before_gradio_fetches_it(
    page: RawClient, coach: RawClient, outside: list[str]
) -> None:
    calls = {
        "upload_research": lambda f: [[f], None],
        "upload_cv": lambda f: [[f], None],
        "import_card": lambda f: [f, "formal", None],
        "answer_aloud": lambda f: [f, False, None],
        "import_scenario": lambda f: [f, None],
        "save_scenario": lambda f: editor([f]),
    }
    for name, inputs in calls.items():
        for address in ADDRESSES:
            with pytest.raises(EventError, match=REFUSED[:40]):
                coach.call(name, *inputs(remote(address)))
    assert outside == []


def test_every_upload_of_a_real_file_reaches_no_other_server(
    coach: RawClient, files: dict[str, Path], outside: list[str]
) -> None:
    assert "added" in coach.call("upload_research", [coach.upload(files["notes"])], None)[0]
    assert "added" in coach.call("upload_cv", [coach.upload(files["notes"])], None)[0]
    assert "Ivy Hart" in str(coach.call("import_card", coach.upload(files["card"]), "formal", None))
    assert "Imported" in coach.call("import_scenario", coach.upload(files["scenario"]), None)[0]
    assert "Saved" in coach.call("save_scenario", *editor([coach.upload(files["notes"])]))[0]
    coach.call("start", "anxious-hiring-manager", "Q", "R", "Sam", "Larkspur Health (sample)",
               "", 2, 10, None)  # fmt: skip
    playlist = files["notes"].with_name("answer.m3u8")
    playlist.write_text("#EXTM3U\n#EXTINF:1.0,\nhttp://files.interview-roleplay.test/a.wav\n")
    heard = coach.call("answer_aloud", coach.upload(playlist), False, None)
    assert "not a recording this app can read" in heard[2]
    assert outside == []


def test_the_file_route_given_an_address_fetches_nothing(
    served: RunningApp, outside: list[str]
) -> None:
    for address in ADDRESSES[:3]:
        for method in ("GET", "HEAD"):
            answer = httpx.request(method, f"{served.url}gradio_api/file={address}")
            assert answer.status_code == 400, (method, address)
    assert outside == []


def test_nested_and_odd_file_values_are_read_for_addresses() -> None:
    assert names_an_address({"data": [[{"path": "http://x.test/a"}]]})
    assert names_an_address({"data": [{"value": {"path": " ftp://x.test/a"}}]})
    assert not names_an_address({"data": [{"path": "/tmp/gradio/abc/notes.md"}]})
    assert not names_an_address({"data": [{"path": "C:/Users/sam/notes.md"}, "http://x.test"]})
    deep: dict = {}
    node = deep
    for _ in range(100):
        node["next"] = {}
        node = node["next"]
    assert names_an_address(deep)  # deeper than any page sends: refused, not walked
