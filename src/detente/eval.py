"""Scoring against gold files (schema: ../shared/corpus/README.md): precision, recall, F1.

Gold files are JSON, one per article, naming the article's file (`doc`); the article is read from
the corpus folder (by default `seeds/` beside the gold folder) and analysed afresh with the current
pipeline, so a score always describes the code as it is.
"""

from __future__ import annotations

import bisect
from collections import Counter

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, DocRecords, QuoteRecord, normalise_text
from .ingest.metadata import apply_metadata


class GoldError(Exception):
    """A gold folder or file that cannot be used; the message names it."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> tuple:
        return (name, self.tp, self.fp, self.fn, round(self.precision, 3), round(self.recall, 3), round(self.f1, 3))


SCORE_COLUMNS = ["measure", "tp", "fp", "fn", "precision", "recall", "f1"]


def load_gold(gold_dir: Path, corpus_dir: Path | None = None) -> list[tuple[dict, Document]]:
    """Gold annotations with their articles, read and prepared as ingest would."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    # the seeds sit in seeds/ beside seeds-gold/; the development set's texts in texts/ beside gold/
    corpus_dir = Path(corpus_dir) if corpus_dir else next(
        (d for d in (gold_dir.parent / "seeds", gold_dir.parent / "texts") if d.is_dir()), gold_dir.parent / "seeds")
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text_path = corpus_dir / gold["doc"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise GoldError(f"{path}: not a gold file ({e})") from None
        if not text_path.is_file():
            raise GoldError(f"{path}: its article {text_path} is missing (pass --corpus)")
        check_gold(gold, path)
        gold.update({key: gold.get(key) or [] for key in ("actors", "events", "quotes", "issues")})  # null or absent: none
        doc = apply_metadata(Document(text=normalise_text(text_path.read_text(encoding="utf-8")), source_path=str(text_path)))
        pairs.append((gold, doc))
    if not pairs:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    return pairs


def check_gold(gold: dict, path: Path) -> None:
    """Every part of a gold file a scorer reads has the shape the schema gives it (corpus/README.md):
    anything else is refused by name, before any scorer reads it."""
    text, optional = str, (str, type(None))

    def items(key: str, fields: dict, what: str) -> None:
        found = gold.get(key) or []
        if not isinstance(found, list):
            raise GoldError(f"{path}: {key} is not a list")
        for i, item in enumerate(found):
            if not isinstance(item, dict) or not all(isinstance(item.get(k), kind) for k, kind in fields.items()):
                raise GoldError(f"{path}: {key}[{i}] is not {what}")

    items("events", {"sentence": text, "source": text, "cameo_root": text, "target": optional, "quad": optional,
                     "modality": optional, "date": optional},
          "an event (sentence, source, cameo_root: text; target, quad, modality, date: text or null)")
    items("actors", {"surface": text, "canonical": optional}, "an actor (surface: text; canonical: text or null)")
    items("quotes", {"text": text, "speaker": optional}, "a quote (text: text; speaker: text or null)")
    issues = gold.get("issues") or []
    if not isinstance(issues, list) or not all(isinstance(i, str) for i in issues):
        raise GoldError(f"{path}: issues is not a list of issue names")
    stance = gold.get("stance")
    if stance is not None and not (isinstance(stance, dict) and isinstance(stance.get("label"), optional)):
        raise GoldError(f"{path}: stance is neither null nor an object with a label (text or null)")


def norm_surface(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"'s$", "", text)
    return text.casefold()


def _overlaps(a: str, b: str) -> bool:
    """One surface is the other, or holds it as whole words ("Russian President Vladimir Putin" ~ "Vladimir Putin")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long_) is not None


def match_sets(gold: list[tuple[str, str | None]], predicted: list[tuple[str, str | None]], score: Score, where: str) -> None:
    """(surface, code) pairs: a prediction is right when a gold pair has its code and the same or a
    nested surface ("Putin" and "Russian President Vladimir Putin" both name RUS); a gold pair is
    found when some prediction is right for it."""
    predicted = list(dict.fromkeys(predicted))

    def agree(p, g):
        return p[1] == g[1] and _overlaps(p[0], g[0])

    right = [p for p in predicted if any(agree(p, g) for g in gold)]
    found = [g for g in gold if any(agree(p, g) for p in predicted)]
    score.tp += len(found)
    score.fn += len(gold) - len(found)
    score.fp += len(predicted) - len(right)
    score.errors += [f"{where}: missed {s!r} -> {c}" for s, c in gold if (s, c) not in found]
    score.errors += [f"{where}: spurious {s!r} -> {c}" for s, c in predicted if (s, c) not in right]


def actor_pairs(records: DocRecords) -> list[tuple[str, str | None]]:
    """The (surface, code) of each actor mention; places are where things happen, not actors."""
    pairs = []
    for m in records.mentions:
        actor = m.actor
        if actor is None or actor.kind == "place":
            continue
        pairs.append((norm_surface(m.surface), actor.code))
    return pairs


def score_linking(gold: list[tuple[str, str | None]], predicted: list[tuple[str, str | None]], score: Score, where: str) -> None:
    """Resolution of the mentions the gold names: each gold surface we found (same or nested surface)
    is right when one of our codes for it is the gold's, wrong when all differ, missed when absent."""
    for surface, code in gold:
        ours = {c for s, c in predicted if _overlaps(s, surface)}
        if not ours:
            score.fn += 1
            score.errors.append(f"{where}: not found {surface!r} (gold {code})")
        elif code in ours:
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1
            score.errors.append(f"{where}: {surface!r} resolved to {sorted(map(str, ours))}, gold {code}")


def score_actors(pairs: list[tuple[dict, DocRecords]]) -> dict[str, Score]:
    mentions, linking, per_doc = Score(), Score(), Score()
    for gold, records in pairs:
        where = gold["doc"]
        gold_pairs = list(dict.fromkeys((norm_surface(a["surface"]), a["canonical"]) for a in gold["actors"]))
        match_sets(gold_pairs, actor_pairs(records), mentions, where)
        score_linking(gold_pairs, actor_pairs(records), linking, where)
        gold_codes = {c for _, c in gold_pairs if c}
        found = {c for _, c in actor_pairs(records) if c}
        per_doc.tp += len(gold_codes & found)
        per_doc.fp += len(found - gold_codes)
        per_doc.fn += len(gold_codes - found)
        per_doc.errors += [f"{where}: missed actor {c}" for c in sorted(gold_codes - found)]
        per_doc.errors += [f"{where}: spurious actor {c}" for c in sorted(found - gold_codes)]
    return {"mentions: gold surfaces resolved": linking, "mentions: all (surface, code)": mentions,
            "actors per document": per_doc}


def _at_precision(ours: str | None, gold: str) -> bool:
    """Our date agrees with the gold's at the gold's precision (2022-07-18 ~ 2022-07; 2015 !~ 2015-09)."""
    return ours is not None and len(ours) >= len(gold) and ours[: len(gold)] == gold


def _same_event(event, key: tuple) -> bool:
    """Our event is the gold's (source, target, root); a mutual act (consult, negotiate,
    cooperate: the codebook's `mutual` column) has no direction, so either order matches."""
    source, target, root = key
    if event.root != root:
        return False
    if (event.source, event.target) == (source, target):
        return True
    return mutual_code(event.cameo) and (event.target, event.source) == (source, target)


def mutual_code(code: str) -> bool:
    from .knowledge.events import load_vocabulary

    return load_vocabulary().mutual(code)


def _threshold(min_confidence: float | None) -> float:
    """The counting threshold (analysis.events.MIN_CONFIDENCE) unless another is asked for."""
    from .analysis.events import MIN_CONFIDENCE

    return MIN_CONFIDENCE if min_confidence is None else min_confidence


def score_events(pairs: list[tuple[dict, DocRecords]], min_confidence: float | None = None
                 ) -> tuple[dict[str, Score], dict[str, float], list]:
    """(source, target, CAMEO root) per sentence: P/R/F1 of the events coded at `min_confidence` or
    more (those that feed counts), and of all events; then, on events matched by sentence and
    actors, the accuracy of quad class, modality and date; and the commonest confusions."""
    min_confidence = _threshold(min_confidence)
    everything = Score()
    for gold, records in pairs:
        _match_events(gold, records, records.events, everything)
    triples = Score()
    matched = 0
    agree = {"root": 0, "quad": 0, "modality": 0}
    dated = {"exact": 0, "at gold precision": 0, "gold dates": 0}
    confusion: dict[tuple, int] = {}
    for gold, records in pairs:
        scored = [e for e in records.events if e.confidence >= min_confidence]
        predicted, gold_events, _, _ = _match_events(gold, records, scored, triples)
        # loose: same sentence and actors, to judge the attributes
        pool = list(predicted)
        for idx, key, g in gold_events:
            hit = next((p for p in pool if p[0] == idx and p[1][:2] == key[:2]), None)
            if hit is None:
                continue
            pool.remove(hit)
            event = hit[2]
            matched += 1
            agree["root"] += event.root == g["cameo_root"]
            agree["quad"] += event.quad == g.get("quad")
            agree["modality"] += event.modality == g.get("modality")
            if event.root != g["cameo_root"]:
                confusion[("root", g["cameo_root"], event.root)] = confusion.get(("root", g["cameo_root"], event.root), 0) + 1
            if event.modality != g.get("modality"):
                key = ("modality", g.get("modality"), event.modality)
                confusion[key] = confusion.get(key, 0) + 1
            if g.get("date"):
                dated["gold dates"] += 1
                dated["exact"] += event.date == g["date"]
                dated["at gold precision"] += _at_precision(event.date, g["date"])
    rates = {f"{k} accuracy": (v / matched if matched else 0.0) for k, v in agree.items()}
    rates["matched events (sentence, source, target)"] = matched
    for k in ("exact", "at gold precision"):
        rates[f"date {k}"] = dated[k] / dated["gold dates"] if dated["gold dates"] else 0.0
    common = sorted(confusion.items(), key=lambda kv: -kv[1])[:10]
    return {f"events (sentence, source, target, root), confidence >= {min_confidence}": triples,
            "all events, any confidence": everything}, rates, common


def _match_events(gold: dict, records: DocRecords, events: list, score: Score) -> tuple[list, list, list]:
    """Strict matching (same sentence, actors and root) of `events` to the gold's, into `score`.
    Returns our events and the gold's as (sentence index, key, item), the gold matched as (sentence
    index, gold key, our event) - an undirected act twice when it matches the gold's mirror too - and
    the gold left unmatched. Of two events that could match one gold event the surer takes it, as
    counting at any threshold would: so "right" labels the events a threshold keeps."""
    where = gold["doc"]
    text_of = {s.idx: s.text for s in records.sentences}
    gold_events, alias = _gold_sentences(gold, records)
    predicted = [(alias.get(e.sent_idx, e.sent_idx), (e.source, e.target, e.root), e) for e in events]
    remaining = sorted(predicted, key=lambda p: -p[2].confidence)
    matched: list = []
    unmatched_gold: list = []
    doubled: list = []  # gold mirrors of a matched undirected act
    for idx, key, g in gold_events:
        if any(g is d[2] for d in doubled):
            continue
        hit = next((p for p in remaining if p[0] == idx and _same_event(p[2], key)), None)
        if hit is None:
            unmatched_gold.append((idx, key, g))
        else:
            remaining.remove(hit)
            score.tp += 1
            matched.append((idx, key, hit[2]))
            # an undirected act stands for both directions: the gold may list the mirror too
            mirror = (key[1], key[0], key[2])
            later = gold_events[gold_events.index((idx, key, g)) + 1:]
            twin = next((m for m in later if m[0] == idx and m[1] == mirror), None)
            if mutual_code(hit[2].cameo) and twin is not None and twin not in doubled:
                doubled.append(twin)
                matched.append((idx, mirror, hit[2]))
    score.tp += len(doubled)
    score.fn += len(unmatched_gold)
    score.fp += len(remaining)
    score.errors += [f"{where}: missed {k} in {g['sentence'][:90]!r}" for _, k, g in unmatched_gold]
    score.errors += [f"{where}: spurious {k} ({e.trigger}, {e.modality}, {e.confidence}) in {text_of[i][:90]!r}"
                     for i, k, e in remaining]
    return predicted, gold_events, matched, unmatched_gold


def _gold_sentences(gold: dict, records: DocRecords) -> tuple[list, dict[int, int]]:
    """The gold events as (our sentence index, key, item), and where our splitter cut a gold sentence
    in two ("CAIRO, Oct 13 (Reuters) -" | "Hamas freed ..."), each later part's index -> the first's:
    an act found in either part is in the gold's sentence."""
    by_sentence = {s.text: s.idx for s in records.sentences}
    text = records.document.text
    alias: dict[int, int] = {}
    found = []
    for g in gold["events"]:
        sentence = g["sentence"]
        idx = by_sentence.get(sentence)
        at = text.find(sentence) if idx is None else -1
        if at >= 0:
            parts = [s for s in records.sentences if s.start < at + len(sentence) and at < s.end]
            idx = parts[0].idx if parts else None
            # only a part wholly inside the gold's sentence: one that runs on into the next gold
            # sentence is that sentence's too
            alias.update((s.idx, idx) for s in parts[1:] if s.end <= at + len(sentence))
        found.append((idx, (g["source"], g["target"], g["cameo_root"]), g))
    return found, alias


def _error_class(gold: tuple, ours: tuple) -> str | None:
    """How our (source, target, root) differs from the gold's, when it is a near miss (judged against
    the nearest event on the other side in the same sentence; it says what ours did to the gold):
    wrong root, direction reversed, target missing or extra, wrong target, wrong source."""
    (gs, gt, gr), (os_, ot, or_) = gold, ours
    if (gs, gt) == (os_, ot):
        return "wrong root"
    if gr != or_:
        return None
    if (gs, gt) == (ot, os_):
        return "direction reversed"
    if gs == os_:
        return "target missing" if ot is None else "target extra" if gt is None else "wrong target"
    if gt == ot:
        return "wrong source"
    return None


def _nearest(gold_keys: list[tuple], our_keys: list[tuple]) -> str | None:
    for g in gold_keys:
        for o in our_keys:
            found = _error_class(g, o)
            if found:
                return found
    return None


BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # confidence bands of the reliability table
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)  # counting thresholds the eval compares


