#!/usr/bin/env bash
# Install everything the tests need, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
