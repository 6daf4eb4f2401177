-- A department's task list, newest first, read in index order (see the MySQL migration).
CREATE INDEX task_idx_department_id_id ON task (department_id, id);
