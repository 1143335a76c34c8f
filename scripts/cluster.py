"""The whole cluster on one machine, on loopback: a throwaway PostgreSQL, a Chroma server, a
llama.cpp server with the embedded model, N app processes and nginx in front of them.

    bash scripts/cluster.sh                      3 app processes behind http://127.0.0.1:8080
    bash scripts/cluster.sh --processes 5 --port 9000
    bash scripts/cluster.sh --info cluster.json  also write where everything is (for tests)

Everything lives in a throwaway folder; Ctrl-C (or SIGTERM) stops every part and removes it.
The app processes run with the embedded model's own settings (the strict director, notes from
evidence, no judge), so a turn costs what it costs on one machine without the cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "roleplay.conf.in"
# The embedded model's own behaviour, served over HTTP (see docs/configuration.md).
APP_SETTINGS = {
    "ROLEPLAY_LLM": "openai",
    "ROLEPLAY_LLM_MODEL": "smollm2",
    "ROLEPLAY_LLM_API_KEY": "not-needed",
    "ROLEPLAY_DIRECTOR": "strict",
    "ROLEPLAY_VOICING_TRIES": "0",
    "ROLEPLAY_NOTES": "evidence",
    "ROLEPLAY_JUDGE": "off",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready: Any, process: subprocess.Popen, what: str, log: Path, timeout: float) -> None:
    """Poll ``ready()`` until it is true; fail with the end of ``log`` if the process exits."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{log.read_text(errors='replace')[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start in {timeout:.0f} s (log: {log})")
        time.sleep(0.3)


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def started(
    command: list[str], log: Path, ready: Any, what: str, env: dict | None = None, timeout=120
) -> Iterator[subprocess.Popen]:
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        wait_until(ready, process, what, log, timeout)
        yield process
    finally:
        stop(process)


def postgres_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return str(found)


@contextmanager
def postgres(home: Path) -> Iterator[str]:
    """A throwaway PostgreSQL with one database; as root, run by the 'postgres' user (it
    refuses to run as root)."""
    import psycopg

    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = home / "postgres"
    folder.mkdir()
    if as_user:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    initdb = [
        postgres_bin("initdb"),
        "-D",
        str(data),
        "-U",
        "roleplay",
        "--auth=trust",
        "-E",
        "UTF8",
    ]
    subprocess.run([*as_user, *initdb], check=True, capture_output=True)
    port = free_port()
    server = f"postgresql://roleplay@127.0.0.1:{port}/postgres"

    def ready() -> bool:
        try:
            psycopg.connect(server, connect_timeout=2).close()
            return True
        except psycopg.OperationalError:
            return False

    command = [
        *as_user, postgres_bin("postgres"), "-D", str(data), "-p", str(port), "-k", str(folder),
        "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200",
    ]  # fmt: skip
    with started(command, home / "postgres.log", ready, "PostgreSQL", timeout=60):
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute('CREATE DATABASE "roleplay"')
        yield f"postgresql://roleplay@127.0.0.1:{port}/roleplay"


@contextmanager
def chroma(home: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "chroma"), "run", "--path", str(home / "chroma"), "--port", str(port)]
    command += ["--host", "127.0.0.1"]
    with started(
        command, home / "chroma.log", lambda: answers(f"{url}/api/v2/heartbeat"), "Chroma"
    ):
        yield url


@contextmanager
def model_server(home: Path, model: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias",
        "smollm2", "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096",
    ]  # fmt: skip
    with started(command, home / "model.log", lambda: answers(f"{url}/models"), "llama.cpp"):
        yield url


def app_command(port: int) -> list[str]:
    return [str(BIN / "roleplay"), "serve", "--port", str(port), "--no-open"]


