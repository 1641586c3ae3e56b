#!/usr/bin/env bash
# Quick start 1: set everything up and run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python examples/codemode_agent.py "$@"
