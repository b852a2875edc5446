-- The analyst's workbench (issue 10): dates as the ranges they name, the evidence on the
-- event row, porter-stemmed full-text search that Datasette detects, aggregates kept up
-- to date at ingest by triggers, an actor dictionary and SQL views for SQL users.
--
-- Dates: an event dated "2026-02" happened some time in February, so every event gets
-- the first and last day its date covers (its own date, else the article's publication
-- date); filters, sorting and charts read these, never the raw text. `date_precision` is
-- the precision of the event's own date (day, week, month, year; null without one).
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN day_start TEXT;
ALTER TABLE events ADD COLUMN day_end TEXT;
ALTER TABLE events ADD COLUMN sentence TEXT;
ALTER TABLE events ADD COLUMN context TEXT;
ALTER TABLE events ADD COLUMN date_basis TEXT;

-- Events per day (range start; '' when undated), quad class (0: not coded) and negation.
CREATE TABLE agg_days (
    day        TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    negated    INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    PRIMARY KEY (day, quad_class, negated)
);

-- Who acted on whom, per day, type and quad class (non-negated events; '' for a missing
-- country): the network and the dyad view read these, not the events.
CREATE TABLE agg_dyads (
    day            TEXT NOT NULL,
    type           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_country TEXT NOT NULL,
    target_country TEXT NOT NULL,
    events         INTEGER NOT NULL,
    PRIMARY KEY (day, type, quad_class, source, target, source_country, target_country)
);

-- One row per distinct actor id across the store: its first-seen identity, every name and
-- alias it was given, the articles naming it and the (non-negated) events it takes part in.
CREATE TABLE actor_dictionary (
    actor_id  TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT,
    title     TEXT,
    aliases   TEXT NOT NULL DEFAULT '[]',
    articles  INTEGER NOT NULL DEFAULT 0,
    events    INTEGER NOT NULL DEFAULT 0,
    as_source INTEGER NOT NULL DEFAULT 0,
    as_target INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actor_dictionary_rank ON actor_dictionary (events DESC, articles DESC, actor_id);

-- The range of a date value x (YYYY-MM-DD, YYYY-Www (ISO week: Monday to Sunday, week 1
-- holds 4 January), YYYY-MM or YYYY), in two steps: the first UPDATE puts the value in
-- day_start, the second (whose SET clauses all read the row as it was) turns it into the
-- range. eventwire.filters.date_range does the same in Python; a test keeps them equal.
CREATE TRIGGER events_dates AFTER INSERT ON events BEGIN
    UPDATE events SET
        date_precision = coalesce(date_precision, CASE
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN 'week'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN 'year' END),
        day_start = coalesce(date, (SELECT published FROM articles WHERE id = new.article_id))
    WHERE rowid = new.rowid;
    UPDATE events SET
        day_start = CASE
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(day_start)
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(
                substr(day_start, 1, 4) || '-01-04',
                '-' || ((strftime('%w', substr(day_start, 1, 4) || '-01-04') + 6) % 7) || ' days',
                '+' || ((CAST(substr(day_start, 7, 2) AS INTEGER) - 1) * 7) || ' days')
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date(day_start || '-01')
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]' THEN date(day_start || '-01-01') END,
        day_end = CASE
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(day_start)
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(
                substr(day_start, 1, 4) || '-01-04',
                '-' || ((strftime('%w', substr(day_start, 1, 4) || '-01-04') + 6) % 7) || ' days',
                '+' || ((CAST(substr(day_start, 7, 2) AS INTEGER) - 1) * 7 + 6) || ' days')
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                THEN date(day_start || '-01', '+1 month', '-1 day')
            WHEN day_start GLOB '[0-9][0-9][0-9][0-9]' THEN date(day_start || '-12-31') END
    WHERE rowid = new.rowid;
    INSERT INTO agg_days (day, quad_class, negated, events)
    SELECT coalesce(day_start, ''), coalesce(quad_class, 0), negated != 0, 1
    FROM events WHERE rowid = new.rowid
    ON CONFLICT (day, quad_class, negated) DO UPDATE SET events = events + 1;
END;

-- Newest first, then keyset paging: (day_start, rowid) is the cursor.
CREATE INDEX events_day ON events (day_start);
CREATE INDEX events_negated_day ON events (negated, day_start);
CREATE INDEX events_type_day ON events (type, day_start);
CREATE INDEX events_quad_day ON events (quad_class, day_start);
CREATE INDEX events_country ON events (country);
CREATE INDEX event_actors_event ON event_actors (article_id, event_id, role);
CREATE INDEX event_actors_actor_role ON event_actors (actor_id, role);

CREATE TRIGGER actors_dictionary_insert AFTER INSERT ON actors BEGIN
    INSERT INTO actor_dictionary (actor_id, name, kind, country, sector, title, aliases, articles)
    VALUES (new.actor_id, new.name, new.kind, new.country, new.sector, new.title,
            (SELECT json_group_array(v) FROM (SELECT new.name AS v UNION
             SELECT value FROM json_each(new.aliases))), 1)
    ON CONFLICT (actor_id) DO UPDATE SET
        articles = articles + 1,
        title = coalesce(title, excluded.title),
        aliases = (SELECT json_group_array(v) FROM (
            SELECT value AS v FROM json_each(actor_dictionary.aliases) UNION
            SELECT value FROM json_each(excluded.aliases)));
