"""Events re-dated for a publication date their analysis lacked, without running the event coder again.

Given the date, and the same actors, the coder finds the same acts: the date only makes more of a
sentence's DATE expressions name a date ("last week", "on Monday", "October 15"), and from the
sentences' dates each event takes its own (EventCoder._date). So the sentences' dates are found as the
coder finds them, with and without the date, and each event's date is taken again as the coder takes
it. Where the new dates could change which acts the coder finds, `redated` gives None and the coder
runs again: a sentence that gains a date and holds a standing noun (sanctions: an act only when
dated), or whose dates differ (one act per dyad and date in a sentence: events once one could split).

The coder finds the sentences' dates and carries the paragraph's and the article's date from
sentence to sentence with the same two functions (sentence_dates, sentence_states);
tests/test_redate.py checks re-dating against a fresh analysis.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..document import EventRecord
from ..knowledge.events import EventVocabulary
from .dates import WhenDate, period_date, read_date


def date_fields(when: WhenDate | None, basis: str) -> dict:
    """An EventRecord's date fields."""
    return {"date": when.value if when else None, "date_start": when.start if when else None,
            "date_precision": when.precision if when else None, "date_basis": basis}


def redated(doc: Doc, events: list[EventRecord], coder) -> list[EventRecord] | None:
    """`events`, as the coder (`coder`) found them in `doc` with no publication date, with the dates it
    gives them on `doc._.published`; None when it could find other acts (it must run again)."""
    before, after = sentence_dates_on(doc, coder, (None, doc._.published))
    standing = _standing_lemmas(coder.vocab)
    for start in before.keys() | after.keys():
        dates = after.get(start, [])
        if _keyed(dates) == _keyed(before.get(start, [])):
            continue
        if len({d for _, d in dates}) > 1 or any(t.lemma_.lower() in standing for t in doc[start].sent):
            return None
    at = sentence_states(doc, after)
    out = []
    for event in events:
        trigger = doc.char_span(event.trigger_start, event.trigger_end)[0]
        dates, context, story = at[trigger.sent.start]
        when, basis = coder._date(trigger, doc, dates, context, story=story)
        out.append(dataclasses.replace(event, **date_fields(when, basis)))
    return out


def _keyed(dates: list[tuple[Span, WhenDate]]) -> list[tuple]:
    return [(span.start, span.end, when) for span, when in dates]


def sentence_dates(doc: Doc, coder, published: date | None) -> dict[int, list[tuple[Span, WhenDate]]]:
    """Sentence start -> the dates the coder reads in it (DATE and EVENT entities, treaties, named
    periods), in its order, on a publication date of `published`."""
    return sentence_dates_on(doc, coder, (published,))[0]


def sentence_dates_on(doc: Doc, coder, days) -> list[dict[int, list[tuple[Span, WhenDate]]]]:
    """sentence_dates on each of `days`: only a DATE entity reads by the day ("last week"); the
    rest (EVENT entities, treaties, named periods) are found once."""
    ents = [(ent, ent.sent.start, ent.label_ == "DATE", None if ent.label_ == "DATE" else period_date(ent.text))
            for ent in doc.ents if ent.label_ in ("DATE", "EVENT")]
    treaties = [(name.sent.start, name, found) for name, found in coder._treaties(doc)]
    periods = [(span, found) for span in filter_spans(coder.periods(doc, as_spans=True))  # named periods read as times
               if coder._when_phrase(span) and (found := period_date(span.text))]
    out = []
    for day in days:
        found_by: dict[int, list[tuple[Span, WhenDate]]] = {}
        for ent, start, by_day, fixed in ents:
            if found := (read_date(ent.text, day) if by_day else fixed):
                found_by.setdefault(start, []).append((ent, found))
        for start, name, found in treaties:
            found_by.setdefault(start, []).append((name, found))
        named = {(e.start, e.end) for es in found_by.values() for e, _ in es}
        for span, found in periods:
            if (span.start, span.end) not in named:
                found_by.setdefault(span.sent.start, []).append((span, found))
        out.append(found_by)
    return out


def sentence_states(doc: Doc, dates_by_sentence: dict) -> dict[int, tuple]:
    """Sentence start -> (its dates, the paragraph's last explicit date before it, the article's last
    date before it): what the coder dates the sentence's events by."""
    states, context, story = {}, None, None
    for sent in doc.sents:
        dates = dates_by_sentence.get(sent.start, [])
        if "\n" in doc[max(sent.start - 1, 0)].text_with_ws:
            context = None  # a new paragraph starts a new story
        states[sent.start] = (dates, context, story)
        explicit = [d for _, d in dates if d.basis in ("explicit", "period")]
        if explicit:
            context = explicit[-1]
        if dates:
            story = max(dates, key=lambda x: x[0].start)[1]
    return states


@functools.lru_cache(maxsize=2)
def _standing_lemmas(vocab: EventVocabulary) -> frozenset[str]:
    return frozenset(p.lemma for patterns in vocab.patterns.values() for p in patterns if p.standing)
