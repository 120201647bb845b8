"""`detente_paragraphs`: the sentence boundaries the parser must keep.

A line break that ends a paragraph or a heading ends a sentence: the statistical parser often runs
a heading into the first sentence below it ("The Twisted Tehran-Moscow Axis\n\nWhen Iranian ...").
And a run of MAX_SENTENCE_TOKENS tokens with no sentence end ends one, so that text without
punctuation (a pasted table, a 2 MB line) costs what prose of its length costs. Runs before the
parser, which keeps the boundaries set here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import text_of

_TERMINAL = set(".!?:;\"'\u201d\u2019)]*")
_HEADING_CHARS = 70  # a line shorter than this that ends without punctuation is a heading
MAX_SENTENCE_TOKENS = 200  # news sentences run to 60; what runs longer is not prose
FORCED = "forced_sentence_breaks"  # user_data key: how many such runs were cut


@Language.component("detente_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    text = text_of(doc)
    run = 0  # tokens since the last sentence end we know of
    last = None  # the last token that is not whitespace
    for i, token in enumerate(doc[:-1]):
        run += 1
        if token.is_space and "\n" in token.text and last is not None and not doc[i + 1].is_space:
            nxt = doc[i + 1]
            end = last.idx + len(last.text)
            line = text[text.rfind("\n", 0, end) + 1 : end]
            ends_sentence = text[end - 1] in _TERMINAL
            blank_line = token.text.count("\n") >= 2
            heading = len(line.strip()) < _HEADING_CHARS and nxt.text[:1].isupper()
            if ends_sentence or heading or (blank_line and not nxt.text[:1].islower()):
                nxt.is_sent_start = True
                run = 0
        if not token.is_space:
            last = token
            if token.text in (".", "!", "?"):
                run = 0
        if run >= MAX_SENTENCE_TOKENS and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
            doc.user_data[FORCED] = doc.user_data.get(FORCED, 0) + 1
            run = 0
    return doc
