package io.distributedjob.org;

import javax.sql.DataSource;

import io.distributedjob.support.MariaDb;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DepartmentRootMigrationMariaDbTest implements DepartmentRootMigrationSuite {

    @Override
    public DataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:mariadb://" + MariaDb.hostPort() + "/" + MariaDb.freshSchema(),
                MariaDb.username(), MariaDb.password());
    }

    @Override
    public String dialect() {
        return "mysql";
    }
}
