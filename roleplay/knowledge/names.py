"""Mapping what users call a pack to a valid Chroma collection name.

Chroma wants 3-512 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit.
Users write "Larkspur Health (sample)" or "Société Générale". The collection name keeps a
readable ASCII slug and adds a hash of the exact name, so names that slug alike stay apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

PREFIX = "pack-"


def collection_name(pack: str) -> str:
    cleaned = pack.strip()
    if not cleaned:
        raise ValueError("A pack needs a name")
    ascii_name = unicodedata.normalize("NFKD", cleaned).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(cleaned.encode("utf-8")).hexdigest()[:10]
    return f"{PREFIX}{slug}-{digest}" if slug else f"{PREFIX}{digest}"


def source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
