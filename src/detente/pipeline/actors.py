"""`detente_actors`: find every actor mention in a Doc and resolve it to a code, keeping how.

Runs after the parser and NER. Steps, each a small function below:
  1. names from the knowledge base (states, demonyms, metonyms, organisations, people, places),
     matched exactly (PhraseMatcher on ORTH); single-word person names only where spaCy sees a name;
  2. noun phrases grown from them with the dependency parse: a country and a role noun
     ("Iranian officials", "Russian Tupolev-22M3 bombers"), a title and a person ("former Iranian
     foreign minister Mohammad Javad Zarif"), a person and a role noun ("the Biden administration");
  3. named entities the knowledge base does not know: a later short form links to an earlier
     full mention (coreference, typos included), an unknown person takes the country and role their
     description gives, a place resolves through the gazetteer, the rest stays unresolved;
  4. people resolve to the office they held on the document's date (`doc._.published`).
What the date decided is kept with the Doc (`doc.user_data[DATED]`, see `ActorResolver.redated`): the
date's answers (who of several people with one name, which office a person held, who held an office)
and, for each mention resolved to a person by date, how to resolve it again. Re-dating an article
(pipeline.redate) reads the actors from them without running the resolver, when the new date gives
the same answers but for the roles and offices themselves.
Names read in context: a US state is no country ("the governor of Georgia"); a weapon's or an
operation's name is no actor ("Fateh missiles", "Operation Sindoor"); a name several states' bodies
share ("Congress", "National Assembly") is the body of the country named with it, else of the
country the paragraph is about; a wire dateline's places ("CAIRO, Oct 13 (Reuters) -") are places
(these rules live in pipeline/actor_context.py, ActorRef in pipeline/actor_ref.py).
Result: `doc.spans["actors"]`, each span with `span._.actor` (an ActorRef).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import numpy as np
from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..knowledge.gazetteer import Gazetteer
from ..knowledge.kb import Entry, KnowledgeBase, load_kb
from .actor_context import ContextNames
from .actor_ref import POSSESSIVE, ActorRef
from .event_cues import ANAPHORIC_NOUNS
from .syntax import text_of

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Organisations that analysts code by their country: state organs and national institutions.
CODED_BY_COUNTRY = {"media", "think_tank", "university", "company", "party", "ministry", "agency",
                    "military", "legislature", "court"}
ANALYST_ROLES = {"EDU", "MED", "NGO"}
# a post's words before "to"/"in" and the host state ("Ambassador to South Korea", "Chargé d'Affaires in Estonia")
ENVOY_WORDS = {"ambassador", "envoy", "chargé", "charge", "d'affaires", "affaires", "consul", "attache", "attaché",
               "emissary", "representative", "commissioner"}
ACRONYM_SKIPPED = {"of", "the", "and", "for", "on", "in"}  # words a body's initials leave out
PORTFOLIO_HEADS = {"ministry", "minister", "department", "secretary", "bureau"}  # "Ministry of <portfolio>"
# a post's or an office's words before "for" and its brief ("Office for Kosovo and Metohija", "Special Envoy for Syria")
BRIEF_HEADS = ENVOY_WORDS | PORTFOLIO_HEADS | {"office", "coordinator", "czar", "tsar"}
OWN_CODE_KINDS = {"armed_group", "igo"}  # bodies whose people act for them, not for a state
# Offices a bare title ("the supreme leader") can name, when few states have them.
TITLE_OFFICES = {
    "supreme leader": "supreme_leader", "president": "head_of_state", "prime minister": "head_of_government",
    "chancellor": "head_of_government", "foreign minister": "foreign_minister",
    "defense minister": "defence_minister", "defence minister": "defence_minister",
    "parliamentary speaker": "parliament_speaker", "speaker": "parliament_speaker",
}
TITLE_FIRST_WORDS = {title.split()[0] for title in TITLE_OFFICES}
# ... and the offices a whole title before a person names, which of their offices acts where the title
# names no state or body ("Secretary General Jens Stoltenberg": NATO's, not Norway's prime minister)
TITLED_OFFICES = {**TITLE_OFFICES, "secretary general": "secretary_general"}
ELITE_MARKERS = {"former", "ex", "ex-", "late", "then"}
RANK_WORDS = {"deputy", "vice", "assistant", "acting", "associate", "junior"}  # role words a title's head outranks
# words before a name that are no given name: honorifics, ranks, the particles of Arabic names ("Al Sudani")
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "sheikh", "sheik", "gen", "col", "lt", "maj", "adm", "capt", "brig",
              "al", "el", "bin", "ibn", "abu", "bint"}
LOCATED = {"based", "headquartered"}  # "Pakistan-based militants": where they are, not whose
LOCATIVE = {"in", "at", "from", "to", "into", "near", "outside", "inside", "across", "around", "via", "toward", "towards"}
# where a name spaCy took for a person's is a town's: "fighting in Goma" (not "a letter from Kim")
PLACE_OF_PERSON_NAME = {"in", "at", "into", "near", "outside", "inside", "across", "around"}
COMPASS_WORDS = {"West", "East", "North", "South", "Western", "Eastern", "Northern", "Southern"}
# verbs whose object is a place even when the tagger calls it a person: "M23 seized Goma", "captured Bakhmut"
TAKING_VERBS = {"seize", "capture", "overrun", "besiege", "recapture", "retake", "encircle", "storm", "shell", "liberate", "occupy"}
# names found written in capitals: states and bodies by name only (a capitalised "MAY" is no prime
# minister; "WARSAW, SOFIA:" heads a wire story as its dateline, not as the governments)
CAPITAL_KINDS = {"country", "organization", "region"}
MAX_CAPITAL_WORDS = 5
DATED = "detente_actors_dated"  # doc.user_data: what the date decided of the resolution (ActorResolver.redated)


def _tokens_between(doc: Doc, start: int, end: int):
    return [doc[i] for i in range(start, end)]


class ActorResolver(ContextNames):
    def __init__(self, nlp: Language, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        # of the Doc being resolved: (question, args) -> what its date answered, and (start, end) of a
        # span resolved to a person by date -> (person, former, whether its `detail` is the office's)
        self._asked: dict[tuple, object] = {}
        self._by_date: dict[tuple[int, int], tuple[str, bool, bool]] = {}
        self.gazetteer = Gazetteer()
        self._office_states = {o: {c for (c, o2) in self.kb.offices if o2 == o} for o in set(TITLE_OFFICES.values())}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(self.kb.surfaces)
        for i in range(0, len(surfaces), 1000):
            chunk = surfaces[i : i + 1000]
            for surface, pattern in zip(chunk, nlp.tokenizer.pipe(chunk)):
                self.matcher.add(surface, [pattern])

    # -- step 1: names the knowledge base knows ---------------------------------------------------

    def _kb_spans(self, doc: Doc) -> list[Span]:
        spans = []
        named: list[str] = []  # people named so far, in order
        strangers: set[str] = set()  # family names of people named in full who are not the knowledge base's
        found = [(doc.vocab.strings[m], start, end) for m, start, end in self.matcher(doc)]
        for surface, start, end in sorted(found + self._capitals(doc), key=lambda m: (m[1], -m[2])):
            span = doc[start:end]
            entries = self._in_context(self.kb.lookup(surface), span)
            if not entries:
                continue
            if surface.startswith("The ") and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "I":
                continue  # "The National" cut from "The National Assembly"
            if any(e.kind == "person" for e in entries) and end - start == 1:
                # "May", "Rice", "Bush": a one-word name counts only where spaCy sees a name.
                tok = doc[start]
                labelled = tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"
                capitalised = tok.is_title and tok.pos_ not in ("AUX", "VERB", "ADP", "DET", "PRON", "CCONJ", "ADV")
                if tok.ent_type_ == "DATE" or not (labelled or capitalised):
                    continue
            people = [e for e in entries if e.kind == "person"]
            if people and self._someone_else(span, people):
                strangers.add(doc[end - 1].lower_)
                continue
            if people and end - start == 1 and doc[start].lower_ in strangers and not any(e.actor_id in named for e in people):
                continue  # "Badawi's wife" after "Raif Badawi": his family name, not the former premier's
            ref = self._resolve_entries(entries, doc, named)
            if ref is None:
                continue
            if ref.how == "demonym" and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I":
                continue  # "Ersin Tatar", "Ahmed Arabi": a surname the demonym ends, inside a person's name
            span._.actor = ref
            self._dated(span, ref.actor_id if ref.kind == "person" else None)
            if ref.how == "shared":
                span._.actor = ActorRef(None, None, ref.role, "organization", "shared")  # resolved in context
            spans.append(span)
        return spans

    def _someone_else(self, span: Span, people: list[Entry]) -> bool:
        """Whether a known person's name is part of a longer name that is not theirs: it opens one as
        its given name (_given_name_of_another), or ends one - "Raif Badawi" (a blogger, not the premier
        Abdullah Badawi), "Ali Mahmud Abbas", "the USS Ronald Reagan" - whose words before it in spaCy's
        name are no title and start like none of the given names the knowledge base writes before it
        ("Recep Tayipp Erdogan", "V. Zelenskiy" are the same people)."""
        doc = span.doc
        if self._given_name_of_another(span, people):
            return True
        if span.start == 0 or doc[span.start].ent_iob_ != "I" or doc[span.start].ent_type_ != "PERSON" \
                or doc[span.start - 1].pos_ != "PROPN":
            return False
        i = span.start
        while doc[i].ent_iob_ == "I":
            i -= 1
        before = [t.lower_.strip(".") for t in doc[i : span.start] if t.is_alpha or t.text.endswith(".")]
        if any(w in self.kb.role_words or w in HONORIFICS or w in ELITE_MARKERS
               or (len(w) >= 6 and any(_one_edit(w, r) for r in self.kb.role_words if len(r) >= 6)) for w in before):
            return False  # "Spokesperson Mao Ning", "Gen Muhoozi", "Mminister Abiy Ahmed"
        matched = [t.lower_ for t in span]
        initials = set()
        for name in self._names(people):
            words = name.split()
            if len(words) > len(matched) and words[-len(matched):] == matched:
                initials.update(w[0] for w in words[: -len(matched)])
        return not any(w[:1] in initials for w in before)

    def _given_name_of_another(self, span: Span, people: list[Entry]) -> bool:
        """Whether a known person's one-word name opens a longer name as its given name: "Volker Turk"
        (the UN's rights chief, not the US envoy Kurt Volker), "Assad Shoman". Not in a headline, whose
        capitals make a verb look like a name ("Zarif Warns"), nor where the next word is one of the
        person's own names ("Xi Jinping")."""
        doc = span.doc
        if len(span) != 1 or span.end >= len(doc) or doc[span.start].ent_type_ != "PERSON" \
                or doc[span.end].ent_iob_ != "I" or doc[span.end].pos_ != "PROPN" or not doc[span.end].is_title:
            return False
        words = [t for t in span.sent if t.is_alpha]
        if sum(t.is_title for t in words) > 0.6 * len(words):
            return False  # a headline
        after = doc[span.end].lower_
        own = {w for name in self._names(people) for w in name.replace("-", " ").split()}
        return after not in own and after.rstrip(".") not in ("jr", "sr")

    def _names(self, people: list[Entry]) -> list[str]:
        """Every name the knowledge base writes for these people, lower case."""
        return [name.lower() for e in people for name in (self.kb.people[e.actor_id].name, *self.kb.people[e.actor_id].aliases)]

    def _capitals(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Names written in capitals ("NORTH KOREA blew up ...", a wire lead's first words), as
        (surface, start, end) of the name as the knowledge base spells it; acronyms ("UN") match as written."""
        found = []
        # from the Doc's arrays: one pass over integers, not a Token per word
        flags = doc.to_array([IS_UPPER, IS_ALPHA, LENGTH])
        upper = flags[:, 0].astype(bool)
        for i in (int(i) for i in np.flatnonzero(upper & flags[:, 1].astype(bool) & (flags[:, 2] > 2))):
            n = 1
            while n < MAX_CAPITAL_WORDS and i + n < len(doc) and upper[i + n]:
                n += 1
            for n in range(n, 0, -1):
                surface = doc[i : i + n].text.title()
                if any(e.kind in CAPITAL_KINDS and e.how != "metonymy" for e in self.kb.lookup(surface)):
                    found.append((surface, i, i + n))
                    break
        return found

    def _in_context(self, entries: list[Entry], span: Span) -> list[Entry]:
        """The entries a name can have here: a US state only where the context marks one ("the governor
        of Georgia"), else the country; a name some bodies share only where no entry owns it outright."""
        states = [e for e in entries if e.kind == "place" and self.kb.places[e.actor_id].get("kind") == "state"]
        if states and len(states) < len(entries):
            if self._marked_state(span, self.kb.places[states[0].actor_id]):
                return states
            entries = [e for e in entries if e not in states]
        own = [e for e in entries if e.how != "shared"]
        return own or entries

    def _resolve_entries(self, entries: list[Entry], doc: Doc, named: list[str]) -> ActorRef | None:
        people = [e for e in entries if e.kind == "person"]
        if people:
            mentioned = [e for e in people if e.actor_id in named]
            pid = mentioned[-1].actor_id if mentioned else self._ask("person", tuple(e.actor_id for e in people), doc._.published)
            named.append(pid)
            return self._person_ref(pid, doc._.published, people[0].how)
        for kind in ("organization", "country", "region", "place"):
            for e in entries:
                if e.kind == kind:
                    return self._entry_ref(e, doc._.published)
        return None

    def _pick_person(self, ids: tuple[str, ...], day: date | None) -> str:
        """Of several people with one name (Assad, Khamenei), the one in office on the day, else the latest."""
        if len(ids) == 1:
            return ids[0]
        for pid in ids:
            if self.kb.people[pid].office_on(day)[1] == "in office":
                return pid
        if day is not None:  # the latest to have taken office by then
            started = [p for p in ids if any(t.start <= day for t in self.kb.people[p].tenures)]
            if started:
                return max(started, key=lambda p: max(t.start for t in self.kb.people[p].tenures if t.start <= day))
        return max(ids, key=lambda p: self.kb.people[p].years_in_office())

    def _person_ref(self, pid: str, day: date | None, how: str, former: bool = False) -> ActorRef:
        self._ask("office", pid, day)
        return self._office_ref(pid, day, how, former)

    def _office_ref(self, pid: str, day: date | None, how: str, former: bool = False) -> ActorRef:
        person = self.kb.people[pid]
        tenure, status = person.office_on(day)
        if tenure is None:
            return ActorRef(None, None, None, "person", how, pid)
        role = "ELI" if former or status == "former" else tenure.role
        detail = f"{tenure.office}, {'former' if role == 'ELI' else status}"
        return ActorRef(tenure.country, tenure.country, role, "person", how, pid, detail)

    def _entry_ref(self, e: Entry, day: date | None) -> ActorRef:
        if e.kind == "country":
            return ActorRef(e.actor_id, e.actor_id, e.role, "country", e.how, e.actor_id)
        if e.kind == "region":
            return ActorRef(e.actor_id, None, None, "region", e.how, e.actor_id)
        if e.kind == "place":
            place = self.kb.places[e.actor_id]
            return ActorRef(place.get("country"), place.get("country"), None, "place", "place", e.actor_id,
                            place.get("kind"), place.get("lat"), place.get("lon"))
        actor = self.kb.actors[e.actor_id]
        org = self.kb.org_kinds.get(e.actor_id)
        organ = actor.state_organ or (actor.organ_since is not None and self._ask("organ", actor.code, day))
        by_country = actor.country and (organ or org in CODED_BY_COUNTRY)
        code = actor.country if by_country else actor.code
        role = actor.role if organ or actor.organ_since is None else (actor.role_before or actor.role)
        return ActorRef(code, actor.country, role, "organization", e.how, actor.code, org)

    # -- step 2: noun phrases grown from names ----------------------------------------------------

    def _role_in(self, tokens) -> tuple[str | None, str] | None:
        """The first role noun (up to three words) among tokens: ("Defense Minister") -> (MIL, ...); a rank
        word before another yields to it ("deputy foreign minister" is a minister, not a police deputy;
        "army spokesman" stays the army's)."""
        words = [t.text.lower() for t in tokens]
        for i in range(len(words)):
            for n in (3, 2, 1):
                if i + n <= len(words):
                    found = self.kb.role_noun(" ".join(words[i : i + n]))
                    if found:
                        if n == 1 and words[i] in RANK_WORDS and (after := self._role_in(tokens[i + 1 :])):
                            return after
                        return found
        return None

    def _ends_with_role(self, tokens) -> bool:
        words = [t.text.lower() for t in tokens]
        return any(self.kb.role_noun(" ".join(words[-n:])) for n in (3, 2, 1) if n <= len(words))

    def _grow_country(self, span: Span, person_tokens: set[int]) -> Span | None:
        """A country or demonym modifying a role noun: "Iranian officials", "Russia's military"."""
        ref = span._.actor
        root = span.root
        head = root.head
        if root.dep_ not in ("amod", "compound", "nmod", "poss") or head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
            head = self._possessed(span)
            if head is None:
                return None
        elif head.left_edge.i > span.start:
            return None
        between = [t for t in _tokens_between(span.doc, span.end, head.i + 1) if t.text not in POSSESSIVE]
        if any(t.dep_ == "conj" and t.head.i == root.i for t in between):
            return None  # "Hungarian and Romanian officials": the last demonym grows, each stays itself
        if any(t.ent_type_ == "PERSON" for t in between):
            return None  # a title before a person: grown from the person's side
        if not self._ends_with_role(between):
            return None  # "Russian narrative", "Iran's military relationship": not an actor
        if head.dep_ in ("compound", "appos") and (head.head.ent_type_ == "PERSON" or head.head.i in person_tokens):
            return None  # "Iranian and Turkish Presidents Ebrahim Raisi ...": the people carry it
        role, noun = self._role_in(between)
        if role in ANALYST_ROLES:
            return None  # "an Iran lecturer" studies Iran, he does not act for it
        if ref.kind == "region" and ANAPHORIC_NOUNS.get(head.lower_) == "state" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None  # "the South American nation": a state named before, not the region
        grown = span.doc[span.start : head.i + 1]
        if ref.kind == "place":  # "Georgia's attorney general": a US state's officer acts for the US
            grown._.actor = ActorRef(ref.country, ref.country, role, "country", "state + role noun", ref.actor_id, noun)
            return grown
        grown._.actor = ActorRef(ref.code, ref.country, role or ref.role, ref.kind, f"{ref.how} + role noun",
                                 ref.actor_id, noun)
        return grown

    def _possessed(self, span: Span):
        """The noun a possessive mark makes the name's when the parser missed it ("Hamas’ armed wing"
        read as a list): the last of the words after the mark that ends a role noun."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text not in POSSESSIVE:
            return None
        words = []
        for tok in doc[span.end + 1 : span.end + 4]:
            if tok.pos_ not in ("ADJ", "NOUN") or tok.ent_type_ == "PERSON":
                break
            words.append(tok)
        ends = [w for i, w in enumerate(words) if self._ends_with_role(words[: i + 1])]
        return ends[-1] if ends else None

    def _title_tokens(self, span: Span) -> list:
        """Tokens left of a person's name that describe them: "former Iranian foreign minister",
        "Russia's President", "George Mason University Professor". Stops at a determiner or a clause."""
        doc = span.doc
        start = span.start
        i = span.start - 1
        while i >= 0:
            tok = doc[i]
            if tok.text in ("'s", "\u2019s") and i > 0 and doc[i - 1].dep_ == "poss":
                start, i = i - 1, i - 2  # a possessive country: "Russia's President"
                continue
            modifier = tok.dep_ in ("compound", "amod", "nmod", "poss") and start <= tok.head.i < span.end
            titled = tok.lower_ in self.kb.role_words or tok.lower_ in ELITE_MARKERS
            if tok.text in ("-", "\u2010", "\u2011") and i > 0 and not tok.whitespace_ and not doc[i - 1].whitespace_:
                start, i = i, i - 1  # a hyphen inside a title: "Secretary-General", "Attorney-General"
                continue
            if tok.pos_ in ("DET", "VERB", "AUX", "PUNCT", "ADP", "CCONJ", "PRON") or tok.ent_type_ == "PERSON":
                break
            if not (modifier or titled or (tok.dep_ != "conj" and self.kb.lookup(tok.text))):
                break
            start, i = i, i - 1
        return [doc[j] for j in range(start, span.start)]

    def _grow_person(self, span: Span) -> Span | None:
        """A title before a person: their country and role from it ("Iranian Defense Minister X")."""
        title = self._title_tokens(span)
        if not title:
            return None
        doc = span.doc
        ref = span._.actor
        if not ref.actor_id and (posted := self._posted_envoy(span, title)) is not None:
            return posted
        found = self._role_in(title)
        country, body = self._affiliation(title)
        former = any(t.lower_ in ELITE_MARKERS for t in title)
        # the office the title ends with: "caretaker Prime Minister Mark Rutte", "interim President X"
        words = [t.lower_ for t in title if t.text != "-"]
        office = next((TITLED_OFFICES[w] for w in (" ".join(words[i:]) for i in range(len(words))) if w in TITLED_OFFICES), None)
        if not found and not country and not body and not former and not office:
            return None
        grown = doc[title[0].i : span.end]
        titled = self.kb.people[ref.actor_id].office_of(body or country, doc._.published, None if body or country else office) \
            if ref.kind == "person" and ref.actor_id in self.kb.people and (body or country or office) and not former else None
        if titled is not None and titled.country != ref.code:
            # the title names which of their offices acts: "UN Secretary-General Antonio Guterres"
            day = doc._.published
            role = "ELI" if titled.end is not None and day is not None and titled.end < day else titled.role
            grown._.actor = replace(ref, code=titled.country, country=titled.country, role=role,
                                    how=f"{ref.how} + title", detail=f"{titled.office}, by title")
            self._dated(grown, None)
        elif ref.kind == "person" and ref.actor_id:
            grown._.actor = replace(self._person_ref(ref.actor_id, doc._.published, "title", former), how=f"{ref.how} + title")
            if found and found[0] == "OPP" and not former:
                # "Opposition Leader Peter Dutton": in opposition when written, whatever office they held before
                grown._.actor = replace(grown._.actor, role="OPP", detail=found[1])
            self._dated(grown, ref.actor_id, former)
        else:
            self._dated(grown, None)
            role = "ELI" if former else (found[0] if found else None)
            analyst = role in ANALYST_ROLES
            # "Hezbollah lawmaker", "UN envoy": an armed group's or an IGO's people act for it
            code = None if analyst else (None if former else body) or country
            grown._.actor = ActorRef(code, country, role, "person", "title", None, found[1] if found else None)
        return grown

    def _titled_name(self, ent: Span) -> bool:
        """A name of two or three words, unknown and taken for an organisation or group, right after a
        role noun that titles a person ("spokesperson Randhir Jaiswal"): a person's name."""
        ref = ent._.actor
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        return (ref.how == "unresolved" and ref.kind != "person" and 2 <= len(ent) <= 3 and before is not None
                and before.tag_ == "NN" and all(t.pos_ == "PROPN" for t in ent) and self._role_in([before]) is not None)

    def _posted_envoy(self, span: Span, title: list) -> Span | None:
        """A name after an envoy's post ("Chinese Ambassador to South Korea Xing Haiming", "Russian
        Chargé d'Affaires in Estonia Lenar Salimullin"): the words before the name are where the envoy
        serves, and the envoy is the sending state's, which the words before the post say."""
        doc = span.doc
        at = title[0].i
        if at < 2 or doc[at - 1].lower_ not in ("to", "in") or doc[at - 2].lower_ not in ENVOY_WORDS:
            return None
        start = at - 2
        while start > 0 and at - start < 8 and doc[start - 1].pos_ not in ("DET", "ADP", "PUNCT", "VERB", "AUX", "CCONJ"):
            start -= 1  # "Russia's ambassador", "the Chinese Ambassador"
        country, body = self._affiliation(list(doc[start : at - 1]))
        if not (country or body):
            return None
        named = doc[span.start : span.end]
        named._.actor = ActorRef(body or country, country, "GOV", "person", "envoy title", None, doc[at - 2].lower_)
        self._dated(named, None)
        return named

    def _person_with_role_noun(self, span: Span) -> Span | None:
        """A person naming a government: "the Biden administration", "the Assad regime"."""
        ref = span._.actor
        head = span.root.head
        if span.root.dep_ != "compound" or head.i != span.end or not ref.country:
            return None
        found = self.kb.role_noun(head.text)
        if not found:
            return None
        grown = span.doc[span.start : head.i + 1]
        grown._.actor = ActorRef(ref.country, ref.country, found[0], "organization", "person + role noun",
                                 ref.actor_id, found[1])
        return grown

    @staticmethod
    def _modifier(span: Span) -> Span:
        """A demonym describing a thing ("the Russian narrative") names no actor: marked, kept."""
        ref = span._.actor
        root = span.root
        if ref.how == "demonym" and root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end:
            span._.actor = replace(ref, how="demonym modifier")
        return span

    @staticmethod
    def _locative(span: Span) -> Span:
        """A capital or region after "in", "at", "from", "to" is a place, not an actor; so is any
        place a "-based" compound locates something in ("Pakistan-based militants")."""
        ref = span._.actor
        doc = span.doc
        if ref.kind in ("country", "region") and span.end + 1 < len(doc) and doc[span.end].text in ("-", "\u2011") \
                and doc[span.end + 1].lower_ in LOCATED:
            span._.actor = replace(ref, role=None, kind="place", how="located in")
            return span
        if not ((ref.how == "metonymy" and ref.kind == "country") or ref.kind == "region"):
            return span
        root = span.root
        head = root.head if root.dep_ in ("pobj", "appos") else None
        if head is not None and root.dep_ == "appos":  # "in the Iranian capital Tehran"
            head = head.head if head.dep_ == "pobj" else None
        if head is not None and head.lower_ in LOCATIVE:
            how = "capital as place" if ref.kind == "country" else "region as place"
            span._.actor = replace(ref, role=None, kind="place", how=how)
        return span

    # -- step 3: named entities the knowledge base does not know ----------------------------------

    def _unknown_entity(self, ent: Span, label: str, people: list[Span]) -> ActorRef:
        # spaCy often labels a lone surname NORP or ORG ("Larijani"): coreference comes first
        earlier = self._coref(ent, people) if label == "PERSON" or len(ent) == 1 else None
        if earlier is not None:  # its role is the earlier mention's, found by date if that one's was
            if (found := self._by_date.get((earlier.start, earlier.end))) is not None:
                self._by_date[(ent.start, ent.end)] = (found[0], found[1], False)
            return replace(earlier._.actor, how="coref", detail=f"= {earlier.text}")
        self._dated(ent, None)
        if label == "PERSON":
            described = self._described(ent)
            if described:
                return described
            if self._where(ent, label) and (place := self.gazetteer.lookup(ent.text)):  # "seized Goma", "in Kharkiv"
                return ActorRef(place.country, place.country, None, "place", "gazetteer", place.name,
                                place.feature, place.lat, place.lon)
            return ActorRef(None, None, None, "person", "unresolved")
        if label == "ORG" and (described := self._described(ent)) and described.code:
            # spaCy labels many foreign names ORG: "Masaaki Kanai, the Japanese foreign ministry official"
            return replace(described, kind="organization")
        if label in PLACE_LABELS or self._where(ent, label):
            place = self.gazetteer.lookup(ent.text)
            if place:
                return ActorRef(place.country, place.country, None, "place", "gazetteer", place.name,
                                place.feature, place.lat, place.lon)
        kind = {"ORG": "organization", "PERSON": "person"}.get(label, "place" if label in PLACE_LABELS else "unknown")
        return ActorRef(None, None, None, kind, "unresolved")

    @staticmethod
    def _where(ent: Span, label: str) -> bool:
        """spaCy often labels a town it does not know a group, organisation or person ("struck Aleppo",
        "fighting in Goma"): a name where a place stands - after "in", "at", "near" ..., or struck or
        captured (a person's name is never a verb's object or a letter's sender here) - is looked up."""
        if ent.text.isupper():  # "EPA", "MSC": initials, never a town
            return False
        root = ent.root
        if root.dep_ == "pobj":
            preps = PLACE_OF_PERSON_NAME if label == "PERSON" else LOCATIVE | {"on"}
            return root.head.lower_ in preps
        return root.dep_ == "dobj" and (label != "PERSON" or root.head.lemma_.lower() in TAKING_VERBS)

    @staticmethod
    def _coref(ent: Span, people: list[Span]) -> Span | None:
        """An earlier person whose name ends with this one, or differs from it by one letter (a typo);
        else one whose name, after any title, starts with it (family name first: "Hua" after "Hua
        Chunying", "Kim" after "North Korean leader Kim Jong Un")."""
        name = ent.text
        before = [p for p in reversed(people) if p.start < ent.start]
        for earlier in before:
            last = earlier.text.split()[-1]
            if earlier.text.endswith(" " + name) or last == name or (len(name) >= 5 and _one_edit(last, name)):
                return earlier
        return next((p for p in before if p._.actor.code and _family_first(p.text.split(), name)), None)

    def _described(self, ent: Span) -> ActorRef | None:
        """An unknown person's apposition: "Meir Javedanfar, Iran lecturer at the IDC Herzliya in Israel",
        or the description the name is in apposition to: "China's ambassador, Xing Haiming, said"."""
        root = ent.root
        descriptions = [list(c.subtree) for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):  # the name after its description
            inside = {t.i for t in root.subtree}
            descriptions.append([t for t in root.head.subtree if t.i not in inside and t.i < root.i])
        for subtree in descriptions:
            if not subtree:
                continue
            found = self._role_in(subtree)
            role = found[0] if found else None
            country, _ = self._affiliation(subtree)
            if role is None and country is None:
                continue
            code = None if role in ANALYST_ROLES or role is None else country
            return ActorRef(code, country, role, "person", "description", None, found[1] if found else None)
        return None

    def _affiliation(self, tokens) -> tuple[str | None, str | None]:
        """(country, body) of a title or description: the country of the first institution it names
        ("George Mason University Professor", "lecturer at the IDC Herzliya in Israel"), else the last
        country named; and the first armed group or international body it names, whose people act for
        it rather than for a state ("Hezbollah lawmaker", "Hamas official", "UN envoy")."""
        doc = tokens[0].doc
        text = doc[tokens[0].i : tokens[-1].i + 1]
        institution = best = body = None
        # where an envoy serves is not whose ("the recalled French ambassador to Australia"), nor is an
        # office's brief ("director of the Serbian government's Office for Kosovo": Serbian)
        host = {t.i for tok in text for prep in tok.children if prep.dep_ == "prep" and (
                (prep.lower_ in ("to", "in") and tok.lower_ in ENVOY_WORDS) or (prep.lower_ == "for" and tok.lemma_.lower() in BRIEF_HEADS))
                for t in prep.subtree}
        matches = self.matcher(text)  # a PhraseMatcher on a span gives offsets in its doc
        for match_id, start, end in matches:
            if host.intersection(range(start, end)) or _portfolio(doc, start) or any(
                    s <= start and end <= e and e - s > end - start for _, s, e in matches):
                continue  # (nor a name inside a longer one: "Korean" in "North Korean Ambassador")
            for e in self._in_context(self.kb.lookup(doc.vocab.strings[match_id]), doc[start:end]):
                actor = self.kb.actors.get(e.actor_id) if e.kind == "organization" else None
                if actor is not None:
                    if institution is None and e.how != "shared" and actor.country:
                        institution = actor.country
                    if body is None and actor.code and actor.code != actor.country \
                            and self.kb.org_kinds.get(e.actor_id) in OWN_CODE_KINDS \
                            and not (actor.organ_since is not None and self._ask("organ", actor.code, doc._.published)):
                        body = actor.code  # (a group that has become the government acts for its state)
                if institution is None and e.kind == "country":
                    best = e.actor_id
                if institution is None and e.kind == "place" and self.kb.places[e.actor_id].get("kind") == "state":
                    best = self.kb.places[e.actor_id]["country"]  # "Georgia Gov.": a US state's officer
        return institution or best, body

    def _bare_title(self, doc: Doc, taken: set[int], spans: list[Span]) -> list[Span]:
        """ "the supreme leader": the holder of an office only a few states have, on the doc's date."""
        found = []
        countries = [s._.actor.country for s in spans if s._.actor and s._.actor.country]
        for i, tok in enumerate(doc[:-1]):
            if tok.lower_ != "the" or i in taken or doc[i + 1].lower_ not in TITLE_FIRST_WORDS:
                continue
            for n in (2, 1):
                words = doc[i + 1 : i + 1 + n]
                office = TITLE_OFFICES.get(words.text.lower())
                if not office or any(t.i in taken for t in words) or (i + 1 + n < len(doc) and doc[i + 1 + n].pos_ == "PROPN"):
                    continue
                states = self._office_states[office]
                candidates = [c for c in dict.fromkeys(reversed(countries)) if c in states]
                if len(states) > 3 or not candidates:
                    continue
                holders = self._ask("holders", (candidates[0], office), doc._.published)
                span = doc[i + 1 : i + 1 + n]
                if len(holders) == 1:
                    span._.actor = replace(self._person_ref(holders[0], doc._.published, "title"),
                                           detail=f"{office} of {candidates[0]}")
                    self._dated(span, holders[0], own_detail=False)
                else:
                    span._.actor = ActorRef(candidates[0], candidates[0], "GOV", "person", "title", None, office)
                found.append(span)
                break
        return found

    # -- what the date decided ----------------------------------------------------------------------

    def _answer(self, question: str, args, day: date | None):
        """The knowledge base's answer, on `day`, to one of the questions the resolver asks by date."""
        if question == "person":  # who of several people with one name
            return self._pick_person(args, day)
        if question == "office":  # which country a person's office on the day is of (their code)
            tenure, _ = self.kb.people[args].office_on(day)
            return tenure is not None, tenure and tenure.country
        if question == "organ":  # whether a group that became a government was one by the day (undated: now)
            return day is None or day >= self.kb.actors[args].organ_since
        country, office = args  # who held an office
        return tuple(p.person_id for p in self.kb.holders(country, office, day))

    def _ask(self, question: str, args, day: date | None):
        found = self._answer(question, args, day)
        self._asked[(question, args)] = found
        return found

    def _dated(self, span: Span, pid: str | None, former: bool = False, own_detail: bool = True) -> None:
        """Note that `span` was resolved to person `pid`'s office on the date (`former`: as a former
        holder; `own_detail`: its detail is the office's), or, with no pid, not by date."""
        if pid is None:
            self._by_date.pop((span.start, span.end), None)
        else:
            self._by_date[(span.start, span.end)] = (pid, former, own_detail)

    def _kept_dated(self, doc: Doc, spans: list[Span]) -> tuple | None:
        """(the date's answers, how each span is resolved again: None when not by date), or None when a
        span's resolution is not what its note gives again on the same date (so re-dating runs the resolver)."""
        again = []
        for span in spans:
            ref, found = span._.actor, self._by_date.get((span.start, span.end))
            if found is None or ref.kind != "person" or ref.actor_id != found[0]:
                if ref.kind == "person" and ref.actor_id in self.kb.people:
                    return None  # a person's office found another way: not known to be by date only
                found = None
            elif self._again(ref, found, doc._.published) != ref:
                return None
            again.append(found)
        return dict(self._asked), again

    def _again(self, ref: ActorRef, found: tuple[str, bool, bool], day: date | None) -> ActorRef:
        pid, former, own_detail = found
        office = self._office_ref(pid, day, ref.how, former)
        return replace(ref, code=office.code, country=office.country, role=office.role,
                       detail=office.detail if own_detail else ref.detail)

    def redated(self, kept: tuple | None, actors: list[tuple], day: date | None) -> list[tuple] | None:
        """The actors (start, end, ActorRef) the resolver finds on `day`, from those it found before
        (`actors`) and what that date decided (`kept`, doc.user_data[DATED]), without running it; None
        when the new date answers a question the resolver asked otherwise than for the roles and offices
        it gives: who of several people with one name, the country of a person's office, who held an
        office (then it must run). The resolver reads nothing else by date, and no role or office of a
        person decides which spans it finds or how it resolves others: on the same answers it takes
        the same path, and only the people resolved by date take their role and office on the new day."""
        if kept is None:
            return None
        asked, again = kept
        if len(again) != len(actors) or any(self._answer(question, args, day) != found for (question, args), found in asked.items()):
            return None
        return [(start, end, ref if found is None else self._again(ref, found, day))
                for (start, end, ref), found in zip(actors, again)]

    # -- the component ----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self._asked, self._by_date = {}, {}
        try:
            doc = self._resolve(doc)
            doc.user_data[DATED] = self._kept_dated(doc, doc.spans["actors"])
        finally:
            self._asked, self._by_date = {}, {}
        return doc

    def _resolve(self, doc: Doc) -> Doc:
        spans = filter_spans(self._kb_spans(doc))
        places, blocked = self._datelines(doc)  # after: a span's attributes are keyed by its offsets
        # names of weapons and operations, for their later mentions; a name with a number is one
        things = set(re.findall(r"(?<![\w-])([A-Z][a-z]+)[-\u2011\u2013]\d+\w*(?![\w-])", text_of(doc)))
        spans = [s for s in spans if not blocked.intersection(range(s.start, s.end))]
        spans = [s for s in spans if not self._names_thing(s, things)
                 and not (s._.actor.kind == "organization" and _portfolio(doc, s.start)) and not _ethnic(s)
                 and not _compass_prefix(s)]
        spans = self._shared_in_context(self._with_country(spans), doc)
        person_tokens = {t.i for s in spans if s._.actor.kind == "person" for t in s}
        grown = []
        for span in spans:
            ref = span._.actor
            if ref.kind in ("country", "organization", "region") or ref.detail == "state":
                grown.append(self._grow_country(span, person_tokens) or span)
            elif ref.kind == "person":
                bigger = self._person_with_role_noun(span) or self._grow_person(span)
                grown.append(bigger or span)
            else:
                grown.append(span)
        spans = [self._modifier(self._locative(s)) for s in filter_spans(grown)] + places
        taken = {t.i for s in spans for t in s} | blocked
        people = [s for s in spans if s._.actor.kind == "person"]
        for entity in doc.ents:
            if entity.label_ not in ACTOR_LABELS or any(t.i in taken for t in entity):
                continue
            if not any(t.pos_ == "PROPN" for t in entity) and entity.label_ != "NORP":
                continue  # "Salvation", "Bound": a capitalised word at a sentence start, not a name
            # trailing possessive marks ("Assad's") are not part of the name
            end = entity.end - 1 if entity[-1].text in ("'s", "\u2019s") and len(entity) > 1 else entity.end
            ent = doc[entity.start : end]
            if self._names_thing(ent, things):
                continue
            ent._.actor = self._unknown_entity(ent, entity.label_, people)
            if self._titled_name(ent):  # "MEA spokesperson Randhir Jaiswal", labelled an organisation
                ent._.actor = replace(ent._.actor, kind="person")
            if ent._.actor.kind == "person" and ent._.actor.how == "unresolved":
                grown_ent = self._grow_person(ent)
                if grown_ent is not None:
                    inside = [s for s in spans if s.start < grown_ent.end and grown_ent.start < s.end]
                    if all(s._.actor.kind in ("country", "place") or (s._.actor.code is None and s._.actor.kind != "person")
                           for s in inside):
                        spans = [s for s in spans if s not in inside]  # "Armenian" is part of the title
                        ent = grown_ent
                    else:
                        ent._.actor = grown_ent._.actor  # the title holds an institution: keep both
            spans.append(ent)
            taken.update(t.i for t in ent)
            if ent._.actor.kind == "person":
                people.append(ent)
        self._bodies_by_name(spans)
        titles = self._bare_title(doc, taken, spans)
        spans.extend(titles)
        taken.update(t.i for s in titles for t in s)
        spans = self._compass_names(doc, spans)
        spans.extend(self._unnamed_bodies(doc, taken, spans))
        self._of_the_body(spans)
        # an unknown name once a weapon's is that weapon's everywhere: "Shahed drones ... the Shaheds"
        spans = [s for s in spans if not (s._.actor.code is None and s.text.rstrip("s") in things)]
        spans = sorted(filter_spans(spans), key=lambda s: s.start)
        self._acronyms(spans)
        spans = sorted(spans + self._defined_acronyms(doc, spans), key=lambda s: s.start)
        self._titled_everywhere(spans)
        doc.spans["actors"] = spans
        return doc

    def _titled_everywhere(self, spans: list[Span]) -> None:
        """A person whom a title places in one of their offices ("caretaker Prime Minister Mark Rutte")
        holds it in the story's other mentions too ("..., says Rutte"), not the office the date alone
        gives (with no date, their latest: NATO's secretary general)."""
        titled: dict[str, ActorRef] = {}
        for span in spans:
            ref = span._.actor
            if ref.kind == "person" and ref.actor_id and (ref.detail or "").endswith("by title"):
                titled.setdefault(ref.actor_id, ref)
        for span in spans:
            ref = span._.actor
            if ref.kind == "person" and ref.actor_id in titled and "title" not in ref.how:
                office = titled[ref.actor_id]
                span._.actor = replace(ref, code=office.code, country=office.country, role=office.role, detail=office.detail)
                self._dated(span, None)

    @staticmethod
    def _of_the_body(spans: list[Span]) -> None:
        """An unknown person whose apposition names a state body read from the story ("Yaakov Blitstein,
        director-general of the Foreign Ministry", after Israel's ministry): that body's state, as a
        state body the title holds gives it ("Foreign Ministry spokesman Wang Wenbin")."""
        bodies = {i: s for s in spans if s._.actor.how == "unnamed body" and s._.actor.kind == "country"
                  for i in range(s.start, s.end)}
        if not bodies:
            return
        for span in spans:
            ref = span._.actor
            if ref.kind != "person" or ref.code is not None:
                continue
            inside = [t.i for c in span.root.children if c.dep_ == "appos" for t in c.subtree]
            body = next((bodies[i] for i in inside if i in bodies), None)
            if body is not None:
                span._.actor = replace(ref, code=body._.actor.code, country=body._.actor.country,
                                       role=ref.role or body._.actor.role, how="description: unnamed body")

    @staticmethod
    def _defined_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
        """A bracketed acronym an article defines for an actor ("the Allied Democratic Forces (ADF)")
        names it wherever the article writes it after, as a word of its own ("strikes against ADF
        camps"), though the knowledge base keeps no such alias (ADF is also Australia's Defence Force)."""
        defined: dict[str, tuple[ActorRef, int]] = {}  # acronym -> (the actor, the span first defining it)
        for span in spans:
            ref = span._.actor
            if not ref.code or ref.kind not in ("organization", "country"):
                continue
            for i in range(span.start, min(span.end + 3, len(doc)) - 2):
                word = doc[i + 1].text
                if doc[i].text == "(" and doc[i + 2].text == ")" and word.isupper() and word.isalpha() and 2 <= len(word) <= 6:
                    defined.setdefault(word, (ref, span.start))
        if not defined:
            return []
        taken = {i for s in spans for i in range(s.start, s.end)}
        found = []
        for tok in doc:
            ref, since = defined.get(tok.text, (None, 0))
            if ref is not None and tok.i not in taken and tok.i > since and not (
                    tok.i and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"):
                span = doc[tok.i : tok.i + 1]
                span._.actor = replace(ref, how="acronym defined")
                found.append(span)
        return found

    def _acronyms(self, spans: list[Span]) -> None:
        """An acronym the knowledge base leaves unresolved because it names several bodies ("ICC":
        a court, a chamber of commerce, a cricket council) is the body the article named before whose
        initials it is ("the International Criminal Court ... the ICC's decision")."""
        named: dict[str, ActorRef] = {}
        for span in spans:
            ref = span._.actor
            if ref.kind != "organization":
                continue
            if ref.code:
                for name in (span.text, self.kb.actors[ref.code].name if ref.code in self.kb.actors else ""):
                    initials = _initials(name)
                    if len(initials) >= 2:
                        named.setdefault(initials, ref)
            elif (acronym := span.text.replace(".", "")).isupper() and acronym in named:
                span._.actor = replace(named[acronym], how="acronym")
            elif acronym in self.kb.contextual_acronyms:
                code, words = self.kb.contextual_acronyms[acronym]
                if any(t.lemma_.lower() in words for t in span.doc) and code in self.kb.actors:
                    # "the ICC issued a warrant": the court, where the article speaks of what courts do
                    span._.actor = replace(self._entry_ref(Entry("organization", code, "acronym", self.kb.actors[code].role),
                                                           span.doc._.published), how="acronym in context")
        # "the Ministry of External Affairs (MEA)": a name the knowledge base lacks is the body its
        # bracketed initials resolve to
        starts = {span.start: span for span in spans}
        for span in spans:
            ref, doc = span._.actor, span.doc
            after = starts.get(span.end + 1) if span.end + 1 < len(doc) and doc[span.end].text == "(" else None
            if ref.kind == "organization" and not ref.code and after is not None and after._.actor.code \
                    and after.text.replace(".", "") == _initials(span.text):
                span._.actor = replace(after._.actor, how="named by its initials")


def _ethnic(span: Span) -> bool:
    """A people named as an ethnic group ("three ethnic Albanians", "ethnic Serbs in Kosovo"): not the
    state of that name, which neither acts nor is acted on."""
    return span._.actor.how == "demonym" and span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic"


def _compass_prefix(span: Span) -> bool:
    """A compass word that begins a longer name the knowledge base lacks ("West Darfur State", "West
    Java", "East Jerusalem" is listed): a place's name, not the West."""
    doc = span.doc
    return (span._.actor.kind == "region" and len(span) == 1 and span.text in COMPASS_WORDS
            and span.end < len(doc) and doc[span.end].pos_ == "PROPN" and doc[span.end].is_title)


def _portfolio(doc: Doc, start: int) -> bool:
    """A name at `start` that is a ministry's portfolio ("Iran's Ministry of Foreign Affairs": not the
    magazine Foreign Affairs; "Minister of Foreign Affairs")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in PORTFOLIO_HEADS


def _initials(name: str) -> str:
    """ "International Criminal Court" -> "ICC" (skipping "of", "the", "and" ...)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper() and w.lower() not in ACRONYM_SKIPPED)


def _family_first(words: list[str], name: str) -> bool:
    """The name is a full name's first word, its given name's one or two words ending it ("Kim Jong
    Un", "Moon Jae-in"): the family name first."""
    return any(w == name and 1 <= len(words) - i - 1 <= 2 and all(g[:1].isupper() for g in words[i + 1:])
               for i, w in enumerate(words))


def _one_edit(a: str, b: str) -> bool:
    """True when b is a with one letter dropped, added or changed ("Erdogan" / "Erdoan")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@Language.factory("detente_actors")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp)
