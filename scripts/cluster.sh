#!/usr/bin/env bash
# The whole cluster on one machine: PostgreSQL, a Chroma server, a llama.cpp server, N app
# processes and nginx, all on loopback (scripts/cluster.py says more; --help lists options).
# Needs the install (bash scripts/install.sh), PostgreSQL's server programs and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "nginx is not installed: apt-get install nginx-light" >&2
    exit 1
fi
exec .venv/bin/python scripts/cluster.py "$@"
