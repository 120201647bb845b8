"""Acts in a headline the parser misreads: "Romania summons Russian ambassador".

A headline drops the words a parser leans on (articles, a final stop) and puts its verb in the
present tense ("sever", "summons"), so the small model often tags the verb as a plural noun and
hangs the line on a name, and no act is read off the parse. Such a line is read by its shape
instead: the actors that open it (joined by "and" or commas), a present-tense verb our patterns
know, and the actors right after it ("Ghana and Togo bomb Burkinabe jihadist sites"), or each other where
two or more cut their ties ("Taiwan and Kiribati sever ties").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..knowledge.events import NO_ACT, EventVocabulary, Pattern

MAX_CHARS = 120  # longer lines are paragraphs, parsed as sentences
STOPS = ".!?\"'\u201d\u2019"  # a line ending so is a sentence, not a headline
JOINERS = {"and", ",", "&"}  # "Taiwan and Kiribati", "Serbia, Bosnia"
OPENERS = {":", "-", "\u2013", "\u2014", "|"}  # "Pulwama attack: India revokes ...": the clause opens after it
VERB_TAGS = {"NN", "NNS", "NNP", "NNPS", "VBZ", "VBP", "VB"}  # a headline verb, however the tagger took it
BETWEEN_POS = {"DET", "ADJ", "NUM", "ADP", "ADV", "PART"}  # "summons the Russian ambassador", "fires back at"
MAX_BETWEEN = 3
STATEMENT_ROOT = "01"


def headline_end(sent: Span) -> int | None:
    """Where the headline that opens the sentence ends (a token index), or None: a line of its own,
    short, with no closing stop; the parser may have run the line below into it. Read off the
    tokens' whitespace, never the whole text (one sentence's work per sentence)."""
    doc = sent.doc
    if sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
        return None  # the line began before the sentence
    end = next((t.i + (not t.is_space) for t in sent if "\n" in t.text_with_ws), None)
    if end is None:
        if sent.end < len(doc) and "\n" not in doc[sent.end - 1].text_with_ws:
            return None  # the next sentence goes on in the same line
        end = sent.end
    line = doc[sent.start : end].text.strip()
    if not line or len(line) > MAX_CHARS or line[-1] in STOPS:
        return None
    return end


def _verb_lemmas(word: str) -> list[str]:
    """The base forms a present-tense headline verb may have: "summons" -> summon, "sever" -> sever."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _chain(line: Span, actors: dict[int, Span], at: int, step: int) -> list[Span]:
    """Actor mentions of the line joined by "and" or commas, starting at token `at`, walking by `step`."""
    found: list[Span] = []
    while line.start <= at < line.end and at in actors:
        span = actors[at]
        found.append(span)
        at = span.start - 1 if step < 0 else span.end
        if line.start <= at < line.end and line.doc[at].lower_ in JOINERS:
            at += step
            continue
        break
    return found


def _pattern(vocab: EventVocabulary, word: Token, objects: set[str], between: set[str]) -> Pattern | None:
    """The verb's most specific pattern the line satisfies: its particle or preposition among the
    words `between` the verb and its object ("fires back at"), one of its object words among
    `objects`, else the bare one; None where that is no act ("strike a balance")."""
    best = None
    for lemma in _verb_lemmas(word.lower_):
        for p in vocab.candidates(lemma, "VERB"):
            if p.complement or p.subjects or p.inverse or p.ends or (p.particle and p.particle not in between) \
                    or (p.prep and p.prep not in between) or (p.objects and not p.objects & objects):
                continue
            if best is None or p.specificity > best.specificity:
                best = p
    if best is None or best.code == NO_ACT or vocab.codes[best.code].root == STATEMENT_ROOT:
        return None  # "US says Russia ...": who is said to act is no target of the saying
    return best


def headline_acts(sent: Span, actors: dict[int, Span], vocab: EventVocabulary, tie_nouns: set[str],
                  verbs_read: set[int]) -> list[tuple[Token, Pattern, list[Span], list[Span]]]:
    """Per verb of the headline: (the verb, its pattern, the actors before it, the actors after it;
    none after it where two or more before it cut or restore their `tie_nouns`). Only verbs opened
    by actors from the line's start or after a colon or dash; none where the parse gave the line a
    verb that was read as an act (`verbs_read`, token indices)."""
    found = []
    end = headline_end(sent)
    if end is None or any(sent.start <= i < end for i in verbs_read):
        return found
    line = sent.doc[sent.start : end]
    for tok in line:
        if tok.i in actors or not tok.is_alpha or not tok.is_lower or tok.tag_ not in VERB_TAGS or tok.i - 1 not in actors:
            continue
        sources = _chain(line, actors, tok.i - 1, -1)
        opened = sources[-1].start
        if opened != sent.start and sent.doc[opened - 1].text not in OPENERS:
            continue
        at = tok.i + 1
        while at < line.end and at not in actors and sent.doc[at].pos_ in BETWEEN_POS and at - tok.i <= MAX_BETWEEN:
            at += 1
        targets = _chain(line, actors, at, 1)
        # the words the verb acts on: its object's, up to the first preposition
        stop = next((t.i for t in sent.doc[at : line.end] if t.pos_ == "ADP"), line.end)
        objects = {t.lemma_.lower() for t in sent.doc[tok.i + 1 : stop]}
        pattern = _pattern(vocab, tok, objects, {t.lower_ for t in sent.doc[tok.i + 1 : at]})
        if pattern is None:
            continue
        if targets:
            found.append((tok, pattern, sources, targets))
        elif len(sources) > 1 and at < line.end and sent.doc[at].lemma_.lower() in tie_nouns:
            found.append((tok, pattern, sources, sources))  # "Taiwan and Kiribati sever ties": each with the other
    return found
