"""Events out of the store, for other tools: our own schema (csv, parquet, jsonl), GDELT 2.0's
event table, and PLOVER JSON records.

Every format carries the same events, chosen with the same EventFilter as `detente events`, and is
written to a temporary file beside the target and renamed into place, so a failure never leaves
half a file behind.

GDELT 2.0 event table (tab-separated, no header, 61 columns in GDELT's order). GDELT_COLUMNS below
names each column with what fills it; in short:

| GDELT column | filled from |
| --- | --- |
| GLOBALEVENTID | a stable 60-bit integer from our event_id (GDELT's ids are integers) |
| SQLDATE, MonthYear, Year, FractionDate | the event's date_start (empty when the text dates nothing) |
| Actor1Code / Actor2Code | source / target code + its CAMEO role (RUS + GOV = RUSGOV), as GDELT concatenates them |
| Actor*Name | the actor's name in our knowledge base (upper case, as GDELT), else the words of the text |
| Actor*CountryCode | the actor's country (ISO3, as GDELT's CAMEO country codes) |
| Actor*KnownGroupCode | our code for organisations and groups with no country (NATO, HEZBOLLAH, IS) |
| Actor*EthnicCode, Religion1/2Code | empty: detente does not code ethnicity or religion |
| Actor*Type1Code | the CAMEO role (GOV, MIL ...); Type2/Type3 empty (one role per actor) |
| IsRootEvent | 1 when the event's sentence is among the document's first three (GDELT: the lead paragraph) |
| EventCode, EventBaseCode, EventRootCode | cameo (a bare root "19" becomes "190", as GDELT writes it), its first three digits, root |
| QuadClass | GDELT's, from the root: 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20); detente's own `quad` puts 09 with verbal and 14 with material conflict, as the gold does |
| GoldsteinScale | goldstein |
| NumMentions, NumSources, NumArticles | the event's cluster (events, sources, documents reporting it) when clusters are built, else 1 |
| AvgTone | empty: detente does not score tone |
| Actor1Geo_*, Actor2Geo_* | empty: detente does not tie places to actors |
| ActionGeo_* | the first place named in the event's sentence: Type 4 (world city/landmark), FullName, CountryCode (FIPS 10-4, as GDELT's geography columns: Iran IR, Russia RS, Germany GM; fips_countries.csv), Lat, Long; ADM1/ADM2/FeatureID empty |
| DATEADDED | when the document was ingested, YYYYMMDDHHMMSS (UTC) |
| SOURCEURL | the article's url, else "publication: title" as GDELT cites non-web sources, else its file |
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from .analysis.events import EventFilter, records_query
from .knowledge.kb import read_csv_rows

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "plover")
SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "gdelt"}


class ExportError(Exception):
    """An output the user asked for that cannot be written; one line, names the path."""


def export_events(con: duckdb.DuckDBPyConnection, fmt: str, path: str | Path, flt: EventFilter | None = None) -> int:
    """Write the filtered events to `path` in `fmt`; returns the number of events written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
    path = Path(path)
    query, params = records_query(flt)
    count = con.execute(f"SELECT count(*) FROM ({query})", params).fetchone()[0]
    with atomic_output(path) as tmp:
        if fmt in ("csv", "parquet", "jsonl"):
            options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}[fmt]
            con.execute(f"COPY ({query}) TO '{_sql_path(tmp)}' ({options})", params)
        else:  # GDELT's DATEADDED is when the article came in; its mentions give the article's length
            result = con.execute(f"""SELECT r.*, d.ingested_at, d.n_chars, d.site, d.source_path
                                     FROM ({query}) r JOIN documents d USING (doc_id)""", params)
            names = [c[0] for c in result.description]
            rows = [dict(zip(names, r)) for r in result.fetchall()]
            if fmt == "plover":
                write_plover(con, rows, tmp)
            else:
                with atomic_output(mentions_path(path)) as mentions:
                    write_gdelt(con, rows, tmp, mentions)
    return count


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, or the one the file's suffix names."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise ExportError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
        return fmt.lower()
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    raise ExportError(f"{path}: cannot tell the format from the file name; give --format ({', '.join(FORMATS)})")


