"""Scenario files carry their research: exported on one install, imported on a fresh one, the
interviewer is given the same passages. Real Chroma (embedded and server), real embedder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roleplay.coaching.scenarios import ScenarioError, ScenarioSpec
from roleplay.coaching.sharing import (
    ScenarioFile,
    install_research,
    read_scenario_file,
    scenario_file_yaml,
)
from roleplay.core.settings import Settings
from roleplay.knowledge.ingest import Chunking, ingest
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore
from roleplay.knowledge.uploads import UploadLimits
from roleplay.wiring import knowledge

RESEARCH = (
    "# Brightwater Ferries briefing\n\n## Fleet\n\nBrightwater Ferries runs electric ferries "
    "across the Solent. Its newest boat, the Tern, charges in nine minutes at Cowes.\n\n"
    "## People\n\nThe operations director is Farida Okoye, who wants a data analyst to plan "
    "charging around the tides.\n"
)
OTHER = "# Somebody else's notes\n\nA different company altogether, with a pack of the same name.\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def add(store: PackStore, pack: str, path: Path, owner: str = "") -> None:
    ingest(store, pack, [str(path)], limits=Limits(), chunking=Chunking(), owner=owner)


def spec_with(pack: str) -> ScenarioSpec:
    return ScenarioSpec(
        title="Analyst at Brightwater",
        persona="anxious-hiring-manager",
        company="Brightwater Ferries",
        role="Operations Data Analyst",
        packs=[pack, "Larkspur Health (sample)"],
    )


def test_a_scenario_file_carries_its_own_research_but_not_the_samples(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    add(store, pack_name, write(tmp_path, "brightwater.md", RESEARCH))
    exported = tmp_path / "shared.yaml"
    exported.write_text(scenario_file_yaml(spec_with(pack_name), store))
    research = yaml.safe_load(exported.read_text())["research"]
    assert [pack["name"] for pack in research] == [pack_name]
    passages = research[0]["sources"][0]["passages"]
    assert passages[0]["location"].startswith("Brightwater Ferries briefing")
    assert any("Farida Okoye" in p["text"] for p in passages)


def exported(store: PackStore, pack: str, folder: Path) -> tuple[ScenarioFile, dict]:
    """A scenario file carrying the research of a shared pack, and that pack's passages."""
    add(store, pack, write(folder / "mine", "brightwater.md", RESEARCH))
    path = folder / "shared.yaml"
    path.write_text(scenario_file_yaml(spec_with(pack), store))
    return read_scenario_file(path), store.passages(pack)


