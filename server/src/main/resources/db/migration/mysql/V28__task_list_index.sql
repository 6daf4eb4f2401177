-- A department's task list, newest first, read in index order: without it the rows of one department are
-- sorted after the fact (idx_department_type orders them by type first).
ALTER TABLE task ADD KEY idx_department_id_id (department_id, id);
