-- DistributedJob schema for MySQL 8 / MariaDB 10.6+, GENERATED from
-- server/src/main/resources/db/migration/mysql by the dist build: do not edit.
-- Run it in an empty database (the Docker MySQL image runs it from /docker-entrypoint-initdb.d):
--   mysql -uroot scheduler < scripts/init-db/init.sql
-- The administrator is created with auth.adminUsername / auth.adminPassword on the first start.

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- V1__schema.sql
-- Instants are DATETIME(3) in UTC: every connection sets time_zone to +00:00.

CREATE TABLE department (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(500) NULL,
    parent_id   BIGINT       NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY idx_parent_id (parent_id),
    KEY idx_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY idx_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE permission (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL,
    code        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY idx_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_permission (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id       BIGINT      NOT NULL,
    permission_id BIGINT      NOT NULL,
    create_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY idx_role_perm (role_id, permission_id),
    KEY idx_permission_id (permission_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(50)  NOT NULL,
    password      VARCHAR(100) NOT NULL,
    real_name     VARCHAR(50)  NOT NULL,
    email         VARCHAR(100) NULL,
    phone         VARCHAR(20)  NULL,
    department_id BIGINT       NOT NULL,
    role_id       BIGINT       NOT NULL,
    status        TINYINT      NOT NULL DEFAULT 1,
    token_version BIGINT       NOT NULL DEFAULT 0,
    create_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY idx_username (username),
    KEY idx_department_id (department_id),
    KEY idx_role_id (role_id),
    KEY idx_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE task (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(255)  NOT NULL,
    description          TEXT          NULL,
    department_id        BIGINT        NOT NULL,
    task_type            VARCHAR(8)    NOT NULL,
    cron_expression      VARCHAR(255)  NOT NULL,
    timezone             VARCHAR(64)   NOT NULL,
    status               TINYINT       NOT NULL DEFAULT 0,
    timeout              INT           NOT NULL DEFAULT 30,
    max_retry            INT           NOT NULL DEFAULT 0,
    retry_interval       INT           NOT NULL DEFAULT 0,
    url                  VARCHAR(2048) NULL,
    http_method          VARCHAR(8)    NULL,
    headers              TEXT          NULL,
    body                 MEDIUMTEXT    NULL,
    fallback_url         VARCHAR(2048) NULL,
    grpc_service         VARCHAR(512)  NULL,
    grpc_method          VARCHAR(255)  NULL,
    grpc_params          MEDIUMTEXT    NULL,
    fallback_grpc_service VARCHAR(512) NULL,
    fallback_grpc_method VARCHAR(255)  NULL,
    misfire_policy       VARCHAR(16)   NOT NULL DEFAULT 'FIRE_ONCE',
    concurrency_policy   VARCHAR(16)   NOT NULL DEFAULT 'ALLOW',
    last_execute_time    DATETIME(3)   NULL,
    next_execute_time    DATETIME(3)   NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    creator_id           BIGINT        NOT NULL,
    create_time          DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time          DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY idx_next_exec (next_execute_time),
    KEY idx_department_type (department_id, task_type),
    KEY idx_status (status),
    KEY idx_creator (creator_id),
    KEY idx_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO permission (name, code, description) VALUES
    ('任务查看', 'task:view', '查看任务的权限'),
    ('任务创建', 'task:create', '创建任务的权限'),
    ('任务更新', 'task:update', '编辑任务的权限'),
    ('任务删除', 'task:delete', '删除任务的权限'),
    ('记录查看', 'record:view', '查看执行记录的权限'),
    ('部门管理', 'department:manage', '管理部门的权限'),
    ('用户管理', 'user:manage', '管理用户的权限'),
    ('角色管理', 'role:manage', '管理角色的权限');

-- V10__audit_log.sql
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

-- V20__engine.sql
-- Scheduling engine: a claimed fire is leased to the instance that claimed it (lease_owner) from claimed_from
-- up to next_execute_time; an instance's done_before says up to when all its claimed fires are recorded.

ALTER TABLE task
    ADD COLUMN lease_owner VARCHAR(64) NULL,
    ADD COLUMN claimed_from DATETIME(3) NULL,
    ADD KEY idx_lease_owner (lease_owner),
    ADD KEY idx_update_time (update_time);

CREATE TABLE engine_instance (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    host           VARCHAR(255) NOT NULL,
    started_time   DATETIME(3)  NOT NULL,
    heartbeat_time DATETIME(3)  NOT NULL,
    done_before    DATETIME(3)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- V21__task_deletion.sql
-- A deleted task leaves its id here for a while, so that every engine instance drops the fires it already
-- claimed for it (an edit is seen through update_time; a deleted row cannot be).

CREATE TABLE task_deletion (
    task_id     BIGINT      NOT NULL PRIMARY KEY,
    delete_time DATETIME(3) NOT NULL,
    KEY idx_delete_time (delete_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- V22__departments_under_root.sql
-- Only the root department (the bootstrap one: the oldest without a parent) sees the whole organisation. Every
-- other department without a parent moves under it, so none keeps a sight of everything it should not have.
-- MySQL cannot read the table an UPDATE writes in a subquery, so the root comes from a derived table.

UPDATE department d
JOIN (SELECT MIN(id) AS root_id FROM department WHERE parent_id IS NULL) root ON d.id <> root.root_id
SET d.parent_id = root.root_id
WHERE d.parent_id IS NULL;

-- V24__grpc_tls.sql
-- gRPC tasks choose plaintext (the default, as before) or TLS per task.

ALTER TABLE task ADD COLUMN grpc_tls BOOLEAN NOT NULL DEFAULT FALSE AFTER fallback_grpc_method;

-- V26__instance_state.sql
-- What each instance reports about itself with its heartbeat, for GET /instances: the server version it runs
-- and the executions it is running.
ALTER TABLE engine_instance ADD COLUMN version VARCHAR(64) NULL;
ALTER TABLE engine_instance ADD COLUMN fires_running INT NOT NULL DEFAULT 0;

-- V27__alerts.sql
-- Alerts: where they go (channels, owned by a department), when they are raised (rules, owned by a task or a
-- department), what each task's last outcomes were (for N-in-a-row and recovery), and what was sent. A row of
-- alert_event is the claim of one instance to send one alert: its unique key spans the rule, the task and the
-- throttle window, so a second instance (or a second alert within the window) finds the key taken.

CREATE TABLE alert_channel (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    department_id BIGINT       NOT NULL,
    channel_type  VARCHAR(16)  NOT NULL,
    url           VARCHAR(1000) NULL,
    secret        VARCHAR(500) NULL,
    recipients    VARCHAR(1000) NULL,
    enabled       TINYINT      NOT NULL DEFAULT 1,
    create_time   DATETIME(3)  NOT NULL,
    update_time   DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_department_name (department_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An owner (TASK or DEPARTMENT) with a row here has its own rules (possibly none); others inherit.
CREATE TABLE alert_rule_set (
    owner_type  VARCHAR(16) NOT NULL,
    owner_id    BIGINT      NOT NULL,
    update_time DATETIME(3) NOT NULL,
    PRIMARY KEY (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_rule (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_type       VARCHAR(16) NOT NULL,
    owner_id         BIGINT      NOT NULL,
    kind             VARCHAR(24) NOT NULL,
    threshold        INT         NOT NULL,
    throttle_seconds INT         NOT NULL,
    KEY idx_owner (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_rule_channel (
    rule_id    BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    PRIMARY KEY (rule_id, channel_id),
    KEY idx_channel (channel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_task_state (
    task_id              BIGINT      NOT NULL PRIMARY KEY,
    consecutive_failures INT         NOT NULL,
    failure_alerted      TINYINT     NOT NULL,
    update_time          DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule_id      BIGINT       NOT NULL,
    task_id      BIGINT       NOT NULL,
    window_start DATETIME(3)  NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    fire_id      VARCHAR(64)  NULL,
    message      VARCHAR(1000) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    error        VARCHAR(1000) NULL,
    instance_id  VARCHAR(128) NOT NULL,
    create_time  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_rule_task_window (rule_id, task_id, window_start),
    KEY idx_task_time (task_id, create_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- V28__task_list_index.sql
-- A department's task list, newest first, read in index order: without it the rows of one department are
-- sorted after the fact (idx_department_type orders them by type first).
ALTER TABLE task ADD KEY idx_department_id_id (department_id, id);

-- V29__crash_policy.sql
-- What a takeover does with a fire whose call had started when its instance stopped (see task.CrashPolicy).
ALTER TABLE task ADD COLUMN crash_policy VARCHAR(16) NOT NULL DEFAULT 'RERUN';

CREATE TABLE `flyway_schema_history` (
    `installed_rank` INT NOT NULL,
    `version` VARCHAR(50),
    `description` VARCHAR(200) NOT NULL,
    `type` VARCHAR(20) NOT NULL,
    `script` VARCHAR(1000) NOT NULL,
    `checksum` INT,
    `installed_by` VARCHAR(100) NOT NULL,
    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `execution_time` INT NOT NULL,
    `success` BOOL NOT NULL,
    CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)
) ENGINE=InnoDB;
CREATE INDEX `flyway_schema_history_s_idx` ON `flyway_schema_history` (`success`);

INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (1, '1', 'schema', 'SQL', 'V1__schema.sql', -850232007, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (2, '10', 'audit log', 'SQL', 'V10__audit_log.sql', 190854982, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (3, '20', 'engine', 'SQL', 'V20__engine.sql', -918881915, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (4, '21', 'task deletion', 'SQL', 'V21__task_deletion.sql', 1435391427, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (5, '22', 'departments under root', 'SQL', 'V22__departments_under_root.sql', 1736607252, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (6, '24', 'grpc tls', 'SQL', 'V24__grpc_tls.sql', 1253989294, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (7, '26', 'instance state', 'SQL', 'V26__instance_state.sql', -1839911357, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (8, '27', 'alerts', 'SQL', 'V27__alerts.sql', -945424816, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (9, '28', 'task list index', 'SQL', 'V28__task_list_index.sql', 1924218894, 'init.sql', 0, 1);
INSERT INTO `flyway_schema_history` (`installed_rank`, `version`, `description`, `type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (10, '29', 'crash policy', 'SQL', 'V29__crash_policy.sql', 302051321, 'init.sql', 0, 1);
