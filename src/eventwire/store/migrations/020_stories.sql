-- Copies, stories and event instances (eventwire.stories). No foreign keys to articles:
-- `--reprocess` deletes and re-inserts an article, and its story must survive that.

-- LSH bands of each article's MinHash signature: a new article's copies are the
-- articles sharing a band with it, found by index look-ups (log n), never a scan.
CREATE TABLE minhash_bands (
    band       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

-- An article that is a copy (a reprint) or a version (an update) of an earlier one;
-- copy_of is the root of its family, the first of them stored.
CREATE TABLE article_copies (
    article_id TEXT PRIMARY KEY,
    copy_of    TEXT NOT NULL,
    relation   TEXT NOT NULL,  -- copy | version
    similarity REAL NOT NULL
);
CREATE INDEX article_copies_of ON article_copies (copy_of);

-- Document frequencies of story terms (the idf of the term vectors), and counters.
CREATE TABLE story_terms_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- A story group: stories of one kind of event among the same actors (two earthquakes
-- in one region, two rehab stays of one actress).
CREATE TABLE story_groups (
    id       INTEGER PRIMARY KEY,
    centroid TEXT NOT NULL,
    norm     REAL NOT NULL,
    "end"    TEXT
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER NOT NULL,
    label         TEXT,
    label_article TEXT,
    start         TEXT,
    "end"         TEXT,
    articles      INTEGER NOT NULL,
    year          INTEGER,  -- the year it happened, for stories of undated articles
    centroid      TEXT NOT NULL,
    norm          REAL NOT NULL
);
CREATE INDEX stories_end ON stories ("end");

-- Postings: the heaviest terms of each story's (and group's) centroid, to find the
-- candidates for a new article without reading every story: a look-up reads one term's
-- stories from the latest back, within the time window ("end" = '' when undated).
CREATE TABLE story_postings (
    kind     TEXT NOT NULL,  -- story | group
    term     TEXT NOT NULL,
    "end"    TEXT NOT NULL,
    owner    INTEGER NOT NULL,
    PRIMARY KEY (kind, term, "end", owner)
) WITHOUT ROWID;
CREATE INDEX story_postings_owner ON story_postings (kind, owner);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id   INTEGER NOT NULL,
    similarity REAL NOT NULL,
    source     TEXT NOT NULL,
    day        TEXT,
    headline   TEXT,
    vector     TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- One real-world event told by many articles of a story, GDELT's counts kept current.
CREATE TABLE event_instances (
    id        INTEGER PRIMARY KEY,
    story_id  INTEGER NOT NULL,
    type      TEXT NOT NULL,
    date      TEXT,
    location  TEXT,
    country   TEXT,
    source    TEXT NOT NULL,  -- JSON list of actor ids
    target    TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    sources   INTEGER NOT NULL
);
CREATE INDEX event_instances_story ON event_instances (story_id, type);

CREATE TABLE event_mentions (
    article_id  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    instance_id INTEGER NOT NULL,
    source      TEXT NOT NULL,  -- the article's source, its family root's for a copy
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX event_mentions_instance ON event_mentions (instance_id);
