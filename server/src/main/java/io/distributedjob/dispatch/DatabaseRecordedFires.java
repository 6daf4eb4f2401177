package io.distributedjob.dispatch;

import java.time.Clock;
import java.time.YearMonth;

import io.distributedjob.record.RecordTables;
import io.distributedjob.storage.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;

/** Looks a fire up in the month table its record goes to (by scheduled instant), on the task-and-time index. */
public class DatabaseRecordedFires implements RecordedFires {

    private final RecordTables tables;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DatabaseRecordedFires(RecordTables tables, JdbcTemplate jdbc, Clock clock) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean recorded(DispatchedFire fire) {
        YearMonth month = YearMonth.from(fire.scheduledTime().atZone(clock.getZone()));
        if (!tables.exists(month)) {
            return false;
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM " + RecordTables.tableName(month)
                        + " WHERE task_id = ? AND scheduled_time = ? AND fire_id = ?", Integer.class,
                fire.taskId(), SqlTime.toDb(fire.scheduledTime()), fire.fireId());
        return found != null && found > 0;
    }
}
