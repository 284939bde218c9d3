-- Added by schema version 4 to every register, new or migrated (SQLite and PostgreSQL):
-- the hash chain, signed steps and people.
CREATE TABLE chain (
    seq BIGINT PRIMARY KEY,
    tbl TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    order_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    step TEXT NOT NULL,
    person TEXT NOT NULL,
    role TEXT NOT NULL,
    ok BIGINT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX events_order ON events(order_id, revision);
CREATE TABLE person_events (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    by_person TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX person_events_key ON person_events(name_key, id);
CREATE INDEX entries_subject ON entries(subject, cycle);
