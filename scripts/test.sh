#!/usr/bin/env bash
# Quick start 2: set everything up, lint, type-check and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo '--- ruff check'
.venv/bin/ruff check src tests examples benchmarks
echo '--- ruff format --check'
.venv/bin/ruff format --check src tests examples benchmarks
echo '--- ty check'
.venv/bin/ty check src
echo '--- pytest'
.venv/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
