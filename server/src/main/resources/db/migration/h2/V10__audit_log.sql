-- Who did what to which object, when, from where, and whether it succeeded. Rows carry the actor's department
-- so that department managers see the actions of their own departments only.

CREATE TABLE audit_log (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor_id            BIGINT       NULL,
    actor_name          VARCHAR(50)  NOT NULL,
    actor_department_id BIGINT       NULL,
    action              VARCHAR(32)  NOT NULL,
    target_type         VARCHAR(32)  NOT NULL,
    target_id           BIGINT       NULL,
    outcome             VARCHAR(16)  NOT NULL,
    detail              VARCHAR(500) NULL,
    client_address      VARCHAR(64)  NULL,
    create_time         DATETIME(3)  NOT NULL
);
CREATE INDEX audit_log_idx_create_time ON audit_log (create_time);
CREATE INDEX audit_log_idx_department_time ON audit_log (actor_department_id, create_time);
CREATE INDEX audit_log_idx_actor_name ON audit_log (actor_name);
