"""Numbered schema migrations. Applied ones are recorded in ``schema_migrations``.

Append new migrations at the end (never edit an applied one): the next ones planned are
``links`` (one real-world event across mentions) and ``alerts``. Each migration is plain SQL
kept portable (VARCHAR for JSON, no foreign keys) so a PostgreSQL backend can share it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, attributions, actors", (
        """CREATE TABLE documents (
            hash VARCHAR PRIMARY KEY,          -- sha256 of the normalised text
            id VARCHAR NOT NULL UNIQUE,
            text VARCHAR NOT NULL,
            published DATE,
            url VARCHAR,
            title VARCHAR,
            outlet VARCHAR,
            coder VARCHAR NOT NULL,
            n_events INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""",
        """CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            mention_id VARCHAR,
            coder VARCHAR,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR[],
            status VARCHAR NOT NULL,
            source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER,
            attribution_kind VARCHAR, attribution_text VARCHAR, attribution_count INTEGER,
            attribution_affiliation VARCHAR, attribution_id VARCHAR,
            date DATE, date_text VARCHAR,
            location_text VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
            intensity DOUBLE, quad INTEGER, cameo VARCHAR, confidence DOUBLE,
            record VARCHAR NOT NULL            -- Event.to_dict() as JSON (lossless)
        )""",
        "CREATE INDEX events_doc ON events (doc_hash)",
        "CREATE INDEX events_dyad ON events (source_code, target_code, date)",
        """CREATE TABLE attributions (
            id VARCHAR NOT NULL,
            doc_hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            cue VARCHAR,
            start INTEGER, "end" INTEGER,
            speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
            affiliation VARCHAR, count INTEGER, name VARCHAR, code VARCHAR,
            content_start INTEGER, content_end INTEGER,
            record VARCHAR NOT NULL,
            PRIMARY KEY (doc_hash, id)
        )""",
        """CREATE TABLE actors (
            doc_hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,              -- order of the mention in the document
            text VARCHAR, start INTEGER, "end" INTEGER,
            code VARCHAR, country VARCHAR, sector VARCHAR, name VARCHAR, kb_id VARCHAR, via VARCHAR,
            PRIMARY KEY (doc_hash, idx)
        )""",
    )),
)

LATEST = MIGRATIONS[-1].version
