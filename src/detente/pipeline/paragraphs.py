"""`detente_paragraphs`: a line break that ends a paragraph or a heading ends a sentence.

The statistical parser often runs a heading into the first sentence below it ("The Twisted
Tehran-Moscow Axis\n\nWhen Iranian ..."). Runs before the parser, which keeps the boundaries set here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import text_of

_TERMINAL = set(".!?:;\"'\u201d\u2019)]*")
_HEADING_CHARS = 70  # a line shorter than this that ends without punctuation is a heading


@Language.component("detente_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    text = text_of(doc)
    for i, token in enumerate(doc[:-1]):
        if not token.is_space or "\n" not in token.text:
            continue
        nxt = doc[i + 1]
        if nxt.is_space:
            continue
        before = text[: token.idx].rstrip()
        if not before:
            continue
        line = before[before.rfind("\n") + 1 :]
        ends_sentence = before[-1] in _TERMINAL
        blank_line = token.text.count("\n") >= 2
        heading = len(line.strip()) < _HEADING_CHARS and nxt.text[:1].isupper()
        if ends_sentence or heading or (blank_line and not nxt.text[:1].islower()):
            nxt.is_sent_start = True
    return doc
