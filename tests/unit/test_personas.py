from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roleplay.core.personas import (
    DEFAULT_EVIDENCE,
    PersonaError,
    PersonaLibrary,
    WorryEvidence,
    dump_persona,
    load_persona,
)
from roleplay.core.resources import shipped_dir


def write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture
def anxious_data() -> dict:
    return yaml.safe_load((shipped_dir("personas") / "anxious-hiring-manager.yaml").read_text())


def test_the_default_evidence_names_only_known_cues() -> None:
    # Built unchecked at import; checked here as a persona file's evidence is.
    assert WorryEvidence.model_validate(DEFAULT_EVIDENCE.model_dump()) == DEFAULT_EVIDENCE


def test_ships_at_least_four_personas_with_both_core_ids(library: PersonaLibrary) -> None:
    ids = {p.id for p in library.all()}
    assert len(ids) >= 4
    assert {"anxious-hiring-manager", "relaxed-industry-leader"} <= ids


def test_core_personas_have_the_modes_the_design_names(library: PersonaLibrary) -> None:
    assert library.get("anxious-hiring-manager").mode == "formal"
    assert library.get("relaxed-industry-leader").mode == "informational"


def test_anxious_manager_carries_the_five_hidden_worries(library: PersonaLibrary) -> None:
    worries = {w.id for w in library.get("anxious-hiring-manager").worries}
    assert worries == {
        "team-fit",
        "overqualified-flight-risk",
        "paper-not-performance",
        "rehire-cost",
        "own-reputation",
    }


def test_no_persona_speaks_its_nerves_outright(library: PersonaLibrary) -> None:
    for persona in library.all():
        spoken = " ".join(persona.opening_lines + persona.closing_lines + persona.stages.questions)
        assert "nervous" not in spoken.lower()


def test_out_of_range_temperament_names_file_and_field(tmp_path: Path, anxious_data: dict) -> None:
    anxious_data["temperament"]["anxiety"] = 1.5
    path = write_yaml(tmp_path / "bad.yaml", anxious_data)
    with pytest.raises(PersonaError) as caught:
        load_persona(path)
    assert str(path) in str(caught.value)
    assert "temperament.anxiety" in str(caught.value)


def test_missing_field_names_the_field(tmp_path: Path, anxious_data: dict) -> None:
    del anxious_data["worries"][1]["settled_by"]
    path = write_yaml(tmp_path / "bad.yaml", anxious_data)
    with pytest.raises(PersonaError, match=r"worries\.1\.settled_by"):
        load_persona(path)


def test_unknown_mode_is_refused(tmp_path: Path, anxious_data: dict) -> None:
    anxious_data["mode"] = "casual"
    with pytest.raises(PersonaError, match="field 'mode'"):
        load_persona(write_yaml(tmp_path / "bad.yaml", anxious_data))


def test_duplicate_worry_ids_are_refused(tmp_path: Path, anxious_data: dict) -> None:
    anxious_data["worries"][1]["id"] = anxious_data["worries"][0]["id"]
    with pytest.raises(PersonaError, match="appears twice"):
        load_persona(write_yaml(tmp_path / "bad.yaml", anxious_data))


def test_misspelt_field_is_refused_not_ignored(tmp_path: Path, anxious_data: dict) -> None:
    anxious_data["closing_line"] = anxious_data.pop("closing_lines")
    with pytest.raises(PersonaError, match="closing_line"):
        load_persona(write_yaml(tmp_path / "bad.yaml", anxious_data))


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(PersonaError, match="not valid YAML") as caught:
        load_persona(path)
    assert str(path) in str(caught.value)


def test_user_folder_adds_and_overrides_personas(tmp_path: Path, anxious_data: dict) -> None:
    anxious_data["name"] = "Someone Else"
    write_yaml(tmp_path / "mine.yaml", anxious_data)
    merged = PersonaLibrary([shipped_dir("personas"), tmp_path])
    assert merged.get("anxious-hiring-manager").name == "Someone Else"


def test_unknown_id_lists_the_known_ones(library: PersonaLibrary) -> None:
    with pytest.raises(PersonaError, match="relaxed-industry-leader"):
        library.get("nobody")


def test_dumped_yaml_loads_back_equal(tmp_path: Path, library: PersonaLibrary) -> None:
    for persona in library.all():
        path = tmp_path / f"{persona.id}.yaml"
        path.write_text(dump_persona(persona), encoding="utf-8")
        assert load_persona(path) == persona


def test_every_shipped_persona_gives_the_planner_a_question_and_a_probe_per_worry(
    library: PersonaLibrary,
) -> None:
    for persona in library.all():
        assert persona.lines is not None, persona.id
        tested = {q.tests for q in persona.lines.questions}
        for worry in persona.worries:
            assert worry.id in tested, (persona.id, worry.id)
            assert persona.lines.probes.get(worry.id), (persona.id, worry.id)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda d: d["lines"]["questions"][0].update(tests="nerves"), "lines", "not one of"),
        (lambda d: d["lines"]["probes"].update(nerves=["Why?"]), "lines", "not one of"),
        (lambda d: d["lines"]["acknowledgements"].append("Thanks {compnay}."), "lines.ack", "slot"),
        (lambda d: d["lines"]["invitations"].append("Any questions."), "lines.invit", "question"),
        (lambda d: d["lines"]["fact_questions"].append("Why us?"), "lines.fact_q", "{fact}"),
        (lambda d: d["lines"]["asides"].append("Is that clear?"), "lines.asides", "question"),
        (lambda d: d["listening"]["eased"].append("Good to hear."), "listening.eased", "{quote}"),
        (lambda d: d["listening"]["dont_know"].append("Who knows?"), "listening.dont_know",
         "question"),
        (lambda d: d["listening"]["intents"].update(gossip=["Ha."]), "listening.intents",
         "'gossip' is not an intent"),
        (lambda d: d["listening"]["intents"]["follow_up"].append("Ask {contact}."),
         "listening.intents", "unknown slot {contact}"),
    ],
)  # fmt: skip
def test_a_broken_planner_or_listening_line_names_the_file_and_field(
    tmp_path: Path, anxious_data: dict, change, field: str, message: str
) -> None:
    change(anxious_data)
    path = write_yaml(tmp_path / "broken.yaml", anxious_data)
    with pytest.raises(PersonaError) as caught:
        load_persona(path)
    assert str(path) in str(caught.value)
    assert field in str(caught.value) and message in str(caught.value)


def test_every_shipped_persona_has_its_own_lines_for_every_listening_move(
    library: PersonaLibrary,
) -> None:
    for persona in library.all():
        own = persona.listening
        assert own is not None, persona.id
        empty = [name for name in type(own).model_fields if not getattr(own, name)]
        assert empty == [], (persona.id, empty)


def test_a_card_without_listening_lines_falls_back_on_the_generic_ones(
    tmp_path: Path, anxious_data: dict
) -> None:
    del anxious_data["listening"]
    partial = write_yaml(tmp_path / "bare.yaml", anxious_data)
    bare = load_persona(partial)
    assert bare.listening is None and bare.listens().come_back
    anxious_data["listening"] = {"hostile": ["Please keep it civil."]}
    mixed = load_persona(write_yaml(tmp_path / "mixed.yaml", anxious_data))
    assert mixed.listens().hostile == ["Please keep it civil."]
    assert mixed.listens().come_back == bare.listens().come_back
