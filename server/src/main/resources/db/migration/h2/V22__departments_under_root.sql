-- Only the root department (the bootstrap one: the oldest without a parent) sees the whole organisation. Every
-- other department without a parent moves under it, so none keeps a sight of everything it should not have.

UPDATE department SET parent_id = (SELECT MIN(id) FROM department WHERE parent_id IS NULL)
WHERE parent_id IS NULL AND id <> (SELECT MIN(id) FROM department WHERE parent_id IS NULL);
