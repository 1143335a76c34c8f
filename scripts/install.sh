#!/usr/bin/env bash
# Install the app into ./.venv (with --test: the test tools too). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv with $($python --version)…"
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip

# llama.cpp builds from source; a build tuned to this CPU crashes on some machines, so build it
# for generic x86-64 (about 7 minutes once; pip caches the wheel afterwards).
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}"

# The embedder needs PyTorch. A plain requirement pulls a CUDA build of several GB; on our CI
# machines this exact version resolves to a CPU wheel already on disk. Elsewhere, install a CPU
# build of torch into .venv first if you want to keep the install small.
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
    echo "Installing PyTorch (CPU build)…"
    .venv/bin/python -m pip install --quiet torch==2.13.0
fi

target=".[voice]"
if [ "${1:-}" = "--test" ]; then
    target=".[test,voice]"
fi
echo "Installing $target into .venv (the first run builds llama.cpp and takes several minutes)…"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
