package io.distributedjob.record;

/**
 * One call a fire made to a target.
 *
 * @param attempt        1 for the first call, counting retries and the fallback
 * @param fallback       whether it went to the fallback target
 * @param target         the URL, or for gRPC {@code <address>/<package.Service>/<Method>}
 * @param statusCode     HTTP status or gRPC code; null when nothing answered
 * @param durationMillis from the call's start to its answer or failure
 * @param error          why it failed; null when it succeeded
 */
public record ExecutionAttempt(int attempt, boolean fallback, String target, Integer statusCode, long durationMillis,
                               String error) {

    /** Calls a record keeps, the latest ones: a fire with more retries loses its earliest (their numbers show it). */
    public static final int KEPT = 20;
    /** Characters of an attempt's error kept; the record's own error holds the decisive one in full. */
    public static final int ERROR_KEPT = 500;

    public ExecutionAttempt {
        if (error != null && error.length() > ERROR_KEPT) {
            error = error.substring(0, ERROR_KEPT);
        }
    }
}
