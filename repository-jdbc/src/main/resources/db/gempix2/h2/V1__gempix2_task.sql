-- GemPix2 task records (gempix2-repository-jdbc), H2 2.x.
-- Idempotent: JdbcTaskRepository runs it at build time unless createSchema(false); Flyway/Liquibase users
-- include this file instead. The table name gempix2_task is replaced when the builder's tableName differs.
CREATE TABLE IF NOT EXISTS gempix2_task (
    record_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    row_version       INTEGER      DEFAULT 1 NOT NULL,
    task_id           VARCHAR(256),
    token_hash        VARBINARY(32),
    status            VARCHAR(32),
    finished          BOOLEAN      NOT NULL,
    request_json      CHARACTER LARGE OBJECT,
    snapshot_json     CHARACTER LARGE OBJECT,
    abandoned_because CHARACTER LARGE OBJECT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner       VARCHAR(256),
    lease_expires     TIMESTAMP WITH TIME ZONE
);
-- findByTaskId
CREATE INDEX IF NOT EXISTS gempix2_task_task_id ON gempix2_task (task_id);
-- findByCallbackToken (tokens are 256 random bits)
CREATE INDEX IF NOT EXISTS gempix2_task_token_hash ON gempix2_task (token_hash);
-- findUnfinished, claimUnfinished, in-doubt housekeeping
CREATE INDEX IF NOT EXISTS gempix2_task_unfinished ON gempix2_task (finished, lease_expires, created_at);
-- renewLeases, releaseLeases
CREATE INDEX IF NOT EXISTS gempix2_task_lease_owner ON gempix2_task (lease_owner);
-- finished-record housekeeping
CREATE INDEX IF NOT EXISTS gempix2_task_finished ON gempix2_task (finished, updated_at);
