"""Reading the dependency parse: who a verb's subject is, and whom a pronoun stands for.
Shared by the event coder and the quote finder."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

SUBJECTS = {"nsubj", "csubj"}
PRONOUN_KINDS = {"he": ("person",), "she": ("person",), "it": ("country", "organization"),
                 "his": ("person",), "her": ("person",), "its": ("country", "organization"),
                 "they": ("country", "organization"), "their": ("country", "organization")}
PERSON_PRONOUNS = {"he": ("person",), "she": ("person",)}
SAYING_VERBS = {"say", "tell", "state", "declare", "add", "write", "insist", "argue", "stress"}
JOINING_VERBS = {"join"}  # "joined X in condemning ...": the joiner and X both act
# prepositions whose gerund shares the subject of the verb they modify ("after meeting Putin,
# Erdogan said"), unlike "of"/"for" after accusations ("accused the UAE of backing the RSF")
ADVERBIAL_PREPS = {"by", "after", "before", "upon", "while", "since", "without", "through", "despite"}
# verbs that make their object do what their "to"-clause says, so it is done ("prompting Seoul's troops
# to fire", "forced Kyiv to retreat"); what is asked or allowed ("urged NATO to act") need not be
OBJECT_CONTROL = {"prompt", "force", "compel", "cause", "lead", "push", "drive", "spur", "provoke", "oblige"}
# what one undertakes toward an act its "to"-clause names, whose doer is who undertakes it ("launched a
# process to reimpose sanctions", "took steps to expel the envoy")
UNDERTAKINGS = {"process", "procedure", "step", "bid", "effort", "attempt", "campaign", "initiative", "drive", "push"}
# what one issues or speaks in, whose clause says what its issuer does ("issued a statement condemning
# the strike", "said in a letter demanding ...")
WRITTEN_WORDS = {"statement", "communique", "communiqué", "declaration", "announcement", "letter", "message",
                 "note", "readout", "release", "memo", "speech", "address", "post", "tweet", "resolution"}
DATELINES = "datelines"  # doc.user_data key: (start, end) token ranges of the wire datelines
UNKNOWN_PEOPLE = "detente_unknown_people"  # doc.user_data: (which actor spans, their unresolved people's tokens)


def text_of(doc: Doc) -> str:
    """The Doc's text, kept by the pipeline when it made the Doc (Doc.text joins every token anew)."""
    return doc.user_data.get("text") or doc.text


FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}  # an auxiliary that makes its verb finite (has, have, had, will)


