"""Shared fixtures: the loaded pipeline, the seed corpus, and a way to run the real CLI."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`detente serve ARGS` on a free loopback port; its stderr kept in a file."""

    def __init__(self, db: Path, *args: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = db.parent / f"serve-{self.port}.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(db),
                                      "--port", str(self.port), *args], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.base}/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"the server did not start: {self.output()}")
            time.sleep(0.2)

    def output(self) -> str:
        return self.log_path.read_text()

    def token(self) -> str:
        m = re.search(r"uploads need the token (\S+) ", self.output())
        assert m, self.output()
        return m.group(1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        self.log.close()


# --- one seed store for the web, API and consistency tests -----------------------------------------

def seed_store(tmp_path_factory, seeds) -> Path:
    """The seed corpus ingested by the real CLI once per test session (shared with the browser tests)."""
    db = tmp_path_factory.getbasetemp() / "web-seed" / "detente.duckdb"
    if not db.exists():
        db.parent.mkdir(exist_ok=True)
        result = run_cli("ingest", seeds, "--db", db)
        assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeds) -> Path:
    return seed_store(tmp_path_factory, seeds)


LOCAL = "http://127.0.0.1:8000"  # requests must name an allowed host (TestClient's own is 'testserver')


def local(app, **options):
    """A TestClient that names an allowed host."""
    from fastapi.testclient import TestClient

    return TestClient(app, base_url=LOCAL, **options)


@pytest.fixture(scope="module")
def client(seed_db):
    """A read-only server over the seed store (what the property test and most reads use)."""
    from detente.web import create_app

    with local(create_app(seed_db)) as c:
        yield c
