-- A deleted task leaves its id here for a while, so that every engine instance drops the fires it already
-- claimed for it (an edit is seen through update_time; a deleted row cannot be).

CREATE TABLE task_deletion (
    task_id     BIGINT      NOT NULL PRIMARY KEY,
    delete_time DATETIME(3) NOT NULL,
    KEY idx_delete_time (delete_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
