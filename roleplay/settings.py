"""Every setting the program reads, in one place.

Values come from environment variables with the ``ROLEPLAY_`` prefix (``OPENAI_API_KEY`` is read
under its usual name too), then from the choices the program saves for the user in the data
directory (``settings.json``: the model ``roleplay models use`` picked), then the defaults. The
README's configuration table documents each field below.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

SAVED_FILE = "settings.json"
# What the program may save for the user; anything else in the file is ignored.
SAVED_KEYS = ("model",)


def _default_data_dir() -> Path:
    return Path(user_data_dir("interview-roleplay", appauthor=False))


class _SavedChoices(PydanticBaseSettingsSource):
    """The data directory's ``settings.json``, below the environment: a variable still wins."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        data_dir = self.current_state.get("data_dir") or _default_data_dir()
        try:
            saved = json.loads((Path(data_dir) / SAVED_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none saved (or unreadable: the defaults serve, and a save rewrites it)
        if not isinstance(saved, dict):
            return {}
        return {key: saved[key] for key in SAVED_KEYS if isinstance(saved.get(key), str)}


def saved_choice(data_dir: Path, key: str) -> str | None:
    """One of the user's saved choices, whatever the environment says."""
    try:
        saved = json.loads((data_dir / SAVED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = saved.get(key) if isinstance(saved, dict) else None
    return value if isinstance(value, str) else None


def save_choice(data_dir: Path, key: str, value: str | None) -> Path:
    """Save (or, with None, forget) one of the user's choices in the data directory."""
    if key not in SAVED_KEYS:
        raise ValueError(f"'{key}' is not a choice the program saves")
    path = data_dir / SAVED_FILE
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved = saved if isinstance(saved, dict) else {}
    except (OSError, ValueError):
        saved = {}
    if value is None:
        saved.pop(key, None)
    else:
        saved[key] = value
    data_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=data_dir, prefix=".settings-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(saved, out, indent=2, sort_keys=True)
    os.replace(temporary, path)
    return path


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ROLEPLAY_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    personas_dir: Path | None = None
    prompts_dir: Path | None = None

    # Which model interviews, by name (see `roleplay models list`): "smollm2" (built in), a
    # pulled model, "ollama:NAME", or "http" (the endpoint below). ROLEPLAY_LLM=openai and
    # ROLEPLAY_LOCAL_MODEL, when set, win over it.
    model: str = ""
    llm: Literal["local", "openai"] = "local"
    local_model: Path | None = None
    local_context: int = Field(default=4096, ge=512)
    local_threads: int | None = Field(default=None, ge=1)
    # Layers llama.cpp puts on the GPU (when it was built with CUDA or Metal); -1: all of them.
    local_gpu_layers: int = Field(default=0, ge=-1)
    ollama_url: str = "http://127.0.0.1:11434"

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
    # Phrasings the model may try before the planned text itself is said (0: never ask it);
    # unset: none on the embedded model (measured: it phrased 3 of 120 turns at 1-2 s each,
    # bench/listening.py --tries 2), two on any other.
    voicing_tries: int | None = Field(default=None, ge=0, le=5)
    # How the private notes move: evidence (code reads the candidate's words), llm (the model's
    # update), both (the model proposes, the evidence must agree); auto: evidence for the
    # embedded model, both otherwise.
    notes: Literal["auto", "evidence", "llm", "both"] = "auto"
    # Feedback scores: evidence alone, or refined by an LLM judge (which also writes advice);
    # auto: evidence alone on the embedded model, judge on an HTTP model.
    judge: Literal["auto", "off", "on"] = "auto"

    # Speech: local (Whisper tiny.en and Piper, from their wheels), openai (OpenAI's audio
    # endpoints, or a compatible server at speech_base_url), or off.
    stt: Literal["local", "openai", "off"] = "local"
    tts: Literal["local", "openai", "off"] = "local"
    speech_base_url: str | None = None
    speech_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("ROLEPLAY_SPEECH_API_KEY", "OPENAI_API_KEY"),
    )
    stt_model: str = "whisper-1"
    tts_model: str = "tts-1"
    # The OpenAI voice for interviewers whose persona names none.
    tts_voice: str = "alloy"
    speech_timeout: float = Field(default=60.0, gt=0)
    # The longest spoken answer taken; a longer recording is refused with a message.
    max_answer_seconds: float = Field(default=180.0, gt=0, le=1800)
    # More Piper voices (NAME.onnx beside NAME.onnx.json) for personas to name; default
    # <data dir>/voices.
    voices_dir: Path | None = None

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

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            _SavedChoices(settings_cls),
            dotenv_settings,
            file_secret_settings,
        )

    @property
    def models_dir(self) -> Path:
        """Where pulled GGUF models are kept."""
        return self.data_dir / "models"

    @property
    def piper_voices_dir(self) -> Path:
        return self.voices_dir or self.data_dir / "voices"

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