def by_threshold(pairs: list[tuple[dict, DocRecords]], thresholds: tuple[float, ...] = THRESHOLDS) -> list[Score]:
    """The counted events' score at each threshold, matched as at the counting one (of two events that
    could match one gold event the surer takes it): what a stricter or looser count would give on
    this gold, for a reader who needs more precision or more recall than the default."""
    scores = []
    for threshold in thresholds:
        score = Score()
        for gold, records in pairs:
            _match_events(gold, records, [e for e in records.events if e.confidence >= threshold], score)
        scores.append(score)
    return scores


def score_event_details(pairs: list[tuple[dict, DocRecords]], min_confidence: float | None = None,
                        bands: tuple[float, ...] = BANDS) -> dict:
    """Per CAMEO root (P/R/F1 of the counted events, by the gold's root and ours), the errors by
    class, and the reliability of our confidence: per band, how many events and what share were
    right (matched strictly to a gold event, whatever the threshold)."""
    min_confidence = _threshold(min_confidence)
    per_root: dict[str, Score] = {}
    errors: Counter = Counter()
    examples: dict[str, list[str]] = {}
    scored: list[tuple[float, bool]] = []  # every event's confidence and whether it matched
    for gold, records in pairs:
        where = gold["doc"]
        counted = [e for e in records.events if e.confidence >= min_confidence]
        _, gold_events, right, missed = _match_events(gold, records, counted, Score())
        right_ids = {id(e) for _, _, e in right}
        _, alias = _gold_sentences(gold, records)
        sentence_of = {id(e): alias.get(e.sent_idx, e.sent_idx) for e in records.events}
        for _, key, g in gold_events:
            per_root.setdefault(key[2], Score())
        for idx, key, e in right:
            per_root.setdefault(key[2], Score()).tp += 1
        for idx, key, g in missed:
            per_root.setdefault(key[2], Score()).fn += 1
            ours = [(e.source, e.target, e.root) for e in counted if sentence_of[id(e)] == idx]
            if any(_same_event(e, key) for e in records.events if sentence_of[id(e)] == idx):
                kind = "missed: found below the threshold"
            else:
                near = _nearest([key], ours)
                kind = f"missed: {near}" if near else "missed: no such act found"
            errors[kind] += 1
            examples.setdefault(kind, []).append(f"{where}: gold {key} ours {ours} in {g['sentence'][:80]!r}")
        gold_in = {}
        for idx, key, g in gold_events:
            gold_in.setdefault(idx, []).append(key)
        for e in counted:
            if id(e) in right_ids:
                continue
            key = (e.source, e.target, e.root)
            per_root.setdefault(e.root, Score()).fp += 1
            others = gold_in.get(sentence_of[id(e)], [])
            near = _nearest(others, [key])
            kind = (f"spurious: {near}" if near else "spurious: other act in a sentence with gold acts" if others
                    else "spurious: no gold act in the sentence")
            errors[kind] += 1
            examples.setdefault(kind, []).append(f"{where}: ours {key} {e.trigger!r} gold {others}")
        # reliability: every event, whatever its confidence, strictly matched or not
        _, _, matched_any, _ = _match_events(gold, records, records.events, Score())
        matched_ids = {id(e) for _, _, e in matched_any}
        scored += [(e.confidence, id(e) in matched_ids) for e in records.events]
    return {"per_root": dict(sorted(per_root.items())), "errors": errors, "examples": examples,
            "by threshold": [s.row(f">= {t}") for t, s in zip(THRESHOLDS, by_threshold(pairs))], **reliability(scored, bands)}


