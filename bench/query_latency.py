"""Query latency (p50/p95) of a pack at 1k, 10k and 100k chunks, embedded and server mode.

Chunks are random unit vectors written straight into Chroma, so that reaching 100k chunks does not
take an hour of embedding; the timing is of the store's query with the same filter the app uses.
Embedding the query with the local model is timed separately. Server mode starts a real
``chroma run`` unless --chroma-url is given.
Run: .venv/bin/python bench/query_latency.py [--sizes 1000 10000 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack, suppress
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from roleplay.core.settings import Settings
from roleplay.knowledge.embeddings import build_embedder
from roleplay.knowledge.store import connect
from tests.support.servers import chroma_server

DIM = 384


def unit(rng: np.random.Generator, n: int) -> np.ndarray:
    vectors = rng.standard_normal((n, DIM)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(settings: Settings, size: int, queries: int) -> tuple[float, ...]:
    client = connect(settings)
    name = f"bench-{size}"
    with suppress(Exception):
        client.delete_collection(name)
    collection = client.create_collection(name, configuration={"hnsw": {"space": "cosine"}})
    rng = np.random.default_rng(size)
    start = time.perf_counter()
    for offset in range(0, size, 5000):
        count = min(5000, size - offset)
        collection.add(
            ids=[f"c{offset + i}" for i in range(count)],
            embeddings=unit(rng, count),
            documents=[f"chunk {offset + i}" for i in range(count)],
            metadatas=[{"version": "v1", "position": offset + i} for i in range(count)],
        )
    load = time.perf_counter() - start
    results = []
    # The app filters by source version only while an interrupted write left chunks behind.
    for where in (None, {"version": "v1"}):
        timings = []
        for vector in unit(rng, queries):
            began = time.perf_counter()
            collection.query(
                query_embeddings=[vector],
                n_results=12,
                where=where,
                include=["documents", "metadatas", "distances", "embeddings"],
            )
            timings.append((time.perf_counter() - began) * 1000)
        results += [percentile(timings, 0.5), percentile(timings, 0.95)]
    client.delete_collection(name)
    return (*results, load)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--chroma-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        embedded = Settings(data_dir=Path(tmp) / "embedded")
        url = args.chroma_url or stack.enter_context(
            chroma_server(Path(tmp) / "server", Path(tmp) / "server.log")
        )
        server = Settings(data_dir=Path(tmp) / "unused", chroma_url=url)
        embedder = build_embedder(embedded).model
        embedder.embed_query("warm up")
        times = []
        for _ in range(50):
            began = time.perf_counter()
            embedder.embed_query("What did the readmission study find?")
            times.append((time.perf_counter() - began) * 1000)
        print(
            f"embedding one query (local MiniLM): p50 {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms"
        )
        print(
            f"{'mode':<9} {'chunks':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'filtered p50':>13} {'filtered p95':>13} {'load s':>8}"
        )
        for label, settings in (("embedded", embedded), ("server", server)):
            for size in args.sizes:
                p50, p95, f50, f95, load = measure(settings, size, args.queries)
                print(
                    f"{label:<9} {size:>8} {p50:>8.2f} {p95:>8.2f} {f50:>13.2f} {f95:>13.2f} "
                    f"{load:>8.1f}"
                )


if __name__ == "__main__":
    main()