def infinitive(verb: Token) -> bool:
    """Whether a verb is a "to"-infinitive ("to expel", "to leave")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing to the governing verb for "to"-clauses and
    coordinated verbs, and to the noun a relative clause modifies ("Khamenei, who criticized")."""
    first = verb
    for _ in range(4):
        # of two subjects the nearest: the parser makes a dateline ("ANKARA (AP) —") a second subject
        for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            if child.dep_ in SUBJECTS:
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head, _inherited_passive(first, verb, False)
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "conj" and verb.head.dep_ == "relcl":
                    # "X, whose post is ceremonial and who has accused ...": the second clause's "who" is X too
                    return verb.head.head, _inherited_passive(first, verb, False)
                return _past_dateline(child), _inherited_passive(first, verb, False)
            if child.dep_ == "nsubjpass":  # "Soleimani, who was killed in a U.S. strike": Soleimani
                return (verb.head if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else child), \
                    _inherited_passive(first, verb, True)
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL and (controller := next(
                (c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)) is not None:
            return controller, False  # "prompting Seoul's troops to fire": the troops fire
        if verb.dep_ == "conj" and infinitive(verb.head) and any(
                a.dep_ == "aux" and a.tag_ in FINITE_TAGS for a in verb.children) and verb.head.head.i != verb.head.i:
            verb = verb.head.head  # "will not allow the envoy to return and has suspended ties": a finite verb is
            continue               # not coordinated with the infinitive, but with the verb above it
        if verb.dep_ == "conj" and verb.head.lemma_ == "be" and verb.head.dep_ == "ccomp" \
                and verb.head.head.lemma_.lower() in SAYING_VERBS and verb.head.head.i < verb.head.i:
            # "Rutte said Erdogan's remarks were inflammatory and demanded an apology": the parser
            # coordinates the second verb with the reported copula; it goes with the saying
            verb = verb.head.head
            continue
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            verb = verb.head
            continue
        if verb.dep_ == "attr" and verb.tag_ == "VBG" and verb.head.lemma_ == "be":
            verb = verb.head  # "Qatar is mediating between ...", parsed as a predicate of "is"
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in JOINING_VERBS:
            verb = verb.head.head  # "Qatar joined Saudi Arabia in condemning the strikes": Qatar condemned
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ in ADVERBIAL_PREPS and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "By hitting Qatar, Israel widened ...": Israel hit Qatar
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, True  # "the Americans released", "a Maduro ally arrested in 2020": what it befell
        if verb.dep_ in ("acl", "relcl") and (holder := _holder(verb)) is not None:
            verb = holder  # "launched a process to reimpose sanctions", "issued a statement condemning the strike"
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, False  # "Khamenei, who criticized"; "Putin waiting to meet"
        break
    return None, False


def _holder(verb: Token) -> Token | None:
    """The verb whose subject does what a clause on its object or scene says: the one who launched the
    process "to reimpose sanctions", who issued the statement "condemning the strike" or spoke "in a
    statement demanding ..."; None where the clause hangs on any other noun."""
    noun = verb.head
    to = infinitive(verb)
    if not ((noun.lemma_.lower() in UNDERTAKINGS and to)
            or (noun.lemma_.lower() in WRITTEN_WORDS and (to or verb.tag_ == "VBG"))):
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children):
        return None  # "blocked a UN statement condemning ...": the statement's own issuer, not who blocked it
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "via") and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _inherited_passive(first: Token, verb: Token, passive: bool) -> bool:
    """Whether a subject found on `verb` undergoes `first`, the verb it was looked for: a verb with
    its own passive auxiliary does ("Macron arrived and was greeted by Xi"); a verb coordinated with
    a passive shares its auxiliary unless it has one or an object of its own ("was labelled persona
    non grata and ordered to leave", but "was greeted by Tsipras and held talks"); a verb below the
    one with the subject acts ("Biden is set to host")."""
    if first is verb:
        return passive
    if any(c.dep_ == "auxpass" for c in first.children):
        return True
    return passive and first.dep_ == "conj" and not any(c.dep_ in ("aux", "dobj") for c in first.children)


def _unknown_people(doc: Doc) -> set[int]:
    """The tokens of the people named whose state is unknown, made once per Doc and its actors."""
    spans = doc.spans.get("actors", [])
    key = (id(spans), len(spans))
    cached = doc.user_data.get(UNKNOWN_PEOPLE)
    if cached is not None and cached[0] == key:
        return cached[1]
    found = {i for s in spans if s._.actor is not None and s._.actor.kind == "person" and not s._.actor.code
             for i in range(s.start, s.end)}
    doc.user_data[UNKNOWN_PEOPLE] = (key, found)
    return found


def _past_dateline(subject: Token) -> Token:
    """The subject behind a wire dateline the parser made the subject ("NEW DELHI (AP) — India and
    China have agreed": DELHI the subject, India its apposition)."""
    lines = subject.doc.user_data.get(DATELINES, ())
    inside = next(((s, e) for s, e in lines if s <= subject.i < e), None)
    if inside is None:
        return subject
    return next((t for t in subject.subtree if t.dep_ == "appos" and t.i >= inside[1]), subject)