def reliability(scored: list[tuple[float, bool]], bands: tuple[float, ...] = BANDS) -> dict:
    """Per confidence band, how many events and what share were right; the calibration error (how
    far, on average over events, the share right is from the confidence) and the bands off by > 0.1."""
    counts = [[0, 0, 0.0] for _ in bands[:-1]]  # events, right, sum of confidence
    for confidence, right in scored:
        i = bisect.bisect_right(bands, confidence) - 1
        if 0 <= i < len(counts):
            counts[i][0] += 1
            counts[i][1] += right
            counts[i][2] += confidence
    rows = [{"band": f"{bands[i]:.1f}-{min(bands[i + 1], 1.0):.1f}", "events": n,
             "right": r, "share right": round(r / n, 3) if n else None,
             "mean confidence": round(c / n, 3) if n else None}
            for i, (n, r, c) in enumerate(counts)]
    total = sum(n for n, _, _ in counts)
    ece = sum(abs(r - c) for n, r, c in counts if n) / total if total else 0.0
    return {"reliability": rows, "calibration error": round(ece, 3),
            "bands off by more than 0.1": sum(1 for row in rows if row["events"]
                                              and abs(row["share right"] - row["mean confidence"]) > 0.1)}


def load_plover(path: Path) -> list[dict]:
    """PLOVER gold-standard records, one JSON object a line (see ../shared/data/README.md)."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldError(f"{path}: cannot read ({e.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["text"], record["event"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise GoldError(f"{path}:{number}: not a PLOVER record ({e})") from None
        records.append(record)
    if not records:
        raise GoldError(f"{path}: no records")
    return records


def _plover_codes(actors) -> list[str | None]:
    if not actors:
        return [None]
    return list(dict.fromkeys(a.get("code") for a in actors)) or [None]


def plover_actor_codes() -> dict[str, str]:
    """How the PLOVER records write the organisations we give codes of their own: international
    ones, governmental or not, as IGO ("United Nations", "Amnesty International", "Red Cross");
    a national group that is no organ of its state under its state's code, with a sector ("Hamas":
    PSE REB, "Fijian rebels": FJI REB). State organs are already coded as their state."""
    from .knowledge.kb import load_kb

    kb = load_kb()
    codes = {code: "IGO" for code, kind in kb.org_kinds.items() if kind in ("igo", "ngo")}
    codes |= {code: kb.actors[code].country for code, kind in kb.org_kinds.items()
              if code not in codes and kb.actors[code].country}
    return codes


def analyse_plover(records: list[dict], path: Path, nlp) -> list[tuple[dict, DocRecords]]:
    """Each record analysed as its own document with no publication date, as the records' README asks."""
    from .pipeline import analyse

    documents = [Document(text=r["text"], source_path=f"{path}:{r.get('id', i)}") for i, r in enumerate(records)]
    return list(zip(records, analyse(documents, nlp)))