def check_output(path: Path) -> None:
    """Refuse, in one line, an output path that cannot be written, before any work is done."""
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"{path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise ExportError(f"{path}: folder {parent} is not writable")


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, renamed onto it only when the block succeeds."""
    check_output(path)
    fd, name = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp makes the file private; give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror or e})") from None
    except duckdb.IOException as e:
        raise ExportError(f"{path}: cannot write ({str(e).splitlines()[0]})") from None
    finally:
        tmp.unlink(missing_ok=True)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# --- GDELT 2.0 ------------------------------------------------------------------------------------

def gdelt_quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root, which GDELT's users filter by (not detente's `quad`)."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4
GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
         "Type1Code", "Type2Code", "Type3Code")
# The 61 columns of GDELT 2.0's event table, in its order (codebook V2.0, 2015-02-19).
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in ACTOR] + [f"Actor2{c}" for c in ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61


def _actor_info(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """code -> (name, kind, country) from the knowledge-base snapshot in the store."""
    rows = con.execute("SELECT code, any_value(name), any_value(kind), any_value(country) FROM actors GROUP BY code").fetchall()
    return {code: (name, kind, country) for code, name, kind, country in rows}


def _cluster_counts(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int, int]]:
    """event_id -> (events, sources, documents) of its cluster, when the clusters are built."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"clusters", "event_clusters"} <= tables:
        return {}
    rows = con.execute("""SELECT ec.event_id, c.n_events, c.n_sources, c.n_documents
                          FROM event_clusters ec JOIN clusters c USING (cluster_id)""").fetchall()
    return {event_id: (n, s, d) for event_id, n, s, d in rows}


def _action_places(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], tuple]:
    """(doc_id, sent_idx) -> the first place named in that sentence, with its coordinates."""
    rows = con.execute("""SELECT doc_id, sent_idx, arg_min(surface, start_char), arg_min(country, start_char),
                                 arg_min(lat, start_char), arg_min(lon, start_char)
                          FROM mentions WHERE lat IS NOT NULL GROUP BY doc_id, sent_idx""").fetchall()
    return {(d, i): rest for d, i, *rest in rows}


def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4, the country codes of GDELT's geography columns (fips_countries.csv)."""
    return {r["iso3"]: r["fips"] for r in read_csv_rows("fips_countries.csv") if r["fips"]}


def gdelt_id(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)


def gdelt_row(event: dict, actors: dict, clusters: dict, places: dict, fips: dict) -> dict:
    """One event as a GDELT 2.0 event record (column -> value; absent columns stay empty)."""
    row: dict = {"GLOBALEVENTID": gdelt_id(event["event_id"])}
    day = event["date_start"]
    if day:
        row.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}")
    for n, side in (("1", "source"), ("2", "target")):
        code = event[side]
        if not code:
            continue
        role = event[f"{side}_role"] or ""
        name, kind, country = actors.get(code, (None, None, None))
        row[f"Actor{n}Code"] = f"{country or code}{role}" if country or kind in ("country", "region") else code
        row[f"Actor{n}Name"] = (name or event[f"{side}_text"] or code).upper()
        row[f"Actor{n}CountryCode"] = country or (code if kind == "country" else "")
        if not country and kind not in ("country", "region"):
            row[f"Actor{n}KnownGroupCode"] = code
        row[f"Actor{n}Type1Code"] = role
    cameo = event["cameo"]
    row.update(
        IsRootEvent=int(event["sent_idx"] < 3), EventCode=cameo + "0" if len(cameo) == 2 else cameo,
        EventBaseCode=(cameo + "0")[:3], EventRootCode=event["root"], QuadClass=gdelt_quad_class(event["root"]),
        GoldsteinScale=event["goldstein"],
    )
    n_events, n_sources, n_docs = clusters.get(event["event_id"], (1, 1, 1))
    row.update(NumMentions=n_events, NumSources=n_sources, NumArticles=n_docs)
    place = places.get((event["doc_id"], event["sent_idx"]))
    if place:
        surface, country, lat, lon = place
        row.update(ActionGeo_Type=4, ActionGeo_FullName=surface, ActionGeo_CountryCode=fips.get(country, ""),
                   ActionGeo_Lat=lat, ActionGeo_Long=lon)
    if event["ingested_at"]:
        row["DATEADDED"] = event["ingested_at"].strftime("%Y%m%d%H%M%S")
    citation = ": ".join(x for x in (event["publication"], event["title"]) if x)
    row["SOURCEURL"] = event["url"] or citation or event.get("source_path") or ""
    return row


def _tsv_cell(value) -> str:
    # GDELT's files have no quoting: tabs and line breaks inside a value would split the record.
    return "" if value is None else " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_gdelt(con: duckdb.DuckDBPyConnection, events: list[dict], path: Path, mentions: Path) -> None:
    actors, clusters, places, fips = _actor_info(con), _cluster_counts(con), _action_places(con), _fips()
    with open(path, "w", encoding="utf-8", newline="") as f, open(mentions, "w", encoding="utf-8", newline="") as m:
        for event in events:
            row = gdelt_row(event, actors, clusters, places, fips)
            f.write("\t".join(_tsv_cell(row.get(c)) for c in GDELT_COLUMNS) + "\n")
            mention = mention_row(event, row)
            m.write("\t".join(_tsv_cell(mention.get(c)) for c in MENTION_COLUMNS) + "\n")


# The 16 columns of GDELT 2.0's mentions table, in its order: one row per event, the sentence that
# reports it (GDELT's mentions link an event to each article that mentions it; ours are one to one,
# and NumMentions in the event row counts the event's cluster).
MENTION_COLUMNS = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras")


