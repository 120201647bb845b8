#!/usr/bin/env bash
# Fresh machine to stored corpus: create .venv, install every pinned dependency (hash-checked,
# the spaCy model included), install detente, then run `detente ingest` with the arguments given
# (none: the seed corpus ../shared/corpus/seeds into ./detente.duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
if [ "${DETENTE_INSTALL_ONLY:-}" = 1 ]; then exit 0; fi
exec .venv/bin/detente ingest "$@"
