"""The development set's gold, kept in git without the articles' words.

The texts come from stored public web pages that ask not to be copied verbatim, so git holds only
`devset/anchors/*.json`: the gold (seed schema, ../shared/corpus/README.md) with every sentence or
quotation replaced by an anchor - its offsets in the text, its first words and its SHA-256 - and the
query that retrieves the page. The texts (`devset/texts/`) and the full gold (`devset/gold/`) are
git-ignored. One article in five is the test split (`split` in each anchor file): never tuned on.

    python scripts/devset.py anchor    # devset/gold + devset/texts -> devset/anchors (after annotating)
    python scripts/devset.py rebuild   # devset/anchors + devset/texts -> devset/gold-dev, gold-test (hashes checked)
    python scripts/devset.py missing   # the texts a fresh checkout lacks, with the query that retrieves each
    python scripts/devset.py put d01 FILE [--json]   # save a retrieved excerpt as devset/texts/d01.txt if its hash matches

To rebuild on a fresh checkout: `missing` lists each text with its query; run the query with the
search tool (pages corpus), copy the `excerpt` of the result whose url is listed, as the JSON string
literal the tool prints, into a file and `put` it (it is saved only if its hash matches, or if the
stored page changed around the annotated sentences and every one of them is still found), then
`rebuild`. A text that differs from the
annotated one is reported by name; a sentence whose offsets moved is found again by its first
words and hash, and one that cannot be found is reported and the rebuild fails (exit 1).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "devset"
FIRST_WORDS = 5


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _anchor(text: str, value: str, where: str) -> dict:
    start = text.find(value)
    if start < 0:
        raise SystemExit(f"devset: {where}: not a substring of its text: {value[:60]!r}")
    return {"start": start, "end": start + len(value), "first_words": " ".join(value.split()[:FIRST_WORDS]),
            "sha256": sha(value)}


def _resolve(text: str, anchor: dict, where: str, problems: list[str]) -> str | None:
    value = text[anchor["start"]:anchor["end"]]
    if sha(value) == anchor["sha256"]:
        return value
    length = anchor["end"] - anchor["start"]
    words = anchor["first_words"]
    at = text.find(words)
    while at >= 0:  # the text moved: the same words, the same hash, elsewhere
        if sha(text[at:at + length]) == anchor["sha256"]:
            return text[at:at + length]
        at = text.find(words, at + 1)
    problems.append(f"{where}: sentence starting {words!r} not found (hash differs)")
    return None


# the gold's fields that quote the text: (list key or None, field)
QUOTED = [("events", "sentence"), ("quotes", "text"), ("quotes", "attribution_sentence")]


def _convert(gold: dict, text: str, where: str, make) -> dict:
    out = json.loads(json.dumps(gold))
    for key, field in QUOTED:
        for i, item in enumerate(out.get(key) or []):
            if item.get(field) is not None:
                item[field] = make(text, item[field], f"{where}: {key}[{i}].{field}")
    stance = out.get("stance")
    if stance and stance.get("evidence"):
        stance["evidence"] = make(text, stance["evidence"], f"{where}: stance.evidence")
    return out


def anchor(root: Path) -> int:
    (root / "anchors").mkdir(exist_ok=True)
    n = failed = 0
    for path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (root / "texts" / gold["doc"]).read_text(encoding="utf-8")
        try:
            out = _convert(gold, text, path.name, _anchor)
        except SystemExit as e:
            print(e, file=sys.stderr)
            failed += 1
            continue
        out["text"] = {"sha256": sha(text), "n_chars": len(text)}
        # one article in five (d05, d10 ...: one per annotator's theme) is kept for testing, never tuned on
        out["split"] = out.get("split") or ("test" if int("".join(filter(str.isdigit, path.stem)) or 0) % 5 == 0 else "dev")
        (root / "anchors" / path.name).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        n += 1
    print(f"anchored {n} gold files into {root / 'anchors'}; {failed} failed")
    return 1 if failed else 0


def rebuild(root: Path) -> int:
    problems: list[str] = []
    built = 0
    for path in sorted((root / "anchors").glob("*.json")):
        anchored = json.loads(path.read_text(encoding="utf-8"))
        text_path = root / "texts" / anchored["doc"]
        if not text_path.is_file():
            problems.append(f"{path.name}: text {text_path} missing (query: {anchored['retrieval']['query']!r})")
            continue
        text = text_path.read_text(encoding="utf-8")
        if sha(text) != anchored["text"]["sha256"]:
            problems.append(f"{path.name}: {text_path.name} is not the annotated text (sha256 differs); "
                            "anchors are checked one by one")
        before = len(problems)
        gold = _convert(anchored, text, path.name, lambda t, a, w: _resolve(t, a, w, problems))
        gold.pop("text", None)
        if not any("not found" in p for p in problems[before:]):
            folder = root / f"gold-{anchored['split']}"
            folder.mkdir(exist_ok=True)
            (folder / path.name).write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            built += 1
    for line in problems:
        print(f"devset: {line}", file=sys.stderr)
    print(f"rebuilt {built} gold files into {root}/gold-dev and gold-test; {len(problems)} problems")
    return 1 if any("not found" in p or "missing" in p for p in problems) else 0


def _anchors_by_doc(root: Path) -> dict[str, dict]:
    """Each text's anchor file: its own (d15.json), not a second annotation of it (d15-second.json)."""
    out: dict[str, dict] = {}
    for path in sorted((root / "anchors").glob("*.json")):
        anchored = json.loads(path.read_text(encoding="utf-8"))
        stem = Path(anchored["doc"]).stem
        if path.stem == stem or stem not in out:
            out[stem] = anchored
    return out


