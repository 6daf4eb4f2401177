package io.distributedjob.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import io.distributedjob.record.RecordTables;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every database must do the same way: migrations, seed data, UTC instants and month tables. */
interface StorageSuite {

    ApplicationContext context();

    default JdbcTemplate jdbc() {
        return context().getBean(JdbcTemplate.class);
    }

    default RecordTables recordTables() {
        return context().getBean(RecordTables.class);
    }

    @Test
    default void migrationsCreateTheSpecTables() {
        for (String table : List.of("department", "user", "role", "permission", "role_permission", "task")) {
            assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .as("table %s", table).isNotNull();
        }
    }

    @Test
    default void firstStartSeedsPermissionsRoleDepartmentAndAdmin() {
        assertThat(jdbc().queryForList("SELECT code FROM permission ORDER BY id", String.class)).containsExactly(
                "task:view", "task:create", "task:update", "task:delete", "record:view",
                "department:manage", "user:manage", "role:manage");
        assertThat(jdbc().queryForObject(
                "SELECT COUNT(*) FROM role_permission rp JOIN role r ON r.id = rp.role_id WHERE r.name = '管理员'",
                Long.class)).isEqualTo(8);
        assertThat(jdbc().queryForObject(
                "SELECT d.name FROM user u JOIN department d ON d.id = u.department_id WHERE u.username = 'admin'",
                String.class)).isEqualTo("总部");
        String hash = jdbc().queryForObject("SELECT password FROM user WHERE username = 'admin'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain("admin");
    }

    @Test
    default void defaultTimestampsAreUtcWhateverTheJvmZone() {
        jdbc().update("INSERT INTO department (name, description, parent_id, status) VALUES ('utc-check', NULL, NULL, 1)");
        LocalDateTime stored = jdbc().queryForObject(
                "SELECT create_time FROM department WHERE name = 'utc-check'", LocalDateTime.class);
        assertThat(Duration.between(SqlTime.fromDb(stored), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    default void instantsRoundTripExactlyToTheMillisecond() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123Z");
        jdbc().update("INSERT INTO department (name, status, create_time) VALUES ('round-trip', 1, ?)", SqlTime.toDb(instant));
        LocalDateTime stored = jdbc().queryForObject(
                "SELECT create_time FROM department WHERE name = 'round-trip'", LocalDateTime.class);
        assertThat(SqlTime.fromDb(stored)).isEqualTo(instant);
    }

    @Test
    default void monthTablesAreCreatedOnDemandAndDroppedWhole() {
        YearMonth month = YearMonth.of(2001, 2);
        String table = recordTables().ensure(month);
        assertThat(table).isEqualTo("record_200102");
        assertThat(recordTables().ensure(month)).isEqualTo(table);

        jdbc().update("INSERT INTO " + table + " (task_id, task_name, task_type, department_id, fire_id, scheduled_time,"
                + " trigger_type) VALUES (1, 't', 'HTTP', 1, '1:x', ?, 'CRON')", SqlTime.toDb(Instant.parse("2001-02-03T04:05:06Z")));
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).isEqualTo(1);
        assertThat(recordTables().months()).contains(month);
        assertThat(recordTables().exists(month)).isTrue();

        recordTables().drop(month);
        assertThat(recordTables().months()).doesNotContain(month);
        assertThat(recordTables().exists(month)).isFalse();
    }
}
