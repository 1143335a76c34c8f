"""What the web app shares across all browser sessions: settings, personas, prompts, the model
and the pack store. Each is built once per process; per-user state lives in ``WebSession``.
"""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from roleplay.coaching.accounts import Account, Accounts
from roleplay.coaching.catalogue import Catalogue
from roleplay.coaching.reviews import Reviews
from roleplay.engine import Interview
from roleplay.feedback.rubrics import rubric_ids
from roleplay.history.sessions import SessionStore
from roleplay.knowledge import service as knowledge
from roleplay.knowledge.embeddings import Embedder, Yielding
from roleplay.knowledge.samples import SamplePack, ensure_pack, sample_packs
from roleplay.knowledge.store import PackStore
from roleplay.llm import ChatBackend, build_backend
from roleplay.personas import PersonaLibrary
from roleplay.prompts import Prompts
from roleplay.resources import shipped_dir
from roleplay.session import Session
from roleplay.settings import Settings

# Longest an ingest waits for replies to finish before embedding its next slice anyway (seconds).
INGEST_MAX_PAUSE = 20.0


@dataclass
class WebSession:
    """One browser session's own state: never shared, never listed to anyone else."""

    owner: str = field(default_factory=lambda: uuid.uuid4().hex)
    interview: Interview | None = None
    uploads: list[str] = field(default_factory=list)  # pack names this session created
    notice: str = ""
    account: Account | None = None  # a signed-in coach or learner
    scenario: str | None = None  # the code of the scenario this page was opened for

    @property
    def user(self) -> str:
        """Whose saved interviews these are: the signed-in account's, or else this browser's
        own (its id lives in the browser's storage)."""
        return self.account.name if self.account else f"browser:{self.owner}"


class Services:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.library = PersonaLibrary([shipped_dir("personas"), settings.user_personas_dir])
        self.prompts = Prompts.load(settings.prompts_dir)
        self._lock = threading.Lock()
        self._samples_ready = False

    @cached_property
    def backend(self) -> ChatBackend:
        return build_backend(self.settings)

    @cached_property
    def history(self) -> SessionStore:
        return SessionStore.open(self.settings)

    @cached_property
    def accounts(self) -> Accounts:
        return Accounts(self.history.factory, login_hours=self.settings.login_hours)

    @cached_property
    def catalogue(self) -> Catalogue:
        catalogue = Catalogue(self.history.factory)
        catalogue.ensure_samples()
        return catalogue

    @cached_property
    def reviews(self) -> Reviews:
        return Reviews(self.history.factory)

    @cached_property
    def browser_secret(self) -> str:
        """The key that encrypts each browser's identity in its localStorage. Kept in the data
        directory so that a restarted server still recognises returning browsers."""
        path = self.settings.data_dir / "browser-secret"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def recorder(self, session: WebSession) -> Callable[[Session], None]:
        user = session.user
        return lambda data: self.history.record(data, user=user)

    @cached_property
    def store(self) -> PackStore:
        store = knowledge.open_store(self.settings)
        # One user's ingest steps aside while anyone's interviewer is speaking; never for long,
        # so a busy app still finishes its uploads.
        activity = self.backend.activity
        store.embedder = Embedder(
            store.embedder.name,
            Yielding(store.embedder.model, lambda: activity.wait_until_quiet(INGEST_MAX_PAUSE)),
        )
        return store

    def samples(self) -> list[SamplePack]:
        return sample_packs()

    def warm_up(self) -> None:
        """Load the model and the embedder, build the sample packs and open the database,
        before users arrive."""
        self.history  # noqa: B018 - opening migrates the schema; fail now, not mid-interview
        loader = getattr(self.backend.chat, "load", None)
        if loader:
            loader()
        self.ensure_samples()
        self.store.embedder.model.embed_query("warm up")

    def ensure_samples(self) -> None:
        with self._lock:
            if self._samples_ready:
                return
            for shipped in self.samples():
                ensure_pack(
                    self.store,
                    shipped.name,
                    limits=knowledge.limits(self.settings),
                    chunking=knowledge.chunking(self.settings),
                )
            self._samples_ready = True

    def rubric_ids(self) -> list[str]:
        return rubric_ids(self.settings.rubrics_dir)

    def coach_packs(self, coach: str) -> list[str]:
        """The research a coach may put in a scenario: the company samples, shared packs, and
        the packs they uploaded for their scenarios; nobody else's."""
        samples = [s.name for s in self.samples() if s.kind == "company"]
        other = {s.name for s in self.samples() if s.kind != "company"}
        found = [p.name for p in self.store.packs(owner=f"coach:{coach}") if p.name not in other]
        return [*dict.fromkeys([*samples, *sorted(found)])]

    def visible_packs(self, session: WebSession, kind: str = "company") -> list[str]:
        """Shared packs of this kind, then this session's own uploads; nobody else's."""
        samples = [s.name for s in self.samples() if s.kind == kind]
        other_samples = {s.name for s in self.samples() if s.kind != kind}
        shared = [
            p.name
            for p in self.store.packs(owner="")
            if p.name not in samples and p.name not in other_samples and kind == "company"
        ]
        own = [name for name in session.uploads if name.startswith(UPLOAD_LABELS[kind])]
        return samples + shared + own


UPLOAD_LABELS = {"company": "Your research", "candidate": "Your CV and job ad"}
