"""Real processes and sockets for tests: llama.cpp, Chroma, HTTP stubs and static files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(
    command: list[str], ready_url: str, log: Path, *, env: dict | None = None, timeout: float = 120
) -> Iterator[subprocess.Popen]:
    """Start ``command``, wait until ``ready_url`` answers 200, and stop it afterwards."""
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(ready_url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def llama_cpp_server(
    model: Path, log: Path, alias: str = "smollm2", port: int | None = None
) -> Iterator[str]:
    """Run ``python -m llama_cpp.server`` (on a free port unless given); yield its base URL."""
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        alias,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        # The server's default is half the cores, which halves prompt speed here.
        "--n_threads",
        str(os.cpu_count() or 1),
    ]
    base_url = f"http://127.0.0.1:{port}/v1"
    with running(command, f"{base_url}/models", log):
        yield base_url


@dataclass
class StubReply:
    status: int = 200
    body: dict = field(default_factory=dict)
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


@contextmanager
def stub_server(reply: StubReply) -> Iterator[tuple[str, list[str]]]:
    """An HTTP server answering every POST with ``reply``; yields (base URL, request paths)."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(self.path)
            self.rfile.read(int(self.headers.get("content-length", 0)))
            time.sleep(reply.delay)
            payload = json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chroma_server(path: Path, log: Path) -> Iterator[str]:
    """Run a real ``chroma run`` server on a free port; yield its URL."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    command = [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/api/v2/heartbeat", log, timeout=60):
        yield url


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on loopback; yield the base URL."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def roleplay_serve(folder: Path, env: dict[str, str]) -> Iterator[str]:
    """Run ``roleplay serve`` with its data under ``folder`` and ``env`` on top; yield its URL."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
    full_env = {**clean, "ROLEPLAY_DATA_DIR": str(folder / "data"), **env}
    roleplay = Path(sys.executable).with_name("roleplay")
    command = [str(roleplay), "serve", "--port", str(port), "--no-open"]
    url = f"http://127.0.0.1:{port}/"
    with running(command, url, folder / "serve.log", env=full_env, timeout=300):
        yield url
