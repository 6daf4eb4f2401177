-- What each instance reports about itself with its heartbeat, for GET /instances: the server version it runs
-- and the executions it is running.
ALTER TABLE engine_instance ADD COLUMN version VARCHAR(64) NULL;
ALTER TABLE engine_instance ADD COLUMN fires_running INT NOT NULL DEFAULT 0;
