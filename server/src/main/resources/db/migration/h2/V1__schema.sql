-- Instants are DATETIME(3) in UTC: every connection sets TIME ZONE to UTC.
-- update_time is kept by the repositories (H2 has no ON UPDATE clause in this mode).

CREATE TABLE department (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(500) NULL,
    parent_id   BIGINT       NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX department_idx_parent_id ON department (parent_id);
CREATE INDEX department_idx_status ON department (status);

CREATE TABLE role (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE UNIQUE INDEX role_idx_name ON role (name);

CREATE TABLE permission (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL,
    code        VARCHAR(50)  NOT NULL,
    description VARCHAR(255) NULL,
    status      TINYINT      NOT NULL DEFAULT 1,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE UNIQUE INDEX permission_idx_code ON permission (code);

CREATE TABLE role_permission (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id       BIGINT      NOT NULL,
    permission_id BIGINT      NOT NULL,
    create_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE UNIQUE INDEX role_permission_idx_role_perm ON role_permission (role_id, permission_id);
CREATE INDEX role_permission_idx_permission_id ON role_permission (permission_id);

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
    update_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE UNIQUE INDEX user_idx_username ON user (username);
CREATE INDEX user_idx_department_id ON user (department_id);
CREATE INDEX user_idx_role_id ON user (role_id);
CREATE INDEX user_idx_status ON user (status);

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
    update_time          DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX task_idx_next_exec ON task (next_execute_time);
CREATE INDEX task_idx_department_type ON task (department_id, task_type);
CREATE INDEX task_idx_status ON task (status);
CREATE INDEX task_idx_creator ON task (creator_id);
CREATE INDEX task_idx_name ON task (name);

INSERT INTO permission (name, code, description) VALUES
    ('任务查看', 'task:view', '查看任务的权限'),
    ('任务创建', 'task:create', '创建任务的权限'),
    ('任务更新', 'task:update', '编辑任务的权限'),
    ('任务删除', 'task:delete', '删除任务的权限'),
    ('记录查看', 'record:view', '查看执行记录的权限'),
    ('部门管理', 'department:manage', '管理部门的权限'),
    ('用户管理', 'user:manage', '管理用户的权限'),
    ('角色管理', 'role:manage', '管理角色的权限');
