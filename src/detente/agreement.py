"""Agreement between two annotations of the same articles: how far two annotators coding by one
guide agree on events, measured as detente is (sentence, source, target, CAMEO root).

The second annotation is scored against the first as if it were detente's output, so the figures
read like `detente eval events` and give the ceiling a coder can be expected to reach on that
gold: F1 is symmetric (which side is the reference swaps precision and recall only). Two events are
in the same sentence when their sentences overlap in the article's text, so one annotator copying
"CAIRO, Oct 13 (Reuters) - Hamas freed ..." and the other "Hamas freed ..." still agree.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .document import normalise_text
from .eval import GoldError, Score, load_gold


def _spans(gold: dict, text: str, where: str) -> list[tuple[int, int, tuple, dict]]:
    """Each event with where its sentence sits in the text: (start, end, key, item)."""
    found = []
    for i, event in enumerate(gold.get("events") or []):  # load_gold checked their shape
        sentence = normalise_text(event["sentence"])
        key = (event["source"], event["target"], event["cameo_root"])
        start = text.find(sentence)
        if start < 0:
            raise GoldError(f"{where}: events[{i}].sentence is not in the article: {sentence[:60]!r}")
        found.append((start, start + len(sentence), key, event))
    return found


def _files(gold_dir: Path) -> list[Path]:
    """The gold files in the order load_gold reads them."""
    return sorted(Path(gold_dir).glob("*.json"))


def score_agreement(reference_dir: Path, other_dir: Path, corpus_dir: Path | None = None) -> dict:
    """The other annotation's events scored against the reference's, over the articles both annotate:
    overall, per CAMEO root, and the agreement on root, modality and quad where both code an act by
    the same source on the same target in the same sentence."""
    reference = {g["doc"]: (g, d, path) for (g, d), path in zip(load_gold(reference_dir, corpus_dir), _files(reference_dir))}
    other = {g["doc"]: (g, path) for (g, _), path in zip(load_gold(other_dir, corpus_dir), _files(other_dir))}
    shared = sorted(set(reference) & set(other))
    if not shared:
        raise GoldError(f"{other_dir}: annotates none of the articles in {reference_dir}")
    total, per_root = Score(), {}
    agree: Counter = Counter()
    for doc in shared:
        gold, document, path = reference[doc]
        ours = _spans(other[doc][0], document.text, str(other[doc][1]))
        theirs = _spans(gold, document.text, str(path))
        left = list(ours)
        for start, end, key, item in theirs:
            per_root.setdefault(key[2], Score())
            hit = next((o for o in left if o[2] == key and o[0] < end and start < o[1]), None)
            if hit is None:
                total.fn += 1
                per_root[key[2]].fn += 1
                total.errors.append(f"{doc}: only in {Path(reference_dir).name}: {key} in {item['sentence'][:80]!r}")
                continue
            left.remove(hit)
            total.tp += 1
            per_root[key[2]].tp += 1
        for start, end, key, item in left:
            total.fp += 1
            per_root.setdefault(key[2], Score()).fp += 1
            total.errors.append(f"{doc}: only in {Path(other_dir).name}: {key} in {item['sentence'][:80]!r}")
        # loose: the same source and target in overlapping sentences, to compare what each coded
        pool = list(ours)
        for start, end, key, item in theirs:
            hit = next((o for o in pool if o[2][:2] == key[:2] and o[0] < end and start < o[1]), None)
            if hit is None:
                continue
            pool.remove(hit)
            agree["pairs"] += 1
            for field in ("cameo_root", "quad", "modality"):
                agree[field] += item.get(field) == hit[3].get(field)
    pairs = agree["pairs"]
    rates = {"articles annotated by both": len(shared),
             "only in the reference": len(set(reference) - set(other)), "only in the other": len(set(other) - set(reference)),
             "same sentence, source and target": pairs,
             **{f"{field} agreement there": round(agree[field] / pairs, 3) if pairs else 0.0
                for field in ("cameo_root", "quad", "modality")}}
    return {"events": total, "per_root": dict(sorted(per_root.items())), "rates": rates}
