-- Saved experiments: immutable snapshots of a page's state; editing one saves a fork.
CREATE TABLE experiment (
    id             VARCHAR(32)      NOT NULL PRIMARY KEY,
    title          VARCHAR(200)     NOT NULL,
    description    VARCHAR(4000)    NOT NULL,
    kind           VARCHAR(32)      NOT NULL,
    schema_version INTEGER          NOT NULL,
    body           VARCHAR(1000000) NOT NULL,
    parent_id      VARCHAR(32),
    owner_name     VARCHAR(100),
    browser_hash   VARCHAR(64),
    created_at     TIMESTAMP        NOT NULL,
    deleted_at     TIMESTAMP
);
CREATE INDEX experiment_owner ON experiment (owner_name);
CREATE INDEX experiment_browser ON experiment (browser_hash);
