package io.distributedjob.storage;

import io.distributedjob.record.RecordTables;
import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class StorageOnH2Test extends H2ServerTest implements StorageSuite {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RecordTables recordTables;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public RecordTables recordTables() {
        return recordTables;
    }
}
