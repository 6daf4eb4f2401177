package io.distributedjob.record;

import java.util.List;

/** Part of a record list taken by limit and offset, with the number of records the whole list holds. */
public record RecordSlice(List<RecordView> records, long total) {
}
