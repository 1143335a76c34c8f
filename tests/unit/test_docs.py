"""The documentation: short README, generated pages current, every variable documented."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from roleplay.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
# Where a ROLEPLAY_* variable could be read or named: the program, its scripts and benchmarks,
# the tests, and the documentation.
SEARCHED = ("roleplay", "scripts", "bench", "tests", "docs", ".ci")
# A name ending in "_" is a family written as ROLEPLAY_MAX_* in prose, not a variable.
VARIABLE = re.compile(r"\bROLEPLAY_[A-Z0-9_]*[A-Z0-9]\b")


@pytest.fixture(scope="module")
def docs_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_is_a_front_page_under_ten_kilobytes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) < 10_000
    assert "bash scripts/start.sh" in readme and "bash scripts/test.sh" in readme


def test_every_page_the_readme_links_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs/)?[\w/-]+\.(?:md|png))\)", readme)
    assert len(links) > 10
    assert [link for link in links if not (ROOT / link).is_file()] == []


def test_the_generated_pages_are_current(docs_script: ModuleType) -> None:
    assert docs_script.stale_pages() == []


def test_a_generated_page_edited_by_hand_is_stale(docs_script: ModuleType, tmp_path: Path) -> None:
    for name, make in docs_script.PAGES.items():
        (tmp_path / name).write_text(make(), encoding="utf-8")
    assert docs_script.stale_pages(tmp_path) == []
    page = tmp_path / "configuration.md"
    page.write_text(page.read_text().replace("`4096`", "`2048`"), encoding="utf-8")
    assert docs_script.stale_pages(tmp_path) == ["configuration.md"]


def test_every_setting_has_a_description_on_the_configuration_page(
    docs_script: ModuleType,
) -> None:
    page = docs_script.configuration_page()
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert f"`ROLEPLAY_{name.upper()}`" in page or field.validation_alias, name


def test_every_roleplay_variable_named_anywhere_is_a_setting(docs_script: ModuleType) -> None:
    settings = {
        variable
        for name, field in Settings.model_fields.items()
        for variable in docs_script._variables(name, field)
    }
    named: dict[str, Path] = {}
    for folder in SEARCHED:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".sh", ".md", ".yaml", ""} and path.is_file():
                for variable in VARIABLE.findall(path.read_text(encoding="utf-8", errors="ignore")):
                    named.setdefault(variable, path)
    assert len(named) > 30
    unknown = {variable: str(path) for variable, path in named.items() if variable not in settings}
    assert unknown == {}


def test_every_cli_command_is_in_the_reference(docs_script: ModuleType) -> None:
    page = docs_script.cli_page()
    for command in ("roleplay chat", "roleplay models pull", "roleplay scenario export"):
        assert f"## `{command}`" in page
    assert "--install-completion" not in page
