"""Who an act is aimed at, or done by, when its own clause does not say: what the sentences before
tell. The event coder (pipeline/events.py) mixes this in: definite descriptions ("the group", "both
countries"), an act mentioned again ("the strikes"), reactions to an earlier act, the counterpart of
the source's last act, and the sentences a pronoun's antecedent may be in."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .event_cues import (ABOUT_PREPS, SIDE_ROLES, DISAPPROVING_PREPS, LIST_DETERMINERS, LIST_NOUNS, ACT_NOUNS, GROUP_NUMBERS, ANAPHORIC_NOUNS, STATE_FORMS, CAUSE_VERBS, DUAL_NOUNS, PAIR_NOUNS, PERSON_PAIR_NOUNS,
                         SIDE_PAIR_NOUNS, PLACE_CODES, ATTRIBUTION_PREPS, VIOLENT_ROOTS)
from .syntax import main_subject_before, subject_of

# how far back (sentences, its own included) the acts a reaction or a retaliation answers are
# read: wire copy runs one sentence to a paragraph and comes back to an act a few sentences on
STORY_REACH = 6
# what a mediator brokers: talks, agreements, exchanges and truces (roots of the act mediated)
MEDIATED_ROOTS = {"04", "05", "06", "08"}
PARTIES = "detente_event_parties"  # doc.user_data while the coder runs: ContextReader._parties of the Doc

if TYPE_CHECKING:
    from ..knowledge.events import Pattern
    from .events import Event


def _code(span: Span | None) -> str | None:
    return span._.actor.code if span is not None and span._.actor is not None else None


def _start(span: Span) -> int:
    return span.start


def _anti(token: Token) -> bool:
    """The word is the X of "anti-X": those so named are opposed to X ("anti-Assad forces")."""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "anti"


def _definite(noun: Token) -> bool:
    """A noun that points back ("the attack", "this release", "any such move"), not one that
    introduces ("an attack")."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
               or (c.dep_ in ("amod", "predet") and c.lower_ == "such") for c in noun.children)


