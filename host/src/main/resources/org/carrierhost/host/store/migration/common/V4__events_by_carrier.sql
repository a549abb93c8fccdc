-- V4, issue 15: the carrier an event is filed under, so the audit log can be filtered by carrier on the
-- server. Runs on H2 and PostgreSQL alike; entries written before it have none.
ALTER TABLE events ADD COLUMN carrier VARCHAR(64);

CREATE INDEX events_by_carrier ON events (carrier, id);
