"""Every setting the program reads, in one place.

Values come from environment variables with the ``ROLEPLAY_`` prefix (``OPENAI_API_KEY`` is read
under its usual name too). The README's configuration table documents each field below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(user_data_dir("interview-roleplay", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ROLEPLAY_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    personas_dir: Path | None = None
    prompts_dir: Path | None = None

    llm: Literal["local", "openai"] = "local"
    local_model: Path | None = None
    local_context: int = Field(default=4096, ge=512)
    local_threads: int | None = Field(default=None, ge=1)

    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ROLEPLAY_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_json_mode: Literal["json_schema", "json_object", "none"] = "json_schema"

    temperature: float = Field(default=0.7, ge=0, le=2)
    seed: int | None = None
    max_reply_tokens: int = Field(default=150, ge=16)
    max_notes_tokens: int = Field(default=400, ge=64)
    # How much freedom the model has: strict (it only rephrases the engine's planned turn),
    # guided (the plan is guidance, it speaks freely); auto: strict for the embedded model.
    director: Literal["auto", "strict", "guided"] = "auto"
    # Phrasings the model may try before the planned text itself is said (0: never ask it).
    voicing_tries: int = Field(default=2, ge=0, le=5)
    # How the private notes move: evidence (code reads the candidate's words), llm (the model's
    # update), both (the model proposes, the evidence must agree); auto: evidence for the
    # embedded model, both otherwise.
    notes: Literal["auto", "evidence", "llm", "both"] = "auto"
    # Feedback scores: evidence alone, or refined by an LLM judge (which also writes advice);
    # auto: evidence alone on the embedded model, judge on an HTTP model.
    judge: Literal["auto", "off", "on"] = "auto"

    embeddings: Literal["local", "openai"] = "local"
    embeddings_model: str = "text-embedding-3-small"
    embeddings_base_url: str | None = None
    chroma_url: str | None = None
    # SQLite file in data_dir when unset; e.g. postgresql://user:pass@host/db for PostgreSQL.
    database_url: str | None = None
    # Rubrics: files here override the shipped ones by name (formal.yaml, informational.yaml).
    rubrics_dir: Path | None = None
    judge_attempts: int = Field(default=2, ge=1, le=5)
    # How long a coach's or learner's sign-in lasts in the web app.
    login_hours: float = Field(default=12.0, gt=0)
    # Wrong passwords allowed per account within the window (four times as many per client
    # address), before sign-in asks the client to wait.
    login_attempts: int = Field(default=5, ge=1, le=1000)
    login_window_seconds: float = Field(default=300.0, gt=0)
    max_file_mb: float = Field(default=25.0, gt=0)
    parse_timeout: float = Field(default=30.0, gt=0)
    parse_memory_mb: int = Field(default=768, ge=128)
    fetch_timeout: float = Field(default=15.0, gt=0)
    chunk_size: int = Field(default=700, ge=200)
    chunk_overlap: int = Field(default=120, ge=0)
    retrieval_k: int = Field(default=3, ge=1, le=20)
    retrieval_min_score: float = Field(default=0.2, ge=-1, le=1)

    turns: int = Field(default=8, ge=1, le=100)
    minutes: float = Field(default=30.0, gt=0)

    # Limits on what one web client may send or keep (each is checked on the server).
    max_message_chars: int = Field(default=4000, ge=200)
    max_upload_files: int = Field(default=20, ge=1)
    max_owner_mb: float = Field(default=100.0, gt=0)  # research one browser or coach may keep
    queue_size: int = Field(default=64, ge=1)  # events waiting at once before new ones are refused
    idle_minutes: float = Field(default=120.0, gt=0)  # an untouched page's interview is let go

    @property
    def transcripts_dir(self) -> Path:
        return self.data_dir / "transcripts"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def user_personas_dir(self) -> Path:
        """Where imported persona cards are written, and looked for beside the shipped ones."""
        return self.personas_dir or self.data_dir / "personas"


def get_settings() -> Settings:
    return Settings()
