"""Every analysis view's latency and peak memory on synthetic stores of 10k, 100k and 1M events.

    .venv/bin/python benchmarks/views.py [--sizes 10000,100000,1000000] [--only dyad,/api/] [--seed 0]

Stores come from benchmarks/synthetic.py (built once, cached under benchmarks/.stores; set
DETENTE_BENCH_STORES to keep them elsewhere). Measured on each store:
  - the CLI as a user runs it, each command a new process (start-up included): `detente dyad RUS
    IRN`, `clusters --dyad RUS,IRN`, `clusters -f json`, `events`, `actors`, `quotes`, `network`,
    `detente report RUS IRN`; peak memory is that process's maximum resident set (wait4);
  - every GET endpoint of the API and every dashboard page, through FastAPI's TestClient on the
    store opened read-only as `detente serve` opens it; peak memory is this process's resident
    set while the request runs (sampled every 20 ms), so it includes the open store's caches;
    the CSV/JSON exports (which stream every row a filter selects) are listed apart as 'export'.
The table shows seconds and peak MiB per size, and the ratio of the largest size's time to the
smallest's (the baseline of the same run). At 1,000,000 events issue 15's bars apply: `detente
dyad` under 2 s and 1 GB, every endpoint and page under 2 s, `detente report` under 10 s. Exits 1
when a bar is missed or a view fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import PeakRSS  # noqa: E402
from synthetic import cached_store  # noqa: E402

BAR_AT = 1_000_000
DYAD_SECONDS, DYAD_BYTES, VIEW_SECONDS, REPORT_SECONDS = 2.0, 1 << 30, 2.0, 10.0
LOCAL = "http://127.0.0.1:8000"  # a host the app allows


def cli_views(a: str, b: str) -> list[tuple[str, list[str]]]:
    return [
        (f"detente dyad {a} {b}", ["dyad", a, b]),
        (f"detente clusters --dyad {a},{b}", ["clusters", "--dyad", f"{a},{b}"]),
        ("detente clusters -f json", ["clusters", "-f", "json"]),
        ("detente events", ["events"]),
        ("detente actors", ["actors"]),
        ("detente quotes", ["quotes"]),
        ("detente network", ["network"]),
        (f"detente report {a} {b}", ["report", a, b, "-o", "{tmp}/report.html"]),
    ]


def web_views(con, a: str, b: str) -> list[tuple[str, str]]:
    """(kind, name, url) of every GET route, with path parameters from the store."""
    doc_id = con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchone()[0]
    event_id = con.execute("SELECT event_id FROM events WHERE source = ? AND target = ? ORDER BY event_id LIMIT 1",
                           [a, b]).fetchone()[0]
    from urllib.parse import quote

    ev = quote(event_id, safe="")
    api = ["/api/overview", "/api/documents", "/api/documents?offset=1000", f"/api/documents/{doc_id}", "/api/events",
           f"/api/events?dyad={a},{b}", "/api/events?offset=5000", f"/api/events/{ev}", "/api/actors", f"/api/actors/{a}",
           f"/api/actors/{a}?offset=100", "/api/quotes", f"/api/quotes?actor={a}", "/api/issues",
           "/api/search?q=cooperate%20Iran", f"/api/dyad/{a}/{b}", f"/api/dyad/{a}/{b}?by=month", "/api/dyads",
           "/api/dyads?sort=mean_goldstein", "/api/network", "/api/clusters", f"/api/clusters?dyad={a},{b}",
           f"/api/clusters?dyad={a},{b}&offset=100"]
    pages = ["/", "/documents", "/documents?sort=events", f"/documents/{doc_id}", "/events", f"/events?dyad={a},{b}",
             "/events?sort=goldstein", f"/events/{ev}", "/actors", "/actors?sort=name", f"/actors/{a}",
             "/search?q=cooperate%20Iran", "/upload", "/dyads", f"/dyad?a={a}&b={b}", f"/dyad/{a}/{b}",
             f"/dyad/{a}/{b}?by=quarter", "/sql",
             "/sql?sql=" + quote("SELECT source, target, count(*) AS n FROM clusters GROUP BY ALL ORDER BY n DESC LIMIT 20")]
    exports = ["/documents.csv", "/events.csv", f"/events.json?dyad={a},{b}", "/actors.csv", "/dyads.csv",
               "/sql.csv?sql=" + quote("SELECT * FROM events LIMIT 1000")]
    named = [("api", u) for u in api] + [("page", u) for u in pages] + [("export", u) for u in exports]
    # rows named by route, the same across stores whose ids differ
    return [(kind, u.replace(ev, "{event_id}").replace(doc_id, "{doc_id}"), u) for kind, u in named]


def run_cli(args: list[str], db: Path, tmp: str, timeout: float) -> tuple[float, int, str]:
    """(seconds, peak RSS bytes, error or '') of `detente ARGS --db DB` in a new process, killed
    after `timeout` seconds."""
    args = [x.replace("{tmp}", tmp) for x in args]
    with open(Path(tmp) / "out.txt", "wb") as out, open(Path(tmp) / "err.txt", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "detente.cli", *args, "--db", str(db)], stdout=out, stderr=err,
                                env={**os.environ, "COLUMNS": "160"})
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    error = ""
    if seconds > timeout:
        error = f"killed after {timeout:g} s"
    elif proc.returncode:
        error = (Path(tmp) / "err.txt").read_text(errors="replace").strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        error = error[0][:120]
    return seconds, usage.ru_maxrss * 1024, error


def measure(size: int, seed: int, a: str, b: str, only: list[str] | None, timeout: float, log) -> dict[tuple[str, str], tuple]:
    from fastapi.testclient import TestClient

    from detente import store
    from detente.web.app import create_app

    db = cached_store(size, seed, log=log)
    results: dict[tuple[str, str], tuple] = {}

    def wanted(name: str) -> bool:
        return not only or any(o in name for o in only)

    with tempfile.TemporaryDirectory() as tmp:
        for name, args in cli_views(a, b):
            if wanted(name):
                kind = "report" if args[0] == "report" else "dyad" if args[0] == "dyad" else "cli"
                results[(kind, name)] = run_cli(args, db, tmp, timeout)
                log(f"  {size:>9,} {name}: {results[(kind, name)][0]:.2f} s")
    con = store.connect(db, read_only=True)
    views = [v for v in web_views(con, a, b) if wanted(v[1])]
    con.close()
    if not views:
        return results
    app = create_app(db, read_only=True)
    with TestClient(app, base_url=LOCAL) as client:
        for kind, name, url in views:
            with PeakRSS() as peak:
                start = time.perf_counter()
                response = client.get(url)
                size_bytes = len(response.content)
                seconds = time.perf_counter() - start
            error = "" if response.status_code == 200 else f"HTTP {response.status_code}: {response.text[:100]}"
            results[(kind, name)] = (seconds, peak.peak, error, size_bytes)
            log(f"  {size:>9,} {url}: {seconds:.2f} s, {size_bytes / 1e6:.1f} MB")
    return results


def bar(kind: str, seconds: float, peak: int) -> str | None:
    """The bar a view at BAR_AT events misses, or None."""
    if kind == "dyad" and (seconds >= DYAD_SECONDS or peak >= DYAD_BYTES):
        return f"bar: < {DYAD_SECONDS:g} s and < 1 GB"
    if kind in ("api", "page") and seconds >= VIEW_SECONDS:
        return f"bar: < {VIEW_SECONDS:g} s"
    if kind == "report" and seconds >= REPORT_SECONDS:
        return f"bar: < {REPORT_SECONDS:g} s"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="Comma-separated event counts.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pair", default="RUS,IRN", help="The dyad the dyad views and the report are on.")
    parser.add_argument("--only", help="Comma-separated parts of view names to measure (dyad,/api/): the rest skipped.")
    parser.add_argument("--timeout", type=float, default=600, help="Kill a CLI command after this many seconds.")
    parser.add_argument("--quiet", action="store_true", help="Print only the table.")
    args = parser.parse_args()
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes takes comma-separated numbers of events (got {args.sizes!r})")
    if not sizes or sizes[0] < 1000:
        parser.error("--sizes takes event counts of 1000 or more")
    a, b = (args.pair.upper().split(",") + [""])[:2]
    if not a or not b or a == b:
        parser.error(f"--pair takes two different codes, e.g. RUS,IRN (got {args.pair!r})")
    only = [o for o in (args.only or "").split(",") if o] or None
    log = (lambda *_: None) if args.quiet else (lambda *x: print(*x, file=sys.stderr, flush=True))

    measured = {size: measure(size, args.seed, a, b, only, args.timeout, log) for size in sizes}
    names = list(dict.fromkeys(k for r in measured.values() for k in r))
    head = f"{'view':<58} {'kind':<7}" + "".join(f" {f'{s:,} ev':>18}" for s in sizes)
    if len(sizes) > 1:
        head += f" {'x base':>7}"
    print(head)
    print(f"{'':<58} {'':<7}" + "".join(f" {'s':>8} {'MiB':>9}" for _ in sizes))
    missed, failed = [], []
    for kind, name in names:
        line = f"{name[:58]:<58} {kind:<7}"
        for size in sizes:
            got = measured[size].get((kind, name))
            if got is None:
                line += f" {'-':>8} {'-':>9}"
                continue
            seconds, peak, error = got[:3]
            line += f" {seconds:8.2f} {peak / 2**20:9.0f}"
            if error:
                failed.append(f"{name} at {size:,}: {error}")
            if size == BAR_AT and (why := bar(kind, seconds, peak)):
                missed.append(f"{name}: {seconds:.2f} s, {peak / 2**20:.0f} MiB ({why})")
        first, last = measured[sizes[0]].get((kind, name)), measured[sizes[-1]].get((kind, name))
        if len(sizes) > 1 and first and last:
            line += f" {last[0] / max(first[0], 1e-3):7.1f}"
        print(line)
    if BAR_AT not in sizes:
        print(f"\nbars not checked: they apply at {BAR_AT:,} events (add it to --sizes)")
    for f in failed:
        print(f"FAILED {f}")
    for m in missed:
        print(f"MISSED {m}")
    if not missed and not failed and BAR_AT in sizes:
        print(f"\nevery bar met at {BAR_AT:,} events")
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
