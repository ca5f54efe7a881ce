-- GemPix2 task records (gempix2-repository-jdbc), PostgreSQL 13+.
-- Idempotent: JdbcTaskRepository runs it at build time unless createSchema(false); Flyway/Liquibase users
-- include this file instead. The table name gempix2_task is replaced when the builder's tableName differs.
CREATE TABLE IF NOT EXISTS gempix2_task (
    record_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    row_version       INTEGER      NOT NULL DEFAULT 1,   -- the layout of this row; a newer one is skipped, not misread
    task_id           VARCHAR(256),                      -- the provider's id, once it answered
    token_hash        BYTEA,                             -- SHA-256 of the callback token; the token itself is never stored
    status            VARCHAR(32),                       -- the last snapshot's status (TaskStatus name), for people reading the table
    finished          BOOLEAN      NOT NULL,             -- final snapshot, or abandoned
    request_json      TEXT,                              -- the ImageRequest, callback token masked
    snapshot_json     TEXT,                              -- the last Task snapshot
    abandoned_because TEXT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner       VARCHAR(256),                      -- the instance that follows the task
    lease_expires     TIMESTAMP WITH TIME ZONE
);
-- findByTaskId
CREATE INDEX IF NOT EXISTS gempix2_task_task_id ON gempix2_task (task_id);
-- findByCallbackToken (not UNIQUE: a second unique index makes concurrent upserts of one record deadlock;
-- tokens are 256 random bits)
CREATE INDEX IF NOT EXISTS gempix2_task_token_hash ON gempix2_task (token_hash) WHERE token_hash IS NOT NULL;
-- findUnfinished, claimUnfinished (unfinished by lease expiry), in-doubt housekeeping
CREATE INDEX IF NOT EXISTS gempix2_task_unfinished ON gempix2_task (lease_expires, created_at) WHERE NOT finished;
-- renewLeases, releaseLeases
CREATE INDEX IF NOT EXISTS gempix2_task_lease_owner ON gempix2_task (lease_owner) WHERE NOT finished;
-- finished-record housekeeping
CREATE INDEX IF NOT EXISTS gempix2_task_finished ON gempix2_task (updated_at) WHERE finished;
