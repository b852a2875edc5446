-- The default event order with the event keys in the index: a filter on participants
-- checks each key against the participants' list without reading the event rows.
CREATE INDEX events_negated_day_keys ON events (negated, day_start, article_id, event_id);
DROP INDEX events_negated_day;
-- An actor's quotes (the actor page) by its id.
CREATE INDEX quotes_speaker_actor ON quotes (speaker_actor);
