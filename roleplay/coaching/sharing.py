"""Scenarios as files to share: the YAML a coach writes, plus the research it draws on, so that
an imported scenario runs the same on another install.

Research travels as the passages that were embedded (text and where in the source it was), not
as the original files: the importing side embeds exactly the same passages, so its interviewer
is given the same facts. The shipped sample packs exist everywhere and are not carried.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from roleplay.coaching.research import coach_owner, usable
from roleplay.coaching.scenarios import ScenarioError, ScenarioSpec
from roleplay.core.datafiles import MAX_BYTES, load_yaml
from roleplay.knowledge.ingest import Chunking
from roleplay.knowledge.samples import sample_packs
from roleplay.knowledge.splitting import Chunk, cut
from roleplay.knowledge.store import PackStore
from roleplay.knowledge.uploads import UploadLimits


class SharedPassage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    location: str = ""
    text: str = Field(min_length=1)


class SharedSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=300)
    passages: list[SharedPassage] = Field(min_length=1)


class SharedPack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=150)
    sources: list[SharedSource] = Field(min_length=1)


class ScenarioFile(ScenarioSpec):
    """A scenario file: the scenario's fields, and optionally the research its packs hold."""

    research: list[SharedPack] = Field(default_factory=list)

    def spec(self) -> ScenarioSpec:
        return ScenarioSpec.model_validate(self.model_dump(exclude={"research"}))


def read_scenario_file(path: Path, max_bytes: int = MAX_BYTES) -> ScenarioFile:
    return load_yaml(path, ScenarioFile, ScenarioError, max_bytes)


def scenario_file_yaml(spec: ScenarioSpec, store: PackStore | None = None, coach: str = "") -> str:
    """The scenario as YAML; with ``store``, the passages of the research packs its coach may
    use (a name it lists that points at anybody else's research is not read)."""
    data = spec.model_dump(mode="json")
    research = _research(spec, store, coach) if store is not None else []
    if research:
        data["research"] = [pack.model_dump() for pack in research]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _research(spec: ScenarioSpec, store: PackStore, coach: str) -> list[SharedPack]:
    shipped = {sample.name for sample in sample_packs()}
    carried = []
    for name in usable(store, coach, spec.packs):
        if name in shipped or not store.exists(name):
            continue
        sources = [
            SharedSource(
                name=source,
                passages=[SharedPassage(location=c.location, text=c.text) for c in chunks],
            )
            for source, chunks in store.passages(name).items()
            if chunks
        ]
        if sources:
            carried.append(SharedPack(name=name, sources=sources))
    return carried


def install_research(
    file: ScenarioFile,
    store: PackStore,
    coach: str,
    *,
    chunking: Chunking | None = None,
    uploads: UploadLimits | None = None,
) -> ScenarioSpec:
    """Put the file's research into packs of ``coach``'s here and return the scenario naming
    them.

    The names are picked here: a pack of the file's name is reused only when it is this
    coach's and holds the same passages; otherwise the research goes into a new pack. The
    scenario may then name only the packs this import installed and research the coach may
    already use: a file cannot point a scenario at another coach's or a browser's research.

    Research from a file is held to the rules of an upload: its passages are split again with
    this install's ``chunking`` (a file's passage may be any length), at most
    ``uploads.max_files`` sources come in at once, and nothing is written if the coach's
    research would pass their quota.
    """
    chunking = chunking or Chunking()
    uploads = uploads or UploadLimits()
    owner = coach_owner(coach)
    carried = {pack.name for pack in file.research}
    allowed = set(usable(store, coach, [n for n in file.packs if n not in carried]))
    unknown = [n for n in file.packs if n not in carried and n not in allowed]
    if unknown:
        raise ScenarioError(
            f"The scenario names research '{unknown[0]}', which the file does not carry and "
            "you have no pack of that name: add that research, or remove the name."
        )
    sources = sum(len(pack.sources) for pack in file.research)
    if sources > uploads.max_files:
        raise ScenarioError(
            f"The file carries {sources} sources of research; import at most "
            f"{uploads.max_files} at a time (ROLEPLAY_MAX_UPLOAD_FILES)."
        )
    plan = [(pack, _split_again(pack, chunking)) for pack in file.research]
    names = [_free_name(store, pack, split, owner) for pack, split in plan]
    incoming = sum(
        len(chunk.text)
        for (pack, split), name in zip(plan, names, strict=True)
        if not store.exists(name)
        for chunks in split.values()
        for chunk in chunks
    )
    if store.owner_chars(owner) + incoming > uploads.quota_chars:
        raise ScenarioError(
            f"The file's research would take your research past its "
            f"{uploads.quota_chars / 1048576:g} MB limit: remove some packs first."
        )
    for (_pack, split), name in zip(plan, names, strict=True):
        for source, chunks in split.items():
            version = _version(chunks)
            if store.active_version(name, source) != version:
                store.put_source(name, source, version, chunks, owner=owner)
    renamed = {pack.name: name for (pack, _split), name in zip(plan, names, strict=True)}
    spec = file.spec()
    spec.packs = [renamed.get(name, name) for name in spec.packs]
    return spec


def _split_again(pack: SharedPack, chunking: Chunking) -> dict[str, list[Chunk]]:
    """Each source's passages cut to this install's chunk size, as an upload's would be."""
    split: dict[str, list[Chunk]] = {}
    for source in pack.sources:
        sections = [(p.location, p.text) for p in source.passages]
        chunks = cut(sections, chunk_size=chunking.size, overlap=chunking.overlap)
        if chunks:
            split[source.name] = chunks
    return split


def _version(chunks: list[Chunk]) -> str:
    payload = json.dumps([[c.location, c.text] for c in chunks], ensure_ascii=False)
    return "shared-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _holds(store: PackStore, name: str, split: dict[str, list[Chunk]]) -> bool:
    """Does the pack called ``name`` here hold exactly these passages?"""
    here = {
        source: [(c.location, c.text) for c in chunks]
        for source, chunks in store.passages(name).items()
    }
    there = {source: [(c.location, c.text) for c in chunks] for source, chunks in split.items()}
    return here == there


def _free_name(
    store: PackStore, pack: SharedPack, split: dict[str, list[Chunk]], owner: str
) -> str:
    candidates = [pack.name, f"{pack.name} (imported)"]
    candidates += [f"{pack.name} (imported {n})" for n in range(2, 100)]
    for name in candidates:
        if not store.exists(name):
            return name
        if store.info(name).owner == owner and _holds(store, name, split):
            return name
    raise ScenarioError(f"Too many packs called '{pack.name}' already: remove some first.")
