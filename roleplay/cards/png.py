"""Character cards inside PNG images, as SillyTavern and the character hubs share them.

A card is a ``tEXt`` chunk of the PNG: keyword ``chara`` holds a Character Card V2 as base64 JSON,
``ccv3`` a V3 card (read first when both are there, as SillyTavern does). The chunks are walked
here, with their checksums checked and sizes capped, without decoding the image at all, so a
hostile file cannot make us unpack millions of pixels. Writing keeps every chunk of the image and
replaces only the card's.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import struct
import zlib
from typing import Any

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CARD_KEYWORDS = ("ccv3", "chara")  # the order they are read in
# A card's text is small; a chunk this big is not a card (and is not read into memory whole).
MAX_CARD_BYTES = 2 * 1024 * 1024


class PngCardError(ValueError):
    """The PNG is not a card, or not a readable one; the message says which."""


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The PNG's chunks as (type, data), each checked against its CRC."""
    if not data.startswith(SIGNATURE):
        raise PngCardError("not a PNG image")
    chunks, at = [], len(SIGNATURE)
    while at < len(data):
        if at + 8 > len(data):
            raise PngCardError("the PNG is cut short")
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 8 + length
        if end + 4 > len(data):
            raise PngCardError("the PNG is cut short")
        body = data[at + 8 : end]
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(kind + body) != crc:
            raise PngCardError(f"the PNG's {kind.decode('latin-1')!r} chunk is damaged")
        chunks.append((kind, body))
        at = end + 4
        if kind == b"IEND":
            break
    return chunks


def _text(body: bytes) -> tuple[str, bytes]:
    keyword, _, text = body.partition(b"\0")
    return keyword.decode("latin-1").lower(), text


def read_png_card(data: bytes) -> dict[str, Any]:
    """The card a PNG holds (V3 when it has both), as parsed JSON; PngCardError otherwise."""
    found: dict[str, bytes] = {}
    for kind, body in _chunks(data):
        if kind == b"tEXt":
            keyword, text = _text(body)
            if keyword in CARD_KEYWORDS and keyword not in found:
                found[keyword] = text
    for keyword in CARD_KEYWORDS:
        if keyword not in found:
            continue
        text = found[keyword]
        if len(text) > MAX_CARD_BYTES:
            raise PngCardError(f"its '{keyword}' card is over {MAX_CARD_BYTES // 1048576} MB")
        try:
            # As lenient as SillyTavern's reader: line breaks and missing padding are fine.
            padded = b"".join(text.split()) + b"=" * (-len(b"".join(text.split())) % 4)
            card = json.loads(base64.b64decode(padded).decode("utf-8-sig"))
        except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
            raise PngCardError(f"its '{keyword}' chunk is not a card (not base64 JSON)") from None
        if not isinstance(card, dict):
            raise PngCardError(f"its '{keyword}' chunk is not a card (not a JSON object)")
        return card
    raise PngCardError("this PNG holds no character card (no 'chara' or 'ccv3' text chunk)")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_with_card(image: bytes, v2: dict[str, Any], v3: dict[str, Any]) -> bytes:
    """``image`` (a PNG) with its card chunks replaced: ``chara`` (V2) and ``ccv3`` (V3)."""
    chunks = [
        (kind, body)
        for kind, body in _chunks(image)
        if not (kind == b"tEXt" and _text(body)[0] in CARD_KEYWORDS)
    ]
    cards = [
        (b"tEXt", keyword.encode() + b"\0" + base64.b64encode(json.dumps(card).encode("utf-8")))
        for keyword, card in (("chara", v2), ("ccv3", v3))
    ]
    ordered = chunks[:-1] + cards + chunks[-1:]  # before IEND
    return SIGNATURE + b"".join(_chunk(kind, body) for kind, body in ordered)


def as_png(image: bytes | None) -> bytes:
    """The user's picture as PNG bytes (any format Pillow reads), or a plain one."""
    from PIL import Image

    if image is None:
        picture = Image.new("RGB", (400, 600), (79, 70, 229))
    else:
        try:
            with Image.open(io.BytesIO(image)) as opened:
                opened.thumbnail((1024, 1536))  # a card's picture, not a poster
                picture = opened.convert("RGBA")
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise PngCardError(f"the picture cannot be read ({error})") from None
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()
