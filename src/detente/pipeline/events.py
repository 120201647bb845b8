"""`detente_events`: who did what to whom, when, coded to CAMEO and PLOVER, with modality.

Runs after `detente_actors`. For each trigger (a verb or an event noun listed in
event_patterns.yaml) it reads the source and target from the dependency parse (subjects, objects,
passive agents, possessors, coordination: pipeline/event_arguments.py; the context and the story's
sides: pipeline/event_context.py) and keeps the evidence: the trigger's span in its sentence. This
module chooses the pattern, reads modality (asserted, reported, hypothetical, negated) and the date
from the trigger's clause, and weighs each act's cues. Result: `doc._.events`, a list of Event.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..knowledge.confidence import load_confidence
from ..knowledge.kb import load_kb
from ..knowledge.events import NO_ACT, EventVocabulary, Pattern, load_vocabulary
from .dates import WhenDate, needs_anchor, period_date, period_names, read_date
from .event_arguments import (MAX_SOURCES, ArgumentReader, _at_home, _body, _counted, _official, _phrase_verb, _pronoun,
                              _readiness, _under)
from .event_context import PARTIES, _anti, _code
from .event_dates import sentence_dates, sentence_states
from .event_cues import (
    INCEPTION_VERBS, REVERSING_PREFIXES, SPECULATIVE_MODALS, FUTURE_MODALS, INTENT_VERBS, UNREAL_VERBS, UNREAL_MODIFIERS, DENIAL_VERBS,
    REPORT_VERBS, REPORT_ADVERBS, NEGATORS, INTENT_CODES, PLACE_PREPS,
    PLACE_NOUNS, BACKGROUND_PREPS, CONTENT_NOUNS, PREVENTION_VERBS, OPINION_HOLDERS, TREATY_NOUNS, HABITUAL_ADVERBS,
    PERIOD_PREPS, PERIOD_FRAMES, LIGHT_VERBS, NON_STATE_SPEAKERS, ECONOMIC_NOUNS, ECONOMIC_CODE,
    VIOLENT_ROOTS, CIVIL_OPERATION_MODIFIERS, FRESH_MODIFIERS, RECIPROCAL_WORDS, DISPLAY_NOUNS, JOINT_MODIFIERS, WEAPON_NOUNS,
    INTERCEPTION_VERBS, LAUNCHED_NOUNS, LAUNCH_CODE, DISPLAY_CODE, SPEAKER_PREPS, REACTION_ROOTS,
    SELF_REPORT_VERBS, ACT_NOUNS, MATERIAL_AGREEMENTS, COOPERATION_NOUNS, AGREEMENT_CODE, ACCUSING_VERBS,
    DISAPPROVING,
    CONTEXT_TARGET_ROOTS, JOINT_ROOTS, JOINT_SPEECH_VERBS, JOINT_SPEECH_CODE, PAIRED_ROOTS, TIE_NOUNS,
    JOINT_EXCLUDED, JOINT_EXCLUDED_LEMMAS, PEOPLE_NOUNS, SPEECH_NOUNS, ASKING_ROOTS, ASKING_NOUNS,
    AIMING_VERBS, ABOUT_PREPS, ABOUT_ROOTS, THREAT_CODE, OBLIGATION_MODALS, DEMAND_CODE,
    OBLIGATION_KNOWING_VERBS, CRITICISM_CODE, CLAIMING_VERBS, DECISION_VERBS, ANNOUNCED_CODES, ONGOING_VERBS,
    CONDEMNING_WORDS, LABELLING_WORDS, HARMING_WORDS, PRAISING_WORDS, PRAISE_CODE, CONDEMNED_PREPS, WARNING_VERBS,
    NAMING_VERBS, NAMING_CODE, DEADLINE_NOUNS, LITOTES_VERBS,
    SUMMONING_VERBS, OBLIGATION_VERBS,
    FOUGHT_BETWEEN_WORDS, DOMESTIC_CODES, PHRASE_SUBJECT_ROOTS, PHRASE_TARGET_PREPS, OWN_PLACE_EXCLUDED_ROOTS, SPEAKER_PRONOUNS,
    PROMISING_ADJECTIVES, PERMISSION_VERBS, ASSURED_ROOTS, ASSURANCE_CODE, CONDEMNING_EXEMPT_VERBS,
    CLAIM_NOUNS, REJECTION_CODE, DECIDED_ROOTS, DEPLOYMENT_AID_CODES, DEPLOYMENT_CODE, FORCE_NOUNS,
    PROTEST_CODES, OFFICIAL_PROTEST_CODE, OWN_PEOPLE_VERBS, OWN_PEOPLE_NOUNS, SPEAKER_AGENT_ROOTS,
    SPEAKER_AGENT_VERBS, STOPPING_VERBS, STOPPED_CODES, SUBJECT_DEPS, CITIZEN_NOUNS, CITIZEN_APPEAL_ROOTS,
    CITIZEN_APPEAL_CODE, CROWD_NOUNS, CROWD_FORCE_ROOTS, RIOT_CODE, BACKGROUND_DAYS, FIRST_PERSON,
    MEDIATE_CODE, EXPEL_CODE, WITHDRAWAL_CODE, FRAME_NOUNS, THREATENING_WORDS, MEASURE_NOUNS, PRICE_NOUNS, HOPING_VERBS,
    APPEAL_CODE,
    SCHEDULED_ROOTS, GROUND_PREPS, ALTERNATIVE_VERBS, ULTIMATUM_CODE, REFUSING_VERBS, DOCUMENT_TARGET_ROOTS, DOCUMENT_TARGET_EXCLUDED, DOMESTIC_ROOTS, PRICED_AGREEMENT_CODE,
    BOTH_WAYS_CODES, GROUP_OBJECTS, POSSESSIVES, NEGATED_UNCOUNTED_ROOTS, CIVILIAN_MODIFIERS, INTERNAL_MODIFIERS,
    RECALL_CODE, UNATTRIBUTED_AGENTS,
)
from .headlines import headline_acts
from .syntax import FINITE_TAGS, UNKNOWN_PEOPLE, infinitive, subject_of

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)



# the trigger's place in its sentence, in a few groups (cue clause:<group>)
CLAUSE_ROLES = {"ROOT": "main", "conj": "main", "ccomp": "said", "xcomp": "meant", "advcl": "adverbial",
                "relcl": "relative", "acl": "relative", "pobj": "phrase", "dobj": "object", "nsubj": "subject",
                "nsubjpass": "subject", "compound": "modifier", "amod": "modifier", "poss": "modifier"}
OWN_ACT_VERBS = {"announce", "confirm", "defend", "justify", "explain", "implement", "formalize", "formalise"}
OWN_ACT_DETERMINERS = {"the", "its", "their", "this", "these", "his", "her"}
OWN_ACT_REACH = 5  # sentences back in which "the decision" a state announces finds its act
PERSON_OBJECT = "<person>"  # a pattern's object that is a named person ("received Erdogan")
PLACE_OBJECT = "<place>"  # ... and a state or a place named ("hit Kyiv")
BLOC_OBJECT = "bloc"  # ... and an international body by its name ("quit ECOWAS"): as "the bloc"
NATIONAL_OBJECT = "national"  # ... and a state's people by their demonym ("freed six Americans"): its nationals
COPULAS = {"be", "look", "seem", "become"}  # what a quoted sentence says something is ("Such actions are unacceptable")
PRESS_ROLE = "MED"  # the press: what it reports is reporting, not an act
GENERIC_SUBJECTS = {"some", "others", "many", "few", "you", "anyone", "everyone", "nobody", "somebody", "someone"}


def _reversed(word: Token) -> bool:
    """A word a split-off prefix turns into its opposite: "calls for de-escalation" is no escalation."""
    return word.i >= 2 and word.nbor(-1).text == "-" and word.nbor(-2).lower_ in REVERSING_PREFIXES


@dataclass(frozen=True)
class Event:
    trigger: Span
    pattern: Pattern
    source: Span | None
    target: Span | None
    modality: str
    when: WhenDate | None
    date_basis: str
    confidence: float
    cues: frozenset[str] = frozenset()  # how it was read: what its confidence weighs

    @property
    def source_code(self) -> str | None:
        return _code(self.source)

    @property
    def target_code(self) -> str | None:
        return _code(self.target)


# what will come ("will prompt a response", "said it would process the request"; not "may", speculation)
WILL_MODALS = FUTURE_MODALS | {"would", "wo", "shall"}


def _any(word: Token) -> bool:
    """A word said of whatever may come, not of an act done: "any aggression", "every provocation"."""
    noun = word.head if word.dep_ == "amod" else word
    return any(c.dep_ == "det" and c.lower_ in ("any", "every", "whatever") for c in noun.children)


ANOTHERS_CLAUSE = "to-clause of another"  # the complement of a pattern for "expects Russia to explain"
DEADLINE_CLAUSE = "deadline to act"  # ... and for "gave Doha 10 days to comply": an ultimatum


def _threatens(word: Token) -> bool:
    """A word by which what will come threatens: "will not go unanswered", "will pay a heavy price",
    "measures will be taken against Beirut"."""
    return word.lemma_.lower() in THREATENING_WORDS or _measure_against(word) or (
        word.lemma_.lower() in PRICE_NOUNS and word.dep_ == "dobj" and word.head.lemma_.lower() == "pay")


def _measure_against(word: Token) -> bool:
    """A measure taken "against" someone: "further measures will be taken against Beirut"."""
    if word.lemma_.lower() not in MEASURE_NOUNS or word.dep_ not in ("dobj", "nsubjpass"):
        return False  # (not "cut due to unfriendly actions against Moldova": what was done)
    return any(c.dep_ == "prep" and c.lower_ == "against" for h in (word, word.head) for c in h.children)


def _particle_as_quantity(verb: Token, particle: str) -> bool:
    """The verb's particle read as "more than" a number right after it: "handed over 90 prisoners"
    (the parser hangs "over" on 90, "over 90" being "more than 90")."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ == particle and nxt.dep_ == "quantmod" and nxt.head.like_num


def _harms_ties(word: Token) -> bool:
    """A word of harm whose object is the ties between states: "damaging our relations", "does
    damage to Australia's relationship"."""
    if word.lemma_.lower() not in HARMING_WORDS:
        return False
    objects = [c for c in word.children if c.dep_ == "dobj"]
    objects += [o for p in word.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in TIE_NOUNS for o in objects)