def plover_gold(record: dict) -> set[tuple]:
    """A record's (source, target, PLOVER type) keys."""
    return {(s, t, record["event"]) for s in _plover_codes(record.get("source"))
            for t in _plover_codes(record.get("target"))}


def plover_keys(event, gold: set[tuple], written: dict[str, str]) -> set[tuple]:
    """The (source, target, PLOVER type) keys an event of ours stands for. Our codes for
    organisations count as the records write them (`plover_actor_codes`); an undirected act, or a
    joint subject's act on each other ("A and B agreed to a ceasefire": A->B and B->A), is the
    records' compound source with no target, where the record writes it so."""
    if not event.plover_type:
        return set()

    def norm(code):
        return written.get(code, code)

    sides = {(norm(x), None, event.plover_type) for x in (event.source, event.target)} & gold
    if (mutual_code(event.cameo) or "joint" in event.cues) and sides:
        return sides
    return {(norm(event.source), norm(event.target), event.plover_type)}


def score_plover(pairs: list[tuple[dict, DocRecords]], written: dict[str, str],
                 min_confidence: float | None = None) -> dict[str, Score]:
    """(source, target, PLOVER type) per record, overall and per type, of the events coded at
    `min_confidence` or more (those that count), then overall at any confidence. Our codes for
    organisations count as the records write them (IGO, or their state's code); an undirected act of ours
    (A and B signed) matches the records' way of writing it, both as sources with no target."""
    min_confidence = _threshold(min_confidence)

    def ours_of(events, gold):
        return {key for e in events for key in plover_keys(e, gold, written)}

    overall: Score = Score()
    everything: Score = Score()
    per_type: dict[str, Score] = {}
    for record, records in pairs:
        gold = plover_gold(record)
        ours = ours_of([e for e in records.events if e.confidence >= min_confidence], gold)
        anything = ours_of(records.events, gold)
        everything.tp += len(gold & anything)
        everything.fp += len(anything - gold)
        everything.fn += len(gold - anything)
        for kind in {record["event"]} | {p for _, _, p in ours}:
            score = per_type.setdefault(kind, Score())
            g = {x for x in gold if x[2] == kind}
            o = {x for x in ours if x[2] == kind}
            score.tp += len(g & o)
            score.fp += len(o - g)
            score.fn += len(g - o)
        overall.tp += len(gold & ours)
        overall.fp += len(ours - gold)
        overall.fn += len(gold - ours)
        if gold - ours:
            overall.errors.append(f"{record['id']}: missed {sorted(gold - ours, key=str)} ours {sorted(ours, key=str)}")
    return {f"PLOVER (source, target, type), confidence >= {min_confidence}": overall,
            "PLOVER, any confidence": everything, **{f"  {k}": per_type[k] for k in sorted(per_type)}}


