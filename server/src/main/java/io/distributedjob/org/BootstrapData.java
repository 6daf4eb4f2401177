package io.distributedjob.org;

import io.distributedjob.access.PasswordHasher;
import io.distributedjob.config.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: the root department 总部, the administrator role holding every permission,
 * and the bootstrap administrator from {@code auth.adminUsername}/{@code auth.adminPassword}. Does nothing once
 * any user exists, so changed or deleted seed data is never recreated behind the operator's back. Runs once the
 * schema is migrated and before the server takes requests, so a healthy server always has its administrator.
 */
@Component
class BootstrapData implements SmartInitializingSingleton {

    static final String ROOT_DEPARTMENT = "总部";
    static final String ADMIN_ROLE = "管理员";

    private static final Logger log = LoggerFactory.getLogger(BootstrapData.class);

    private final JdbcClient jdbc;
    private final PasswordHasher hasher;
    private final AuthSettings auth;

    BootstrapData(JdbcClient jdbc, PasswordHasher hasher, AuthSettings auth) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.auth = auth;
    }

    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        long users = jdbc.sql("SELECT COUNT(*) FROM user").query(Long.class).single();
        if (users > 0) {
            return;
        }
        long departmentId = insertReturningId(
                "INSERT INTO department (name, description, parent_id, status) VALUES (?, ?, NULL, 1)",
                ROOT_DEPARTMENT, ROOT_DEPARTMENT);
        long roleId = jdbc.sql("SELECT id FROM role WHERE name = ?").param(ADMIN_ROLE)
                .query(Long.class).optional()
                .orElseGet(() -> insertReturningId(
                        "INSERT INTO role (name, description, status) VALUES (?, ?, 1)",
                        ADMIN_ROLE, "拥有所有权限的系统管理员"));
        jdbc.sql("INSERT INTO role_permission (role_id, permission_id) SELECT ?, p.id FROM permission p"
                        + " WHERE NOT EXISTS (SELECT 1 FROM role_permission rp WHERE rp.role_id = ? AND rp.permission_id = p.id)")
                .params(roleId, roleId).update();
        jdbc.sql("INSERT INTO user (username, password, real_name, department_id, role_id, status) VALUES (?, ?, ?, ?, ?, 1)")
                .params(auth.adminUsername(), hasher.hash(auth.adminPassword()), "系统管理员", departmentId, roleId)
                .update();
        log.info("Created the bootstrap administrator '{}' in department {}", auth.adminUsername(), ROOT_DEPARTMENT);
        if (AuthSettings.SAMPLE_ADMIN_PASSWORD.equals(auth.adminPassword())) {
            log.warn("The bootstrap administrator has the sample password: change it after the first login");
        }
    }

    private long insertReturningId(String sql, Object... params) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
