"""The arguments of an event trigger: which actors a subject, object or event noun names, who acts
and at whom (the subject, objects and prepositional phrases of a verb; the possessor, "by"-agent,
"between"-parties and targets of an event noun; the scene an act is set in; who plays a part such as
mediator). The event coder (pipeline/events.py) mixes this in, as it does the context reader
(pipeline/event_context.py), and chooses patterns, modality and dates itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..knowledge.events import Pattern
from .event_context import PARTIES, ContextReader, _anti, _code
from .headlines import headline_end
from .event_cues import (
    ABOUT_PREPS, ABOUT_ROOTS, ACT_NOUNS, ADDRESSED_ROOTS, AGENT_NOUNS, AGREEMENT_CODE, AIMING_VERBS, ANNOUNCING_VERBS, BACKGROUND_PREPS,
    CLAIM_NOUNS, CLAUSE_OBJECT_ROOTS, CLAUSE_TARGET_ROOTS, DISAPPROVING_PREPS, FEELING_VERBS, PACT_COMMENT_PREPS, ECONOMIC_NOUNS, OWNING_PARTICIPLES, SCENE_OF_EVENT_PREPS,
    DENIAL_VERBS, FIRST_PERSON, GOVERNING_ROOTS, HELD_ROOTS, HELPING_VERBS, INTENT_VERBS, LEFT_FROM_ROOTS,
    LAUNCHED_FROM_ROOTS, LIGHT_VERBS, READINESS_WORDS, MEDIATE_CODE, MEMBER_NOUNS, MEMORIAL_NOUNS, NOUN_TARGET_PREPS, PARTITIVE_NOUNS,
    OBJECT_PLACE_ROOTS, OBJECT_PRONOUNS, OCCASION_NOUNS, OCCASION_PREPS, OFFICIAL_ROLES, OWN_FORCE_NOUNS,
    OWN_FORCE_ROLES, OWN_PEOPLE_ACTS, OWN_PEOPLE_NOUNS, PEOPLE_NOUNS, PEOPLE_PREPS, PERMISSION_VERBS, PLACE_CODES,
    PLACE_NOUNS, PLACE_PREPS, PLACE_ROOTS, POSSESSIVES, QUANTITY_NOUNS, SPAN_NOUNS, AMOUNT_NOUNS, REACTED_OBJECT_CODES, REGION_NOUNS,
    RECIPROCAL_WORDS, RELATIONAL_NOUNS, REPEATED_NOUNS, REPORT_VERBS, ROLE_NOUNS, ROLE_VERBS, SCENE_PREPS,
    SEQUEL_PREPS, SPEAKER_PREPS, SPEECH_NOUNS, SUBJECT_DEPS, SUMMONING_VERBS, TARGET_PREPS, TOPIC_VERBS,
    TRADE_NOUNS, TRADE_PREPS, TREATY_NOUNS, VIOLENT_ROOTS, VISIT_NOUNS, VOWING_VERBS, REFUSING_VERBS,
)
from .syntax import JOINING_VERBS, antecedent, main_subject_before, relative_clause, subject_of

if TYPE_CHECKING:
    from .events import Event

# doc.user_data: the (source, target) token offsets of the pairs whose roles the coder compared (_domestic)
ROLES_READ = "detente_roles_read"
FORCES_READ = "forces"  # ... and (a speaker's offsets, FORCES_READ): the speakers whose forces it read (_commands_forces)
# "the United States, the EU, Australia and Japan expressed support": each of four acts (five scored
# the same on dev and PLOVER, with one more false act on the seeds) ...
MAX_SOURCES = 4
# ... and an act aimed at a list, at up to eight ("tariffs ... on Denmark, Norway, Sweden, France,
# Germany, the UK, the Netherlands and Finland": dev +8 right, none wrong, against four for a verb and
# two for a noun; but a gapped list of doers, "will each expel four diplomats, the Czech Republic and
# Lithuania three, Italy ... two", reads as targets)
MAX_TARGETS = 8


def _official(span: Span) -> bool:
    """A state or its government itself ("Japan", "the Japanese government"), not its people ("Iranian
    students"): who protests officially. Re-dating checks this read of a role (pipeline._roles_unread)."""
    ref = span._.actor
    return ref.kind == "country" and ref.role in OFFICIAL_ROLES


def _commands_forces(span: Span) -> bool:
    """A state, its government or military itself, whose unnamed forces are its own (not a group's or a
    newspaper's). Re-dating checks this read of a role (pipeline._roles_unread)."""
    ref = span._.actor
    return bool(ref.code) and ref.code == ref.country and ref.role in OWN_FORCE_ROLES


def _counted(noun: Token) -> Token:
    """The noun that counts acts ("a series of punitive measures", "a new round of sanctions"), where
    the acts stand in their clause; else the noun itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and noun.head.head.lemma_.lower() in AMOUNT_NOUNS:
        return noun.head.head  # "announced $2 billion in new military aid": the aid stands where its amount does
    return noun


def _readiness(noun: Token) -> Token | None:
    """The adjective by which one says one is ready for what a noun names ("open to negotiations",
    "ready for talks"), or None."""
    adjective = noun.head.head
    ready = noun.dep_ == "pobj" and adjective.pos_ == "ADJ" and adjective.lemma_.lower() in READINESS_WORDS
    return adjective if ready else None


def _body(span: Span) -> bool:
    """A body or person of a state ("police", "Serbian protesters", a minister), not the state itself."""
    ref = span._.actor
    return ref.kind == "person" or ref.how == "unnamed body" or ref.how.endswith("role noun")


def _phrase_verb(noun: Token) -> Token | None:
    """The verb of the clause a noun's phrase hangs on ("During his visit to Beijing, Duterte told",
    "came out in support of Morocco"), or None where the phrase qualifies a noun."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def _pronoun(token: Token, words: set[str]) -> bool:
    """The token is one of these pronouns: "us", never "US"."""
    return token.pos_ == "PRON" and token.lower_ in words


def _under(noun: Token) -> bool:
    """A state said to be under a measure ("North Korea has been under U.N. sanctions since 2006"):
    the measure stands against that state, an act the sentence asserts, not background."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "nsubj" for c in noun.head.head.children)


def _at_home(sides: list[Span], source: Span) -> list[Span]:
    """Of the sides read from the context or the story, those of the source's own state: a civil
    war's other side ("Sudan's civil war": the RSF, never Chad)."""
    return [t for t in sides if t._.actor.country == source._.actor.country]


def _aimed_at_place(code: str) -> bool:
    return code[:2] in PLACE_ROOTS or code in PLACE_CODES


