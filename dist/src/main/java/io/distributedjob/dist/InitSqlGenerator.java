package io.distributedjob.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Writes {@code scripts/init-db/init.sql} from the server's MySQL migrations: every versioned migration in
 * version order, verbatim, then the {@code flyway_schema_history} rows Flyway would have written for them, so a
 * server started on a database made from the file finds it up to date and migrates only what came later.
 * <p>
 * Usage: {@code InitSqlGenerator <migrations directory> <output file>}.
 */
public final class InitSqlGenerator {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String INSTALLED_BY = "init.sql";

    private InitSqlGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: InitSqlGenerator <migrations directory> <output file>");
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, generate(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    /** The whole init.sql for the migrations in {@code directory}. */
    public static String generate(Path directory) {
        List<Migration> migrations = migrations(directory);
        if (migrations.isEmpty()) {
            throw new IllegalStateException("no versioned migrations (V<version>__<description>.sql) in " + directory);
        }
        StringBuilder sql = new StringBuilder();
        sql.append("""
                -- DistributedJob schema for MySQL 8 / MariaDB 10.6+, GENERATED from
                -- server/src/main/resources/db/migration/mysql by the dist build: do not edit.
                -- Run it in an empty database (the Docker MySQL image runs it from /docker-entrypoint-initdb.d):
                --   mysql -uroot scheduler < scripts/init-db/init.sql
                -- The administrator is created with auth.adminUsername / auth.adminPassword on the first start.

                SET NAMES utf8mb4;
                SET time_zone = '+00:00';

                """);
        for (Migration migration : migrations) {
            String statements = migration.text().stripTrailing();
            // Flyway ends a file's last statement by itself; concatenated, it needs its delimiter.
            sql.append("-- ").append(migration.script()).append('\n').append(statements)
                    .append(statements.endsWith(";") ? "" : ";").append("\n\n");
        }
        sql.append(historyTable());
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            sql.append("INSERT INTO `").append(HISTORY_TABLE).append("` (`installed_rank`, `version`, `description`, `type`,"
                            + " `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (")
                    .append(i + 1).append(", ")
                    .append(quote(migration.version())).append(", ")
                    .append(quote(migration.description())).append(", 'SQL', ")
                    .append(quote(migration.script())).append(", ")
                    .append(migration.checksum()).append(", ")
                    .append(quote(INSTALLED_BY)).append(", 0, 1);\n");
        }
        return sql.toString();
    }

    private static String historyTable() {
        // The table as Flyway's MySQL support creates it.
        return """
                CREATE TABLE `%1$s` (
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
                    CONSTRAINT `%1$s_pk` PRIMARY KEY (`installed_rank`)
                ) ENGINE=InnoDB;
                CREATE INDEX `%1$s_s_idx` ON `%1$s` (`success`);

                """.formatted(HISTORY_TABLE);
    }

    static List<Migration> migrations(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Migration::read)
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Migration::versionParts, InitSqlGenerator::compareVersions))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int compareVersions(int[] left, int[] right) {
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(i < left.length ? left[i] : 0, i < right.length ? right[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** One versioned migration and what Flyway records of it. */
    record Migration(String script, String version, String description, String text) {

        static Migration read(Path file) {
            Matcher name = VERSIONED.matcher(file.getFileName().toString());
            if (!name.matches()) {
                return null;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.contains("${")) {
                    // Flyway would substitute placeholders; copying the text verbatim would then differ from it.
                    throw new IllegalStateException(file + " uses a Flyway placeholder, which init.sql cannot reproduce");
                }
                return new Migration(file.getFileName().toString(), name.group(1).replace('_', '.'),
                        name.group(2).replace('_', ' '), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int[] versionParts() {
            return Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        }

        /** Flyway's checksum: CRC32 over the UTF-8 bytes of each line, without line breaks or a leading BOM. */
        int checksum() {
            CRC32 crc = new CRC32();
            try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
                String line = lines.readLine();
                if (line != null && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                while (line != null) {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                    line = lines.readLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return (int) crc.getValue();
        }
    }
}
