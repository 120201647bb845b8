"""Every README command runs as written (issue 17).

The README is the source of truth: this module reads its fenced ```bash / ```sh / ```console blocks,
splits them into commands (one a line, trailing `# comments` dropped, lines ending in `\\` joined)
and runs each one through bash, exactly as written, in a temporary copy of what a user has after the
README's set-up:

- the working folder `main/` holds `./detente.duckdb`, made by `.venv/bin/detente ingest` with no
  path (the last step of `bash scripts/setup.sh`), `.venv` (a link to the project's) and `devset`
  (a link to the project's); `../shared` beside it is a link to the project's `../shared`, so
  `../shared/corpus/seeds` and `../shared/corpus/seeds-gold` resolve as the README says;
- HOME is that folder, so `~/articles/` is `main/articles/`; the venv's bin comes first on PATH
  (what `source .venv/bin/activate` does), so `detente` and `python` are the project's;
- every input a README `ingest` command names that does not exist (`~/articles/`, `feed.jsonl`,
  `export.csv`, `page.html`, any new one) is created there with a few short articles of the kind
  its suffix says.

Commands that only read the store share that folder (the store's bytes are checked unchanged after
each); commands that write it (`ingest`, `reanalyse`, `serve --writable`) run on their own copy.
`detente serve` is started, must answer on the port the README shows (if that port is taken here,
`--port FREE` is appended and the README's port replaced by FREE in the expected output: the one
substitution), and is stopped.

Each command must exit 0 (or the code its comment states, `# exit code N`), print no traceback,
leave the file it names with `-o`, print what its comment quotes when the comment is only a
quotation (`# "20 of 57 events"`, somewhere in a line), and print what the README shows right after
it: a plain ``` block that follows a shell block with nothing but prose between them is the output
of that block's last command (in a ```console block, the lines after a `$ ` command are its
output). Lines are compared literally, counts and paths included; `...` stands for anything
(`X1y2...` for one word). The plain blocks that stand elsewhere are checked by their own tests
below (the set-up summary, the error example of "Bad input never stops a run", the upload token
line), and a test fails when the README gains a plain block that none of these checks.

Commands not run are named, each with its reason, by skip_reason(); a command that fails because
the README or the CLI is wrong is listed in KNOWN_FAILURES and marked xfail(strict=True) with the
reason, so the case fails again (XPASS) once the README or the CLI is put right.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from .conftest import ROOT

README = ROOT / "README.md"
VENV = ROOT / ".venv"
SHELLS = {"bash", "sh", "shell", "zsh"}
CONSOLES = {"console", "shell-session"}
PLAIN = {"", "text", "output"}
TIMEOUT = 300


# --- reading the README --------------------------------------------------------------------------

@dataclass
class Block:
    lang: str
    line: int                 # 1-based line of the opening fence
    end: int                  # 1-based line of the closing fence
    lines: list[str]
    between: list[str]        # the README lines between the previous block's end and this one


@dataclass
class Command:
    text: str                 # as written, comments dropped, continuations joined
    comment: str
    line: int
    block: Block
    expected: list[str] = field(default_factory=list)   # the output the README shows for it
    expected_line: int = 0

    @property
    def quoted(self) -> str | None:
        """What the command prints, when its comment is only that, quoted: `# "20 of 57 events"`."""
        m = re.fullmatch(r'"([^"]+)"', self.comment)
        return m.group(1) if m else None

    def __repr__(self) -> str:
        return f"<README line {self.line}: {self.text}>"


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    i, last_end = 0, 0
    while i < len(lines):
        stripped = lines[i].lstrip(" ")
        if len(lines[i]) - len(stripped) <= 3 and stripped.startswith("```"):
            fence = stripped[: len(stripped) - len(stripped.lstrip("`"))]
            lang = stripped[len(fence):].strip().split(" ")[0].lower()
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].lstrip(" ").startswith(fence):
                body.append(lines[i])
                i += 1
            blocks.append(Block(lang, start + 1, i + 1, body, lines[last_end:start]))
            last_end = i + 1
        i += 1
    return blocks


def split_comment(line: str) -> tuple[str, str]:
    """(code, comment): a `#` outside quotes at the start of a word starts a comment, as in bash."""
    quote = None
    escaped = False
    for k, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\" and quote != "'":
            escaped = True
        elif quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (k == 0 or line[k - 1] in " \t"):
            return line[:k].rstrip(), line[k + 1:].strip()
    return line.rstrip(), ""


def commands_of(block: Block) -> list[Command]:
    found: list[Command] = []
    pending, pending_line, pending_comment = "", 0, ""
    for n, raw in enumerate(block.lines, start=block.line + 1):
        if block.lang in CONSOLES:
            if not raw.startswith("$ "):
                if found and not pending:
                    found[-1].expected.append(raw)
                    found[-1].expected_line = found[-1].expected_line or n
                continue
            raw = raw[2:]
        code, comment = split_comment(raw)
        if not pending:
            pending_line = n
        if code.endswith("\\"):
            pending += code[:-1].rstrip() + " "
            pending_comment = pending_comment or comment
            continue
        text = (pending + code).strip()
        comment = pending_comment or comment
        pending, pending_comment = "", ""
        if text:
            found.append(Command(text, comment, pending_line, block))
    return found


def right_after(plain: Block) -> bool:
    """Nothing but prose between the block before and this one: no heading, no table."""
    return not any(re.match(r"\s{0,3}(#|\|)", line) for line in plain.between)


def readme_model() -> tuple[list[Block], list[Command]]:
    blocks = read_blocks(README.read_text(encoding="utf-8"))
    commands: list[Command] = []
    for k, block in enumerate(blocks):
        if block.lang not in SHELLS | CONSOLES:
            continue
        cmds = commands_of(block)
        commands += cmds
        follower = blocks[k + 1] if k + 1 < len(blocks) else None
        if cmds and block.lang in SHELLS and follower and follower.lang in PLAIN and right_after(follower):
            cmds[-1].expected = list(follower.lines)
            cmds[-1].expected_line = follower.line
    return blocks, commands


BLOCKS, COMMANDS = readme_model()


# --- what each command is ------------------------------------------------------------------------

def words_of(command: str) -> list[str]:
    return shlex.split(command)


def detente_args(words: list[str]) -> list[str] | None:
    """The arguments after the program, when the command runs detente; else None."""
    if not words:
        return None
    prog = words[0]
    if prog in ("detente", ".venv/bin/detente") or prog.endswith("/detente"):
        return words[1:]
    if re.fullmatch(r"(\.venv/bin/)?python(3(\.\d+)?)?", prog) and words[1:3] in (["-m", "detente"], ["-m", "detente.cli"]):
        return words[3:]
    return None


def subcommand(args: list[str]) -> tuple[str, list[str]]:
    """(the detente command, its arguments), past options given before it (`--db PATH`)."""
    k = 0
    while k < len(args) and args[k].startswith("-"):
        k += 2 if args[k] == "--db" else 1
    return (args[k], args[k + 1:]) if k < len(args) else ("", [])


def skip_reason(command: str) -> str | None:
    words = words_of(command)
    if words[:2] == ["bash", "scripts/setup.sh"] or words[:1] == ["scripts/setup.sh"]:
        return ("scripts/setup.sh creates .venv and installs from the package registries, and works in the real "
                "project folder (it cd's there); its last step, `.venv/bin/detente ingest ARGS`, is what the "
                "prepared folder runs in its place (no ARGS: the seed corpus), and `.venv/bin/detente ingest "
                "~/articles/ ...` below it ingests ~/articles/")
    if "pytest" in words[:3]:
        return "the test suite itself (this test is part of it)"
    if any(w.startswith("benchmarks/") for w in words[:2]):
        return "a benchmark: minutes of ingest on hundreds of documents or 2,000,000-character texts, not a quick check"
    if any(w.endswith(".urls") for w in words):
        return "fetches real web pages: needs the network, which the tests do not have"
    scheduler = next((words[k + 1] for k, w in enumerate(words[:-1]) if w == "--scheduler"), None)
    if scheduler and not re.match(r"(tcp://)?(127\.0\.0\.1|localhost|\[::1\])(:|$)", scheduler):
        return (f"sends the analysis to a Dask cluster at {scheduler}: needs that machine on the network "
                "(tests/test_resume.py runs ingest on a local 2-worker Dask LocalCluster)")
    if words and Path(words[0]).name == "dask" and words[1:2] in (["scheduler"], ["worker"]):
        return ("starts a Dask daemon that runs until stopped, one per machine of a cluster (HOST is a "
                "placeholder for another machine); ingest on a Dask cluster is tested with a LocalCluster "
                "in tests/test_resume.py")
    if any(w.startswith("devset/") for w in words) and not all(
            (ROOT / w).exists() for w in words if w.startswith("devset/")):
        return ("names the development set's gold, which is kept out of git (`devset/texts/` then "
                "`python scripts/devset.py rebuild` restore it)")
    return None


# Commands that fail because the README or the CLI is wrong: {command as written: the reason}.
KNOWN_FAILURES: dict[str, str] = {}


def writes_store(command: str) -> bool:
    args = detente_args(words_of(command))
    if args is None:
        return True                # not detente: give it its own folder
    sub, rest = subcommand(args)
    return sub in ("ingest", "reanalyse") or (sub == "serve" and "--writable" in rest)


def is_serve(command: str) -> bool:
    args = detente_args(words_of(command))
    return args is not None and subcommand(args)[0] == "serve"


def readme_port(command: Command) -> int:
    """The port the README shows for the dashboard: in the command's comment, else the README's first."""
    for text in (command.comment, README.read_text(encoding="utf-8")):
        m = re.search(r"http://(?:127\.0\.0\.1|localhost):(\d+)", text)
        if m:
            return int(m.group(1))
    return 8000


def expected_rc(command: Command) -> int:
    m = re.search(r"\bexit(?:s| code| status)?\s+(\d+)", command.comment)
    return int(m.group(1)) if m else 0


def line_pattern(line: str) -> re.Pattern:
    """A README output line as a regex: literal, except `...` (anything) and `word...` (one word)."""
    out, pos = [], 0
    for m in re.finditer(r"(\w*)\.\.\.", line):
        out.append(re.escape(line[pos:m.start()]))
        out.append(r"\S+?" if m.group(1) else r".*?")
        pos = m.end()
    out.append(re.escape(line[pos:]))
    return re.compile("".join(out))


def assert_shows(expected: list[str], output: str, where: str, substitute: dict[str, str] | None = None) -> None:
    got = [line.rstrip() for line in output.splitlines()]
    for want in expected:
        if not want.strip():
            continue
        for old, new in (substitute or {}).items():
            want = want.replace(old, new)
        pattern = line_pattern(want.rstrip())
        assert any(pattern.fullmatch(line) for line in got), (
            f"README ({where}) shows\n  {want}\nbut the command printed\n" + "\n".join(f"  {line}" for line in got))


def assert_no_traceback(result_out: str) -> None:
    assert "Traceback (most recent call last)" not in result_out, result_out


# --- the prepared folder -------------------------------------------------------------------------

ARTICLES = [
    ("Ankara hosts talks on grain corridor",
     "ANKARA - Turkey hosted talks between Russian and Ukrainian delegations on Tuesday on reopening the "
     "grain corridor in the Black Sea. Turkish Foreign Minister Hakan Fidan said both sides had agreed to "
     "meet again next month. \"We are closer than we were a year ago,\" Fidan told reporters."),
    ("Tehran and Moscow sign energy accord",
     "Iran and Russia signed an agreement on gas swaps in Tehran on Wednesday. Russian Energy Minister "
     "Sergei Tsivilev said Gazprom would deliver gas to Iran through Azerbaijan. The United States "
     "criticised the deal and warned of new sanctions on Iranian banks."),
    ("Baku and Yerevan resume border talks",
     "Azerbaijan and Armenia resumed talks on the delimitation of their border on Friday. The European "
     "Union welcomed the meeting. Armenian Prime Minister Nikol Pashinyan said the two countries were "
     "ready to sign a peace treaty within the year."),
    ("India and Pakistan agree to ceasefire",
     "India and Pakistan agreed to a ceasefire along the Line of Control on Saturday after four days of "
     "clashes. Pakistani officials said the army had shot down Indian drones. The United Nations urged "
     "both countries to exercise restraint."),
    ("Beijing protests new export controls",
     "China condemned new American export controls on chips on Thursday. A spokesman for the Chinese "
     "foreign ministry said Beijing would take measures to protect its firms. Washington added 27 Chinese "
     "companies to its export-control list."),
    ("Qatar mediates between Israel and Hamas",
     "Qatar's mediation brought Israel and Hamas back to the table in Doha on Sunday. Egyptian officials "
     "said a prisoner exchange was discussed. Israeli Prime Minister Benjamin Netanyahu rejected the "
     "proposal the next day."),
]


class Samples:
    """Short articles handed out one at a time, so each input file holds new ones."""

    def __init__(self) -> None:
        self.k = 0

    def take(self, n: int) -> list[tuple[str, str, str]]:
        out = []
        for _ in range(n):
            title, text = ARTICLES[self.k % len(ARTICLES)]
            serial = self.k // len(ARTICLES)
            out.append((title, text if serial == 0 else f"{text} (Update {serial}.)", f"2024-0{1 + self.k % 9}-1{self.k % 10}"))
            self.k += 1
        return out


def make_input(path: Path, folder: bool, samples: Samples) -> None:
    """A small real input of the kind the path's suffix names (a folder when named with a trailing
    slash or with no suffix)."""
    import csv
    import json

    suffix = path.suffix.lower()
    if folder or not suffix:
        path.mkdir(parents=True, exist_ok=True)
        for k, (title, text, date) in enumerate(samples.take(2)):
            (path / f"article-{k}.{'md' if k else 'txt'}").write_text(f"# {title}\n\ndate {date}\n\n{text}\n", encoding="utf-8")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".txt", ".md"):
        title, text, date = samples.take(1)[0]
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps({"title": t, "text": x, "published": d, "url": f"https://example.org/{k}",
                                            "source": "Example Wire"}) + "\n"
                                for k, (t, x, d) in enumerate(samples.take(2))), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps([{"title": t, "text": x, "published": d} for t, x, d in samples.take(2)]), encoding="utf-8")
    elif suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["title", "published", "publication", "text"])
            for t, x, d in samples.take(2):
                w.writerow([t, d, "Example Gazette", x])
    elif suffix in (".html", ".htm"):
        (title, text, date), = samples.take(1)
        paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
        path.write_text(
            f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{date}'><meta name='author' content='Jane Doe'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>Cookies help us deliver our services.</footer></body></html>",
            encoding="utf-8")
    else:
        raise AssertionError(f"{path}: test_readme.py does not know how to make an input of this kind")


def options_with_values(name: str) -> set[str]:
    """The options of `detente NAME` that take a value (`--db PATH`, `--workers N` ...), from the CLI."""
    import typer

    from detente.cli import app

    command = typer.main.get_command(app).commands[name]
    return {opt for p in command.params if not getattr(p, "is_flag", True) and p.param_type_name == "option"
            for opt in (*p.opts, *p.secondary_opts)}


def ingest_inputs(command: str, home: Path) -> list[tuple[Path, bool]]:
    """(path, named as a folder) for each input a README `ingest` command names, ~ read as HOME."""
    args = detente_args(words_of(command))
    if args is None:
        return []
    sub, rest = subcommand(args)
    if sub != "ingest":
        return []
    valued = options_with_values("ingest")
    paths, k = [], 0
    while k < len(rest):
        if rest[k] in valued:
            k += 2
            continue
        if not rest[k].startswith("-"):
            p = rest[k]
            paths.append((home / p[2:] if p.startswith("~/") else Path(p), p.endswith("/")))
        k += 1
    return paths


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DETENTE_") and k not in ("VIRTUAL_ENV", "PYTHONHOME")}
    env.update(HOME=str(home), PATH=f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", VIRTUAL_ENV=str(VENV))
    return env


def layout(base: Path) -> Path:
    """base/main (the working folder), base/shared (the project's ../shared); returns base/main."""
    main = base / "main"
    main.mkdir(parents=True, exist_ok=True)
    (base / "shared").symlink_to(ROOT.parent / "shared", target_is_directory=True)
    (main / ".venv").symlink_to(VENV, target_is_directory=True)
    if (ROOT / "devset").is_dir():
        (main / "devset").symlink_to(ROOT / "devset", target_is_directory=True)
    return main


def sh(command: str, cwd: Path, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=environment(cwd), capture_output=True, text=True,
                          timeout=timeout)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Prepared:
    main: Path
    first: subprocess.CompletedProcess     # `.venv/bin/detente ingest`, what setup.sh ends with
    again: subprocess.CompletedProcess     # the same, run again


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, seeds) -> Prepared:
    main = layout(tmp_path_factory.mktemp("readme"))
    samples = Samples()
    for command in COMMANDS:
        for path, folder in ingest_inputs(command.text, main):
            target = path if path.is_absolute() else main / path
            if not target.exists() and target.suffix != ".urls":
                make_input(target, folder, samples)
    first = sh(".venv/bin/detente ingest", main)
    assert first.returncode == 0 and (main / "detente.duckdb").is_file(), first.stdout + first.stderr
    again = sh(".venv/bin/detente ingest", main)
    return Prepared(main, first, again)