@contextmanager
def apps(home: Path, env: dict[str, str], count: int) -> Iterator[list[dict[str, Any]]]:
    """``count`` app processes, the first alone (it builds the sample research the others
    then find), the rest together; each ready when its ``/readyz`` says so."""
    with ExitStack() as stack:
        made: list[dict[str, Any]] = []
        for batch in ([0], list(range(1, count))):
            waiting = []
            for i in batch:
                port = free_port()
                app_env = {**env, "ROLEPLAY_DATA_DIR": str(home / f"app-{i + 1}")}
                log = home / f"app-{i + 1}.log"
                output = stack.enter_context(log.open("w"))
                process = subprocess.Popen(
                    app_command(port),
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=app_env,
                    start_new_session=True,
                )
                stack.callback(stop, process)
                url = f"http://127.0.0.1:{port}"
                made.append({"url": url, "port": port, "pid": process.pid, "log": str(log)})
                waiting.append((process, url, log))
            for process, url, log in waiting:
                wait_until(lambda u=url: answers(f"{u}/readyz"), process, "an app", log, 600)
        yield made


@contextmanager
def nginx(home: Path, port: int, ports: list[int]) -> Iterator[str]:
    upstreams = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in ports
    )
    config = (
        NGINX_TEMPLATE.read_text()
        .replace("@HOME@", str(home))
        .replace("@LISTEN@", f"127.0.0.1:{port}")
        .replace("@UPSTREAMS@", upstreams)
    )
    (home / "nginx.conf").write_text(config)
    url = f"http://127.0.0.1:{port}"
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [
        binary,
        "-p",
        str(home),
        "-c",
        str(home / "nginx.conf"),
        "-e",
        str(home / "nginx-error.log"),
    ]
    with started(command, home / "nginx.log", lambda: answers(f"{url}/healthz"), "nginx"):
        yield url


@contextmanager
def cluster(processes: int = 3, port: int = 8080, model: Path | None = None) -> Iterator[dict]:
    """Start every part; yield where each is (the ``--info`` document)."""
    from roleplay.llm.local import default_model_path

    home = Path(tempfile.mkdtemp(prefix="roleplay-cluster-"))
    home.chmod(0o755)
    try:
        with ExitStack() as stack:
            database = stack.enter_context(postgres(home))
            store = stack.enter_context(chroma(home))
            llm = stack.enter_context(model_server(home, model or default_model_path()))
            balancer_url = f"http://127.0.0.1:{port}"
            clean = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
            env = {
                **clean,
                **APP_SETTINGS,
                "ROLEPLAY_DATABASE_URL": database,
                "ROLEPLAY_CHROMA_URL": store,
                "ROLEPLAY_LLM_BASE_URL": llm,
                "ROLEPLAY_IDENTITY_KEY_FILE": str(home / "identity-key"),
                "ROLEPLAY_PUBLIC_URL": balancer_url,
            }
            made = stack.enter_context(apps(home, env, processes))
            balancer = stack.enter_context(nginx(home, port, [a["port"] for a in made]))
            yield {
                "balancer": balancer,
                "apps": made,
                "database": database,
                "chroma": store,
                "model": llm,
                "home": str(home),
                "app_env": {k: v for k, v in env.items() if k.startswith("ROLEPLAY_")},
                "app_command": app_command(0)[:2],
            }
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=3, help="app processes (default 3)")
    parser.add_argument("--port", type=int, default=8080, help="the balancer's port")
    parser.add_argument("--model", type=Path, help="a GGUF file (default: the embedded model)")
    parser.add_argument("--info", type=Path, help="write where everything is to this file")
    options = parser.parse_args()
    if options.processes < 1:
        parser.error("--processes must be at least 1")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        with cluster(options.processes, options.port, options.model) as info:
            if options.info:
                staged = options.info.with_suffix(".tmp")
                staged.write_text(json.dumps(info, indent=2))
                staged.replace(options.info)  # whole, so a reader never sees half of it
            print(f"Interview Roleplay: {len(info['apps'])} processes behind {info['balancer']}")
            for app in info["apps"]:
                print(f"  app {app['url']}  (pid {app['pid']}; /readyz, /metrics)")
            print("Ctrl-C stops every part and removes the throwaway data.", flush=True)
            while not stopping:
                time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    except RuntimeError as error:
        print(f"The cluster could not start: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
