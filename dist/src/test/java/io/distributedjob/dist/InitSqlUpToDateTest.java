package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed scripts/init-db/init.sql is what the generator makes of today's migrations. */
class InitSqlUpToDateTest {

    private static final String REFRESH = "mvn -o -q -pl dist process-classes -Dinit-db.output=$PWD/scripts/init-db/init.sql";

    @Test
    void committedInitSqlMatchesTheMigrations() throws Exception {
        Path committed = Repository.path("scripts/init-db/init.sql");
        String generated = InitSqlGenerator.generate(Repository.migrations());

        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("scripts/init-db/init.sql is out of date with the migrations: refresh it with " + REFRESH)
                .isEqualTo(generated);
    }

    @Test
    void recordsEveryMigrationInVersionOrderWithFlywaysDescription(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V2__second_step.sql"), "CREATE TABLE b (id INT);\n");
        Files.writeString(migrations.resolve("V10__tenth.sql"), "CREATE TABLE c (id INT)\n");
        Files.writeString(migrations.resolve("V1__schema.sql"), "\uFEFFCREATE TABLE a (id INT);\n");
        Files.writeString(migrations.resolve("README.txt"), "not a migration");

        String sql = InitSqlGenerator.generate(migrations);

        assertThat(sql.indexOf("CREATE TABLE a")).isLessThan(sql.indexOf("CREATE TABLE b"));
        assertThat(sql.indexOf("CREATE TABLE b")).isLessThan(sql.indexOf("CREATE TABLE c"));
        assertThat(sql).contains("CREATE TABLE c (id INT);")
                .contains("(2, '2', 'second step', 'SQL', 'V2__second_step.sql', ")
                .contains("(3, '10', 'tenth', 'SQL', 'V10__tenth.sql', ")
                .doesNotContain("not a migration");
    }

    @Test
    void checksumIgnoresLineBreakStyleAndByteOrderMarkAsFlywayDoes(@TempDir Path migrations) throws Exception {
        Path unix = Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id INT);\nSELECT 1;\n");
        Path windows = Files.writeString(migrations.resolve("V2__a.sql"), "\uFEFFCREATE TABLE a (id INT);\r\nSELECT 1;\r\n");
        Path other = Files.writeString(migrations.resolve("V3__a.sql"), "CREATE TABLE a (id BIGINT);\nSELECT 1;\n");

        int checksum = InitSqlGenerator.Migration.read(unix).checksum();

        assertThat(InitSqlGenerator.Migration.read(windows).checksum()).isEqualTo(checksum);
        assertThat(InitSqlGenerator.Migration.read(other).checksum()).isNotEqualTo(checksum);
    }
}
