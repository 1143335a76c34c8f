"""Character cards inside PNG images, built here chunk by chunk as other tools write them."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from roleplay.cards import persona_to_card, read_card, write_png_card
from roleplay.cards.png import SIGNATURE
from roleplay.core.personas import Persona, PersonaError, PersonaLibrary


def chunk(kind: bytes, body: bytes, *, crc: int | None = None) -> bytes:
    real = zlib.crc32(kind + body)
    return (
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", real if crc is None else crc)
    )


def text_chunk(keyword: str, card: dict, **kwargs) -> bytes:
    payload = base64.b64encode(json.dumps(card).encode("utf-8"))
    return chunk(b"tEXt", keyword.encode() + b"\0" + payload, **kwargs)


def png(*extra: bytes) -> bytes:
    """A 1x1 PNG with ``extra`` chunks before its end, as SillyTavern writes a card."""
    picture = io.BytesIO()
    Image.new("RGB", (1, 1)).save(picture, format="PNG")
    data = picture.getvalue()
    end = data.rindex(b"IEND") - 4
    return data[:end] + b"".join(extra) + data[end:]


def chunks_of(data: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], len(SIGNATURE)
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        found.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


@pytest.fixture
def card_file(tmp_path: Path):
    def write(data: bytes) -> Path:
        path = tmp_path / "card.png"
        path.write_bytes(data)
        return path

    return write


def test_a_v2_card_in_a_png_is_read(card_file, anxious: Persona) -> None:
    assert read_card(card_file(png(text_chunk("chara", persona_to_card(anxious))))) == anxious


def test_a_v3_card_in_a_png_is_read(card_file, anxious: Persona) -> None:
    v3 = {**persona_to_card(anxious), "spec": "chara_card_v3", "spec_version": "3.0"}
    assert read_card(card_file(png(text_chunk("ccv3", v3)))).id == anxious.id


def test_v3_wins_when_a_png_holds_both(card_file, anxious: Persona, leader: Persona) -> None:
    v3 = {**persona_to_card(leader), "spec": "chara_card_v3", "spec_version": "3.0"}
    both = png(text_chunk("chara", persona_to_card(anxious)), text_chunk("ccv3", v3))
    assert read_card(card_file(both)).id == leader.id


def test_a_png_without_a_card_is_refused_in_one_line(card_file) -> None:
    with pytest.raises(PersonaError, match=r"card\.png: this PNG holds no character card"):
        read_card(card_file(png()))


def test_a_damaged_card_chunk_is_refused(card_file, anxious: Persona) -> None:
    damaged = png(text_chunk("chara", persona_to_card(anxious), crc=12345))
    with pytest.raises(PersonaError, match="'tEXt' chunk is damaged"):
        read_card(card_file(damaged))
    not_base64 = png(chunk(b"tEXt", b"chara\0{not base64 at all}"))
    with pytest.raises(PersonaError, match="not a card"):
        read_card(card_file(not_base64))
    with pytest.raises(PersonaError, match="cut short"):
        read_card(card_file(png(text_chunk("chara", persona_to_card(anxious)))[:200]))


def test_an_exported_png_card_has_both_chunks_and_reads_back(anxious: Persona) -> None:
    data = write_png_card(anxious)
    texts = {
        body.split(b"\0")[0]: body.split(b"\0", 1)[1]
        for kind, body in chunks_of(data)
        if kind == b"tEXt"
    }
    v2 = json.loads(base64.b64decode(texts[b"chara"]))
    v3 = json.loads(base64.b64decode(texts[b"ccv3"]))
    assert (v2["spec"], v3["spec"], v3["spec_version"]) == ("chara_card_v2", "chara_card_v3", "3.0")
    assert v2["data"] == v3["data"] and v2["data"]["extensions"]["roleplay"]["id"] == anxious.id
    assert [kind for kind, _ in chunks_of(data)][-1] == b"IEND"
    assert Image.open(io.BytesIO(data)).size == (400, 600)


def test_a_png_card_keeps_the_users_picture(anxious: Persona, tmp_path: Path) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (64, 32), (10, 200, 30)).save(picture, format="JPEG")
    data = write_png_card(anxious, picture.getvalue())
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (64, 32) and image.getpixel((5, 5))[1] > 150
    path = tmp_path / "mine.png"
    path.write_bytes(data)
    assert read_card(path) == anxious


def test_exporting_over_an_old_card_replaces_its_chunks(anxious: Persona, leader: Persona) -> None:
    old = write_png_card(leader)
    data = write_png_card(anxious, old)
    keywords = [body.split(b"\0")[0] for kind, body in chunks_of(data) if kind == b"tEXt"]
    assert sorted(keywords) == [b"ccv3", b"chara"]


def test_a_plain_png_card_becomes_an_interviewer(card_file, library: PersonaLibrary) -> None:
    plain = {
        "spec": "chara_card_v2",
        "data": {"name": "Ines Okonkwo", "description": "Runs field ops.", "extensions": {}},
    }
    persona = read_card(
        card_file(png(text_chunk("chara", plain))), mode="informational", library=library
    )
    assert (persona.name, persona.mode, persona.background) == (
        "Ines Okonkwo",
        "informational",
        "Runs field ops.",
    )


def test_an_oversized_card_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as out:
        out.truncate(21 * 1024 * 1024)
    with pytest.raises(PersonaError, match="a card is at most 20 MB"):
        read_card(path)
