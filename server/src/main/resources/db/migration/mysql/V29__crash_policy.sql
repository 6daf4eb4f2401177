-- What a takeover does with a fire whose call had started when its instance stopped (see task.CrashPolicy).
ALTER TABLE task ADD COLUMN crash_policy VARCHAR(16) NOT NULL DEFAULT 'RERUN';
