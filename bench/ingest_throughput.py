"""Ingest throughput: chunks/s, MB/s and the share of time spent embedding.

Runs on the shipped sample pack and on a synthetic pack of at least 10,000 chunks, into a fresh
embedded store. Run: .venv/bin/python bench/ingest_throughput.py [--chunks N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from langchain_core.embeddings import Embeddings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.knowledge import embeddings as _embeddings
from roleplay.knowledge.embeddings import Embedder
from roleplay.knowledge.ingest import ingest
from roleplay.knowledge.store import PackStore, connect
from roleplay.wiring import knowledge as configured
from tests.support.documents import synthetic_notes


class TimedEmbeddings(Embeddings):
    def __init__(self, inner: Embeddings):
        self.inner = inner
        self.seconds = 0.0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        start = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.seconds += time.perf_counter() - start

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def synthetic_pack(folder: Path, chunks: int, chunk_size: int) -> None:
    per_file = 200
    for number in range(chunks // per_file + 1):
        text = synthetic_notes(per_file, chunk_size // 7, seed=number, title=str(number))
        (folder / f"notes-{number:03d}.md").write_text(text)


def run(label: str, folder: Path, settings: Settings, timed: TimedEmbeddings) -> None:
    store = PackStore(connect(settings), Embedder("local:all-MiniLM-L6-v2", timed))
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    timed.seconds = 0.0
    start = time.perf_counter()
    outcomes = ingest(
        store,
        label,
        [str(folder)],
        limits=configured.limits(settings),
        chunking=configured.chunking(settings),
    )
    elapsed = time.perf_counter() - start
    chunks = sum(o.chunks for o in outcomes)
    print(
        f"{label:<10} {len(outcomes):>5} files {chunks:>7} chunks {size / 1e6:>7.2f} MB "
        f"{elapsed:>8.1f} s {chunks / elapsed:>8.1f} chunks/s {size / 1e6 / elapsed:>6.3f} MB/s "
        f"embedding {100 * timed.seconds / elapsed:>4.0f}% of the time"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        timed = TimedEmbeddings(_embeddings.build_embedder(settings).model)
        timed.inner.embed_query("warm up")  # load the model outside the timings
        run("sample", shipped_dir("knowledge") / "larkspur-health", settings, timed)
        synthetic = Path(tmp) / "synthetic"
        synthetic.mkdir()
        synthetic_pack(synthetic, args.chunks, settings.chunk_size)
        run("synthetic", synthetic, settings, timed)


if __name__ == "__main__":
    main()