def mentions_path(path: Path) -> Path:
    """Where the mentions go beside an event table: events.tsv -> events.mentions.tsv."""
    return path.with_name(f"{path.stem}.mentions{path.suffix or '.tsv'}")


def _offset_in_document(event: dict, words: str | None) -> int:
    """Where `words` (an actor as the text names it) start in the document, searched in the event's
    sentence; -1 where the sentence does not name it (GDELT's value for an absent actor)."""
    if not words:
        return -1
    at = event["sentence"].find(words)
    return -1 if at < 0 else event["trigger_start"] - event["trigger_offset"] + at


def mention_row(event: dict, row: dict) -> dict:
    """The mention of one event: its article, sentence and offsets. An event the text does not date
    has an empty EventTimeDate; Extras says how it was dated (DATE_BASIS: explicit, publication,
    unanchored ...), so an empty date always has its reason."""
    published = event["published"]
    citation = ": ".join(x for x in (event["publication"], event["title"]) if x)
    return {
        "GLOBALEVENTID": row["GLOBALEVENTID"],
        "EventTimeDate": f"{row['SQLDATE']}000000" if row.get("SQLDATE") else "",
        "MentionTimeDate": published.strftime("%Y%m%d000000") if published else row.get("DATEADDED", ""),
        "MentionType": 1 if (event["url"] or "").startswith(("http://", "https://")) else 2,
        "MentionSourceName": event["publication"] or event["site"] or Path(event["source_path"]).name,
        "MentionIdentifier": event["url"] or citation or event["source_path"],
        "SentenceID": event["sent_idx"] + 1,
        "Actor1CharOffset": _offset_in_document(event, event["source_text"]),
        "Actor2CharOffset": _offset_in_document(event, event["target_text"]),
        "ActionCharOffset": event["trigger_start"],
        "InRawText": 1,
        "Confidence": round(100 * event["confidence"]),
        "MentionDocLen": event["n_chars"],
        "Extras": (f"<DATE_BASIS>{event['date_basis'] or 'none'}</DATE_BASIS>"
                   f"<DATE_PRECISION>{event['date_precision'] or ''}</DATE_PRECISION>"
                   f"<DETENTE_EVENT_ID>{event['event_id']}</DETENTE_EVENT_ID>"),
    }


# --- PLOVER ---------------------------------------------------------------------------------------

def _plover_contexts() -> dict[str, str]:
    """CAMEO code -> PLOVER context, from the crosswalk that ships with the knowledge base."""
    return {r["code"]: r["plover_context"] for r in read_csv_rows("cameo_codes.csv") if r.get("plover_context")}


def plover_record(event: dict, actors: dict, contexts: dict) -> dict:
    """One event as a PLOVER record: the fields of PLOVER's gold-standard records (id, date, source,
    target, event, eventText, text, comment), PLOVER's mode and context, the flat actor/recipient
    names and countries, and detente's own codes and evidence."""
    def side(name: str) -> list[dict]:
        code = event[name]
        if not code:
            return []
        entry = {"actorText": event[f"{name}_text"] or code, "code": code}
        if event[f"{name}_role"]:
            entry["sector"] = event[f"{name}_role"]
        return [entry]

    def who(name: str) -> tuple:
        code = event[name]
        known_name, kind, country = actors.get(code, (None, None, None)) if code else (None, None, None)
        return code, known_name or event[f"{name}_text"], country or (code if kind == "country" else None)

    actor, actor_name, actor_country = who("source")
    recipient, recipient_name, recipient_country = who("target")
    return {
        "id": event["event_id"],
        "date": event["date_start"].isoformat() if event["date_start"] else None,
        "date_text": event["date"], "date_precision": event["date_precision"],
        "source": side("source"), "target": side("target"),
        "event": event["plover_type"], "mode": event["plover_mode"], "context": contexts.get(event["cameo"]),
        "eventText": event["trigger"], "text": event["sentence"],
        "comment": f"{event['modality']}; CAMEO {event['cameo']} {event['cameo_name'] or ''}".strip(),
        "actor": actor, "actor_name": actor_name, "actor_country": actor_country,
        "recipient": recipient, "recipient_name": recipient_name, "recipient_country": recipient_country,
        "cameo": event["cameo"], "goldstein": event["goldstein"], "quad": event["quad"],
        "modality": event["modality"], "confidence": event["confidence"],
        "doc_id": event["doc_id"], "sent_idx": event["sent_idx"],
        "trigger_offset": event["trigger_offset"], "trigger_offset_end": event["trigger_offset_end"],
        "title": event["title"], "url": event["url"], "publication": event["publication"],
        "published": event["published"].isoformat() if event["published"] else None,
    }


def write_plover(con: duckdb.DuckDBPyConnection, events: list[dict], path: Path) -> None:
    actors, contexts = _actor_info(con), _plover_contexts()
    with open(path, "w", encoding="utf-8") as f:
        for event in events:
            f.write(json.dumps(plover_record(event, actors, contexts), ensure_ascii=False) + "\n")
