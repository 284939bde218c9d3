-- Schema version 4 of the order register, for a new register (SQLite and PostgreSQL).
CREATE TABLE entries (
    id BIGINT PRIMARY KEY,
    order_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    cycle BIGINT NOT NULL,
    day1 TEXT,
    doses TEXT NOT NULL,
    nk_count DOUBLE PRECISION,
    nk_state TEXT NOT NULL,
    verifier TEXT,
    verified_at TEXT,
    issued_by TEXT NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    order_json TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 1,
    lang TEXT NOT NULL DEFAULT 'en',
    subject TEXT NOT NULL DEFAULT '',
    cohort TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_at ON entries(at, id);
CREATE TABLE orders (
    order_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    fingerprint TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    PRIMARY KEY (order_id, revision)
);
