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