END;
CREATE TRIGGER actors_dictionary_delete BEFORE DELETE ON actors BEGIN
    UPDATE actor_dictionary SET articles = articles - 1 WHERE actor_id = old.actor_id;
END;

CREATE TRIGGER event_actors_aggregate AFTER INSERT ON event_actors
WHEN (SELECT negated FROM events WHERE article_id = new.article_id
      AND event_id = new.event_id) = 0
BEGIN
    INSERT INTO actor_dictionary (actor_id, name, kind) VALUES (new.actor_id, new.actor_id, '')
    ON CONFLICT (actor_id) DO NOTHING;
    UPDATE actor_dictionary SET
        as_source = as_source + (new.role = 'source'),
        as_target = as_target + (new.role = 'target'),
        events = events + NOT EXISTS (
            SELECT 1 FROM event_actors o WHERE o.article_id = new.article_id
            AND o.event_id = new.event_id AND o.actor_id = new.actor_id AND o.role != new.role)
    WHERE actor_id = new.actor_id;
    INSERT INTO agg_dyads (day, type, quad_class, source, target, source_country,
                           target_country, events)
    SELECT coalesce(e.day_start, ''), e.type, coalesce(e.quad_class, 0),
           s.actor_id, t.actor_id, coalesce(s.country, ''), coalesce(t.country, ''), 1
    FROM events e
    JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id
        AND s.role = 'source'
    JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.event_id
        AND t.role = 'target'
    WHERE e.article_id = new.article_id AND e.event_id = new.event_id
        AND ((new.role = 'source' AND s.rowid = new.rowid)
             OR (new.role = 'target' AND t.rowid = new.rowid))
    ON CONFLICT (day, type, quad_class, source, target, source_country, target_country)
    DO UPDATE SET events = events + 1;
END;

-- Before an event goes (a --reprocess replacing its article), its counts go with it; its
-- participants are still there at this point.
CREATE TRIGGER events_aggregate_delete BEFORE DELETE ON events BEGIN
    UPDATE agg_days SET events = events - 1
    WHERE day = coalesce(old.day_start, '') AND quad_class = coalesce(old.quad_class, 0)
        AND negated = (old.negated != 0);
    UPDATE actor_dictionary SET
        as_source = as_source - (SELECT count(*) FROM event_actors p
            WHERE p.article_id = old.article_id AND p.event_id = old.event_id
            AND p.actor_id = actor_dictionary.actor_id AND p.role = 'source'),
        as_target = as_target - (SELECT count(*) FROM event_actors p
            WHERE p.article_id = old.article_id AND p.event_id = old.event_id
            AND p.actor_id = actor_dictionary.actor_id AND p.role = 'target'),
        events = events - 1
    WHERE old.negated = 0 AND actor_id IN (SELECT actor_id FROM event_actors
        WHERE article_id = old.article_id AND event_id = old.event_id);
    UPDATE agg_dyads SET events = events - (
        SELECT count(*) FROM event_actors s JOIN event_actors t
            ON t.article_id = s.article_id AND t.event_id = s.event_id AND t.role = 'target'
        WHERE s.article_id = old.article_id AND s.event_id = old.event_id
            AND s.role = 'source' AND s.actor_id = agg_dyads.source
            AND t.actor_id = agg_dyads.target
            AND coalesce(s.country, '') = agg_dyads.source_country
            AND coalesce(t.country, '') = agg_dyads.target_country)
    WHERE old.negated = 0 AND day = coalesce(old.day_start, '') AND type = old.type
        AND quad_class = coalesce(old.quad_class, 0);
END;

-- Stores made before this migration: fill the new columns and the aggregates.
UPDATE events SET
    date_precision = CASE
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN 'week'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN 'year' END,
    day_start = coalesce(date, (SELECT published FROM articles WHERE id = events.article_id)),
    (sentence, context, date_basis) = (
        SELECT json_extract(j.value, '$.sentence'), json_extract(j.value, '$.context'),
               json_extract(j.value, '$.date_basis')
        FROM articles a, json_each(a.record, '$.events') j
        WHERE a.id = events.article_id AND json_extract(j.value, '$.id') = events.event_id);
