package io.distributedjob.record;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.distributedjob.kernel.ApiException;

/** The task and scheduled instant a fire id ({@link ExecutionRecord#fireId}) names. */
record FireKey(long taskId, Instant scheduledTime) {

    static FireKey parse(String fireId) {
        int colon = fireId == null ? -1 : fireId.indexOf(':');
        if (colon <= 0) {
            throw malformed();
        }
        try {
            return new FireKey(Long.parseLong(fireId.substring(0, colon)), Instant.parse(fireId.substring(colon + 1)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.invalid("fireId: must be <taskId>:<scheduled instant>, such as 12:2026-01-01T04:00:00Z");
    }
}
