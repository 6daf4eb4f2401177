-- gRPC tasks choose plaintext (the default, as before) or TLS per task.

ALTER TABLE task ADD COLUMN grpc_tls BOOLEAN DEFAULT FALSE NOT NULL;
