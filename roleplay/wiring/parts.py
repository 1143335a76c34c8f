"""Every part of the program, built from the settings once per process and only when first
used: the personas and prompts, the chat models, the research store, the speech engines, the
saved sessions, the accounts, scenarios and reviews, and the interview factory.

The terminal (``roleplay.cli``) and the web app (``roleplay.web.services.Services``, which adds
what only pages need) both hold their parts here, so a setting means the same in either.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import cached_property

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.reviews import Reviews
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.feedback.rubrics import rubric_ids
from roleplay.history.sessions import SessionStore
from roleplay.interview.prompts import Prompts
from roleplay.knowledge.embeddings import Embedder, Yielding
from roleplay.knowledge.ingest import Outcome, Progress
from roleplay.knowledge.samples import SamplePack, ensure_pack, sample_packs
from roleplay.knowledge.store import PackStore
from roleplay.llm import ChatBackend
from roleplay.llm.activity import Activity
from roleplay.llm.choice import ModelOption, chosen, options
from roleplay.wiring import knowledge
from roleplay.wiring.chat import build_backend
from roleplay.wiring.interviews import InterviewFactory
from roleplay.wiring.speech import Speech

# How long the list of models one may pick is kept before Ollama is asked again (seconds).
OPTIONS_SECONDS = 30.0
# Longest an ingest waits for replies to finish before embedding its next slice anyway (seconds).
INGEST_MAX_PAUSE = 20.0


class Parts:
    def __init__(self, settings: Settings):
        self.settings = settings
        # Who is replying now, whichever model: an ingest yields to every one of them.
        self.activity = Activity()
        self._samples_lock = threading.Lock()
        self._samples_ready = False
        # Not the samples' lock: building the samples takes a while.
        self._models_lock = threading.Lock()
        self._backends: dict[str, ChatBackend] = {}
        self._options: tuple[float, list[ModelOption]] | None = None

    @cached_property
    def library(self) -> PersonaLibrary:
        """The shipped personas and the user's own."""
        return PersonaLibrary([shipped_dir("personas"), self.settings.user_personas_dir])

    @cached_property
    def prompts(self) -> Prompts:
        return Prompts.load(self.settings.prompts_dir)

    @cached_property
    def speech(self) -> Speech:
        return Speech(self.settings)

    @cached_property
    def backend(self) -> ChatBackend:
        """The default model (the settings' pick)."""
        backend = build_backend(self.settings)
        backend.activity = self.activity
        return backend

    @property
    def default_model(self) -> str:
        return chosen(self.settings)

    def model_options(self) -> list[ModelOption]:
        """The models one may pick; asked of Ollama at most every half minute."""
        with self._models_lock:
            if self._options is None or time.monotonic() - self._options[0] > OPTIONS_SECONDS:
                self._options = (time.monotonic(), options(self.settings))
            return self._options[1]

    def backend_for(self, model_id: str | None) -> ChatBackend:
        """The backend for a model picked by name (already checked against the options)."""
        if not model_id or model_id == self.default_model:
            return self.backend
        with self._models_lock:
            if model_id not in self._backends:
                backend = build_backend(self.settings, model_id)
                backend.activity = self.activity
                self._backends[model_id] = backend
            return self._backends[model_id]

    @cached_property
    def history(self) -> SessionStore:
        return SessionStore.open(self.settings)

    @cached_property
    def accounts(self) -> Accounts:
        settings = self.settings
        return Accounts(
            self.history.factory,
            login_hours=settings.login_hours,
            attempts=settings.login_attempts,
            window_seconds=settings.login_window_seconds,
        )

    @cached_property
    def catalogue(self) -> Catalogue:
        catalogue = Catalogue(self.history.factory, self.library, self.settings.rubrics_dir)
        catalogue.ensure_samples()
        return catalogue

    @cached_property
    def reviews(self) -> Reviews:
        return Reviews(self.history.factory)

    @cached_property
    def interviews(self) -> InterviewFactory:
        return InterviewFactory(self.settings, self.backend, self.prompts, lambda: self.store)

    @cached_property
    def store(self) -> PackStore:
        store = knowledge.open_store(self.settings)
        # An ingest steps aside while any interviewer is speaking; never for long, so a busy
        # process still finishes its uploads.
        activity = self.activity
        store.embedder = Embedder(
            store.embedder.name,
            Yielding(store.embedder.model, lambda: activity.wait_until_quiet(INGEST_MAX_PAUSE)),
        )
        return store

    def upload(
        self, pack: str, files: Sequence[str], owner: str, progress: Progress | None = None
    ) -> list[Outcome]:
        """Add uploaded files to ``owner``'s ``pack`` within the upload limits."""
        return knowledge.upload(
            self.settings, self.store, pack, files, owner=owner, progress=progress
        )

    def samples(self) -> list[SamplePack]:
        return sample_packs()

    def ensure_samples(self) -> None:
        """Build the shipped sample packs in the store, once per process."""
        with self._samples_lock:
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

    def warm_up(self) -> None:
        """Load the model and the embedder, build the sample packs and open the database,
        before anyone is waiting for them."""
        self.history  # noqa: B018 - opening migrates the schema; fail now, not mid-interview
        loader = getattr(self.backend.chat, "load", None)
        if loader:
            loader()
        self.ensure_samples()
        self.store.embedder.model.embed_query("warm up")
