-- Images that saved experiments use, stored once by content: the key is the SHA-256 of the file's bytes, so
-- the same picture saved by a whole class is one row, and a row never changes. BYTEA is PostgreSQL's binary
-- type; H2 reads it as VARBINARY.
CREATE TABLE image_blob (
    sha256     VARCHAR(64) NOT NULL PRIMARY KEY,
    bytes      BYTEA       NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
