"""Headlines in Title Case, written in sentence case for the parser.

"China Launches Military Exercises Around Taiwan" reads to the statistical parser as a string of
names, so the act in it is lost, though a headline is the densest statement of what happened. The
parser gets a copy of such a line in sentence case: a word keeps its capital only when the article
itself writes it capitalised in the middle of a sentence (a name), when the knowledge base knows
it as a name (Chile, Hamas), when it is in capitals (US, UK) or when it opens the line. Letters change case, nothing else: the copy has the text's length, so
every offset still points into the stored text, and records quote the stored text.
"""

from __future__ import annotations

import re

from ..knowledge.kb import load_kb

WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# small words a Title Case headline may leave in lower case
SMALL = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
         "as", "vs", "via", "into", "over", "amid", "after", "says", "is", "are"}
MIN_WORDS, MAX_CHARS, TITLE_SHARE = 3, 200, 0.75


def _is_title_case(line: str) -> bool:
    words = [w for w in WORD.findall(line) if w.lower() not in SMALL]
    if len(words) < MIN_WORDS or len(line) > MAX_CHARS or line.rstrip()[-1:] in ".!?\"'\u201d":
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_SHARE


def _names(text: str) -> set[str]:
    """Words written capitalised after a lower-case word or a comma: names, by the article's own use."""
    runs = re.findall(r"[a-z0-9,;%)]\s+[\"'\u201c\u2018(]?((?:[A-Z][A-Za-z'\u2019-]*\s+)*[A-Z][A-Za-z'\u2019-]*)", text)
    return {word for run in runs for word in run.split()}  # "the Indus Water Treaty": each word of the name


def sentence_case_headings(text: str) -> str:
    lines = text.split("\n")
    headings = [i for i, line in enumerate(lines) if line.strip() and _is_title_case(line.strip())]
    if not headings:
        return text
    names = _names("\n".join(line for i, line in enumerate(lines) if i not in headings))
    kb = load_kb()
    for i in headings:
        line = lines[i]
        first = True

        def recase(m: re.Match) -> str:
            nonlocal first
            word = m.group(0)
            keep = (first or word.isupper() or word in names or word.split("-")[0] in names
                    or bool(kb.lookup(word)))
            first = False
            return word if keep else word[0].lower() + word[1:]

        lines[i] = WORD.sub(recase, line)
    return "\n".join(lines)
