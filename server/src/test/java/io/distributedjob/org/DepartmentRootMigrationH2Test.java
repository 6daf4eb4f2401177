package io.distributedjob.org;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DepartmentRootMigrationH2Test implements DepartmentRootMigrationSuite {

    @Override
    public DataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE;DB_CLOSE_DELAY=-1");
    }

    @Override
    public String dialect() {
        return "h2";
    }
}
