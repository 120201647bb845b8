"""Statements about a dyad: sentences that say the two sides cooperate or rub against each other on an
issue, whether or not they report a codable event ("They compete in the oil market"). The issue
ledger shows them beside the event clusters, each with its sentence and source.

A sentence is about the dyad when it names both sides, or when it opens with "They", "Both" or "The
two" right after a sentence that does. Its tone comes from the phrases of stance.yaml's `ledger`
section; a phrase shortly after a negator does not count.
"""

from __future__ import annotations

import functools
import re
from datetime import date

import duckdb

from ..knowledge.kb import read_yaml
from . import date_filter

NEGATION_WINDOW = 4  # words before a phrase in which a negator cancels it
PAIR_OPENERS = re.compile(r"^\W*(they|both|the two)\b", re.IGNORECASE)
TONES = ("cooperation", "friction")


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, re.Pattern], frozenset[str]]:
    data = read_yaml("stance.yaml")
    patterns = {tone: re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(data["ledger"][tone], key=len, reverse=True))
                                 + r")\b", re.IGNORECASE) for tone in TONES}
    return patterns, frozenset(n.lower() for n in data["negators"])


def tone_of(text: str) -> tuple[str, str] | None:
    """(tone, phrase) of a sentence: friction before cooperation, as the rarer and more telling."""
    patterns, negators = _phrases()
    for tone in ("friction", "cooperation"):
        for m in patterns[tone].finditer(text):
            if m.group(1)[0].isupper() and text[:m.start()].strip(" \"'“‘(") != "":
                continue  # a name ("the Joint Comprehensive Plan of Action"), not the word
            before = re.findall(r"[\w']+", text[:m.start()].lower())[-NEGATION_WINDOW:]
            if not any(w in negators or w.endswith("n't") for w in before):
                return tone, m.group(1)
    return None


def dyad_statements(con: duckdb.DuckDBPyConnection, a: str, b: str, since: date | None = None,
                    until: date | None = None) -> list[dict]:
    """Every statement of cooperation or friction about the pair that is on an issue, in document order."""
    where, params = date_filter(since, until)
    rows = con.execute(f"""
        WITH named AS (
            SELECT doc_id, sent_idx, count(DISTINCT coalesce(country, actor_code)) AS sides
            FROM mentions WHERE coalesce(country, actor_code) IN (?, ?) GROUP BY ALL
        ), marked AS (
            SELECT s.doc_id, s.idx, s.text, s.issues, coalesce(n.sides, 0) AS sides,
                   lag(coalesce(n.sides, 0)) OVER (PARTITION BY s.doc_id ORDER BY s.idx) AS sides_before
            FROM sentences s LEFT JOIN named n ON n.doc_id = s.doc_id AND n.sent_idx = s.idx
            WHERE s.doc_id IN (SELECT doc_id FROM named GROUP BY doc_id HAVING max(sides) = 2)
        )
        SELECT m.doc_id, m.idx, m.text, m.issues[1], m.sides, m.sides_before, d.title,
               coalesce(d.publication, d.site, d.doc_id), d.published
        FROM marked m JOIN documents d USING (doc_id)
        WHERE len(m.issues) > 0 AND (m.sides = 2 OR m.sides_before = 2) AND {where}
        ORDER BY m.doc_id, m.idx""", [a, b, *params]).fetchall()
    found = []
    for doc_id, idx, text, issue, sides, sides_before, title, source, published in rows:
        if sides < 2 and not PAIR_OPENERS.match(text):
            continue
        tone = tone_of(text)
        if tone:
            found.append({"kind": "statement", "tone": tone[0], "cue": tone[1], "issue": issue, "sentence": text,
                          "doc_id": doc_id, "sent_idx": idx, "title": title, "sources": [source],
                          "date": published.isoformat() if published else None})
    return found
