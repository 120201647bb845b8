"""The types that cross every boundary: a Document going in, DocRecords coming out."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

# Metadata fields a Document carries, each with the way it was found (its "basis").
META_FIELDS = ("title", "published", "publication", "authors", "url")


# Control characters are no text: the ones that break lines (vertical tab, form feed, the file, group
# and record separators, NEL) become a newline, every other one (NUL, ESC, DEL, C1 ...) a space;
# tab, LF and CR stay. A lone surrogate (from a JSON "\\ud800") cannot be written as UTF-8: it becomes
# U+FFFD, the replacement character.
_LINE_BREAKING = "\x0b\x0c\x1c\x1d\x1e\x85"
_CONTROL_OR_SURROGATE = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_SEPARATORS = re.compile("[\n\r\u2028\u2029]")


def _clean_char(m: re.Match) -> str:
    c = m.group()
    if "\ud800" <= c <= "\udfff":
        return "\ufffd"
    return "\n" if c in _LINE_BREAKING else " "


def clean_chars(text: str) -> str:
    """`text` without control characters (but tab, LF, CR) or lone surrogates: same length, so
    offsets hold. Text without them is returned unchanged."""
    return _CONTROL_OR_SURROGATE.sub(_clean_char, text)


def clean_line(value: str) -> str:
    """A one-line metadata value (title, author, publication, url): clean_chars, NFC, every line break
    and run of whitespace one space, no outer spaces."""
    value = unicodedata.normalize("NFC", clean_chars(value))
    return " ".join(_LINE_SEPARATORS.sub(" ", value).split())


def normalise_text(text: str) -> str:
    """The canonical form of a text: NFC, Unix newlines, no trailing spaces, no outer blank lines,
    no control characters or lone surrogates (see clean_chars).

    Two files that differ only in encoding, line endings or trailing blanks are one document.
    """
    text = unicodedata.normalize("NFC", clean_chars(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip("\n").rstrip()


def doc_id_for(normalised: str) -> str:
    """Document id: the first 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article as read from its source, before analysis.

    `text` is normalised; `masked` lists (start, end) spans of `text` that are metadata
    (a dateline, a byline, a URL line) rather than article prose: analysis skips them but
    offsets stay those of `text`.
    """

    text: str
    source_path: str
    record: str | None = None  # line number or row within a multi-record file
    encoding: str | None = None
    title: str | None = None
    published: date | None = None
    publication: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    keywords: list[str] = field(default_factory=list)
    basis: dict[str, str] = field(default_factory=dict)  # field -> how it was found
    masked: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0  # bytes of the source this document accounts for (for progress)
    ingested_at: datetime | None = None  # set when read back from the store

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.text)

    @property
    def origin(self) -> str:
        return f"{self.source_path}:{self.record}" if self.record else self.source_path

    def analysable_text(self) -> str:
        """The text with metadata spans blanked out, same length so offsets hold."""
        if not self.masked:
            return self.text
        chars = list(self.text)
        for start, end in self.masked:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    issues: list[str] = field(default_factory=list)  # issue areas, strongest first


@dataclass
class Mention:
    """An entity mention; an actor mention carries its resolution (code None: unresolved)."""

    sent_idx: int
    start: int
    end: int
    surface: str
    label: str  # the spaCy entity label (PERSON, GPE, ORG, NORP ...), ACTOR where spaCy saw none
    actor: object | None = None  # pipeline.actors.ActorRef for actor mentions


@dataclass
class EventRecord:
    """One coded event with its evidence: the trigger's span in its sentence."""

    sent_idx: int
    trigger_start: int
    trigger_end: int
    trigger: str
    source: str | None  # canonical actor codes
    target: str | None
    source_role: str | None
    target_role: str | None
    source_text: str | None
    target_text: str | None
    cameo: str
    root: str
    cameo_name: str
    goldstein: float
    quad: str
    plover_type: str | None
    plover_mode: str | None
    modality: str  # asserted, reported, hypothetical, negated
    date: str | None  # ISO, as precise as known
    date_start: date | None
    date_precision: str | None
    date_basis: str
    issue: str | None
    confidence: float
    cues: tuple[str, ...] = ()  # how the coder read it (what its confidence weighs); not stored

    @property
    def event_id(self) -> str:
        return f"{self.sent_idx}:{self.trigger_start}:{self.source or '-'}:{self.target or '-'}:{self.cameo}"


@dataclass
class QuoteRecord:
    """A direct quotation and its speaker, as the text gives them."""

    sent_idx: int  # the sentence the quotation starts in
    start: int  # offsets of the quoted words in the document text
    end: int
    text: str
    speaker: str | None  # the speaker's mention as written
    speaker_actor: str | None  # its actor code, where the speaker acts for a state or organisation
    speaker_id: str | None  # knowledge-base id (person_id ...)
    speaker_role: str | None
    affiliation: str | None
    how: str  # reporting verb, reporting noun, according to, pronoun, continuation


@dataclass
class StanceRecord:
    """How the document characterises one dyad it discusses at length."""

    actor_a: str  # alphabetical order
    actor_b: str
    label: str  # strategic_alliance, limited_partnership, marriage_of_convenience, rivalry
    confidence: float
    scores: dict[str, float]
    evidence: list[int]  # sentence indices, strongest first


@dataclass
class DocRecords:
    """Everything analysis learned about one document: plain rows, ready for the store."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    words: int
    events: list[EventRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    issues: list[tuple[str, float, int, bool]] = field(default_factory=list)  # issue, weight, sentences, assigned
    stances: list[StanceRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader should know (text cut into sentences ...); not stored
