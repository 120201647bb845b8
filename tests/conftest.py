"""Shared fixtures: the loaded pipeline, the seed corpus, and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLD = ROOT.parent / "shared" / "corpus" / "seeds-gold"


@pytest.fixture(scope="session")
def nlp():
    from detente.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("the seed corpus ../shared/corpus/seeds is not beside the project")
    return SEEDS


def run_cli(*args: str, cwd: Path | None = None, timeout: int = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `detente ARGS` as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "detente.cli", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


@pytest.fixture
def cli():
    return run_cli


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
