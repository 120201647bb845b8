"""The development set's gold, kept in git without the articles' words.

The texts come from stored public web pages that ask not to be copied verbatim, so git holds only
`devset/anchors/*.json`: the gold (seed schema, ../shared/corpus/README.md) with every sentence or
quotation replaced by an anchor - its offsets in the text, its first words and its SHA-256 - and the
query that retrieves the page. The texts (`devset/texts/`) and the full gold (`devset/gold/`) are
git-ignored. One article in five is the test split (`split` in each anchor file): never tuned on.

    python scripts/devset.py anchor    # devset/gold + devset/texts -> devset/anchors (after annotating)
    python scripts/devset.py rebuild   # devset/anchors + devset/texts -> devset/gold-dev, gold-test (hashes checked)

To rebuild on a fresh checkout: for each anchor file, run its `retrieval.query` with the search
tool (pages corpus), save the result whose url is `retrieval.url` as `devset/texts/<doc>` (the
excerpt exactly as returned, UTF-8, nothing added), then `rebuild`. A text that differs from the
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["anchor", "rebuild"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the devset folder (default: %(default)s)")
    args = parser.parse_args()
    return anchor(args.root) if args.action == "anchor" else rebuild(args.root)


if __name__ == "__main__":
    sys.exit(main())