class EventCoder(ArgumentReader):
    def __init__(self, nlp: Language, vocabulary: EventVocabulary | None = None):
        self.vocab = vocabulary or load_vocabulary()
        self.kb = load_kb()
        self.confidence = load_confidence()
        self._quoted: dict[int, Span] = {}  # token -> speaker of the quotation it is in (per document)
        self._stands_as: dict[int, frozenset[str]] = {}  # actor token -> the pattern words it stands as (per document)
        # named periods and treaties, found in the text whether or not the NER marks them
        self.periods = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.periods.add("PERIOD", list(nlp.tokenizer.pipe(period_names())))

    # -- pattern choice ---------------------------------------------------------------------------

    def _match(self, token: Token) -> Pattern | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return None
        heads = everything = direct = of_direct = None
        by_modifier = None  # the first pattern whose object only a modifier names
        for pattern in self.vocab.candidates(token.lemma_.lower(), pos):
            if pattern.particle and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == pattern.particle
                                            for c in token.children) and not _particle_as_quantity(token, pattern.particle):
                continue
            # the preposition on the verb or, as the parser often hangs it, on its object ("deployed a
            # jet against Cambodia's forces")
            if pattern.prep and not any(c.dep_ in ("prep", "agent") and c.lower_ == pattern.prep
                                        and not all(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ in ("pobj", "pcomp"))
                                        for c in self._with_object(token)):
                continue  # "called on Tehran", "retaliated by expelling", not "called Erdogan on Monday"
            if pattern.complement and pattern.complement not in self._complement_deps(token):
                continue
            if pattern.complement and pattern.code.startswith("16") and (forces := [
                    c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in FORCE_NOUNS]):
                if not any(m.dep_ in ("amod", "compound", "poss") and m.ent_type_ in ("NORP", "GPE")
                           for f in forces for m in f.children):
                    continue  # "ordered troops to leave the border area": a withdrawal, no expulsion
                return replace(pattern, code=EXPEL_CODE)  # "ordered French troops to leave": foreign forces expelled
            if pattern.subjects and not self._crewed_by(token, pattern.subjects):
                continue
            if pattern.objects:
                if heads is None:
                    heads = self._object_lemmas(token, False, self._stands_as)
                    everything = self._object_lemmas(token, stands_as=self._stands_as)
                    direct = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
                    of_direct = self._of_direct(token)
                if not heads & pattern.objects:
                    # "withdraw weapons inspectors": the inspectors decide, not the weapons
                    by_modifier = by_modifier or (pattern if everything & pattern.objects else None)
                    continue
                if direct and not direct & pattern.objects and not pattern.objects & of_direct and (named := next(
                        (p for p in self.vocab.candidates(token.lemma_.lower(), pos)
                         if p.objects and direct & p.objects and not (p.particle or p.prep or p.complement or p.subjects)), None)):
                    pattern = named  # "opened fire on a base": the direct object says the act, not the place
            elif by_modifier is not None:
                pattern = by_modifier
            return None if pattern.code == NO_ACT else pattern
        return None if by_modifier is None or by_modifier.code == NO_ACT else by_modifier

    @staticmethod
    def _of_direct(token: Token) -> set[str]:
        """What the direct object is "of": "signed a memorandum of understanding" signs an understanding."""
        return {o.lemma_.lower() for c in token.children if c.dep_ == "dobj" for p in c.children
                if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"}

    @staticmethod
    def _crewed_by(verb: Token, subjects: frozenset[str]) -> bool:
        """The verb's subject is one of these and no civilian craft ("warships sailed", "a Chinese
        vessel sails", not "a cargo ship sailed")."""
        subject, passive = subject_of(verb)
        return (subject is not None and not passive and subject.lemma_.lower() in subjects
                and not any(c.lemma_.lower() in CIVILIAN_MODIFIERS for c in subject.children if c.dep_ in ("amod", "compound")))

    @staticmethod
    def _complement_deps(token: Token) -> set[str]:
        """The dependencies of a verb's complements; an object with an indefinite apposition is an
        object and its predicate, as the parser often reads it ("called Judge Moraes a dictator")."""
        found = {c.dep_ for c in token.children}
        # a "to"-clause by its verb: "gave the diplomats 72 hours to leave" governs "to leave"
        found |= {f"to {c.lemma_.lower()}" for c in token.children if c.dep_ in ("advcl", "xcomp", "ccomp", "acl")
                  and infinitive(c)}
        # ... or by its direct object, as the parser often hangs it ("was given 24 hours to leave")
        found |= {f"to {c.lemma_.lower()}" for o in token.children if o.dep_ in ("dobj", "npadvmod") for c in o.children
                  if c.dep_ in ("relcl", "acl") and infinitive(c)}
        # a "to"-clause with a subject of its own: what another is to do ("expects Russia to explain")
        if any(c.dep_ == "ccomp" and infinitive(c) and any(a.dep_ == "nsubj" for a in c.children) for c in token.children):
            found.add(ANOTHERS_CLAUSE)
        # a span of time to act in: "gave Doha 10 days to comply with the demands"
        if any(o.dep_ in ("dobj", "dative", "npadvmod") and o.lemma_.lower() in DEADLINE_NOUNS for o in token.children) and (
                any(f.startswith("to ") for f in found)):
            found.add(DEADLINE_CLAUSE)
        if any(a.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
               for c in token.children if c.dep_ == "dobj" for a in c.children):
            found.add("oprd")
        if sum(c.dep_ == "dobj" for c in token.children) > 1:
            found.add("oprd")  # "called Lula a friend", parsed as two objects: the second is what he is called
        # an adjective after the object is its predicate: "called Kiribati's decision 'deeply regrettable'"
        if any(a.dep_ == "amod" and a.i > c.i for c in token.children if c.dep_ == "dobj" for a in c.children):
            found.add("oprd")
        return found

    @staticmethod
    def _stands_for(span: Span, token: Token) -> frozenset[str]:
        """The pattern words an actor's token stands as, as a trigger's object: a named person, a state's
        people by their demonym as a noun ("six Americans", "every American"), an international body,
        a state or a place."""
        ref = span._.actor
        words = {PERSON_OBJECT} if ref.kind == "person" else set()
        if ref.how == "demonym" and token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("amod", "compound"):
            words.add(NATIONAL_OBJECT)
        if ref.kind == "organization" and ref.detail == "igo":
            words.add(BLOC_OBJECT)
        if ref.kind in ("country", "place"):
            words.add(PLACE_OBJECT)
        return frozenset(words)

    @staticmethod
    def _with_object(token: Token) -> list[Token]:
        """A verb's children and its direct object's, with a list's ("hits Serbia, Bosnia with 100
        percent customs fees": the parser hangs "with" on the last of the objects)."""
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [a for o in objects for a in o.children if a.dep_ in ("appos", "conj")]
        return [c for t in (token, *objects) for c in t.children]

    @staticmethod
    def _object_lemmas(token: Token, modifiers: bool = True, stands_as: dict[int, frozenset[str]] | None = None) -> set[str]:
        """The lemmas of what a trigger acts on: its objects' heads, and (`modifiers`) their modifiers;
        an object an actor names also stands as what `stands_as` gives its token (a named person as
        PERSON_OBJECT, a state's people by their demonym as NATIONAL_OBJECT, an international body as
        BLOC_OBJECT, a state or a place as PLACE_OBJECT; a prepositional object only as the first two,
        a counted one only as nationals)."""
        stands_as = stands_as or {}
        lemmas = set()
        if (token.dep_ == "acl" and token.tag_ == "VBN") or (token.dep_ == "relcl" and (any(
                c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("that", "which") for c in token.children) or (
                not any(c.dep_ == "dobj" for c in token.children) and any(
                    c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in token.children)))):
            # "any tariff imposed by the US", "the sanctions that it imposed", "a deal Brussels struck with Tunis"
            lemmas.add(token.head.lemma_.lower())
        for child in token.children:
            if child.dep_ == "dobj" and child.lower_ in ("it", "them") and token.dep_ == "conj":
                # "closed their border ... and reopened it": the object of the verb it is coordinated with
                child = next((c for c in token.head.children if c.dep_ == "dobj"), child)
            if child.dep_ in ("dobj", "attr", "nsubjpass", "pobj", "dative", "oprd"):
                if _reversed(child):
                    continue
                if child.lemma_.lower() == "operation" and any(
                        c.dep_ in ("compound", "amod") and c.lemma_.lower() in CIVIL_OPERATION_MODIFIERS for c in child.children):
                    continue  # "conduct fishing operations": no military operation
                lemmas.add(child.lemma_.lower())
                # "received Turkey's Erdogan", "freed six Americans", "quit ECOWAS", "missiles hit Kyiv"
                lemmas.update(stands_as.get(child.i, ()))
                lemmas.update(c.lemma_.lower() for c in child.conjuncts)
                # "a short-term deal" misparsed with "deal" as a compound of the object
                if modifiers:  # nmod: a title before a name ("Chargé d'Affaires ... Lenar Salimullin")
                    lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ in ("compound", "amod", "nmod"))
                # "most of the armed forces", "hundreds of drones": the thing counted is the object;
                # "declared the advisers as persona non grata": what the object is declared
                for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "as")):
                    lemmas.update(c.lemma_.lower() for c in of.children if c.dep_ == "pobj")
                    lemmas.update(w for c in of.children if c.dep_ == "pobj" for w in stands_as.get(c.i, ()) if w == NATIONAL_OBJECT)
                if modifiers and child.dep_ in ("dobj", "dative"):  # "designated the Houthis a terrorist organisation"
                    lemmas.update(m.lemma_.lower() for a in child.children if a.dep_ == "appos"
                                  and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
                                  for m in (a, *a.children) if m is a or m.dep_ in ("amod", "compound"))
                if child.dep_ == "dobj":  # "hits Serbia, Bosnia with customs fees": "with" hung on the object's list
                    lemmas.update(o.lemma_.lower() for x in (child, *child.children) if x is child or x.dep_ in ("appos", "conj")
                                  for w in x.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children if o.dep_ == "pobj")
            if child.dep_ == "prep":
                lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj" and not _reversed(c))
                # "walked out of the talks": the object of a two-word preposition
                lemmas.update(o.lemma_.lower() for p in child.children if p.dep_ == "prep" and child.lower_ == "out"
                              for o in p.children if o.dep_ == "pobj")
                if modifiers and child.lower_ == "as":  # "designated six NGOs as terrorist organisations"
                    lemmas.update(m.lemma_.lower() for o in child.children if o.dep_ == "pobj"
                                  for m in o.children if m.dep_ in ("amod", "compound"))
                lemmas.update(w for c in child.children if c.dep_ == "pobj" for w in stands_as.get(c.i, ())
                              if w in (NATIONAL_OBJECT, PERSON_OBJECT))  # "spoke to Trump"
            if child.dep_ == "advmod" and child.lower_ in ("away", "out"):  # "walked away from negotiations"
                lemmas.update(o.lemma_.lower() for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")
            if child.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children) or (
                    child.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in token.children))):
                # "declared the advisers as persona non grata"; "held Netanyahu personally responsible", as parsed
                lemmas.add(child.lemma_.lower())
            if child.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in child.children):
                # a clause with no verb of its own, as the parser reads "declared [the ambassador persona non grata]"
                lemmas.add(child.lemma_.lower())
            if modifiers and token.pos_ in ("NOUN", "PROPN") and child.dep_ in ("compound", "amod", "nmod"):
                lemmas.add(child.lemma_.lower())  # "grain deal", "arms deal", "air strike"
        return lemmas

    def _teller(self, verb: Token, actors: dict[int, Span], targets: list[Span]) -> list[Span]:
        """The state that tells of a passive act as done ("... were expelled, the ministry said"; "Poland
        said the ambassador was summoned"): the subject of the telling verb whose complement the act's
        clause is, when it is a state other than the one the act befell."""
        clause = verb.head if verb.dep_ == "conj" else verb  # "were apprehended and expelled"
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEAKER_AGENT_VERBS:
            return []
        befell = {t._.actor.country for t in targets}
        return [s for s in self._actors_of(subject_of(clause.head)[0], actors, verb)
                if s._.actor.country and s._.actor.country not in befell][:1]

    def _act_pronoun(self, subject: Token | None, pattern: Pattern, sentence_events: list[Event]) -> Event | None:
        """The act a pronoun subject of a violent verb stands for ("denounced the Pakistani strikes, saying
        they killed several women"): the nearest earlier noun of its number in the sentence, when that noun
        is a violent act already coded, not an actor."""
        if subject is None or subject.lower_ not in ("they", "it") or self.vocab.codes[pattern.code].root not in VIOLENT_ROOTS:
            return None
        plural = subject.lower_ == "they"
        for tok in reversed(subject.sent[: subject.i - subject.sent.start]):
            if tok.pos_ in ("NOUN", "PROPN") and (tok.tag_ in ("NNS", "NNPS")) == plural and tok.ent_type_ not in ("DATE", "TIME"):
                return next((e for e in sentence_events if e.trigger.start == tok.i and e.source is not None
                             and self.vocab.codes[e.pattern.code].root in VIOLENT_ROOTS), None)
        return None

    @staticmethod
    def _refrained(verb: Token) -> bool:
        """An act an intent verb's complement says will not be done: "agreed not to use force",
        "pledged to 'not threaten or use force'"."""
        return any(c.dep_ == "neg" for c in verb.children) or (verb.i > verb.sent.start and verb.nbor(-1).lower_ == "not")

    @staticmethod
    def _exchanged(token: Token) -> Token | None:
        """The noun "exchange" (or "trade", "swap") whose "of"-phrase the trigger is: "an exchange of
        threats" is each party's threat to the other."""
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in RECIPROCAL_WORDS \
                and token.head.head.pos_ == "NOUN":
            return token.head.head
        return None

    @staticmethod
    def _stopped(token: Token) -> bool:
        """An act a verb of stopping governs as its gerund ("stopped supplying gas", "ceased bombing"),
        or one done "no longer" now ("are no longer transferring weapons to Ukraine"; "will no longer
        attend", a decision, is read by what is given up)."""
        if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children) for c in token.children) \
                and not any(c.dep_ == "aux" and c.lower_ in WILL_MODALS for c in token.children):
            return True
        return token.dep_ == "xcomp" and token.tag_ == "VBG" and token.head.lemma_.lower() in STOPPING_VERBS

    def _deployed(self, token: Token, pattern: Pattern, actors: dict[int, Span]) -> bool:
        """Forces sent where no state or body receives them ("sent 50 more police officers to reinforce
        the border", "sent troops to Ladakh", "to its border with Ukraine"): a deployment, not aid."""
        if pattern.code not in DEPLOYMENT_AID_CODES or pattern.pos != "VERB":
            return False
        forces = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in FORCE_NOUNS]
        if not forces:
            return False
        places = self._prep_objects(token, {"to", "into"}) + self._prep_objects(forces[0], {"to", "into"})
        return not any(t.i in actors and actors[t.i]._.actor.kind != "place" for p in places for t in (p, *p.conjuncts))

    def _display(self, token: Token, pattern: Pattern, sources: list[Span], targets: list[Span]) -> bool:
        """A show of force rather than an act on someone: an exercise one side holds alone, or a
        weapons launch that hits no one named."""
        lemma = token.lemma_.lower()
        if pattern.pos == "NOUN" and lemma in DISPLAY_NOUNS:
            joint = (len({_code(s) for s in sources}) > 1 or any(c.lemma_.lower() in JOINT_MODIFIERS for c in token.children)
                     or any(c.dep_ == "prep" and c.lower_ == "with" and c.nbor(-1).lemma_.lower() not in PLACE_NOUNS
                            for c in (token, token.head) for c in c.children))  # not "along its border with Azerbaijan"
            return not joint
        if targets or self.vocab.codes[pattern.code].root not in VIOLENT_ROOTS:
            return False
        if any(o.ent_type_ not in ("DATE", "TIME") for o in self._prep_objects(token, {"at", "on", "against", "toward", "towards"})):
            return False  # "fired missiles at targets in Syria": aimed at someone, though unnamed here
        weapons = {lemma} | {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass", "compound")}
        return bool(weapons & WEAPON_NOUNS) and self._intercepted(token) is None

    @staticmethod
    def _intercepted(verb: Token) -> Token | None:
        """What an interception brings down ("shot down six Kalibr missiles", "destroyed 17 Ukrainian
        drones", "intercepted the Iranian missiles"): the launched weapon it names, or None."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in INTERCEPTION_VERBS or (
                lemma == "shoot" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children)):
            return None
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            counted = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            for noun in (obj, *counted, *obj.conjuncts):  # "59 of 102 Russian drones", "missiles and drones"
                if noun.lemma_.lower() in LAUNCHED_NOUNS:
                    return noun
        return None

    @staticmethod
    def _fresh(noun: Token) -> bool:
        """A standing noun made an act by its modifier: "new sanctions", "retaliatory tariffs", or by
        a measure of it ("25% tariffs", "10 percent tariffs"): a quantified measure is a particular one."""
        noun = _counted(noun)  # "a new round of sanctions": the round is new
        return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in FRESH_MODIFIERS
                   or c.dep_ in ("nummod", "compound", "amod") and c.i < noun.i
                   and any(t.like_num for t in c.subtree) and any(t.lower_ in ("%", "percent", "per") for t in c.subtree)
                   for c in noun.children)

    @staticmethod
    def _material_agreement(token: Token) -> str | None:
        """The code of the material cooperation an agreement is about: its own modifiers, or those of
        the agreement a verb signs ("signed arms deals", "the security pact")."""
        nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            nouns.append(token.head)  # "a defence deal signed by Putin and Kim"
        for noun in nouns:
            # its modifiers and theirs coordinated ("the climate and security agreement")
            # and the modifiers of its cooperation ("an economic cooperation agreement", "a police cooperation deal")
            about = [m for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for m in (c, *c.conjuncts)]
            about += [m for c in about if c.dep_ == "compound" and c.lemma_.lower() in COOPERATION_NOUNS for g in c.children
                      if g.dep_ in ("compound", "amod", "nmod") for m in (g, *g.conjuncts)]
            for word in about:
                if code := MATERIAL_AGREEMENTS.get(word.lemma_.lower()):
                    return code
        # "signed US$ 13.5 billion worth of deals", "deals worth $10 billion": priced, so trade or investment
        priced = [*nouns, *(c for c in token.children if c.dep_ == "prep" and c.lower_ == "worth")]
        if any(t.ent_type_ == "MONEY" for n in priced for t in n.subtree):
            return PRICED_AGREEMENT_CODE
        return None

    def _foreign_forces(self, verb: Token, actors: dict[int, Span], sources: list[Span], targets: list[Span]) -> bool:
        """Whether the forces a verb withdraws are the target's, not the source's own: "remove
        Indian troops from the Maldives" (not "withdraw its troops from Syria")."""
        own, aimed = {_code(s) for s in sources}, {_code(t) for t in targets}
        return any(o.dep_ == "dobj" and o.lemma_.lower() in FORCE_NOUNS and any(
            (codes := {_code(s) for s in self._actors_of(m, actors, verb)}) and codes <= aimed and not codes & own
            for m in o.children if m.dep_ in ("amod", "compound", "poss")) for o in verb.children)

    def _accused(self, verb: Token, actors: dict[int, Span]) -> list[Span]:
        """Who an accusation says did the act it names: "accused the UAE of backing the RSF",
        "blamed Kyiv for shelling the plant" (the act a gerund after "of"/"for")."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            return []
        accusation = prep.head
        if accusation.lemma_.lower() not in ACCUSING_VERBS:
            return []
        return [s for c in accusation.children if c.dep_ == "dobj" for s in self._actors_of(c, actors, verb)]

    def _press(self, actor: Span) -> bool:
        """The press, not a state's own media: the BBC reports, IRNA speaks for Iran. (Its role, MED, is
        one of NON_STATE_SPEAKERS: re-dating never keeps acts where such a role changed.)"""
        known = self.kb.actors.get(actor._.actor.actor_id or "")
        return actor._.actor.role == PRESS_ROLE and not (known is not None and known.state_organ)

    def _own_act_again(self, event: Event, events: list[Event], first: int) -> Event | None:
        """A statement of the doer's own act named only as "the decision", "its move", "the measures"
        ("Morocco announced the decision on Thursday", "Ankara defended its move"): that act, told
        again - the doer's last act in the sentences before that is no statement - at the act's root
        and target, found as the same act mentioned again. None where the noun says what was decided
        ("its decision to close the border": that clause's act is coded as itself). `events[:first]`:
        the acts of the sentences before."""
        verb = event.trigger.root
        if self.vocab.codes[event.pattern.code].root != "01" or verb.lemma_.lower() not in OWN_ACT_VERBS:
            return None
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ACT_NOUNS
                     and any(d.lower_ in OWN_ACT_DETERMINERS for d in c.children if d.dep_ in ("det", "poss"))
                     and not any(d.dep_ in ("acl", "relcl", "xcomp", "amod", "compound") or (d.dep_ == "prep" and not all(
                         o.ent_type_ in ("DATE", "TIME") for o in d.children if o.dep_ == "pobj")) for d in c.children)), None)
        if noun is None:
            return None
        since = self._sentences_back(verb, OWN_ACT_REACH)
        told = next((e for e in (events[at] for at in range(first - 1, -1, -1)) if e.trigger.start >= since and e.source_code == event.source_code
                     and e.target is not None and self.vocab.codes[e.pattern.code].root not in ("01", "02")
                     and e.confidence >= self.confidence.threshold), None)
        if told is None:
            return None
        cues = (event.cues - {c for c in event.cues if c.startswith(("root:", "quad:", "pos:", "document_", "context_", "reaction_target"))
                              or c in ("lone", "alone")}) | {
            "coreferent", f"root:{self.vocab.codes[told.pattern.code].root}",
            f"quad:{self.vocab.codes[told.pattern.code].quad}", "pos:NOUN", "targeted"} - {"untargeted"}
        return replace(event, trigger=noun.doc[noun.i : noun.i + 1], pattern=replace(told.pattern, lemma=noun.lemma_.lower(), pos="NOUN"),
                       target=told.target, cues=frozenset(cues), confidence=self.confidence.of(cues))

    def _claimed(self, noun: Token, actors: dict[int, Span]) -> list[Span]:
        """Who claims an act as its own: "the BLA claimed responsibility for the attack", "Hamas took
        responsibility for the rocket fire" - the claimant did it (on its own word)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
            return []
        claim = prep.head.head if prep.head.dep_ == "dobj" else None
        if claim is None or claim.lemma_.lower() not in CLAIMING_VERBS or any(c.dep_ == "neg" for c in claim.children):
            return []
        subject, passive = subject_of(claim)
        return [] if passive else self._actors_of(subject, actors, claim)

    @staticmethod
    def _launched(noun: Token) -> bool:
        """A standing noun a light verb puts in place ("introduced tariffs", "announced sanctions"):
        a particular measure, not the state of affairs."""
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "expressed support for X and concern over Y": the concern too
        noun = _counted(noun)  # "announced a series of sanctions"
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in INCEPTION_VERBS:
            return True  # "the blockade began in June 2017", "the boycott started"
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS

    @staticmethod
    def _economic(token: Token) -> bool:
        """Whether an act's means, subject or object is economic pressure ("hit China with tariffs",
        "retaliated against the tariffs", "tariffs hit exports")."""
        words = [c for c in token.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        words += [token.head] if token.dep_ in ("relcl", "acl") else []  # "commodities that China has targeted", "any tariff imposed"
        words += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "by", "through", "on")
                  for o in c.children if o.dep_ == "pobj"]
        if token.pos_ in ("NOUN", "PROPN"):
            words += [c for c in token.children if c.dep_ in ("compound", "amod")]
        return any(w.lemma_.lower() in ECONOMIC_NOUNS or any(c.dep_ == "compound" and c.lemma_.lower() in ECONOMIC_NOUNS
                                                             for c in w.children) for w in words)

    def _others_act(self, verb: Token, clause: Token, actors: dict[int, Span], triggers: dict[int, Pattern]) -> bool:
        """Whether a statement reports an act of someone other than its speaker ("Seoul said North
        Korean troops are training in Russia"): then the statement is an act of its own, aimed at
        whom it speaks of, beside the act it reports."""
        if triggers[clause.i].pos != "VERB":
            return False
        subject, passive = subject_of(verb)
        said_by = [] if passive else self._actors_of(subject, actors, verb)
        # those who speak for a state: not "The Washington Post reported that Iran criticized Russia"
        speakers = {_code(s) for s in said_by if s._.actor.role not in NON_STATE_SPEAKERS}
        doers = {_code(s) for s in self._verb_arguments(clause, actors, triggers)[0]}
        return bool(speakers) and bool(doers) and not doers & speakers

    def _own_word(self, trigger: Token, sources: list[Span], actors: dict[int, Span]) -> bool:
        """Whether a reported act is reported by those who do it: "Washington says it will impose
        sanctions" is Washington's own statement of what it will do, not hearsay."""
        head = trigger
        for _ in range(5):
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORT_VERBS:
                subject, passive = subject_of(head.head)
                said_by = {_code(s) for s in self._actors_of(subject, actors, head.head)} if not passive else set()
                return bool(said_by) and said_by >= {_code(s) for s in sources}
            if head.head == head:
                break
            head = head.head
        return False

    def _decided(self, trigger: Token, sources: list[Span], actors: dict[int, Span]) -> bool:
        """A measure the writer says will be taken ("India will withdraw its defence attaches",
        "Spain will recall its ambassador, AFP reports"): decided, not a threat; one its doer says it
        will take, or vows to, is a threat ("Ottawa says it will impose tariffs")."""
        chain = self._clause_chain(trigger)
        if any(c.dep_ == "advcl" and self._condition(c) == "condition" for t in chain for c in t.children):
            return False  # "if Ukraine expels our consul, Hungary will expel its": a condition set, a threat
        if any(t.lemma_.lower() in DECISION_VERBS and t.tag_ in ("VBD", "VBN") for t in chain[1:]):
            return True  # "said it had decided to close its border", "we have decided to terminate relations": taken
        if trigger.i in self._quoted or any(t.lemma_.lower() in INTENT_VERBS for t in chain[1:]):
            return False  # "vowed to impose": a threat
        return ((matched := self._match(trigger)) is not None and matched.code.startswith(ANNOUNCED_CODES)
                or not self._own_word(trigger, sources, actors))  # "said it would expel two diplomats": an order

    # -- modality ---------------------------------------------------------------------------------

    @staticmethod
    def _clause_chain(token: Token) -> list[Token]:
        """The trigger and the verbs and nouns it depends on within its clause chain (an event noun
        that is a subject takes its verb's: "further use of the base will be carried out")."""
        chain = [token]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass"):
            chain.append(token.head)
        while (chain[-1].dep_ in ("xcomp", "acomp", "dobj", "pobj", "pcomp", "prep", "acl", "conj", "aux") or (
                chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in PERMISSION_VERBS) or (
                chain[-1].dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[-1].children))
               ) and chain[-1].head.i != chain[-1].i:
            # (a permission's complement, "refused to allow the minister to visit", is parsed as ccomp;
            # a purpose, "will visit Senegal to mediate", is as meant as the act it is the purpose of)
            if chain[-1].dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS or (c.dep_ == "aux" and c.tag_ in FINITE_TAGS)
                                                for c in chain[-1].children):
                break  # "Moscow may seek ..., but Putin also seeks ...", "... and has suspended ties": a clause of its own
            if chain[-1].dep_ == "acl" and chain[-1].tag_ == "VBN":
                break  # "would hold the treaty, brokered by the World Bank in 1960": done, whatever comes
            if chain[-1].dep_ in ("pobj", "pcomp") and chain[-1].head.lower_ in BACKGROUND_PREPS:
                break  # "will make an announcement after his talks with Putin", "may have ... after invading": no plan
            chain.append(chain[-1].head)
            if len(chain) > 6:
                break
        return chain

    def _demanded_of(self, verb: Token, subject: Token | None, sources: list[Span], actors: dict[int, Span]) -> list[Span]:
        """Whom a verb of expecting or wanting demands an act of: the subject of its "to"-clause, a
        state other than the source's ("expects Russia to explain"); none where that subject is the
        source's own ("its diplomats") or the source names no state ("the Tweede Kamer wants ...")."""
        if not sources or (subject is not None and subject.pos_ != "PRON" and not self._actors_of(subject, actors, verb)):
            return []
        own = {_code(x) for x in sources}
        return [b for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"
                and not any(_pronoun(p, POSSESSIVES) for p in g.children)
                for b in self._actors_of(g, actors, verb) if _code(b) not in own][:1]

    def _told_by_another(self, trigger: Token, sources: list[Span], actors: dict[int, Span]) -> bool:
        """Whether the clause of the trigger is what another than its doers says is set to happen:
        "Hichilema will visit China, China's foreign ministry announced", "the meeting will take place
        this afternoon, Price said" (not "Zambia said its president would visit")."""
        chain = self._clause_chain(trigger)
        said = chain[-1]
        if said.dep_ != "ccomp" or said.head.lemma_.lower() not in REPORT_VERBS or not sources:
            return False
        if any(t.lemma_.lower() in INTENT_VERBS for t in chain) or (trigger.pos_ != "VERB" and trigger.dep_ != "nsubj"):
            return False  # "wanted to meet Macron": a wish; "would hold up the talks": the talks are not set
        speakers = {_code(s) for s in self._actors_of(subject_of(said.head)[0], actors, trigger)}
        return bool(speakers) and not speakers & {_code(s) for s in sources}

    def _modality(self, trigger: Token) -> tuple[str, bool]:
        """(modality, intent): intent when the event is announced as meant ("will provide",
        "plans to visit", "offered to mediate") rather than done - "future" where only a "will" of
        someone's words says so, "scheduled" where the writer's own "will" tells of what is set to
        happen ("Hichilema will visit China from Sunday"), which the coder reads as the act itself for
        a meeting (SCHEDULED_ROOTS) and as an intent otherwise."""
        if trigger.pos_ in ("NOUN", "PROPN") and _any(trigger):
            return "hypothetical", False  # "will respond to any Israeli attack": no attack told
        chain = self._clause_chain(trigger)
        grounds = next((i for i, t in enumerate(chain) if t.dep_ == "prep" and t.lower_ in GROUND_PREPS
                        and t.head.pos_ in ("NOUN", "PROPN")), None) if trigger.pos_ in ("NOUN", "PROPN") else None
        if grounds is not None:
            # "vowing consequences for Trump's strike": what the consequences are for was done, whatever is vowed
            chain = chain[:grounds + 1]
        for tok in chain:
            if tok is not trigger and tok.lemma_.lower() in LITOTES_VERBS:
                continue  # "will not hesitate to take firm action": will take it
            if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "dobj", "det")) for c in tok.children):
                return "negated", False
            if any(c.dep_ in SUBJECT_DEPS and any(p.dep_ in ("preconj", "det") and p.lower_ == "neither" for p in c.children)
                   for c in tok.children):
                return "negated", False  # "Neither China nor Russia condemned the invasion"
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in DENIAL_VERBS:
            return "negated", False  # "denied that it had attacked"
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in REPORT_VERBS and any(
                c.dep_ == "neg" for c in chain[-1].head.children):
            return "hypothetical", False  # "did not say Russia had shot down the plane": no one says it did
        unreal = UNREAL_VERBS | UNREAL_MODIFIERS
        if chain[-1].dep_ == "ccomp" and (chain[-1].head.lemma_.lower() in unreal or any(
                c.dep_ == "acomp" and c.lemma_.lower() in unreal for c in chain[-1].head.children)):
            return "hypothetical", False  # "it is unlikely that Kim will order an attack"
        if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("amod", "compound") and c.lower_ in UNREAL_MODIFIERS
                                                     for c in trigger.children):
            return "hypothetical", False  # "the planned tariffs": not (yet) done
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ONGOING_VERBS:
            return self._reported(trigger), False  # "preparing to intensify its strikes": the strikes go on
        intent = False
        for below, tok in zip([None, *chain], chain):
            # "said they would boycott": reported speech shifts "will" back to "would", still a plan
            backshifted = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORT_VERBS
            if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_MODALS and not (backshifted and c.lower_ == "would")
                   for c in tok.children):
                return "hypothetical", False
            if backshifted and any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
                intent = True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
                return "hypothetical", False
            lemma = tok.lemma_.lower()
            if tok is not trigger and lemma != trigger.lemma_.lower():
                if lemma in DENIAL_VERBS and below.dep_ != "conj":  # "denied ... but demanded": two acts
                    return "negated", False
                if lemma in UNREAL_VERBS:
                    return "hypothetical", False
                if lemma in REFUSING_VERBS and any(t.dep_ in ("xcomp", "acl", "advcl") and infinitive(t)
                                                   for t in chain[:chain.index(tok)]):
                    return "hypothetical", False  # "declined calls to expel diplomats": no one expelled
                intent = intent or lemma in INTENT_VERBS
            intent = intent or (any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in tok.children) and "future")
        if intent == "future" and chain[-1].dep_ != "ccomp" and trigger.i not in self._quoted \
                and not any(t.dep_ in ("xcomp", "advcl", "acl", "relcl") for t in chain[:-1]):  # not "will visit ... to mediate": a purpose
            intent = "scheduled"  # "Hichilema will visit China from Sunday": the writer tells of what is set, no one's intent
        return self._reported(trigger), intent

    def _act_cues(self, token: Token, pattern: Pattern, triggers: dict[int, Pattern], doubtful: bool,
                  borrowed: bool, joint: bool, modality: str, busy: bool, found_by: str) -> frozenset[str]:
        """What the coder knows of how an act was read, whoever its pair: features the confidence
        model weighs (with `_pair_cues`)."""
        code = self.vocab.codes[pattern.code]
        # "issued a statement": the light verb's specific pattern vouches for its noun
        head = triggers.get(token.head.i) if token.dep_ == "dobj" else None
        specific = pattern.specificity or (head is not None and head.specificity)
        found = {f"pos:{pattern.pos}", f"quad:{code.quad}", f"modality:{modality}", f"root:{code.root}"}
        found |= {name for name, on in (("specific", specific), ("mutual", code.mutual), ("doubtful", doubtful),
                                        ("borrowed", borrowed), ("joint", joint), (found_by, found_by),
                                        ("busy_sentence", busy)) if on}  # busy: many acts in one sentence
        if found_by.startswith(("document_", "context_")):  # how sure such a guess is depends on the kind of act
            found.add(f"{found_by}:{code.quad}")
        # the main clause's act, or one set inside it ("issued a statement": the light verb's place)
        placed = token.head if token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS else token
        found.add("clause:meant" if _readiness(token) is not None  # "open to talks": as "willing to talk"
                  else f"clause:{CLAUSE_ROLES.get(placed.dep_, 'other')}")
        if token.i in self._quoted:
            found.add("quoted")  # in a quotation: the speaker's words
        return frozenset(found)

    def _pair_cues(self, token: Token, pattern: Pattern, source: Span, target: Span | None, subject: Token | None,
                   named_in_sentence: set[str]) -> set[str]:
        """The cues of one source and target of an act."""
        found = {"targeted" if target is not None else "untargeted"}
        if source._.actor is not None:
            found.add(f"source:{source._.actor.kind}")
        # "alone": whole without a target (the codebook's column), which matters only when none is named
        if self.vocab.codes[pattern.code].alone and target is None:
            found.add("alone")
        if target is not None and target._.actor is not None and target._.actor.kind in ("place", "region"):  # where, more than at whom
            found.add("place_target")
        if target is not None and _code(source) == _code(target):
            found.add("domestic")
        if target is None and not (named_in_sentence - {_code(source)}):
            found.add("lone")  # no one else named in the sentence: no target was there to miss
        # arguments that hang on the trigger itself (its subject, object, possessor, preposition)
        # are read more surely than those found through other words
        if self._near(source, token) or (subject is not None and source.root in (subject, *subject.conjuncts)):
            found.add("source_near")  # read off the clause, climbing coordination ("Russia ... fought the Turks")
        if target is not None and self._near(target, token):
            found.add("target_near")
        return found

    @staticmethod
    def _unattributed(token: Token, subject: Token | None) -> bool:
        """Whether the act's doers are named only as doers ("a suicide bomber killed", "stormed by
        gunmen"): its active subject or its "by" agent."""
        agents = [subject] if subject is not None else []
        agents += [p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return any(a.lemma_.lower() in UNATTRIBUTED_AGENTS for a in agents)

    def _object_aims_elsewhere(self, verb: Token, sources: list[Span], actors: dict[int, Span]) -> bool:
        """The verb's direct object says whom the act is aimed at, and that is no state of the story: a
        group no actor names ("said Qatar had supported terrorist organizations"), or a person of the
        doer's own state ("Bolsonaro called Judge Moraes a dictator")."""
        own = {_code(x) for x in sources}
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in GROUP_OBJECTS or (c.lemma_.lower() not in OWN_PEOPLE_NOUNS and any(
            a._.actor.kind == "person" and a.start <= c.i < a.end and _code(a) in own for a in self._actors_of(c, actors, verb))))
            for c in verb.children)

    @staticmethod
    def _group_doer(token: Token, active: Token | None) -> bool:
        """The act's doer is a group the story names no state for ("jihadist groups carry out attacks",
        "insurgents killed seven soldiers in a coordinated attack"): the active subject of its verb or
        of the clause its noun is the object or a phrase of."""
        if active is None and token.pos_ in ("NOUN", "PROPN"):
            noun = token
            while noun.dep_ == "conj" and noun.head.i != noun.i:
                noun = noun.head
            clause = noun.head if noun.dep_ == "dobj" else _phrase_verb(noun)
            subject, passive = subject_of(clause) if clause is not None else (None, False)
            active = subject if not passive else None
        return active is not None and active.lemma_.lower() in GROUP_OBJECTS

    @staticmethod
    def _near(span: Span, token: Token) -> bool:
        head = span.root.head
        return head == token or (head.dep_ in ("prep", "agent") and head.head == token) or (
            span.root.dep_ in ("amod", "compound", "poss") and head.head == token)

    def _doubtful(self, token: Token, pattern: Pattern, condition: str | None, unordered: bool,
                  triggers: dict[int, Pattern]) -> bool:
        """Acts shown but never counted: a condition ("if Russia kills ..."), the scene of another act,
        what a message conveys ("the message that Iran is willing to engage the rebels"), and a
        directed act whose parties come only from "between" ("the postponement of a deal between
        Iran and Russia": who did it?)."""
        return bool(condition or (pattern.pos == "NOUN" and self._background(token)) or self._content(token) or self._averted(token)
                    or self._opinion(token) or self._habitual(token)
                    or (unordered and not self.vocab.codes[pattern.code].mutual and token.lemma_.lower() not in RECIPROCAL_WORDS)
                    or self._asked(token, triggers))

    @staticmethod
    def _clause_for_another(verb: Token, modals: set[str], verbs: set[str] | frozenset[str] = frozenset()) -> Token | None:
        """The clause of a verb's content that another, not the speaker, is to carry out: with one of
        these modals, or one of these verbs with a "to"-clause ("said Japan must retract", "is obliged
        to", "hoped the country would honor"; not "hopes we will win")."""
        return next((c for c in verb.children if c.dep_ == "ccomp" and (any(
            a.dep_ == "aux" and a.lower_ in modals for a in c.children) or (
            c.lemma_.lower() in verbs and any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children)
                                              for x in c.children)))
            and any(g.dep_ in ("nsubj", "nsubjpass") and not _pronoun(g, FIRST_PERSON) for g in c.children)), None)

    def _obligation(self, verb: Token) -> Token | None:
        """The clause a statement says someone must or should carry out ("said Japan must retract")."""
        return self._clause_for_another(verb, OBLIGATION_MODALS, OBLIGATION_VERBS)

    def _hoped_act(self, verb: Token) -> bool:
        """A hope that another will act: "hoped the country would honor the commitment"."""
        return self._clause_for_another(verb, {"will", "would", "could", "can", "wo"}) is not None

    @staticmethod
    def _said_in(verb: Token) -> list[Token]:
        """The content clause the parser hangs on the statement a verb of saying names ("said in a
        statement that the suspension stems from ...": the clause under "statement")."""
        return [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in SPEECH_NOUNS
                for c in n.children if c.dep_ in ("acl", "relcl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]

    def _threatening(self, verb: Token) -> Token | None:
        """What a statement's content threatens in words, of what will come: "said the unfriendly
        actions will not go unanswered", "said any attack would have consequences", "said it reserves
        the right to respond" - the threatening word, or None (not a retaliation told as done, "said it
        retaliated", nor "was a response")."""
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        for clause in self._content_clauses(verb):
            reserved = next((t for t in clause.subtree if t.lemma_.lower() == "right" and t.head.lemma_.lower() == "reserve"), None)
            if reserved is not None:
                return reserved  # "reserves the right to act"
            for word in (t for t in clause.subtree if _threatens(t)):
                path = [word, *(a for a in word.ancestors if a.i != verb.i and clause in (a, *a.ancestors))]
                if any(a.dep_ in ("aux", "auxpass") and a.lower_ in WILL_MODALS
                       for t in path for a in t.children):  # "will prompt a response", not "was a response"
                    return word
        return None

    def _or_else(self, verb: Token) -> bool:
        """A statement's content that sets what another must do "or face" a consequence ("said Jammeh has
        until Friday to hand over power or face military action"): an ultimatum (ULTIMATUM_CODE)."""
        return any(w.lemma_.lower() in ALTERNATIVE_VERBS and w.dep_ == "conj"  # (the parser hangs the "or" on the first conjunct)
                   and any(c.dep_ == "cc" and c.lower_ == "or" for c in (*w.children, *w.head.children))
                   for clause in self._content_clauses(verb) for w in clause.subtree)

    def _content_clauses(self, verb: Token) -> list[Token]:
        """The clauses that hold what a statement says: its complements and the clause under the
        statement it is said in (_said_in)."""
        return [*(c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), *self._said_in(verb)]

    def _phrase_subject(self, noun: Token, code: str, actors: dict[int, Span], targets: list[Span]) -> list[Span]:
        """Who does a cooperative act (PHRASE_SUBJECT_ROOTS) a noun names in a phrase of a clause ("During
        talks with Rwanda's president, Ramaphosa urged a ceasefire", "Madrid came out in support of
        Morocco's plan"): the clause's active subject, if it names an actor other than the act's target."""
        root = self.vocab.codes[code].root
        verb = _phrase_verb(noun)
        if root not in PHRASE_SUBJECT_ROOTS or verb is None:
            return []
        if not any(p.lower_ in PHRASE_TARGET_PREPS or (p.lower_ == "of" and root != "04") for p in noun.children if p.dep_ == "prep"):
            return []  # "during a summit of the Andean Community": whose the summit is, not with whom
        subject, passive = subject_of(verb)
        if subject is None or passive:
            return []
        taken = {_code(t) for t in targets}
        return [s for s in self._actors_of(subject, actors, noun) if _code(s) not in taken][:1]

    def _promised(self, verb: Token, sources: list[Span], actors: dict[int, Span], triggers: dict[int, Pattern]) -> bool:
        """A statement whose content is what the speaker's own side will do, in words no pattern codes:
        "said Russia will not create problems for American diplomats", "said it would process the
        request", "told Erdogan Russia was open to talks" - an expressed intent, not a bare comment."""
        own = {_code(s) for s in sources}
        for clause in [c for c in verb.children if c.dep_ == "ccomp"] + self._said_in(verb):
            if clause.pos_ not in ("VERB", "AUX") or any(t.i in triggers for t in clause.subtree):
                continue  # an act of its own: coded as itself
            willing = clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in PROMISING_ADJECTIVES
                                                    for c in clause.children)
            # not a state ("would be a bad decision"), a wish ("would like to"), or what it will be doing
            # meanwhile ("we'll be watching")
            if not willing and (clause.lemma_ in ("be", "like", "love") or clause.tag_ == "VBG"
                                or not any(a.dep_ == "aux" and a.lower_ in WILL_MODALS for a in clause.children)):
                continue
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                if _pronoun(subject, SPEAKER_PRONOUNS) or any(_code(s) in own for s in self._actors_of(subject, actors, verb)):
                    return True
        return False

    def _condemning(self, verb: Token) -> Token | None:
        """What a statement's content condemns in words: "said the move was a clear violation",
        "called it aggression", "described it as an irresponsible act", a quotation it closes - the
        condemning word, or None. Not where the word is negated or denied on its way to the verb
        ("was not a provocation", "denied it was blackmail")."""
        return self._judging(verb, lambda w: w.lemma_.lower() in CONDEMNING_WORDS or _harms_ties(w))

    def _praising(self, verb: Token) -> Token | None:
        """What a statement's content praises in words: "reiterated that the Algerian government is a
        reliable partner" - the praising word, or None."""
        return self._judging(verb, lambda w: w.lemma_.lower() in PRAISING_WORDS)

    def _judging(self, verb: Token, judges: Callable[[Token], bool]) -> Token | None:
        """The first word of a statement's content that `judges` accepts, not negated or denied on its
        way to the statement's verb (_condemning, _praising)."""
        if verb.lemma_.lower() in CONDEMNING_EXEMPT_VERBS or verb.head.lemma_.lower() in CONDEMNING_EXEMPT_VERBS or any(
                c.dep_ == "neg" for c in verb.children):  # "denied the allegations, calling them baseless": a denial
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        said_in = self._said_in(verb)
        for child in [*verb.children, *said_in]:
            # a quoted fragment before the verb ("'A brutal act', says Afghanistan") the parser hangs as a
            # loose dependent or as a second subject
            fragment = child.i < verb.i and (child.dep_ == "dep" or (child.dep_ == "nsubj" and len(subjects) > 1))
            if child.dep_ not in ("ccomp", "oprd", "xcomp", "dobj") and not fragment and child not in said_in \
                    and not (child.dep_ == "prep" and child.lower_ in CONDEMNED_PREPS):
                continue
            for word in child.subtree:
                if not judges(word) or _anti(word) or _any(word):
                    continue  # (not "anti-piracy", not "will respond to any aggression")
                path, tok = [word], word
                while tok.i != verb.i and tok.head.i != tok.i:
                    tok = tok.head
                    path.append(tok)
                if word.lemma_.lower() in LABELLING_WORDS and any(t.dep_ == "prep" and t.lower_ != "as" for t in path) and not any(
                        t.dep_ in ("oprd", "attr", "acomp", "appos") or (t.dep_ == "prep" and t.lower_ == "as") for t in path[:-1]):
                    continue  # "in the fight against Islamist terrorists": whom one fights, said of no one
                if any(t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas", "although", "though")
                                                 for m in t.children) for t in path[:-1]):
                    continue  # "claimed Salah was chasing smugglers, while Israel has characterized it as a terrorist attack"
                if not any(c.dep_ == "neg" for t in path[:-1] for c in t.children) and not any(
                        t.lemma_.lower() in CONDEMNING_EXEMPT_VERBS for t in path[1:-1]):
                    return word
        return None

    def _read_event(self, word: Token, pattern: Pattern, source: Span, target: Span | None, modality: str,
                    dated: tuple, found_by: str, triggers: dict[int, Pattern], busy: bool, named_in_sentence: set[str]) -> Event:
        """An act read beside the sentence's triggers (an interception's launch, a quoted condemnation):
        whole, with no other reading's cues, its reading named by `found_by`; `dated`: (when, basis)."""
        cues = self._act_cues(word, pattern, triggers, False, False, False, modality, busy, found_by) \
            | self._pair_cues(word, pattern, source, target, None, named_in_sentence)
        return Event(word.doc[word.i : word.i + 1], pattern, source, target, modality, *dated, self.confidence.of(cues), cues)

    def _quoted_condemnation(self, sent: Span, actors: dict[int, Span], events: list[Event], first: int,
                             cast) -> tuple[Token, Span, Span] | None:
        """A quoted sentence that condemns in words, with no verb of saying in it ("'Such actions are
        unacceptable.'"; "'This is blackmail,' Peskov said" with its speaker read by the quotes): the
        speaker's criticism, aimed at whose act it condemns, else at the speaker's counterpart. The
        condemning word, the speaker and the target; None where the speaker acts in the sentence
        already, or the word is negated or not said of anything ("not acceptable", "a hostile world")."""
        for word in sent:
            speaker = self._quoted.get(word.i)
            if speaker is None or word.lemma_.lower() not in CONDEMNING_WORDS or _anti(word) or _any(word) or not _code(speaker):
                continue
            if any(_code(e.source) == _code(speaker) for e in events[first:]):
                return None
            said = word.head if word.dep_ in ("amod", "compound") and word.head.dep_ in ("attr", "acomp") else word
            predicated = said.dep_ == "ROOT" or (said.dep_ in ("attr", "acomp") and said.head.lemma_.lower() in COPULAS)
            if not predicated or any(c.dep_ == "neg" for t in (word, said, said.head) for c in t.children):
                continue
            owner = self._condemned_actor(word, actors, said.head, {_code(speaker)})
            targets = [owner] if owner is not None else (self._counterpart(word, speaker, events)
                                                         or self._document_counterpart(word, speaker, cast))
            if targets:
                return word, speaker, targets[0]
        return None

    def _quoted_threat(self, sent: Span, actors: dict[int, Span], events: list[Event], first: int,
                       cast) -> tuple[Token, Span, list[Span]] | None:
        """A quoted sentence that threatens what will come, with no verb of saying in it ("'All
        consequences will be borne by the U.S.'", "'We will make further reactions'" after the
        spokesman's first words): the speaker's threat, aimed at the other actor the sentence names,
        else at the speaker's counterpart. The threatening word, the speaker and the target; None where
        the speaker acts in the sentence already or the future is negated."""
        for word in sent:
            speaker = self._quoted.get(word.i)
            if speaker is None or not _threatens(word) or not _code(speaker):
                continue
            if any(_code(e.source) == _code(speaker) for e in events[first:]):
                return None
            path = [word, *word.ancestors]
            if not any(a.dep_ in ("aux", "auxpass") and a.lower_ in WILL_MODALS for t in path for a in t.children) \
                    or any(c.dep_ == "neg" for t in path for c in t.children):
                continue
            named = {_code(actors[i]): actors[i] for i in range(sent.start, sent.end)
                     if i in actors and _code(actors[i]) not in (None, _code(speaker))}
            targets = list(named.values()) or self._counterpart(word, speaker, events) or self._document_counterpart(word, speaker, cast)
            if targets:
                return word, speaker, targets  # ("borne by the U.S. and the Republic of Korea": both)
        return None

    def _condemned_actor(self, word: Token, actors: dict[int, Span], verb: Token, speakers: set) -> Span | None:
        """Whose is what a statement condemns: the actor of the condemning word's phrase ("the group's
        destabilising role", "Kosovo's move was a clear violation"), not the speaker's side."""
        said = word.head if word.dep_ in ("amod", "compound") and word.head.dep_ in ("attr", "acomp", "oprd") else word
        clause = said.head if said.dep_ in ("attr", "acomp", "oprd") else None  # ("is a reliable partner": the copula's)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] if clause is not None else []
        called = [c for c in verb.children if c.dep_ == "dobj"]  # "called the ICC's decision outrageous": the ICC's
        for tok in (word, word.head, *subjects, *called):
            for holder in (tok, *[c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]):
                found = [s for s in self._actors_of(holder, actors, verb) if _code(s) not in speakers]
                if found:
                    return found[0]
        # "said Chinese ships were ... conducting illegal fishing": the doer the content clause names
        content = next((a for a in (word, *word.ancestors) if a.head.i == verb.i and a.dep_ in ("ccomp", "xcomp")), None)
        heads = [content, *(c for c in content.children if c.dep_ == "aux")] if content is not None else []
        for doer in [c for h in heads for c in h.children if c.dep_ == "nsubj"]:  # (the parser may hang it on "were")
            found = [s for s in self._actors_of(doer, actors, verb) if _code(s) not in speakers]
            if found:
                return found[0]
        return None

    def _asked(self, trigger: Token, triggers: dict[int, Pattern]) -> bool:
        """Whether the trigger is what a demand or appeal asks for ("demanded that Hamas renounce
        its armed struggle", "urged Iraq to cooperate", "said Japan must retract"), not something done."""
        clause = trigger.head if trigger.dep_ == "dobj" else trigger  # "urged Iraq to end the siege"
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "urged Russia to stop ... and comply with ..."
            clause = clause.head
        if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in OBLIGATION_VERBS:
            clause = clause.head  # "said Kosovo has to revoke the decisions": what "has" says must be done
        if clause.dep_ == "xcomp" and clause.head.dep_ == "acomp" and clause.head.head.dep_ == "ccomp":
            clause = clause.head.head  # "said the US must be ready to mediate": what it must be ready for
        for _ in range(2):  # "demanded that Pakistan stop allowing ...": what the asked verb governs
            if clause.dep_ == "xcomp" and clause.head.dep_ in ("ccomp", "xcomp") and triggers.get(clause.head.i) is None:
                clause = clause.head
        asker = triggers.get(clause.head.i)
        if asker is not None and self._obligation(clause.head) == clause:
            return True
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and (held := triggers.get(trigger.head.head.i)) is not None \
                and held.pos == "VERB" and self.vocab.codes[held.code].root in ASKING_ROOTS:
            return True  # "called for an emergency meeting", "appealed for talks": the meeting is asked for
        if clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in ASKING_NOUNS and infinitive(clause):
            return True  # "calls to scrap the move", "Slovakia's threat to cut off supplies": asked for, threatened
        return (clause.dep_ in ("ccomp", "xcomp") and asker is not None and asker.pos == "VERB"
                and self.vocab.codes[asker.code].root in ASKING_ROOTS)

    @staticmethod
    def _content(trigger: Token) -> bool:
        """Whether the trigger's clause is the content of a noun such as message or assumption."""
        tok = trigger
        for _ in range(6):
            if tok.dep_ in ("acl", "relcl", "ccomp", "appos") and tok.head.lemma_.lower() in CONTENT_NOUNS:
                return True
            if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in CONTENT_NOUNS:
                return True  # "the possibilities of deepening relations", "the prospect of talks"
            if tok.dep_ not in ("xcomp", "conj", "acomp", "ccomp", "advcl", "acl", "relcl", "aux") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _opinion(self, trigger: Token) -> bool:
        """An act in what an analyst or expert says: "Experts say it is unlikely that Kim will order an
        attack" - their view of what may happen, not a state's act or word."""
        said = self._clause_chain(trigger)[-1]
        while said.dep_ in ("ccomp", "advcl") and said.head.i != said.i and said.head.lemma_.lower() not in REPORT_VERBS:
            said = said.head  # "it is unlikely that ...": up to what says so
        if said.dep_ != "ccomp" or said.head.lemma_.lower() not in REPORT_VERBS:
            return False
        speaker, _ = subject_of(said.head)
        return speaker is not None and speaker.lemma_.lower() in OPINION_HOLDERS

    @staticmethod
    def _habitual(trigger: Token) -> bool:
        """An act told as a habit in the present: "Turkey routinely carries out attacks in northern Iraq",
        "CSTO units regularly hold joint exercises" - the verb (or the light verb taking the noun) in the
        present tense with a habitual adverb."""
        verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" else trigger
        return verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children)

    @staticmethod
    def _averted(trigger: Token) -> bool:
        """An act a verb of prevention keeps from happening: its object ("to prevent a war between
        India and Pakistan") or its "from"-clause ("prevented Israel from annexing the area")."""
        head = trigger.head
        return (trigger.dep_ == "dobj" and head.lemma_.lower() in PREVENTION_VERBS) or (
            trigger.dep_ in ("pobj", "pcomp") and head.lower_ == "from" and head.head.lemma_.lower() in PREVENTION_VERBS)

    @staticmethod
    def _condition(trigger: Token) -> str | None:
        """"comparison" for a verb in an "as if"/"as though" clause, "condition" for one in an
        "if"/"unless" clause, else None."""
        marks = [c.lower_ for c in trigger.children if c.dep_ == "mark"]
        if "as" in marks and ("if" in marks or "though" in marks):
            return "comparison"
        return "condition" if "if" in marks or "unless" in marks else None

    def _reported(self, trigger: Token) -> str:
        head = trigger
        for _ in range(5):  # inside the complement of a reporting verb, or "according to ..."
            if any(c.lower_ in REPORT_ADVERBS for c in head.children):
                return "reported"
            if head.dep_ in ("ccomp", "advcl") and head.head.lemma_.lower() in REPORT_VERBS:
                return "reported"
            if head.head == head:
                break
            head = head.head
        if any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in trigger.sent if t.i + 1 < len(trigger.doc)):
            return "reported"
        return "asserted"

    # -- dates ------------------------------------------------------------------------------------

    @staticmethod
    def _date(trigger: Token, doc: Doc, dates: list[tuple[Span, WhenDate]],
              context: WhenDate | None, unanchored: bool = False,
              story: WhenDate | None = None) -> tuple[WhenDate | None, str]:
        """The sentence's date nearest the trigger in the tree (its own subtree first), else the
        last explicit date of the paragraph so far, else the publication date - unless the article
        has turned to the past (`story`, its last date so far, lies over a year before publication):
        then no date, basis 'background', rather than the day the article came out. A sentence
        dated only relative to a publication date the document lacks gives no date, 'unanchored'."""
        # its own clause's dates, nearest first; a coordinated clause with a subject of its own is not
        # its clause ("Russia pushed back ... in 1878, and Britain ... in 1919")
        others = [c for c in trigger.children if c.dep_ == "conj" and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
        def inside(e: Span) -> bool:
            return (trigger.left_edge.i <= e.start and e.end <= trigger.right_edge.i + 1
                    and not any(c.left_edge.i <= e.start < c.right_edge.i + 1 for c in others))
        own = sorted(((e, d) for e, d in dates if inside(e)), key=lambda x: abs(x[0].start - trigger.i))
        for found in [d for _, d in own] + [d for e, d in dates if not inside(e)]:
            return found, found.basis
        if unanchored:
            return None, "unanchored"
        if context is not None:
            return context, "inferred"
        if doc._.published:
            if story is not None and (doc._.published - story.start).days > BACKGROUND_DAYS:
                return None, "background"  # "He backed UN sanctions ..." in a stretch of history
            return WhenDate(doc._.published.isoformat(), "day", "publication"), "publication"
        return None, "none"

    @staticmethod
    def _when_phrase(span: Span) -> bool:
        """A period named as a time ("during the Cold War", "by the end of the Cold War"), not as a
        description ("Cold War rhetoric", "a new Cold War")."""
        root = span.root
        if root.dep_ != "pobj":
            return False
        prep = root.head
        return prep.lower_ in PERIOD_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in PERIOD_FRAMES)

    @staticmethod
    def _treaties(doc: Doc) -> list[tuple[Span, WhenDate]]:
        """Named treaties the NER may miss, as dates: "treaty of X", "treaties of X and Y"."""
        found = []
        for tok in doc:
            if tok.lemma_.lower() not in TREATY_NOUNS:
                continue
            for name in (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)):
                words = doc[min(t.i for t in name.subtree if t.dep_ in ("compound", "pobj", "conj") or t is name)
                            : name.i + 1]
                when = period_date(f"Treaty of {words.text}")
                if when is not None:
                    found.append((words, when))
        return found

    # -- the component ----------------------------------------------------------------------------

    def _speaker_of(self, pronoun: Token) -> Span | None:
        """The speaker a first-person pronoun inside a quotation stands for ("'We will respond,'
        the minister said"), when the speaker acts for someone."""
        if pronoun.lower_ not in FIRST_PERSON:
            return None
        speaker = self._quoted.get(pronoun.i)
        return speaker if speaker is not None and speaker._.actor is not None and speaker._.actor.code else None

    def __call__(self, doc: Doc) -> Doc:
        actors = self._actor_map(doc)
        self._stands_as = {i: self._stands_for(span, doc[i]) for i, span in actors.items()}
        self._displaced: list[Event] = []  # acts a surer telling of the same act replaced: still mentioned by their word
        self._quoted = {t.i: q.speaker for q in doc._.quotes or [] if q.speaker is not None
                        for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []}
        events: list[Event] = []
        # each sentence's dates, the paragraph's last explicit date and the article's last date before it
        when_of = sentence_states(doc, sentence_dates(doc, self, doc._.published))
        unanchored = {ent.sent.start for ent in doc.ents  # sentences dated only relative to a missing publication date
                      if ent.label_ == "DATE" and doc._.published is None and needs_anchor(ent.text)
                      and not read_date(ent.text, None)}
        lemmas = self.vocab.lemmas
        # a word inside a name is not an act: the "Support" of the Rapid Support Forces
        tokens = list(doc)  # made once: each pass over a Doc makes every Token anew
        named = {i for span in doc.spans.get("actors", []) if len(span) > 1 for i in range(span.start, span.end)
                 if tokens[i].pos_ == "PROPN"}
        # ... nor a capitalised noun closing a name ("the Indus Waters Treaty", "the Abraham Accords")
        named |= {t.i for t in tokens if t.pos_ == "PROPN" and t.is_title and t.i > 0
                  and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)}
        triggers = {t.i: p for t in tokens if t.lemma_.lower() in lemmas and t.i not in named
                    and (p := self._match(t)) is not None}
        # an act named before a noun that frames it ("a mediation effort between ...", "an aid package for
        # Ukraine") stands where the frame does, whose phrase and verb hold its arguments
        # ("Russia's war effort", "an Israeli strike package": no act of force is framed so)
        in_actors = {i for span in doc.spans.get("actors", []) for i in range(span.start, span.end)}
        for i, p in list(triggers.items()):
            frame = tokens[i].head
            if p.pos == "NOUN" and tokens[i].dep_ == "compound" and frame.lemma_.lower() in FRAME_NOUNS \
                    and frame.i not in triggers and frame.i not in in_actors and i not in in_actors \
                    and self.vocab.codes[p.code].root not in VIOLENT_ROOTS:
                triggers[frame.i] = triggers.pop(i)
        # events another trigger ends ("the cancellation of the deal"): coded as their end only
        ended = {i: e for i, p in triggers.items() if p.ends and (e := self._ended(tokens[i], p, triggers)) is not None}
        cast = doc.user_data[PARTIES] = self._parties(doc)  # the article's actors, most named first
        last_source: Span | None = None  # who acted last in the paragraph, for agentless passives
        agreed: dict[frozenset, str] = {}  # the material cooperation each pair's agreement is about
        named_by_sentence: dict[int, set[str]] = {}  # actor codes (not places) named in each sentence
        at_sea: set[int] = set()  # sentences that name open waters ("seized a tanker in the Gulf of Oman")
        sentence_starts = [sent.start for sent in doc.sents]
        for span in doc.spans.get("actors", []):
            start = sentence_starts[bisect.bisect_right(sentence_starts, span.start) - 1]
            if span._.actor is not None and span._.actor.code and span._.actor.kind != "place":
                named_by_sentence.setdefault(start, set()).add(span._.actor.code)
            elif span._.actor is not None and span._.actor.kind == "place" and span._.actor.detail == "sea":
                at_sea.add(start)
        for sent in doc.sents:
            dates, context, story = when_of[sent.start]
            named_in_sentence = named_by_sentence.get(sent.start, set())
            busy = sum(1 for i in range(sent.start, sent.end) if i in triggers) > 3
            if "\n" in doc[max(sent.start - 1, 0)].text_with_ws:
                last_source = None  # a new paragraph starts a new story
            seen: dict[tuple, int] = {}  # each act's key, and where it is in events
            first = len(events)  # this sentence's acts start here
            for token in sent:
                pattern = triggers.get(token.i)
                if pattern is None or token.i in ended.values() or self._yields(token, pattern, triggers, actors):
                    continue
                if pattern.ends and pattern.pos == "VERB" and token.i not in ended:
                    continue  # "the government collapsed": no event ends
                if pattern.standing and not self._fresh(token) and not self._launched(token) and not _under(token) and not any(
                        token.left_edge.i <= e.start and e.end <= token.right_edge.i + 1 for e, _ in dates):
                    continue  # "Western sanctions" as background, not "the 2010 sanctions" or "new sanctions"
                borrowed = joint = False
                exchange = None  # the "exchange" whose "of"-phrase a noun trigger is
                found_by = ""  # how a target missing from the clause was found
                subject = None  # a verb's grammatical subject
                if pattern.pos == "VERB" and NAMING_VERBS.get(token.lemma_.lower()) == pattern.code and (
                        objects := [c for c in token.children if c.dep_ == "dobj"]) and not any(
                        self._actors_of(o, actors, token) for o in objects):
                    pattern = replace(pattern, code=NAMING_CODE)  # "calls the seizure piracy": no phone call
                obliged = self._obligation(token) if self.vocab.codes[pattern.code].root == "01" else None
                condemned = None  # the word a statement condemns or praises with ("said the move was a violation")
                said_code = pattern.code
                if pattern.pos == "VERB" and self.vocab.codes[pattern.code].root == "01" and self._or_else(token):
                    pattern = replace(pattern, code=ULTIMATUM_CODE)  # "has until Friday to hand over power or face military action"
                elif obliged is not None:  # "China said Japan must retract the remarks": a demand of Japan
                    knowing = obliged.lemma_.lower() in OBLIGATION_KNOWING_VERBS  # "must realize ...": criticism
                    pattern = replace(pattern, code=CRITICISM_CODE if knowing else DEMAND_CODE)
                elif pattern.pos == "VERB" and token.lower_ in HOPING_VERBS and self._hoped_act(token):
                    pattern = replace(pattern, code=APPEAL_CODE)  # "hoped Mongolia would honor the commitment"
                elif pattern.pos == "VERB" and self.vocab.codes[pattern.code].root == "01" and self._threatening(token) is not None:
                    pattern = replace(pattern, code=THREAT_CODE)  # "said the actions will not go unanswered"
                elif pattern.pos == "VERB" and self.vocab.codes[pattern.code].root == "01" and (
                        condemned := self._condemning(token)) is not None:
                    # "said the move was a clear violation"; "called the claims groundless": a rejection
                    judged = condemned
                    while judged.dep_ in ("conj", "amod", "advmod") and judged.head.i != judged.i:
                        judged = judged.head  # "are groundless fabrications", "baseless and false": what they are said of
                    around = [*token.children, *judged.head.children, *condemned.children]
                    claims = any(c.dep_ in ("dobj", "oprd", "nsubj", "nsubjpass", "compound") and c.lemma_.lower() in CLAIM_NOUNS for c in around) \
                        or (token.dep_ == "relcl" and token.head.lemma_.lower() in CLAIM_NOUNS)
                    pattern = replace(pattern, code=REJECTION_CODE if claims else CRITICISM_CODE)
                elif pattern.pos == "VERB" and self.vocab.codes[pattern.code].root == "01" and (
                        condemned := self._praising(token)) is not None:
                    pattern = replace(pattern, code=PRAISE_CODE)  # "said Algeria is a reliable partner" (aimed as a condemnation is)
                # "condemned the airstrikes": the airstrikes, an act of their own that the reaction is aimed at
                reacted = pattern.pos == "NOUN" and self._reaction_object(token, triggers)
                if self._stopped(token):  # "stopped supplying gas": less cooperation; "ceased bombing": yielding
                    root = self.vocab.codes[pattern.code].root
                    pattern = replace(pattern, code=STOPPED_CODES["violence" if root in VIOLENT_ROOTS else
                                                                  "cooperation" if root < "09" else "conflict"])
                if pattern.pos == "VERB":
                    sources, targets = self._verb_arguments(token, actors, triggers, pattern.code)
                    subject, passive = subject_of(token)
                    if not passive and subject is not None and token.tag_ == "VBN" and not targets \
                            and self.vocab.codes[pattern.code].root in VIOLENT_ROOTS \
                            and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in token.children):
                        # "two guards had been killed and two Iranian civilians injured": a passive whose
                        # auxiliary the coordination left out; its subject is who was hurt
                        sources, targets, passive = [], sources, True
                    if pattern.complement == ANOTHERS_CLAUSE:  # "expects Russia to explain": a demand of Russia
                        targets = self._demanded_of(token, subject, sources, actors)
                        if not targets:
                            continue  # "expects the bloc to extend sanctions", "wants its diplomats to go back": its own side
                    if not sources and not targets and (token.lemma_.lower() in FOUGHT_BETWEEN_WORDS or passive):
                        # "fighting between Thailand and Cambodia erupted", "a ceasefire was agreed between
                        # Israel and Hezbollah": those "between" names act on each other
                        sources = self._between(token, actors)
                    if condemned is not None and sources:
                        # "said it was concerned about the mercenary group's destabilising role": at whose
                        owner = self._condemned_actor(condemned, actors, token, {_code(x) for x in sources})
                        targets = [owner] if owner is not None else targets
                        if pattern.code == PRAISE_CODE and owner is None:
                            pattern = replace(pattern, code=said_code)  # "said Russia was a reliable supplier": praised whom?
                    if pattern.code == said_code and condemned is None and obliged is None and sources \
                            and self.vocab.codes[pattern.code].root == "01" and self._promised(token, sources, actors, triggers):
                        pattern = replace(pattern, code=ASSURANCE_CODE)  # "said it would process the request"
                    if obliged is not None:
                        taken = {_code(x) for x in sources}
                        bound = [s for c in obliged.children if c.dep_ in ("nsubj", "nsubjpass") for s in self._actors_of(c, actors, token)]
                        # (but rebels' demands of their president are demands: two bodies of one state)
                        if bound and {_code(s) for s in bound} <= taken and not any(
                                _body(s) and _body(b) and self._domestic_noted(s, b) for s in sources for b in bound):
                            # "said Russia should be ready to resume testing if the US does so": its own
                            # side's duty is no demand; with a condition it is a threat
                            conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                                              for c in obliged.subtree)
                            pattern = replace(pattern, code=THREAT_CODE if conditional else said_code)
                        targets = [s for s in bound if _code(s) not in taken] or targets
                    if not sources and (accused := self._accused(token, actors)):
                        # "accused the UAE of backing the RSF": the accused's act, on the accuser's word
                        sources, found_by = accused, "accused"
                        targets = [t for t in targets if _code(t) not in {_code(a) for a in accused}]
                    if not passive and (act := self._act_pronoun(subject, pattern, events[first:])) is not None:
                        # "condemned the US airstrikes, saying they killed six people": the strikes killed
                        sources, targets, found_by = [act.source], [act.target] if act.target is not None else [], "act_pronoun"
                    if passive and not sources and self._agent(token) is None and token.lemma_.lower() in OWN_PEOPLE_VERBS:
                        # "Somali diplomats will also be recalled": by their own state, from wherever they serve;
                        # "the ministry said ambassador X was being recalled": by the state that says so
                        speaker = (self._actors_of(subject_of(token.head)[0], actors, token)
                                   if not targets and token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORT_VERBS else [])
                        sources, targets = targets or speaker[:1], []
                    elif passive and not sources and targets and self._agent(token) is None \
                            and self.vocab.codes[pattern.code].root in SPEAKER_AGENT_ROOTS and (teller := self._teller(token, actors, targets)):
                        # "Two Chinese diplomats were expelled, the German foreign ministry said": by the teller's state
                        sources, found_by = teller, "teller"
                    elif not passive and not sources and token.lemma_.lower() in OWN_PEOPLE_VERBS and (own := [
                            s for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in OWN_PEOPLE_NOUNS
                            for s in self._actors_of(c, actors, token)]):
                        # "the foreign secretary has withdrawn Britain's ambassador to Iran": a subject that names
                        # no state recalls its own people (whose the object says), from wherever they serve
                        sources, targets = own[:1], [t for t in targets if _code(t) != _code(own[0])]
                    if sources and not passive and self.vocab.codes[pattern.code].root in CITIZEN_APPEAL_ROOTS and any(
                            c.dep_ == "dobj" and c.lemma_.lower() in CITIZEN_NOUNS
                            and any(d.dep_ == "poss" and d.lower_ in ("its", "their") for d in c.children) for c in token.children):
                        # "urged its citizens in China to keep a low profile", "asked its nationals in Iran to
                        # leave": an appeal to its own people, not to (nor an expulsion of) where they are
                        pattern, targets, found_by = replace(pattern, code=CITIZEN_APPEAL_CODE), sources[:1], "own_people"
                    spoken = subject is not None and not passive and subject.lemma_.lower() in SPEECH_NOUNS
                    if not sources and spoken:  # "a statement from the Chinese foreign ministry condemned ...": who issued it
                        sources = [s for o in self._prep_objects(subject, SPEAKER_PREPS) for s in self._actors_of(o, actors, token)
                                   if _code(s) not in {_code(t) for t in targets}][:1]
                    if not sources and (passive or spoken) and self._agent(token) is None and last_source is not None \
                            and self._sentences_back(token, 2) <= last_source.sent.start < token.sent.start \
                            and _code(last_source) not in {_code(t) for t in targets} \
                            and self.vocab.codes[pattern.code].root not in VIOLENT_ROOTS:
                        # "the firms were blacklisted", "the statement called on ...": by whoever the paragraph
                        # says acts, unless that is who the act befell ("Chile denied it. Chile's ports were attacked");
                        # but whoever the paragraph names is seldom who killed ("three Tajiks were killed", the mayor said)
                        sources, borrowed = [last_source], True
                else:
                    sources, targets = self._noun_arguments(token, actors, pattern.code)
                    if not sources and (claimed := self._claimed(token, actors)):
                        sources, found_by = claimed, "claimed"  # "claimed responsibility for the attack"
                        targets = [t for t in targets if _code(t) not in {_code(c) for c in claimed}]
                    if not sources and token.lemma_.lower() in FOUGHT_BETWEEN_WORDS:
                        sources = self._between(token, actors)  # "clashes between Thailand and Cambodia"
                    if (exchange := self._exchanged(token)) is not None:
                        # "an exchange of threats between the two rivals", "by Egypt and Ethiopia": the
                        # parties act on each other, whichever the noun's reading made source or target
                        parties = [s for o in self._prep_objects(exchange, {"between", "by"})
                                   for s in self._actors_of(o, actors, token)] or sources + targets
                        sources, targets = list({_code(p): p for p in parties}.values()), []
                    if not sources and targets and (doer := self._phrase_subject(token, pattern.code, actors, targets)):
                        # "during talks with Kagame, Ramaphosa urged", "came out in support of Morocco":
                        # the clause's subject holds the talks, gives the support
                        sources, found_by = doer, "phrase_subject"
                    if not sources and (earlier := self._mentioned(token, pattern, events)) is not None and (
                            not targets or {_code(t) for t in targets} & {_code(x) for x in (earlier.source, earlier.target) if x is not None}):
                        # "the attack", "this release": the act told of just before, mentioned again (but "the
                        # agreement with Tuvalu" is not the deal with China told of before)
                        sources, targets, found_by = [earlier.source], [earlier.target] if earlier.target is not None else [], "coreferent"
                    if not sources and reacted:
                        # "Kabul condemned the airstrikes": by whom the reaction is aimed at, on who reacts
                        reaction = [e for e in events if e.trigger.start == token.head.i and e.target is not None]
                        if token.head.lemma_.lower() in SELF_REPORT_VERBS:  # "confirmed its visit": the speaker's own act
                            sources, targets = [e.source for e in reaction][:1], targets or [e.target for e in reaction][:1]
                        else:
                            sources = [e.target for e in reaction][:1]
                            targets = [e.source for e in reaction][:1]
                        found_by = "parties_of_reaction"  # its actors read off the reaction to it
                if token.lemma_.lower() in SUMMONING_VERBS and self._own_envoy(token, sources, actors):
                    pattern = replace(pattern, code=RECALL_CODE)  # "summons its ambassador to Kenya": called home
                if pattern.code in PROTEST_CODES and sources and all(_official(s) for s in sources) \
                        and not (pattern.pos == "NOUN" and any(s.start >= o.left_edge.i and s.start <= o.right_edge.i
                                                               for o in self._scene(token) for s in sources)):
                    # "Japan protested": no street rally (but "protests erupted in Iraq" are its people's)
                    pattern = replace(pattern, code=OFFICIAL_PROTEST_CODE)
                if self.vocab.codes[pattern.code].root in VIOLENT_ROOTS and self._economic(token):
                    pattern = replace(pattern, code=ECONOMIC_CODE)  # "hit China with tariffs" is no strike
                elif self._deployed(token, pattern, actors):
                    pattern = replace(pattern, code=DEPLOYMENT_CODE)  # "sent troops to its border": no aid
                elif self._display(token, pattern, sources, targets):
                    pattern = replace(pattern, code=DISPLAY_CODE)  # "fired a missile into the sea", "drills around Taiwan"
                    if not targets and pattern.pos == "NOUN":
                        targets = [s for o in self._prep_objects(token, PLACE_PREPS) + self._prep_objects(token.head, PLACE_PREPS)
                                   for s in self._actors_of(o, actors, token) if s not in sources][:1]
                comment = pattern.code in DISAPPROVING and not targets  # "voiced concerns about a threat from Belarus"
                if sources and (comment or self.vocab.codes[pattern.code].root in ABOUT_ROOTS and pattern.pos == "VERB"):
                    said = self._voiced(token) if comment else [token]
                    about = [s for h in said for o in self._prep_objects(h, ABOUT_PREPS)
                             for s in (self._noun_arguments(o, actors, triggers[o.i].code)[0] if o.i in triggers else
                                       self._actors_of(o, actors, token) if comment and o.lemma_.lower() in ACT_NOUNS else [])
                             if _code(s) not in {_code(x) for x in sources}]  # (or over "the Chinese actions")
                    if about and not (targets and not found_by and targets[0]._.actor.kind == "country"):
                        # "complained to the UN over Israeli air raids": about Israel; but "complained to
                        # Israel over the attack" is aimed at the state it names
                        targets, found_by = about[:1], "about_act" if comment else ""
                if sources and (pattern.code in DISAPPROVING or self.vocab.codes[pattern.code].root in ABOUT_ROOTS) \
                        and (parties := self._pact_parties(token, actors, triggers, sources)) \
                        and {_code(t) for t in targets} <= {_code(p) for p in parties}:
                    targets, found_by = parties, "pact_parties"  # a comment on a pact is aimed at each party
                if sources and not targets and pattern.code == MEDIATE_CODE:
                    # "the deal brokered by Qatar", "mediated an agreement between Israel and Hamas":
                    # the mediator acts on each party to what it mediated
                    targets = self._mediated_parties(token, sources, actors, triggers, events)
                    found_by = "mediated" if targets else found_by
                if sources and not targets and self.vocab.codes[pattern.code].root in REACTION_ROOTS and not (
                        len({_code(x) for x in sources}) > 1 and self.vocab.codes[pattern.code].mutual):  # parties to each other
                    targets = self._reacted_to(token, sources, actors, triggers, events)
                    found_by = "reaction_target" if targets else found_by
                if targets and pattern.code in DISAPPROVING and self._about_an_act(token, targets, triggers, found_by):
                    pattern = replace(pattern, code=DISAPPROVING[pattern.code])  # "concern over Russia's ratification"
                if pattern.code.startswith(WITHDRAWAL_CODE) and sources and targets and self._foreign_forces(token, actors, sources, targets):
                    pattern = replace(pattern, code=EXPEL_CODE)  # "removed Indian troops from the Maldives": expelled them
                if pattern.code == AGREEMENT_CODE:
                    # "signed a security pact": military cooperation; and so is "the pact" between the
                    # same parties told of again
                    parties = frozenset(_code(x) for x in sources + targets)
                    material = self._material_agreement(token) or agreed.get(parties)
                    if material:
                        agreed[parties] = material
                        pattern = replace(pattern, code=material)
                if sources and all(s._.actor.detail in CROWD_NOUNS for s in sources) \
                        and self.vocab.codes[pattern.code].root in CROWD_FORCE_ROOTS:
                    pattern = replace(pattern, code=RIOT_CODE)  # "protesters stormed the embassy": a riot, no assault
                if pattern.pos == "VERB" and token.lemma_.lower() in JOINT_SPEECH_VERBS and not targets \
                        and self.vocab.codes[pattern.code].root == "01" and len({_code(x) for x in sources}) > 1:
                    pattern = replace(pattern, code=JOINT_SPEECH_CODE)  # "Trump and Abe spoke": with each other
                code = self.vocab.codes[pattern.code]
                # "the two countries closed their border": a pair named as a pair acts on each other
                paired = subject is not None and len(sources) >= 2 and code.root in PAIRED_ROOTS and self._pair_noun(subject) == len(sources)
                # "Turkey and Egypt cut ties": the ties between them
                paired = paired or (pattern.pos == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in TIE_NOUNS
                                                                  and not self._prep_objects(c, {"with"}) for c in token.children))
                # "Syria's civil war": its other side, read from the context, is at home (the RSF), never a state
                internal = pattern.pos == "NOUN" and any(c.dep_ == "amod" and c.lower_ in INTERNAL_MODIFIERS for c in token.children)
                if code.root in OWN_PLACE_EXCLUDED_ROOTS and sources:
                    # "ordered the closure of the Houston consulate": relations are reduced with whoever
                    # is there, never with the place at home where it happens
                    targets = [t for t in targets if not (t._.actor.kind == "place" and t._.actor.country == _code(sources[0]))]
                if sources and not targets and pattern.pos == "VERB" and token.dep_ == "ccomp" and (
                        said := triggers.get(token.head.i)) is not None and self.vocab.codes[said.code].root == "01":
                    # "notified Britain that it would terminate the agreement": aimed at whom it is told to
                    targets = [t for c in token.head.children if c.dep_ in ("dobj", "dative")
                               for t in self._actors_of(c, actors, token) if _code(t) not in {_code(x) for x in sources}][:1]
                # an act whose object names whom it is aimed at, though no state of the story: never guessed at
                # the story's other side (read only where a guess would be made)
                at_group = bool(sources) and not targets and pattern.pos == "VERB" and self._object_aims_elsewhere(token, sources, actors)
                if sources and not targets and not at_group and code.root in CONTEXT_TARGET_ROOTS and not (
                        len(sources) > 1 and (code.mutual or code.root in JOINT_ROOTS or token.lemma_.lower() in RECIPROCAL_WORDS
                                              or self._each_other(token) or paired)):  # those act on each other
                    targets = self._counterpart(token, sources[0], events)
                    targets = _at_home(targets, sources[0]) if internal else targets
                    found_by = "context_target" if targets else found_by
                if sources and not targets and not at_group and code.root in DOCUMENT_TARGET_ROOTS and len(sources) == 1 \
                        and pattern.code not in DOCUMENT_TARGET_EXCLUDED:
                    targets = self._document_counterpart(token, sources[0], cast)
                    targets = _at_home(targets, sources[0]) if internal else targets
                    found_by = "document_target" if targets else found_by
                if sources and not targets and len(sources) == 1 and (code.root in DOMESTIC_ROOTS or pattern.code.startswith(DOMESTIC_CODES)) \
                        and sources[0]._.actor.kind in ("country", "person") and sources[0]._.actor.country == _code(sources[0]) \
                        and named_in_sentence <= {_code(sources[0])} and sent.start not in at_sea \
                        and not any(m.lower_ == "foreign" for o in token.children if o.dep_ == "dobj" for m in o.children):
                    # "Turkish authorities imposed a curfew", "Egyptian demonstrators rioted": with no other
                    # state in the sentence, a state's coercion or its people's protest is aimed at home
                    targets, found_by = [sources[0]], "domestic_self"
                if token.i in ended:  # the end of an event: its actors, unless the end names its own
                    done = doc[ended[token.i]]
                    own_sources, own_targets = self._noun_arguments(done, actors, triggers[done.i].code)
                    if not sources:
                        sources, targets = own_sources, own_targets
                    elif not targets:
                        targets = [t for t in own_sources + own_targets if _code(t) not in {_code(x) for x in sources}]
                    if self.vocab.codes[triggers[done.i].code].quad == "material_conflict" and pattern.code.startswith("16"):
                        pattern = replace(pattern, code="087")  # ending a fight de-escalates it
                # "a deal between A and B" names the parties, not who acts on whom
                noun = doc[ended[token.i]] if token.i in ended else token if pattern.pos == "NOUN" else None
                between = self._prep_objects(noun, {"between"}) if noun is not None else []
                parties = {_code(x) for o in between for x in self._actors_of(o, actors, token)}
                # ... unless nobody acts: "the arrangement between Russia and Iran deteriorated"
                agentless = token.i in ended and pattern.pos == "VERB"
                unordered = bool(parties) and {_code(x) for x in sources + targets} <= parties and not agentless
                if pattern.inverse:  # "the envoy drew Iranian ire": Iran acts, at the envoy
                    objects = [c for c in token.children if c.dep_ in ("dobj", "ccomp")]
                    reacting = self._actors_of(objects[0] if objects else None, actors, token)
                    # "drew condemnation from Taiwan": whose the reaction is, in the verb's "from"-phrase
                    reacting = reacting or [x for o in self._prep_objects(token, {"from"}) for x in self._actors_of(o, actors, token)]
                    sources, targets = reacting[:1], sources[:1]
                # the press, scholars, NGOs speak for no state; the press reports ("the BBC reports that ..."):
                # no one's act, and no other party of the story takes its place
                reporters = [s for s in sources if self._press(s)]
                sources = [s for s in sources if s._.actor.role not in NON_STATE_SPEAKERS][:MAX_SOURCES]
                targets = [t for t in targets if not self._press(t)]  # "told AFP": the press is no one's side
                # an active verb's subject is set only with `passive`, in this act's verb branch
                active = subject if subject is not None and not passive else None
                # "some have accused ...", "a suicide bomber killed ...": no side
                generic = (active is not None and active.lower_ in GENERIC_SUBJECTS) or self._unattributed(token, active)
                if not sources and not reporters and len(targets) == 1 and self.vocab.codes[pattern.code].root in DOCUMENT_TARGET_ROOTS \
                        and not generic and not (subject is not None and subject.i in triggers) \
                        and not self._group_doer(token, active):  # "the deal was renewed": by its parties
                    # "the sites were hit", "the sanctions on Iran": in a story about two sides, by the other
                    sources = self._document_counterpart(token, targets[0], cast)
                    found_by = "document_source" if sources else found_by
                if not sources and not targets and pattern.pos == "NOUN" and not generic and not token.ent_type_ \
                        and not self._background(token) and not self._prep_objects(token, {"between", "among"}) \
                        and not self._told_by(token, events[first:], triggers) and (
                        self.vocab.codes[pattern.code].mutual or token.lemma_.lower() in RECIPROCAL_WORDS):
                    # "a prisoner swap", "the treaty signed in 2010": a two-sided act no one in its
                    # sentence is party to, in a story about two sides, is between them
                    sources = self._story_sides(cast, named_in_sentence, token)
                    found_by = "document_sides" if sources else found_by
                if not sources:
                    continue  # an event needs someone who acts
                if len({_code(s) for s in sources}) > 1 and targets and {_code(t) for t in targets} <= {_code(s) for s in sources} \
                        and all(t._.actor is not None and t._.actor.kind in ("place", "region") for t in targets):
                    targets = []  # "India and the US held an exercise in Alaska": where one of them is, not at whom
                pairs = [(s, t) for s in sources for t in targets or [None]]
                together = list(itertools.permutations(sources, 2))
                if not targets and len(sources) > 1 and self.vocab.codes[pattern.code].mutual \
                        and token.lemma_.lower() not in JOINT_EXCLUDED_LEMMAS:
                    # "Russia and Iran struck a deal": one act, no direction, between each two
                    pairs = [(a, b) for a, b in together if a.start < b.start]
                elif not targets and len(sources) > 1 and (token.lemma_.lower() in RECIPROCAL_WORDS or self._each_other(token)
                                                           or paired or exchange is not None or (self.vocab.codes[pattern.code].root in JOINT_ROOTS
                                                               and pattern.code not in JOINT_EXCLUDED
                                                               and token.lemma_.lower() not in JOINT_EXCLUDED_LEMMAS)):
                    # "exchanged prisoners", "accused each other", "India and Pakistan agreed to a ceasefire"
                    pairs, joint = together, True
                elif len(sources) == 1 and len(targets) == 1 and pattern.code in BOTH_WAYS_CODES and _code(targets[0]) \
                        and not any(t.lower_.startswith("unilateral") for t in token.subtree):
                    # "Pakistan agreed to a ceasefire with India": a truce binds each side toward the other
                    pairs, joint = pairs + [(targets[0], sources[0])], True
                condition = self._condition(token)
                if condition == "comparison":
                    continue  # "as if America had sought weapons from Cuba": a figure, not an act
                modality, intent = self._modality(token)
                if found_by in ("accused", "claimed") and modality == "asserted":
                    modality = "reported"  # on the accuser's word
                if reacted and modality in ("negated", "hypothetical") and not any(
                        c.dep_ in ("amod", "compound") and c.lower_ in UNREAL_MODIFIERS for c in token.children):
                    modality, intent = self._reported(token), False  # "did not condemn the attack": it happened
                unless = [c for c in token.children if c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)]
                if unless and pattern.pos == "VERB" and self.vocab.codes[pattern.code].root != "13":
                    # "will withdraw its force unless the president acts": a threat at who must act
                    pattern, modality, intent = replace(pattern, code=THREAT_CODE), "asserted", False
                    must_act = [s for c in unless for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                                for s in self._actors_of(g, actors, token) if _code(s) not in {_code(x) for x in sources}]
                    targets = must_act[:1] or targets
                    pairs = [(s, t) for s in sources for t in targets or [None]]
                if modality == "reported" and self._own_word(token, sources, actors):
                    modality = "asserted"  # "Washington says it will impose sanctions": the saying is the act
                if modality == "negated" and token.lemma_.lower() in WARNING_VERBS and any(
                        c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | {"would", "wo"} for c in token.children):
                    modality, intent = "asserted", False  # "said it would not tolerate incursions": a warning, said now
                refused = modality == "negated" and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | {"would", "wo"}
                                                        for t in self._clause_chain(token) for c in t.children) \
                    and not (token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in PERMISSION_VERBS)
                # ("would not allow Sweden to join NATO": the refusal is the allowing's, Sweden refuses nothing)
                if refused and "03" <= self.vocab.codes[pattern.code].root <= "08":
                    # "we will never recognize Kosovo", "said it would not attend": a refusal, said now
                    pattern, modality, intent = replace(pattern, code=REJECTION_CODE), "asserted", False
                elif refused and self.vocab.codes[pattern.code].root in ASSURED_ROOTS:
                    # "Brazil would not veto Venezuela", "will not use force": an assurance, said now
                    pattern, modality, intent = replace(pattern, code=ASSURANCE_CODE), "asserted", False
                code = self.vocab.codes[pattern.code]
                if intent and code.root in SCHEDULED_ROOTS and self._told_by_another(token, sources, actors):
                    intent = "scheduled"  # "Hichilema will visit China, China's ministry announced": set, told by the host
                if intent == "scheduled" and code.root in SCHEDULED_ROOTS:
                    modality, intent = "hypothetical", False  # a meeting set to happen is a meeting, not yet held
                if intent and code.root in INTENT_CODES and not (
                        code.root in DECIDED_ROOTS and self._decided(token, sources, actors)):
                    pattern = replace(pattern, code=INTENT_CODES.get(pattern.code, INTENT_CODES[code.root]))
                when, basis = self._date(token, doc, dates, context, sent.start in unanchored, story)
                doubtful = self._doubtful(token, pattern, condition, unordered, triggers) or (
                    modality == "negated" and code.root in NEGATED_UNCOUNTED_ROOTS) or (  # "does not recognise the findings"
                    found_by == "accused" and code.quad.startswith("verbal"))  # "accused Kenya of supporting the RSF": a charge, not a told act
                act_cues = self._act_cues(token, pattern, triggers, doubtful, borrowed, joint, modality, busy, found_by)
                if pattern.pos == "NOUN" and self._sequel(token):
                    act_cues |= {"sequel"}  # an act told as what the main one came after
                if reacted:  # an act told as what another reacts to ("rejected Trudeau's allegations")
                    act_cues |= {"reacted_object", f"reacted_object:{self.vocab.codes[pattern.code].quad}"}
                for source, target in pairs:
                    # one act per dyad and root in a sentence, unless their dates differ ("fought
                    # on Iranian territory during World War I, and invaded Iran during World War II"); a
                    # meeting both sides hold is not the visit one paid ("visited Beijing, where he met Xi")
                    key = (_code(source), _code(target), self.vocab.codes[pattern.code].root, when,
                           self.vocab.codes[pattern.code].mutual)
                    if key not in seen and _code(source) == _code(target) and found_by not in ("domestic_self", "own_people") \
                            and not self._domestic_noted(source, target):
                        continue  # only two parts of one state act on each other, or one at home
                    cues = act_cues | self._pair_cues(token, pattern, source, target, subject, named_in_sentence)
                    event = Event(doc[token.i : token.i + 1], pattern, source, target, modality, when,
                                  basis, self.confidence.of(cues), cues)
                    if key in seen:  # told twice ("fired into Cambodia and destroyed a target"): the surer telling
                        if event.confidence > events[seen[key]].confidence:
                            self._displaced.append(events[seen[key]])
                            events[seen[key]] = event
                        continue
                    seen[key] = len(events)
                    events.append(event)
                    if not borrowed:
                        last_source = source
            for event in [e for e in events[first:] if e.target is not None and e.target_code != e.source_code]:
                # "said its forces shot down 17 Ukrainian drones": Ukraine launched them at whoever downed them
                weapon = self._intercepted(event.trigger.root)
                if weapon is None or any(e.source_code == event.target_code and e.target_code == event.source_code
                                         and self.vocab.codes[e.pattern.code].root in VIOLENT_ROOTS for e in events[first:]):
                    continue
                modality = "reported" if event.modality == "asserted" else event.modality  # on the interceptor's word
                events.append(self._read_event(weapon, Pattern(weapon.lemma_.lower(), "NOUN", LAUNCH_CODE), event.target,
                                               event.source, modality, (event.when, event.date_basis), "intercepted",
                                               triggers, busy, named_in_sentence))
            for at in range(first, len(events)):
                # "Morocco announced the decision": the act it announces is its act told before, again
                if (again := self._own_act_again(events[at], events, first)) is not None:
                    events[at] = again
            # "Romania summons Russian ambassador": the verb the parser took for a noun, read by the line's shape
            verbs_read = {e.trigger.root.i for e in events[first:] if e.pattern.pos == "VERB"}
            for word, pattern, sources, targets in headline_acts(sent, actors, self.vocab, TIE_NOUNS, verbs_read):
                dated = self._date(word, doc, dates, context, sent.start in unanchored, story)
                events += [self._read_event(word, pattern, source, target, "asserted", dated, "headline", triggers,
                                            busy, named_in_sentence)
                           for source in sources for target in targets if _code(source) != _code(target)]
            if self._quoted and (quoted := self._quoted_condemnation(sent, actors, events, first, cast)) is not None:
                word, source, target = quoted
                events.append(self._read_event(word, Pattern(word.lemma_.lower(), word.pos_, CRITICISM_CODE), source,
                                               target, self._modality(word)[0],
                                               self._date(word, doc, dates, context, sent.start in unanchored, story),
                                               "quoted_condemnation", triggers, busy, named_in_sentence))
            elif self._quoted and (quoted := self._quoted_threat(sent, actors, events, first, cast)) is not None:
                word, source, targets = quoted
                dated = self._date(word, doc, dates, context, sent.start in unanchored, story)
                events += [self._read_event(word, Pattern(word.lemma_.lower(), word.pos_, THREAT_CODE), source, target,
                                            "asserted", dated, "quoted_threat", triggers, busy, named_in_sentence)
                           for target in targets]
        del doc.user_data[PARTIES]
        doc.user_data.pop(UNKNOWN_PEOPLE, None)  # made for this Doc's actors as they are now
        doc._.events = events
        return doc


@Language.factory("detente_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp)
