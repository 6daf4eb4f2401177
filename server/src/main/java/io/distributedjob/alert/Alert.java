package io.distributedjob.alert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One alert about one task, before it is formatted for a channel. */
record Alert(AlertKind kind, long taskId, String taskName, long departmentId, String fireId, Instant scheduledTime,
             String error, int consecutiveFailures, Instant time) {

    private static final int ERROR_SHOWN = 500;

    String title() {
        String what = switch (kind) {
            case FAILURE -> "failed";
            case CONSECUTIVE_FAILURES -> "failed " + consecutiveFailures + " times in a row";
            case MISSED_FIRE -> "missed its fire";
            case RECOVERY -> "recovered";
        };
        return "[DistributedJob] task " + taskName + " (#" + taskId + ") " + what;
    }

    AlertMessage message() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", taskId);
        details.put("taskName", taskName);
        details.put("departmentId", departmentId);
        details.put("fireId", fireId);
        details.put("scheduledTime", scheduledTime == null ? null : DateTimeFormatter.ISO_INSTANT.format(scheduledTime));
        details.put("consecutiveFailures", consecutiveFailures);
        details.put("error", error == null ? null : shorten(error));
        details.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        StringBuilder text = new StringBuilder(title());
        details.forEach((name, value) -> {
            if (value != null) {
                text.append('\n').append(name).append(": ").append(value);
            }
        });
        return new AlertMessage(kind.name(), title(), text.toString(), details);
    }

    private static String shorten(String error) {
        return error.length() <= ERROR_SHOWN ? error : error.substring(0, ERROR_SHOWN) + "…";
    }
}
