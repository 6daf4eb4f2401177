-- Only the root department (the bootstrap one: the oldest without a parent) sees the whole organisation. Every
-- other department without a parent moves under it, so none keeps a sight of everything it should not have.
-- MySQL cannot read the table an UPDATE writes in a subquery, so the root comes from a derived table.

UPDATE department d
JOIN (SELECT MIN(id) AS root_id FROM department WHERE parent_id IS NULL) root ON d.id <> root.root_id
SET d.parent_id = root.root_id
WHERE d.parent_id IS NULL;
