"""The key that signs identity cookies is the server's alone: the pages' storage secret, which
Gradio sends to every page, is another key, and the file that once served as both is retired."""

from __future__ import annotations

from pathlib import Path

from roleplay.core.settings import Settings
from roleplay.web.identity import issue, verify
from roleplay.web.keys import IDENTITY_KEY_FILE, PAGE_STORAGE_KEY_FILE, RETIRED_KEY_FILE
from roleplay.web.services import Services


def services_in(data_dir: Path) -> Services:
    return Services(Settings(data_dir=data_dir))


def test_the_identity_key_is_never_the_pages_storage_key(tmp_path: Path) -> None:
    services = services_in(tmp_path)
    assert services.identity_key != services.page_storage_key
    assert (tmp_path / IDENTITY_KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert (tmp_path / PAGE_STORAGE_KEY_FILE).read_text().strip() == services.page_storage_key


def test_both_keys_outlive_a_restart(tmp_path: Path) -> None:
    first, second = services_in(tmp_path), services_in(tmp_path)
    assert first.identity_key == second.identity_key
    assert first.page_storage_key == second.page_storage_key


def test_the_published_key_of_earlier_versions_signs_nobody_in(tmp_path: Path) -> None:
    published = "the-key-earlier-versions-sent-to-every-page"
    (tmp_path / RETIRED_KEY_FILE).write_text(published)
    services = services_in(tmp_path)
    assert verify(issue(published, "a" * 32), services.identity_key) is None
    assert not (tmp_path / RETIRED_KEY_FILE).exists()


def test_an_empty_or_cut_short_key_file_is_replaced_not_trusted(tmp_path: Path) -> None:
    (tmp_path / IDENTITY_KEY_FILE).write_text("")  # a crash between making and writing it
    key = services_in(tmp_path).identity_key
    assert len(key) >= 32 and verify(issue("", "a" * 32), key) is None
