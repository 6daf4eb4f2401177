package io.distributedjob.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import io.distributedjob.support.Database;
import io.distributedjob.support.MariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration that leaves the root as the only department without a parent, run on a database holding what
 * earlier versions allowed: several parentless departments, each of whose members saw everything.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class DepartmentRootMigrationTest {

    @Parameter
    Database database;

    /** An empty database of the kind under test. */
    private DataSource emptyDatabase() {
        return switch (database) {
            case H2 -> new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE;DB_CLOSE_DELAY=-1");
            case MARIADB -> new DriverManagerDataSource("jdbc:mariadb://" + MariaDb.hostPort() + "/" + MariaDb.freshSchema(),
                    MariaDb.username(), MariaDb.password());
        };
    }

    @Test
    void parentlessDepartmentsMoveUnderTheRootAndTheRestStaysPut() {
        DataSource database = emptyDatabase();
        migrate(database, "21");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        long root = insert(jdbc, "总部", null, 1);
        long a = insert(jdbc, "A", null, 1);
        long aChild = insert(jdbc, "A-child", a, 1);
        long disabled = insert(jdbc, "B", null, 0);

        migrate(database, "22");

        assertThat(parentOf(jdbc, root)).isNull();
        assertThat(parentOf(jdbc, a)).isEqualTo(root);
        assertThat(parentOf(jdbc, disabled)).isEqualTo(root);
        assertThat(parentOf(jdbc, aChild)).isEqualTo(a);
        assertThat(jdbc.queryForObject("SELECT status FROM department WHERE id = ?", Integer.class, disabled))
                .as("a moved department keeps its status").isZero();
    }

    @Test
    void anEmptyDatabaseMigrates() {
        DataSource database = emptyDatabase();
        migrate(database, "22");
        assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM department", Long.class)).isZero();
    }

    private void migrate(DataSource database, String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration/" + this.database.migrations()).target(version)
                .load().migrate();
    }

    private static long insert(JdbcTemplate jdbc, String name, Long parentId, int status) {
        jdbc.update("INSERT INTO department (name, parent_id, status) VALUES (?, ?, ?)", name, parentId, status);
        return jdbc.queryForObject("SELECT MAX(id) FROM department", Long.class);
    }

    private static Long parentOf(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT parent_id FROM department WHERE id = ?", Long.class, id);
    }
}
