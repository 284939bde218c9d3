-- Added by schema version 5 to every register, new or migrated (SQLite and PostgreSQL):
-- each person's signing key (the public half, the private half sealed under their secret),
-- enrolled in the chain; every link's signature; sheets of an order found by its ID.
CREATE TABLE keys (
    id BIGINT PRIMARY KEY,
    name_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    sealed_key TEXT NOT NULL,
    by_person TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX keys_name ON keys(name_key, id);
ALTER TABLE chain ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE chain ADD COLUMN signer TEXT NOT NULL DEFAULT '';
CREATE INDEX entries_order ON entries(order_id, revision);