def main_subject_before(token: Token, since: int = 0) -> Token | None:
    """The main clause's subject in the sentence before, where `token` opens its own sentence as its
    main clause's subject: such a subject continues the one before ("Kiribati cut ties with Taiwan.
    The island nation will ..."), whatever was named last; None otherwise or before token `since`."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT" or token.sent.start <= since or any(
            t.dep_ in ("nsubj", "nsubjpass") for t in token.doc[token.sent.start : token.i]):
        return None
    before = token.doc[token.sent.start - 1].sent.root
    return next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def relative_clause(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun is the object of ("South Africa, which Xi visited";
    "Rwanda, with which Uganda signed"): its verb, whose head is what the pronoun stands for."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    return verb if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None


def antecedent(pronoun: Token, actors: dict[int, Span], since: int = 0,
               pronouns: dict[str, tuple[str, ...]] = PRONOUN_KINDS) -> Span | None:
    """The last actor before a pronoun, back to token `since`, of the kind the pronoun takes:
    a person for he/she, a state or organisation for it (a demonym describing a thing is none)."""
    kinds = pronouns.get(pronoun.lower_)
    if kinds is None:
        return None
    bound = {"its": "it", "their": "they"}.get(pronoun.lower_)
    if bound and pronoun.dep_ == "poss":
        # "but it has issued its own threats": a possessive bound by its clause's pronoun subject
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == bound
                        and c.i < pronoun.i), None)
        if subject is not None:
            pronoun = subject
        elif verb.pos_ in ("VERB", "AUX") and pronoun.head.dep_ == "dobj" and pronoun.head.head.i == verb.i:
            # "France has stepped up support for Armenia and escalated its criticism": in the verb's
            # object, its clause's subject (in a phrase, "helpful to Iran during its talks", the nearest)
            named, _ = subject_of(verb)
            span = actors.get(named.i) if named is not None and named.i < pronoun.i else None
            if span is not None and span._.actor.kind in kinds:
                return span
    if pronoun.lower_ in ("it", "they") and (main := main_subject_before(pronoun, since)) is not None:
        # "the Ministry of External Affairs demanded that Pakistan stop ... It also urged the UN": the ministry
        span = actors.get(main.i)
        if span is not None and span._.actor.kind in kinds and (pronoun.lower_ == "they") == (main.tag_ in ("NNS", "NNPS")):
            return span
    if pronoun.lower_ in ("it", "they"):
        # "it" takes the nearest earlier subject: "History doesn't force Iran and Russia to be
        # enemies, but it did ..." is history, not Russia; a subject that is no actor means none.
        for i in range(pronoun.i - 1, since - 1, -1):
            tok = pronoun.doc[i]
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ not in ("it", "they"):
                # "Niger Republic announced that it ...": the name the subject's compound holds
                span = actors.get(i) or next((actors[c.i] for c in tok.children if c.dep_ == "compound"
                                              and c.pos_ == "PROPN" and c.i in actors
                                              and actors[c.i]._.actor.kind == "country"), None)  # not "the NATO member"
                if span is None and tok.pos_ in ("NOUN", "PROPN"):
                    if pronoun.lower_ == "they" and tok.tag_ in ("NN", "NNP"):
                        break  # "The bloc gave the coup leaders ... They": a singular subject is not "they"
                    if pronoun.lower_ == "it" and tok.tag_ in ("NNS", "NNPS"):
                        continue  # "... said that refugees were among those targeted. It has vowed": not "it"
                    return None
                if span is not None and span._.actor.kind in kinds:
                    return span
                if span is not None and span._.actor.kind == "person" and span._.actor.code and pronoun.lower_ == "it" \
                        and any(a.dep_ == "ccomp" and a.head.i == tok.head.i for a in pronoun.ancestors):
                    # "Taipei's deputy foreign minister confirmed that it has severed ties": what an official
                    # says "it" did, the official's state did
                    return span
    if "person" in kinds and pronoun.dep_ in ("nsubj", "nsubjpass"):
        # "he" as a subject is the person last named as a subject: "Albares condemned Milei's insult.
        # He demanded an apology" is Albares, not Milei; a person named whose state is unknown is
        # "he" as much as one whose state is known: the pronoun then stands for no actor
        unknown = _unknown_people(pronoun.doc)
        for i in range(pronoun.i - 1, since - 1, -1):
            if pronoun.doc[i].dep_ not in ("nsubj", "nsubjpass"):
                continue
            if i in unknown:
                return None
            span = actors.get(i)
            if span is not None and span._.actor.kind in kinds:
                return span
    for i in range(pronoun.i - 1, since - 1, -1):
        span = actors.get(i)
        if span is not None and span._.actor.kind in kinds and span._.actor.how != "demonym modifier":
            return span
    return None