UPDATE events SET
    day_start = CASE
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(day_start)
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(
            substr(day_start, 1, 4) || '-01-04',
            '-' || ((strftime('%w', substr(day_start, 1, 4) || '-01-04') + 6) % 7) || ' days',
            '+' || ((CAST(substr(day_start, 7, 2) AS INTEGER) - 1) * 7) || ' days')
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date(day_start || '-01')
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]' THEN date(day_start || '-01-01') END,
    day_end = CASE
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(day_start)
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(
            substr(day_start, 1, 4) || '-01-04',
            '-' || ((strftime('%w', substr(day_start, 1, 4) || '-01-04') + 6) % 7) || ' days',
            '+' || ((CAST(substr(day_start, 7, 2) AS INTEGER) - 1) * 7 + 6) || ' days')
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
            THEN date(day_start || '-01', '+1 month', '-1 day')
        WHEN day_start GLOB '[0-9][0-9][0-9][0-9]' THEN date(day_start || '-12-31') END;
INSERT INTO agg_days (day, quad_class, negated, events)
SELECT coalesce(day_start, ''), coalesce(quad_class, 0), negated != 0, count(*)
FROM events GROUP BY 1, 2, 3;
INSERT INTO actor_dictionary (actor_id, name, kind, country, sector, title, aliases, articles)
SELECT actor_id, min(name), min(kind), min(country), min(sector), max(title),
       (SELECT json_group_array(v) FROM (SELECT x.name AS v FROM actors x
        WHERE x.actor_id = actors.actor_id UNION SELECT j.value FROM actors x,
        json_each(x.aliases) j WHERE x.actor_id = actors.actor_id)),
       count(*)
FROM actors GROUP BY actor_id;
INSERT INTO actor_dictionary (actor_id, name, kind)
SELECT DISTINCT actor_id, actor_id, '' FROM event_actors WHERE true
ON CONFLICT (actor_id) DO NOTHING;
UPDATE actor_dictionary SET
    as_source = (SELECT count(*) FROM event_actors p JOIN events e ON e.article_id = p.article_id
        AND e.event_id = p.event_id AND e.negated = 0
        WHERE p.actor_id = actor_dictionary.actor_id AND p.role = 'source'),
    as_target = (SELECT count(*) FROM event_actors p JOIN events e ON e.article_id = p.article_id
        AND e.event_id = p.event_id AND e.negated = 0
        WHERE p.actor_id = actor_dictionary.actor_id AND p.role = 'target'),
    events = (SELECT count(DISTINCT p.article_id || ' ' || p.event_id) FROM event_actors p
        JOIN events e ON e.article_id = p.article_id AND e.event_id = p.event_id
        AND e.negated = 0 WHERE p.actor_id = actor_dictionary.actor_id);
INSERT INTO agg_dyads (day, type, quad_class, source, target, source_country, target_country,
                       events)
SELECT coalesce(e.day_start, ''), e.type, coalesce(e.quad_class, 0), s.actor_id, t.actor_id,
       coalesce(s.country, ''), coalesce(t.country, ''), count(*)
FROM events e
JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id
    AND s.role = 'source'
JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.event_id
    AND t.role = 'target'
WHERE e.negated = 0 GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Full-text search again, with the porter stemmer ("sanction" finds "sanctions",
-- "sanctioned") and content="articles" written as Datasette's detector expects.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, body, content="articles", content_rowid="rowid",
    tokenize="porter unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, body)
    VALUES ('delete', old.rowid, old.headline, old.body);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- For SQL users (Datasette, DuckDB's sqlite scanner): one row per event with its actors'
-- names, countries and sectors (';'-joined, in the record's order), its sentence and
-- article; and the per-day dyad counts with the actors' names.
CREATE VIEW events_flat AS
SELECT e.article_id, e.event_id, e.type, e.mode, e.context, e.cameo, e.quad_class,
       e.intensity AS goldstein, e.date, e.date_precision, e.day_start, e.day_end,
       (SELECT group_concat(coalesce(x.name, p.actor_id), ';') FROM event_actors p
        LEFT JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'source')
        AS source_names,
       (SELECT group_concat(coalesce(p.country, ''), ';') FROM event_actors p
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'source')
        AS source_countries,
       (SELECT group_concat(coalesce(x.sector, ''), ';') FROM event_actors p
        LEFT JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'source')
        AS source_sectors,
       (SELECT group_concat(coalesce(x.name, p.actor_id), ';') FROM event_actors p
        LEFT JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'target')
        AS target_names,
       (SELECT group_concat(coalesce(p.country, ''), ';') FROM event_actors p
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'target')
        AS target_countries,
       (SELECT group_concat(coalesce(x.sector, ''), ';') FROM event_actors p
        LEFT JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id
        WHERE p.article_id = e.article_id AND p.event_id = e.event_id AND p.role = 'target')
        AS target_sectors,
       e.location, e.country, e.lat, e.lon, e.negated, e.hedged, e.trigger, e.sentence,
       a.headline, a.published, a.url, a.uri
FROM events e JOIN articles a ON a.id = e.article_id;

CREATE VIEW dyad_days AS
SELECT g.day, g.source, s.name AS source_name, g.source_country, g.target,
       t.name AS target_name, g.target_country, g.type, g.quad_class, g.events
FROM agg_dyads g
LEFT JOIN actor_dictionary s ON s.actor_id = g.source
LEFT JOIN actor_dictionary t ON t.actor_id = g.target
WHERE g.events > 0;
