package io.distributedjob.record;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.distributedjob.kernel.ApiException;

/** A range of scheduled times [{@code from}, {@code to}) asked for by a client; an open end is null. */
record RecordRange(Instant from, Instant to) {

    /** Longest error text a search may give. */
    static final int ERROR_KEYWORD_MAX = 255;

    static RecordRange of(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("to: must be later than from");
        }
        return new RecordRange(from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }

    static String errorKeyword(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        if (keyword.length() > ERROR_KEYWORD_MAX) {
            throw ApiException.invalid("errorKeyword: must be at most " + ERROR_KEYWORD_MAX + " characters");
        }
        return keyword.strip();
    }
}
