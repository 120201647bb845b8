"""`detente_quotes`: direct quotations and who said them.

Runs after `detente_actors`. A quotation is text between quotation marks (or after a reporting
verb and a colon: "insisting: If you ..."); it is kept when a speaker is found:
  - the subject of a reporting verb in the quote's sentence ("X said", "said X", "explains X",
    "X accused the Russians of 'showing off'": a short quote inside reported speech is the
    speaker's words, not a scare quote), or the possessor of a reporting noun ("Putin's claim");
  - "according to X", "in the words of X";
  - a pronoun ("he says") stands for the last speaker or the subject of the sentences before,
    never for a person named inside a quotation;
  - a definite description ("the ministry said", "the statement said") stands for the body named
    before: the actor it repeats, or the one that issued the statement;
  - a quotation alone in the paragraph after another continues that speaker's words.
Quotation marks with no speaker anywhere (a title, a scare quote in the author's prose) are not
quotations. Result: `doc._.quotes`, a list of Quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .syntax import PERSON_PRONOUNS, antecedent, subject_of, text_of

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)

REPORTING = {"say", "tell", "explain", "claim", "insist", "add", "note", "observe", "warn", "write", "argue",
             "deny", "suggest", "point", "accuse", "state", "declare", "announce", "stress", "remark", "reply",
             "respond", "ask", "tweet", "express", "describe", "call", "complain", "admit", "acknowledge",
             "assert", "maintain", "predict", "conclude", "recall", "emphasize", "emphasise", "caution", "urge",
             "post", "vow", "pledge", "reiterate", "confirm", "allege", "underscore"}
REPORTING_NOUNS = {"claim", "statement", "word", "remark", "comment", "assertion", "accusation", "warning",
                   "description", "release", "tweet", "speech", "view"}
OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}


@dataclass(frozen=True)
class Quote:
    start: int  # character offsets of the quoted words, marks excluded
    end: int
    text: str
    speaker: Span | None
    affiliation: str | None
    how: str  # reporting verb, reporting noun, according to, pronoun, continuation
    sentence_start: int  # token index of the sentence the quotation starts in
    sentence_end: int  # token index just after the last sentence it (or its attribution) touches


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks; a quote still open at the
    end of its paragraph ends there (news leaves continued paragraphs unclosed)."""
    spans, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in OPEN_CLOSE and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = OPEN_CLOSE[ch]
            para_end = text.find("\n", i)
            para_end = len(text) if para_end == -1 else para_end
            j = text.find(close, i + 1, para_end)
            end = j if j != -1 else para_end
            if end > i + 1:
                spans.append((i + 1, end))
            i = end + 1
            continue
        i += 1
    return spans