class ArgumentReader(ContextReader):
    # -- actors of a token ------------------------------------------------------------------------

    def _actor_map(self, doc: Doc) -> dict[int, Span]:
        return {t.i: s for s in doc.spans.get("actors", []) if s._.actor and s._.actor.code for t in s}

    def _actors_of(self, token: Token | None, actors: dict[int, Span], trigger: Token) -> list[Span]:
        """The actors a subject or object names: itself, its conjuncts, else an actor modifying it."""
        if token is None:
            return []
        if token.tag_ in ("WDT", "WP") and token.dep_ in ("dobj", "pobj") and (clause := relative_clause(token)) is not None \
                and clause.head.i in actors and clause.head.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
            return self._actors_of(clause.head, actors, trigger)  # "South Africa, which Xi visited": South Africa
        if token.i not in actors and token.lemma_.lower() in PARTITIVE_NOUNS and (
                part := next(iter(self._prep_objects(token, {"of"})), None)) is not None:
            return self._actors_of(part, actors, trigger)  # "hundreds of Indonesian students": the students
        if token.i not in actors and (named := self._described(token, actors)) is not None:
            return [named]  # "the group", "the kingdom": the one named before
        if token.i not in actors and (pair := self._pair(token, actors)):
            return pair  # "both countries", "the two sides": the last two named
        if token.i not in actors and (again := self._named_before(token, actors, trigger)) is not None:
            return [again]  # "two Belarusian military helicopters ... the helicopters": Belarus's
        if token.i >= 2 and token.nbor(-1).text == "(" and (group := actors.get(token.i - 2)) is not None \
                and group._.actor.kind == "organization":
            return [group]  # "P5+1 (Russia, United States, ...) are negotiating": the group, by its members
        found: list[Span] = []
        for tok in [token, *token.conjuncts]:
            span = actors.get(tok.i)
            if span is not None and span._.actor.kind == "place" and (owner := self._owner_in_apposition(tok, actors)):
                span = owner  # "Al Udeid Air Base, a key U.S. facility": whose the place is, not where
            if span is not None and trigger.i not in range(span.start, span.end):
                found.append(span)
                # "counterparts Sadyr Japarov and Emomali Rahmon": a name the span's apposition coordinates
                found += [actors[c.i] for t in span if t.dep_ == "appos" and t.head.i == tok.i for c in t.conjuncts
                          if c.i in actors and not span.start <= c.i < span.end]
                # "Mali, Burkina Faso and Niger announced": a list the parser hangs on its first as appositions
                # (the "and" on the apposition or on its last conjunct: "Saudi Arabia, the UAE, Bahrain and Egypt")
                found += [actors[a.i] for c in tok.children if c.dep_ == "appos" and c.i in actors
                          and (any(g.dep_ == "cc" for x in (c, *c.conjuncts) for g in x.children)
                               or headline_end(tok.sent) is not None)  # "sparks anger from Australia, Brazil"
                          for a in (c, *c.conjuncts) if a.i in actors
                          and actors[a.i]._.actor.kind == span._.actor.kind == "country"]
                # "Hungarian and Romanian officials": the demonyms coordinated before the span
                found += [actors[c.i] for c in tok.children if c.dep_ == "amod" and c.i < span.start
                          and c.i in actors and any(g.dep_ == "conj" for g in c.children)]
                continue
            part = next((o for o in self._prep_objects(tok, {"of"}) if o.i in actors), None) \
                if tok.lemma_.lower() in REGION_NOUNS else None
            if part is not None:  # "Somalia's breakaway region of Somaliland": the region named, not whose it is
                found.append(actors[part.i])
                continue
            examples = [o for c in tok.children if c.dep_ == "prep" and self._names_examples(c)
                        for o in c.children if o.dep_ == "pobj"]
            if examples:  # "Iranian rivals such as Saudi Arabia": the rivals named
                found += [s for o in examples for s in self._actors_of(o, actors, trigger)]
                continue
            named = [actors[c.i] for c in tok.children if c.dep_ == "appos" and c.i in actors]
            if named and tok.pos_ in ("NOUN", "PROPN"):  # "Gaza's rulers Hamas", "its ally Russia": the one named
                found.append(named[0])
                continue
            modifiers = ("poss", "compound", "amod", "nmod") + (("nsubj",) if tok.pos_ not in ("VERB", "AUX") else ())
            for child in tok.children:  # "Russia's forces", "the Assad regime's army", "forces of Iran"
                if child.dep_ == "amod" and tok.lemma_.lower() in RELATIONAL_NOUNS:
                    continue  # "Iranian rivals" are not Iran
                if _anti(child):
                    continue  # "anti-Assad forces" fight Assad
                if child.dep_ in modifiers and child.i in actors and tok.tag_ == "NN" and tok.lemma_.lower() in MEMBER_NOUNS \
                        and actors[child.i]._.actor.kind == "organization" and any(
                        d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in tok.children):
                    break  # "his first visit to an ICC member", "another NATO member state": one of its members, not it
                if child.dep_ in modifiers and child.i in actors:  # nsubj: "Iranian ire" parsed as a clause
                    # "Hungarian and Romanian officials": each conjoined modifier
                    found += [actors[c.i] for c in (child, *child.conjuncts) if c.i in actors]
                    break
                if child.dep_ == "poss" and (pair := self._pair(child, actors)):
                    found += pair  # "the two countries' envoys", "the countries' ambassadors"
                    break
                owner = next((g for g in child.children if g.dep_ in ("compound", "amod") and g.i in actors), None) \
                    if child.dep_ == "compound" and child.i not in actors else None  # (or "a Russian MI-8 helicopter")
                if owner is None and child.dep_ == "amod" and child.lower_ in OWNING_PARTICIPLES:
                    # "a British-flagged tanker", "Russian-controlled territory": whose it is
                    owner = next((g for g in child.children if g.dep_ in ("amod", "npadvmod", "compound") and g.i in actors
                                  and g.i < child.i), None)
                if owner is not None:  # "a Hezbollah weapons storage facility": whose the compound's compound says
                    found.append(actors[owner.i])
                    break
                if child.dep_ == "prep" and (child.lower_ == "of" or (
                        child.lower_ in PEOPLE_PREPS and tok.lemma_.lower() in PEOPLE_NOUNS) or (
                        child.lower_ in TRADE_PREPS and tok.lemma_.lower() in TRADE_NOUNS)):
                    # "forces of Iran"; "students in Indonesia", "protesters in Baghdad"; "the leaders of A and B";
                    # "grain imports from Ukraine"
                    preps = [child]
                elif child.dep_ == "acl" and tok.lemma_.lower() in TRADE_NOUNS:
                    # "goods coming from Serbia and Bosnia", "products imported from Australia": where they come from
                    preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ in TRADE_PREPS]
                else:
                    continue
                obj = next((o for p in preps for o in p.children if o.dep_ == "pobj" and o.i in actors), None)
                if obj is not None:
                    found += [actors[o.i] for o in (obj, *obj.conjuncts) if o.i in actors]
                    break
                if tok.lemma_.lower() in PEOPLE_NOUNS and (pair := next((pair for p in preps for o in p.children if o.dep_ == "pobj"
                                 for pair in [self._pair(o, actors)] if pair), None)):
                    found += pair  # "troops from the two neighbours": each of the pair named before
                    break
        if len(found) == 1 and token.tag_ == "NNS" and token.lemma_.lower() in MEMBER_NOUNS:
            return self._members(found[0], token) or found  # "all three AES countries": each of them
        if not found and (token.dep_ in SUBJECT_DEPS or token.head.dep_ == "agent"):
            return self._speakers_forces(token, actors, trigger)
        return list(dict.fromkeys(found))

    def _between(self, token: Token, actors: dict[int, Span]) -> list[Span]:
        """The parties a reciprocal act names with "between" ("clashes between Thai and Cambodian
        troops"): each acts on the others; none unless two are named."""
        parties = list({_code(s): s for o in self._prep_objects(token, {"between"})
                        for s in self._actors_of(o, actors, token)}.values())
        return parties if len(parties) > 1 else []

    def _speakers_forces(self, noun: Token, actors: dict[int, Span], trigger: Token) -> list[Span]:
        """Forces a state, its government or military speaks of without saying whose: the speaker's
        own ("the Israeli military said fighter jets responded with strikes"; "'troops repelled the
        attack,' the ministry said"). Not where a possessor says whose ("their jets")."""
        if noun.lemma_.lower() not in OWN_FORCE_NOUNS or any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ != "the") for c in noun.children):
            return []
        speakers = [self._quoted[noun.i]] if noun.i in self._quoted else []
        if not speakers:
            verb = noun.head  # up to its clause, then to the verb that reports it
            while verb.dep_ in ("conj", "xcomp", "prep", "pobj", "agent", "advcl") and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORT_VERBS:
                subject, passive = subject_of(verb.head)
                if subject is not None and not passive and subject.i != noun.i:
                    speakers = self._actors_of(subject, actors, trigger)[:1]
        for s in speakers:  # re-dating must know whose role this read (pipeline._roles_unread)
            s.doc.user_data.setdefault(ROLES_READ, set()).add(((s.start, s.end), FORCES_READ))
        return [s for s in speakers if s._.actor is not None and _commands_forces(s)]

    def _named_before(self, noun: Token, actors: dict[int, Span], trigger: Token) -> Span | None:
        """Whose "the helicopters", "the warships" are: the actor that named the same craft or force in
        its sentence or the two before ("two Belarusian military helicopters ... the helicopters crossed")."""
        lemma = noun.lemma_.lower()
        if lemma not in REPEATED_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
                c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children if c.i in actors):
            return None
        for tok in reversed(noun.doc[self._sentences_back(noun, 3) : noun.i]):
            if tok.lemma_.lower() == lemma and tok.i != noun.i:
                named = [actors[c.i] for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in actors]
                named = named or ([actors[tok.i]] if tok.i in actors else [])
                return named[0] if named else None
        return None

    def _members(self, bloc: Span, token: Token) -> list[Span]:
        """The member states of a small bloc, at their mentions nearest the token, where the article
        names them all ("Mali, Burkina Faso and Niger ... all three AES countries")."""
        members = self.kb.members.get(_code(bloc) or "", ())
        _, where, _ = token.doc.user_data.get(PARTIES) or ([], {}, False)
        if not members or not all(m in where for m in members):
            return []
        return [self._nearest_mention(where[m], token) for m in members]

    @staticmethod
    def _owner_in_apposition(tok: Token, actors: dict[int, Span]) -> Span | None:
        """The state an apposition says owns a place: "Al Udeid Air Base, a key U.S. facility"."""
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            owners = [actors[c.i] for c in appos.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                      and c.i in actors and actors[c.i]._.actor.kind == "country"]
            if owners:
                return owners[0]
        return None

    def _shares(self, obj: Token, triggers: dict[int, Pattern], root: str) -> bool:
        """An object that is an event noun of the verb's own kind: "backed sanctions" is taking part
        in them, so the noun's actor acts beside the subject and the noun's target is the verb's."""
        pattern = triggers.get(obj.i)
        if obj.dep_ == "pobj" and obj.head.lower_ in ("against", "to", "for"):
            return False  # "will retaliate against any Israeli attack": a response, aimed at who attacks
        return pattern is not None and pattern.pos == "NOUN" and self.vocab.codes[pattern.code].root == root

    @staticmethod
    def _ended(token: Token, pattern: Pattern, triggers: dict[int, Pattern]) -> int | None:
        """The event noun an ending trigger ends: a noun's "of"-object, a verb's subject when it has
        no object ("the arrangement deteriorated") or is passive ("the deal was cancelled")."""
        if pattern.pos == "NOUN":
            found = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"]
        elif any(c.dep_ in ("dobj", "attr") for c in token.children):
            return None
        else:
            found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = [o for o in found if (p := triggers.get(o.i)) is not None and p.pos == "NOUN"]
        return found[0].i if found else None

    @staticmethod
    def _names_examples(prep: Token) -> bool:
        return prep.lower_ in ("like", "including") or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))

    # -- arguments of a trigger -------------------------------------------------------------------

    @staticmethod
    def _agent(verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    @staticmethod
    def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
        return [o for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
                for o in c.children if o.dep_ == "pobj"]

    def _objects(self, verb: Token, actors: dict[int, Span], triggers: dict[int, Pattern], preps: set[str],
                 direct: bool = True, root: str = "") -> list[Token]:
        """Direct and indirect objects, then the objects of the prepositions given, then those
        inside a non-actor object ("provided support for the Assad regime") unless that object is
        an act of another actor ("spoke out against US sanctions on Tehran": Tehran is the sanctions')."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd") and c.pos_ != "ADP"] if direct else []
        if direct:
            objects += self._free_relative(verb)
        # an actor as direct object (not the subject's own: "offered its troops to Lebanon") is whom
        # the act aims at: "criticized Chile for its purchase of Russian arms" is aimed at Chile,
        # not at the Russians in what it is blamed for
        subject, _ = subject_of(verb)
        named = [o for o in objects if o.i in actors]
        acting = {_code(s) for s in self._actors_of(subject, actors, verb)}
        own = acting if named else set()
        aimed = any(_code(actors[o.i]) not in own for o in named)
        # a phrase fronted before the subject sets the scene: "With negotiations on an Iranian deal
        # nearing completion, Russia threatened ..." is not aimed at Iran
        objects += [o for o in self._prep_objects(verb, preps)
                    if not aimed and (subject is None or subject.sent != o.sent or o.head.i > subject.i)
                    and not (o.head.lower_ in SCENE_PREPS and o.lemma_.lower() in VISIT_NOUNS)]  # "on his visit to Egypt"
        # "arrested ... at the request of the United States": who asked, not at whom
        objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ in OCCASION_PREPS
                                              and o.lemma_.lower() in OCCASION_NOUNS)]
        # "ended decades of ties with Taiwan": the relation the span measures
        objects += [n for o in objects if o.dep_ == "dobj" and o.lemma_.lower() in SPAN_NOUNS
                    for n in self._prep_objects(o, {"of"})]
        for obj in list(objects):
            if not direct and obj.lemma_.lower() in TREATY_NOUNS:
                continue  # "in the treaties of Gulistan and Turkmenchay" says when, not where
            # a modifier naming another than the subject's side: "criticised China's ties with Russia" is
            # aimed at China, not Russia (but "patched up the US stance with Saudi Arabia" at Saudi Arabia)
            own_actor = any(c.i in actors and c.dep_ in ("poss", "compound", "amod") and _code(actors[c.i]) not in acting
                            for c in obj.children)
            if root == "11" and obj.i in triggers and obj.dep_ == "dobj":
                continue  # "condemned the attack on the Swedish embassy": at who attacked, never at the embassy
            if obj.i not in actors and not (own_actor and not (obj.i in triggers and self._shares(obj, triggers, root))):
                # (an envoy "from" a state is its own or the one posted there: "recalled its ambassador from Madrid")
                envoy = {"from"} if obj.lemma_.lower() in OWN_PEOPLE_NOUNS else set()
                objects += self._prep_objects(obj, NOUN_TARGET_PREPS | {"by"} | envoy)
        return objects

    @staticmethod
    def _free_relative(verb: Token) -> list[Token]:
        """What a free relative object names: "struck what it described as a Hezbollah facility",
        "hit what it said were Hamas positions" (the parser hangs the clause on the verb as ccomp)."""
        found = []
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if not any(t.lower_ == "what" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") for t in clause.children):
                continue
            found += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
            found += [o for c in (clause, *[c for c in clause.children if c.dep_ == "ccomp"]) for o in c.children
                      if o.dep_ in ("attr", "oprd")]
        return found

    def _verb_arguments(self, verb: Token, actors: dict[int, Span], triggers: dict[int, Pattern],
                        code: str = "") -> tuple[list[Span], list[Span]]:
        root = code[:2]
        subject, passive = subject_of(verb)
        agent = self._agent(verb)
        passive = passive or (agent is not None and verb.dep_ in ("acl", "relcl"))  # "the deal brokered by Qatar"
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark")
                                                                   for c in verb.children):
            # "Designated as a terrorist group by Ankara, the PKK ...": a fronted participle befalls the
            # clause's subject, by whoever its "by" names (the parser may hang it on a noun inside)
            passive = True
            agent = agent or next((o for p in verb.subtree if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                                   for o in p.children if o.dep_ == "pobj"), None)
        headline = self._headline_passive(verb, root)
        passive = passive or headline
        felt = passive and verb.lemma_.lower() in FEELING_VERBS  # "the US is concerned by the pact": the US comments
        passive = passive and not felt
        if agent is None and root in HELD_ROOTS and (verb.tag_ == "VBN" or headline) and (passive or verb.dep_ == "acl"):
            # "six Americans detained in Venezuela", "Griner was arrested at a Moscow airport": by the state
            # where it happened, on whom it befell
            held = [s for o in self._prep_objects(verb, {"in", "at"}) for s in self._actors_of(o, actors, verb)
                    if s._.actor.kind in ("country", "place") and s._.actor.country]
            if held:
                targets = [t for t in self._actors_of(subject, actors, verb) if t._.actor.country != held[0]._.actor.country]
                return held[:1], targets
        if passive:
            sources = self._actors_of(agent, actors, verb)
            if not sources and root in LAUNCHED_FROM_ROOTS:  # "rockets were launched from the Gaza Strip": by whom it holds
                sources = [s for o in self._prep_objects(verb, {"from"}) for s in self._actors_of(o, actors, verb)
                           if s._.actor.country][:1]
            if not sources and verb.lemma_.lower() in SUMMONING_VERBS:  # "was summoned to the Estonian Foreign Ministry": by it
                sources = [s for o in self._prep_objects(verb, {"to"}) for s in self._actors_of(o, actors, verb)][:1]
            targets = self._actors_of(subject, actors, verb)
            if not sources and agent is None and root in VIOLENT_ROOTS:  # "two advisers were killed in an Israeli strike": by whoever struck
                sources = [s for o in self._prep_objects(verb, {"in"}) if o.i in triggers
                           and self.vocab.codes[triggers[o.i].code].root in VIOLENT_ROOTS
                           for s in self._noun_arguments(o, actors, triggers[o.i].code)[0]
                           if _code(s) not in {_code(t) for t in targets}][:1]
        else:
            sources = self._actors_of(subject, actors, verb)
            if not sources and subject is not None and subject.pos_ == "PRON":
                sources = self._pronoun_actor(subject, actors)
            elif not sources and subject is not None:  # "its defence systems shot down ...": whose
                owner = next((c for c in subject.children if c.dep_ == "poss" and _pronoun(c, POSSESSIVES | FIRST_PERSON)), None)
                found = (self._speaker_of(owner) or antecedent(owner, actors, self._sentences_back(owner, 2))
                         if owner is not None else None)
                if owner is not None and owner.lower_ in ("its", "their") and (before := main_subject_before(subject)) is not None:
                    # "The Norwegian government announced sanctions ... Its foreign ministry accused": a
                    # sentence opened by "its" continues the subject before, whatever was named last
                    found = next(iter(self._actors_of(before, actors, verb)), found)
                sources = [found] if found is not None else []
            sources += [s for s in self._co_sources(verb, subject, actors) if s not in sources]
            if not sources and verb.dep_ == "amod" and verb.i >= 2 and verb.nbor(-1).text == "-" and verb.i - 2 in actors:
                sources = [actors[verb.i - 2]]  # "U.S.-mediated talks", "Iran-backed militias": the compound's actor
            targets = []
        inner: list[Span] = []  # targets of the source's own state, taken when no other is named

        def add(tokens: list[Token], own_state: bool = True) -> None:
            taken = {_code(s) for s in sources + targets}
            for obj in tokens:
                if obj.i not in actors and self._shares(obj, triggers, root):
                    continue  # "backed UN sanctions on Iran": the UN shares the act, Iran is its target
                named = self._actors_of(obj, actors, verb)
                if not named and obj.lower_ in OBJECT_PRONOUNS:  # "sanctioned Wagner, accusing it of ...": Wagner
                    found = self._object_antecedent(obj, actors, taken)
                    named = [found] if found is not None else []
                for span in named:
                    if _code(span) not in taken:
                        taken.add(_code(span))
                        targets.append(span)
                    elif own_state and _body(span) and any(_body(s) and self._domestic_noted(s, span) for s in sources
                                                           if _code(s) == _code(span)):  # not "Mexico agreed to send troops"
                        inner.append(span)  # "police fired at protesters": two bodies of one state

        # "on Iranian territory" says where, not at whom: such places wait for the place rule below
        objects = self._objects(verb, actors, triggers, TARGET_PREPS, root=root)
        if felt and agent is not None:  # ... on what moves it, or whose act that is
            objects += [agent] + self._prep_objects(agent, NOUN_TARGET_PREPS)
        if code in PLACE_CODES:  # "arrived in Algiers with German officials": who comes along, not whom it visits
            objects = [o for o in objects if not (o.dep_ == "pobj" and o.head.lower_ == "with" and o.head.head == verb)]
        grounds = [o for o in objects if o.dep_ == "pobj" and o.lemma_.lower() in PLACE_NOUNS]
        add([o for o in objects if o not in grounds])
        if root in ADDRESSED_ROOTS:
            # "Opposition Leader Dutton urged Albanese to call Xi": a body of the source's own state asked
            # is whom the appeal is aimed at, not whoever its clause names (but "banned Russian airlines
            # from flying to Georgia" is aimed at Georgia)
            targets = targets or inner[:1]
        if not targets:  # "named Armando Benedetti as ambassador to Caracas": the post's state, not the envoy's own
            add([o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for n in c.children if n.dep_ == "pobj" for o in self._prep_objects(n, {"to"})])
        if not targets and root in CLAUSE_TARGET_ROOTS:  # "demanded that the US cancel ...": who is to act
            for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                           or (root == "13" and c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children))):
                # "warned ... if India attacked"; not "Trump announced that the U.S. military ...": his own state acts, not at him
                # (but "the opposition demanded that President Mugabe abandon ...": a body of its own state is asked)
                add([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")], own_state=root in ADDRESSED_ROOTS)
        if not targets:  # "will not allow Chinese vessels to dock", "refused to allow the minister to visit": who is refused
            for permit in [verb] + [c for c in verb.children if c.dep_ == "xcomp"]:
                if permit.lemma_.lower() in PERMISSION_VERBS and (permit is not verb or any(c.dep_ == "neg" for c in verb.children)):
                    add([g for c in permit.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
                         if g.dep_ in ("nsubj", "nsubjpass")], own_state=False)
        if not targets:  # "held back on delivering missiles to the Iranians": the act held back
            for clause in self._complements(verb):
                if root != "04" or clause.lemma_.lower() not in TOPIC_VERBS:  # "met to discuss Russia's role": a topic
                    add(self._objects(clause, actors, triggers, TARGET_PREPS))
        if not targets and root in CLAUSE_OBJECT_ROOTS:
            # "signed accords establishing diplomatic relations with Israel": the object's own clause (not
            # "condemned the airstrikes launched by Israel on Iran", aimed at who struck)
            add([o for obj in verb.children if obj.dep_ == "dobj" for clause in obj.children
                 if clause.dep_ == "acl" and clause.pos_ == "VERB"
                 for o in self._objects(clause, actors, triggers, TARGET_PREPS)])
        if not targets and root in OBJECT_PLACE_ROOTS:  # "threaten military operations in northern Syria"
            direct = [c for c in verb.children if c.dep_ == "dobj"]
            add([o for obj in direct for o in self._prep_objects(obj, PLACE_PREPS)])
            targets = targets[:1]
        if not targets and _aimed_at_place(code):  # an act happens in one place: the first named
            add(self._objects(verb, actors, triggers, PLACE_PREPS, direct=False) + grounds)
            targets = targets[:1]
        targets = targets or inner[:1]
        return sources, targets[:MAX_TARGETS] if sources else targets[:1]

    @staticmethod
    def _headline_passive(verb: Token, root: str) -> bool:
        """A headline's bare participle of an arrest or an attack, with no object, is passive: "six
        Americans wrongfully detained in Venezuela", "Two soldiers killed in border clash"."""
        return (verb.dep_ == "ROOT" and verb.tag_ in ("VBN", "VBD") and root in HELD_ROOTS | VIOLENT_ROOTS
                and not any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "dative", "attr", "oprd") for c in verb.children)
                and not verb.sent.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'")))

    def _pronoun_actor(self, pronoun: Token, actors: dict[int, Span]) -> list[Span]:
        """Whom a subject pronoun stands for: a quotation's speaker ("we"), else its antecedent, looked
        for further back for "he"/"she" than for "it"/"they"."""
        since = self._sentences_back(pronoun, 4 if pronoun.lower_ in ("he", "she") else 2)
        found = self._speaker_of(pronoun) or antecedent(pronoun, actors, since)
        if pronoun.lower_ != "they":
            return [found] if found is not None else []
        if found is not None:  # "Mali, Burkina Faso and Niger said they ...": each of them
            return self._actors_of(found.root, actors, pronoun) or [found]
        # "the member states of the AES, Mali, Burkina Faso and Niger, said they ...": whom the plural subject names
        subject = next((pronoun.doc[i] for i in range(pronoun.i - 1, since - 1, -1)
                        if pronoun.doc[i].dep_ in ("nsubj", "nsubjpass") and pronoun.doc[i].lower_ not in ("it", "they")), None)
        return self._actors_of(subject, actors, pronoun) if subject is not None and subject.tag_ in ("NNS", "NNPS") else []

    def _object_antecedent(self, pronoun: Token, actors: dict[int, Span], taken: set[str | None]) -> Span | None:
        """Whom an object pronoun stands for: the nearest noun phrase before it, in its sentence or the
        one before, that is not who acts ("sanctioned Wagner in December, accusing it of ..."); none
        when that phrase names no actor ("negotiations nearing completion; Russia threatened to derail them")."""
        kinds = OBJECT_PRONOUNS[pronoun.lower_]
        plural = pronoun.lower_ == "them"
        for i in range(pronoun.i - 1, self._sentences_back(pronoun, 2) - 1, -1):
            tok = pronoun.doc[i]
            span = actors.get(i)
            if span is not None and span._.actor.how != "demonym modifier":
                if _code(span) in taken:
                    continue  # the one acting, or already its target
                return span if span._.actor.kind in kinds else None
            if tok.ent_type_ in ("DATE", "TIME") or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
                continue
            if (tok.tag_ in ("NNS", "NNPS")) == plural:
                return None  # a thing of the pronoun's number is nearer: the pronoun is that thing
        return None

    def _co_sources(self, verb: Token, subject: Token | None, actors: dict[int, Span]) -> list[Span]:
        """Those who act beside the subject: "the US, along with Egypt and Qatar, mediated",
        "Britain, together with France, imposed", "Japan fought alongside the US"."""
        found: list[Span] = []
        if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in JOINING_VERBS:
            joined = verb.head.head  # "Qatar joined Saudi Arabia in condemning": Saudi Arabia too
            found += [s for c in joined.children if c.dep_ == "dobj" for s in self._actors_of(c, actors, verb)]
        for head in (verb, subject):
            for prep in (c for c in (head.children if head is not None else []) if c.dep_ == "prep"):
                if prep.lower_ in ("along", "together"):
                    objects = [o for w in prep.children if w.dep_ == "prep" and w.lower_ == "with"
                               for o in w.children if o.dep_ == "pobj"]
                elif prep.lower_ == "with" and any(a.lower_ in ("along", "together") for a in prep.children):
                    objects = [o for o in prep.children if o.dep_ == "pobj"]
                else:
                    objects = [o for o in prep.children if o.dep_ == "pobj"] if prep.lower_ == "alongside" else []
                found += [s for o in objects for s in self._actors_of(o, actors, verb)]
        return found + self._comma_pair(verb, actors)

    @staticmethod
    def _comma_pair(verb: Token, actors: dict[int, Span]) -> list[Span]:
        """A headline's subjects joined by commas ("India, Pakistan agree to ceasefire", "Xi, Putin
        pledge deeper ties", "Greece, Turkey leaders meet", "US, UK and France condemn ..."): the parser
        hangs one on the other or on the verb, so all are read off the words before the verb."""
        if verb.dep_ != "ROOT" and not (verb.dep_ == "acl" and verb.head.i in actors and verb.head.head.dep_ == "ROOT"):
            return []  # (or as parsed: "US, Australia concerned by ...", the verb hung on the second name)
        start, doc = verb.sent.start, verb.doc
        spans = sorted({id(s): s for i in range(start, verb.i) if i in actors for s in [actors[i]]}.values(), key=lambda s: s.start)
        if len(spans) < 2 or any(t.pos_ != "PROPN" for t in doc[start : spans[0].start]):
            return []  # (after a site's name: "Dehai News Arab League, US condemn ...")
        if any(doc[a.end].text not in (",", "and", "&") or b.start != a.end + 1 for a, b in zip(spans, spans[1:])):
            return []
        rest = [t for t in doc[spans[-1].end : verb.i] if t.pos_ not in ("NOUN", "ADJ")]  # "Greece, Turkey leaders meet"
        if rest or len({_code(s) for s in spans}) < len(spans) or not any(doc[a.end].text == "," for a in spans[:-1]):
            return []
        return list(spans)

    def _told_by(self, noun: Token, events: list[Event], triggers: dict[int, Pattern]) -> bool:
        """A noun that an act already coded in its sentence governs, read with the same root: that
        act's object ("signed $13.5 billion worth of deals", "held talks"), not another act."""
        root, above = self.vocab.codes[triggers[noun.i].code].root, {a.i for a in noun.ancestors}
        return any(e.trigger.start in above and e.trigger.start in triggers
                   and self.vocab.codes[triggers[e.trigger.start].code].root == root for e in events)

    def _own_envoy(self, verb: Token, sources: list[Span], actors: dict[int, Span]) -> bool:
        """The verb's object is the source's own envoy: "its ambassador", "Somalia's ambassador"."""
        own = {_code(s) for s in sources}
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in OWN_PEOPLE_NOUNS):
            for child in obj.children:
                if child.dep_ == "poss" and _pronoun(child, POSSESSIVES | FIRST_PERSON):
                    return True
                if child.dep_ in ("poss", "amod", "compound") and child.i in actors and _code(actors[child.i]) in own:
                    return True
        return False

    def _domestic_noted(self, source: Span, target: Span | None) -> bool:
        """_domestic, noting the pair whose roles it compares: re-dating must know which pairs the
        coder read roles of (pipeline._roles_unread)."""
        source.doc.user_data.setdefault(ROLES_READ, set()).add(
            ((source.start, source.end), None if target is None else (target.start, target.end)))
        return self._domestic(source, target)

    @staticmethod
    def _complements(verb: Token) -> list[Token]:
        """Subjectless clauses that carry a verb's content: "to deliver", "on delivering"; not a
        participle that adds an act of its own ("signed a deal, reviving Cold War rhetoric")."""
        found = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
                 and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
                 and (c.dep_ == "xcomp" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            found += [c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
        return found

    def _noun_arguments(self, noun: Token, actors: dict[int, Span], code: str = "") -> tuple[list[Span], list[Span]]:
        root = code[:2]
        sources: list[Span] = []
        inside = actors.get(noun.i)  # "Russian air strikes": the actor span holds the trigger
        if inside is not None:
            sources.append(inside)
        opposed: list[Span] = []  # "anti-Tokyo protests": aimed at Tokyo, not by it
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):  # "the Putin-Raisi deal": both
                for tok in child.subtree:
                    if tok.i in actors and _anti(tok):
                        opposed.append(actors[tok.i])
                    elif tok.i in actors and tok.dep_ in ("poss", "compound", "amod", "nmod", "conj") and actors[tok.i] not in sources:
                        sources.append(actors[tok.i])
                if _pronoun(child, POSSESSIVES | FIRST_PERSON) and not sources:  # "during its negotiations with the US"
                    found = self._speaker_of(child) or antecedent(child, actors, child.sent.start)
                    sources += [found] if found is not None else self._cataphor(noun, actors)
            # "the strikes by Israel"; "condemnation from Taiwan": who speaks (a material act "from" a place leaves it)
            # "criticism in France, the UK and Germany": a reaction voiced in a state is that state's
            speaking = SPEAKER_PREPS | ({"in"} if root in ABOUT_ROOTS else set())
            voiced = child.lower_ in speaking and root < "15" and root not in LEFT_FROM_ROOTS and not sources
            if child.dep_ == "prep" and (child.lower_ == "by" or voiced):
                sources += self._actors_of(next((c for c in child.children if c.dep_ == "pobj"), None), actors, noun)
        if not sources and root in ABOUT_ROOTS:
            # "anti-American protests erupted in Baghdad": a reaction that happens in a state is its people's
            sources = [s for o in self._scene(noun) for s in self._actors_of(o, actors, noun)
                       if s._.actor.kind in ("country", "place") and s._.actor.country and s not in opposed][:1]
        if not sources and noun.lemma_.lower() in OWN_PEOPLE_ACTS:
            # "the recall of Israel's ambassador from Spain": the envoy's state acts, on where it serves
            for envoy in self._prep_objects(noun, {"of"}):
                owners = self._actors_of(envoy, actors, noun) if envoy.lemma_.lower() in OWN_PEOPLE_NOUNS else []
                if owners:
                    posts = [s for o in self._prep_objects(envoy, {"to", "from", "in"}) + self._prep_objects(noun, {"from"})
                             for s in self._actors_of(o, actors, noun) if _code(s) != _code(owners[0])]
                    return owners[:1], posts[:1]
        targets: list[Span] = []
        between = self._prep_objects(noun, {"between", "among"})  # "negotiations between Iran and the P5+1"
        if not between and noun.dep_ == "nsubj" and noun.lemma_.lower() in RECIPROCAL_WORDS and noun.head.pos_ == "VERB":
            between = self._prep_objects(noun.head, {"between", "among"})  # "clashes broke out between Eritrea and Djibouti"
        if code == MEDIATE_CODE:  # "who is a mediator between Mali and Ivory Coast": the parties are its targets
            holder = self._role_holder(noun, actors)
            if noun.lemma_.lower() in AGENT_NOUNS and not holder:
                return [], []  # "U.N. mediator Diego Cordovez": a title, no act
            sources = sources or holder
            parties = [x for o in between for x in self._actors_of(o, actors, noun) if x not in sources]
            return sources, parties
        if not sources and between:
            pair = self._actors_of(between[0], actors, noun)
            if noun.lemma_.lower() in RECIPROCAL_WORDS:  # "the war between A and B": each on the other,
                generic = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in noun.children) \
                    and not (noun.dep_ == "nsubj" and noun.head.pos_ == "VERB")  # "clashes broke out between": some did
                return ([], []) if generic else (pair[:2], [])  # but "conflicts between A and B" is no one war
            if len(pair) > 2 and self.vocab.mutual(code):
                return pair, []  # "negotiations among Egypt, Sudan and Ethiopia": between each two of them
            return pair[:1], pair[1:2]
        if not sources and self.vocab.mutual(code):
            # "a phone conversation of Wang Yi and Jaishankar": two sides "of" a two-sided act are its parties
            pair = [x for o in self._prep_objects(noun, {"of"}) for x in self._actors_of(o, actors, noun)]
            if len({_code(x) for x in pair}) > 1:
                return pair, []
        if not sources and (self.vocab.mutual(code) or noun.lemma_.lower() in RECIPROCAL_WORDS):
            sources = self._scene_speaker(noun, actors)
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:  # "expressed support for X and concern over Y"
            first = first.head
        first = _counted(first)  # "announced a series of punitive measures": the measures, announced
        # the light verb that takes the noun ("Russia launched its intervention", not "Iran condemned the
        # attack"), or the adjective it is ready for ("Russia is open to negotiations"): whose act it is
        taker = first.head if first.dep_ in ("dobj", "attr") and first.head.lemma_.lower() in LIGHT_VERBS else _readiness(first)
        if not sources and taker is not None:
            subject, passive = subject_of(taker)
            if not passive:
                sources = self._actors_of(subject, actors, noun)
                if not sources and subject is not None and subject.pos_ == "PRON":  # "said it had lodged a complaint"
                    sources = self._pronoun_actor(subject, actors)
        light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS  # "conducted strikes in Syria"
        for preps in (NOUN_TARGET_PREPS, PLACE_PREPS if _aimed_at_place(code) else set()):
            objects = self._prep_objects(noun, preps) + (self._prep_objects(noun.head, preps) if light else [])
            against = [o for o in self._prep_objects(noun, {"against"}) if self._actors_of(o, actors, noun)]
            objects = against or objects  # "a complaint against the Netherlands with the UN": the UN is where
            for obj in objects:
                targets += [s for s in self._actors_of(obj, actors, noun) if s not in sources and s not in targets]
                if targets and preps is not NOUN_TARGET_PREPS:  # one place, or the places it coordinates
                    targets = list({_code(t): t for t in targets}.values())  # ("violations in Poland and Romania")
                    break
            if targets:
                break
        if not targets:  # "air strikes and artillery attacks targeting the ADF": whom the participle aims at
            targets = [s for n in (noun, *noun.conjuncts) for acl in n.children if acl.dep_ == "acl" and acl.lemma_.lower() in AIMING_VERBS
                       for o in acl.children if o.dep_ == "dobj" for s in self._actors_of(o, actors, noun) if s not in sources]
        if not targets and noun.dep_ == "nsubj" and noun.lemma_.lower() in ECONOMIC_NOUNS:
            # "10 per cent tariffs would come into effect on February 1 on Denmark, Norway ...": the
            # verb's "on" (hung on the date as often) names whom they fall on
            verb = noun.head
            ons = self._prep_objects(verb, {"on"}) + [o for q in verb.children if q.dep_ == "prep" for g in q.children
                                                      if g.dep_ == "pobj" for o in self._prep_objects(g, {"on"})]
            targets = [s for o in ons for s in self._actors_of(o, actors, noun) if s not in sources]
            if targets and not sources and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCING_VERBS:
                # ... and who announces measures with no owner named is who imposes them
                speakers = self._actors_of(subject_of(verb.head)[0], actors, noun)
                sources = [x for x in speakers if x not in targets][:1]
        targets = targets or [s for s in opposed if s not in sources][:1]
        if sources and not targets and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.vocab.lemmas:
            # "Israeli strikes hit Iranian sites": the verb says what the strikes were aimed at
            taken = {_code(x) for x in sources}
            targets = [s for o in self._objects(noun.head, actors, {}, TARGET_PREPS) for s in self._actors_of(o, actors, noun)
                       if _code(s) not in taken][:MAX_TARGETS]
            if not targets and _aimed_at_place(code):  # "Israeli air strikes killed 20 people in Gaza": where
                targets = [s for o in self._objects(noun.head, actors, {}, PLACE_PREPS, direct=False)
                           for s in self._actors_of(o, actors, noun) if _code(s) not in taken][:1]
        # "backed down in the face of Iranian objections": at whom the act aims (but "responded to the
        # Egypt-Somalia deal": two parties to a deal act on each other, not on who responds)
        if sources and not targets and not (len({_code(x) for x in sources}) > 1 and self.vocab.mutual(code)):
            clause = self._governing_verb(noun)
            if clause is not None:
                subject, passive = subject_of(clause)
                taken = {_code(x) for x in sources}
                targets = [] if passive else [s for s in self._actors_of(subject, actors, noun) if _code(s) not in taken][:1]
        return sources, targets[:MAX_TARGETS]

    def _cataphor(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """Whom a possessive with nothing named before it points ahead to: the subject of the clause
        its phrase opens ("During his visit to Beijing, Duterte told ...")."""
        verb = _phrase_verb(noun)
        if verb is None:
            return []  # (not "faced with difficulties during his invasion": the phrase qualifies a noun)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # its own, not a participle's
        return self._actors_of(subject, actors, noun)[:1] if subject is not None and subject.i > noun.i else []

    def _scene(self, noun: Token) -> list[Token]:
        """Where the verb an event noun is the subject of says it happened ("protests erupted in Iraq")."""
        if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
            return []
        return self._prep_objects(noun.head, SCENE_OF_EVENT_PREPS)

    def _role_holder(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """Who plays the part a noun names: "Gnassingbe, who is a mediator", "Kuwait, acting as a
        mediator", "Erdogan has taken on the role of mediator": the subject of the copula, of the verb
        of acting "as", or of the verb whose object is the role "of" it."""
        tok = noun
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ROLE_NOUNS:
            tok = tok.head.head  # "the role of mediator": who takes or plays the role
        verb = tok.head if tok.dep_ in ("attr", "dobj") else tok.head.head if (
            tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in ROLE_VERBS) else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        subject, passive = subject_of(verb)
        return [] if passive or subject is None else self._actors_of(subject, actors, noun)[:1]

    def _scene_speaker(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """Who takes part in a two-sided act held "with" someone that sets the scene of what they do
        or say: "at a joint press conference with Rau, Baerbock said", "during a call with Merkel,
        Erdogan urged" - the subject of the clause the phrase hangs on, or of the clause a subjectless
        participle does ("Speaking at a joint press conference with ..., Baerbock said"); for a fight,
        also whom the clause befell ("troops were killed in clashes with Eritrea")."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in SCENE_PREPS or noun.head.head.pos_ not in ("VERB", "AUX") \
                or not any(self._actors_of(o, actors, noun) for o in self._prep_objects(noun, {"with"})):
            return []  # a summit one speaks at, a call "with reporters": no one it is held with
        subject, passive = subject_of(noun.head.head)  # (through a participle to its clause: "Speaking at ...")
        # a fight's side is also whom it befell: "Djiboutian troops were killed in clashes with Eritrea"
        befell = passive and noun.lemma_.lower() in RECIPROCAL_WORDS
        return [] if (passive and not befell) or subject is None else self._actors_of(subject, actors, noun)[:1]

    @staticmethod
    def _phrase_object(noun: Token) -> Token:
        """The first of an event noun's conjuncts: the one a preposition governs."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        return noun

    @staticmethod
    def _sequel(noun: Token) -> bool:
        """An event noun after "after" or "following": an act the main one came after, coded."""
        tok = ArgumentReader._phrase_object(noun)
        return tok.dep_ == "pobj" and tok.head.lower_ in SEQUEL_PREPS

    def _background(self, noun: Token) -> bool:
        """An event noun that sets the scene of another act: after a background preposition ("amid
        the invasion"), or the object of another event noun ("support for the invasion"); not an act
        that came before the main one ("after Germany's expulsion of two Russians": _sequel); nor a
        claim that a denial answers ("rejected Trudeau's allegations": the rejection is the act)."""
        if noun.lemma_.lower() in CLAIM_NOUNS and noun.dep_ in ("dobj", "nsubjpass") \
                and noun.head.lemma_.lower() in DENIAL_VERBS | REFUSING_VERBS:
            return True
        tok = self._phrase_object(noun)
        if tok.dep_ != "pobj" or tok.head.lower_ in SEQUEL_PREPS:  # (_sequel)
            return False
        prep = tok.head
        if prep.lower_ in BACKGROUND_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in MEMORIAL_NOUNS):
            return True  # "amid the invasion"; "the anniversary of Germany's invasion of Poland"
        if prep.lower_ in OCCASION_PREPS and tok.lemma_.lower() in OCCASION_NOUNS:
            return True  # "at Kazakhstan's request"
        if prep.lower_ in ABOUT_PREPS and self._agreement(tok):
            return True  # "summons Russian envoy over Pyongyang deal", "march against the port deal": a deal told of
        return prep.head.pos_ == "NOUN" and (prep.head.lemma_.lower(), "NOUN") in self.vocab.patterns

    def _agreement(self, noun: Token) -> bool:
        """The noun names an agreement (its pattern's code is the codebook's agreement)."""
        return any(p.code == AGREEMENT_CODE for p in self.vocab.candidates(noun.lemma_.lower(), "NOUN"))

    @staticmethod
    def _governing_verb(noun: Token) -> Token | None:
        """The verb whose adverbial phrase holds an event noun, through "of" chains."""
        tok = noun
        for _ in range(4):
            if tok.dep_ == "prep" and tok.lower_ in BACKGROUND_PREPS:
                return None  # "mended ties until the start of the war": the war sets the time, no one aims it
            if tok.dep_ == "pobj" or (tok.dep_ == "prep" and tok.head.pos_ not in ("VERB", "AUX")):
                tok = tok.head
                continue
            if tok.dep_ == "prep":
                return tok.head
            break
        return None

    def _yields(self, token: Token, pattern: Pattern, triggers: dict[int, Pattern], actors: dict[int, Span]) -> bool:
        """A verb and its object noun that are both triggers make one event: the noun's when the verb
        is light ("expressed support", "launched an intervention"), the verb's otherwise
        ("provided support" is aid)."""
        head = token.head
        if token.dep_ == "xcomp" and head.i in triggers and (self.vocab.codes[triggers[head.i].code].root in GOVERNING_ROOTS
                                                            or triggers[head.i].complement):
            return True  # "threatened to break relations with Russia", "refused to meet the king", "declined to comment": one act
        if (token.dep_ == "dobj" and head.dep_ == "xcomp" and head.head.i in triggers
                and self.vocab.codes[triggers[head.head.i].code].root in GOVERNING_ROOTS):
            return True  # "threatened to launch a new offensive": the offensive is the threat's
        promised = token.head if token.dep_ == "conj" and token.head.dep_ == "xcomp" else token
        if token.dep_ in ("xcomp", "conj") and promised.dep_ == "xcomp" and promised.head.i in triggers \
                and promised.head.lemma_.lower() in INTENT_VERBS and self._refrained(promised):
            return True  # "agreed not to use force against each other": the promise, not a use of force
        if pattern.pos == "VERB":
            lemma = token.lemma_.lower()
            if lemma in DENIAL_VERBS:
                return False  # "denied supporting the rebels": the denial is the act, the support negated
            if self.vocab.codes[pattern.code].root == "01" and not pattern.complement and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                return True  # "hopes to reduce its dependence": a wish about an act, not a comment
            if lemma in INTENT_VERBS and any(c.dep_ == "xcomp" and c.i in triggers and not self._refrained(c) for c in token.children):
                return True  # "plans to visit": the visit, coded as an intent, says it all
            if lemma in HELPING_VERBS and any(c.dep_ in ("xcomp", "ccomp") and c.i in triggers for c in token.children):
                return True  # "helped broker a ceasefire": the brokering
            if any(c.dep_ == "prep" and c.lower_ == "by" and any(
                    g.dep_ == "pcomp" and g.i in triggers and self.vocab.codes[triggers[g.i].code].root != "01" for g in c.children)
                   for c in token.children):
                # "retaliated by expelling 20 German diplomats": the act is the means it names (a statement
                # is no means: "by asserting itself, Russia demonstrates ...")
                return True
            if self.vocab.codes[pattern.code].root == "01" and self._obligation(token) is None and any(
                    c.dep_ == "ccomp" and c.i in triggers and not self._yields(c, triggers[c.i], triggers, actors)
                    and not self._others_act(token, c, actors, triggers)
                    and (triggers[c.i].pos != "VERB" or self._verb_arguments(c, actors, triggers)[0]) for c in token.children):
                # "Washington says it will impose sanctions": the statement is the threat it makes; not
                # "said the departure was worrying", where no one does what the clause says
                return True
            if lemma in VOWING_VERBS and any(
                    c.dep_ == "ccomp" and c.i in triggers and self.vocab.codes[triggers[c.i].code].quad.endswith("conflict")
                    for c in token.children):
                return True  # "vowed that Israel will be punished": a threat, no intent to cooperate
            if not pattern.ends and not pattern.inverse and any(c.dep_ == "nsubj" and (p := triggers.get(c.i)) is not None and p.pos == "NOUN"
                                        and c.lemma_.lower() not in SPEECH_NOUNS for c in token.children):
                return True  # "the EU's sanctions target its fleet": the sanctions are the act
            if lemma not in LIGHT_VERBS:
                return False
            return any(c.dep_ in ("dobj", "attr") and c.i in triggers for c in token.children)
        head = token.head
        if token.dep_ == "dobj" and head.i in triggers and triggers[head.i].inverse and self._verb_arguments(head, actors, triggers)[0]:
            return True  # "India's move drew protests from Pakistan": the protests are the verb's act, by Pakistan
        if self._reaction_object(token, triggers):
            return False  # "condemned the airstrikes": the airstrikes are an act of their own
        return (token.dep_ in ("dobj", "attr") and head.i in triggers and head.lemma_.lower() not in LIGHT_VERBS
                and bool(self._verb_arguments(head, actors, triggers)[0]))  # the verb's event has someone acting

    @staticmethod
    def _voiced(token: Token) -> list[Token]:
        """A comment word and its direct objects, on either of which the parser hangs what the comment
        is about ("voiced concern over ...", "concern over ...")."""
        return [token, *(c for c in token.children if c.dep_ == "dobj")]

    @staticmethod
    def _about_an_act(token: Token, targets: list[Span], triggers: dict[int, Pattern], found_by: str) -> bool:
        """A comment aimed at what someone did: its target is the doer of the act it is about ("voiced
        concern over the Peruvian buildup", "concern over Russia's ratification"), not a place or a
        situation ("concern about the situation in Bolivia"); so are the parties to a pact it is about
        and whoever did an act it is about, once found (`found_by`)."""
        if found_by in ("reaction_target", "pact_parties", "about_act"):
            return True
        about = [o for c in ArgumentReader._voiced(token)
                 for p in c.children if (p.dep_ == "prep" and p.lower_ in DISAPPROVING_PREPS) or (
                     p.dep_ == "agent" and token.lemma_.lower() in FEELING_VERBS)  # "alarmed by China's tests"
                 for o in p.children if o.dep_ == "pobj" and (o.i in triggers or o.lemma_.lower() in ACT_NOUNS)]
        return any(a.left_edge.i <= t.start and t.end <= a.i + 1 for a in about for t in targets)

    def _pact_parties(self, token: Token, actors: dict[int, Span], triggers: dict[int, Pattern],
                      sources: list[Span]) -> list[Span]:
        """The parties to a pact or a relation that a comment or a rejection is about: "concerned by
        a security pact between China and the Solomon Islands", "rejected Ethiopia's port deal with
        Somaliland" are aimed at each of them; none unless two are named besides the speaker."""
        heads = self._voiced(token)
        nouns = [c for c in heads[1:] if c.i in triggers and self.vocab.codes[triggers[c.i].code].mutual]
        nouns += [o for h in heads for p in h.children if p.dep_ in ("prep", "agent")
                  and p.lower_ in DISAPPROVING_PREPS | PACT_COMMENT_PREPS for o in p.children if o.dep_ == "pobj"]
        own = {_code(s) for s in sources}
        for noun in nouns:
            pact, owner = triggers.get(noun.i), [c for c in noun.children if c.dep_ == "poss"]
            named = self._between(noun, actors)
            if not named and owner:  # one owner's pact is with whom "with" names
                named = [s for o in owner + self._prep_objects(noun, {"with"}) for s in self._actors_of(o, actors, token)]
            elif not named and pact is not None and self.vocab.codes[pact.code].mutual:  # "the Solomon Islands-China pact"
                named = sum(self._noun_arguments(noun, actors, pact.code), [])
            parties = list({_code(s): s for s in named if _code(s) not in own}.values())
            if len(parties) > 1:
                return parties
        return []

    def _reaction_object(self, noun: Token, triggers: dict[int, Pattern]) -> bool:
        """The act a reaction is aimed at, named as its object: "condemned the airstrikes", "confirmed
        the operation", "welcomed the ceasefire" tell of two acts, the reaction and what it reacts to."""
        head = triggers.get(noun.head.i)
        return (noun.dep_ == "dobj" and head is not None and head.pos == "VERB"
                and head.code.startswith(tuple(REACTED_OBJECT_CODES)) and noun.head.lemma_.lower() not in DENIAL_VERBS
                and self.vocab.codes[triggers[noun.i].code].root != self.vocab.codes[head.code].root)