def own_copy(prepared: Prepared, base: Path) -> Path:
    """A copy of the prepared folder, for a command that writes."""
    main = base / "main"
    shutil.copytree(prepared.main, main, symlinks=True)
    (base / "shared").symlink_to(ROOT.parent / "shared", target_is_directory=True)
    return main


# --- the tests -----------------------------------------------------------------------------------

def output_files(command: str) -> list[str]:
    words = words_of(command)
    return [words[k + 1] for k, w in enumerate(words[:-1]) if w in ("-o", "--output")]


def port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def token_blocks() -> list[Block]:
    return [b for b in BLOCKS if b.lang in PLAIN and any("uploads need the token" in line for line in b.lines)]


def error_example_blocks() -> list[Block]:
    return [b for b in BLOCKS if b.lang in PLAIN and b.lines and all(line.startswith("detente: corpus/") for line in b.lines)]


def setup_output_block() -> Block | None:
    for k, block in enumerate(BLOCKS[:-1]):
        follower = BLOCKS[k + 1]
        if (block.lang in SHELLS and any(skip_reason(c.text) and "setup.sh" in c.text for c in commands_of(block))
                and follower.lang in PLAIN and right_after(follower)):
            return follower
    return None


def run_server(command: Command, cwd: Path) -> None:
    port = readme_port(command)
    text, substitute = command.text, {}
    if not port_free(port):  # the one substitution: the README's port is taken on this machine
        new = free_port()
        text, substitute = f"{text} --port {new}", {f":{port}/": f":{new}/", f":{port}": f":{new}"}
        port = new
    log_path = cwd / f"serve-{port}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(["bash", "-c", f"exec {text}"], cwd=cwd, env=environment(cwd), stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline, answer = time.monotonic() + 90, None
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                    break
                except httpx.HTTPError:
                    time.sleep(0.25)
            output = log_path.read_text()
            assert answer is not None, f"`{text}` did not answer on port {port} (exit {proc.poll()}):\n{output}"
            assert answer.status_code == 200, (answer.status_code, answer.text[:500])
            assert "<html" in answer.text.lower()
            assert f"http://127.0.0.1:{port}/" in output, output
            if "--writable" in text:
                for block in token_blocks():
                    assert_shows(block.lines, output, f"line {block.line}", substitute)
            if command.expected:
                assert_shows(command.expected, output, f"line {command.expected_line}", substitute)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=20)
    output = log_path.read_text()
    assert_no_traceback(output)


