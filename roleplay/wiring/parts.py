"""Every part of the program, built from the settings once per process and only when first
used: the personas and prompts, the chat models, the research store, the speech engines, the
saved sessions, the accounts, scenarios and reviews, and the interview factory. Each part's
modules are imported when it is first built, so a command that needs only the personas does not
wait for the model, Chroma or the database to load.

The terminal (``roleplay.cli``) and the web app (``roleplay.web.services.Services``, which adds
what only pages need) both hold their parts here, so a setting means the same in either.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.llm.activity import Activity

if TYPE_CHECKING:
    from roleplay.coaching.accounts import Accounts
    from roleplay.coaching.assignments import Assignments
    from roleplay.coaching.cohorts import Cohorts
    from roleplay.coaching.invites import Invites
    from roleplay.coaching.lti.grades import Grades
    from roleplay.coaching.lti.launches import Launches
    from roleplay.coaching.lti.platforms import Platforms
    from roleplay.coaching.reviews import Reviews
    from roleplay.coaching.scenario_catalogue import Catalogue
    from roleplay.core.personas import PersonaLibrary
    from roleplay.core.session import Session
    from roleplay.history.sessions import SessionStore
    from roleplay.history.shares import ShareStore
    from roleplay.interview.prompts import Prompts
    from roleplay.knowledge.ingest import Outcome, Progress
    from roleplay.knowledge.samples import SamplePack
    from roleplay.knowledge.store import PackStore
    from roleplay.llm.backend import ChatBackend
    from roleplay.llm.choice import ModelOption
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
        from roleplay.core.personas import PersonaLibrary

        return PersonaLibrary([shipped_dir("personas"), self.settings.user_personas_dir])

    @cached_property
    def prompts(self) -> Prompts:
        from roleplay.interview.prompts import Prompts

        return Prompts.load(self.settings.prompts_dir)

    @cached_property
    def speech(self) -> Speech:
        from roleplay.wiring.speech import Speech

        return Speech(self.settings)

    @cached_property
    def backend(self) -> ChatBackend:
        """The default model (the settings' pick)."""
        from roleplay.wiring.chat import build_backend

        backend = build_backend(self.settings)
        backend.activity = self.activity
        return backend

    @property
    def default_model(self) -> str:
        from roleplay.llm.choice import chosen

        return chosen(self.settings)

    def model_options(self) -> list[ModelOption]:
        """The models one may pick; asked of Ollama at most every half minute."""
        from roleplay.llm.choice import options

        with self._models_lock:
            if self._options is None or time.monotonic() - self._options[0] > OPTIONS_SECONDS:
                self._options = (time.monotonic(), options(self.settings))
            return self._options[1]

    def backend_for(self, model_id: str | None) -> ChatBackend:
        """The backend for a model picked by name (already checked against the options)."""
        from roleplay.wiring.chat import build_backend

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
        from roleplay.history.sessions import SessionStore

        return SessionStore.open(self.settings)

    @cached_property
    def accounts(self) -> Accounts:
        from roleplay.coaching.accounts import Accounts

        settings = self.settings
        return Accounts(
            self.history.factory,
            login_hours=settings.login_hours,
            attempts=settings.login_attempts,
            window_seconds=settings.login_window_seconds,
        )

    @cached_property
    def invites(self) -> Invites:
        from roleplay.coaching.invites import Invites

        return Invites(self.history.factory, self.settings.invite_hours)

    @cached_property
    def cohorts(self) -> Cohorts:
        from roleplay.coaching.cohorts import Cohorts

        return Cohorts(self.history.factory, self.invites)

    @cached_property
    def lti_launches(self) -> Launches:
        from roleplay.coaching.lti.launches import Launches

        return Launches(self.history.factory)

    @cached_property
    def lti_grades(self) -> Grades:
        from roleplay.coaching.lti.grades import Grades

        return Grades(self.history.factory)

    @cached_property
    def lti_platforms(self) -> Platforms:
        from roleplay.coaching.lti.platforms import Platforms

        return Platforms(self.history.factory)

    @cached_property
    def assignments(self) -> Assignments:
        from roleplay.coaching.assignments import Assignments

        return Assignments(self.history.factory)

    @cached_property
    def catalogue(self) -> Catalogue:
        from roleplay.coaching.scenario_catalogue import Catalogue

        catalogue = Catalogue(self.history.factory, self.library, self.settings.rubrics_dir)
        catalogue.ensure_samples()
        return catalogue

    def rubric_of(self, session: Session) -> str | None:
        """The rubric ``session`` is scored on: its scenario's, or for a practice of one
        question, the first interview's scenario's (so their scores compare); None: the
        interview's mode picks it."""
        scenario = session.scenario
        if scenario is None and session.practice is not None:
            from roleplay.history.database import HistoryError

            try:
                scenario = self.history.load(session.practice.session).scenario
            except HistoryError:
                scenario = None  # deleted since: scored as any interview of its mode
        return self.catalogue.rubric_of(scenario)

    @cached_property
    def shares(self) -> ShareStore:
        """Read-only links to one interview's report."""
        from roleplay.history.shares import ShareStore

        return ShareStore(self.history)

    @cached_property
    def reviews(self) -> Reviews:
        from roleplay.coaching.reviews import Reviews

        return Reviews(self.history.factory)

    @cached_property
    def interviews(self) -> InterviewFactory:
        from roleplay.wiring.interviews import InterviewFactory

        return InterviewFactory(self.settings, self.backend, self.prompts, lambda: self.store)

    def open_interviews(self) -> int:
        """Interviews this process holds open (none before its first: nothing is loaded)."""
        factory = self.__dict__.get("interviews")
        return factory.open_count() if factory is not None else 0

    @cached_property
    def store(self) -> PackStore:
        from roleplay.knowledge.embeddings import Embedder, Yielding
        from roleplay.wiring import knowledge

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
        from roleplay.wiring import knowledge

        return knowledge.upload(
            self.settings, self.store, pack, files, owner=owner, progress=progress
        )

    def samples(self) -> list[SamplePack]:
        from roleplay.knowledge.samples import sample_packs

        return sample_packs()

    def ensure_samples(self) -> None:
        """Build the shipped sample packs in the store, once per process."""
        from roleplay.knowledge.samples import ensure_pack
        from roleplay.wiring import knowledge

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
        from roleplay.feedback.rubrics import rubric_ids

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