def _quote_text(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text).strip(" \"'\u201c\u201d")
    return re.sub(r"[.,;:]+$", "", text).casefold()


def _same_speaker(ours: QuoteRecord, gold: str, kb) -> bool:
    a, b = norm_surface(ours.speaker or ""), norm_surface(gold or "")
    if a and b and (_overlaps(a, b) or a.split()[-1] == b.split()[-1]):
        return True
    codes = {e.actor_id if e.kind != "person" else None for e in kb.lookup(gold or "")}
    return ours.speaker_actor is not None and ours.speaker_actor in codes


def score_quotes(pairs: list[tuple[dict, DocRecords]]) -> dict[str, Score]:
    """(speaker, text): a quotation is right when its words are the gold's (marks, case and final
    punctuation aside; one may hold the other) and its speaker is the gold's (same or nested name,
    same surname, or the same state)."""
    from .knowledge.kb import load_kb

    kb = load_kb()
    both, text_only = Score(), Score()
    for gold, records in pairs:
        where = gold["doc"]
        ours = list(records.quotes)
        for kind, score in (("both", both), ("text", text_only)):
            remaining = list(ours)
            for g in gold["quotes"]:
                gt = _quote_text(g["text"])
                hit = next((q for q in remaining if _overlaps(_quote_text(q.text), gt)
                            and (kind == "text" or _same_speaker(q, g["speaker"], kb))), None)
                if hit is None:
                    score.fn += 1
                    score.errors.append(f"{where}: missed {g['speaker']!r}: {g['text'][:70]!r}")
                else:
                    remaining.remove(hit)
                    score.tp += 1
            score.fp += len(remaining)
            score.errors += [f"{where}: spurious {q.speaker!r}: {q.text[:70]!r}" for q in remaining]
    return {"quotes (speaker, text)": both, "quotes (text)": text_only}