def missing(root: Path) -> int:
    lacking = [(doc, a) for doc, a in _anchors_by_doc(root).items() if not (root / "texts" / a["doc"]).is_file()]
    for doc, a in lacking:
        r = a["retrieval"]
        print(f"{doc}\t{r['query']}\t{r['url']}\t{a['text']['sha256']}")
    print(f"{len(lacking)} texts missing", file=sys.stderr)
    return 1 if lacking else 0


def put(root: Path, doc: str, source: Path, as_json: bool) -> int:
    """Save an excerpt as retrieved (raw, or as the JSON string literal the search tool printed)."""
    anchored = _anchors_by_doc(root).get(doc)
    if anchored is None:
        print(f"devset: {doc}: no anchor file names this document", file=sys.stderr)
        return 2
    raw = source.read_text(encoding="utf-8")
    try:
        text = json.loads(raw.strip()) if as_json else raw
    except json.JSONDecodeError as e:
        print(f"devset: {source}: not a JSON string literal ({e})", file=sys.stderr)
        return 2
    want = anchored["text"]
    matches = sha(text) == want["sha256"]
    if not matches:
        problems: list[str] = []  # which anchored sentences the text lacks shows where it went wrong
        _convert(anchored, text, doc, lambda t, a, w: _resolve(t, a, w, problems))
        if problems:
            print(f"devset: {doc}: sha256 differs from the annotated text ({len(text)} chars, annotated "
                  f"{want['n_chars']}); not saved", file=sys.stderr)
            for line in problems[:5]:
                print(f"devset: {line}", file=sys.stderr)
            return 1
        # the stored page changed around the annotated sentences: rebuild finds each by its hash
        print(f"devset: {doc}: the text differs from the annotated one ({len(text)} chars, annotated "
              f"{want['n_chars']}) but holds every anchored sentence; saved", file=sys.stderr)
    (root / "texts").mkdir(exist_ok=True)
    (root / "texts" / anchored["doc"]).write_text(text, encoding="utf-8")
    if matches:
        print(f"saved {root / 'texts' / anchored['doc']} ({len(text)} chars, hash matches)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["anchor", "rebuild", "missing", "put"])
    parser.add_argument("doc", nargs="?", help="put: the document (d01)")
    parser.add_argument("source", nargs="?", type=Path, help="put: the file holding the retrieved excerpt")
    parser.add_argument("--json", action="store_true", help="put: the file holds the excerpt as a JSON string literal")
    parser.add_argument("--root", type=Path, default=ROOT, help="the devset folder (default: %(default)s)")
    args = parser.parse_args()
    if args.action == "put":
        if not (args.doc and args.source):
            parser.error("put needs a document and a file")
        return put(args.root, args.doc, args.source, args.json)
    return {"anchor": anchor, "rebuild": rebuild, "missing": missing}[args.action](args.root)


if __name__ == "__main__":
    sys.exit(main())
