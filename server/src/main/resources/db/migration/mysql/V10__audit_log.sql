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
    create_time         DATETIME(3)  NOT NULL,
    KEY idx_create_time (create_time),
    KEY idx_department_time (actor_department_id, create_time),
    KEY idx_actor_name (actor_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