class ContextReader:
    """Methods of EventCoder that read beyond the trigger's clause."""

    def _described(self, noun: Token, actors: dict[int, Span]) -> Span | None:
        """The actor a definite description stands for ("the group" after "the Houthis"), found as
        a pronoun's antecedent is: the last of its kind in its sentence or the two before."""
        kind = ANAPHORIC_NOUNS.get(noun.lower_)
        if kind is None or not any((c.dep_ == "det" and c.lower_ == "the") or (  # "Asia's youngest nation": definite too
                c.dep_ == "poss" and c.i in actors and actors[c.i]._.actor.kind == "region") for c in noun.children):
            return None
        if any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in actors and actors[c.i]._.actor.kind != "region"
               and not (kind == "state" and actors[c.i]._.actor.detail == "igo") for c in noun.children):
            return None  # "the Iranian group" names its own; "the South American nation", "the NATO member" do not
        since = self._sentences_back(noun, 3)
        order = list(range(noun.i - 1, since - 1, -1))
        if (main := main_subject_before(noun, since)) is not None:
            # as a pronoun does: "Kiribati cut ties with Taiwan. The island nation will resume ties with Beijing"
            order = list(range(main.i, main.left_edge.i - 1, -1)) + order
        for i in order:
            span = actors.get(i)
            if span is None or span._.actor.how == "demonym modifier":
                continue
            ref = span._.actor
            if kind == "state" and ref.kind == "country":
                if noun.lower_ in STATE_FORMS and ref.code not in STATE_FORMS[noun.lower_]:
                    continue  # "the kingdom" is no emirate
                return span
            if kind == "group" and ref.kind == "organization" and ref.code and ref.code != ref.country and ref.detail != "igo":
                return span
            if kind == "igo" and ref.kind == "organization" and ref.detail == "igo":  # the KB kind, not the dated role
                return span
        return None

    @staticmethod
    def _pair_noun(noun: Token) -> int:
        """ "both countries", "the two sides", "the three countries": how many parties a noun names
        as a group (0: none)."""
        lemma = noun.lemma_.lower()
        if lemma in DUAL_NOUNS and any(c.lower_ == "the" for c in noun.children):
            return 2  # "the pair"
        if lemma not in PAIR_NOUNS:
            return 0
        return next((GROUP_NUMBERS[c.lower_] for c in noun.children if c.lower_ in GROUP_NUMBERS
                     and (c.lower_ != "three" or noun.tag_ == "NNS")), 0)

    def _pair(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """The two states "both countries", "the two nations", "both sides" stand for: the last two
        named in its sentence or the two before; for "the two leaders", the last two people named.
        In an article about two sides, "both sides" are those two, and so is any pair the sentences
        before do not name. Never the other side of the act, wherever that side is named."""
        if not (count := self._pair_noun(noun)):
            return self._listed(noun, actors)
        kind = "person" if noun.lemma_.lower() in PERSON_PAIR_NOUNS else "country"
        # not the other side of the act: "U.S. Secretary of State Rubio urged both nations", "Trump,
        # who lauded both countries", "Both leaders praised Trump" (wherever else it is named)
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun.head.head
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "provide assistance to both nations": the verb
            verb = verb.head                              # whose object the pair's phrase hangs on
        if noun.dep_ in ("dobj", "pobj", "dative"):
            subject, _ = subject_of(verb)
            others = [subject] if subject is not None else []
        else:
            # ("according to Beijing, the two sides agreed": who tells it is no side of the act)
            others = [c for c in verb.children if c.dep_ in ("dobj", "dative", "prep") and c.i != noun.i
                      and c.lower_ not in ATTRIBUTION_PREPS]
        own = {t.i for t in noun.subtree}
        other_codes = {_code(actors[t.i]) for o in others for t in o.subtree if t.i in actors and t.i not in own}
        ranked, where, clear = noun.doc.user_data.get(PARTIES) or ([], {}, False)
        if noun.lemma_.lower() in SIDE_PAIR_NOUNS and clear and not other_codes & set(ranked[:2]):
            return self._two_sides(ranked, where, noun)  # the story's two sides
        if count > 2:  # "The AES was created after the three countries withdrew": a bloc of three, named in the sentence
            for bloc in {actors[i].start: actors[i] for i in range(noun.sent.start, noun.sent.end)
                         if i in actors and actors[i]._.actor.kind == "organization"}.values():
                if len(members := self._members(bloc, noun)) == count:
                    return members
        found: dict[str, Span] = {}
        side = noun.lemma_.lower() in SIDE_PAIR_NOUNS  # "both sides" may be a state and an armed group
        # "both leaders" reaches further back than "both countries": a meeting's report keeps to its two people
        for i in range(noun.i - 1, self._sentences_back(noun, 6 if kind == "person" else 3) - 1, -1):
            span = actors.get(i)
            if (span is not None and (span._.actor.kind == kind or (side and span._.actor.role in SIDE_ROLES))
                    and span._.actor.how != "demonym modifier"
                    and span._.actor.code not in other_codes and not _venue(span)):
                found.setdefault(span._.actor.code, span)
            if len(found) == count:
                return list(found.values())
        if count != 2:
            return []
        # else the article's two sides, where it has two: "the two countries" in a story about
        # India and Pakistan that last named them a paragraph ago
        if not clear or other_codes & set(ranked[:2]) or set(found) - set(ranked[:2]):
            return []
        return self._two_sides(ranked, where, noun, found)

    def _listed(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """The states "the countries" or "these nations" stand for, with no number: the last list of
        states named in its sentence or the one before ("Angered by Spain, Norway and Ireland, Israel's
        ministry summoned the countries' ambassadors")."""
        if not (noun.tag_ == "NNS" and noun.lemma_.lower() in LIST_NOUNS
                and any(c.dep_ == "det" and c.lower_ in LIST_DETERMINERS for c in noun.children)
                and not any(c.dep_ in ("relcl", "acl", "prep", "amod", "compound", "nummod") for c in noun.children)):
            # (not "the countries that signed", "the Gulf states", "the states of the region")
            return []
        for i in range(noun.i - 1, self._sentences_back(noun, 2) - 1, -1):
            span = actors.get(i)
            if span is None or span._.actor.kind != "country":
                continue
            first = noun.doc[i]
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            listed = [actors[t.i] for t in (first, *first.conjuncts) if t.i in actors and actors[t.i]._.actor.kind == "country"]
            if len({_code(a) for a in listed}) > 1:
                return listed  # (a state named alone between is not the list: "Israel's ministry summoned")
        return []

    @staticmethod
    def _two_sides(ranked: list[str], where: dict[str, list[Span]], token: Token,
                   named: dict[str, Span] | None = None) -> list[Span]:
        """The article's two main actors as mentions: those `named` near the token, else each one's
        mention nearest before it."""
        return [(named or {}).get(code) or ContextReader._nearest_mention(where[code], token) for code in ranked[:2]]

    @staticmethod
    def _nearest_mention(spans: list[Span], token: Token) -> Span:
        """Of an actor's mentions (in order), the last before the token, else the first."""
        before = bisect.bisect_left(spans, token.i, key=_start)
        return spans[before - 1] if before else spans[0]

    @staticmethod
    def _each_other(token: Token) -> bool:
        """A reciprocal object: "each other", "one another" (either word the head), and, after a joint
        subject, "the other" ("both Washington and Beijing accused the other of violating it")."""
        return any(t.lower_ == "other" and any(c.lower_ in ("each", "one", "the") for c in t.children)
                   or {t.lower_, *(c.lower_ for c in t.children)} >= {"one", "another"}
                   for t in token.subtree if t.head == token or t.head.head == token)

    def _reacted_to(self, token: Token, sources: list[Span], actors: dict[int, Span], triggers: dict[int, Pattern],
                    events: list[Event]) -> list[Span]:
        """Whom a reaction is aimed at: the actor of the act it reacts to, named in that act's phrase
        ("condemned the Pakistani airstrikes") or, for "the attack", "the move", the last other actor
        who acted in the sentences before."""
        own = {_code(s) for s in sources}
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += self._prep_objects(token, {"of", "to", "against", "on", "over"})
        # "voiced concern over the military buildup": what the reaction's own noun is about
        objects += [o for c in token.children if c.dep_ == "dobj" for o in self._prep_objects(c, ABOUT_PREPS)]
        # ... or "at" ("alarm at Japan's decision"; not "told reporters at the summit")
        objects += [o for c in token.children if c.dep_ == "dobj" for o in self._prep_objects(c, DISAPPROVING_PREPS - ABOUT_PREPS)
                    if o.lemma_.lower() in ACT_NOUNS or (o.i in triggers and self.vocab.codes[triggers[o.i].code].root != "04")]
        # "warned that the US will not tolerate Houthi attacks": the act the content is about
        objects += [o for c in token.children if c.dep_ in ("ccomp", "xcomp") for o in c.children if o.dep_ == "dobj"]
        # "the move prompted condemnation from Taiwan": what caused the reaction is the act reacted to
        causes = [c for c in token.head.children if c.dep_ == "nsubj"] \
            if token.dep_ == "dobj" and token.head.lemma_.lower() in CAUSE_VERBS else []
        if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_.lower() == "meet":
            causes = [c for c in token.head.head.children if c.dep_ == "nsubjpass"]  # "the move was met with criticism"
        for cause in causes:
            if cause.i not in triggers and _definite(cause) and (last := self._last_other(token, own, events)):
                return last  # "the move": no act named, the last one told
        if (told := self._move_of_clause(token, own, actors, events)):
            return told
        objects = causes + objects
        for obj in objects:
            # an act noun, or an event noun no pattern took here, standing for an act told before ("seek
            # the release of the money" after "South Korea froze Iranian funds")
            standing = self.vocab.candidates(obj.lemma_.lower(), "NOUN") if obj.i not in triggers and obj.pos_ == "NOUN" else []
            if obj.i not in triggers and (obj.lemma_.lower() in ACT_NOUNS or standing):
                doers = [s for c in obj.children if c.dep_ in ("poss", "amod", "compound")
                         for s in self._actors_of(c, actors, token) if _code(s) not in own]
                if doers:
                    return doers[:1]  # "concern over the Chinese actions": whose acts they are
                earlier = self._mentioned(obj, standing[0], events) if standing else None
                if earlier is not None and earlier.source_code not in own:
                    return [earlier.source]
                if earlier is not None:
                    continue  # its own act told before ("the expulsion was approved by the president")
                if _definite(obj):
                    return self._last_other(token, own, events)  # "denounced the decision": the last act told
            if obj.i not in triggers or triggers[obj.i].pos != "NOUN":
                continue
            theirs = [s for s in self._noun_arguments(obj, actors, triggers[obj.i].code)[0] if _code(s) not in own]
            # "condemning the airstrikes launched by Israel": the participle's agent
            theirs = theirs or [s for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                for s in self._actors_of(self._agent(c), actors, token) if _code(s) not in own]
            if theirs:
                return theirs[:1]
            earlier = self._mentioned(obj, triggers[obj.i], events)  # "condemned the exercises" told of before
            if earlier is not None and earlier.source_code not in own:
                return [earlier.source]
            if earlier is not None:
                continue  # its own act told before
            if _definite(obj):
                return self._last_other(token, own, events)
        # "vowed retaliation after a Syrian strike killed soldiers": with nothing else reacted to, the act it
        # answers, told in its "after" clause
        for clause in (c for c in token.children if c.dep_ == "advcl" and any(m.lower_ in ("after", "following") for m in c.children)):
            for obj in (o for o in clause.children if o.dep_ in ("nsubj", "nsubjpass") and o.i in triggers and triggers[o.i].pos == "NOUN"):
                theirs = [s for s in self._noun_arguments(obj, actors, triggers[obj.i].code)[0] if _code(s) not in own]
                if theirs and self.vocab.codes[triggers[obj.i].code].root in VIOLENT_ROOTS:
                    return theirs[:1]
        return []

    def _move_of_clause(self, token: Token, own: set[str | None], actors: dict[int, Span], events: list[Event]) -> list[Span]:
        """The doer of the clause a reacting participle's act noun sums up: "China opened a police
        station in Serbia, a move criticised by the EU", "Erdogan visited Varosha in a move denounced by
        Cyprus": the act is the clause's, so the reaction is aimed at its subject."""
        noun = token.head
        if token.dep_ != "acl" or token.tag_ != "VBN" or noun.lemma_.lower() not in ACT_NOUNS:
            return []
        clause = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with") else noun.head
        if clause.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("pobj", "appos", "dobj", "npadvmod", "attr"):
            return []
        doers = [e.source for e in events if e.trigger.start == clause.i and e.source_code not in own]
        subject, passive = subject_of(clause)
        return doers[:1] or ([s for s in self._actors_of(subject, actors, token) if _code(s) not in own][:1]
                             if subject is not None and not passive else [])

    def _last_other(self, token: Token, own: set[str | None], events: list[Event]) -> list[Span]:
        """The last actor other than `own` who acted in the token's sentence or the five before (a
        story returns to "the raid" or "the decision" a few one-sentence paragraphs after telling it)."""
        since = self._sentences_back(token, STORY_REACH)
        before = [e for e in events if e.trigger.start >= since and e.source_code not in own]
        return [before[-1].source] if before else []

    def _mediated_parties(self, token: Token, sources: list[Span], actors: dict[int, Span],
                          triggers: dict[int, Pattern], events: list[Event]) -> list[Span]:
        """The parties to what a mediator mediated: the deal a participle modifies ("the deal brokered
        by Qatar", "U.S.-mediated negotiations"), or the verb's object ("mediated an agreement between
        Israel and Hamas", "mediated what was called an agreement between ..."): the actors of that
        act as coded, else those its noun names."""
        mediators = {_code(s) for s in sources}
        nouns = [token.head] if token.dep_ in ("acl", "relcl", "amod") else []
        nouns += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        nouns += [t for c in token.children if c.dep_ == "ccomp" for t in c.subtree if t.i in triggers and t.pos_ == "NOUN"]
        found: list[Span] = []
        for noun in nouns:
            # the act as coded: on the noun, else on the nearest word above it that holds one: the verb
            # it is the object of ("signed the deal") or whose phrase holds it ("swapped prisoners in
            # an exchange mediated by the UAE", "agreed to a ceasefire following U.S.-mediated talks")
            coded: list[Event] = []
            for above in [noun, *noun.ancestors][:5]:
                coded = [e for e in events if e.trigger.start == above.i]
                if coded:
                    break
            found += [s for e in coded for s in (e.source, e.target) if s is not None]
            if not coded and noun.i in triggers:
                named, aimed = self._noun_arguments(noun, actors, triggers[noun.i].code)
                found += named + aimed
            found += [s for o in self._prep_objects(noun, {"between"}) for s in self._actors_of(o, actors, token)]
        if not any(_code(s) not in mediators for s in found):
            # "mediating efforts aimed at restoring the broken ties between Uganda and Rwanda": the
            # parties named further down what was mediated
            # ("a mediator in the dispute between Qatar and Saudi Arabia": a mediating noun's own phrase)
            # ("mediated between Israel and Hamas", "offered to mediate in the dispute between ...": the verb's own)
            held = nouns + [token]
            deeper = [t for n in held for t in n.subtree if t.dep_ == "prep" and t.lower_ in ("between", "among")]
            for prep in deeper:
                pair = [s for o in prep.children if o.dep_ == "pobj" for s in self._actors_of(o, actors, token)]
                if len({_code(s) for s in pair} - mediators) > 1:
                    found += pair
                    break
        unique: dict[str | None, Span] = {}
        for span in found:
            if _code(span) not in mediators:
                unique.setdefault(_code(span), span)
        if not unique and any(c.lower_ in ("the", "this", "that") for n in nouns for c in n.children if c.dep_ == "det"):
            # "Qatar brokered the deal": the deal told of before, between the last two parties who
            # made one (a swap, an agreement, talks) in the sentences before
            since = self._sentences_back(token, STORY_REACH)
            made = next((e for e in reversed(events) if since <= e.trigger.start < token.sent.start
                         and e.target is not None and _code(e.source) not in mediators and _code(e.target) not in mediators
                         and e.pattern.code[:2] in MEDIATED_ROOTS), None)
            if made is not None:
                return [made.source, made.target]
        return list(unique.values())

    def _mentioned(self, noun: Token, pattern: Pattern, events: list[Event]) -> Event | None:
        """The earlier act a definite event noun with no actors of its own mentions again: the last
        one told with the same word in its sentence or the nine before, else the last of the same
        kind in the three before ("Israel struck Iran. The strikes ..."; "this release")."""
        if not _definite(noun):
            return None
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT"):
            return None  # "during the talks", "back into the deal": the scene, not the act told of
        root = self.vocab.codes[pattern.code].root
        near, far = self._sentences_back(noun, 4), self._sentences_back(noun, 10)
        lemma = noun.lemma_.lower()

        def same_kind(event: Event) -> bool:
            # violence is one kind of act ("Israel bombed ... The attack"); other roots hold many
            # ("recognised a state" is not "the agreement"): their codes must match
            if root in VIOLENT_ROOTS:
                return self.vocab.codes[event.pattern.code].root == root
            return event.pattern.code[:3] == pattern.code[:3]

        def last(told, by_word: bool) -> Event | None:
            for event in told:
                if event.trigger.start < far:
                    break
                if event.trigger.start >= noun.i:
                    continue
                if (event.pattern.code in PLACE_CODES) != (pattern.code in PLACE_CODES):
                    continue  # a visit, aimed at where it goes, is not the talks held on it
                if event.trigger.root.lemma_.lower() == lemma if by_word else (
                        event.trigger.start >= near and same_kind(event)):
                    return event
            return None

        def mentioned(told) -> Event | None:
            # the same word in the ten sentences back ("the exercises"), else the same kind of act near
            return last(reversed(told), True) or last(reversed(told), False)

        found = mentioned(events)
        # an act a surer telling replaced in its sentence is still the one its word names ("called the
        # attack cowardly and said it targeted ...", then "Egypt condemned the attack")
        replaced = mentioned(getattr(self, "_displaced", ()))
        if replaced is not None and (found is None or replaced.trigger.start > found.trigger.start):
            return replaced
        return found

    def _counterpart(self, token: Token, source: Span, events: list[Event]) -> list[Span]:
        """The other side of the source's last act in this sentence or the five before: "Iran
        retaliates" after "the US struck Iran's nuclear sites"."""
        since = self._sentences_back(token, STORY_REACH)
        code = _code(source)
        for event in reversed(events):
            if event.trigger.start < since:
                break
            if event.source_code == code and event.target is not None:
                return [event.target]
            if event.target_code == code and event.source is not None:
                return [event.source]
        return []

    @staticmethod
    def _parties(doc) -> tuple[list[str], dict[str, list[Span]], bool]:
        """The actors the article is about, most named first, where each is named, and whether two
        of them take at least 60% of its actor mentions (a story about China and Taiwan)."""
        where: dict[str, list[Span]] = {}
        for span in sorted(doc.spans.get("actors", []), key=_start):  # in order: read by bisection
            ref = span._.actor
            if ref is not None and ref.code and ref.kind != "place" and ref.how not in ("demonym modifier", "unnamed body"):
                where.setdefault(ref.code, []).append(span)
        ranked = sorted(where, key=lambda c: -len(where[c]))
        total = sum(len(v) for v in where.values())
        clear = len(ranked) >= 2 and len(where[ranked[0]]) + len(where[ranked[1]]) >= 0.6 * total
        return ranked, where, clear

    @staticmethod
    def _document_counterpart(token: Token, source: Span, parties: tuple[list[str], dict[str, list[Span]], bool]
                              ) -> list[Span]:
        """The other of the article's two main actors, at its mention nearest before the act (else
        the first after): whom an act no sentence aims is most likely aimed at, when the article is
        about two sides and the source is one of them (cue `document_target`)."""
        ranked, where, clear = parties
        if not clear or _code(source) not in ranked[:2]:
            return []
        code = ranked[1] if _code(source) == ranked[0] else ranked[0]
        sent, spans = token.sent, where[code]
        # the mentions in the act's sentence (a story's mentions are in order: found by bisection,
        # not by reading them all for each act)
        inside = spans[bisect.bisect_left(spans, sent.start, key=_start):bisect.bisect_left(spans, sent.end, key=_start)]
        if any(_anti(s[0]) for s in inside):
            return []  # "attacked anti-Assad forces": not Assad
        return [ContextReader._nearest_mention(spans, token)]

    @staticmethod
    def _story_sides(parties: tuple[list[str], dict[str, list[Span]], bool], named: set[str], token: Token) -> list[Span]:
        """The article's two main actors, at their mentions nearest the act, when it is about two
        sides and the act's sentence names no other (cue `document_sides`)."""
        ranked, where, clear = parties
        if not clear or not named <= set(ranked[:2]):
            return []
        return ContextReader._two_sides(ranked, where, token)

    @staticmethod
    def _domestic(source: Span, target: Span | None) -> bool:
        """Two parts of one state acting on each other (a government and its rebels, police and
        protesters), or an act at home (a curfew in the capital): an event, unlike a state acting on
        itself; the confidence model weighs such domestic acts (cue `domestic`)."""
        if target is None or source.start == target.start:
            return False
        roles = (source._.actor.role, target._.actor.role)
        if target._.actor.kind == "place":  # "a curfew in Algiers", "rebels shelled Juba": at home
            return True
        return any(roles) and roles[0] != roles[1]

    @staticmethod
    def _sentences_back(token: Token, n: int) -> int:
        """Where a pronoun's antecedent may be: its sentence and the n-1 before (he/she reach
        further than "it", as a story keeps following the person it is about)."""
        start = token.sent.start
        for _ in range(n - 1):
            if start == 0:
                break
            start = token.doc[start - 1].sent.start
        return start


def _venue(span: Span) -> bool:
    """A state named as where something happens ("met for talks in Malaysia", "at a summit in
    Tianjin", "at news conferences in Ankara and Rome"), which "the two countries" after it does not
    stand for."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.pos_ in ("VERB", "AUX", "NOUN")
