"""The live app as the attack tests see it: its URL, its database opened from the test (accounts
and scenarios made straight in it), and an attacker's raw queue client."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.history.sessions import SessionStore
from tests.support.builders import PASSWORD
from tests.support.rawqueue import RawClient

PERSONA = "anxious-hiring-manager"
SAMPLE = "Larkspur Health (sample)"
NOTES = "# Ferry notes\n\nTernwick Ferries charges its boats in nine minutes at Cowes.\n"
HEX_FOLDER = re.compile(r"^[0-9a-f]{32}$")


class World:
    """The live app, and its database opened from the test (accounts made straight in it)."""

    def __init__(self, url: str, settings: Settings):
        self.url = url
        self.settings = settings
        self.data_dir = settings.data_dir
        self.factory = open_database(settings)
        self.history = SessionStore(self.factory)
        self.accounts = Accounts(self.factory)
        self.catalogue = Catalogue(self.factory)

    def person(self, role: str) -> str:
        name = f"{role}-{uuid.uuid4().hex[:8]}"
        self.accounts.add(name, role, PASSWORD)  # type: ignore[arg-type]
        return name

    def scenario(self, coach: str, **changes: object) -> str:
        account = next(a for a in self.accounts.list() if a.name == coach)
        spec = ScenarioSpec(
            title="Ferry analyst",
            persona=PERSONA,
            company="Ternwick Ferries",
            role="Analyst",
            packs=[SAMPLE],
            turns=2,
            minutes=20,
        )
        return self.catalogue.create(account, spec.model_copy(update=changes)).code

    def client(self, who: str | None = None, scenario: str | None = None) -> RawClient:
        raw = RawClient(self.url)
        if scenario:
            raw.call("open_scenario", scenario, None)
        if who:
            state = raw.call("sign_in", who, PASSWORD, None)
            assert f"Signed in as **{who}**" in str(state), state
        return raw


def start(raw: RawClient, *, company: str = "Acme", turns: object = 2, minutes: object = 10):
    return raw.call("start", PERSONA, company, "Analyst", "Sam", SAMPLE, "", turns, minutes, None)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