def test_an_import_never_writes_into_a_pack_it_does_not_own(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    shared, before = exported(store, pack_name, tmp_path)

    # The shared pack of that name is not the coach's: the research goes into a new pack.
    spec = install_research(shared, store, coach="cara")
    assert spec.packs == [f"{pack_name} (imported)", "Larkspur Health (sample)"]
    assert store.info(spec.packs[0]).owner == "coach:cara"
    assert store.passages(spec.packs[0]) == before
    assert store.info(pack_name).owner == ""

    # The same file again: cara's own pack holds exactly it, so it is reused.
    assert install_research(shared, store, coach="cara").packs[0] == f"{pack_name} (imported)"
    # Another coach never reuses cara's pack, even with the same passages.
    assert install_research(shared, store, coach="dan").packs[0] == f"{pack_name} (imported 2)"


def test_a_pack_of_the_same_name_with_other_research_is_left_alone(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    shared, before = exported(store, pack_name, tmp_path)

    store.remove_pack(pack_name)
    add(store, pack_name, write(tmp_path / "theirs", "notes.md", OTHER))
    theirs = store.passages(pack_name)
    spec = install_research(shared, store, coach="cara")
    assert spec.packs == [f"{pack_name} (imported)", "Larkspur Health (sample)"]
    assert store.passages(pack_name) == theirs
    assert store.passages(spec.packs[0]) == before


def test_a_file_cannot_point_a_scenario_at_research_it_does_not_carry(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    add(store, pack_name, write(tmp_path, "a.md", RESEARCH), owner="coach:ana")
    exported = tmp_path / "names-anas-pack.yaml"
    exported.write_text(scenario_file_yaml(spec_with(pack_name)))  # no research carried
    with pytest.raises(ScenarioError, match="does not carry"):
        install_research(read_scenario_file(exported), store, coach="ben")
    # Ana herself may name it.
    assert install_research(read_scenario_file(exported), store, coach="ana").packs[0] == pack_name


def test_export_carries_only_research_its_coach_may_use(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    add(store, pack_name, write(tmp_path, "a.md", RESEARCH), owner="coach:ana")
    as_ben = yaml.safe_load(scenario_file_yaml(spec_with(pack_name), store, "ben"))
    assert "research" not in as_ben
    as_ana = yaml.safe_load(scenario_file_yaml(spec_with(pack_name), store, "ana"))
    assert [pack["name"] for pack in as_ana["research"]] == [pack_name]


def test_exported_scenario_runs_the_same_on_a_fresh_data_directory(run_cli, tmp_path: Path) -> None:
    notes = write(tmp_path, "brightwater.md", RESEARCH)
    first = {"ROLEPLAY_DATA_DIR": str(tmp_path / "first")}
    fresh = {"ROLEPLAY_DATA_DIR": str(tmp_path / "fresh")}
    assert (
        run_cli("users", "add", "ana", "--coach", "--password", "ana-pass", env=first).returncode
        == 0
    )
    added = run_cli("knowledge", "add", "Brightwater research", str(notes), env=first)
    assert added.returncode == 0, added.stderr
    created = run_cli(
        "scenario", "create", "--title", "Analyst at Brightwater", "--persona",
        "anxious-hiring-manager", "--company", "Brightwater Ferries", "--role", "Analyst",
        "--pack", "Brightwater research", "--pack", "Larkspur Health (sample)", env=first,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    exported = tmp_path / "shared.yaml"
    export = run_cli("scenario", "export", created.stdout.strip(), "-o", str(exported), env=first)
    assert export.returncode == 0, export.stderr
    notes.unlink()  # the research travels in the file, not beside it

    run_cli("users", "add", "cara", "--coach", "--password", "cara-pass", env=fresh)
    imported = run_cli("scenario", "import", str(exported), env=fresh)
    assert imported.returncode == 0, imported.stderr
    shown = yaml.safe_load(run_cli("scenario", "show", imported.stdout.strip(), env=fresh).stdout)
    assert shown["packs"] == ["Brightwater research", "Larkspur Health (sample)"]

    there = knowledge.open_store(Settings(data_dir=tmp_path / "first"))
    here = knowledge.open_store(Settings(data_dir=tmp_path / "fresh"))
    assert here.passages("Brightwater research") == there.passages("Brightwater research")
    question = "Who wants a data analyst to plan charging around the tides?"
    best_there = there.search("Brightwater research", question, 1)[0]
    best_here = here.search("Brightwater research", question, 1)[0]
    assert "Farida Okoye" in best_here.text
    assert (best_here.text, round(best_here.score, 4)) == (
        best_there.text,
        round(best_there.score, 4),
    )


def file_with(pack: str, sources: list[dict]) -> ScenarioFile:
    spec = spec_with(pack).model_dump(mode="json")
    return ScenarioFile.model_validate({**spec, "research": [{"name": pack, "sources": sources}]})


def test_imported_passages_are_cut_to_this_installs_chunk_size(
    store: PackStore, pack_name: str
) -> None:
    long = "Brightwater Ferries charges its boats at Cowes in nine minutes. " * 200
    shared = file_with(pack_name, [{"name": "long.md", "passages": [{"text": long}]}])
    spec = install_research(shared, store, coach="cara", chunking=Chunking(size=500, overlap=50))
    passages = store.passages(spec.packs[0])["long.md"]
    assert len(passages) >= len(long) // 500 and max(len(c.text) for c in passages) <= 500


def test_an_import_with_more_sources_than_an_upload_takes_is_refused_whole(
    store: PackStore, pack_name: str
) -> None:
    sources = [{"name": f"s{n}.md", "passages": [{"text": "A fact."}]} for n in range(4)]
    with pytest.raises(ScenarioError, match="import at most 3 at a time"):
        install_research(
            file_with(pack_name, sources), store, coach="cara", uploads=UploadLimits(max_files=3)
        )
    assert not store.exists(pack_name)


def test_an_import_past_the_coachs_quota_writes_nothing(store: PackStore, pack_name: str) -> None:
    text = "Brightwater Ferries runs electric ferries across the Solent. " * 20
    shared = file_with(pack_name, [{"name": "a.md", "passages": [{"text": text}]}])
    with pytest.raises(ScenarioError, match="past its"):
        install_research(shared, store, coach="cara", uploads=UploadLimits(quota_chars=500))
    assert not store.exists(pack_name)
    assert install_research(shared, store, coach="cara").packs[0] == pack_name  # room: taken