class QuoteFinder:
    def __init__(self) -> None:
        self._quoted: set[int] = set()  # tokens inside quotation marks, in the doc being read
        self._found: list[Quote] = []

    def _actor_at(self, token: Token, actors: dict[int, Span]) -> Span | None:
        if token.i in actors:
            return actors[token.i]
        for child in token.children:  # "An article published in the Japan Times"
            if child.i in actors and child.dep_ in ("compound", "poss", "nmod"):
                return actors[child.i]
        # (never someone named inside a quotation the subject governs: "a statement ... urging Turkey
        # 'to put pressure on President (Joe) Biden'" is Hamas's, not Biden's)
        inner = [actors[t.i] for t in token.subtree if t.i in actors and t.i not in self._quoted]
        for span in inner:  # a person or institution inside the subject speaks before a country
            if span._.actor.kind in ("person", "organization"):
                return span
        return inner[0] if inner else None  # "The Russian narrative had expressed ..."

    @staticmethod
    def affiliation(speaker: Span, actors: dict[int, Span]) -> str | None:
        """The institution the text ties the speaker to: in their description ("Iran lecturer at
        the IDC Herzliya") or just before their name ("Russian Defense Ministry spokesman, ..."),
        else their office on the article's date."""
        doc = speaker.doc
        near = [t.i for child in speaker.root.children if child.dep_ == "appos" for t in child.subtree]
        near += range(max(speaker.start - 8, speaker.sent.start), speaker.start)
        for i in near:
            span = actors.get(i)
            if span is not None and span is not speaker and span._.actor.kind == "organization":
                return span.text
        ref = speaker._.actor
        if ref.kind == "person" and ref.detail and ref.how != "coref":
            office = ref.detail.split(",")[0].replace("_", " ")
            return f"{office}, {ref.country}" if ref.country else office
        return doc[speaker.start : speaker.end].text if ref.kind == "organization" else None

    def _speaker(self, sent: Span, inside: range, actors: dict[int, Span]) -> tuple[Span | None, str]:
        """The speaker the sentence names outside the quoted words, and how. "According to X" names
        the source of a report: the subject of a reporting verb, when there is one, is the speaker."""
        reported: tuple[Span | None, str] = (None, "")
        for tok in sent:
            if tok.i in inside:
                continue
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
                obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
                if obj is not None and (span := self._actor_at(obj, actors)) and reported[0] is None:
                    reported = span, "according to"
            if tok.pos_ in ("VERB", "AUX") and lemma in REPORTING:
                # the verb's subject, or its governing verb's ("who criticized ..., insisting: ...")
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                    subject, _ = subject_of(tok)
                else:  # "..., insisting: ...": the nearest person named before the verb
                    named = [actors[i] for i in range(tok.i - 1, sent.start - 1, -1)
                             if i in actors and actors[i]._.actor.kind == "person"]
                    subject = named[0].root if named else subject_of(tok)[0]
                if subject is not None and subject.lemma_.lower() in REPORTING_NOUNS and subject.dep_ == "dobj" \
                        and subject.head.pos_ == "VERB" and (issuer := subject_of(subject.head)[0]) is not None:
                    subject = issuer  # "Hamas issued a statement ... urging Turkey '...'": Hamas
                if subject is not None and subject.i not in inside:
                    span = (self._actor_at(subject, actors) or self._pronoun_speaker(subject, actors)
                            or self._described(subject, actors))
                    if span is not None:
                        return span, "pronoun" if subject.pos_ == "PRON" else "reporting verb"
            if tok.pos_ == "NOUN" and lemma in REPORTING_NOUNS:
                for child in tok.children:
                    if child.dep_ == "poss" and (span := self._actor_at(child, actors)):
                        return span, "reporting noun"
                    if child.dep_ == "prep" and child.lower_ == "of":  # "in the words of X"
                        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                        if obj is not None and (span := self._actor_at(obj, actors)):
                            return span, "reporting noun"
        return reported

    def _pronoun_speaker(self, pronoun: Token, actors: dict[int, Span]) -> Span | None:
        """ "..., he said": the subject of its own or an earlier sentence, or the last speaker, up to
        three sentences back; else the last person named outside quotation marks."""
        if pronoun.lower_ not in PERSON_PRONOUNS:
            return None
        sent = pronoun.sent
        for _ in range(4):
            spoke = [q.speaker for q in self._found if sent.start <= q.sentence_start < sent.end]
            if spoke and spoke[-1]._.actor.kind == "person":
                return spoke[-1]
            for tok in sent:
                if tok.dep_ == "nsubj" and tok.i not in self._quoted and tok.i < pronoun.i:
                    span = self._actor_at(tok, actors)
                    if span is not None and span._.actor.kind == "person":
                        return span
            if sent.start == 0:
                break
            sent = pronoun.doc[sent.start - 1].sent
        outside = {i: s for i, s in actors.items() if i not in self._quoted}
        return antecedent(pronoun, outside, 0, PERSON_PRONOUNS)

    def _described(self, noun: Token, actors: dict[int, Span]) -> Span | None:
        """ "the ministry said": the last actor named with that noun ("Jordan's foreign ministry");
        "the statement said": who issued it, else the subject of the sentence before."""
        if noun.pos_ != "NOUN" or any(c.dep_ not in ("det", "amod", "compound") for c in noun.children):
            return None  # "the country's president" names no one the text named before
        lemma = noun.lemma_.lower()
        earlier = sorted({s for i, s in actors.items() if i < noun.i and i not in self._quoted}, key=lambda s: s.start)
        named = [s for s in earlier if any(t.lemma_.lower() == lemma for t in s) and s._.actor.code]
        if named and noun.i - named[-1].start < 120:  # a few sentences back
            return named[-1]
        if lemma not in REPORTING_NOUNS or noun.sent.start == 0:
            return None
        before = noun.doc[noun.sent.start - 1].sent
        for tok in before:
            if tok.dep_ in ("nsubj", "nsubjpass") and (span := self._actor_at(tok, actors)) is not None and span._.actor.code:
                return span
        return None

    def __call__(self, doc: Doc) -> Doc:
        actors = {t.i: s for s in doc.spans.get("actors", []) if s._.actor for t in s}
        text = text_of(doc)
        quotes: list[Quote] = []
        self._found = quotes
        previous: Quote | None = None
        spans = _quote_spans(text) + self._colon_quotes(doc)
        self._quoted = {t.i for s, e in spans if (q := doc.char_span(s, e, alignment_mode="expand")) is not None for t in q}
        for start, end in sorted(set(spans)):
            words = doc.char_span(start, end, alignment_mode="expand")
            if words is None or not any(t.is_alpha for t in words):
                continue
            inside = range(words.start, words.end)
            first = words[0].sent
            speaker, how = self._speaker(first, inside, actors)
            if speaker is None and words[-1].sent.start != first.start:
                speaker, how = self._speaker(words[-1].sent, inside, actors)
            if speaker is None:
                speaker, how = self._after(doc, words, inside, actors)
            if speaker is None:
                speaker, how = self._before(doc, words, inside, actors)
            if speaker is None and previous is not None and self._continues(text, previous, start, first):
                speaker, how = previous.speaker, "continuation"
            if speaker is None:
                continue
            clean = text[start:end].strip()
            clean = re.sub(r",$", "", clean).strip()
            last = max(words[-1].sent.end, speaker.sent.end if speaker.doc is doc else 0)
            affiliation = self.affiliation(speaker, actors)
            if speaker._.actor.how == "coref":  # "Javedanfar" after "Meir Javedanfar, ... at the IDC Herzliya"
                affiliation = next((q.affiliation for q in reversed(quotes)
                                    if q.speaker.text.endswith(speaker.text.split()[-1])), None)
            quote = Quote(start, start + len(clean), clean, speaker, affiliation, how, first.start, last)
            quotes.append(quote)
            previous = quote
        doc._.quotes = quotes
        return doc

    def _after(self, doc: Doc, words: Span, inside: range, actors) -> tuple[Span | None, str]:
        """`"...," he says` where the parser put the attribution in a sentence of its own."""
        end = words.end
        if end + 1 < len(doc):
            sent = doc[min(end + 1, len(doc) - 1)].sent
            if sent.start >= words.start and sent.start - end <= 2:
                return self._speaker(sent, inside, actors)
        return None, ""

    def _before(self, doc: Doc, words: Span, inside: range, actors) -> tuple[Span | None, str]:
        """`In the words of X: "..."`: the attribution ends with a colon just before the quote."""
        i = words.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in OPEN_CLOSE or doc[i].text in OPEN_CLOSE.values()):
            i -= 1
        if i >= 0 and doc[i].text == ":":
            return self._speaker(doc[i].sent, inside, actors)
        return None, ""

    @staticmethod
    def _continues(text: str, previous: Quote, start: int, sent: Span) -> bool:
        """A quotation with no attribution of its own that opens the sentence right after the
        previous quotation, or the paragraph right after that quotation's paragraph."""
        opens_sentence = text[sent.start_char:start].strip(" \t\n\"\u201c") == ""
        if not opens_sentence:
            return False
        if sent.start == previous.sentence_end:
            return True
        line_start = text.rfind("\n", 0, start) + 1
        previous_paragraph = text.rfind("\n", 0, max(line_start - 1, 0))
        return previous_paragraph < previous.start and text[line_start:start].strip(" \t\"\u201c") == ""

    @staticmethod
    def _colon_quotes(doc: Doc) -> list[tuple[int, int]]:
        """A reporting verb, a colon and the rest of the sentence with no marks: "insisting: If you ..."."""
        found = []
        colons = (doc.char_span(m.start(), m.end()) for m in re.finditer(":", text_of(doc)))
        for tok in (span[0] for span in colons if span is not None and len(span) == 1):
            if tok.i > 0 and doc[tok.i - 1].lemma_.lower() in REPORTING:
                sent = tok.sent
                rest = doc[tok.i + 1 : sent.end]
                if len(rest) > 3 and not any(t.text in OPEN_CLOSE or t.text in OPEN_CLOSE.values() for t in rest):
                    found.append((rest.start_char, rest.end_char))
        return found


@Language.factory("detente_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()
