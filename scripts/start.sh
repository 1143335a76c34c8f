#!/usr/bin/env bash
# Install everything, then start the app on the embedded defaults (no keys, no servers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/roleplay serve "$@"
