"""Real processes and sockets for tests: llama.cpp, Chroma, HTTP stubs and static files."""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


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
        stop(process)


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

    with serving(Handler) as url:
        yield f"{url}/v1", seen


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

    with serving(partial(Quiet, directory=str(folder))) as url:
        yield url


@contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """An HTTP server on loopback, each request in a thread of its own; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """A server standing in for an attacker's: yields its URL and the paths of every request
    made to it (each answered with an empty PNG)."""
    seen: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.send_header("content-type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with serving(Recorder) as url:
        yield url, seen


@contextmanager
def serve_process(
    folder: Path, env: dict[str, str], port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run ``roleplay serve`` with its data under ``folder``; yield its URL and its process."""
    port = port or free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
    full_env = {**clean, "ROLEPLAY_DATA_DIR": str(folder / "data"), **env}
    roleplay = Path(sys.executable).with_name("roleplay")
    command = [str(roleplay), "serve", "--port", str(port), "--no-open"]
    url = f"http://127.0.0.1:{port}/"
    log = folder / f"serve-{port}-{time.monotonic_ns()}.log"
    with running(command, url, log, env=full_env, timeout=300) as process:
        yield url, process


@contextmanager
def roleplay_serve(folder: Path, env: dict[str, str]) -> Iterator[str]:
    """Run ``roleplay serve`` with its data under ``folder`` and ``env`` on top; yield its URL."""
    with serve_process(folder, env) as (url, _process):
        yield url


def _postgres_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free port; yields a URL with trust authentication.

    PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user,
    in a folder of its own that user can reach (pytest's tmp folders are private to root).
    """
    import tempfile

    import psycopg

    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="roleplay-pg-"))
    folder.chmod(0o755)
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(exist_ok=True)
    if as_user:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    log = folder / "postgres.log"
    initdb = [_postgres_bin("initdb"), "-D", str(data), "-U", "roleplay", "--auth=trust"]
    subprocess.run([*as_user, *initdb, "-E", "UTF8"], check=True, capture_output=True)
    port = free_port()
    command = [
        *as_user,
        _postgres_bin("postgres"),
        "-D",
        str(data),
        "-p",
        str(port),
        "-k",
        str(sockets),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"postgresql://roleplay@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"postgres exited:\n{log.read_text()[-3000:]}")
            try:
                psycopg.connect(url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"postgres did not start:\n{log.read_text()[-3000:]}"
                    ) from None
                time.sleep(0.3)
        yield url
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server; return its URL."""
    import uuid

    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