def params():
    for command in COMMANDS:
        marks = []
        reason = skip_reason(command.text)
        if reason:
            marks.append(pytest.mark.skip(reason=reason))
        elif command.text in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[command.text]))
        yield pytest.param(command, id=command.text, marks=marks)


@pytest.mark.parametrize("command", list(params()))
def test_readme_command(command: Command, prepared: Prepared, tmp_path):
    if writes_store(command.text):
        cwd, store, before = own_copy(prepared, tmp_path), None, None
    else:
        cwd = prepared.main
        store = cwd / "detente.duckdb"
        before = digest(store)
    where = f"README line {command.line}"
    if is_serve(command.text):
        run_server(command, cwd)
    else:
        for name in output_files(command.text):
            (cwd / name).unlink(missing_ok=True)
        result = sh(command.text, cwd)
        shown = f"{where}: `{command.text}` exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        assert result.returncode == expected_rc(command), shown
        assert_no_traceback(result.stdout + result.stderr)
        for name in output_files(command.text):
            assert (cwd / name).is_file() and (cwd / name).stat().st_size > 0, f"{where}: `{command.text}` wrote no {name}"
        if command.expected:
            assert_shows(command.expected, result.stdout + result.stderr, f"line {command.expected_line}")
        if command.quoted:
            pattern = line_pattern(command.quoted)
            assert any(pattern.search(line) for line in (result.stdout + result.stderr).splitlines()), (
                f"{where}: the README's comment shows {command.quoted!r}; the command printed\n{result.stdout[:3000]}")
    if store is not None:
        assert digest(store) == before, f"{where}: `{command.text}` changed the store it only reads"


