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
