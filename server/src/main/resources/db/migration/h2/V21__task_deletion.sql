-- A deleted task leaves its id here for a while, so that every engine instance drops the fires it already
-- claimed for it (an edit is seen through update_time; a deleted row cannot be).

CREATE TABLE task_deletion (
    task_id     BIGINT      NOT NULL PRIMARY KEY,
    delete_time DATETIME(3) NOT NULL
);
CREATE INDEX task_deletion_idx_delete_time ON task_deletion (delete_time);
