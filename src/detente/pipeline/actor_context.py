"""Names read in their context, mixed into the actor resolver (pipeline/actors.py): a US state
rather than the country of the same name ("the governor of Georgia"), a wire dateline's places (where
the story was filed, not who acts), weapons and operations named like actors ("Fateh-110",
"Operation Sindoor"), and names several bodies share ("Congress", "National Assembly"), which take
the country named with them, and bodies named without their state ("the government", "police"),
which take the state of the place they are in, or the one state named before them."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..ingest.metadata import wire_datelines
from ..knowledge.kb import read_yaml
from .actor_ref import ARMED_KINDS, POSSESSIVE, US_ALIASES, ActorRef
from .syntax import DATELINES, text_of

UNNAMED_BODIES: dict[str, str] = read_yaml("unnamed_bodies.yaml")  # "the government" -> GOV
# the hashes of the words that end an entry ("police", "force"), to find candidates in a Doc's arrays
_BODY_ENDS = {hash_string(phrase.split()[-1]) for phrase in UNNAMED_BODIES}
# ... and the capitalised names of a state's bodies, which the tagger takes for names of their own
# ("The Ministry of Foreign Affairs", "Foreign Ministry spokesman ..."): name -> role
STATE_BODY_NAMES: dict[str, str] = {k: v for k, v in UNNAMED_BODIES.items() if "ministry" in k or "office" in k} | {
    "ministry of foreign affairs": "GOV", "ministry of external affairs": "GOV", "ministry of defence": "MIL",
    "ministry of defense": "MIL", "ministry of national defense": "MIL", "ministry of the interior": "GOV",
    "interior ministry": "GOV", "ministry of commerce": "GOV", "commerce ministry": "GOV", "trade ministry": "GOV",
    "external affairs ministry": "GOV", "state department": "GOV"}
_COMPASS = {hash_string("North"), hash_string("South")}


def _heads_up(token: Token, steps: int):
    """The words a name modifies, up its noun phrase ("Patriot" -> "defense" -> "systems")."""
    for _ in range(steps):
        if token.dep_ not in ("compound", "nmod", "amod") or token.head.i <= token.i:
            return
        token = token.head
        yield token


class ContextNames:
    """Methods of ActorResolver that read a name's surroundings."""

    def _marked_state(self, span: Span, place: dict) -> bool:
        """Whether the words around a name mark it as the US state: a word of the place's `marked_by`
        before or after it, a US city before it, ", U.S." after it, or US states beside it in a list."""
        doc = span.doc
        markers = {m.lower() for m in place.get("marked_by") or []}

        def marker(tokens, owned: bool = False) -> bool:
            # "state" alone only as written in "the state of Georgia", "Washington state"; not "Georgia's
            # State Security Service"
            return any(" ".join(t.lower_ for t in tokens[-n:]) in markers
                       and not (n == 1 and tokens[-1].lower_ == "state" and (owned or tokens[-1].text != "state"))
                       for n in (3, 2, 1) if n <= len(tokens))

        before = list(doc[max(span.start - 4, 0) : span.start])
        if before and before[-1].lower_ in ("of", "in"):  # "the governor of Georgia"
            before = before[:-1]
        after = list(doc[span.end : span.end + 4])
        owned = bool(after) and after[0].text in POSSESSIVE  # "Georgia's attorney general"
        after = after[1:] if owned else after
        if (before and marker(before)) or any(marker(after[:n], owned) for n in (1, 2, 3)):
            return True
        if span.start >= 2 and doc[span.start - 1].text == ",":  # "Atlanta, Georgia"
            place_before = next((e for e in doc.ents if e.end == span.start - 1), None)
            if place_before is not None and self._in_us(place_before.text):
                return True
        if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].text in US_ALIASES:
            return True
        listed = [*span.root.conjuncts]  # "Arizona, Georgia and Michigan"
        return any(self._in_us(next((e.text for e in doc.ents if e.start <= c.i < e.end), c.text), states_only=True)
                   for c in listed)

    def _in_us(self, name: str, states_only: bool = False) -> bool:
        """A US state (and, unless states_only, a US city) that names nothing else."""
        entries = self.kb.lookup(name)
        if entries:
            return all(e.kind == "place" and self.kb.places[e.actor_id].get("kind") == "state" for e in entries)
        place = None if states_only else self.gazetteer.lookup(name)
        return place is not None and place.country == "USA"

    def _datelines(self, doc: Doc) -> tuple[list[Span], set[int]]:
        """A wire dateline's places as places acting for no one, and every token of the dateline (its
        date and agency credit are no actors either). Its first place must be a city or a capital."""
        places, blocked = [], set()
        text = text_of(doc)
        for line in wire_datelines(text):
            found = [(doc.char_span(s, e, alignment_mode="expand"), self._place_named(text[s:e])) for s, e in line.places]
            if found[0][1] is None or found[0][1][0] == "country":
                continue  # "UN:", "US, China —": not where a story was filed
            whole = doc.char_span(line.start, line.end, alignment_mode="expand")
            blocked.update(range(whole.start, whole.end))
            doc.user_data.setdefault(DATELINES, []).append((whole.start, whole.end))
            for span, place in found:
                if span is not None and place is not None:
                    _, country, name, lat, lon = place
                    span._.actor = ActorRef(None, country, None, "place", "dateline", name, "dateline", lat, lon)
                    places.append(span)
        return places, blocked

    def _place_named(self, text: str) -> tuple | None:
        """(how, country, name, lat, lon) of a place name as a dateline writes it ("NEW DELHI", "Kosovo")."""
        name = text.title() if text.isupper() else text
        city = self.gazetteer.lookup(text)
        for e in self.kb.lookup(name) or self.kb.lookup(text):
            if e.kind == "country":
                lat, lon = (city.lat, city.lon) if city and city.country == e.actor_id else (None, None)
                return ("capital" if e.how == "metonymy" else "country"), e.actor_id, name, lat, lon
            if e.kind == "place":
                place = self.kb.places[e.actor_id]
                return "place", place.get("country"), e.actor_id, place.get("lat"), place.get("lon")
        return ("city", city.country, city.name, city.lat, city.lon) if city else None

    def _owner(self, ref: ActorRef | None) -> bool:
        """An actor that can own weapons and run operations: a state, a person in office, an armed body."""
        if ref is None:
            return False
        if ref.kind in ("country", "region", "place") or (ref.kind == "person" and ref.code):
            return True
        return ref.kind == "organization" and self.kb.org_kinds.get(ref.actor_id) in ARMED_KINDS

    def _names_thing(self, span: Span, things: set[str]) -> bool:
        """A weapon's or an operation's name: "Operation Sindoor", "Fateh-110", "Fateh missiles",
        "Patriot air defense systems" (a state's, person's or armed body's weapons are theirs)."""
        doc = span.doc
        ref = span._.actor
        before = doc[span.start - 1].text if span.start else ""
        named = self.kb.things.get(before, ("", False))[1] or self.kb.things.get(span[0].text, ("", False))[1]
        # the characters right after the span (doc.text would rebuild the whole text for each span)
        after = span[-1].whitespace_ + "".join(t.text_with_ws for t in doc[span.end : span.end + 2])
        numbered = re.match(r"[-\u2011\u2013]\d", after[:2]) \
            or re.search(r"[A-Za-z][-\u2011\u2013]\d", span.text)
        if numbered and not named:
            named = ref is None or ref.kind not in ("country", "person", "region")
        if not named and ref is not None and ref.how == "metonymy" and span.root.dep_ == "compound":
            # "the Paris climate agreement", "the Minsk agreements": a city names the accord made there
            named = any(self.kb.things.get(w, ("", True))[0] == "accord"
                        for tok in _heads_up(span.root, 3) for w in (tok.lower_, tok.lemma_.lower()))
        if not named and not self._owner(ref):
            # up the noun phrase: "Patriot" -> "defense" -> "systems"
            named = any(w in self.kb.things and not self.kb.things[w][1] for tok in _heads_up(span.root, 4)
                        for w in (tok.lower_, tok.lemma_.lower(), f"{doc[tok.i - 1].lower_} {tok.lower_}"))
        if named:  # "Bavar-373 ... the Bavar system": the name without its number is the weapon too
            things.update({span.text.rstrip("s"), re.split(r"[-\u2011\u2013]\d", span.text)[0]})
        return bool(named)

    def _with_country(self, spans: list[Span]) -> list[Span]:
        """A body with the country named before it is that country's: "China's National People's
        Congress", "Chinese Congress", "Pakistan's National Security Council" (a name others share)."""
        out: list[Span] = []
        for span in spans:
            merged = self._country_and_body(out[-1], span) if out else None
            if merged is not None:
                out[-1] = merged
            else:
                out.append(span)
        return out

    def _country_and_body(self, country: Span, body: Span) -> Span | None:
        c, b = country._.actor, body._.actor
        gap = body.doc[country.end : body.start]
        if c.kind != "country" or b.kind != "organization" or len(gap) > 1 or any(t.text not in POSSESSIVE for t in gap):
            return None
        if b.how == "shared":
            ref = self._shared_of(body.text, c.country, body.doc._.published) or ActorRef(c.country, c.country, b.role, "organization", "shared")
        elif b.country == c.country:
            ref = b
        elif b.country and self.kb.actors[b.actor_id].state_organ:  # another state's body of the same name
            ref = ActorRef(c.country, c.country, b.role, "organization", b.how, None, b.detail)
        else:
            return None
        span = body.doc[country.start : body.end]
        span._.actor = replace(ref, how=f"country + {ref.how}")
        return span

    def _shared_of(self, name: str, country: str | None, day) -> ActorRef | None:
        """The body of `country` that bears a name several bodies share (as it is on `day`)."""
        for e in self.kb.lookup(name):
            if e.how == "shared" and country and self.kb.actors[e.actor_id].country == country:
                return self._entry_ref(e, day)
        return None

    def _shared_in_context(self, spans: list[Span], doc: Doc) -> list[Span]:
        """A shared name with no country before it: the country after it ("the National Assembly in
        Seoul"), else the body whose country the paragraph, or failing any the article, names."""
        by_start = {s.start: s for s in spans}
        out = []
        text = text_of(doc)
        for span in spans:
            ref = span._.actor
            if ref.how != "shared":
                out.append(span)
                continue
            after = next((by_start[i] for i in (span.end + 1, span.end + 2) if i in by_start), None)
            if span.end < len(doc) and doc[span.end].lower_ in ("in", "of") and after is not None and after._.actor.country:
                country = after._.actor.country
                found = self._shared_of(span.text, country, doc._.published) or ActorRef(country, country, ref.role, "organization", "shared")
                span._.actor = replace(found, how="shared name + country")
                out.append(span)
                continue
            start, end = text.rfind("\n", 0, span.start_char) + 1, text.find("\n", span.end_char)
            for lo, hi in ((start, len(text) if end == -1 else end), (0, len(text))):
                named = Counter(s._.actor.country for s in spans if lo <= s.start_char < hi and s._.actor.country
                                and s._.actor.how != "shared")
                if named:
                    break
            bodies = [r for r in (self._shared_of(span.text, c, doc._.published) for c, _ in named.most_common()) if r]
            if bodies:
                span._.actor = replace(bodies[0], how="shared name, context")
                out.append(span)
        return out

    def _compass_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "the North", "the South": the state of that name the article named before ("North Korea
        fired ... the North's launch", "South Sudan ... the South"), or the other half of a divided
        state named before ("South Korea's military said the North had fired": North Korea); never a
        town of that name; unresolved otherwise."""
        out = list(spans)
        at = {s.start: s for s in spans}
        # the candidates from the Doc's array: one pass over integers, not a Token per word
        orths = doc.to_array("ORTH")
        for i in (i for i, orth in enumerate(orths) if orth in _COMPASS and i > 0):
            tok = doc[i]
            if doc[i - 1].lower_ != "the":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                continue  # "the North Atlantic", "the South China Sea": a longer name
            own = at.get(tok.i)
            # a bare "North" the gazetteer placed (a town of that name) yields to the state named before
            if own is not None and (own.end != tok.i + 1 or own._.actor.code is not None and own._.actor.how != "gazetteer"):
                continue
            named = next((s for s in reversed(spans) if s.end <= tok.i and s._.actor.kind == "country"
                          and s._.actor.code and s.text.lower().startswith(tok.lower_ + " ")), None)
            ref = named._.actor if named is not None else self._other_half(tok.text, [s for s in spans if s.end <= tok.i])
            if ref is None:
                if own is not None:  # "the North" is no town
                    out = [s for s in out if s is not own]
                continue
            span = doc[tok.i : tok.i + 1]
            span._.actor = replace(ref, how="compass name")
            out = [s for s in out if s is not own] + [span]
        return out

    def _other_half(self, word: str, before: list[Span]):
        """The state "North X" where "South X" was named before, or the reverse: its actor, or None."""
        other = {"North": "South", "South": "North"}[word]
        for s in reversed(before):
            name = self.kb.actors[s._.actor.code].name if s._.actor.kind == "country" and s._.actor.code in self.kb.actors else ""
            if name.startswith(other + " "):
                entries = [e for e in self.kb.lookup(word + name[len(other):]) if e.kind == "country"]
                if entries:
                    return replace(s._.actor, code=entries[0].actor_id, country=entries[0].actor_id,
                                   actor_id=entries[0].actor_id, role=None, detail=None)
        return None

    def _unnamed_bodies(self, doc: Doc, taken: set[int], spans: list[Span]) -> list[Span]:
        """ "the government", "police", "protesters in Algiers", "its army": a body of the state of the
        place it is said to be in, else of the one state named before it in its sentence and the two
        before (unnamed_bodies.yaml)."""
        found = []
        # the mentions that name a state, by token and in order: each body reads only those near it
        stated = sorted((s for s in spans if _state_of(s)), key=lambda s: s.start)
        at = {i: s for s in stated for i in range(s.start, s.end)}
        starts = [s.start for s in stated]
        # only the tokens whose lemma or form ends an entry: one pass over arrays, not over Tokens
        lemmas, lowers = doc.to_array("LEMMA"), doc.to_array("LOWER")
        for i in (i for i in range(len(doc)) if lemmas[i] in _BODY_ENDS or lowers[i] in _BODY_ENDS):
            tok = doc[i]
            if i in taken or not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)):
                continue  # (a lower-case word the tagger took for a name is still a noun: "the foreign ministry")
            two = f"{doc[i - 1].lower_} {tok.lemma_.lower()}" if i else ""
            role = UNNAMED_BODIES.get(two) if i - 1 not in taken else None
            start = i - 1 if role else i
            role = role or UNNAMED_BODIES.get(tok.lemma_.lower()) or UNNAMED_BODIES.get(tok.lower_)
            if role is None or any(c.dep_ in ("amod", "compound", "nmod") and (c.pos_ == "PROPN" or c.i in taken)
                                   for c in tok.children):
                continue  # "Taliban government", "the Iranian army" (the latter grown already)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ not in ("its", "their"):
                continue  # "Iran's army" is grown from Iran; "his government" is a person's
            since = self._window(tok)
            country = self._named_again(tok, since, spans) or self._country_around(tok, since, stated, starts, at)
            if country is None:
                continue
            span = doc[start : i + 1]
            span._.actor = ActorRef(country, country, role, "country", "unnamed body", None, tok.lemma_.lower())
            found.append(span)
        return found

    def _bodies_by_name(self, spans: list[Span]) -> None:
        """A state body the tagger took for a name and no state's ("The Ministry of Foreign Affairs
        said", "Foreign Ministry spokesman Wang Wenbin"): the state of the same body named just
        before, else of the one state named near it, as for a bare body noun (_unnamed_bodies)."""
        stated = sorted((s for s in spans if _state_of(s)), key=lambda s: s.start)
        at = {i: s for s in stated for i in range(s.start, s.end)}
        starts = [s.start for s in stated]
        for span in spans:
            ref = span._.actor
            if ref is None or ref.code is not None or ref.how not in ("unresolved", "title") or ref.kind not in ("organization", "person"):
                continue
            words = [t for t in span if t.lower_ != "the"]
            named = next(((words[i], name) for i in range(len(words))
                          if (name := " ".join(t.lower_ for t in words[: i + 1])) in STATE_BODY_NAMES), None)
            if named is None:
                if ref.kind == "person" and ref.how == "title" and ref.role in ("GOV", "MIL") and (country := next(
                        (_state_of(at[o.i]) for p in span.root.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj" and o.i in at and not o.conjuncts), None)):
                    # "King Hassan of Morocco": the state its "of" names, one alone (not the state merely
                    # named near it: "arrived in Bosnia, Defense Secretary William Perry said")
                    span._.actor = replace(ref, code=country, country=country, how="title of a state")
                continue
            body, role = named[0], STATE_BODY_NAMES[named[1]]
            since = self._window(span.root)
            # (the span itself ends after its body: _named_again reads only mentions that end before it)
            country = self._named_again(body, since, spans) or self._country_around(span.root, since, stated, starts, at)
            if country is not None:  # a person keeps the title's role and office ("spokesman")
                span._.actor = replace(ref, code=country, country=country, how="unnamed body") if ref.kind == "person" \
                    else ActorRef(country, country, role, "country", "unnamed body", None, body.lemma_.lower())

    @staticmethod
    def _window(noun) -> int:
        """Where the mentions a bare body noun reads start: its sentence and the two before, across
        paragraph breaks, as wire copy runs one sentence to a paragraph."""
        doc = noun.doc
        since = noun.sent.start
        for _ in range(2):
            if since == 0:
                break
            since = doc[since - 1].sent.start
        return since

    @staticmethod
    def _named_again(noun, since: int, spans: list[Span]) -> str | None:
        """The state of the last mention from `since` to a bare body noun whose head is the same noun:
        "the army" after "the Israeli army", "the ministry" after "Russia's Foreign Ministry", whatever
        other state is named between."""
        same = [s for s in spans if since <= s.start and s.end <= noun.i and s._.actor is not None
                and s._.actor.country and s.root.lemma_.lower() == noun.lemma_.lower()]
        return max(same, key=lambda s: s.start)._.actor.country if same else None

    @staticmethod
    def _country_around(noun, since: int, stated: list[Span], starts: list[int], at: dict[int, Span]) -> str | None:
        """The state of the place a noun is in ("police in Algiers"), else the one state named (by
        itself, a place or a person) from `since` (_window) to the noun (after it, a state is as often
        the other side: "the military said France's attitude ...").
        `stated`: the mentions naming a state, in order; `starts` their starts; `at` them by token."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.i in at:  # "the foreign ministers of China and India": the two, not a body of one
                    return None if any(c.i in at for c in obj.conjuncts) else _state_of(at[obj.i])
        near = stated[bisect.bisect_left(starts, since):bisect.bisect_left(starts, noun.i)]
        named = {_state_of(s) for s in near if s.end <= noun.i}
        return named.pop() if len(named) == 1 else None  # two states around it: whose, the text does not say


def _state_of(span: Span) -> str | None:
    """The state a mention names: a country, a place's or a person's (not a dateline's place)."""
    ref = span._.actor
    if ref is None or ref.how == "dateline" or ref.kind not in ("country", "place", "person"):
        return None
    return ref.country
