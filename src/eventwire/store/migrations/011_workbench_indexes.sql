-- CAMEO prefixes are ranges over this index; actors' timelines and counterparts read the
-- participants of one actor's events in date order.
CREATE INDEX events_cameo ON events (cameo, day_start);
