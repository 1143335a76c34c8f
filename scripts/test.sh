#!/usr/bin/env bash
# Install everything the tests need, then run the linter and the whole test suite.
#
#   bash scripts/test.sh            the full suite, every real part (what CI runs)
#   bash scripts/test.sh --fast     only the tests that need no real part (no model, browser,
#                                   PostgreSQL, Chroma server, subprocess or wheel), with the
#                                   network blocked; installs only when nothing is installed
# Any other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

fast=0
if [ "${1:-}" = "--fast" ]; then
    fast=1
    shift
fi
started=$SECONDS
phases=()
phase() { phases+=("$1: $((SECONDS - started)) s"); started=$SECONDS; }

if [ $fast = 1 ] && [ -x .venv/bin/python ] && .venv/bin/python -c "import roleplay, pytest, mkdocs, importlinter, mypy, hypothesis" 2>/dev/null; then
    phase "install (skipped: already installed)"
else
    bash scripts/install.sh --test
    phase "install"
fi

if [ $fast = 0 ]; then
    # From Debian: Chromium for the browser tests (never a browser downloaded by Playwright),
    # PostgreSQL's server programs, which the tests run as throwaway clusters of their own,
    # tmux, the real 80-column terminal the command's screens are captured in, and poppler's
    # pdftotext, which reads the report PDFs back.
    missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    # nginx, the balancer of the cluster tests (scripts/cluster.sh).
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        missing+=(postgresql)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} for the tests…"
        sudo_cmd=""
        [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    phase "system packages"
fi

.venv/bin/ruff check .
# The package layers (pyproject.toml's [tool.importlinter]): nothing imports upwards.
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
# The types of every package below the shells (pyproject.toml's [tool.mypy]).
.venv/bin/mypy
phase "lint"
# The generated pages (settings, CLI reference) must match the code, and the site must build
# without a warning (a broken link or a missing page fails it).
.venv/bin/python scripts/docs.py --check
docs_log=$(mktemp)
if ! NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir "$(mktemp -d)" >"$docs_log" 2>&1; then
    cat "$docs_log"
    exit 1
fi
phase "docs"
status=0
if [ $fast = 1 ]; then
    real="browser or web_server or postgres or chroma_server or local_model or llama_server"
    real="$real or speech_model or cluster"
    ROLEPLAY_TEST_TIER=fast .venv/bin/python -m pytest -m "not ($real or wheel or cli)" "$@" \
        || status=$?
else
    # Two workers, each taking whole files (a file's module fixtures, such as its browser or
    # its cluster, are started once); the slowest tests, to keep the run inside its budget.
    .venv/bin/python -m pytest -n 2 --dist loadfile --durations=25 "$@" || status=$?
fi
phase "tests"
echo "Time per phase:"
printf '  %s\n' "${phases[@]}"
exit $status
