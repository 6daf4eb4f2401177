-- Scheduling engine: a claimed fire is leased to the instance that claimed it (lease_owner) from claimed_from
-- up to next_execute_time; an instance's done_before says up to when all its claimed fires are recorded.

ALTER TABLE task ADD COLUMN lease_owner VARCHAR(64) NULL;
ALTER TABLE task ADD COLUMN claimed_from DATETIME(3) NULL;
CREATE INDEX task_idx_lease_owner ON task (lease_owner);
CREATE INDEX task_idx_update_time ON task (update_time);

CREATE TABLE engine_instance (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    host           VARCHAR(255) NOT NULL,
    started_time   DATETIME(3)  NOT NULL,
    heartbeat_time DATETIME(3)  NOT NULL,
    done_before    DATETIME(3)  NULL
);