def test_readme_has_commands():
    """The parser finds the README's commands (a broken parse would test nothing)."""
    assert len(COMMANDS) >= 30, [c.text for c in COMMANDS]
    assert any(detente_args(words_of(c.text)) for c in COMMANDS)


def test_setup_summary(prepared: Prepared):
    """What `bash scripts/setup.sh` ends with: `detente ingest` of the seed corpus and its one-line
    summary, literally as the README shows it; run again, it stores nothing new."""
    block = setup_output_block()
    assert block is not None, "the README shows no output after its set-up commands"
    assert prepared.first.stderr.strip() == "", prepared.first.stderr
    assert_shows(block.lines, prepared.first.stdout, f"line {block.line}")
    assert prepared.again.returncode == 0, prepared.again.stderr
    text = README.read_text(encoding="utf-8").splitlines()
    after = " ".join(text[block.end: block.end + 4])
    for span in re.findall(r"`(stored [^`]+)`", after):
        assert span in prepared.again.stdout, (span, prepared.again.stdout)


def test_token_line_is_what_the_writable_server_prints():
    """The upload-token line is checked by the `serve --writable` command's case: it must exist."""
    if token_blocks():
        assert any(is_serve(c.text) and "--writable" in c.text for c in COMMANDS), \
            "the README shows the token line but no `detente serve --writable` command"


