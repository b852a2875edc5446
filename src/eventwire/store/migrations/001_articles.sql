-- Articles and what the stages found in them. The full record is kept as JSON (the
-- source of truth for `export --format jsonl`); the other tables are indexes over it
-- for querying, filled in the same transaction.
CREATE TABLE articles (
    id              TEXT PRIMARY KEY,
    uri             TEXT NOT NULL,
    source_id       TEXT,
    url             TEXT,
    headline        TEXT,
    published       TEXT,
    published_basis TEXT,
    language        TEXT,
    byline          TEXT,
    dateline        TEXT,
    body            TEXT NOT NULL,
    stages          TEXT NOT NULL,
    record          TEXT NOT NULL,
    ingested_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE article_agencies (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    agency     TEXT NOT NULL,
    PRIMARY KEY (article_id, agency)
);
CREATE INDEX article_agencies_agency ON article_agencies (agency);

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    title      TEXT,
    aliases    TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    n             INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker       TEXT,
    speaker_actor TEXT,
    cue           TEXT,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    partial       INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);

CREATE TABLE events (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_id    TEXT NOT NULL,
    type        TEXT NOT NULL,
    mode        TEXT,
    cameo       TEXT,
    quad_class  INTEGER,
    intensity   REAL,
    date        TEXT,
    location    TEXT,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    negated     INTEGER NOT NULL,
    hedged      INTEGER NOT NULL,
    trigger     TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    coder       TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    role       TEXT NOT NULL,  -- source | target
    actor_id   TEXT NOT NULL,
    country    TEXT,
    PRIMARY KEY (article_id, event_id, role, actor_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX event_actors_country ON event_actors (country);

-- Full-text search over headlines and bodies (SQLite FTS5, external content).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, body, content='articles', content_rowid='rowid'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, body)
    VALUES ('delete', old.rowid, old.headline, old.body);
END;
