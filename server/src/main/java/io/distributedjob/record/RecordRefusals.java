package io.distributedjob.record;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;

/**
 * Keeps one record the database refuses (a value too long for its column, say) from holding back the others:
 * a refused batch is split in halves until the refused records are alone, and each of those is stored cut down,
 * with the reason in its error, or, if even that is refused, logged and given up. A batch that fails because the
 * database is unreachable is not split: the failure goes to the caller, which retries it whole (records already
 * written by then are not written twice).
 */
final class RecordRefusals {

    private static final Logger log = LoggerFactory.getLogger(RecordRefusals.class);

    /** Writes records in one transaction. */
    interface Insert {
        void insert(List<ExecutionRecord> records);
    }

    private final Insert insert;

    RecordRefusals(Insert insert) {
        this.insert = insert;
    }

    void insertFindingRefused(List<ExecutionRecord> records) {
        try {
            insert.insert(records);
        } catch (RuntimeException e) {
            if (!refused(e)) {
                throw e;
            }
            if (records.size() == 1) {
                storeCutDown(records.getFirst(), e);
                return;
            }
            int half = records.size() / 2;
            insertFindingRefused(records.subList(0, half));
            insertFindingRefused(records.subList(half, records.size()));
        }
    }

    private void storeCutDown(ExecutionRecord record, RuntimeException refusal) {
        String why = "the database refused the full record (" + rootMessage(refusal) + ")";
        String name = record.taskName() == null || record.taskName().length() <= RecordColumns.NAME_LENGTH
                ? record.taskName() : record.taskName().substring(0, RecordColumns.NAME_LENGTH);
        String error = record.error() == null ? "stored cut down: " + why : record.error() + "; stored cut down: " + why;
        try {
            insert.insert(List.of(record.withTexts(name, Utf8.cut(record.response(), RecordColumns.ERROR_BYTES),
                    Utf8.cut(error, RecordColumns.ERROR_BYTES))));
            return;
        } catch (RuntimeException again) {
            if (!refused(again)) {
                throw again;
            }
        }
        try {
            insert.insert(List.of(record.withTexts(name, null, Utf8.cut("stored without its response: " + why,
                    RecordColumns.ERROR_BYTES))));
        } catch (RuntimeException last) {
            if (!refused(last)) {
                throw last;
            }
            log.error("The database refuses the record of fire {} even cut down, it is not stored: {}",
                    record.fireId(), rootMessage(last));
        }
    }

    /** Refused for what the record holds, as opposed to the database being unreachable or busy. */
    private static boolean refused(RuntimeException e) {
        return e instanceof NonTransientDataAccessException && !(e instanceof NonTransientDataAccessResourceException);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