def test_error_example(prepared: Prepared, tmp_path):
    """The README's example of bad input: each line it shows comes out of a folder made to hold those
    faults, the good records are stored, and the exit code is 1."""
    import json

    blocks = error_example_blocks()
    if not blocks:
        pytest.skip("the README shows no error example")
    main = own_copy(prepared, tmp_path)
    corpus = main / "corpus"
    corpus.mkdir()
    samples = Samples()
    lines = []
    for k in range(1, 13):
        title, text, date = samples.take(1)[0]
        lines.append(json.dumps({"title": title, "text": f"{text} (Record {k}.)", "published": date}))
    lines[1] = "{'text': 'single quotes are not JSON'}"
    lines[6] = json.dumps({"text": ARTICLES[0][1] + " (Record 7b.)", "published": "9999-12-31T99:99"})
    lines[8] = "[" * 5000 + "]" * 5000
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "table.csv").write_text("title,summary\nA title,A summary\n", encoding="utf-8")
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (main / "outside.txt").write_text("Private notes, not to be ingested.\n", encoding="utf-8")
    (corpus / "secrets.txt").symlink_to(main / "outside.txt")
    result = sh("detente ingest corpus", main)
    assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    shown = [line for block in blocks for line in block.lines]
    # a record whose analysis raises needs a bug in the analysis: tests/test_isolation.py simulates one
    reproducible = [line for line in shown if "analysis failed" not in line]
    assert_shows(reproducible, result.stderr, f"line {blocks[0].line}")
    summary = re.search(r"stored (\d+), skipped 0 \(already stored\), failed (\d+)", result.stdout)
    assert summary, result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("detente: corpus/")]
    assert (int(summary[1]), int(summary[2])) == (9, len(errors)), (result.stdout, result.stderr)


def test_every_output_block_is_checked():
    """A plain block in the README is either right after a shell block (checked with its last command),
    the set-up summary, the error example or the token line; a new kind must be given a check here."""
    checked = {id(b) for b in token_blocks() + error_example_blocks()}
    if (b := setup_output_block()) is not None:
        checked.add(id(b))
    for k, block in enumerate(BLOCKS):
        if block.lang not in PLAIN or id(block) in checked:
            continue
        before = BLOCKS[k - 1] if k else None
        assert before is not None and before.lang in SHELLS and right_after(block), (
            f"README line {block.line}: a plain block that no command's output is compared with "
            f"(put it right after the command that prints it, or teach tests/test_readme.py to check it)")
        last = commands_of(before)[-1]
        assert not skip_reason(last.text), f"README line {block.line}: the output of a skipped command: {last.text}"
