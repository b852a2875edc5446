-- Actor pages and the events filter look events up by actor id.
CREATE INDEX event_actors_actor ON event_actors (actor_id);