def score_stance(pairs: list[tuple[dict, DocRecords]]) -> dict[str, Score]:
    """The label the document gives the gold's relationship (the dyad it discusses most, read
    from the gold's own events when it has some): right or wrong per document."""
    score = Score()
    for gold, records in pairs:
        want = (gold.get("stance") or {}).get("label")
        if not want:
            continue
        pairs_in_gold = Counter(tuple(sorted((e["source"], e["target"]))) for e in gold.get("events", [])
                                if e.get("source") and e.get("target"))
        dyad = pairs_in_gold.most_common(1)[0][0] if pairs_in_gold else None
        ours = next((s for s in records.stances if (s.actor_a, s.actor_b) == dyad), None)
        ours = ours or max(records.stances, key=lambda s: sum(s.scores.values()), default=None)
        if ours is not None and ours.label == want:
            score.tp += 1
        else:
            score.fn += 1
            score.fp += ours is not None
            score.errors.append(f"{gold['doc']}: gold {want}, ours {ours.label if ours else None}"
                                + (f" {ours.actor_a}-{ours.actor_b} {ours.scores}" if ours else ""))
    return {"stance label per document": score}


def score_issues(pairs: list[tuple[dict, DocRecords]]) -> dict[str, Score]:
    """Issue areas per document: the assigned issues against the gold's `issues`."""
    score = Score()
    for gold, records in pairs:
        ours = {issue for issue, _, _, assigned in records.issues if assigned}
        truth = set(gold.get("issues") or [])
        score.tp += len(ours & truth)
        score.fp += len(ours - truth)
        score.fn += len(truth - ours)
        score.errors += [f"{gold['doc']}: missed {i}" for i in sorted(truth - ours)]
        score.errors += [f"{gold['doc']}: spurious {i}" for i in sorted(ours - truth)]
    return {"issues per document": score}
