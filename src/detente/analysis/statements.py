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


@functools.lru_cache(maxsize=1)
def _any_phrase() -> str:
    """A regular expression (RE2, for SQL) that every sentence tone_of finds a tone in matches: any
    phrase of either tone, in any case (tone_of then checks word boundaries and negators)."""
    data = read_yaml("stance.yaml")
    phrases = sorted({p for tone in TONES for p in data["ledger"][tone]}, key=len, reverse=True)
    return "(?i)(" + "|".join(re.escape(p) for p in phrases) + ")"


def dyad_statements(con: duckdb.DuckDBPyConnection, a: str, b: str, since: date | None = None,
                    until: date | None = None) -> list[dict]:
    """Every statement of cooperation or friction about the pair that is on an issue, in document order.
    Sentences that name no phrase of either tone are left out in the database."""
    where, params = date_filter(since, until)
    # Sentences that name both sides, and those right after one (a "They ..." may continue it):
    # found from the mentions alone, then only these are read from sentences (indexes are positions).
    rows = con.execute(f"""
        WITH named AS (   -- the sides a sentence names: 1 or 2 (min and max: cheaper than a distinct count)
            SELECT doc_id, sent_idx, CASE WHEN min(side) = max(side) THEN 1 ELSE 2 END AS sides
            FROM (SELECT doc_id, sent_idx, coalesce(country, actor_code) AS side FROM mentions
                  WHERE country IN (?, ?) OR actor_code IN (?, ?))
            WHERE side IN (?, ?) GROUP BY ALL
        ), candidates AS (
            SELECT doc_id, sent_idx AS idx, sides FROM named WHERE sides = 2
            UNION
            SELECT n.doc_id, n.sent_idx + 1, coalesce(x.sides, 0)
            FROM named n LEFT JOIN named x ON x.doc_id = n.doc_id AND x.sent_idx = n.sent_idx + 1 WHERE n.sides = 2
        )
        SELECT s.doc_id, s.idx, s.text, s.issues[1], c.sides, d.title,
               coalesce(d.publication, d.site, d.doc_id), d.published
        FROM candidates c JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.idx
        JOIN documents d ON d.doc_id = s.doc_id
        WHERE len(s.issues) > 0 AND {where} AND regexp_matches(s.text, ?)
        ORDER BY s.doc_id, s.idx""", [a, b, a, b, a, b, *params, _any_phrase()]).fetchall()
    found = []
    for doc_id, idx, text, issue, sides, title, source, published in rows:
        if sides < 2 and not PAIR_OPENERS.match(text):
            continue
        tone = tone_of(text)
        if tone:
            found.append({"kind": "statement", "tone": tone[0], "cue": tone[1], "issue": issue, "sentence": text,
                          "doc_id": doc_id, "sent_idx": idx, "title": title, "sources": [source],
                          "date": published.isoformat() if published else None})
    return found
